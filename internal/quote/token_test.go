package quote

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLowerRunes(t *testing.T) {
	for _, text := range []string{
		"", "Mr. Full Name said", "“Ça va,” said Ödön ÅSTRÖM", "ΣΟΦΊΑ and ＡＢＣ", "D-Ky. U.S. ‘quote’ «guillemet»",
	} {
		lower, ok := lowerRunes(text)
		if !ok {
			t.Errorf("lowerRunes(%q) = false, want true", text)
			continue
		}
		for b := 0; b <= len(text); b++ {
			for e := b; e <= len(text); e++ {
				if b < len(text) && !utf8.RuneStart(text[b]) || e < len(text) && !utf8.RuneStart(text[e]) {
					continue
				}
				if got, want := lower[b:e], strings.ToLower(text[b:e]); got != want {
					t.Errorf("lowerRunes(%q)[%d:%d] = %q, want %q", text, b, e, got, want)
				}
			}
		}
	}
	// every ASCII byte, at every offset of the eight-byte steps, and a capital after them
	var ascii strings.Builder
	for c := range 0x80 {
		ascii.WriteByte(byte(c))
	}
	for shift := range 9 {
		text := strings.Repeat("Z", shift) + ascii.String() + "ÉA@[`{"
		if got, ok := lowerRunes(text); !ok || got != strings.ToLower(text) {
			t.Errorf("lowerRunes(%q) = %q, %v, want %q", text, got, ok, strings.ToLower(text))
		}
	}
	// 'İ' lower-cases to a shorter encoding: no slicing then.
	if _, ok := lowerRunes("İstanbul"); ok {
		t.Errorf("lowerRunes(%q) = true, want false", "İstanbul")
	}
}
