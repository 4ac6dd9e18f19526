package tone

import (
	"math"
	"strings"

	"github.com/quotetone/quotetone/lexicon"
)

// Valence configures the valence score: a rule-based score over a valence lexicon (VADER's by
// default), combined with the Naive Bayes model's log-odds.
type Valence struct {
	// Lexicon rates words from -4 to 4; nil means DefaultLexicon (VADER and AFINN).
	Lexicon *lexicon.Lexicon
	// LiteralLexicon reads Lexicon's terms literally ("(*" is an emoticon, not a glob).
	LiteralLexicon bool
	Rules          Rules
	// ContrastWholeText applies the contrast rule as VADER does: the first "but" of the text.
	ContrastWholeText bool
	// Punctuation adds VADER's emphasis for "!" and "?".
	Punctuation bool

	// NBLexMin, when positive, rates words that both lexicons lack by the Naive Bayes
	// model's smoothed log-likelihood ratio times NBLexGain, if that ratio is at least
	// NBLexMin in size; such hits go through the same negation, intensity and contrast rules.
	NBLexMin  float64
	NBLexGain float64
	// NBLexForms, when set, limits those words to the ones with one of these endings in texts
	// outside NBDomain: the endings of adjectives and adverbs ("hapless", "tacky",
	// "dispiritingly"), which carry opinion in any domain, while the model's nouns and verbs
	// carry the topics of film reviews ("plot" is bad news there, "war" good).
	NBLexForms []string

	// The combination. The rule sum r (VADER's sum of adjusted ratings) is divided by the
	// square root of the number of words over LengthNorm, when set, so that long texts do not
	// saturate; the NB feature is tanh(smoothed log-odds / sqrt(known words) / NBScale).
	// x = r + NBWeight*nb (NBWeightNoHits when no lexicon word was found), valence =
	// x/sqrt(x*x+Alpha), calibrated to the neutral band.
	LengthNorm     float64
	NBWeight       float64
	NBWeightNoHits float64
	NBScale        float64
	Alpha          float64
	// NBDomain are words of the Naive Bayes model's own domain: it learned from film reviews,
	// so in a text that talks about films ("film", "actors", "plot") it is more reliable
	// than the word ratings, and its weight is multiplied by NBDomainWeight.
	NBDomain       []string
	NBDomainWeight float64
	// Valences between NeutralLow and NeutralHigh are neutral: calibrate maps that band onto
	// (-NeutralBand, NeutralBand). Both 0 leave valences as they are.
	NeutralLow  float64
	NeutralHigh float64
	// PositiveScale (when positive) scales positive ratings: word lists rate praise higher
	// than readers of news do (the Pollyanna effect). Bias is added to x.
	PositiveScale float64
	Bias          float64
	// Inflected, when positive, rates a word that Lexicon lacks but whose base form it has
	// ("reassured" -> "reassure", "hopelessness" -> "hopeless") at its base's rating times
	// Inflected: the lexicons list few inflected forms, and an inflection or derivation
	// mostly keeps its base's polarity, though not always its strength or sense. Only the
	// words of the Naive Bayes model (a vocabulary of English) are looked at, once, in New.
	Inflected float64
}

// VADERValence is VADER's own scoring, with VADER's lexicon and no Naive Bayes: the "before"
// baseline.
func VADERValence() Valence {
	v, _ := VADER()
	return Valence{
		Lexicon:        v,
		LiteralLexicon: true,
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
		Alpha:             vaderAlpha,
	}
}

// DefaultValence is the calibrated combination that quotetone ships. Its handful of weights
// (LengthNorm, NBWeight, NBWeightNoHits, NBDomainWeight, NBLexMin, NBLexGain, PositiveScale,
// Inflected and the factors of the rules, such as ExcessWeight and NegationWeight) were chosen by grid search on
// the dev halves of the Hutto and Gilbert (2014) rated sentences (go test ./tone -run Tune
// -tune -v), and checked on both halves of each file split by a hash of the id (TestEvalDev prints them);
// nothing is learned per word or per text. Measured with go test ./tone -run EvalDev -eval -v
// (Pearson r / 3-class macro-F1):
//
//	                  VADER rules    NB alone   DefaultValence
//	NYT editorials    0.502/0.525    0.192      0.602/0.574
//	tweets            0.875/0.737    0.363      0.877/0.681
//	movie snippets    0.417/0.402    0.619      0.654/0.504
//	amazon snippets   0.596/0.532    0.361      0.653/0.574
func DefaultValence() Valence {
	v := VADERValence()
	v.Lexicon = nil // VADER and AFINN
	r := &v.Rules
	r.NegationClause = true
	r.Senses = true
	r.NameFactor = 0.3
	r.Hedges, r.HedgeFactor = DefaultHedges, 0.8
	r.QuestionFactor, r.DoubtQuestions = 1, true
	r.NegationWindow, r.NegatedNegative = 4, Drop
	r.Contrast = DefaultContrast
	r.Excess, r.ExcessScalar, r.ExcessWeight = DefaultExcess, 0.5, 1.5
	r.NegationWeight = 0.5
	r.Negators = append(append([]string(nil), r.Negators...), DenialWords...)
	r.Intensifiers = append([]lexicon.Term(nil), r.Intensifiers...)
	for _, w := range DefaultStance {
		r.Intensifiers = append(r.Intensifiers, lexicon.Term{Text: w, Weight: boostIncr})
	}
	v.ContrastWholeText = false
	v.NBLexMin, v.NBLexGain, v.NBLexForms = 0.7, 0.5, EvaluativeEndings
	v.LengthNorm = 3
	v.NBWeight = 1.5
	v.NBWeightNoHits = 0.5
	v.PositiveScale = 0.6
	v.NBScale = 1
	v.Alpha = 15
	v.NBDomain, v.NBDomainWeight = FilmWords, 2
	v.Inflected = 0.5
	return v
}

// ruleSum is the rule-based sum of the valence hits, positive ones scaled by PositiveScale,
// with VADER's punctuation emphasis.
func (v *Valence) ruleSum(t *text, src string) float64 {
	var sum float64
	for _, h := range t.hits {
		if h.weight > 0 && v.PositiveScale > 0 {
			sum += h.weight * v.PositiveScale
		} else {
			sum += h.weight
		}
	}
	if v.Punctuation && sum != 0 {
		sum += sign(sum) * punctuationEmphasis(src)
	}
	return sum
}

// combine turns the rule sum and the NB sums into the valence; inDomain says whether the
// text has a word of NBDomain.
func (v *Valence) combine(sum float64, hits, words int, nb nbSums, inDomain bool) float64 {
	x := sum
	if v.LengthNorm > 0 && words > 0 {
		x *= v.LengthNorm / math.Sqrt(float64(words))
	}
	w := v.NBWeight
	if hits == 0 {
		w = v.NBWeightNoHits
	}
	if inDomain && v.NBDomainWeight > 0 {
		w *= v.NBDomainWeight
	}
	if w != 0 && nb.known > 0 {
		x += w * math.Tanh(nb.smooth/math.Sqrt(float64(nb.known))/v.NBScale)
	}
	x += v.Bias
	return v.calibrate(normalize(x, v.Alpha))
}

// calibrate maps valences piecewise linearly so that [NeutralLow, NeutralHigh] becomes the
// neutral band (-NeutralBand, NeutralBand), keeping -1, 0-crossing order and 1 in place.
func (v *Valence) calibrate(val float64) float64 {
	lo, hi := v.NeutralLow, v.NeutralHigh
	if lo == 0 && hi == 0 || lo >= hi || lo <= -1 || hi >= 1 {
		return val
	}
	switch {
	case val < lo:
		return -1 + (val+1)/(lo+1)*(1-NeutralBand)
	case val > hi:
		return NeutralBand + (val-hi)/(1-hi)*(1-NeutralBand)
	}
	return -NeutralBand + (val-lo)/(hi-lo)*2*NeutralBand
}

// punctuationEmphasis is VADER's boost for "!" (up to four) and "?" (two or more).
func punctuationEmphasis(s string) float64 {
	ex, q := strings.Count(s, "!"), strings.Count(s, "?")
	e := float64(min(ex, 4)) * exclamIncr
	switch {
	case q > 3:
		e += questMaxAdd
	case q > 1:
		e += float64(q) * questIncr
	}
	return e
}

// FilmWords are words about films, the domain of the Naive Bayes model (IMDB reviews).
var FilmWords = []string{
	"film", "films", "movie", "movies", "filmmaker", "filmmakers", "director", "directed",
	"directing", "cinema", "cinematic", "screenplay", "script", "plot", "cast", "actor", "actors",
	"actress", "acting", "performance", "performances", "character", "characters", "scene",
	"scenes", "audience", "audiences", "comedy", "drama", "thriller", "documentary", "genre",
	"sequel", "screen", "hollywood", "viewers", "story", "storytelling", "picture", "feature",
}

// EvaluativeEndings are the word endings of English adjectives, adverbs and participles,
// the parts of speech that carry most opinion (Hatzivassiloglou and Wiebe 2000).
var EvaluativeEndings = []string{"ous", "ful", "less", "able", "ible", "ive", "ic", "ish", "al", "ent", "ant", "ly", "y", "ed", "ing"}

// DenialWords deny what follows them, as negators do: "lack of support", "failed to win",
// "refused to help", "hardly surprising". The valence rules count them as negators.
var DenialWords = []string{"lack", "lacks", "lacking", "lacked", "absence", "fails", "failed", "fail", "failing", "unable", "refused", "refuses", "refuse", "hardly", "barely", "scarcely"}
