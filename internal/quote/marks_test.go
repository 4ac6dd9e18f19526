package quote

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSplitParagraphsASCII checks the ASCII path against splitParagraphs, over fixed texts
// and random ones that mix every ASCII byte with line breaks and spaces.
func TestSplitParagraphsASCII(t *testing.T) {
	texts := []string{"", "\n", "\n\n", " ", "a", "a\n", "\na", " a \r\n\tb\v\f\n\n c ", "one\n\ntwo\nthree   "}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			if r.IntN(2) == 0 {
				b[i] = "\n \t\r\v\fa"[r.IntN(7)]
			} else {
				b[i] = byte(r.IntN(0x80))
			}
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		got, want := splitParagraphsASCII(text, nil), splitParagraphs([]rune(text), nil)
		if !slices.Equal(got, want) {
			t.Errorf("splitParagraphsASCII(%q) = %v, want %v", text, got, want)
		}
	}
}
