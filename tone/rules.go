package tone

import (
	"fmt"
	"math"
	"strings"

	"github.com/quotetone/quotetone/lexicon"
)

// NegationMode says what a negator does to a hit within its window.
type NegationMode string

const (
	Flip NegationMode = "flip" // multiply by -Scalar: "not hostile" counts as mildly constructive
	Damp NegationMode = "damp" // multiply by Scalar: "not hostile" counts as a little hostile
	Drop NegationMode = "drop" // the hit no longer counts
)

// Rules are the adjusters' settings: negation, intensity, contrast, hedges and questions.
type Rules struct {
	Negators []string // cue words; "n't" also matches every word ending in n't
	// NegationWindow is how many words before a hit a negator reaches.
	NegationWindow int
	NegationMode   NegationMode
	// NegationScalar is the factor of Flip (as -Scalar) and Damp; VADER uses 0.74.
	NegationScalar float64
	// NegationClause stops a negator at a comma, semicolon, colon or dash between it and the hit.
	NegationClause bool
	// NegatedNegative, when set, is what a negator does to a negative hit instead of
	// NegationMode. Drop suits valence: "no hostility" and "not a failure" deny a bad thing
	// without praising anything, and the texts that say so are more often negative than not.
	NegatedNegative NegationMode

	// Intensifiers add their weight to the size of the hit that follows within three words
	// (less for the second and third word); negative weights diminish.
	Intensifiers []lexicon.Term
	// Caps adds VADER's emphasis to words in capitals among words that are not.
	Caps bool

	// Contrast words ("but") scale hits before them by ContrastBefore and after them by
	// ContrastAfter, within the sentence.
	Contrast       []string
	ContrastBefore float64
	ContrastAfter  float64

	// Hedges ("may", "perhaps") scale hits later in their clause by HedgeFactor.
	Hedges      []string
	HedgeFactor float64
	// QuestionFactor scales hits in sentences that end with a question mark.
	QuestionFactor float64
	// DoubtQuestions drops positive hits in questions, which in news and reviews doubt more
	// often than they hope ("Who says lotteries are harmless fun?"); QuestionFactor still
	// scales the negative ones.
	DoubtQuestions bool

	// Shifters ("prevent", "reduce", "end") turn a negative hit within ShiftWindow words after
	// them positive, multiplied by -ShiftScalar: "prevent a crisis" is good news.
	Shifters    []string
	ShiftWindow int
	ShiftScalar float64

	// Senses drops ratings of words in senses that rate nothing: "like" as a preposition,
	// "as well", "no matter".
	Senses bool

	// Excess words ("too", "overly") turn a positive hit within two words after them
	// negative, times -ExcessScalar: "too generous", "overly optimistic".
	Excess       []string
	ExcessScalar float64
	// ExcessWeight, when positive, rates a word right after an excess word that is itself
	// unrated, and not a function word, -ExcessWeight: "too small", "too late", "overly long"
	// say that something is wrong even when the word says nothing on its own. Valence only.
	ExcessWeight float64
	// NegationWeight, when positive, rates each negator that negates no rated word and is not
	// rated itself -NegationWeight: a negated statement reads as more negative than its
	// affirmative ("the city has not paid", "it does not add up"; Potts 2010, "On the
	// negativity of negation"). Idioms that deny nothing ("can't wait", "without doubt",
	// "nothing but") are left alone. Valence only.
	NegationWeight float64

	// NameFactor scales hits on capitalised words inside multiword names ("Justice Department").
	NameFactor float64

	// Alpha normalises a sum of weights s to s/sqrt(s*s+Alpha), in (-1, 1).
	Alpha float64
}

// DefaultRules are the dimension rules: VADER's negation and intensity, contrast within a
// sentence, and mild damping of hedged and questioned hits.
func DefaultRules() Rules {
	return Rules{
		Negators:       DefaultNegators,
		NegationWindow: 3,
		NegationMode:   Flip,
		NegationScalar: negScalar,
		NegationClause: true,
		Intensifiers:   DefaultIntensifiers,
		Contrast:       DefaultContrast,
		ContrastBefore: 0.5,
		ContrastAfter:  1.5,
		Hedges:         DefaultHedges,
		HedgeFactor:    0.8,
		QuestionFactor: 0.6,
		Shifters:       DefaultShifters,
		ShiftWindow:    2,
		ShiftScalar:    0.5,
		Senses:         true,
		NameFactor:     0.3,
		Alpha:          1,
	}
}

// DefaultHedges are words that make a claim tentative.
var DefaultHedges = []string{"may", "might", "could", "perhaps", "possibly", "maybe", "probably", "likely", "seems", "seem", "apparently", "allegedly", "reportedly", "if", "unless", "whether", "would", "should"}

// DefaultExcess are words that mark too much of a good thing.
var DefaultExcess = []string{"too", "overly", "excessively", "unduly", "overbearingly"}

// DefaultStance are words of stance that VADER rates positive but that, in news, assert rather
// than praise ("clearly", "surely"): the valence rules treat them as intensifiers.
var DefaultStance = []string{"sure", "surely", "clearly", "certainly", "certain", "truly", "definitely", "doubtless", "undoubtedly", "indeed", "obviously"}

// functionWords are closed-class English words (articles, pronouns, prepositions,
// conjunctions, auxiliaries) that follow "too" in its sense of "also" ("he was there too and
// left", "me too if"), not of excess.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet for to of in on at by with from
		into onto about as than then if when while because though although since until unless
		is are was were be been being am do does did has have had will would shall should can
		could may might must it its this that these those there here i me my mine you your
		yours he him his she her hers we us our ours they them their theirs who whom whose which
		what where how why not no too also very just even still now`) {
		m[w] = true
	}
	return m
}()

// DefaultShifters are verbs and nouns that turn what they act on: "prevent a crisis",
// "reduce poverty", "an end to violence".
var DefaultShifters = []string{
	"prevent", "prevents", "prevented", "preventing", "reduce", "reduces", "reduced", "reducing",
	"avoid", "avoids", "avoided", "avoiding", "stop", "stops", "stopped", "stopping", "end", "ends",
	"ended", "ending", "ease", "eased", "easing", "curb", "curbs", "curbed", "curbing", "combat",
	"combating", "fight", "fighting", "fought", "eliminate", "eliminated", "eliminating", "deter",
	"deterred", "cut", "cuts", "cutting", "lower", "lowered", "lowering", "relieve", "relieved",
	"relief", "resolve", "resolved", "resolving", "overcome", "overcame", "halt", "halted",
	"protect", "protects", "protected", "protecting", "against", "decrease", "decreased",
	"alleviate", "alleviated", "tackle", "tackled", "tackling", "solve", "solved", "solving",
	"counter", "address", "addressed", "addressing", "escape", "escaped", "survive", "survived",
	"rescue", "rescued", "free", "freed", "recover", "recovered", "recovering",
}

// Validate checks the rules' values.
func (r *Rules) Validate() error {
	switch r.NegationMode {
	case Flip, Damp, Drop:
	default:
		return fmt.Errorf("negation mode %q: want flip, damp or drop", r.NegationMode)
	}
	switch r.NegatedNegative {
	case "", Flip, Damp, Drop:
	default:
		return fmt.Errorf("negated negative mode %q: want flip, damp, drop or empty", r.NegatedNegative)
	}
	if r.NegationWindow < 0 || r.NegationWindow > 10 {
		return fmt.Errorf("negation window %d: want 0 to 10", r.NegationWindow)
	}
	if r.Alpha <= 0 || math.IsNaN(r.Alpha) || math.IsInf(r.Alpha, 0) {
		return fmt.Errorf("alpha %v: want a positive number", r.Alpha)
	}
	return nil
}

// modifiers is a compiled Rules' multiword intensifiers and "n't"; single modifier words live
// in the matcher's vocabulary.
type modifiers struct {
	phrases []modPhrase // multiword intensifiers ("kind of")
	nt      bool        // "n't" negates every word ending in n't
}

type modWord struct {
	boost  float32
	mods   uint8
	phrase bool // starts a multiword intensifier
}

type modPhrase struct {
	words []string
	boost float32
}

// compileModifiers records the modifier words of r as group g in m's vocabulary.
func compileModifiers(r *Rules, m *matcher, g int) modifiers {
	var mo modifiers
	set := func(w string, f func(*modWord)) {
		if w = lowerString(strings.TrimSpace(w)); w != "" {
			f(&m.vocabs[m.word(w)].mod[g])
		}
	}
	for _, n := range r.Negators {
		if lowerString(strings.TrimSpace(n)) == "n't" {
			mo.nt = true
		}
		set(n, func(mw *modWord) { mw.mods |= mNeg })
	}
	for _, t := range r.Intensifiers {
		w := strings.Fields(lowerString(t.Text))
		switch len(w) {
		case 0:
		case 1:
			set(w[0], func(mw *modWord) { mw.boost = float32(t.Weight) })
		default:
			mo.phrases = append(mo.phrases, modPhrase{words: w, boost: float32(t.Weight)})
			set(w[0], func(mw *modWord) { mw.phrase = true })
		}
	}
	for _, h := range r.Hedges {
		set(h, func(mw *modWord) { mw.mods |= mHedge })
	}
	for _, c := range r.Contrast {
		set(c, func(mw *modWord) { mw.mods |= mContrast })
	}
	for _, c := range r.Shifters {
		set(c, func(mw *modWord) { mw.mods |= mShift })
	}
	for _, c := range r.Excess {
		set(c, func(mw *modWord) { mw.mods |= mExcess })
	}
	return mo
}

// notOnly undoes negation and contrast in "not only X but also Y", which affirms both.
func notOnly(t *text, g int) {
	for i := 0; i+1 < len(t.toks); i++ {
		if t.toks[i].mods[g]&mNeg == 0 || t.low(i) != "not" || t.toks[i].flags&fSentEnd != 0 {
			continue
		}
		switch t.low(i + 1) {
		case "only", "just", "merely", "simply":
		default:
			continue
		}
		t.toks[i].mods[g] &^= mNeg
		for j := i + 2; j+1 < len(t.toks) && t.toks[j-1].flags&fSentEnd == 0; j++ {
			if t.toks[j].mods[g]&mContrast != 0 && t.low(j+1) == "also" {
				t.toks[j].mods[g] &^= mContrast
				break
			}
		}
	}
}

// mark sets the modifier fields of group g on every token.
func (mo *modifiers) mark(t *text, m *matcher, g int) {
	defer notOnly(t, g)
	for i := range t.toks {
		tk := &t.toks[i]
		phrase := false
		if tk.v >= 0 {
			mw := m.vocabs[tk.v].mod[g]
			tk.boost[g] = mw.boost
			tk.mods[g] |= mw.mods
			phrase = mw.phrase
		}
		if mo.nt && tk.mods[g]&mNeg == 0 && tk.hi > tk.lo && t.lower[tk.hi-1] == 't' && strings.HasSuffix(t.low(i), "n't") {
			tk.mods[g] |= mNeg
		}
		if !phrase {
			continue
		}
		low := t.low(i)
		for _, p := range mo.phrases {
			if p.words[0] != low || i+len(p.words) > len(t.toks) {
				continue
			}
			k := 1
			for ; k < len(p.words); k++ {
				if t.toks[i+k-1].flags&fSentEnd != 0 || t.low(i+k) != p.words[k] { // not "kind. Of"
					break
				}
			}
			if k == len(p.words) {
				for j := i; j < i+k-1; j++ {
					t.toks[j].mods[g] |= mPart
				}
				t.toks[i+k-1].boost[g] = p.boost
			}
		}
	}
}
