package tone

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
)

// nbCounts is cdipaolo/sentiment's English model in a compact form written by
// TestWriteNBCounts: the two class probabilities as float64 bits, then per word its length,
// bytes and the two counts, as uvarints.
//
//go:embed data/nb-counts.bin
var nbCounts []byte

func parseNBCounts(data []byte) (*NB, error) {
	if len(data) < 16 {
		return nil, errors.New("load sentiment model: short data")
	}
	p0 := math.Float64frombits(binary.LittleEndian.Uint64(data))
	p1 := math.Float64frombits(binary.LittleEndian.Uint64(data[8:]))
	data = data[16:]
	n, k := binary.Uvarint(data)
	data = data[k:]
	nb := &NB{words: make([]nbWord, 0, min(n, uint64(len(data)))), prior: math.Log(p1) - math.Log(p0)}
	var pairs nbPairs
	s := string(data) // one allocation; the words are substrings of it
	for i := 0; i < len(s); {
		l, k := binary.Uvarint(data[i:])
		i += k
		w := s[i : i+int(l)]
		i += int(l)
		c0, k := binary.Uvarint(data[i:])
		i += k
		c1, k := binary.Uvarint(data[i:])
		i += k
		nb.set(w, c0, c1, &pairs)
	}
	return nb, nil
}
