package tone

import (
	_ "embed"
	"sync"

	"github.com/quotetone/quotetone/lexicon"
)

// The VADER lexicon (C.J. Hutto, MIT licence: see data/LICENSE-vader.txt): 7,500 tokens rated
// from -4 to 4 by ten people each.
//
//go:embed data/vader_lexicon.txt
var vaderData []byte

// The AFINN lexicon (Finn Årup Nielsen, Apache-2.0: see data/LICENSE-afinn.txt and
// data/COPYRIGHT-afinn.txt): 3,382 words rated from -5 to 5.
//
//go:embed data/AFINN-en-165.txt
var afinnData []byte

// AfinnBlend is the share of AFINN's rating in words both lexicons rate.
const AfinnBlend = 0.5

// afinnScale maps AFINN's -5..5 onto VADER's -4..4.
const afinnScale = 0.8

var (
	defaultOnce sync.Once
	defaultLex  *lexicon.Lexicon
	defaultErr  error
)

// DefaultLexicon is the valence lexicon quotetone ships: VADER, plus the AFINN words VADER
// lacks (730 of them), rescaled to VADER's range.
func DefaultLexicon() (*lexicon.Lexicon, error) {
	defaultOnce.Do(func() {
		v, err := VADER()
		if err != nil {
			defaultErr = err
			return
		}
		a, err := lexicon.ParseFormat(lexicon.FormatCSV, "AFINN-en-165.txt", afinnData)
		if err != nil {
			defaultErr = err
			return
		}
		have := map[string]bool{}
		afinn := map[string]float64{}
		for _, c := range a.Categories {
			for _, t := range c.Terms {
				afinn[t.Text] = t.Weight * afinnScale
			}
		}
		l := &lexicon.Lexicon{Name: "vader+afinn"}
		for _, c := range v.Categories {
			terms := append([]lexicon.Term(nil), c.Terms...)
			for i, t := range terms {
				have[t.Text] = true
				if w, ok := afinn[t.Text]; ok && AfinnBlend > 0 {
					terms[i].Weight = (1-AfinnBlend)*t.Weight + AfinnBlend*w
				}
			}
			l.Categories = append(l.Categories, lexicon.Category{Name: c.Name, Terms: terms})
		}
		for _, c := range a.Categories {
			for _, t := range c.Terms {
				if have[t.Text] {
					continue
				}
				t.Weight *= afinnScale
				for i := range l.Categories {
					if l.Categories[i].Name == c.Name {
						l.Categories[i].Terms = append(l.Categories[i].Terms, t)
					}
				}
			}
		}
		defaultLex = l
	})
	return defaultLex, defaultErr
}

var (
	vaderOnce sync.Once
	vaderLex  *lexicon.Lexicon
	vaderErr  error
)

// VADER returns the embedded VADER lexicon: categories "positive" and "negative" with each
// token's mean rating as its weight.
func VADER() (*lexicon.Lexicon, error) {
	vaderOnce.Do(func() {
		vaderLex, vaderErr = lexicon.ParseFormat(lexicon.FormatCSV, "vader_lexicon.txt", vaderData)
		if vaderLex != nil {
			vaderLex.Name = "vader"
		}
	})
	return vaderLex, vaderErr
}

// VADER's constants (Hutto and Gilbert 2014).
const (
	boostIncr   = 0.293 // an intensifier adds this much to a rating of 1 to 4
	capsIncr    = 0.733 // a word in capitals among words that are not
	negScalar   = 0.74  // a negated rating is multiplied by -negScalar
	vaderAlpha  = 15    // normalisation: x / sqrt(x*x + alpha)
	exclamIncr  = 0.292 // each "!" (up to 4) adds this much
	questIncr   = 0.18  // each "?" (2 or 3) adds this much
	questMaxAdd = 0.96  // more than 3 "?" add this much
)

// DefaultNegators are VADER's negation words, with "no" and "n't" (which negates any word it
// ends, as in "didn't" or "isn’t").
var DefaultNegators = []string{
	"not", "no", "never", "n't", "none", "nope", "nor", "nothing", "nowhere", "neither", "nobody",
	"without", "cannot", "aint", "arent", "cant", "couldnt", "darent", "didnt", "doesnt", "dont",
	"hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neednt", "oughtnt", "shant",
	"shouldnt", "uhuh", "uh-uh", "wasnt", "werent", "wont", "wouldnt", "rarely", "seldom",
	"despite",
}

// DefaultIntensifiers are VADER's booster words: positive weights intensify, negative weights
// diminish the hit that follows.
var DefaultIntensifiers = func() []lexicon.Term {
	var ts []lexicon.Term
	for _, w := range []string{
		"absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
		"decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
		"exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
		"frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin",
		"fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible",
		"incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
		"quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally",
		"tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly",
		"very",
	} {
		ts = append(ts, lexicon.Term{Text: w, Weight: boostIncr})
	}
	for _, w := range []string{
		"almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
		"little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce",
		"scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
	} {
		ts = append(ts, lexicon.Term{Text: w, Weight: -boostIncr})
	}
	return ts
}()

// DefaultContrast are the words after which a clause outweighs what came before it.
var DefaultContrast = []string{"but", "however", "yet", "nevertheless", "nonetheless"}

// vaderIdioms are VADER's special cases: phrases whose rating replaces their words'.
var vaderIdioms = []lexicon.Term{
	{Text: "the shit", Weight: 3}, {Text: "the bomb", Weight: 3}, {Text: "bad ass", Weight: 1.5},
	{Text: "badass", Weight: 1.5}, {Text: "bus stop", Weight: 0}, {Text: "yeah right", Weight: -2},
	{Text: "kiss of death", Weight: -1.5}, {Text: "to die for", Weight: 3},
	{Text: "beating heart", Weight: 3.1}, {Text: "broken heart", Weight: -2.9},
}
