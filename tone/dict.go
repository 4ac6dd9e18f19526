package tone

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// A dict maps lower-cased words to everything scoring knows about them: the matcher's
// vocabulary index and the Naive Bayes model's ratios. A token costs one lookup, where
// separate maps cost one each. It is an open-addressing table with linear probing, kept at
// most half full, whose 32-byte slots hold the first 16 bytes of their key, so that a lookup
// usually reads one cache line: the table is large (the model knows 117,000 words) and the
// words of a text are mostly far apart in it.
type dict struct {
	slots []dictEntry
	used  int
	rest  []byte       // the bytes after the 16th of longer keys
	llr   [][2]float64 // the distinct ratio pairs of model words (see NB.words)
}

// A dictEntry is one slot: a word and what is known about it.
type dictEntry struct {
	k0, k1 uint64 // the key's first 16 bytes, little-endian, zero padded
	n      uint32 // the key's length + 1; 0 marks an empty slot
	off    uint32 // where the key's bytes after the 16th start in rest
	vocab  int32  // the matcher's vocabulary index, or -1
	llr    uint32 // index + 1 of the word's ratios in llr; 0 for words the model lacks
}

func newDict(n int) dict {
	return dict{slots: make([]dictEntry, dictSize(n))}
}

// dictSize is the number of slots for n keys.
func dictSize(n int) int {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return size
}

// keyWords returns the first 16 bytes of b, zero padded, as two words.
func keyWords(b []byte) (k0, k1 uint64) {
	switch {
	case len(b) >= 16:
		return binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
	case len(b) >= 8:
		return binary.LittleEndian.Uint64(b), shortWord(b[8:])
	}
	return shortWord(b), 0
}

// shortWord returns the bytes of b, shorter than 8, as a little-endian word, zero padded. It
// reads them in at most three loads instead of copying them to a buffer: tokenize looks up
// every word of a text, and most words are shorter than 8 bytes.
func shortWord(b []byte) uint64 {
	n := len(b)
	switch {
	case n >= 4:
		// The low four bytes, and the last four shifted so that byte 4 lands at bit 32:
		// they overlap when n < 8, and the overlap agrees.
		lo := uint64(binary.LittleEndian.Uint32(b))
		hi := uint64(binary.LittleEndian.Uint32(b[n-4:]))
		return lo | hi<<(8*(n-4))
	case n > 0:
		return uint64(b[0]) | uint64(b[n/2])<<(8*(n/2)) | uint64(b[n-1])<<(8*(n-1))
	}
	return 0
}

// hashKey hashes a key given as keyWords, its length and its bytes after the 16th.
func hashKey(k0, k1 uint64, n int, rest []byte) uint64 {
	h := mix(k0^0xa0761d6478bd642f, k1^0xe7037ed1a0b428db^uint64(n))
	for len(rest) >= 8 {
		h = mix(h^binary.LittleEndian.Uint64(rest), 0x8ebc6af09c88c6e3)
		rest = rest[8:]
	}
	if len(rest) > 0 {
		var k [8]byte
		copy(k[:], rest)
		h = mix(h^binary.LittleEndian.Uint64(k[:]), 0x8ebc6af09c88c6e3)
	}
	return mix(h, 0x589965cc75374cc3)
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// find returns the slot of the word b, or -1.
func (d *dict) find(b []byte) int32 {
	if len(d.slots) == 0 {
		return -1
	}
	k0, k1 := keyWords(b)
	var rest []byte
	if len(b) > 16 {
		rest = b[16:]
	}
	n := uint32(len(b) + 1)
	mask := uint64(len(d.slots) - 1)
	for i := hashKey(k0, k1, len(b), rest) & mask; ; i = (i + 1) & mask {
		e := &d.slots[i]
		if e.n == n && e.k0 == k0 && e.k1 == k1 && (n <= 17 || string(d.rest[e.off:e.off+n-17]) == string(rest)) {
			return int32(i)
		}
		if e.n == 0 {
			return -1
		}
	}
}

// add returns the slot of key, adding it when needed. Slots move when the table grows.
func (d *dict) add(key string) int32 {
	if i := d.find([]byte(key)); i >= 0 {
		return i
	}
	if 2*(d.used+1) > len(d.slots) {
		d.grow(dictSize(d.used + 1))
	}
	d.used++
	b := []byte(key)
	e := dictEntry{n: uint32(len(b) + 1), vocab: -1}
	e.k0, e.k1 = keyWords(b)
	if len(b) > 16 {
		e.off = uint32(len(d.rest))
		d.rest = append(d.rest, b[16:]...)
	}
	return d.put(e)
}

// put stores e in its first free slot.
func (d *dict) put(e dictEntry) int32 {
	var rest []byte
	if e.n > 17 {
		rest = d.rest[e.off : e.off+e.n-17]
	}
	mask := uint64(len(d.slots) - 1)
	i := hashKey(e.k0, e.k1, int(e.n-1), rest) & mask
	for d.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	d.slots[i] = e
	return int32(i)
}

func (d *dict) grow(size int) {
	old := d.slots
	d.slots = make([]dictEntry, size)
	for _, e := range old {
		if e.n != 0 {
			d.put(e)
		}
	}
}

// ratios returns the model's ratios of the word in slot i, if it is a model word.
func (d *dict) ratios(i int32) (*[2]float64, bool) {
	if p := d.slots[i].llr; p != 0 {
		return &d.llr[p-1], true
	}
	return nil, false
}

// key returns the word in slot i.
func (d *dict) key(i int32) string {
	e := &d.slots[i]
	var k [16]byte
	binary.LittleEndian.PutUint64(k[:], e.k0)
	binary.LittleEndian.PutUint64(k[8:], e.k1)
	if e.n <= 17 {
		return string(k[:e.n-1])
	}
	return string(k[:]) + string(d.rest[e.off:e.off+e.n-17])
}

// buildDict indexes the words of nb (which may be nil) and vocab, whose word i gets
// vocabulary index i. It writes the table in slot order, which is many times faster than
// adding the words one by one to places all over a table larger than the caches.
func buildDict(nb *NB, vocab []string) dict {
	var words []nbWord
	if nb != nil {
		words = nb.words
	}
	word := func(k int) (key string, v int32, llr uint32) {
		if k < len(words) {
			return words[k].key, -1, words[k].llr
		}
		return vocab[k-len(words)], int32(k - len(words)), 0
	}
	n := len(words) + len(vocab)
	d := dict{slots: make([]dictEntry, dictSize(n))}
	if nb != nil {
		d.llr = nb.llr[:len(nb.llr):len(nb.llr)]
	}
	mask := uint64(len(d.slots) - 1)
	// Order the entries by home slot (a counting sort on its top bits, stable, so that of two
	// equal keys the later one is merged last), then put them in that order.
	entries := make([]dictEntry, n)
	homes := make([]uint32, n)
	shift := max(0, bits.Len(uint(len(d.slots)-1))-16)
	start := make([]int32, len(d.slots)>>shift+1)
	for k := range entries {
		key, v, llr := word(k)
		e := dictEntry{n: uint32(len(key) + 1), vocab: v, llr: llr}
		e.k0, e.k1 = keyWords(unsafe.Slice(unsafe.StringData(key), len(key)))
		var rest []byte
		if len(key) > 16 {
			e.off = uint32(len(d.rest))
			d.rest = append(d.rest, key[16:]...)
			rest = d.rest[e.off:]
		}
		entries[k] = e
		homes[k] = uint32(hashKey(e.k0, e.k1, len(key), rest) & mask)
		start[homes[k]>>shift+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	order := make([]int32, n)
	for k, h := range homes {
		order[start[h>>shift]] = int32(k)
		start[h>>shift]++
	}
	for _, k := range order {
		d.insert(entries[k], uint64(homes[k]))
	}
	return d
}

// insert puts e in the first free slot from its home slot i, or merges it into the entry
// of the same key: a vocabulary index or ratios replace those it has.
func (d *dict) insert(e dictEntry, i uint64) {
	mask := uint64(len(d.slots) - 1)
	for ; ; i = (i + 1) & mask {
		s := &d.slots[i]
		if s.n == 0 {
			*s = e
			d.used++
			return
		}
		if s.n == e.n && s.k0 == e.k0 && s.k1 == e.k1 && (e.n <= 17 || string(d.rest[s.off:s.off+s.n-17]) == string(d.rest[e.off:e.off+e.n-17])) {
			if e.vocab >= 0 {
				s.vocab = e.vocab
			}
			if e.llr != 0 {
				s.llr = e.llr
			}
			return
		}
	}
}
