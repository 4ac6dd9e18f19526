package tone

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var evalFlag = flag.Bool("eval", false, "measure valence on ../shared/data/sentiment (slow)")

var evalSets = []string{"nytEditorialSnippets", "tweets", "movieReviewSnippets", "amazonReviewSnippets"}

func loadEvalSet(t testing.TB, name string) []Rated {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "data", "sentiment", name+"-dev.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("evaluation data absent: %v", err)
	}
	defer f.Close()
	rs, err := ReadRated(f)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func evalScorer(t *testing.T, s *Scorer, label string, val func(Score) float64) {
	t.Helper()
	line := label
	for _, set := range evalSets {
		rs := loadEvalSet(t, set)
		v, g := make([]float64, len(rs)), make([]float64, len(rs))
		for i, r := range rs {
			v[i], g[i] = val(s.Score(r.Text)), r.Rating
		}
		m := Evaluate(v, g, 4)
		line += fmt.Sprintf("  %s r=%.3f F1=%.3f acc=%.3f", set[:5], m.R, m.MacroF1, m.Accuracy)
	}
	t.Log(line)
}

// TestEvalDev reports r, macro-F1 and accuracy on the dev halves: go test ./tone -run EvalDev -eval -v
func TestEvalDev(t *testing.T) {
	if !*evalFlag {
		t.Skip("run with -eval")
	}
	vader := VADERValence()
	base, err := New(Options{Valence: &vader})
	if err != nil {
		t.Fatal(err)
	}
	evalScorer(t, base, "VADER rules", func(s Score) float64 { return s.Valence })
	evalScorer(t, base, "NB alone   ", func(s Score) float64 { return 2*s.NBPositive - 1 })
	def, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	evalScorer(t, def, "default    ", func(s Score) float64 { return s.Valence })
}
