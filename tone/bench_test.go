package tone

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/quotetone/quotetone/lexicon"
)

// benchTexts are invented quotes and review-like sentences, the lengths tone scores in practice.
var benchTexts = []string{
	"We will not retreat from this plan, whatever the cost.",
	"It is a terrible mistake and people will suffer for it.",
	"The talks were constructive and I am very hopeful.",
	"There has been no hostility at all, and we welcome the offer.",
	"Frankly, the figures are awful, but the team did a GREAT job!!",
	"I don't think the deal is fair to the workers, and it never was.",
	"Worst film I have seen in years; the plot makes no sense :(",
	"An honest, moving and beautifully acted story.",
	"meh. it was ok i guess, not bad, not good",
	"The committee's decision is neither wise nor fair, though hardly a disaster.",
	"Prices keep rising while wages stay flat, and families are struggling.",
	"What a wonderful surprise this morning! Thank you so much.",
}

func benchSentences(n int) []string {
	r := rand.New(rand.NewPCG(7, 8))
	out := make([]string, n)
	for i := range out {
		out[i] = benchTexts[r.IntN(len(benchTexts))]
		if r.IntN(3) == 0 {
			out[i] += " " + benchTexts[r.IntN(len(benchTexts))]
		}
	}
	return out
}

func benchTotal(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// benchDimensions is a cooperation scale like the default configuration's, with globs and
// multiword terms.
func benchDimensions() []Dimension {
	terms := func(ss ...string) []lexicon.Term {
		ts := make([]lexicon.Term, len(ss))
		for i, s := range ss {
			ts[i] = lexicon.Term{Text: s}
		}
		return ts
	}
	return []Dimension{{
		Name:     "cooperation",
		Positive: Pole{Name: "constructive", Terms: terms("constructive", "cooperat*", "agree*", "welcome*", "talks", "work together", "common ground", "partner*", "hopeful")},
		Negative: Pole{Name: "hostility", Terms: terms("hostil*", "threat*", "retreat", "attack*", "enemy", "enemies", "refuse*", "mistake", "suffer*")},
	}}
}

func benchScore(b *testing.B, opts Options) {
	sc, err := New(opts)
	if err != nil {
		b.Fatal(err)
	}
	texts := benchSentences(2000)
	sc.Score(texts[0]) // load the Naive Bayes model before the clock starts
	b.ReportAllocs()
	b.SetBytes(benchTotal(texts))
	for b.Loop() {
		for _, t := range texts {
			sc.Score(t)
		}
	}
}

// BenchmarkScoreSentences scores 2,000 short texts for valence only.
func BenchmarkScoreSentences(b *testing.B) { benchScore(b, Options{}) }

// BenchmarkScoreSentencesDims scores them for valence and one dimension.
func BenchmarkScoreSentencesDims(b *testing.B) { benchScore(b, Options{Dimensions: benchDimensions()}) }

// BenchmarkScoreLongQuote scores one long text, where per-token costs dominate.
func BenchmarkScoreLongQuote(b *testing.B) {
	sc, err := New(Options{Dimensions: benchDimensions()})
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Join(benchSentences(200), " ")
	sc.Score("warm up")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		sc.Score(text)
	}
}

// BenchmarkNBPositive scores with the Naive Bayes model alone.
func BenchmarkNBPositive(b *testing.B) {
	nb, err := DefaultNB()
	if err != nil {
		b.Fatal(err)
	}
	texts := benchSentences(2000)
	b.ReportAllocs()
	b.SetBytes(benchTotal(texts))
	for b.Loop() {
		for _, t := range texts {
			nb.Positive(t)
		}
	}
}
