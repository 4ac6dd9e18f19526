package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/quotetone/quotetone/internal/benchcpu"
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

// BenchmarkWriteQuoteRows formats and writes 10,000 quotes.csv rows as the pipeline does; bytes
// are output bytes.
func BenchmarkWriteQuoteRows(b *testing.B) {
	rows := benchRows(10000)
	var cw countWriter
	w := NewWriter(&cw, DefaultFormat)
	for i := range rows {
		w.WriteQuote(&rows[i])
	}
	w.Flush()
	b.ReportAllocs()
	b.SetBytes(cw.n)
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		w := NewWriter(io.Discard, DefaultFormat)
		for i := range rows {
			if err := w.WriteQuote(&rows[i]); err != nil {
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
	var cw countWriter
	write := func(w *Writer) {
		for i := range rows {
			r := &rows[i]
			w.Text(r.DocID)
			w.Fixed(r.Valence)
			w.Fixed(r.NBPositive)
			w.Fixed(r.Dims[0])
			w.Fixed(r.Dims[1])
			if err := w.EndRecord(); err != nil {
				b.Fatal(err)
			}
		}
		w.Flush()
	}
	write(NewWriter(&cw, f))
	b.ReportAllocs()
	b.SetBytes(cw.n)
	defer benchcpu.PerOp(b, 0)()
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
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		for _, c := range cells {
			Guard(c)
		}
	}
}

// TestIsDecimal checks the fast path of the formula guard against strconv.ParseFloat.
func TestIsDecimal(t *testing.T) {
	for _, s := range []string{"0", "-0.2500", "+1", "1,5", "-1,5", "12.", ".5", "-", "+", "1.2.3", "1,2,3", "1e5", "-1e5", "0x10", "1_000", "", "--1", "-.5", "NaN", "Inf", "1 ", " 1", "٣", strings.Repeat("9", 300), strings.Repeat("9", 320), "0." + strings.Repeat("0", 298) + "1"} {
		_, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if isDecimal(s) && err != nil {
			t.Errorf("isDecimal(%q) = true, but ParseFloat fails: %v", s, err)
		}
		if got, want := isNumber(s), err == nil; got != want {
			t.Errorf("isNumber(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestAppendFixed checks the fast number formatting against the fmt formula it replaced.
func TestAppendFixed(t *testing.T) {
	legacy := func(x Fixed, comma bool) string {
		sign := ""
		if x < 0 {
			sign, x = "-", -x
		}
		s := fmt.Sprintf("%s%d.%04d", sign, int64(x)/scale, int64(x)%scale)
		if comma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	values := []Fixed{0, 1, -1, 9, 10, 99, 999, 1000, 9999, 10000, -10000, 12345, -12345, 10001, -9999, 5, -5, 1 << 40, -(1 << 40), math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	for _, x := range []float64{-1, -0.99995, -0.5, -0.00004, -0.00005, 0, 0.00004, 0.00005, 0.25, 0.33333, 1} {
		values = append(values, ToFixed(x))
	}
	for _, x := range values {
		for _, comma := range []bool{false, true} {
			f := Format{DecimalComma: comma}
			want := legacy(x, comma)
			if got := string(f.AppendFixed([]byte("x"), x))[1:]; got != want {
				t.Errorf("AppendFixed(%d, comma %v) = %q, want %q", int64(x), comma, got, want)
			}
			if got := f.Fixed(x); got != want {
				t.Errorf("Fixed(%d, comma %v) = %q, want %q", int64(x), comma, got, want)
			}
		}
		if got, want := x.String(), legacy(x, false); got != want {
			t.Errorf("Fixed(%d).String() = %q, want %q", int64(x), got, want)
		}
	}
}
