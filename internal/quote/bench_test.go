package quote

import (
	"math/rand/v2"
	"testing"

	"github.com/quotetone/quotetone/internal/benchcpu"
	"github.com/quotetone/quotetone/internal/benchtext"
)

// Benchmarks for quote finding (paragraphs and marks), attribution (tokens, entities,
// speakers) and the two together, over invented articles in every mark style.

func benchArticles() []string {
	r := rand.New(rand.NewPCG(5, 6))
	out := make([]string, 50)
	for i := range out {
		out[i] = benchtext.Article(r, 1000+r.IntN(6000))
	}
	return out
}

func benchSize(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// BenchmarkExtractArticle finds and attributes the quotes of 50 articles (about 200 KB).
func BenchmarkExtractArticle(b *testing.B) {
	x := mustNew(b, Options{})
	arts := benchArticles()
	b.ReportAllocs()
	b.SetBytes(benchSize(arts))
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
}

// BenchmarkFindQuotes finds paragraphs and quote marks only.
func BenchmarkFindQuotes(b *testing.B) {
	arts := benchArticles()
	b.ReportAllocs()
	b.SetBytes(benchSize(arts))
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		for _, a := range arts {
			r := []rune(a)
			scanQuotes(r, splitParagraphs(r, nil), false, nil)
		}
	}
}

// BenchmarkAttributeQuotes tokenizes and attributes quotes already found, as Extract does
// after scanQuotes (keep the two in step).
func BenchmarkAttributeQuotes(b *testing.B) {
	x := mustNew(b, Options{})
	type found struct {
		r     []rune
		paras []paragraph
		spans []span
	}
	var fs []found
	arts := benchArticles()
	for _, a := range arts {
		r := []rune(a)
		paras := splitParagraphs(r, nil)
		fs = append(fs, found{r, paras, scanQuotes(r, paras, false, nil)})
	}
	sc := newScratch() // one goroutine: the scratch Extract would take from its pool
	b.ReportAllocs()
	b.SetBytes(benchSize(arts))
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		for _, f := range fs {
			marks := sc.clearedMarks(len(f.r) + 1)
			for _, s := range f.spans {
				marks[s.firstMark()], marks[s.open] = true, true
				if s.close >= 0 {
					marks[s.close], marks[s.endMark()] = true, true
				}
			}
			text := string(f.r)
			sc.toks = tokenize(text, f.r, marks, sc.toks[:0])
			d := newDoc(x, text, f.r, sc.toks, f.spans, f.paras, sc)
			d.buildEntities()
			d.attribute()
			sc.mentions, sc.ents, sc.roles = d.mentions, d.ents, d.roleBuf
			d.quotes()
		}
	}
}
