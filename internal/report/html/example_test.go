package htmlreport_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/quotetone/quotetone/internal/report"
	htmlreport "github.com/quotetone/quotetone/internal/report/html"
)

// Write renders the page to any writer; WriteReport puts it in the run's folder.
func ExampleWriter_Write() {
	agg := report.NewAggregator([]string{"cooperation"}, "")
	for i, v := range []report.Fixed{4200, -1500, 800} {
		agg.Add(&report.QuoteRow{Seq: i, DocID: fmt.Sprint("doc-", i), Speaker: "Ines Varga", Kind: "speech",
			Quote: "A fine day for the port", Valence: v, Dims: []report.Fixed{v / 2}})
	}
	run := &report.Run{Dimensions: []string{"cooperation"}, Speakers: agg.Summaries()}
	var b bytes.Buffer
	if err := (htmlreport.Writer{}).Write(&b, run); err != nil {
		fmt.Println(err)
		return
	}
	page := b.String()
	fmt.Println(strings.Count(page, `<section class="speaker"`), "chart row,", strings.Count(page, "<svg"), "chart")
	// Output: 1 chart row, 1 chart
}
