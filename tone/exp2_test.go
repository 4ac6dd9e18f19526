package tone

import (
	"os"
	"testing"
)

func TestExpRules(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	variants := []struct {
		name string
		f    func(v *Valence)
	}{
		{"vader", func(v *Valence) {}},
		{"negclause", func(v *Valence) { v.Rules.NegationClause = true }},
		{"contrast-sent", func(v *Valence) { v.ContrastWholeText = false }},
		{"contrast-words", func(v *Valence) {
			v.ContrastWholeText = false
			v.Rules.Contrast = []string{"but", "however", "yet", "nevertheless", "nonetheless"}
		}},
		{"hedge.8", func(v *Valence) { v.Rules.Hedges = DefaultHedges; v.Rules.HedgeFactor = 0.8 }},
		{"question.6", func(v *Valence) { v.Rules.QuestionFactor = 0.6 }},
		{"nopunct", func(v *Valence) { v.Punctuation = false }},
		{"window4", func(v *Valence) { v.Rules.NegationWindow = 4 }},
		{"shift.5", func(v *Valence) {
			v.Rules.Shifters = DefaultShifters
			v.Rules.ShiftWindow = 3
			v.Rules.ShiftScalar = 0.5
		}},
		{"shift.3w2", func(v *Valence) {
			v.Rules.Shifters = DefaultShifters
			v.Rules.ShiftWindow = 2
			v.Rules.ShiftScalar = 0.3
		}},
		{"name.3", func(v *Valence) { v.Rules.NameFactor = 0.3 }},
		{"name0", func(v *Valence) { v.Rules.NameFactor = 0.01 }},
	}
	for _, vr := range variants {
		v := VADERValence()
		vr.f(&v)
		s, err := New(Options{Valence: &v})
		if err != nil {
			t.Fatal(err)
		}
		evalScorer(t, s, vr.name, func(s Score) float64 { return s.Valence })
	}
}
