package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// csvWrite writes records the way Writer did before it encoded cells itself: each cell with
// CR and CRLF made LF and guarded, then encoding/csv with CRLF line ends. Writer must write
// the same bytes.
func csvWrite(w io.Writer, f Format, records [][]string) error {
	if f.BOM {
		io.WriteString(w, bom)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if f.Delimiter != 0 {
		cw.Comma = f.Delimiter
	}
	for _, rec := range records {
		out := make([]string, len(rec))
		for i, cell := range rec {
			out[i] = Guard(strings.ReplaceAll(strings.ReplaceAll(cell, "\r\n", "\n"), "\r", "\n"))
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writerFormats are the formats the differential tests try: the usual ones, and delimiters
// that collide with what cells hold.
var writerFormats = []Format{
	DefaultFormat, {Delimiter: ';', DecimalComma: true}, {Delimiter: '\t'}, {Delimiter: ',', DecimalComma: true},
	{Delimiter: '-'}, {Delimiter: '.'}, {Delimiter: '0'}, {Delimiter: '\''}, {Delimiter: '€'}, {Delimiter: ' '}, {},
}

// randomCell builds a cell from the characters that matter to quoting and the guard.
func randomCell(r *rand.Rand) string {
	parts := []string{"a", "Zoë", " ", "\t", "\r", "\n", "\r\n", "\"", ",", ";", "=", "+", "-", "@", "'", "\\", ".", "\\.", "0", "7", "€", "\u00a0", "\u2028", "\xff", "1,5", "-0.25"}
	var b strings.Builder
	for range r.IntN(6) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

func TestWriterMatchesCSV(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, f := range writerFormats {
		for range 300 {
			recs := make([][]string, 1+r.IntN(3))
			for i := range recs {
				recs[i] = make([]string, 1+r.IntN(5))
				for j := range recs[i] {
					recs[i][j] = randomCell(r)
				}
			}
			var want, got bytes.Buffer
			if err := csvWrite(&want, f, recs); err != nil {
				t.Fatal(err)
			}
			w := NewWriter(&got, f)
			for _, rec := range recs {
				if err := w.Write(rec); err != nil {
					t.Fatal(err)
				}
			}
			w.Flush()
			if got.String() != want.String() {
				t.Fatalf("Writer(%+v) wrote %q for %q, want %q", f, got.String(), recs, want.String())
			}
		}
	}
}

// TestWriterNumbers checks that Int and Fixed cells write what Text writes for their strings.
func TestWriterNumbers(t *testing.T) {
	fixed := []Fixed{0, 1, -1, 2500, -2500, 10000, -123456, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	ints := []int{0, 7, -7, 1234567, math.MaxInt64, math.MinInt64}
	for _, f := range writerFormats {
		var want, got bytes.Buffer
		var rec []string
		w := NewWriter(&got, f)
		for _, x := range fixed {
			rec = append(rec, f.Fixed(x))
			w.Fixed(x)
		}
		for _, n := range ints {
			rec = append(rec, strconv.Itoa(n))
			w.Int(n)
		}
		w.EndRecord()
		w.Flush()
		if err := csvWrite(&want, f, [][]string{rec}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("Writer(%+v) numbers = %q, want %q", f, got.String(), want.String())
		}
	}
}

// TestWriteRows checks that WriteQuote and WriteDocument write the bytes of Write(Record).
func TestWriteRows(t *testing.T) {
	for _, f := range writerFormats[:4] {
		var want, got bytes.Buffer
		ww, gw := NewWriter(&want, f), NewWriter(&got, f)
		for i, q := range benchRows(50) {
			ww.Write(q.Record(f))
			gw.WriteQuote(&q)
			d := DocumentRow{Seq: i, DocID: q.DocID, Path: "-", Line: i - 3, Title: q.Quote, Date: q.Date, Source: "@src", Status: "ok", Quotes: i, Notes: "=1; \r\n"}
			ww.Write(d.Record())
			gw.WriteDocument(&d)
		}
		ww.Flush()
		gw.Flush()
		if got.String() != want.String() {
			t.Errorf("WriteQuote/WriteDocument with %+v wrote\n%q\nwant\n%q", f, got.String(), want.String())
		}
	}
}

// FuzzWriterMatchesCSV holds Writer to encoding/csv's bytes for any cells and delimiter.
func FuzzWriterMatchesCSV(f *testing.F) {
	f.Add("a", "\\.", " b", int32(','))
	f.Add("=1", "x\r\ny", "\"q\"", int32(';'))
	f.Add("-", "'=2", "\u00a0", int32('€'))
	f.Fuzz(func(t *testing.T, a, b, c string, delim int32) {
		format := Format{Delimiter: rune(delim)}
		if !validDelim(format.Delimiter) {
			t.Skip()
		}
		recs := [][]string{{a, b, c}, {c}}
		var want, got bytes.Buffer
		if err := csvWrite(&want, format, recs); err != nil {
			t.Skip()
		}
		w := NewWriter(&got, format)
		for _, rec := range recs {
			w.Write(rec)
		}
		w.Flush()
		if got.String() != want.String() {
			t.Errorf("Writer(%q) wrote %q for %q, want %q", format.Delimiter, got.String(), recs, want.String())
		}
	})
}
