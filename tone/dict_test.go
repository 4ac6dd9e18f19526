package tone

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// TestDict checks that a dict built word by word and one built at once find every word,
// with keys of every length around the 16 bytes kept in a slot, and zero bytes.
func TestDict(t *testing.T) {
	var vocab []string
	seen := map[string]bool{}
	for n := 0; n < 40; n++ {
		for _, k := range []string{strings.Repeat("a", n), strings.Repeat("a", n) + "\x00", "\x00" + strings.Repeat("é", n)} {
			if !seen[k] {
				seen[k] = true
				vocab = append(vocab, k)
			}
		}
	}
	for i := 0; i < 3000; i++ {
		vocab = append(vocab, fmt.Sprintf("w%d", i), fmt.Sprintf("a longer word, number %d", i))
	}
	added := newDict(0)
	for i, k := range vocab {
		added.slots[added.add(k)].vocab = int32(i)
	}
	built := buildDict(nil, vocab)
	for _, d := range []*dict{&added, &built} {
		if d.used != len(vocab) {
			t.Errorf("used = %d, want %d", d.used, len(vocab))
		}
		for i, k := range vocab {
			s := d.find([]byte(k))
			if s < 0 || d.slots[s].vocab != int32(i) || d.key(s) != k {
				t.Fatalf("find(%q) = %d, want the slot of vocabulary %d", k, s, i)
			}
			if d.add(k) != s {
				t.Fatalf("add(%q) moved", k)
			}
		}
		for _, k := range []string{"b", "w3000", "a longer word, number 3000", strings.Repeat("a", 40)} {
			if s := d.find([]byte(k)); s >= 0 {
				t.Errorf("find(%q) = %d, want -1", k, s)
			}
		}
	}
}

// TestKeyWords checks keyWords against copying the key into a zeroed 16-byte buffer.
func TestKeyWords(t *testing.T) {
	b := []byte("abcdefghijklmnopqrstu\xff\x80é")
	for n := 0; n <= len(b); n++ {
		var k [16]byte
		copy(k[:], b[:n])
		want0, want1 := binary.LittleEndian.Uint64(k[:]), binary.LittleEndian.Uint64(k[8:])
		if got0, got1 := keyWords(b[:n]); got0 != want0 || got1 != want1 {
			t.Errorf("keyWords(%q) = %#x, %#x, want %#x, %#x", b[:n], got0, got1, want0, want1)
		}
	}
}
