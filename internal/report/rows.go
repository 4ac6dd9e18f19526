package report

import (
	"fmt"
	"strconv"
	"strings"
)

const (
	decimals = 4
	scale    = 10000 // Fixed units per 1.0
)

// Fixed is a score in units of 1/10000: the precision of every report. Sums of Fixed values are
// exact and independent of order, which is what makes shard merges byte-identical.
type Fixed int64

// ToFixed rounds x to the report precision.
func ToFixed(x float64) Fixed {
	if x >= 0 {
		return Fixed(int64(x*scale + 0.5))
	}
	return -Fixed(int64(-x*scale + 0.5))
}

// Float returns x as a float64.
func (x Fixed) Float() float64 { return float64(x) / scale }

// String formats x with exactly four decimals, exactly.
func (x Fixed) String() string {
	var b [24]byte
	return string(Format{}.AppendFixed(b[:0], x))
}

// Fixed formats x for a report cell.
func (f Format) Fixed(x Fixed) string {
	var b [24]byte
	return string(f.AppendFixed(b[:0], x))
}

// ParseFixed reads a number written by Format.Fixed.
func (f Format) ParseFixed(s string) (Fixed, error) {
	if f.DecimalComma {
		s = strings.Replace(s, ",", ".", 1)
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > decimals {
		return 0, fmt.Errorf("number %q has more than %d decimals", s, decimals)
	}
	frac += strings.Repeat("0", decimals-len(frac))
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", s)
	}
	fr, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", s)
	}
	x := Fixed(w*scale + fr)
	if neg {
		x = -x
	}
	return x, nil
}

// A QuoteRow is one line of quotes.csv.
type QuoteRow struct {
	Seq        int // the document's place in the run's input order; not written
	DocID      string
	Start, End int
	Speaker    string
	Mention    string
	Cue        string
	Kind       string
	Quote      string
	Valence    Fixed
	NBPositive Fixed
	Dims       []Fixed // one per dimension, in the run's dimension order
	Title      string
	Date       string
	Source     string
	URL        string
}

// QuoteHeader returns the columns of quotes.csv for the given dimensions.
func QuoteHeader(dims []string) []string {
	h := []string{"doc_id", "start", "end", "speaker", "mention", "cue", "kind", "quote", "valence", "nb_positive"}
	h = append(h, dims...)
	return append(h, "title", "date", "source", "url")
}

// Record returns r as CSV cells in QuoteHeader order.
func (r *QuoteRow) Record(f Format) []string {
	rec := stringCells{format: f, rec: make([]string, 0, 14+len(r.Dims))}
	r.cells(&rec)
	return rec.rec
}

// WriteQuote writes r as one quotes.csv record: the bytes of Write(r.Record(format)), with the
// Writer's format, without building the record.
func (w *Writer) WriteQuote(r *QuoteRow) error {
	r.cells(w)
	return w.EndRecord()
}

// cells passes r's cells to cw in QuoteHeader order.
func (r *QuoteRow) cells(cw cellWriter) {
	cw.Text(r.DocID)
	cw.Int(int64(r.Start))
	cw.Int(int64(r.End))
	cw.Text(r.Speaker)
	cw.Text(r.Mention)
	cw.Text(r.Cue)
	cw.Text(r.Kind)
	cw.Text(r.Quote)
	cw.Fixed(r.Valence)
	cw.Fixed(r.NBPositive)
	for _, d := range r.Dims {
		cw.Fixed(d)
	}
	cw.Text(r.Title)
	cw.Text(r.Date)
	cw.Text(r.Source)
	cw.Text(r.URL)
}

// A cellWriter takes the cells of one record in order: a *Writer, or stringCells.
type cellWriter interface {
	Text(string)
	Int(int64)
	Fixed(Fixed)
	Float(float64)
}

// stringCells collects cells as strings, for Record.
type stringCells struct {
	format Format
	rec    []string
}

func (c *stringCells) Text(s string)   { c.rec = append(c.rec, s) }
func (c *stringCells) Int(n int64)     { c.rec = append(c.rec, strconv.FormatInt(n, 10)) }
func (c *stringCells) Fixed(x Fixed)   { c.rec = append(c.rec, c.format.Fixed(x)) }
func (c *stringCells) Float(x float64) { c.rec = append(c.rec, c.format.Float(x)) }

// ParseQuoteRecord reads a quotes.csv record written by Record (after the Writer's guard).
func ParseQuoteRecord(rec []string, ndims int, f Format) (QuoteRow, error) {
	want := 14 + ndims
	if len(rec) != want {
		return QuoteRow{}, fmt.Errorf("quotes.csv record has %d fields, want %d", len(rec), want)
	}
	var r QuoteRow
	var err error
	text := func(s string) string { return Unguard(s) }
	r.DocID = text(rec[0])
	if r.Start, err = strconv.Atoi(rec[1]); err != nil {
		return r, fmt.Errorf("start: %w", err)
	}
	if r.End, err = strconv.Atoi(rec[2]); err != nil {
		return r, fmt.Errorf("end: %w", err)
	}
	r.Speaker, r.Mention, r.Cue, r.Kind, r.Quote = text(rec[3]), text(rec[4]), text(rec[5]), text(rec[6]), text(rec[7])
	if r.Valence, err = f.ParseFixed(rec[8]); err != nil {
		return r, fmt.Errorf("valence: %w", err)
	}
	if r.NBPositive, err = f.ParseFixed(rec[9]); err != nil {
		return r, fmt.Errorf("nb_positive: %w", err)
	}
	r.Dims = make([]Fixed, ndims)
	for i := range r.Dims {
		if r.Dims[i], err = f.ParseFixed(rec[10+i]); err != nil {
			return r, fmt.Errorf("dimension %d: %w", i, err)
		}
	}
	k := 10 + ndims
	r.Title, r.Date, r.Source, r.URL = text(rec[k]), text(rec[k+1]), text(rec[k+2]), text(rec[k+3])
	return r, nil
}
