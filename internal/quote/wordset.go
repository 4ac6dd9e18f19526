package quote

import "hash/maphash"

// A wordSet holds the lower-case forms of some tokens of one document: an open-addressing
// table of token indexes, sized for the document and cleared, not reallocated, for the next.
// It stands in for a map[string]bool that, kept in the pool, stayed as large as the longest
// article and took longer to clear than to fill.
type wordSet struct {
	toks  []token
	slots []int32 // token index + 1; 0 marks an empty slot
	mask  uint64
}

var wordSeed = maphash.MakeSeed()

// reset empties the set for words of toks. The table has at least twice as many slots as
// toks has tokens, so that it never fills and probe runs stay short.
func (s *wordSet) reset(toks []token) {
	size := 16
	for size < 2*len(toks) {
		size *= 2
	}
	if cap(s.slots) < size {
		s.slots = make([]int32, size)
	} else {
		s.slots = s.slots[:size]
		clear(s.slots)
	}
	s.mask = uint64(size - 1)
	s.toks = toks
}

// add adds the lower-case form of token i.
func (s *wordSet) add(i int) {
	w := s.toks[i].lower
	for h := maphash.String(wordSeed, w) & s.mask; ; h = (h + 1) & s.mask {
		k := s.slots[h]
		if k == 0 {
			s.slots[h] = int32(i + 1)
			return
		}
		if s.toks[k-1].lower == w {
			return
		}
	}
}

// has reports whether w is the lower-case form of a token added.
func (s *wordSet) has(w string) bool {
	if len(s.slots) == 0 {
		return false
	}
	for h := maphash.String(wordSeed, w) & s.mask; ; h = (h + 1) & s.mask {
		k := s.slots[h]
		if k == 0 {
			return false
		}
		if s.toks[k-1].lower == w {
			return true
		}
	}
}
