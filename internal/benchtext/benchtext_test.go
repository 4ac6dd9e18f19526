package benchtext

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestArticle(t *testing.T) {
	a := Article(rand.New(rand.NewPCG(1, 2)), 20000)
	if b := Article(rand.New(rand.NewPCG(1, 2)), 20000); a != b {
		t.Error("the same seed wrote two different articles")
	}
	if len(a) < 20000 {
		t.Errorf("Article(20000) wrote %d bytes", len(a))
	}
	for _, m := range marks {
		if !strings.Contains(a, m[0]) || !strings.Contains(a, m[1]) {
			t.Errorf("a 20 KB article has no %s…%s quote", m[0], m[1])
		}
	}
}

func TestSentences(t *testing.T) {
	s := Sentences(rand.New(rand.NewPCG(3, 4)), 100)
	if n := strings.Count(s, "\n"); n != 100 || strings.Contains(s, "\n\n") {
		t.Errorf("Sentences(100) wrote %d lines (or an empty one):\n%s", n, s)
	}
}
