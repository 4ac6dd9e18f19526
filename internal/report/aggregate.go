package report

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// neutralBand is the |valence| below which a quote counts as neutral in the shares.
const neutralBand Fixed = 500 // 0.05

// moments accumulates a count, sum and sum of squares exactly, in Fixed units.
type moments struct {
	n, sum int64
	sumsq  int64 // in units of 1/scale²
}

func (m *moments) add(x Fixed) {
	m.n++
	m.sum += int64(x)
	m.sumsq += int64(x) * int64(x)
}

func (m moments) mean() float64 {
	if m.n == 0 {
		return 0
	}
	return float64(m.sum) / float64(m.n) / scale
}

// sd is the sample standard deviation (0 for fewer than two values).
func (m moments) sd() float64 {
	if m.n < 2 {
		return 0
	}
	n := float64(m.n)
	s, ss := float64(m.sum)/scale, float64(m.sumsq)/(scale*scale)
	v := (ss - s*s/n) / (n - 1)
	if v < 0 {
		v = 0
	}
	return math.Sqrt(v)
}

// ci95 is the half-width of the 95% confidence interval of the mean (Student's t).
func (m moments) ci95() float64 {
	if m.n < 2 {
		return 0
	}
	return tCritical95(int(m.n-1)) * m.sd() / math.Sqrt(float64(m.n))
}

// tCritical95 is the two-sided 95% critical value of Student's t with df degrees of freedom.
func tCritical95(df int) float64 {
	table := [...]float64{0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
		2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
		2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042}
	if df < len(table) {
		return table[df]
	}
	// Cornish-Fisher expansion around the normal quantile; within 0.001 for df > 30.
	z, d := 1.959964, float64(df)
	return z + (z*z*z+z)/(4*d) + (5*math.Pow(z, 5)+16*z*z*z+3*z)/(96*d*d)
}

type extreme struct {
	set   bool
	value Fixed
	quote string
	docID string
}

// group is what the reports say about one speaker (in one period).
type group struct {
	speaker, period string
	quotes, words   int64
	docs            int64
	lastSeq         int
	valence, nb     moments
	dims            []moments
	positive        int64
	negative        int64
	best, worst     extreme
}

// An Aggregator sums scored quotes per speaker, and per speaker and period. Feed it rows in
// document order; the result does not depend on how the documents were split across workers
// or shards, because every sum is an exact integer.
type Aggregator struct {
	dims     []string
	period   string // "", day, week or month
	speakers map[string]*group
	periods  map[[2]string]*group

	Terms        int64 // kind=term quotes seen (not summarised)
	Unattributed int64 // speech quotes with no speaker (not summarised)
	Speech       int64 // speech quotes with a speaker
}

// NewAggregator returns an Aggregator for the given dimensions; period is "", "day", "week" or "month".
func NewAggregator(dims []string, period string) *Aggregator {
	return &Aggregator{dims: dims, period: period, speakers: map[string]*group{}, periods: map[[2]string]*group{}}
}

// Add counts one quote. Terms and quotes without a speaker are counted but not summarised.
func (a *Aggregator) Add(r *QuoteRow) {
	switch {
	case r.Kind == "term":
		a.Terms++
		return
	case r.Speaker == "":
		a.Unattributed++
		return
	}
	a.Speech++
	g := a.speakers[r.Speaker]
	if g == nil {
		g = &group{speaker: r.Speaker, lastSeq: -1, dims: make([]moments, len(a.dims))}
		a.speakers[r.Speaker] = g
	}
	g.add(r)
	if a.period != "" {
		k := [2]string{r.Speaker, PeriodOf(r.Date, a.period)}
		p := a.periods[k]
		if p == nil {
			p = &group{speaker: k[0], period: k[1], lastSeq: -1, dims: make([]moments, len(a.dims))}
			a.periods[k] = p
		}
		p.add(r)
	}
}

func (g *group) add(r *QuoteRow) {
	g.quotes++
	g.words += int64(countWords(r.Quote))
	if r.Seq != g.lastSeq {
		g.docs++
		g.lastSeq = r.Seq
	}
	g.valence.add(r.Valence)
	g.nb.add(r.NBPositive)
	for i := range g.dims {
		if i < len(r.Dims) {
			g.dims[i].add(r.Dims[i])
		}
	}
	switch {
	case r.Valence >= neutralBand:
		g.positive++
	case r.Valence <= -neutralBand:
		g.negative++
	}
	if !g.best.set || r.Valence > g.best.value {
		g.best = extreme{true, r.Valence, r.Quote, r.DocID}
	}
	if !g.worst.set || r.Valence < g.worst.value {
		g.worst = extreme{true, r.Valence, r.Quote, r.DocID}
	}
}

// asciiSpace marks the ASCII bytes that unicode.IsSpace reports, as strings.Fields does.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// countWords returns len(strings.Fields(s)) without building the fields: the number of runs of
// runes that are not unicode.IsSpace (an invalid byte counts as a non-space rune).
func countWords(s string) int {
	n := 0
	inWord := false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// PeriodOf returns the period ("2026-11-26", "2026-W48", "2026-11") of an article date, or
// "unknown" when the date cannot be read.
func PeriodOf(date, period string) string {
	t, ok := parseDate(date)
	if !ok {
		return "unknown"
	}
	switch period {
	case "day":
		return t.Format("2006-01-02")
	case "week":
		y, w := t.ISOWeek()
		return strconv.Itoa(y) + "-W" + twoDigits(w)
	default:
		return t.Format("2006-01")
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// parseDate reads an article date. The period is the calendar date as written, in the
// article's own offset: converting to UTC would move "2026-01-01T00:30:00+02:00" into 2025,
// while the same time written "+0200" (read by its first ten characters) stayed in 2026.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123, "January 2, 2006", "2 January 2006", "Jan 2, 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Speakers returns the number of speakers summarised.
func (a *Aggregator) Speakers() int { return len(a.speakers) }

// SpeakerHeader returns the columns of speakers.csv (with a period column when byPeriod).
func SpeakerHeader(dims []string, byPeriod bool) []string {
	h := []string{"speaker"}
	if byPeriod {
		h = append(h, "period")
	}
	h = append(h, "quotes", "words", "documents", "valence_mean", "valence_sd", "valence_ci_low", "valence_ci_high",
		"positive_share", "negative_share", "nb_positive_mean")
	for _, d := range dims {
		h = append(h, d+"_mean", d+"_ci_low", d+"_ci_high")
	}
	return append(h, "most_positive_quote", "most_positive_valence", "most_positive_doc",
		"most_negative_quote", "most_negative_valence", "most_negative_doc")
}

// WriteSpeakers writes speakers.csv's records with w's format: most quoted first, then by name.
func (a *Aggregator) WriteSpeakers(w *Writer) error {
	return writeGroups(w, sortedGroups(a.speakers), false)
}

// WritePeriods writes speakers_by_period.csv's records with w's format, by speaker then period.
func (a *Aggregator) WritePeriods(w *Writer) error {
	return writeGroups(w, a.sortedPeriods(), true)
}

func (a *Aggregator) sortedPeriods() []*group {
	gs := make([]*group, 0, len(a.periods))
	for _, g := range a.periods {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool {
		if gs[i].speaker != gs[j].speaker {
			return gs[i].speaker < gs[j].speaker
		}
		return gs[i].period < gs[j].period
	})
	return gs
}

// Summaries returns the per-speaker summaries in speakers.csv order, for other report formats.
func (a *Aggregator) Summaries() []Summary {
	gs := sortedGroups(a.speakers)
	out := make([]Summary, len(gs))
	for i, g := range gs {
		out[i] = g.summary(len(a.dims))
	}
	return out
}

// PeriodSummaries returns the per-speaker, per-period summaries, by speaker then period.
func (a *Aggregator) PeriodSummaries() []Summary {
	var out []Summary
	for _, g := range a.periods {
		out = append(out, g.summary(len(a.dims)))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Speaker != out[j].Speaker {
			return out[i].Speaker < out[j].Speaker
		}
		return out[i].Period < out[j].Period
	})
	return out
}

func sortedGroups(m map[string]*group) []*group {
	gs := make([]*group, 0, len(m))
	for _, g := range m {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool {
		if gs[i].quotes != gs[j].quotes {
			return gs[i].quotes > gs[j].quotes
		}
		return gs[i].speaker < gs[j].speaker
	})
	return gs
}

// A Run is a finished run as extra report formats (xlsx, html) see it. The quotes themselves
// are in Dir/quotes.csv: read them from there, streaming, to keep memory bounded.
type Run struct {
	Dir        string // the output folder, with the CSV files already in place
	Manifest   *Manifest
	Dimensions []string
	Format     Format    // how the CSV files were written
	Speakers   []Summary // speakers.csv order
	Periods    []Summary // by speaker then period; empty unless a period was asked for
	Errors     []ErrorRow
}

// A Stat is a mean with its standard deviation and 95% confidence interval. The interval is
// clamped to the scores' range, [-1, 1]. With one value there is no spread to measure: SD, Low
// and High are NaN, which the reports write as empty cells.
type Stat struct {
	Mean, SD, Low, High float64
}

func stat(m moments) Stat {
	mean := m.mean()
	if m.n < 2 {
		return Stat{Mean: mean, SD: math.NaN(), Low: math.NaN(), High: math.NaN()}
	}
	ci := m.ci95()
	return Stat{Mean: mean, SD: m.sd(), Low: max(-1, mean-ci), High: min(1, mean+ci)}
}

// A Summary is one speaker's (or one speaker-period's) row, as numbers.
type Summary struct {
	Speaker, Period              string
	Quotes, Words, Documents     int64
	Valence                      Stat
	PositiveShare, NegativeShare float64
	NBPositive                   float64
	Dims                         []Stat
	MostPositive, MostNegative   Extreme
}

// An Extreme is a speaker's most positive or most negative quote.
type Extreme struct {
	Quote   string
	Valence float64
	DocID   string
}

func (g *group) summary(ndims int) Summary {
	s := Summary{
		Speaker: g.speaker, Period: g.period,
		Quotes: g.quotes, Words: g.words, Documents: g.docs,
		Valence:       stat(g.valence),
		PositiveShare: float64(g.positive) / float64(g.quotes),
		NegativeShare: float64(g.negative) / float64(g.quotes),
		NBPositive:    g.nb.mean(),
		MostPositive:  Extreme{g.best.quote, g.best.value.Float(), g.best.docID},
		MostNegative:  Extreme{g.worst.quote, g.worst.value.Float(), g.worst.docID},
	}
	for i := range ndims {
		s.Dims = append(s.Dims, stat(g.dims[i]))
	}
	return s
}

func writeGroups(w *Writer, gs []*group, byPeriod bool) error {
	for _, g := range gs {
		g.cells(w, byPeriod)
		if err := w.EndRecord(); err != nil {
			return err
		}
	}
	return nil
}

// floatCell passes x to cw, or an empty cell for NaN (a statistic one value cannot give).
func floatCell(cw cellWriter, x float64) {
	if x != x {
		cw.Text("")
		return
	}
	cw.Float(x)
}

// cells passes g's cells to cw in SpeakerHeader order.
func (g *group) cells(cw cellWriter, byPeriod bool) {
	s := g.summary(len(g.dims))
	cw.Text(s.Speaker)
	if byPeriod {
		cw.Text(s.Period)
	}
	cw.Int(s.Quotes)
	cw.Int(s.Words)
	cw.Int(s.Documents)
	for _, x := range [...]float64{s.Valence.Mean, s.Valence.SD, s.Valence.Low, s.Valence.High, s.PositiveShare, s.NegativeShare, s.NBPositive} {
		floatCell(cw, x)
	}
	for _, d := range s.Dims {
		floatCell(cw, d.Mean)
		floatCell(cw, d.Low)
		floatCell(cw, d.High)
	}
	cw.Text(s.MostPositive.Quote)
	cw.Fixed(g.best.value)
	cw.Text(s.MostPositive.DocID)
	cw.Text(s.MostNegative.Quote)
	cw.Fixed(g.worst.value)
	cw.Text(s.MostNegative.DocID)
}
