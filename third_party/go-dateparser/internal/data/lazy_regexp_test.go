package data

import "testing"

// TestEveryPatternCompiles is the quotetone patch's safety net: internal/regexp now compiles a
// pattern on first use instead of at package initialisation, so an invalid pattern would panic
// in the middle of a run instead of at start-up. This compiles every locale's patterns.
func TestEveryPatternCompiles(t *testing.T) {
	n := 0
	for locale := range LocaleOrder {
		ld, ok := GetLocaleData(locale)
		if !ok {
			t.Errorf("locale %q is ordered but has no data", locale)
			continue
		}
		check := func(what string, f func()) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s %s: %v", locale, what, r)
				}
			}()
			f()
			n++
		}
		for _, r := range append(ld.Simplifications, ld.RelativeTypeRegexes...) {
			check("replacement "+r.Replacement, func() { r.Rx.MatchString("") })
		}
		if ld.RxCombined != nil {
			check("combined", func() { ld.RxCombined.MatchString("") })
		}
		if ld.RxExactCombined != nil {
			check("exact combined", func() { ld.RxExactCombined.MatchString("") })
		}
	}
	if n < 1000 {
		t.Errorf("compiled %d patterns, want the generated data's thousands", n)
	}
	t.Logf("%d patterns compiled", n)
}
