package tone

import (
	"math"

	"github.com/quotetone/quotetone/lexicon"
)

// Valence configures the valence score: a rule-based score over a valence lexicon (VADER's by
// default), combined with the Naive Bayes model's log-odds.
type Valence struct {
	// Lexicon rates words from -4 to 4; nil means the embedded VADER lexicon.
	Lexicon *lexicon.Lexicon
	Rules   Rules
	// ContrastWholeText applies the contrast rule as VADER does: the first "but" of the text.
	ContrastWholeText bool
	// Punctuation adds VADER's emphasis for "!" and "?".
	Punctuation bool

	// The combination: x = RuleWeight*rules + NBWeight*clip(NB log-odds, ±NBClip), valence =
	// x/sqrt(x*x+Alpha), then values within Neutral of 0 shrink to 0 (a dead band).
	RuleWeight float64
	NBWeight   float64
	NBClip     float64
	Alpha      float64
	Neutral    float64
}

// VADERValence is VADER's own scoring, with no Naive Bayes: the "before" baseline.
func VADERValence() Valence {
	return Valence{
		Rules: Rules{
			Negators:       DefaultNegators,
			NegationWindow: 3,
			NegationMode:   Flip,
			NegationScalar: negScalar,
			Intensifiers:   DefaultIntensifiers,
			Caps:           true,
			Contrast:       []string{"but"},
			ContrastBefore: 0.5,
			ContrastAfter:  1.5,
			Alpha:          vaderAlpha,
		},
		ContrastWholeText: true,
		Punctuation:       true,
		RuleWeight:        1,
		Alpha:             vaderAlpha,
	}
}

// DefaultValence is the calibrated combination that quotetone ships.
func DefaultValence() Valence {
	v := VADERValence()
	return v
}

// combine turns the rule sum and the NB log-odds into the valence.
func (v *Valence) combine(t *text, src string, sum float64, hits int, lo float64, known int) float64 {
	if v.Punctuation && sum != 0 {
		sum += sign(sum) * punctuationEmphasis(src)
	}
	x := v.RuleWeight * sum
	if v.NBWeight != 0 {
		if v.NBClip > 0 {
			lo = math.Max(-v.NBClip, math.Min(v.NBClip, lo))
		}
		x += v.NBWeight * lo
	}
	val := normalize(x, v.Alpha)
	if v.Neutral > 0 {
		a := math.Abs(val)
		if a < v.Neutral {
			return 0
		}
		val = sign(val) * (a - v.Neutral) / (1 - v.Neutral)
	}
	return val
}

// punctuationEmphasis is VADER's boost for "!" (up to four) and "?" (two or more).
func punctuationEmphasis(s string) float64 {
	ex, q := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '!':
			ex++
		case '?':
			q++
		}
	}
	e := float64(min(ex, 4)) * exclamIncr
	switch {
	case q > 3:
		e += questMaxAdd
	case q > 1:
		e += float64(q) * questIncr
	}
	return e
}
