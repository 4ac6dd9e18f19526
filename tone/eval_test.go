package tone

import (
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"slices"
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

func TestEvaluate(t *testing.T) {
	// By hand: ratings (scale 1) are classes pos, neg, neutral, pos, neg; valences are
	// pos, neg, neutral, neutral, 0 (neutral, and no sign). Positive: P 1/1, R 1/2, F1 2/3;
	// negative: P 1/1, R 1/2, F1 2/3; neutral: P 1/3, R 1/1, F1 1/2. Macro-F1 11/18.
	// Accuracy: of the four non-neutral ratings the valence's sign is right for three (0.04
	// is positive); a valence of 0 has no sign, and is wrong for the negative rating.
	val := []float64{0.5, -0.5, 0, 0.04, 0}
	rat := []float64{1, -1, 0.01, 0.5, -0.6}
	m := Evaluate(val, rat, 1)
	if m.N != 5 || math.Abs(m.MacroF1-11.0/18) > 1e-12 || m.Accuracy != 0.75 {
		t.Errorf("Evaluate(%v, %v) = %+v, want N 5, MacroF1 %v, Accuracy 0.75", val, rat, m, 11.0/18)
	}
	// Pearson by hand: x 1, 2, 3 and y 2, 4, 5: sxy 3, sxx 2, syy 14/3.
	if got, want := Pearson([]float64{1, 2, 3}, []float64{2, 4, 5}), 3/math.Sqrt(2*14.0/3); math.Abs(got-want) > 1e-12 {
		t.Errorf("Pearson = %v, want %v", got, want)
	}
}

func TestReadRated(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Rated
		err      string
	}{
		{"header", "id\trating\ttext\n1\t2.5\tgood\n", []Rated{{"1", 2.5, "good"}}, ""},
		{"bom and crlf", "\ufeffa\t-1\tbad day\r\n", []Rated{{"a", -1, "bad day"}}, ""},
		{"blank lines before the header", "\n\nid\trating\ttext\n1\t0\tso so\n", []Rated{{"1", 0, "so so"}}, ""},
		{"tab in text", "1\t1\tone\ttwo\n", []Rated{{"1", 1, "one\ttwo"}}, ""},
		{"NaN", "1\t1\tok\n2\tNaN\tbad\n", nil, `line 2: rating "NaN" is not a number`},
		{"infinite", "1\t1\tok\n2\t+Inf\tbad\n", nil, `line 2: rating "+Inf" is not a number`},
		{"second header", "id\trating\ttext\nid\trating\ttext\n", nil, "line 2"},
		{"two fields", "1\t1\n", nil, "line 1: want id<TAB>rating<TAB>text"},
	}
	for _, tt := range tests {
		got, err := ReadRated(strings.NewReader(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: ReadRated(%q) error = %v, want %q", tt.name, tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: ReadRated(%q) = %v, %v, want %v", tt.name, tt.in, got, err, tt.want)
		}
	}
}
