package tone

import (
	"slices"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Token flags.
const (
	fAllCaps   uint16 = 1 << iota // every cased letter is upper case (Python's str.isupper)
	fClauseEnd                    // followed by , ; : or a dash: negation scope stops here
	fSentEnd                      // followed by . ! or ?
	fQuestion                     // in a sentence that ends with ?
	fLetter                       // holds at least one letter
	fLex                          // a single-word entry of the valence lexicon
	fNegUsed                      // a negator that negated a hit (its own rating no longer counts)
	fTitle                        // Titlecase ("Justice"): first letter upper case, others lower
	fSentStart                    // first token of a sentence
	fUpper                        // holds an upper-case letter
)

// Modifier bits, per group of rules (valence or dimensions).
const (
	mNeg      uint8 = 1 << iota // a negator
	mPart                       // inside a multiword modifier ("kind" of "kind of"), not rated itself
	mHedge                      // a hedge ("may", "perhaps")
	mContrast                   // a contrast word ("but")
	mShift                      // a polarity shifter ("prevent", "reduce") that turns a negative hit
	mExcess                     // "too", "overly": what follows is too much of a good thing
)

// A token is one word or emoticon of a text. Offsets index the text (start, end) and the
// scratch buffer of lower-cased forms (lo, hi).
type token struct {
	start, end int32
	lo, hi     int32
	flags      uint16
	// Modifiers under the valence rules [0] and the dimension rules [1]: boost is an
	// intensifier's weight (on the last word of a multiword one), mods the m* bits.
	boost [2]float32
	mods  [2]uint8
	v     int32 // vocabulary index of the lower-cased form, or -1
	w     int32 // its matcher.words entry, or -1
}

// text is the scratch state of one Score call: tokens, their lower-cased forms, hits. It is
// pooled, so scoring allocates almost nothing.
type text struct {
	src    string
	lower  []byte
	toks   []token
	hits   []hit // valence hits
	dh     []hit // dimension hits
	nbuf   []byte
	nb     nbSums // the model's sums, when nbDone
	nbDone bool
	domain bool // the text has a word of the valence's NBDomain
	sums   []float64
	counts []int
	best   []int32
	until  []int32
	// explain collects notes when non-nil (lexicon explain); nil on the hot path.
	explain *[]note
}

// low returns the lower-cased form of token i. It shares t.lower's bytes, which stay as they
// are until the next tokenize: the string must not outlive the Score call.
func (t *text) low(i int) string {
	tk := &t.toks[i]
	b := t.lower[tk.lo:tk.hi]
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func (t *text) raw(i int) string { return t.src[t.toks[i].start:t.toks[i].end] }

// isEdgePunct reports characters stripped from the edges of words: ASCII punctuation as in
// Python's string.punctuation, and typographic quotes, dashes and ellipses.
func isEdgePunct(r rune) bool {
	if r < 0x80 {
		return asciiPunct[r]
	}
	switch r {
	case '‘', '’', '‚', '‛', '“', '”', '„', '‟', '«', '»', '‹', '›', '…', '–', '—', '＂', '＇', '（', '）', '¡', '¿':
		return true
	}
	return false
}

var asciiPunct = func() (t [128]bool) {
	for _, c := range "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" {
		t[c] = true
	}
	return t
}()

// Character classes, as tokenize sums them over a token.
const (
	cLetter uint8 = 1 << iota
	cUpper        // an upper-case letter
	cLower        // a lower-case letter
	cOther        // a character other than an ASCII letter
)

// asciiClass holds the classes of the ASCII characters.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = cLetter | cLower
		case 'A' <= c && c <= 'Z':
			t[c] = cLetter | cUpper
		default:
			t[c] = cOther
		}
	}
	return t
}()

// isApostrophe reports the marks that stand for an apostrophe inside words.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '＇' || r == '`'
}

// appendLower appends the lower-case form of s to b, with every apostrophe mark as '.
func appendLower(b []byte, s string) []byte {
	// ASCII, the usual case, is written in place after one capacity check.
	n := len(b)
	b = slices.Grow(b, len(s))[:n+len(s)]
	out := b[n:]
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c == '`' {
			c = '\''
		}
		out[i] = c
	}
	b = b[:n+i]
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '`' {
				c = '\''
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isApostrophe(r) {
			b = append(b, '\'')
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// lowerString is appendLower for compiling lexicons.
func lowerString(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '`' {
			return string(appendLower(nil, s))
		}
	}
	return s // already lower case, as most lexicon words are
}

// isSplit reports characters that separate words even without spaces around them.
func isSplit(r rune) bool {
	return r == '—' || r == '–' || r == '…' || r == '―'
}

// tokenize splits src into tokens. A field (a run without spaces) whose whole lower-cased form
// is a lexicon key (emoticons such as ":-)") is kept whole; otherwise punctuation is stripped
// from its edges and the characters stripped after it set the clause and sentence flags.
//
// With nb (and m), tokenize also sums the model's ratios of src into t.nb, as nb.logOddsIn
// does with m.words, and sets t.nbDone, when the fields are the model's chunks: when only
// ' ' separates them. Most fields are then one lookup for both.
func (t *text) tokenize(src string, m *matcher, nb *NB) {
	t.src = src
	t.lower = t.lower[:0]
	t.toks = t.toks[:0]
	sentStart := 0
	i := 0
	var x nbText
	chunks := nb != nil && m != nil // the fields are the model's chunks so far
	if chunks {
		x = nb.start()
	}
	for i < len(src) {
		// skip spaces
		c := src[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				i++
				continue
			}
			if c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				i++
				chunks = false
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(src[i:])
			if unicode.IsSpace(r) || isSplit(r) {
				i += n
				chunks = false
				continue
			}
		}
		// find the field end
		j := i
		for j < len(src) {
			c := src[j]
			if c < utf8.RuneSelf {
				if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
					break
				}
				if c == '-' && j+1 < len(src) && src[j+1] == '-' {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(src[j:])
			if unicode.IsSpace(r) || isSplit(r) {
				break
			}
			j += n
		}
		if j == i { // a field starting with "--"
			chunks = false
			for i < len(src) && src[i] == '-' {
				i++
			}
			if n := len(t.toks); n > 0 {
				t.toks[n-1].flags |= fClauseEnd
			}
			continue
		}
		field := src[i:j]
		start, end := i, j
		if j < len(src) && src[j] == '-' { // "--" dash
			chunks = false
			for j < len(src) && src[j] == '-' {
				j++
			}
		}
		// strip edge punctuation
		s, e := start, end
		for s < e {
			if c := src[s]; c < utf8.RuneSelf {
				if !asciiPunct[c] {
					break
				}
				s++
				continue
			}
			r, n := utf8.DecodeRuneInString(src[s:e])
			if !isEdgePunct(r) {
				break
			}
			s += n
		}
		for e > s {
			if c := src[e-1]; c < utf8.RuneSelf {
				if !asciiPunct[c] {
					break
				}
				e--
				continue
			}
			r, n := utf8.DecodeLastRuneInString(src[s:e])
			if !isEdgePunct(r) {
				break
			}
			e -= n
		}
		var flags uint16
		for _, r := range src[e:end] {
			switch r {
			case '.', '!', '?', '…':
				flags |= fSentEnd
			case ',', ';', ':', '—', '–':
				flags |= fClauseEnd
			}
		}
		if end < len(src) {
			if c := src[end]; c == '-' || c >= utf8.RuneSelf && isSplit(decodeRune(src[end:])) {
				flags |= fClauseEnd
			}
		}
		lo := len(t.lower)
		w, v := int32(-1), int32(-1)
		switch {
		case s == start && e == end && s != e:
			t.lower = appendLower(t.lower, field)
			if m != nil {
				w, v = m.lookup(t.lower[lo:])
			}
		case m != nil && s != e && !m.mayEdge(field) && !m.hasCased(field):
			// Punctuation at its edges, and the lexicon cannot know the field whole: strip it.
			t.lower = appendLower(t.lower, src[s:e])
			w, v = m.lookup(t.lower[lo:])
		default:
			// A field with punctuation at its edges: keep it whole when the lexicon knows it.
			t.lower = appendLower(t.lower, field)
			if m != nil && m.edge.find(t.lower[lo:]) >= 0 { // see matcher.edge
				w, v = m.lookup(t.lower[lo:])
			}
			if v >= 0 || m != nil && m.hasCased(field) || s == e {
				s, e = start, end
			} else {
				t.lower = t.lower[:lo]
				t.lower = appendLower(t.lower, src[s:e])
				if m != nil {
					w, v = m.lookup(t.lower[lo:])
				}
			}
		}
		if m != nil && s < e && e < end && src[e] == '.' {
			// An abbreviation's dot, stripped with what follows it ("U.S." in "the U.S.,
			// officials" or "(U.S.)"): the word keeps it when the lexicons know it so, as they
			// do for the field "U.S." alone.
			t.lower = append(t.lower, '.')
			known := false
			if v < 0 && m.edgeLast['.'] && m.edge.find(t.lower[lo:]) >= 0 {
				_, v2 := m.lookup(t.lower[lo:])
				known = v2 >= 0
			}
			if known || m.hasCased(src[s:e+1]) && !m.hasCased(src[s:e]) {
				e++
				w, v = m.lookup(t.lower[lo:])
			} else {
				t.lower = t.lower[:len(t.lower)-1]
			}
		}
		if v < 0 && m != nil && e-s > 3 {
			// A possessive ("the victim's", "the film’s") is its word, when the lexicons or
			// the rules know the word.
			if n := len(t.lower); n-lo > 3 && t.lower[n-1] == 's' && t.lower[n-2] == '\'' {
				if w2, v2 := m.lookup(t.lower[lo : n-2]); v2 >= 0 {
					t.lower, w, v = t.lower[:n-2], w2, v2
				}
			}
		}
		// The classes of the token's characters, and whether its first is an upper-case letter.
		var class uint8
		firstUpper := false
		if s < e {
			if c := src[s]; c < utf8.RuneSelf {
				firstUpper = 'A' <= c && c <= 'Z'
			} else if r, _ := utf8.DecodeRuneInString(src[s:e]); unicode.IsLetter(r) {
				firstUpper = unicode.IsUpper(r)
			}
		}
		for k := s; k < e; {
			if c := src[k]; c < utf8.RuneSelf {
				class |= asciiClass[c]
				k++
				continue
			}
			class |= cOther
			r, n := utf8.DecodeRuneInString(src[k:e])
			if unicode.IsLetter(r) {
				class |= cLetter
				if unicode.IsUpper(r) {
					class |= cUpper
				} else if unicode.IsLower(r) {
					class |= cLower
				}
			}
			k += n
		}
		upper, lowerSeen, letter := class&cUpper != 0, class&cLower != 0, class&cLetter != 0
		other := class&cOther != 0 // a character other than an ASCII letter
		if upper {
			flags |= fUpper
			if !lowerSeen {
				flags |= fAllCaps
			}
		}
		if firstUpper && lowerSeen {
			flags |= fTitle
		}
		if len(t.toks) == sentStart {
			flags |= fSentStart
		}
		if letter {
			flags |= fLetter
		}
		if chunks {
			if !other && s < e {
				// The model's word is the token's: edge punctuation holds no letters.
				x.chunk(&m.words, true, w, firstUpper, sentPunct(src[start:s]) || sentPunct(src[e:end]))
			} else {
				var capital, punct bool
				t.nbuf, capital, punct = nbChunk(t.nbuf[:0], field)
				nw := int32(-1)
				if len(t.nbuf) > 0 {
					nw = m.words.find(t.nbuf)
				}
				x.chunk(&m.words, len(t.nbuf) > 0, nw, capital, punct)
			}
		}
		t.toks = append(t.toks, token{start: int32(s), end: int32(e), lo: int32(lo), hi: int32(len(t.lower)), flags: flags, v: v, w: w})
		if flags&fSentEnd != 0 {
			if containsRune(src[e:end], '?') {
				for k := sentStart; k < len(t.toks); k++ {
					t.toks[k].flags |= fQuestion
				}
			}
			sentStart = len(t.toks)
		}
		i = j
	}
	t.nb, t.nbDone = x.nbSums, chunks
}

func decodeRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// sentPunct reports whether s holds '.', '!' or '?'.
func sentPunct(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == '!' || c == '?' {
			return true
		}
	}
	return false
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}
