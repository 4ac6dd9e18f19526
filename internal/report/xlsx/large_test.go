package xlsx

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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
// row limit) and logs the time, the size and the Go heap's peak while writing; run it under
// /usr/bin/time -v to see the process's peak memory too. The quotes are generated straight
// into quotes.csv, so the fixture does not hold them in memory.
func TestLarge(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("QUOTETONE_LARGE"))
	if n <= 0 {
		t.Skip("set QUOTETONE_LARGE=<quotes> to measure a large workbook")
	}
	dir := t.TempDir()
	fh, err := os.Create(filepath.Join(dir, report.QuotesFile))
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(fh, 1<<20)
	w := report.NewWriter(bw, report.DefaultFormat)
	w.Write(report.QuoteHeader(fixtureDims))
	agg := report.NewAggregator(fixtureDims, "month")
	for i := 0; i < n; i += 10000 {
		qs := syntheticQuotes(min(10000, n-i), 2000)
		for j := range qs {
			q := &qs[j]
			q.Seq += i / 10
			q.DocID = "doc-" + strconv.Itoa(q.Seq)
			w.Write(q.Record(report.DefaultFormat))
			agg.Add(q)
		}
	}
	w.Flush()
	if err := errors.Join(w.Error(), bw.Flush(), fh.Close()); err != nil {
		t.Fatal(err)
	}
	run := &report.Run{Dir: dir, Manifest: &report.Manifest{Tool: "quotetone", Counts: report.Counts{Quotes: int64(n)}},
		Dimensions: fixtureDims, Format: report.DefaultFormat, Speakers: agg.Summaries(), Periods: agg.PeriodSummaries()}
	agg = nil
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := before.HeapInuse
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	start := time.Now()
	err = (Writer{}).WriteReport(run)
	elapsed := time.Since(start)
	close(done)
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*excelize*")); len(left) > 0 {
		t.Errorf("temporary files left in the output folder: %v", left)
	}
	st, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	q, _ := os.Stat(filepath.Join(dir, report.QuotesFile))
	t.Logf("%d quotes: quotes.csv %d bytes, report.xlsx %d bytes, written in %v; Go heap in use %d MB before, at most %d MB while writing",
		n, q.Size(), st.Size(), elapsed.Round(time.Millisecond), before.HeapInuse>>20, peak>>20)
	if out := os.Getenv("QUOTETONE_LARGE_KEEP"); out != "" {
		os.Rename(filepath.Join(dir, FileName), out)
	}
}
