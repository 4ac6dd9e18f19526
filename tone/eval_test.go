package tone

import (
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
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

// evalHalf splits a rated file in two by a hash of the id, so that a change chosen on one
// half can be confirmed on the other.
func evalHalf(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() & 1)
}

// evalScorer logs r, macro-F1 and accuracy per set on the whole file, then r/macro-F1 on
// each half.
func evalScorer(t *testing.T, s *Scorer, label string, val func(Score) float64) {
	t.Helper()
	line, halves := label, strings.Repeat(" ", len(label))
	for _, set := range evalSets {
		rs := loadEvalSet(t, set)
		var v, g [3][]float64 // halves 0 and 1, then all
		for _, r := range rs {
			x := val(s.Score(r.Text))
			for _, k := range []int{evalHalf(r.ID), 2} {
				v[k], g[k] = append(v[k], x), append(g[k], r.Rating)
			}
		}
		m := Evaluate(v[2], g[2], 4)
		line += fmt.Sprintf("  %s r=%.3f F1=%.3f acc=%.3f", set[:5], m.R, m.MacroF1, m.Accuracy)
		h0, h1 := Evaluate(v[0], g[0], 4), Evaluate(v[1], g[1], 4)
		halves += fmt.Sprintf("  %s halves %.3f/%.3f %.3f/%.3f", set[:5], h0.R, h0.MacroF1, h1.R, h1.MacroF1)
	}
	t.Log(line)
	t.Log(halves)
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
