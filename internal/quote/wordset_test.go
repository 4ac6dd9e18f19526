package quote

import (
	"fmt"
	"testing"
)

func TestWordSet(t *testing.T) {
	var s wordSet
	if s.has("the") {
		t.Errorf("zero wordSet has %q", "the")
	}
	for _, n := range []int{0, 1, 7, 8, 100, 3000} {
		toks := make([]token, n)
		for i := range toks {
			toks[i].lower = fmt.Sprint("w", i%(n/3+1)) // repeats
		}
		s.reset(toks)
		for i := range toks {
			if i%2 == 0 {
				s.add(i)
			}
		}
		want := map[string]bool{}
		for i := range toks {
			if i%2 == 0 {
				want[toks[i].lower] = true
			}
		}
		for i := 0; i < n+10; i++ {
			w := fmt.Sprint("w", i)
			if got := s.has(w); got != want[w] {
				t.Errorf("n=%d: has(%q) = %v, want %v", n, w, got, want[w])
			}
		}
	}
}
