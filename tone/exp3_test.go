package tone

import (
	"os"
	"testing"

	"github.com/quotetone/quotetone/lexicon"
)

func TestExpAFINN(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	af, err := lexicon.ReadFile("../../shared/data/lexicons/AFINN-en-165.txt")
	if err != nil {
		t.Fatal(err)
	}
	vd, _ := VADER()
	have := map[string]bool{}
	for _, c := range vd.Categories {
		for _, tm := range c.Terms {
			have[tm.Text] = true
		}
	}
	for _, scale := range []float64{0.5, 0.8} {
		merged := &lexicon.Lexicon{Name: "merged"}
		for _, c := range vd.Categories {
			merged.Categories = append(merged.Categories, lexicon.Category{Name: c.Name, Terms: append([]lexicon.Term(nil), c.Terms...)})
		}
		n := 0
		for _, c := range af.Categories {
			for _, tm := range c.Terms {
				if have[tm.Text] {
					continue
				}
				n++
				tm.Weight *= scale
				for i := range merged.Categories {
					if merged.Categories[i].Name == c.Name {
						merged.Categories[i].Terms = append(merged.Categories[i].Terms, tm)
					}
				}
			}
		}
		t.Logf("AFINN adds %d terms", n)
		v := VADERValence()
		v.Lexicon = merged
		s, err := New(Options{Valence: &v})
		if err != nil {
			t.Fatal(err)
		}
		evalScorer(t, s, "vader+afinn", func(s Score) float64 { return s.Valence })
		s.m.stem = true
		evalScorer(t, s, "vader+afinn+stem", func(s Score) float64 { return s.Valence })
	}
}
