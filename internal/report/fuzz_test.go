package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// FuzzCSVRoundTrip writes a quote row through the guarded Writer and reads it back: the cells
// must survive (after Unguard), and no text cell may start like a formula.
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("doc-1", "Mara Ellison", "“We will keep building,”", "=1+2", int64(-1234), true)
	f.Add("x", "", "-", "\t@SUM", int64(0), false)
	f.Add("a\r\nb", "“", "\"quoted\"", "+44 20", int64(10000), true)
	f.Fuzz(func(t *testing.T, docID, speaker, quote, title string, v int64, comma bool) {
		format := Format{Delimiter: ','}
		if comma {
			format = Format{Delimiter: ';', DecimalComma: true}
		}
		row := QuoteRow{DocID: docID, Speaker: speaker, Quote: quote, Title: title, Kind: "speech", Valence: Fixed(v % 20001), Dims: []Fixed{Fixed(v % 10001)}}
		var b bytes.Buffer
		w := NewWriter(&b, format)
		if err := w.Write(row.Record(format)); err != nil {
			t.Skip() // encoding/csv rejects nothing we write, but be safe
		}
		w.Flush()
		r := csv.NewReader(&b)
		r.Comma = format.Delimiter
		recs, err := r.ReadAll()
		if err != nil || len(recs) != 1 {
			t.Fatalf("read back %q: %v (%d records)", b.String(), err, len(recs))
		}
		for i, cell := range recs[0] {
			if cell != "" && cell != "-" && cell != "+" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !isNumber(cell) {
				t.Errorf("cell %d %q could run as a formula", i, cell)
			}
		}
		got, err := ParseQuoteRecord(recs[0], 1, format)
		if err != nil {
			t.Fatalf("ParseQuoteRecord: %v", err)
		}
		norm := func(s string) string {
			return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		}
		if got.Quote != norm(quote) {
			t.Errorf("quote %q read back as %q", quote, got.Quote)
		}
		if got.Speaker != norm(speaker) || got.DocID != norm(docID) || got.Valence != row.Valence || got.Dims[0] != row.Dims[0] {
			t.Errorf("row %+v read back as %+v", row, got)
		}
	})
}
