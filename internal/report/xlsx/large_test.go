package xlsx

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/quotetone/quotetone/internal/report"
)

// syntheticQuotes returns n invented quotes by speakers speakers, spread over documents of ten
// quotes each, with URLs, so a large workbook can be measured without a corpus.
func syntheticQuotes(n, speakers int) []report.QuoteRow {
	qs := make([]report.QuoteRow, n)
	for i := range qs {
		doc := i / 10
		v := report.Fixed((i*7919)%20001 - 10000)
		qs[i] = report.QuoteRow{Seq: doc, DocID: "doc-" + strconv.Itoa(doc), Start: i % 10 * 80, End: i%10*80 + 60,
			Speaker: fmt.Sprintf("Speaker %04d", (i*31)%speakers), Mention: "the spokesperson", Cue: "said", Kind: "speech",
			Quote:   fmt.Sprintf("We will look at quote number %d carefully, and we expect a fair outcome for everyone involved", i),
			Valence: v, NBPositive: 5000 + v/3, Dims: []report.Fixed{v / 2, -v / 4},
			Title: "Invented article " + strconv.Itoa(doc), Date: fmt.Sprintf("2026-%02d-%02d", 1+doc%12, 1+doc%28), Source: "Wire",
			URL: "https://news.example/articles/" + strconv.Itoa(doc)}
	}
	return qs
}

// BenchmarkWorkbook writes the workbook of a run with 20,000 quotes by 2,000 speakers.
func BenchmarkWorkbook(b *testing.B) {
	run := writeFixture(b, syntheticQuotes(20000, 2000), report.DefaultFormat, "month")
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := (Writer{}).WriteReport(run); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if st, err := os.Stat(filepath.Join(run.Dir, FileName)); err == nil {
		b.ReportMetric(float64(st.Size()), "bytes/file")
	}
}

// TestLarge writes the workbook of QUOTETONE_LARGE quotes (for example 1100000, past Excel's
// row limit) and logs the time and size; run it under /usr/bin/time -v to see peak memory.
func TestLarge(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("QUOTETONE_LARGE"))
	if n <= 0 {
		t.Skip("set QUOTETONE_LARGE=<quotes> to measure a large workbook")
	}
	run := writeFixture(t, syntheticQuotes(n, 2000), report.DefaultFormat, "month")
	start := time.Now()
	if err := (Writer{}).WriteReport(run); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(run.Dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	q, _ := os.Stat(filepath.Join(run.Dir, report.QuotesFile))
	t.Logf("%d quotes: quotes.csv %d bytes, report.xlsx %d bytes, written in %v", n, q.Size(), st.Size(), time.Since(start))
	if out := os.Getenv("QUOTETONE_LARGE_KEEP"); out != "" {
		os.Rename(filepath.Join(run.Dir, FileName), out)
	}
}
