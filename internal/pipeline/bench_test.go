//go:build unix

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
	"github.com/quotetone/quotetone/internal/quote"
	"github.com/quotetone/quotetone/internal/report"
	"github.com/quotetone/quotetone/lexicon"
	"github.com/quotetone/quotetone/tone"
)

// The benchmarks here time the whole pipeline with the real extractor and scorer: Score over
// sentences, and Run over a folder of articles. Fixtures are invented; the *Data benchmarks read
// the evaluation data at run time (QUOTETONE_DATA, default ../../../shared/data) and skip when
// it is absent.

var (
	benchNames   = []string{"Mira Castell", "Tomas Varga", "Lena Duvall", "Oskar Brandt", "Priya Raman", "Jonah Okafor", "Ada Lindqvist", "Felix Moreau"}
	benchRoles   = []string{"the minister", "the mayor", "a spokeswoman for the council", "the union leader", "the chief executive", "the coach"}
	benchCues    = []string{"said", "told reporters", "added", "warned", "argued", "insisted", "wrote"}
	benchQuotes  = []string{"We will not retreat from this plan, whatever the cost", "It is a terrible mistake and people will suffer for it", "The talks were constructive and I am hopeful", "Nobody here is happy about the delay", "This is a great day for the town", "I do not think the deal is fair to the workers", "We are very grateful for the help we received", "Frankly, the figures are awful", "There has been no hostility at all", "We need calm heads, not angry words"}
	benchPlain   = []string{"The council met on Tuesday to discuss the budget for next year.", "Shares in the company fell by four percent in early trading.", "The match was delayed for an hour because of heavy rain.", "Officials said the bridge would reopen in the spring.", "Sales rose sharply in the last quarter, beating forecasts.", "The report runs to more than three hundred pages.", "Local schools will close early on Friday.", "Critics called the proposal vague and costly."}
	benchMarks   = [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"«", "»"}}
	benchSamples = []string{"The service was quick and the staff were lovely!", "Worst film I have seen in years; the plot makes no sense.", "Not bad at all, though the ending drags.", "I really, really hated the new update :(", "An honest, moving and beautifully acted story.", "The committee's decision is neither wise nor fair.", "meh. it was ok i guess", "Prices keep going up while wages stay flat.", "What a wonderful surprise this morning!!", "The plan is ambitious but poorly funded."}
)

// benchArticle writes an invented news article of about n bytes with quotes in every mark
// style, cue before and after, pronouns, roles, scare quotes and a continued paragraph.
func benchArticle(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("Council row over budget deepens\n\n")
	for b.Len() < n {
		name := benchNames[r.IntN(len(benchNames))]
		surname := name[strings.LastIndexByte(name, ' ')+1:]
		role := benchRoles[r.IntN(len(benchRoles))]
		m := benchMarks[r.IntN(len(benchMarks))]
		q := benchQuotes[r.IntN(len(benchQuotes))]
		cue := benchCues[r.IntN(len(benchCues))]
		b.WriteString(benchPlain[r.IntN(len(benchPlain))] + " ")
		switch r.IntN(6) {
		case 0:
			fmt.Fprintf(&b, "%s, %s, %s: %s%s.%s\n\n", name, role, cue, m[0], q, m[1])
		case 1:
			fmt.Fprintf(&b, "%s%s,%s %s %s.\n\n", m[0], q, m[1], cue, name)
		case 2:
			fmt.Fprintf(&b, "%s%s,%s Mr. %s %s. %s%s.%s\n\n", m[0], q, m[1], surname, cue, m[0], benchQuotes[r.IntN(len(benchQuotes))], m[1])
		case 3:
			fmt.Fprintf(&b, "%s %s that %s%s%s.\n\n", role, cue, m[0], strings.ToLower(q[:1])+q[1:], m[1])
		case 4:
			fmt.Fprintf(&b, "%s%s.\n\n%s%s,%s she %s.\n\n", m[0], q, m[0], benchQuotes[r.IntN(len(benchQuotes))], m[1], cue)
		default:
			fmt.Fprintf(&b, "Critics called the plan a %sgamble%s and the budget %sfantasy%s. It's the town's biggest row in years.\n\n", m[0], m[1], m[0], m[1])
		}
	}
	return b.String()
}

// benchSentences returns n invented sentences, one a line.
func benchSentences(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(benchSamples[r.IntN(len(benchSamples))])
		if r.IntN(2) == 0 {
			b.WriteString(" " + benchQuotes[r.IntN(len(benchQuotes))] + ".")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

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
	benchScore(b, benchSentences(rand.New(rand.NewPCG(1, 2)), 20000), "")
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
		a := benchArticle(r, 1000+r.IntN(4000))
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
	benchTone(b, tone.Options{}, strings.Split(strings.TrimSpace(benchSentences(rand.New(rand.NewPCG(9, 10)), 5000)), "\n"))
}

// BenchmarkToneSentencesDims scores them for valence and one dimension.
func BenchmarkToneSentencesDims(b *testing.B) {
	benchTone(b, tone.Options{Dimensions: benchDimensions()}, strings.Split(strings.TrimSpace(benchSentences(rand.New(rand.NewPCG(9, 10)), 5000)), "\n"))
}

// BenchmarkToneLongText scores one 20 KB text, where per-token costs dominate.
func BenchmarkToneLongText(b *testing.B) {
	benchTone(b, tone.Options{Dimensions: benchDimensions()}, []string{strings.ReplaceAll(benchSentences(rand.New(rand.NewPCG(11, 12)), 250), "\n", " ")})
}
