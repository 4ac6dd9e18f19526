package tone

import (
	"strings"
	"testing"

	"github.com/quotetone/quotetone/lexicon"
)

func TestBaseForm(t *testing.T) {
	rated := map[string]float64{}
	for _, w := range []string{"happy", "praise", "stop", "crash", "hero", "reckless", "futile", "cruel", "sad", "gentle", "bless", "crisp", "fit"} {
		rated[w] = 1
	}
	tests := []struct {
		w, want string // want "" for no base
	}{
		{"happier", "happy"},
		{"happiest", "happy"},
		{"happiness", "happy"},
		{"happily", "happy"},
		{"praised", "praise"},
		{"praising", "praise"},
		{"stopped", "stop"},
		{"stopping", "stop"},
		{"crashes", "crash"},
		{"heroes", "hero"},
		{"recklessness", "reckless"},
		{"futility", "futile"},
		{"cruelly", "cruel"},
		{"saddest", "sad"},
		{"gently", "gentle"},
		{"fitted", "fit"},
		{"blesses", "bless"},
		{"bless", ""}, // not a plural of "bles"
		{"crisps", "crisp"},
		{"crispes", ""}, // -es only after a sibilant or o
		{"fits", "fit"},
		{"ads", ""},     // the base keeps three letters
		{"happy", ""},   // no ending
		{"stopper", ""}, // -er makes agent nouns ("player", "career"), whose tone is not the verb's
		{"crisper", ""},
		{"simply", ""}, // "simple" is not rated here
	}
	for _, tt := range tests {
		got, ok := baseForm(tt.w, rated)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("baseForm(%q) = %q, %v, want %q", tt.w, got, ok, tt.want)
		}
	}
}

func TestScoreInflected(t *testing.T) {
	s := newTestScorer(t)
	text := "The recklessness of the plan showed its futility."
	var got []string
	for _, h := range s.Explain(text).Hits {
		if h.Dimension == "valence" && strings.HasSuffix(h.Term, " (base)") {
			got = append(got, h.Matched+"="+h.Term)
			if h.Base >= 0 {
				t.Errorf("Score(%q): %q rated %v, want < 0", text, h.Matched, h.Base)
			}
		}
	}
	if want := "recklessness=reckless (base)|futility=futile (base)"; strings.Join(got, "|") != want {
		t.Errorf("Score(%q): inflected hits %q, want %q", text, got, want)
	}
	v := DefaultValence()
	v.Inflected = 0
	plain, err := New(Options{Valence: &v})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := s.Score(text).Valence, plain.Score(text).Valence; a >= b {
		t.Errorf("Score(%q).Valence = %v with inflected words, %v without, want lower", text, a, b)
	}
}

// A word the rules give a role is not rated as a form of a rated word: "likely" is a hedge,
// not a form of "like"; "hardly" a negator, not a form of "hard".
func TestInflectedSkipsRuleWords(t *testing.T) {
	sc, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"likely", "hardly"} {
		ex := sc.Explain(w)
		for _, h := range ex.Hits {
			if strings.HasSuffix(h.Term, "(base)") {
				t.Errorf("Explain(%q) rates it as an inflected form: %+v", w, h)
			}
		}
	}
}

// A word that a glob of the valence lexicon matches keeps the glob's rating: inflection only
// rates words the lexicon's author left unrated.
func TestInflectedLeavesGlobWords(t *testing.T) {
	v := DefaultValence()
	v.Lexicon = &lexicon.Lexicon{Categories: []lexicon.Category{{Name: "negative", Terms: []lexicon.Term{
		{Text: "hostil*", Weight: -2}, {Text: "hostile", Weight: -2}, {Text: "futile", Weight: -2}}}}}
	v.LiteralLexicon = false // a lexicon file with globs, as config.Tone gives for .dic or YAML
	sc, err := New(Options{Valence: &v})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, term string }{
		{"There was hostility.", "hostil*"},
		{"It was an exercise in futility.", "futile (base)"},
	} {
		var terms []string
		for _, h := range sc.Explain(tt.text).Hits {
			if h.Dimension == "valence" && h.Term != "(model)" {
				terms = append(terms, h.Term)
			}
		}
		if len(terms) != 1 || terms[0] != tt.term {
			t.Errorf("Explain(%q): valence terms %q, want only %q", tt.text, terms, tt.term)
		}
	}
}
