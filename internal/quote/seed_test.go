package quote

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSeedPage checks the acceptance result on the project's seed page: nine speech quotes
// (five by the president, two by the aide, two by the expert) and two terms.
func TestSeedPage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(sharedData, "seed", "000_81d792e66b3b1c8d.txt"))
	if err != nil {
		t.Skipf("no shared seed page: %v", err)
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	terms := map[string]bool{}
	for _, q := range x.Extract(string(b)) {
		if testing.Verbose() {
			t.Logf("%s %q speaker=%q mention=%q cue=%q", q.Kind, q.Text, q.Speaker, q.Mention, q.Cue)
		}
		if q.Kind == Term {
			terms[q.Text] = true
			continue
		}
		counts[q.Speaker]++
	}
	want := map[string]int{"Vladimir V. Putin": 5, "Leonid Volkov": 2, "Ivan I. Kurilla": 2}
	if len(counts) != len(want) {
		t.Errorf("speakers = %v, want %v", counts, want)
	}
	for s, n := range want {
		if counts[s] != n {
			t.Errorf("quotes by %q = %d, want %d", s, counts[s], n)
		}
	}
	for _, w := range []string{"guardrails", "Enter"} {
		if !terms[w] {
			t.Errorf("term %q not found; terms = %v", w, terms)
		}
	}
}
