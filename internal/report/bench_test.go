package report

import (
	"fmt"
	"io"
	"testing"
)

// benchRows returns n invented quotes.csv rows with two dimensions; some cells need CSV
// quoting or the formula guard.
func benchRows(n int) []QuoteRow {
	quotes := []string{
		"We will not retreat from this plan, whatever the cost.",
		"It is a \"terrible\" mistake and people will suffer for it",
		"The talks were constructive and I am hopeful",
		"-1 is what the figures say, frankly",
		"We need calm heads,\nnot angry words",
	}
	speakers := []string{"Mira Castell", "Tomas Varga", "", "Lena Duvall"}
	rows := make([]QuoteRow, n)
	for i := range rows {
		rows[i] = QuoteRow{
			Seq: i, DocID: fmt.Sprintf("news/2026-11-%02d/%04d.txt", i%28+1, i/7), Start: 40 * i, End: 40*i + 37,
			Speaker: speakers[i%len(speakers)], Mention: "she", Cue: "said", Kind: "speech", Quote: quotes[i%len(quotes)],
			Valence: Fixed((i*7919)%20001 - 10000), NBPositive: Fixed((i * 104729) % 10001),
			Dims:  []Fixed{Fixed((i*31)%20001 - 10000), Fixed(i % 5000)},
			Title: "Council row over budget deepens", Date: "2026-11-26", Source: "Example Gazette", URL: "https://example.com/news/1",
		}
	}
	return rows
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkWriteQuoteRows formats and writes 10,000 quotes.csv rows; bytes are output bytes.
func BenchmarkWriteQuoteRows(b *testing.B) {
	rows := benchRows(10000)
	var cw countWriter
	w := NewWriter(&cw, DefaultFormat)
	for i := range rows {
		w.Write(rows[i].Record(DefaultFormat))
	}
	w.Flush()
	b.ReportAllocs()
	b.SetBytes(cw.n)
	for b.Loop() {
		w := NewWriter(io.Discard, DefaultFormat)
		for i := range rows {
			if err := w.Write(rows[i].Record(DefaultFormat)); err != nil {
				b.Fatal(err)
			}
		}
		w.Flush()
	}
}

// BenchmarkWriteScoreRows writes the short numeric rows of quotetone score.
func BenchmarkWriteScoreRows(b *testing.B) {
	rows := benchRows(10000)
	f := Format{Delimiter: ','}
	rec := make([]string, 0, 5)
	var cw countWriter
	write := func(w *Writer) {
		for i := range rows {
			r := &rows[i]
			rec = append(rec[:0], r.DocID, f.Fixed(r.Valence), f.Fixed(r.NBPositive), f.Fixed(r.Dims[0]), f.Fixed(r.Dims[1]))
			if err := w.Write(rec); err != nil {
				b.Fatal(err)
			}
		}
		w.Flush()
	}
	write(NewWriter(&cw, f))
	b.ReportAllocs()
	b.SetBytes(cw.n)
	for b.Loop() {
		write(NewWriter(io.Discard, f))
	}
}

// BenchmarkGuard checks text cells for formula injection.
func BenchmarkGuard(b *testing.B) {
	cells := []string{"Mira Castell", "-0.2500", "=SUM(A1:A3)", "We will not retreat.", "+44 20 7946 0000", "'=1", "said"}
	var n int64
	for _, c := range cells {
		n += int64(len(c))
	}
	b.ReportAllocs()
	b.SetBytes(n)
	for b.Loop() {
		for _, c := range cells {
			Guard(c)
		}
	}
}
