package tone

import (
	"strings"
	"testing"

	"github.com/quotetone/quotetone/internal/benchcpu"
)

// benchText is a paragraph of quotes written for the benchmark (about 600 bytes).
var benchText = strings.Repeat(`"There has been no hostility," the minister said on Tuesday. `+
	`"We are not going to accept threats, but we are ready to seek common ground and a fair compromise." `+
	`The talks were quite constructive, although several issues remain deeply unresolved. `, 2)

func BenchmarkScore(b *testing.B) {
	s := newTestScorer(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	defer benchcpu.PerOp(b, int64(len(benchText)))()
	for b.Loop() {
		s.Score(benchText)
	}
}

func BenchmarkScoreShort(b *testing.B) {
	s := newTestScorer(b)
	const q = "There has been no hostility."
	b.ReportAllocs()
	b.SetBytes(int64(len(q)))
	defer benchcpu.PerOp(b, int64(len(q)))()
	for b.Loop() {
		s.Score(q)
	}
}

func BenchmarkScoreParallel(b *testing.B) {
	s := newTestScorer(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	defer benchcpu.PerOp(b, int64(len(benchText)))()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			s.Score(benchText)
		}
	})
}

// BenchmarkScoreSentences scores the rated dev sentences (1.2 MB of tweets, reviews and
// editorials), whose many distinct words reach all over the word table, as real input does.
func BenchmarkScoreSentences(b *testing.B) {
	s := newTestScorer(b)
	var texts []string
	n := 0
	for _, set := range evalSets {
		for _, r := range loadEvalSet(b, set) {
			texts = append(texts, r.Text)
			n += len(r.Text)
		}
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	defer benchcpu.PerOp(b, int64(n))()
	for b.Loop() {
		for _, t := range texts {
			s.Score(t)
		}
	}
}

// BenchmarkNew builds the default scorer, as every process does once: the model and the
// lexicons are parsed by the warm-up call, so this measures compiling them into a Scorer.
func BenchmarkNew(b *testing.B) {
	if _, err := New(Options{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
