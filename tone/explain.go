package tone

import (
	"fmt"
	"strings"
)

// An Explanation says why a text scores as it does: every lexicon hit with its adjustments.
type Explanation struct {
	Text       string
	Tokens     []string
	Hits       []HitExplanation
	Score      Score
	Dimensions []string
	// RuleSum is the valence rules' sum of adjusted ratings; NBLogOdds the model's log-odds.
	RuleSum   float64
	NBLogOdds float64
}

// A HitExplanation is one lexicon hit.
type HitExplanation struct {
	Dimension string // "valence" or a dimension name
	Pole      string // the pole's name ("constructive", "hostility"); "positive" or "negative" for valence
	Term      string // the lexicon term as written ("hostil*"); "(model)" for words rated by Naive Bayes, "(excess)" for words after "too"
	Matched   string // the words of the text it matched
	Base      float64
	Weight    float64 // after adjustments
	Notes     []string
}

// Explain scores text and reports each hit.
func (s *Scorer) Explain(src string) Explanation {
	t := new(text)
	var notes []note
	t.explain = &notes
	res := Score{Dims: make([]DimScore, len(s.dims))}
	s.score(t, src, &res)
	ex := Explanation{Text: src, Score: res, Dimensions: s.names, RuleSum: s.valence.ruleSum(t, src)}
	nb, _ := s.nb.logOddsIn(&s.m.words, src, nil)
	ex.NBLogOdds = nb.logOdds
	for i := range t.toks {
		ex.Tokens = append(ex.Tokens, t.raw(i))
	}
	for _, group := range [][]hit{t.hits, t.dh} {
		for _, h := range group {
			he := HitExplanation{Base: h.base, Weight: h.weight}
			var words []string
			for k := h.start; k < h.end; k++ {
				words = append(words, t.raw(int(k)))
			}
			he.Matched = strings.Join(words, " ")
			switch {
			case h.entry >= 0:
				he.Term = s.m.entries[h.entry].term
			case h.entry == entryExcess:
				he.Term = "(excess)"
			case h.entry == entryNegation:
				he.Term = "(negation)"
			default:
				he.Term = "(model)"
			}
			if h.slot == 0 {
				he.Dimension = "valence"
				he.Pole = "positive"
				if h.base < 0 {
					he.Pole = "negative"
				}
			} else {
				d := s.dims[h.slot-1]
				he.Dimension = d.Name
				he.Pole = d.Positive.Name
				if h.base < 0 {
					he.Pole = d.Negative.Name
				}
			}
			for _, n := range notes {
				if n.slot == h.slot && n.start == h.start {
					he.Notes = append(he.Notes, n.text)
				}
			}
			ex.Hits = append(ex.Hits, he)
		}
	}
	return ex
}

// String formats the explanation for people, one hit a line.
func (e Explanation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "text: %s\n", e.Text)
	if len(e.Hits) == 0 {
		b.WriteString("no lexicon hits\n")
	}
	for _, h := range e.Hits {
		fmt.Fprintf(&b, "  %-12s %-12s %-20q term %-16q %+.3f", h.Dimension, h.Pole, h.Matched, h.Term, h.Base)
		if h.Weight != h.Base {
			fmt.Fprintf(&b, " -> %+.3f", h.Weight)
		}
		if len(h.Notes) > 0 {
			fmt.Fprintf(&b, "  (%s)", strings.Join(h.Notes, "; "))
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "valence     %+.3f  (rules %+.3f, Naive Bayes log-odds %+.3f)\n", e.Score.Valence, e.RuleSum, e.NBLogOdds)
	fmt.Fprintf(&b, "nb_positive %.3f\n", e.Score.NBPositive)
	for i, d := range e.Dimensions {
		fmt.Fprintf(&b, "%-11s %+.3f  (%d hits)\n", d, e.Score.Dims[i].Score, e.Score.Dims[i].Hits)
	}
	return b.String()
}
