package tone

import (
	"strings"

	"github.com/quotetone/quotetone/lexicon"
)

// addInflected rates the words of the Naive Bayes model (a vocabulary of English) that rated,
// the single words of the valence lexicon, lacks but whose base form it has: at the base's
// rating times factor (see Valence.Inflected).
func (s *Scorer) addInflected(rated map[string]float64, factor float64) error {
	roles := ruleWords(&s.vrules)
	starts := newStartSet(rated)
	for _, w := range s.nb.words {
		// Most words have no rated base: the start set and then baseForm, by the last letter,
		// rule them out first.
		if !starts.may(w.key) {
			continue
		}
		b, ok := baseForm(w.key, rated)
		if !ok {
			continue
		}
		if _, ok := rated[w.key]; ok || roles[w.key] || s.valenceGlobMatches(w.key) {
			continue
		}
		if err := s.m.add(0, lexicon.Term{Text: w.key}, rated[b]*factor, true); err != nil {
			return err
		}
		s.m.entries[len(s.m.entries)-1].term = b + " (base)"
	}
	return nil
}

// A startSet holds the first bytes of a set of words, so that a word can be ruled out as an
// inflection of any of them without trying its endings. A base from baseForm starts with
// the word's first three bytes (its stem keeps three), or is the word's first two (after a
// doubled consonant is undone: "ebbed" -> "eb").
type startSet struct {
	three [1 << 18 / 64]uint64 // hashes of the first three bytes of words of three or more
	two   [1 << 16 / 64]uint64 // words of two bytes
}

func newStartSet(words map[string]float64) *startSet {
	s := new(startSet)
	for w := range words {
		switch {
		case len(w) >= 3:
			h := start3(w)
			s.three[h/64] |= 1 << (h % 64)
		case len(w) == 2:
			h := uint32(w[0])<<8 | uint32(w[1])
			s.two[h/64] |= 1 << (h % 64)
		}
	}
	return s
}

func start3(w string) uint32 {
	return (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16) * 0x9e3779b1 >> (32 - 18)
}

// may reports whether a word of the set may be the base of w by baseForm.
func (s *startSet) may(w string) bool {
	if len(w) < 4 {
		return false // baseForm's bases keep three letters and have an ending
	}
	h, h2 := start3(w), uint32(w[0])<<8|uint32(w[1])
	return s.three[h/64]&(1<<(h%64)) != 0 || s.two[h2/64]&(1<<(h2%64)) != 0
}

// valenceGlobMatches reports whether a prefix glob of the valence lexicon ("hostil*") matches
// the lower-case word w: the lexicon's author rated it already, and the glob's rating stands.
func (s *Scorer) valenceGlobMatches(w string) bool {
	found := false
	s.m.prefixIDs(w, func(id int32) { found = found || s.m.entries[id].slot == 0 })
	return found
}

// ruleWords are the single words that r gives a role (negators, intensifiers, hedges, contrast,
// shifters, excess words): such a word is not a form of a rated word ("hardly" is not "hard").
func ruleWords(r *Rules) map[string]bool {
	words := map[string]bool{}
	for _, list := range [][]string{r.Negators, r.Hedges, r.Contrast, r.Shifters, r.Excess} {
		for _, w := range list {
			words[lowerString(strings.TrimSpace(w))] = true
		}
	}
	for _, t := range r.Intensifiers {
		words[lowerString(strings.TrimSpace(t.Text))] = true
	}
	return words
}

// A suffix rule strips an English inflectional or derivational ending: a word that ends with
// suffix may be its base plus add ("happier" -> "happy", "praised" -> "praise"). A rule with
// double set also undoes a doubled final consonant ("stopped" -> "stop").
type suffixRule struct {
	suffix, add string
	double      bool
}

// suffixRules are the regular endings of English (Quirk et al. 1985, appendix I), in the
// order they are tried: the plural and third-person -s, the past and participle -ed, -ing,
// the comparative -ier and the superlative -est, the suffixes that make nouns of adjectives
// (-ness, -ity), adjectives of nouns (-ful, -ous), nouns of verbs (-ment) and adverbs of
// adjectives (-ly). Plain -er is left out: it makes agent nouns more often than comparatives,
// and their tone is not the base's ("player", "protester", "banner", "career").
var suffixRules = []suffixRule{
	{"ies", "y", false}, {"es", "", false}, {"s", "", false},
	{"ied", "y", false}, {"ed", "", true}, {"ed", "e", false}, {"ed", "", false},
	{"ing", "", true}, {"ing", "e", false}, {"ing", "", false},
	{"ier", "y", false},
	{"iest", "y", false}, {"est", "", true}, {"est", "e", false}, {"est", "", false},
	{"iness", "y", false}, {"ness", "", false},
	{"ity", "e", false}, {"ity", "", false},
	{"iful", "y", false}, {"ful", "", false},
	{"ous", "", false}, {"ous", "e", false},
	{"ment", "", false}, {"ment", "e", false},
	{"ily", "y", false}, {"ally", "", false}, {"ly", "", false}, {"ly", "le", false},
}

// rulesByLast lists, for each final byte, the indexes in suffixRules of the rules whose suffix
// ends with it, in order: a scorer tries the endings of each of the model's 117,000 words, and
// each word needs only the rules for its last letter.
var rulesByLast = func() (by [256][]int) {
	for i, r := range suffixRules {
		last := r.suffix[len(r.suffix)-1]
		by[last] = append(by[last], i)
	}
	return by
}()

// baseForm returns the first base of w, by suffixRules, that is a key of rated, and whether
// there is one. The base keeps at least three letters.
func baseForm(w string, rated map[string]float64) (string, bool) {
	if len(w) < 4 {
		return "", false // every suffix has a letter, and the base keeps three
	}
	var buf [32]byte // the stem and its added ending, looked up without allocating
	for _, i := range rulesByLast[w[len(w)-1]] {
		r := suffixRules[i]
		stem, ok := strings.CutSuffix(w, r.suffix)
		if !ok || len(stem) < 3 {
			continue
		}
		if r.double {
			n := len(stem)
			if stem[n-1] != stem[n-2] || strings.IndexByte("aeiouy", stem[n-1]) >= 0 {
				continue
			}
			stem = stem[:n-1]
		}
		switch r.suffix {
		case "es": // only after a sibilant or o: "crashes", "heroes"
			if !sibilant(stem) {
				continue
			}
		case "s": // not "less", "crisis", "campus", "taxi"
			if c := stem[len(stem)-1]; c == 's' || c == 'u' || c == 'i' {
				continue
			}
		}
		if r.add == "" {
			if _, ok := rated[stem]; ok {
				return stem, true
			}
			continue
		}
		b := append(append(buf[:0], stem...), r.add...)
		if _, ok := rated[string(b)]; ok {
			return string(b), true
		}
	}
	return "", false
}

// sibilant reports whether stem ends with a sibilant or o, after which the plural and
// third-person ending is -es.
func sibilant(stem string) bool {
	for _, e := range []string{"s", "x", "z", "ch", "sh", "o"} {
		if strings.HasSuffix(stem, e) {
			return true
		}
	}
	return false
}
