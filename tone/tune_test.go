package tone

import (
	"flag"
	"fmt"
	"math"
	"sort"
	"testing"
)

var tuneFlag = flag.Bool("tune", false, "grid-search the valence combination on the dev halves")

// feat holds what the valence combination reads for one rated text.
type feat struct {
	sum         float64
	hits, words int
	nb          nbSums
	gold        float64
}

func features(t *testing.T, s *Scorer, set string) []feat {
	rs := loadEvalSet(t, set)
	out := make([]feat, len(rs))
	for i, r := range rs {
		tx := s.pool.Get().(*text)
		var res Score
		s.score(tx, r.Text, &res)
		nb, _ := s.nb.logOdds(r.Text, nil)
		out[i] = feat{sum: s.valence.ruleSum(tx, r.Text), hits: tx.counts[0], words: len(tx.toks), nb: nb, gold: r.Rating}
		s.pool.Put(tx)
	}
	return out
}

// targets are the acceptance thresholds of issue 4 (Pearson r, and macro-F1 for NYT).
var targets = map[string]float64{"nytEditorialSnippets": 0.58, "tweets": 0.87, "movieReviewSnippets": 0.63, "amazonReviewSnippets": 0.60}

// TestTune grid-searches the handful of combination weights: go test ./tone -run Tune -tune -v
func TestTune(t *testing.T) {
	if !*tuneFlag {
		t.Skip("run with -tune")
	}
	base := DefaultValence()
	s, err := New(Options{Valence: &base})
	if err != nil {
		t.Fatal(err)
	}
	fs := map[string][]feat{}
	for _, set := range evalSets {
		fs[set] = features(t, s, set)
	}
	type res struct {
		v     Valence
		m     map[string]Metrics
		worst float64
	}
	var all []res
	for _, ln := range []float64{0, 2, 3, 4} {
		for _, w1 := range []float64{0, 0.5, 1, 1.5, 2} {
			for _, w0 := range []float64{0, 0.5, 1, 2} {
				for _, sc := range []float64{0.5, 1, 2} {
					for _, alpha := range []float64{4, 8, 15} {
						v := base
						v.LengthNorm, v.NBWeight, v.NBWeightNoHits, v.NBScale, v.Alpha = ln, w1, w0, sc, alpha
						r := res{v: v, m: map[string]Metrics{}, worst: math.Inf(1)}
						for _, set := range evalSets {
							val, gold := make([]float64, len(fs[set])), make([]float64, len(fs[set]))
							for i, f := range fs[set] {
								val[i], gold[i] = v.combine(f.sum, f.hits, f.words, f.nb), f.gold
							}
							m := Evaluate(val, gold, 4)
							r.m[set] = m
							r.worst = math.Min(r.worst, m.R-targets[set])
						}
						all = append(all, r)
					}
				}
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].worst > all[j].worst })
	for _, r := range all[:12] {
		line := fmt.Sprintf("len=%.0f w1=%.1f w0=%.1f sc=%.1f a=%.0f worst=%+.3f", r.v.LengthNorm, r.v.NBWeight, r.v.NBWeightNoHits, r.v.NBScale, r.v.Alpha, r.worst)
		for _, set := range evalSets {
			line += fmt.Sprintf("  %s r=%.3f F1=%.3f", set[:5], r.m[set].R, r.m[set].MacroF1)
		}
		t.Log(line)
	}
}
