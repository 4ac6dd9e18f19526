package tone

import (
	"math"
	"sort"
	"strings"

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
	entries    []entry
	exact      map[string][]int32
	prefix     map[string][]int32
	prefixLens []int
	cased      map[string][]int32
	globs      []int32
	// nb rates words that miss the valence lexicon by the Naive Bayes model's smoothed
	// log-likelihood ratio, when it is at least nbMin in size, times nbGain.
	nb            *NB
	nbMin, nbGain float64
}

func newMatcher() *matcher {
	return &matcher{exact: map[string][]int32{}, prefix: map[string][]int32{}, cased: map[string][]int32{}}
}

// add compiles term into slot with the given signed weight.
func (m *matcher) add(slot int, t lexicon.Term, weight float64) error {
	p, err := lexicon.ParsePattern(t.Text)
	if err != nil {
		return err
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
	case first.Kind == lexicon.Exact:
		m.exact[first.Text] = append(m.exact[first.Text], id)
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
	default:
		m.globs = append(m.globs, id)
	}
	return nil
}

func (m *matcher) hasCased(s string) bool {
	if len(m.cased) == 0 {
		return false
	}
	_, ok := m.cased[s]
	return ok
}

func (m *matcher) hasKey(b []byte) bool {
	_, ok := m.exact[string(b)]
	return ok
}

// wordMatch reports whether entry word w matches token k.
func (t *text) wordMatch(e *entry, w lexicon.Word, k int) bool {
	tok := t.low(k)
	if e.cased {
		tok = t.raw(k)
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
		for _, id := range m.exact[low] {
			if e := &m.entries[id]; e.slot == 0 && len(e.words) == 1 {
				t.toks[i].flags |= fLex
			}
			t.consider(m, id, i, true)
		}
		if len(m.cased) > 0 {
			for _, id := range m.cased[t.raw(i)] {
				t.consider(m, id, i, true)
			}
		}
		for _, n := range m.prefixLens {
			if n > len(low) {
				break
			}
			for _, id := range m.prefix[low[:n]] {
				t.consider(m, id, i, true)
			}
		}
		for _, id := range m.globs {
			t.consider(m, id, i, false)
		}
		if m.nb != nil && t.best[0] < 0 && i >= int(t.until[0]) && t.toks[i].flags&fLetter != 0 && t.toks[i].mods[0] == 0 && t.toks[i].boost[0] == 0 {
			if v, ok := m.nb.llr[low]; ok && math.Abs(float64(v[1])) >= m.nbMin {
				w := float64(v[1]) * m.nbGain
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
