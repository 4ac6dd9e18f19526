package tone

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotetone/quotetone/lexicon"
)

// An entry is one compiled lexicon term.
type entry struct {
	words  lexicon.Pattern // lower-cased unless cased
	cased  bool
	slot   int32   // 0 is valence, d+1 is dimension d
	weight float64 // signed
	term   string  // as written, for explanations
}

// A matcher finds lexicon terms in token sequences. Entries are indexed by their first word:
// exact words in a map, prefix globs in a map keyed by the prefix (probed at each prefix length
// in use), and the rare general globs in a list.
type matcher struct {
	entries []entry
	// vocab maps a lower-cased word to what is known about it: the entries it starts, and
	// its modifier roles under each rule group. Tokens find it in words, once, when tokenized.
	vocab      map[string]int32
	vocabs     []vocabEntry
	vocabWords []string // by vocabulary index
	// words indexes every word the vocabulary or the Naive Bayes model knows, so that a
	// token finds its vocabulary index and its ratios with one lookup. It is built by index.
	words dict
	// edge holds the words of words that start or end with edge punctuation (":)", "(:"):
	// a small table that says whether a field with punctuation at its edges is worth a
	// lookup in words, which for most such fields would miss the cache and the table.
	edge dict
	// edgeFirst and edgeLast hold the first and last bytes of the keys of edge.
	edgeFirst, edgeLast [256]bool
	prefix2             *[1 << 16 / 64]uint64 // the first two bytes of every prefix glob, as a bit set
	prefix              map[string][]int32
	prefixLens          []int
	cased               map[string][]int32
	casedFirst          [256]bool // the first bytes of the keys of cased
	casedLower          bool      // a key of cased has no upper-case letter ("nato")
	globs               []int32
	// nb rates words that miss the valence lexicon by the Naive Bayes model's smoothed
	// log-likelihood ratio, when it is at least nbMin in size, times nbGain.
	nb            *NB
	nbMin, nbGain float64
	nbForms       []string // endings the words must have outside the model's domain (see Valence.NBLexForms)
}

func newMatcher() *matcher {
	return &matcher{vocab: map[string]int32{}, prefix: map[string][]int32{}, cased: map[string][]int32{}, prefix2: new([1 << 16 / 64]uint64)}
}

// reserve makes room for about n more entries and vocabulary words, so that compiling a
// lexicon of n terms does not grow the vocabulary map and slices step by step.
func (m *matcher) reserve(n int) {
	if len(m.vocab) == 0 {
		m.vocab = make(map[string]int32, n)
	}
	m.entries = slices.Grow(m.entries, n)
	m.vocabs = slices.Grow(m.vocabs, n)
	m.vocabWords = slices.Grow(m.vocabWords, n)
}

// A vocabEntry is what the matcher knows about one lower-cased word.
type vocabEntry struct {
	ids []int32 // entries whose first word is exactly this word
	// prefix are the prefix glob entries that match the word, in scan order (only for words
	// that start and end with an ASCII letter or digit: see matcher.indexPrefixes).
	prefix []int32
	mod    [2]modWord // modifier roles under the valence [0] and dimension [1] rules
	lex    bool       // a single-word valence entry
	// domain marks a word of the Naive Bayes model's own domain (Valence.NBDomain).
	domain bool
}

// word returns the vocabulary index of w, adding it when needed.
func (m *matcher) word(w string) int32 {
	if i, ok := m.vocab[w]; ok {
		return i
	}
	i := int32(len(m.vocabs))
	m.vocabs = append(m.vocabs, vocabEntry{})
	m.vocabWords = append(m.vocabWords, w)
	m.vocab[w] = i
	return i
}

// index builds m.words from the vocabulary and table, the words of nb (buildDict(nb, nil)),
// and m.edge.
func (m *matcher) index(nb *NB, table dict) {
	m.indexPrefixes(nb)
	m.words = table
	for i, w := range m.vocabWords {
		m.words.slots[m.words.add(w)].vocab = int32(i)
	}
	m.edge = newDict(0)
	for _, w := range nb.words {
		if k := w.key; k != "" && (!isWordByte(k[0]) || !isWordByte(k[len(k)-1])) && edgeRune(k) {
			m.edge.add(w.key)
		}
	}
	for _, w := range m.vocabWords {
		if edgeRune(w) {
			m.edge.add(w)
		}
	}
	for i := range m.edge.slots {
		if m.edge.slots[i].n > 1 {
			k := m.edge.key(int32(i))
			m.edgeFirst[k[0]], m.edgeLast[k[len(k)-1]] = true, true
		}
	}
}

// mayEdge reports whether the lower-cased form of field (not empty) may be a key of m.edge:
// its first or last byte, when ASCII, lower-cases to a byte that starts or ends one.
func (m *matcher) mayEdge(field string) bool {
	f, l := field[0], field[len(field)-1]
	return (f >= utf8.RuneSelf || m.edgeFirst[lowerASCII(f)]) && (l >= utf8.RuneSelf || m.edgeLast[lowerASCII(l)])
}

// lowerASCII is appendLower for one ASCII byte.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	if c == '`' {
		return '\''
	}
	return c
}

// isWordByte reports ASCII letters and digits.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// edgeRune reports whether the first or the last character of s is edge punctuation.
func edgeRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	return isEdgePunct(r) || isEdgePunct(l)
}

func prefixKey(s string) uint16 {
	if len(s) == 1 {
		return uint16(s[0]) << 8
	}
	return uint16(s[0])<<8 | uint16(s[1])
}

// add compiles term into slot with the given signed weight. Literal terms have no globs:
// rating lists such as VADER's hold emoticons like "(*" and ":-?".
func (m *matcher) add(slot int, t lexicon.Term, weight float64, literal bool) error {
	var p lexicon.Pattern
	if literal && isASCIIWord(t.Text) {
		p = lexicon.Pattern{{Text: t.Text, Kind: lexicon.Exact}} // most terms: one word
	} else if literal {
		for _, f := range strings.Fields(t.Text) {
			p = append(p, lexicon.Word{Text: f, Kind: lexicon.Exact})
		}
		if len(p) == 0 {
			return fmt.Errorf("%w: empty term", lexicon.ErrPattern)
		}
	} else {
		var err error
		if p, err = lexicon.ParsePattern(t.Text); err != nil {
			return err
		}
	}
	if !t.CaseSensitive {
		for i := range p {
			p[i].Text = lowerString(p[i].Text)
		}
	} else {
		for i := range p {
			p[i].Text = strings.Map(func(r rune) rune {
				if isApostrophe(r) {
					return '\''
				}
				return r
			}, p[i].Text)
		}
	}
	id := int32(len(m.entries))
	m.entries = append(m.entries, entry{words: p, cased: t.CaseSensitive, slot: int32(slot), weight: weight, term: t.Text})
	first := p[0]
	switch {
	case t.CaseSensitive && first.Kind == lexicon.Exact:
		m.cased[first.Text] = append(m.cased[first.Text], id)
		if first.Text != "" {
			m.casedFirst[first.Text[0]] = true
		}
		if !strings.ContainsFunc(first.Text, unicode.IsUpper) {
			m.casedLower = true
		}
	case first.Kind == lexicon.Exact:
		v := &m.vocabs[m.word(first.Text)]
		v.ids = append(v.ids, id)
		if slot == 0 && len(p) == 1 {
			v.lex = true
		}
	case first.Kind == lexicon.Prefix && !t.CaseSensitive:
		if _, ok := m.prefix[first.Text]; !ok {
			n := len(first.Text)
			i := sort.SearchInts(m.prefixLens, n)
			if i == len(m.prefixLens) || m.prefixLens[i] != n {
				m.prefixLens = append(m.prefixLens, 0)
				copy(m.prefixLens[i+1:], m.prefixLens[i:])
				m.prefixLens[i] = n
			}
		}
		m.prefix[first.Text] = append(m.prefix[first.Text], id)
		if first.Text == "" {
			break
		}
		if len(first.Text) == 1 { // any second byte
			for b := 0; b < 256; b++ {
				k := uint16(first.Text[0])<<8 | uint16(b)
				m.prefix2[k/64] |= 1 << (k % 64)
			}
		} else {
			k := prefixKey(first.Text)
			m.prefix2[k/64] |= 1 << (k % 64)
		}
	default:
		m.globs = append(m.globs, id)
	}
	return nil
}

// isASCIIWord reports whether s is one field as strings.Fields splits: not empty, all ASCII,
// no space.
func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || asciiSpace[c] {
			return false
		}
	}
	return s != ""
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func (m *matcher) hasCased(s string) bool {
	return len(m.casedIDs(s)) > 0
}

// casedIDs returns the case-sensitive entries whose first word is s.
func (m *matcher) casedIDs(s string) []int32 {
	if len(m.cased) == 0 || s != "" && !m.casedFirst[s[0]] {
		return nil
	}
	return m.cased[casedForm(s)]
}

// casedForm is s, as written, with every apostrophe mark as ', as case-sensitive terms are
// compiled: "Macy’s" and "Macy＇s" are the term "Macy's".
func casedForm(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '`' {
			return strings.Map(func(r rune) rune {
				if isApostrophe(r) {
					return '\''
				}
				return r
			}, s)
		}
	}
	return s
}

// lookup returns the words entry and the vocabulary index of a lower-cased word, or -1.
func (m *matcher) lookup(b []byte) (w, v int32) {
	if w = m.words.find(b); w >= 0 {
		return w, m.words.slots[w].vocab
	}
	return -1, -1
}

// prefixIDs calls f with each prefix glob entry that may match low, in scan order.
func (m *matcher) prefixIDs(low string, f func(id int32)) {
	if k := prefixKey(low); m.prefix2[k/64]&(1<<(k%64)) != 0 {
		for _, n := range m.prefixLens {
			if n > len(low) {
				break
			}
			for _, id := range m.prefix[low[:n]] {
				f(id)
			}
		}
	}
}

// prefixKnown reports whether the prefix glob entries of the token low, in slot w of
// m.words, are its vocabulary entry's prefix (none without one): see indexPrefixes.
func (m *matcher) prefixKnown(low string, w int32) bool {
	return w >= 0 && isWordByte(low[0]) && isWordByte(low[len(low)-1])
}

// indexPrefixes records in the vocabulary the prefix glob entries of every word of nb and the
// vocabulary that starts and ends with an ASCII letter or digit, adding the words that have
// some, so that scan finds them with the token's lookup instead of a map lookup per prefix
// length. Such words never start or end with edge punctuation, so whether they are in the
// vocabulary changes nothing else.
func (m *matcher) indexPrefixes(nb *NB) {
	if len(m.prefixLens) == 0 {
		return
	}
	var ids []int32
	add := func(id int32) { ids = append(ids, id) }
	index := func(w string) {
		if w == "" || !isWordByte(w[0]) || !isWordByte(w[len(w)-1]) {
			return
		}
		ids = ids[:0]
		m.prefixIDs(w, add)
		if len(ids) > 0 {
			m.vocabs[m.word(w)].prefix = append([]int32(nil), ids...)
		}
	}
	for _, w := range m.vocabWords {
		index(w)
	}
	// Of the model's words, only those that start with a glob's prefix can have any: they
	// are a range of the sorted words for each prefix.
	words := nb.words
	if !sort.SliceIsSorted(words, func(i, j int) bool { return words[i].key < words[j].key }) {
		words = append([]nbWord(nil), words...)
		sort.Slice(words, func(i, j int) bool { return words[i].key < words[j].key })
	}
	for p := range m.prefix {
		i := sort.Search(len(words), func(i int) bool { return words[i].key >= p })
		for ; i < len(words) && strings.HasPrefix(words[i].key, p); i++ {
			index(words[i].key)
		}
	}
}

// ratios returns the model's ratios of the word in slot w of m.words, if it has them.
func (m *matcher) ratios(w int32) (*[2]float64, bool) {
	if w < 0 {
		return nil, false
	}
	return m.words.ratios(w)
}

// wordMatch reports whether entry word w matches token k.
func (t *text) wordMatch(e *entry, w lexicon.Word, k int) bool {
	tok := t.low(k)
	if e.cased {
		tok = casedForm(t.raw(k))
	}
	switch w.Kind {
	case lexicon.Exact:
		return tok == w.Text
	case lexicon.Prefix:
		return strings.HasPrefix(tok, w.Text)
	}
	return w.Match(tok)
}

// consider checks whether entry id matches at token i and keeps it if it is the longest so far
// for its slot.
func (t *text) consider(m *matcher, id int32, i int, first bool) {
	e := &m.entries[id]
	n := len(e.words)
	if i+n > len(t.toks) || int32(i) < t.until[e.slot] {
		return
	}
	if b := t.best[e.slot]; b >= 0 && len(m.entries[b].words) >= n {
		return
	}
	if !first && !t.wordMatch(e, e.words[0], i) {
		return
	}
	for k := 1; k < n; k++ {
		if t.toks[i+k-1].flags&fSentEnd != 0 || !t.wordMatch(e, e.words[k], i+k) {
			return
		}
	}
	t.best[e.slot] = id
}

// scan finds hits for every slot, left to right; at each token the longest term wins, and the
// tokens it covers are not matched again within its slot.
func (t *text) scan(m *matcher, slots int) {
	t.hits = t.hits[:0]
	t.dh = t.dh[:0]
	t.best = grow(t.best, slots)
	t.until = grow(t.until, slots)
	for s := range t.until {
		t.until[s] = 0
		t.best[s] = -1
	}
	for i := range t.toks {
		low := t.low(i)
		if v := t.toks[i].v; v >= 0 {
			ve := &m.vocabs[v]
			if ve.lex {
				t.toks[i].flags |= fLex
			}
			for _, id := range ve.ids {
				t.consider(m, id, i, true)
			}
		}
		if len(m.cased) > 0 && (t.toks[i].flags&fUpper != 0 || m.casedLower) {
			for _, id := range m.casedIDs(t.raw(i)) {
				t.consider(m, id, i, true)
			}
		}
		if len(low) > 0 && len(m.prefixLens) > 0 {
			if m.prefixKnown(low, t.toks[i].w) {
				if v := t.toks[i].v; v >= 0 {
					for _, id := range m.vocabs[v].prefix {
						t.consider(m, id, i, true)
					}
				}
			} else {
				m.prefixIDs(low, func(id int32) { t.consider(m, id, i, true) })
			}
		}
		for _, id := range m.globs {
			t.consider(m, id, i, false)
		}
		if m.nb != nil && len(low) > 2 && t.best[0] < 0 && i >= int(t.until[0]) && t.toks[i].flags&fLetter != 0 && t.toks[i].mods[0] == 0 && t.toks[i].boost[0] == 0 &&
			(t.toks[i].flags&fTitle == 0 || t.toks[i].flags&fSentStart != 0) {
			if v, ok := m.ratios(t.toks[i].w); ok && math.Abs(v[1]) >= m.nbMin && (t.domain || hasEnding(low, m.nbForms)) {
				w := v[1] * m.nbGain
				t.hits = append(t.hits, hit{slot: 0, start: int32(i), end: int32(i + 1), entry: -1, base: w, weight: w})
				t.until[0] = int32(i + 1)
			}
		}
		for s, id := range t.best {
			if id < 0 {
				continue
			}
			e := &m.entries[id]
			h := hit{slot: int32(s), start: int32(i), end: int32(i + len(e.words)), entry: id, base: e.weight, weight: e.weight}
			if s == 0 {
				t.hits = append(t.hits, h)
			} else {
				t.dh = append(t.dh, h)
			}
			t.until[s] = int32(i + len(e.words))
			t.best[s] = -1
		}
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// hasEnding reports whether w ends with one of endings, or endings is empty.
func hasEnding(w string, endings []string) bool {
	if len(endings) == 0 {
		return true
	}
	for _, e := range endings {
		if len(w) > len(e) && w[len(w)-len(e):] == e {
			return true
		}
	}
	return false
}
