package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

func TestGuard(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1 555", "'+1 555"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{"-0.2500", "-0.2500"},
		{"-0,2500", "-0,2500"},
		{"+1", "+1"},
		{"“quoted” = fine", "“quoted” = fine"},
	}
	for _, tt := range tests {
		if got := Guard(tt.in); got != tt.want {
			t.Errorf("Guard(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Unguard(Guard(tt.in)); got != tt.in {
			t.Errorf("Unguard(Guard(%q)) = %q, want the input back", tt.in, got)
		}
	}
}

func TestWriterBOMAndCRLF(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, Format{BOM: true, Delimiter: ';'})
	w.Write([]string{"a", "b;c", "=1+1"})
	w.Write([]string{"x", "line\nbreak", "-0.5"})
	w.Flush()
	want := "\ufeffa;\"b;c\";'=1+1\r\nx;\"line\r\nbreak\";-0.5\r\n"
	if got := b.String(); got != want {
		t.Errorf("Writer wrote %q, want %q", got, want)
	}
}

func TestFixed(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0000"}, {0.25, "0.2500"}, {-0.25, "-0.2500"}, {1, "1.0000"}, {-1, "-1.0000"},
		{0.123449, "0.1234"}, {0.12345, "0.1235"}, {-0.00004, "0.0000"}, {-0.00005, "-0.0001"},
	}
	for _, tt := range tests {
		x := ToFixed(tt.in)
		if got := x.String(); got != tt.want {
			t.Errorf("ToFixed(%v).String() = %q, want %q", tt.in, got, tt.want)
		}
		for _, f := range []Format{{}, {DecimalComma: true}} {
			back, err := f.ParseFixed(f.Fixed(x))
			if err != nil || back != x {
				t.Errorf("ParseFixed(Fixed(%v)) = %v, %v; want %v", x, back, err, x)
			}
		}
	}
}

func TestQuoteRecordRoundTrip(t *testing.T) {
	r := QuoteRow{DocID: "a/b.txt", Start: 3, End: 9, Speaker: "Mara Ellison", Mention: "she", Cue: "said", Kind: "speech",
		Quote: "=not a formula, \"quoted\"", Valence: -1234, NBPositive: 5000, Dims: []Fixed{100, -10000}, Title: "T", Date: "2026-01-02"}
	for _, f := range []Format{DefaultFormat, {Delimiter: ';', DecimalComma: true}} {
		var b bytes.Buffer
		w := NewWriter(&b, Format{Delimiter: f.Delimiter})
		w.Write(r.Record(f))
		w.Flush()
		got, err := ParseQuoteRecord(splitOne(t, b.String(), f.Delimiter), 2, f)
		if err != nil {
			t.Fatal(err)
		}
		got.Seq = r.Seq
		if got.Quote != r.Quote || got.Valence != r.Valence || got.Dims[1] != r.Dims[1] || got.Speaker != r.Speaker || got.End != r.End {
			t.Errorf("round trip with %+v: got %+v, want %+v", f, got, r)
		}
	}
}

func splitOne(t *testing.T, line string, sep rune) []string {
	t.Helper()
	recs, err := readAllCSV(strings.NewReader(line), sep)
	if err != nil || len(recs) != 1 {
		t.Fatalf("read back %q: %v, %d records", line, err, len(recs))
	}
	return recs[0]
}

func TestAggregator(t *testing.T) {
	a := NewAggregator([]string{"cooperation"}, "month")
	add := func(seq int, speaker, kind string, v Fixed, date string) {
		a.Add(&QuoteRow{Seq: seq, Speaker: speaker, Kind: kind, Quote: "one two three", Valence: v, Dims: []Fixed{v / 2}, Date: date})
	}
	add(0, "A", "speech", 5000, "2026-01-05")
	add(0, "A", "speech", -5000, "2026-01-05")
	add(1, "A", "speech", 2000, "2026-02-01")
	add(1, "B", "speech", 0, "")
	add(1, "", "speech", 9000, "")
	add(2, "A", "term", 9000, "")
	if a.Terms != 1 || a.Unattributed != 1 || a.Speech != 4 {
		t.Errorf("counts: terms %d, unattributed %d, speech %d; want 1, 1, 4", a.Terms, a.Unattributed, a.Speech)
	}
	s := a.Summaries()
	if len(s) != 2 || s[0].Speaker != "A" || s[0].Quotes != 3 || s[0].Documents != 2 || s[0].Words != 9 {
		t.Fatalf("Summaries() = %+v, want A first with 3 quotes in 2 documents", s)
	}
	if got, want := s[0].Valence.Mean, 0.0666; got < want || got > want+0.0001 {
		t.Errorf("A valence mean = %v, want %v", got, want)
	}
	if s[0].MostPositive.Valence != 0.5 || s[0].MostNegative.Valence != -0.5 {
		t.Errorf("A extremes = %+v / %+v", s[0].MostPositive, s[0].MostNegative)
	}
	if s[0].PositiveShare < 0.66 || s[0].NegativeShare < 0.33 {
		t.Errorf("A shares = %v / %v, want 2/3 and 1/3", s[0].PositiveShare, s[0].NegativeShare)
	}
	p := a.PeriodSummaries()
	if len(p) != 3 || p[0].Period != "2026-01" || p[1].Period != "2026-02" || p[2].Period != "unknown" {
		t.Errorf("PeriodSummaries() periods = %+v", p)
	}
	recs := a.SpeakerRecords(DefaultFormat)
	if len(recs[0]) != len(SpeakerHeader([]string{"cooperation"}, false)) {
		t.Errorf("speaker record has %d cells, header %d", len(recs[0]), len(SpeakerHeader([]string{"cooperation"}, false)))
	}
}

// TestAggregatorIntervals: a speaker with one quote has no spread to measure (empty sd and
// interval cells), and an interval wider than the scores' range is clamped to [-1, 1].
func TestAggregatorIntervals(t *testing.T) {
	a := NewAggregator([]string{"cooperation"}, "")
	add := func(speaker string, v Fixed) {
		a.Add(&QuoteRow{Speaker: speaker, Kind: "speech", Quote: "one two", Valence: v, Dims: []Fixed{v}})
	}
	add("One", 3000)
	add("Two", 9000)
	add("Two", -8000)
	recs := a.SpeakerRecords(DefaultFormat)
	head := SpeakerHeader([]string{"cooperation"}, false)
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	cells := func(rec []string, names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, rec[col[n]])
		}
		return out
	}
	names := []string{"valence_mean", "valence_sd", "valence_ci_low", "valence_ci_high", "cooperation_mean", "cooperation_ci_low", "cooperation_ci_high"}
	for _, tt := range []struct {
		speaker string
		want    []string
	}{
		{"Two", []string{"0.0500", "1.2021", "-1.0000", "1.0000", "0.0500", "-1.0000", "1.0000"}},
		{"One", []string{"0.3000", "", "", "", "0.3000", "", ""}},
	} {
		var rec []string
		for _, r := range recs {
			if r[0] == tt.speaker {
				rec = r
			}
		}
		if got := cells(rec, names...); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("speaker %s: %s = %q, want %q", tt.speaker, names, got, tt.want)
		}
	}
}

// The summary must not depend on how rows were split and recombined: every sum is an integer.
func TestAggregatorOrderIndependentSums(t *testing.T) {
	vals := []Fixed{1234, -777, 3333, 1, -9999, 4242, 17}
	one := NewAggregator(nil, "")
	for i, v := range vals {
		one.Add(&QuoteRow{Seq: i, Speaker: "S", Kind: "speech", Valence: v})
	}
	rev := NewAggregator(nil, "")
	for i := len(vals) - 1; i >= 0; i-- {
		rev.Add(&QuoteRow{Seq: i, Speaker: "S", Kind: "speech", Valence: vals[i]})
	}
	a, b := one.Summaries()[0].Valence, rev.Summaries()[0].Valence
	if a != b {
		t.Errorf("valence stats depend on order: %+v vs %+v", a, b)
	}
}

func TestTCritical(t *testing.T) {
	for _, tt := range []struct {
		df   int
		want float64
	}{{1, 12.706}, {10, 2.228}, {30, 2.042}, {60, 2.000}, {1000, 1.962}} {
		if got := tCritical95(tt.df); got < tt.want-0.002 || got > tt.want+0.002 {
			t.Errorf("tCritical95(%d) = %v, want %v", tt.df, got, tt.want)
		}
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct{ date, period, want string }{
		{"2026-11-26", "day", "2026-11-26"},
		{"2026-11-26T10:00:00Z", "month", "2026-11"},
		{"2026-01-01", "week", "2026-W01"},
		{"2025-12-29", "week", "2026-W01"},
		{"", "day", "unknown"},
		// The article's own calendar date, whatever the offset and however it is written.
		{"2026-01-01T00:30:00+02:00", "day", "2026-01-01"},
		{"2026-01-01T00:30:00+0200", "day", "2026-01-01"},
		{"2026-01-01 00:30:00+02:00", "day", "2026-01-01"},
		{"Thu, 01 Jan 2026 00:30:00 +0200", "month", "2026-01"},
		{"2025-12-31T23:30:00-05:00", "month", "2025-12"},
		{"2027-01-01T08:00:00+09:00", "week", "2026-W53"},
		{"last Tuesday", "month", "unknown"},
	}
	for _, tt := range tests {
		if got := PeriodOf(tt.date, tt.period); got != tt.want {
			t.Errorf("PeriodOf(%q, %q) = %q, want %q", tt.date, tt.period, got, tt.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	texts := []string{"", " ", "one", "one two  three", "  lead and trail\t\n", "a\u00a0b\u2003c\u3000d", "no\u200bbreak",
		"\xff\xfe bad bytes", "tab\tline\nfeed\vform\fcr\r", "“Curly,” she said.", "\u0085next line", "日本語 の テキスト"}
	for _, s := range texts {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("one two\u00a0three")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	})
}

// FuzzIsNumber holds isNumber's shortcuts to what strconv.ParseFloat reads.
func FuzzIsNumber(f *testing.F) {
	for _, s := range []string{"-0.2500", "1e5", "-Inf", "0x1p-2", "1_000", "0x_1p0", "-1 is it", "+44 20", "nan", "1,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if got, want := isNumber(s), err == nil; got != want {
			t.Errorf("isNumber(%q) = %v, want %v", s, got, want)
		}
	})
}
