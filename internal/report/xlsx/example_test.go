package xlsx_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/quotetone/quotetone/internal/report"
	"github.com/quotetone/quotetone/internal/report/xlsx"
)

// A report writer runs after the CSV files are in place: here, a quotes.csv with one quote.
func ExampleWriter() {
	dir, _ := os.MkdirTemp("", "quotetone-example-")
	defer os.RemoveAll(dir)
	fh, _ := os.Create(filepath.Join(dir, report.QuotesFile))
	w := report.NewWriter(fh, report.DefaultFormat)
	w.Write(report.QuoteHeader(nil))
	q := report.QuoteRow{DocID: "a1", Speaker: "Ines Varga", Kind: "speech", Quote: "A fine day for the port", Valence: 4200}
	w.Write(q.Record(report.DefaultFormat))
	w.Flush()
	fh.Close()
	agg := report.NewAggregator(nil, "")
	agg.Add(&q)

	run := &report.Run{Dir: dir, Format: report.DefaultFormat, Speakers: agg.Summaries()}
	if err := (xlsx.Writer{}).WriteReport(run); err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenFile(filepath.Join(dir, xlsx.FileName))
	defer f.Close()
	v, _ := f.GetCellValue(xlsx.QuotesSheet, "I2")
	fmt.Println(f.GetSheetList(), v)
	// Output: [Speakers Quotes Errors About] 0.4200
}
