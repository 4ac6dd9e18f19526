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

// TestWriterNumbers checks that Int, Fixed and Float cells write what Text writes for their strings.
func TestWriterNumbers(t *testing.T) {
	fixed := []Fixed{0, 1, -1, 2500, -2500, 10000, -123456, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	ints := []int{0, 7, -7, 1234567, math.MaxInt64, math.MinInt64}
	floats := []float64{0, math.Copysign(0, -1), -0.00001, -0.00005, 0.00005, 0.25, -0.33333, 1e21, -1e-300, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64}
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
			w.Int(int64(n))
		}
		for _, x := range floats {
			rec = append(rec, legacyFloat(f, x))
			w.Float(x)
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
	f.Add("a", "\\.", " b", int32(','), uint8(0))
	f.Add("=1", "x\r\ny", "\"q\"", int32(';'), uint8(3))
	f.Add("-", "'=2", "\u00a0", int32('€'), uint8(4))
	f.Fuzz(func(t *testing.T, a, b, c string, delim int32, opts uint8) {
		// opts: 1 a byte order mark, 2 decimal commas, 4 an empty first record
		format := Format{Delimiter: rune(delim), BOM: opts&1 != 0, DecimalComma: opts&2 != 0}
		if !validDelim(format.Delimiter) {
			t.Skip()
		}
		recs := [][]string{{a, b, c}, {c}}
		if opts&4 != 0 {
			recs = append([][]string{nil}, recs...)
		}
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

// legacyFloat is Format.Float as it was before AppendFloat.
func legacyFloat(f Format, x float64) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if s == "-0.0000" {
		s = "0.0000"
	}
	if f.DecimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// TestFloat checks Format.Float against the formula it replaced.
func TestFloat(t *testing.T) {
	for _, x := range []float64{0, math.Copysign(0, -1), -0.00004, -0.00005, 0.12345, -12.5, 1e21, math.NaN(), math.Inf(-1)} {
		for _, f := range []Format{{}, {DecimalComma: true}} {
			if got, want := f.Float(x), legacyFloat(f, x); got != want {
				t.Errorf("Format%+v.Float(%v) = %q, want %q", f, x, got, want)
			}
		}
	}
}

// TestWriteSpeakers checks that WriteSpeakers and WritePeriods write the bytes of Write over
// SpeakerRecords and PeriodRecords.
func TestWriteSpeakers(t *testing.T) {
	a := NewAggregator([]string{"a", "b"}, "month")
	for _, q := range benchRows(300) {
		a.Add(&q)
	}
	for _, f := range writerFormats[:4] {
		for _, c := range []struct {
			recs  [][]string
			write func(*Writer) error
		}{{a.SpeakerRecords(f), a.WriteSpeakers}, {a.PeriodRecords(f), a.WritePeriods}} {
			var want, got bytes.Buffer
			if err := writeRecords(&want, f, c.recs); err != nil {
				t.Fatal(err)
			}
			w := NewWriter(&got, f)
			if err := c.write(w); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			if got.String() != want.String() {
				t.Errorf("with %+v wrote\n%q\nwant\n%q", f, got.String(), want.String())
			}
		}
	}
}
