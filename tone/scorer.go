// Package tone scores the tone of short texts, such as quotes, against lexicons: a valence in
// [-1, 1] that combines a rule-based VADER score with a Naive Bayes model, and one score in
// [-1, 1] per configured dimension (such as cooperation: constructive against hostility).
//
// Scoring runs tokens -> lexicon hits (the longest term wins) -> adjusters (negation,
// intensity, contrast, hedges and questions) -> sums normalised to (-1, 1).
package tone

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/quotetone/quotetone/lexicon"
)

// Score is the tone of one text.
type Score struct {
	Valence    float64    // [-1,1]: rule-based VADER-lexicon score combined with cdipaolo/sentiment
	NBPositive float64    // cdipaolo/sentiment's own probability of positive, [0,1]
	Dims       []DimScore // one per dimension, in Scorer.Dimensions() order
}

// DimScore is one dimension's score.
type DimScore struct {
	Score float64 // [-1,1]: towards the positive pole (constructive) or the negative (hostility)
	Hits  int     // lexicon hits that counted
}

// A Pole is one end of a dimension: a name and its terms. Term weights are magnitudes (the
// pole gives the sign); 0 means Weight, and a Weight of 0 means 1.
type Pole struct {
	Name   string
	Weight float64
	Terms  []lexicon.Term
}

// A Dimension is a scale between a positive and a negative pole.
type Dimension struct {
	Name     string
	Positive Pole
	Negative Pole
}

// Options configure a Scorer. The zero value scores valence only, with default rules.
type Options struct {
	Dimensions []Dimension
	// Rules for the dimensions; nil means DefaultRules.
	Rules *Rules
	// Valence configures the valence score; nil means DefaultValence.
	Valence *Valence
	// NB is the Naive Bayes model; nil loads DefaultNB (once per process).
	NB *NB
}

// Scorer scores texts with one lexicon set and an ordered chain of adjusters. It is safe for
// concurrent use.
type Scorer struct {
	m         *matcher
	dims      []Dimension
	names     []string
	valence   Valence
	vrules    Rules
	rules     Rules
	mods      [2]modifiers
	adjusters [2][]adjuster
	nb        *NB
	pool      sync.Pool
}

// ErrConfig is wrapped by errors about Options.
var ErrConfig = errors.New("invalid tone options")

// New compiles the lexicons and rules into a Scorer.
func New(opts Options) (*Scorer, error) {
	s := &Scorer{m: newMatcher(), dims: opts.Dimensions, nb: opts.NB}
	s.rules = DefaultRules()
	if opts.Rules != nil {
		s.rules = *opts.Rules
	}
	if err := s.rules.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	s.valence = DefaultValence()
	if opts.Valence != nil {
		s.valence = *opts.Valence
	}
	s.vrules = s.valence.Rules
	if err := s.vrules.Validate(); err != nil {
		return nil, fmt.Errorf("%w: valence: %v", ErrConfig, err)
	}
	if s.nb == nil {
		nb, err := DefaultNB()
		if err != nil {
			return nil, err
		}
		s.nb = nb
	}
	// The table of the model's words takes the longest to build: it is built meanwhile, and
	// the vocabulary is added to it at the end.
	table := make(chan dict, 1)
	go func() { table <- buildDict(s.nb, nil) }()
	vlex := s.valence.Lexicon
	if vlex == nil {
		var err error
		if vlex, err = DefaultLexicon(); err != nil {
			return nil, err
		}
	}
	n := 0
	for _, c := range vlex.Categories {
		n += len(c.Terms)
	}
	// Inflected forms add about a third as many words again (9,700 words for VADER's 7,500).
	s.m.reserve(n + n/3)
	rated := make(map[string]float64, n)
	for _, c := range vlex.Categories {
		sign := 1.0
		if strings.Contains(strings.ToLower(c.Name), "neg") {
			sign = -1
		}
		for _, t := range c.Terms {
			w := t.Weight
			if w == 0 {
				w = sign * nonZero(c.Weight)
			}
			if err := s.m.add(0, t, w, s.valence.Lexicon == nil || s.valence.LiteralLexicon); err != nil {
				return nil, fmt.Errorf("%w: valence lexicon: %q: %v", ErrConfig, t.Text, err)
			}
			if !t.CaseSensitive && !strings.ContainsAny(t.Text, " *") {
				rated[lowerString(t.Text)] = w
			}
		}
	}
	if s.valence.Inflected > 0 {
		if err := s.addInflected(rated, s.valence.Inflected); err != nil {
			return nil, err
		}
	}
	if v, _ := VADER(); s.valence.Lexicon == nil || s.valence.Lexicon == v {
		for _, t := range vaderIdioms {
			if err := s.m.add(0, t, t.Weight, true); err != nil {
				return nil, err
			}
		}
	}
	for _, w := range s.valence.NBDomain {
		if w = lowerString(strings.TrimSpace(w)); w != "" {
			s.m.vocabs[s.m.word(w)].domain = true
		}
	}
	if s.valence.NBLexMin > 0 && s.valence.NBLexGain != 0 {
		s.m.nb, s.m.nbMin, s.m.nbGain = s.nb, s.valence.NBLexMin, s.valence.NBLexGain
		for _, e := range s.valence.NBLexForms {
			if e = lowerString(strings.TrimSpace(e)); e != "" {
				s.m.nbForms = append(s.m.nbForms, e)
			}
		}
	}
	seen := map[string]bool{}
	for d, dim := range s.dims {
		if dim.Name == "" {
			return nil, fmt.Errorf("%w: dimension %d has no name", ErrConfig, d)
		}
		if seen[dim.Name] {
			return nil, fmt.Errorf("%w: dimension %q twice", ErrConfig, dim.Name)
		}
		seen[dim.Name] = true
		s.names = append(s.names, dim.Name)
		for _, p := range []struct {
			pole Pole
			sign float64
		}{{dim.Positive, 1}, {dim.Negative, -1}} {
			for _, t := range p.pole.Terms {
				w := math.Abs(t.Weight)
				if w == 0 {
					w = math.Abs(nonZero(p.pole.Weight))
				}
				if err := s.m.add(d+1, t, p.sign*w, false); err != nil {
					return nil, fmt.Errorf("%w: dimension %s: %s: %q: %v", ErrConfig, dim.Name, p.pole.Name, t.Text, err)
				}
			}
		}
	}
	for g, r := range []*Rules{&s.vrules, &s.rules} {
		s.mods[g] = compileModifiers(r, s.m, g)
		s.adjusters[g] = nil
		if r.Senses {
			s.adjusters[g] = append(s.adjusters[g], sense{})
		}
		s.adjusters[g] = append(s.adjusters[g],
			intensity{window: 3, caps: r.Caps},
			negation{window: r.NegationWindow, mode: r.NegationMode, neg: r.NegatedNegative, scalar: r.NegationScalar, clause: r.NegationClause},
		)
		if len(r.Shifters) > 0 && r.ShiftScalar != 0 {
			s.adjusters[g] = append(s.adjusters[g], shift{window: max(r.ShiftWindow, 1), scalar: r.ShiftScalar})
		}
		if len(r.Excess) > 0 && r.ExcessScalar != 0 {
			s.adjusters[g] = append(s.adjusters[g], excess{scalar: r.ExcessScalar})
		}
		if r.NameFactor != 0 && r.NameFactor != 1 {
			s.adjusters[g] = append(s.adjusters[g], name{factor: r.NameFactor, m: s.m})
		}
		if len(r.Contrast) > 0 {
			s.adjusters[g] = append(s.adjusters[g], contrast{before: r.ContrastBefore, after: r.ContrastAfter, textScope: g == 0 && s.valence.ContrastWholeText})
		}
		if r.HedgeFactor != 1 && r.HedgeFactor != 0 || r.QuestionFactor != 1 && r.QuestionFactor != 0 || r.DoubtQuestions {
			s.adjusters[g] = append(s.adjusters[g], hedge{hedge: orOne(r.HedgeFactor), question: orOne(r.QuestionFactor), doubt: r.DoubtQuestions})
		}
	}
	s.m.index(s.nb, <-table)
	s.pool.New = func() any { return new(text) }
	return s, nil
}

func nonZero(w float64) float64 {
	if w == 0 {
		return 1
	}
	return w
}

func orOne(f float64) float64 {
	if f == 0 {
		return 1
	}
	return f
}

// maxPooled is the largest scratch buffer (in bytes of text) kept for reuse.
const maxPooled = 1 << 16

// Dimensions lists the dimension names in score order.
func (s *Scorer) Dimensions() []string { return s.names }

// Score scores text. It is safe for concurrent use.
func (s *Scorer) Score(src string) Score {
	t := s.pool.Get().(*text)
	res := Score{Dims: make([]DimScore, len(s.dims))}
	s.score(t, src, &res)
	t.explain = nil
	if cap(t.lower) <= maxPooled { // a huge text's buffers are not kept around
		s.pool.Put(t)
	}
	return res
}

func (s *Scorer) score(t *text, src string, res *Score) {
	t.tokenize(src, s.m, s.nb)
	slots := len(s.dims) + 1
	s.mods[0].mark(t, s.m, 0)
	if len(s.dims) > 0 {
		s.mods[1].mark(t, s.m, 1)
	}
	t.domain = s.inDomain(t)
	t.scan(s.m, slots)
	// An intensifier or a word inside a multiword modifier is not rated itself.
	vh := t.hits[:0]
	for _, h := range t.hits {
		if tk := &t.toks[h.start]; h.end-h.start == 1 && (tk.boost[0] != 0 || tk.mods[0]&mPart != 0) {
			continue
		}
		vh = append(vh, h)
	}
	if s.vrules.ExcessWeight > 0 {
		vh = excessHits(t, vh, s.vrules.ExcessWeight)
	}
	if s.vrules.NegationWeight > 0 {
		vh = negationHits(t, vh, s.vrules.NegationWeight)
	}
	t.hits = vh
	dh := t.dh
	for _, a := range s.adjusters[0] {
		a.adjust(t, vh, 0)
	}
	if s.vrules.NegationWeight > 0 {
		vh = dropUsedNegations(vh)
		t.hits = vh
	}
	for _, a := range s.adjusters[1] {
		a.adjust(t, dh, 1)
	}
	t.sums = grow(t.sums, slots)
	t.counts = grow(t.counts, slots)
	for i := range t.sums {
		t.sums[i], t.counts[i] = 0, 0
	}
	t.counts[0] = len(vh) // the valence sum is ruleSum's
	for _, h := range dh {
		t.sums[h.slot] += h.weight
		t.counts[h.slot]++
	}
	for d := range res.Dims {
		sum := t.sums[d+1]
		res.Dims[d] = DimScore{Score: normalize(sum, s.rules.Alpha), Hits: t.counts[d+1]}
	}
	nb := t.nb
	if !t.nbDone {
		nb, t.nbuf = s.nb.logOddsIn(&s.m.words, src, t.nbuf[:0])
	}
	res.NBPositive = sigmoid(nb.logOdds)
	res.Valence = s.valence.combine(s.valence.ruleSum(t, src), t.counts[0], len(t.toks), nb, t.domain)
}

// inDomain reports whether t has a word of the valence's NBDomain.
func (s *Scorer) inDomain(t *text) bool {
	if len(s.valence.NBDomain) == 0 {
		return false
	}
	for i := range t.toks {
		if v := t.toks[i].v; v >= 0 && s.m.vocabs[v].domain {
			return true
		}
	}
	return false
}

// normalize maps a sum of weights into (-1, 1) as VADER does.
func normalize(s, alpha float64) float64 {
	if s == 0 {
		return 0
	}
	v := s / math.Sqrt(s*s+alpha)
	return math.Max(-1, math.Min(1, v))
}
