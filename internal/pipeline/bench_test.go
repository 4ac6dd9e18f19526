package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotetone/quotetone/internal/benchcpu"
	"github.com/quotetone/quotetone/internal/benchtext"
	"github.com/quotetone/quotetone/internal/quote"
	"github.com/quotetone/quotetone/internal/report"
	"github.com/quotetone/quotetone/lexicon"
	"github.com/quotetone/quotetone/tone"
)

// The benchmarks here time the whole pipeline with the real extractor and scorer: Score over
// sentences, and Run over a folder of articles. Fixtures are invented; the *Data benchmarks read
// the evaluation data at run time (QUOTETONE_DATA, default ../../../shared/data) and skip when
// it is absent.

func benchScorer(b *testing.B) *tone.Scorer {
	b.Helper()
	sc, err := tone.New(tone.Options{})
	if err != nil {
		b.Fatal(err)
	}
	sc.Score("warm up the model") // load the Naive Bayes model before the clock starts
	return sc
}

func benchExtractor(b *testing.B) *quote.Extractor {
	b.Helper()
	ex, err := quote.New(quote.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return ex
}

func benchData(b *testing.B, rel string) string {
	b.Helper()
	dir := os.Getenv("QUOTETONE_DATA")
	if dir == "" {
		dir = "../../../shared/data"
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		b.Skipf("evaluation data absent: %v", err)
	}
	return p
}

func benchScore(b *testing.B, input, name string) {
	sc := benchScorer(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(input)))
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		err := Score(context.Background(), strings.NewReader(input), io.Discard, sc, ScoreOptions{Name: name, Format: report.Format{Delimiter: ','}})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreLines scores invented sentences, one a line, as quotetone score does.
func BenchmarkScoreLines(b *testing.B) {
	benchScore(b, benchtext.Sentences(rand.New(rand.NewPCG(1, 2)), 20000), "")
}

// BenchmarkScoreTSVData scores the four sentiment dev sets as one TSV with a header.
func BenchmarkScoreTSVData(b *testing.B) {
	dir := benchData(b, "sentiment")
	files, _ := filepath.Glob(filepath.Join(dir, "*-dev.tsv"))
	var buf bytes.Buffer
	buf.WriteString("id\trating\ttext\n")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(data)
	}
	benchScore(b, buf.String(), "sentences.tsv")
}

func benchRun(b *testing.B, inputs []string, size int64) {
	opts := Options{Inputs: inputs, Extractor: benchExtractor(b), Scorer: benchScorer(b), Format: report.DefaultFormat}
	b.ReportAllocs()
	b.SetBytes(size)
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		opts.OutDir = b.TempDir()
		man, err := Run(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		if man.Counts.Quotes == 0 {
			b.Fatal("no quotes")
		}
	}
}

// BenchmarkRunArticles runs the whole pipeline over a folder of 400 invented articles.
func BenchmarkRunArticles(b *testing.B) {
	dir := b.TempDir()
	r := rand.New(rand.NewPCG(3, 4))
	var size int64
	for i := range 400 {
		a := benchtext.Article(r, 1000+r.IntN(4000))
		size += int64(len(a))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(a), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	benchRun(b, []string{dir}, size)
}

// BenchmarkRunBBCData runs the whole pipeline over the BBC corpus (about 5 MB).
func BenchmarkRunBBCData(b *testing.B) {
	dir := benchData(b, "corpus/bbc")
	var size int64
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
			}
		}
		return nil
	})
	benchRun(b, []string{dir}, size)
}

// The tone benchmarks score through tone's public API, the way the pipeline calls it.

// benchDimensions is a cooperation scale like the default configuration's, with prefix globs
// and multiword terms.
func benchDimensions() []tone.Dimension {
	terms := func(ss ...string) []lexicon.Term {
		ts := make([]lexicon.Term, len(ss))
		for i, s := range ss {
			ts[i] = lexicon.Term{Text: s}
		}
		return ts
	}
	return []tone.Dimension{{
		Name:     "cooperation",
		Positive: tone.Pole{Name: "constructive", Terms: terms("constructive", "cooperat*", "agree*", "welcome*", "talks", "work together", "common ground", "partner*", "hopeful")},
		Negative: tone.Pole{Name: "hostility", Terms: terms("hostil*", "threat*", "retreat", "attack*", "enemy", "enemies", "refuse*", "mistake", "suffer*")},
	}}
}

func benchTone(b *testing.B, opts tone.Options, texts []string) {
	sc, err := tone.New(opts)
	if err != nil {
		b.Fatal(err)
	}
	sc.Score(texts[0]) // load the Naive Bayes model before the clock starts
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	b.ReportAllocs()
	b.SetBytes(n)
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		for _, t := range texts {
			sc.Score(t)
		}
	}
}

// BenchmarkToneSentences scores 5,000 invented sentences for valence, one at a time.
func BenchmarkToneSentences(b *testing.B) {
	benchTone(b, tone.Options{}, strings.Split(strings.TrimSpace(benchtext.Sentences(rand.New(rand.NewPCG(9, 10)), 5000)), "\n"))
}

// BenchmarkToneSentencesDims scores them for valence and one dimension.
func BenchmarkToneSentencesDims(b *testing.B) {
	benchTone(b, tone.Options{Dimensions: benchDimensions()}, strings.Split(strings.TrimSpace(benchtext.Sentences(rand.New(rand.NewPCG(9, 10)), 5000)), "\n"))
}

// BenchmarkToneLongText scores one 20 KB text, where per-token costs dominate.
func BenchmarkToneLongText(b *testing.B) {
	benchTone(b, tone.Options{Dimensions: benchDimensions()}, []string{strings.ReplaceAll(benchtext.Sentences(rand.New(rand.NewPCG(11, 12)), 250), "\n", " ")})
}
