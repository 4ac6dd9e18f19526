//go:build unix

package quote

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/quotetone/quotetone/internal/benchcpu"
)

// Benchmarks for quote finding (paragraphs and marks), attribution (tokens, entities,
// speakers) and the two together, over invented articles in every mark style.

var (
	benchNames  = []string{"Mira Castell", "Tomas Varga", "Lena Duvall", "Oskar Brandt", "Priya Raman", "Jonah Okafor", "Ada Lindqvist", "Felix Moreau"}
	benchRoles  = []string{"the minister", "the mayor", "a spokeswoman for the council", "the union leader", "the chief executive", "the coach"}
	benchCues   = []string{"said", "told reporters", "added", "warned", "argued", "insisted", "wrote"}
	benchQuotes = []string{"We will not retreat from this plan, whatever the cost", "It is a terrible mistake and people will suffer for it", "The talks were constructive and I am hopeful", "Nobody here is happy about the delay", "This is a great day for the town", "I do not think the deal is fair to the workers", "We're very grateful for the help we received", "Frankly, the figures are awful", "There has been no hostility at all", "We need calm heads, not angry words"}
	benchPlain  = []string{"The council met on Tuesday to discuss the budget for next year.", "Shares in the company fell by four percent in early trading.", "The match was delayed for an hour because of heavy rain.", "Officials said the bridge would reopen in the spring.", "Sales rose sharply in the last quarter, beating forecasts.", "The report runs to more than three hundred pages.", "Local schools will close early on Friday.", "Critics called the proposal vague and costly."}
	benchMarks  = [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"«", "»"}, {"„", "“"}}
)

// benchArticle writes an invented article of about n bytes: quotes with the cue before and
// after, honorifics, roles, pronouns, scare quotes, apostrophes, a quote continued over two
// paragraphs and an unclosed mark.
func benchArticle(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("Council row over budget deepens\n\n")
	for b.Len() < n {
		name := benchNames[r.IntN(len(benchNames))]
		surname := name[strings.LastIndexByte(name, ' ')+1:]
		role := benchRoles[r.IntN(len(benchRoles))]
		m := benchMarks[r.IntN(len(benchMarks))]
		q := benchQuotes[r.IntN(len(benchQuotes))]
		q2 := benchQuotes[r.IntN(len(benchQuotes))]
		cue := benchCues[r.IntN(len(benchCues))]
		b.WriteString(benchPlain[r.IntN(len(benchPlain))] + " ")
		switch r.IntN(8) {
		case 0:
			fmt.Fprintf(&b, "%s, %s, %s: %s%s.%s\n\n", name, role, cue, m[0], q, m[1])
		case 1:
			fmt.Fprintf(&b, "%s%s,%s %s %s.\n\n", m[0], q, m[1], cue, name)
		case 2:
			fmt.Fprintf(&b, "%s%s,%s Mr. %s %s. %s%s.%s\n\n", m[0], q, m[1], surname, cue, m[0], q2, m[1])
		case 3:
			fmt.Fprintf(&b, "%s %s that %s%s%s.\n\n", role, cue, m[0], strings.ToLower(q[:1])+q[1:], m[1])
		case 4:
			fmt.Fprintf(&b, "%s%s.\n\n%s%s,%s she %s.\n\n", m[0], q, m[0], q2, m[1], cue)
		case 5:
			fmt.Fprintf(&b, "%s %s: %s%s.\n\n%s%s,%s %s %s.\n\n", name, cue, m[0], q, m[0], q2, m[1], strings.ToLower(role[:1])+role[1:], cue)
		case 6:
			fmt.Fprintf(&b, "The 1990s were the town's best years, and the \"plan 6 ft. long\n\n")
		default:
			fmt.Fprintf(&b, "Critics called the plan a %sgamble%s and the budget %sfantasy%s. It's the town's biggest row in years.\n\n", m[0], m[1], m[0], m[1])
		}
	}
	return b.String()
}

func benchArticles() []string {
	r := rand.New(rand.NewPCG(5, 6))
	out := make([]string, 50)
	for i := range out {
		out[i] = benchArticle(r, 1000+r.IntN(6000))
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
			sc.mentions = d.mentions
			d.quotes()
		}
	}
}
