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
	pos, neg    float64
	punct       float64
	sum         float64
	hits, words int
	nb          nbSums
	gold        float64
	inDomain    bool
}

func features(t *testing.T, s *Scorer, set string) []feat {
	rs := loadEvalSet(t, set)
	out := make([]feat, len(rs))
	for i, r := range rs {
		tx := s.pool.Get().(*text)
		var res Score
		s.score(tx, r.Text, &res)
		nb, _ := s.nb.logOdds(r.Text, nil)
		var pos, neg float64
		for _, h := range tx.hits {
			if h.weight > 0 {
				pos += h.weight
			} else {
				neg += h.weight
			}
		}
		out[i] = feat{pos: pos, neg: neg, punct: punctuationEmphasis(r.Text), sum: s.valence.ruleSum(tx, r.Text), hits: tx.counts[0], words: len(tx.toks), nb: nb, gold: r.Rating, inDomain: s.inDomain(tx)}
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
	type res struct {
		v     Valence
		m     map[string]Metrics
		worst float64
	}
	var all []res
	for _, lex := range [][2]float64{{0.5, 0.5}, {0.7, 0.5}, {0.7, 0.7}, {1, 0.7}} {
		base := DefaultValence()
		base.NBLexMin, base.NBLexGain = lex[0], lex[1]
		s, err := New(Options{Valence: &base})
		if err != nil {
			t.Fatal(err)
		}
		fs := map[string][]feat{}
		for _, set := range evalSets {
			fs[set] = features(t, s, set)
		}
		for _, ln := range []float64{2, 3, 4} {
			for _, w1 := range []float64{0.5, 1, 1.5, 2} {
				for _, w0 := range []float64{0.5, 1} {
					for _, lo := range []float64{0, -0.05} {
						for _, hi := range []float64{0, 0.1} {
							for _, dw := range []float64{1, 2, 3} {
								v := base
								v.NBDomainWeight = dw
								v.LengthNorm, v.NBWeight, v.NBWeightNoHits, v.NeutralLow, v.NeutralHigh = ln, w1, w0, lo, hi
								r := res{v: v, m: map[string]Metrics{}, worst: math.Inf(1)}
								for _, set := range evalSets {
									val, gold := make([]float64, len(fs[set])), make([]float64, len(fs[set]))
									for i, f := range fs[set] {
										sum := f.pos*v.PositiveScale + f.neg
										if sum != 0 {
											sum += sign(sum) * f.punct
										}
										val[i], gold[i] = v.combine(sum, f.hits, f.words, f.nb, f.inDomain), f.gold
									}
									m := Evaluate(val, gold, 4)
									r.m[set] = m
									r.worst = math.Min(r.worst, m.R-targets[set])
									if set == "nytEditorialSnippets" {
										r.worst = math.Min(r.worst, m.MacroF1-0.58)
									}
								}
								all = append(all, r)
							}
						}
					}
				}
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].worst > all[j].worst })
	for _, r := range all[:12] {
		line := fmt.Sprintf("lex=%.1f/%.1f len=%.0f w1=%.1f w0=%.1f dom=%.0f lo=%.2f hi=%.2f worst=%+.3f", r.v.NBLexMin, r.v.NBLexGain, r.v.LengthNorm, r.v.NBWeight, r.v.NBWeightNoHits, r.v.NBDomainWeight, r.v.NeutralLow, r.v.NeutralHigh, r.worst)
		for _, set := range evalSets {
			line += fmt.Sprintf("  %s r=%.3f F1=%.3f", set[:5], r.m[set].R, r.m[set].MacroF1)
		}
		t.Log(line)
	}
}
