package tone

import (
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuPerOp reports the process's user+system CPU time per op as cpu-ns/op and the CPU-time
// throughput as cpu-MB/s, which a machine loaded by other work does not distort as it does
// ns/op.
func cpuPerOp(b *testing.B, bytes int) func() {
	start := cpuTime()
	return func() {
		d := cpuTime() - start
		b.ReportMetric(float64(d)/float64(b.N), "cpu-ns/op")
		if d > 0 {
			b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchText is a paragraph of quotes written for the benchmark (about 600 bytes).
var benchText = strings.Repeat(`"There has been no hostility," the minister said on Tuesday. `+
	`"We are not going to accept threats, but we are ready to seek common ground and a fair compromise." `+
	`The talks were quite constructive, although several issues remain deeply unresolved. `, 2)

func BenchmarkScore(b *testing.B) {
	s := newTestScorer(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	defer cpuPerOp(b, len(benchText))()
	for b.Loop() {
		s.Score(benchText)
	}
}

func BenchmarkScoreShort(b *testing.B) {
	s := newTestScorer(b)
	const q = "There has been no hostility."
	b.ReportAllocs()
	b.SetBytes(int64(len(q)))
	defer cpuPerOp(b, len(q))()
	for b.Loop() {
		s.Score(q)
	}
}

func BenchmarkScoreParallel(b *testing.B) {
	s := newTestScorer(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	defer cpuPerOp(b, len(benchText))()
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
	defer cpuPerOp(b, n)()
	for b.Loop() {
		for _, t := range texts {
			s.Score(t)
		}
	}
}
