package tone

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// FuzzScore checks that any text scores without panicking, within range, and the same twice.
func FuzzScore(f *testing.F) {
	for _, s := range []string{
		"There has been no hostility.", "It was VERY good!!! :-)", "Not bad -- not bad at all…",
		"“Quoted,” he said; ‘single’ and «guillemets» and ＂full-width＂ don＇t matter?",
		"US us U.S. u.s.", "kind of", "\xff\xfe invalid utf-8", "", "  ", "---", "but but but",
		strings.Repeat("no ", 50) + "hostility",
	} {
		f.Add(s)
	}
	s := newTestScorer(f)
	f.Fuzz(func(t *testing.T, text string) {
		a := s.Score(text)
		if math.IsNaN(a.Valence) || a.Valence < -1 || a.Valence > 1 {
			t.Fatalf("Score(%q).Valence = %v, want in [-1, 1]", text, a.Valence)
		}
		if math.IsNaN(a.NBPositive) || a.NBPositive < 0 || a.NBPositive > 1 {
			t.Fatalf("Score(%q).NBPositive = %v, want in [0, 1]", text, a.NBPositive)
		}
		for i, d := range a.Dims {
			if math.IsNaN(d.Score) || d.Score < -1 || d.Score > 1 || d.Hits < 0 {
				t.Fatalf("Score(%q).Dims[%d] = %+v, want score in [-1, 1]", text, i, d)
			}
		}
		b := s.Score(text)
		if a.Valence != b.Valence || a.NBPositive != b.NBPositive {
			t.Fatalf("Score(%q) differs between calls: %+v, %+v", text, a, b)
		}
		e := s.Explain(text)
		if e.Score.Valence != a.Valence {
			t.Fatalf("Explain(%q).Score = %+v, Score = %+v", text, e.Score, a)
		}
	})
}

// FuzzTokenizeNB checks that the model's sums summed while tokenizing are those of a pass of
// their own.
func FuzzTokenizeNB(f *testing.F) {
	for _, s := range nbTexts {
		f.Add(s)
	}
	s := newTestScorer(f)
	f.Fuzz(func(t *testing.T, src string) {
		var x text
		x.tokenize(src, s.m, s.nb)
		want, _ := s.nb.logOddsIn(&s.m.words, src, nil)
		if x.nbDone && x.nb != want {
			t.Fatalf("tokenize(%q) sums %+v, want %+v", src, x.nb, want)
		}
	})
}

func FuzzParseCheck(f *testing.F) {
	for _, s := range []string{"cooperation >= 0", "valence in [-1, -0.2]", "x in (0,1)", "x neutral", "x = -0.5", "x <"} {
		f.Add(s, 0.3)
	}
	f.Fuzz(func(t *testing.T, s string, v float64) {
		c, err := ParseCheck(s)
		if err != nil {
			return
		}
		c.Holds(v)
		if c.Min > c.Max || c.Min == c.Max && (c.MinOpen || c.MaxOpen) {
			t.Fatalf("ParseCheck(%q) = %+v: empty range", s, c)
		}
	})
}

func FuzzReadRated(f *testing.F) {
	f.Add([]byte("id\trating\ttext\n1\t2.5\tgood\n2\t-1\tbad\r\n"))
	f.Add([]byte("1\tx\ty\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := ReadRated(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, r := range rs {
			if math.IsNaN(r.Rating) || math.IsInf(r.Rating, 0) {
				t.Fatalf("ReadRated(%q) rating %v, want a finite number", data, r.Rating)
			}
		}
	})
}
