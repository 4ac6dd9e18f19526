package tone

import (
	"fmt"
	"slices"
)

// A hit is one lexicon match: tokens [start, end) matched entry, rated base, now weight.
type hit struct {
	slot, start, end, entry int32
	base, weight            float64
}

// A note explains one adjustment, for lexicon explain.
type note struct {
	slot, start int32
	text        string
}

func (t *text) note(h *hit, format string, args ...any) {
	*t.explain = append(*t.explain, note{slot: h.slot, start: h.start, text: fmt.Sprintf(format, args...)})
}

// An adjuster rewrites the weights of hits, for example flipping them after a negator. g is the
// rule group (0 valence, 1 dimensions) whose modifier marks on the tokens it reads.
type adjuster interface {
	adjust(t *text, hits []hit, g int)
}

// intensity adds VADER's capitals emphasis and intensifier boosts (damped by distance).
type intensity struct {
	window int
	caps   bool
}

var distanceDamp = [...]float64{1, 0.95, 0.9}

func (a intensity) adjust(t *text, hits []hit, g int) {
	capDiff := a.caps && t.capDiff()
	for h := range hits {
		hh := &hits[h]
		i := int(hh.start)
		if capDiff && t.toks[i].flags&fAllCaps != 0 && hh.weight != 0 {
			if hh.weight > 0 {
				hh.weight += capsIncr
			} else {
				hh.weight -= capsIncr
			}
			if t.explain != nil {
				t.note(hh, "capitals %+.3f", sign(hh.weight)*capsIncr)
			}
		}
		for d := 1; d <= a.window && d <= len(distanceDamp); d++ {
			j := i - d
			if j < 0 || t.toks[j].flags&fSentEnd != 0 {
				break
			}
			b := float64(t.toks[j].boost[g])
			if b == 0 || t.toks[j].flags&fLex != 0 && g == 0 {
				continue
			}
			if hh.weight < 0 {
				b = -b
			}
			if capDiff && t.toks[j].flags&fAllCaps != 0 {
				if hh.weight > 0 {
					b += capsIncr
				} else {
					b -= capsIncr
				}
			}
			b *= distanceDamp[d-1]
			hh.weight += b
			if t.explain != nil {
				k := j
				for k > 0 && t.toks[k-1].mods[g]&mPart != 0 {
					k--
				}
				t.note(hh, "intensity %+.3f from %q", b, t.src[t.toks[k].start:t.toks[j].end])
			}
		}
	}
}

// capDiff reports VADER's "some but not all words are in capitals".
func (t *text) capDiff() bool {
	caps, words := 0, 0
	for i := range t.toks {
		words++
		if t.toks[i].flags&fAllCaps != 0 {
			caps++
		}
	}
	return caps > 0 && caps < words
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

// negation flips, damps or drops a hit that a negator precedes within the window. Each negator
// applies once, so "not un-" double negations cancel as in VADER. A negator that is itself
// a rated word ("no") stops counting once it negates something.
type negation struct {
	window int
	mode   NegationMode
	neg    NegationMode // for negative hits
	scalar float64
	clause bool
}

func (a negation) adjust(t *text, hits []hit, g int) {
	for h := range hits {
		hh := &hits[h]
		i := int(hh.start)
		for d := 1; d <= a.window; d++ {
			j := i - d
			if j < 0 {
				break
			}
			f := t.toks[j].flags
			if f&fSentEnd != 0 || a.clause && f&fClauseEnd != 0 {
				break
			}
			if t.toks[j].mods[g]&mNeg == 0 {
				continue
			}
			switch t.negatorIdiom(j) {
			case idiomEmphasis:
				hh.weight *= 1.25
				if t.explain != nil {
					t.note(hh, "emphasis x1.25 from %q", t.raw(j)+" "+t.raw(j+1))
				}
				continue
			case idiomOther:
				continue
			}
			t.toks[j].flags |= fNegUsed
			mode := a.mode
			if hh.weight < 0 && a.neg != "" {
				mode = a.neg
			}
			nf := a.factor(mode)
			hh.weight *= nf
			if nf == 0 {
				hh.weight = 0 // not -0 in explanations
			}
			if t.explain != nil {
				t.note(hh, "negated by %q (%s x%.2f)", t.raw(j), mode, nf)
			}
		}
	}
	// A rated negator ("no" in "no hostility") stops counting on its own.
	t.unrateUsed(hits, g, mNeg, "negator")
}

// Negator idioms: negators that deny nothing.
const (
	idiomNone     = iota
	idiomEmphasis // "never so", "never this": the more so
	idiomOther    // "without doubt", "nothing but", "none but" (only), "can't wait" (eagerness)
)

// negatorIdiom says whether the negator at token j opens an idiom that denies nothing.
func (t *text) negatorIdiom(j int) int {
	if j+1 >= len(t.toks) || t.toks[j].flags&(fSentEnd|fClauseEnd) != 0 {
		return idiomNone // "he said nothing, but smiled": the comma ends the idiom
	}
	low, next := t.low(j), t.low(j+1)
	switch {
	case low == "never" && (next == "so" || next == "this"):
		return idiomEmphasis
	case next == "but" || next == "wait" || low == "without" && next == "doubt":
		return idiomOther
	}
	return idiomNone
}

// unrateUsed zeroes the hits on modifier words (of kind bit) that acted on another hit, and
// clears the marks.
func (t *text) unrateUsed(hits []hit, g int, bit uint8, what string) {
	for h := range hits {
		hh := &hits[h]
		if hh.end-hh.start == 1 && t.toks[hh.start].flags&fNegUsed != 0 && t.toks[hh.start].mods[g]&bit != 0 {
			if hh.weight != 0 && t.explain != nil {
				t.note(hh, "%s, not rated itself", what)
			}
			hh.weight = 0
		}
	}
	for i := range t.toks {
		t.toks[i].flags &^= fNegUsed
	}
}

func (a negation) factor(mode NegationMode) float64 {
	switch mode {
	case Flip:
		return -a.scalar
	case Damp:
		return a.scalar
	}
	return 0
}

// contrast scales hits before a contrast word in its sentence by before, and hits after it by
// after. With textScope it acts as VADER does: the first "but" of the whole text.
type contrast struct {
	before, after float64
	textScope     bool
}

func (a contrast) adjust(t *text, hits []hit, g int) {
	if len(hits) == 0 {
		return
	}
	// For each sentence, the index of its first contrast word (or -1).
	sentStart, cw := 0, -1
	h := 0
	for i := range t.toks {
		if cw < 0 && t.toks[i].mods[g]&mContrast != 0 {
			cw = i
		}
		if t.toks[i].flags&fSentEnd != 0 && !a.textScope || i == len(t.toks)-1 {
			for ; h < len(hits) && int(hits[h].start) <= i; h++ {
				if cw < 0 || int(hits[h].start) < sentStart {
					continue
				}
				hh := &hits[h]
				f := a.after
				if int(hh.start) < cw {
					f = a.before
				}
				hh.weight *= f
				if t.explain != nil {
					t.note(hh, "contrast x%.2f (%s %q)", f, map[bool]string{true: "before", false: "after"}[f == a.before], t.raw(cw))
				}
			}
			sentStart, cw = i+1, -1
		}
	}
}

// hedge scales hits after a hedge word in the same clause; question scales hits in questions,
// and with doubt drops the positive ones.
type hedge struct {
	hedge, question float64
	doubt           bool
}

func (a hedge) adjust(t *text, hits []hit, g int) {
	for h := range hits {
		hh := &hits[h]
		i := int(hh.start)
		if t.toks[i].flags&fQuestion != 0 {
			switch {
			case a.doubt && hh.weight > 0:
				hh.weight = 0
				if t.explain != nil {
					t.note(hh, "doubted by a question x0")
				}
			case a.question != 1:
				hh.weight *= a.question
				if t.explain != nil {
					t.note(hh, "question x%.2f", a.question)
				}
			}
		}
		if a.hedge == 1 {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			f := t.toks[j].flags
			if f&(fSentEnd|fClauseEnd) != 0 {
				break
			}
			if t.toks[j].mods[g]&mHedge != 0 {
				hh.weight *= a.hedge
				if t.explain != nil {
					t.note(hh, "hedged by %q x%.2f", t.raw(j), a.hedge)
				}
				break
			}
		}
	}
}

// shift turns a negative hit that a shifter precedes within the window ("prevent a crisis"),
// and the shifter's own rating stops counting.
type shift struct {
	window int
	scalar float64
}

func (a shift) adjust(t *text, hits []hit, g int) {
	used := false
	for h := range hits {
		hh := &hits[h]
		if hh.weight >= 0 {
			continue
		}
		i := int(hh.start)
		for d := 1; d <= a.window; d++ {
			j := i - d
			if j < 0 {
				break
			}
			f := t.toks[j].flags
			if f&(fSentEnd|fClauseEnd) != 0 {
				break
			}
			if t.toks[j].mods[g]&mShift == 0 {
				continue
			}
			hh.weight *= -a.scalar
			t.toks[j].flags |= fNegUsed
			used = true
			if t.explain != nil {
				t.note(hh, "shifted by %q x%.2f", t.raw(j), -a.scalar)
			}
			break
		}
	}
	if used {
		t.unrateUsed(hits, g, mShift, "shifter")
	}
}

// name damps hits on capitalised words inside multiword names ("the Justice Department",
// "Hope Street"), which rate nothing. A case-sensitive term is left alone: it rates the word
// as capitalised ("President Putin", "the White House").
type name struct {
	factor float64
	m      *matcher
}

func (a name) adjust(t *text, hits []hit, g int) {
	for h := range hits {
		hh := &hits[h]
		i := int(hh.start)
		f := t.toks[i].flags
		if f&fTitle == 0 || f&fSentStart != 0 || hh.entry >= 0 && a.m.entries[hh.entry].cased {
			continue
		}
		prev := i > 0 && t.toks[i-1].flags&(fTitle|fAllCaps) != 0 && t.toks[i-1].flags&fSentEnd == 0 && t.toks[i-1].flags&fLetter != 0
		next := i+1 < len(t.toks) && t.toks[i+1].flags&fTitle != 0 && f&(fSentEnd|fClauseEnd) == 0
		if prev || next {
			hh.weight *= a.factor
			if t.explain != nil {
				t.note(hh, "inside a name x%.2f", a.factor)
			}
		}
	}
}

// sense drops ratings of words whose common sense in news rates nothing: "like" as a
// preposition ("states like Ohio", but not "I like it"), "well" in "as well", "no matter".
type sense struct{}

var likeSubjects = map[string]bool{
	"i": true, "you": true, "we": true, "they": true, "would": true, "'d": true, "i'd": true,
	"we'd": true, "you'd": true, "they'd": true, "really": true, "do": true, "don't": true,
	"didn't": true, "doesn't": true, "did": true, "does": true, "to": true, "also": true,
	"just": true, "still": true, "who": true, "people": true, "actually": true, "might": true,
	"may": true, "will": true, "should": true, "could": true, "truly": true, "not": true,
	"u": true, "definitely": true, "totally": true, "kinda": true,
}

func (sense) adjust(t *text, hits []hit, g int) {
	for h := range hits {
		hh := &hits[h]
		if hh.end-hh.start != 1 {
			continue
		}
		i := int(hh.start)
		zero := false
		switch t.low(i) {
		case "like":
			zero = i == 0 || !likeSubjects[t.low(i-1)] || t.toks[i-1].flags&(fSentEnd|fClauseEnd) != 0
		case "well":
			zero = i > 0 && t.low(i-1) == "as" || t.toks[i].flags&fClauseEnd != 0 && (i == 0 || t.toks[i].flags&fSentStart != 0)
		case "matter":
			zero = i > 0 && t.low(i-1) == "no"
		}
		if zero {
			if t.explain != nil && hh.weight != 0 {
				t.note(hh, "not rated in this sense")
			}
			hh.weight = 0
		}
	}
}

// excess turns a positive hit right after "too" or "overly" negative: "too generous".
type excess struct{ scalar float64 }

func (a excess) adjust(t *text, hits []hit, g int) {
	for h := range hits {
		hh := &hits[h]
		if hh.weight <= 0 {
			continue
		}
		i := int(hh.start)
		for d := 1; d <= 2 && i-d >= 0; d++ {
			j := i - d
			if t.toks[j].flags&(fSentEnd|fClauseEnd) != 0 {
				break
			}
			if t.toks[j].mods[g]&mExcess != 0 {
				hh.weight *= -a.scalar
				if t.explain != nil {
					t.note(hh, "excess %q x%.2f", t.raw(j), -a.scalar)
				}
				break
			}
		}
	}
}

// entryExcess marks the hits that excessHits adds: they rate a word no lexicon rates.
const entryExcess = -2

// excessHits adds a hit of -weight on each unrated word right after an excess word in the
// same clause ("too small", "overly long"), unless it is a function word or a modifier: the
// excess itself is what is wrong.
func excessHits(t *text, hits []hit, weight float64) []hit {
	return addWordHits(t, hits, entryExcess, -weight, func(j int) bool {
		if j == 0 || t.toks[j-1].mods[0]&mExcess == 0 || t.toks[j-1].flags&(fSentEnd|fClauseEnd) != 0 {
			return false
		}
		nt := &t.toks[j]
		return nt.flags&fLetter != 0 && nt.mods[0] == 0 && nt.boost[0] == 0 && !functionWords[t.low(j)]
	})
}

// addWordHits adds a valence hit of entry and weight on each token j that want accepts and
// no hit covers (it is unrated, and not inside a rated phrase). hits are in token order, and
// stay so.
func addWordHits(t *text, hits []hit, entry int32, weight float64, want func(j int) bool) []hit {
	h := 0
	for j := range t.toks {
		if !want(j) {
			continue
		}
		for h < len(hits) && int(hits[h].start) < j {
			h++
		}
		if h < len(hits) && int(hits[h].start) == j || h > 0 && int(hits[h-1].end) > j {
			continue
		}
		hits = slices.Insert(hits, h, hit{slot: 0, start: int32(j), end: int32(j + 1), entry: entry, base: weight, weight: weight})
		h++
	}
	return hits
}

// entryNegation marks the hits that negationHits adds.
const entryNegation = -3

// negationHits adds a hit of -weight on each negator that is not rated itself and opens no
// idiom. The negation adjuster drops it again when the negator negates a rated word, so it
// counts where a negation denies something the lexicons do not rate: "the city has not paid",
// "the plan does not add up".
func negationHits(t *text, hits []hit, weight float64) []hit {
	return addWordHits(t, hits, entryNegation, -weight, func(j int) bool {
		return t.toks[j].mods[0]&mNeg != 0 && t.negatorIdiom(j) == idiomNone
	})
}

// dropUsedNegations removes the hits of negationHits whose negator negated a rated word
// (the negation adjuster zeroed them), so that explanations do not list them.
func dropUsedNegations(hits []hit) []hit {
	out := hits[:0]
	for _, h := range hits {
		if h.entry != entryNegation || h.weight != 0 {
			out = append(out, h)
		}
	}
	return out
}
