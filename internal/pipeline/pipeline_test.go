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
	"sync/atomic"
	"testing"

	"github.com/quotetone/quotetone/internal/benchtext"
	"github.com/quotetone/quotetone/internal/quote"
	"github.com/quotetone/quotetone/internal/report"
	"github.com/quotetone/quotetone/tone"
)

// fakeScorer scores by simple word counts, so these tests exercise the pipeline, not tone.
type fakeScorer struct{}

func (fakeScorer) Dimensions() []string { return []string{"cooperation", "length"} }

func (fakeScorer) Score(text string) tone.Score {
	var v float64
	for _, w := range strings.Fields(strings.ToLower(text)) {
		switch strings.Trim(w, ".,!?\"'“”‘’") {
		case "good", "fair", "ready", "help", "welcome":
			v += 0.3
		case "bad", "wrong", "furious", "threat", "not":
			v -= 0.3
		}
	}
	v = max(-1, min(1, v))
	return tone.Score{Valence: v, NBPositive: 0.5 + v/2, Dims: []tone.DimScore{{Score: v / 3, Hits: 1}, {Score: float64(len(text)%100) / 100}}}
}

func testOptions(t *testing.T, out string, inputs ...string) Options {
	t.Helper()
	ex, err := quote.New(quote.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Options{Inputs: inputs, OutDir: out, Extractor: ex, Scorer: fakeScorer{}, Format: report.DefaultFormat, Period: "month"}
}

var reportFiles = []string{report.QuotesFile, report.SpeakersFile, report.DocumentsFile, report.ErrorsFile, report.PeriodsFile}

func readReports(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, f := range reportFiles {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		m[f] = b
	}
	return m
}

func sameReports(t *testing.T, what string, a, b map[string][]byte) {
	t.Helper()
	for _, f := range reportFiles {
		if !bytes.Equal(a[f], b[f]) {
			t.Errorf("%s: %s differs:\n%s\n---- vs ----\n%s", what, f, a[f], b[f])
		}
	}
}

const corpusDir = "../../testdata/marks/corpus"

func TestRunSameBytesForAnyWorkers(t *testing.T) {
	var first map[string][]byte
	for _, workers := range []int{1, 3, 8} {
		out := t.TempDir()
		opts := testOptions(t, out, corpusDir)
		opts.Workers = workers
		man, err := Run(context.Background(), opts)
		if err != nil {
			t.Fatalf("Run with %d workers: %v", workers, err)
		}
		if man.Counts.Documents != 4 || man.Counts.Quotes == 0 {
			t.Errorf("Run counts = %+v, want 4 documents with quotes", man.Counts)
		}
		got := readReports(t, out)
		if first == nil {
			first = got
			continue
		}
		sameReports(t, "workers 1 vs "+string(rune('0'+workers)), first, got)
	}
	if !bytes.HasPrefix(first[report.QuotesFile], []byte("\ufeffdoc_id,start,end,speaker")) {
		t.Errorf("quotes.csv starts %q, want a BOM and the header", first[report.QuotesFile][:40])
	}
}

// TestRunSameBytesManyDocuments runs more documents than the in-flight bound (512 units) and
// documents over 64 KiB (several units each), so that results wait in every slot of the
// reordering ring and wrap around it.
func TestRunSameBytesManyDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads 1,300 articles; -short skips it")
	}
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 1300 {
		n := 300 + r.IntN(1500)
		if i%97 == 0 {
			n = 95 << 10
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), []byte(benchtext.Article(r, n)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var first map[string][]byte
	for _, workers := range []int{1, 4} {
		out := t.TempDir()
		opts := testOptions(t, out, dir)
		opts.Workers = workers
		man, err := Run(context.Background(), opts)
		if err != nil {
			t.Fatalf("Run with %d workers: %v", workers, err)
		}
		if man.Counts.Documents != 1300 {
			t.Errorf("Run with %d workers read %d documents, want 1300", workers, man.Counts.Documents)
		}
		got := readReports(t, out)
		if first == nil {
			first = got
			continue
		}
		sameReports(t, fmt.Sprintf("workers 1 vs %d", workers), first, got)
	}
}

func TestShardsPlusMergeEqualOneRun(t *testing.T) {
	one := t.TempDir()
	if _, err := Run(context.Background(), testOptions(t, one, corpusDir)); err != nil {
		t.Fatal(err)
	}
	var parts []string
	for i := range 3 {
		dir := t.TempDir()
		opts := testOptions(t, dir, corpusDir)
		opts.Shard = Shard{Index: i, Count: 3}
		if _, err := Run(context.Background(), opts); err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		parts = append(parts, dir)
	}
	merged := t.TempDir()
	man, err := Merge(merged, []string{parts[2], parts[0], parts[1]}, report.Manifest{})
	if err != nil {
		t.Fatal(err)
	}
	if man.Counts.Documents != 4 {
		t.Errorf("merged documents = %d, want 4", man.Counts.Documents)
	}
	sameReports(t, "3 shards + merge vs one run", readReports(t, one), readReports(t, merged))
}

// Nightly outputs (not shards) are concatenated in the order given, for cumulative reports.
func TestMergeNightlyOutputs(t *testing.T) {
	nights := []string{"../../testdata/marks/corpus/wire.jsonl", "../../testdata/marks/corpus/straight-and-unbalanced.txt"}
	var parts []string
	for _, in := range nights {
		dir := t.TempDir()
		if _, err := Run(context.Background(), testOptions(t, dir, in)); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, dir)
	}
	merged := t.TempDir()
	man, err := Merge(merged, parts, report.Manifest{})
	if err != nil {
		t.Fatal(err)
	}
	if man.Counts.Documents != 3 {
		t.Errorf("merged documents = %d, want 3", man.Counts.Documents)
	}
	docs := string(readReports(t, merged)[report.DocumentsFile])
	if !strings.Contains(docs, "\r\n0,wire-1,") || !strings.Contains(docs, "\r\n2,straight-and-unbalanced.txt,") {
		t.Errorf("documents.csv is not the nights in order, renumbered:\n%s", docs)
	}
	// The same shard twice is an overlap, not two nights.
	shard := t.TempDir()
	opts := testOptions(t, shard, corpusDir)
	opts.Shard = Shard{Index: 0, Count: 2}
	if _, err := Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if _, err := Merge(t.TempDir(), []string{shard, shard}, report.Manifest{}); err == nil {
		t.Error("Merge of a shard with itself succeeded, want an error")
	}
}

// TestMergeKeepsLatestVersion: in a cumulative merge a document that a later part has again
// (edited, and read again) counts once, as the later part has it, with its errors and repairs.
func TestMergeKeepsLatestVersion(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const config = "/etc/quotetone/quotetone.yaml"
	night := func() string {
		out := t.TempDir()
		opts := testOptions(t, out, dir)
		opts.Manifest.ConfigFile = config
		if _, err := Run(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		return out
	}
	write("a.txt", "“The bridge opens in May,” said Mayor Ines Ruiz.")
	write("w.txt", "“We are ready,” said Tom Hale.\xff")
	first := night()
	write("a.txt", "“The bridge opens in June,” said Mayor Ines Ruiz. “It is late,” she added.")
	write("w.txt", "“We are ready,” said Tom Hale.")
	write("c.txt", "“Fares stay the same,” said Ada Moss.")
	second := night()
	merged := t.TempDir()
	man, err := Merge(merged, []string{first, second}, report.Manifest{})
	if err != nil {
		t.Fatal(err)
	}
	if man.ConfigFile != config {
		t.Errorf("merged config_file = %q, want the parts' %q", man.ConfigFile, config)
	}
	if c := man.Counts; c.Documents != 3 || c.Superseded != 2 || c.Quotes != 4 || c.RepairedNotes != 0 {
		t.Errorf("merged counts = %+v, want 3 documents, 2 superseded, 4 quotes, no repairs", c)
	}
	got := readReports(t, merged)
	if q := string(got[report.QuotesFile]); strings.Contains(q, "in May") || !strings.Contains(q, "in June") {
		t.Errorf("quotes.csv has the old version of a.txt, or not the new one:\n%s", q)
	}
	if e := string(got[report.ErrorsFile]); strings.Contains(e, "w.txt") {
		t.Errorf("errors.csv keeps the repair of a version a later part replaced:\n%s", e)
	}
}

// TestMergeRefusesMismatchedShards: shard parts that are not all the shards of one run, made
// alike over the same documents, would lose documents or count them twice; merge refuses them.
func TestMergeRefusesMismatchedShards(t *testing.T) {
	shard := func(in string, s Shard, config string) string {
		t.Helper()
		dir := t.TempDir()
		opts := testOptions(t, dir, in)
		opts.Shard = s
		opts.Manifest = report.Manifest{Version: "1.0", ConfigHash: config}
		if _, err := Run(context.Background(), opts); err != nil {
			t.Fatalf("shard %v: %v", s, err)
		}
		return dir
	}
	a0, a1 := shard(corpusDir, Shard{0, 2}, "sha256:a"), shard(corpusDir, Shard{1, 2}, "sha256:a")
	b0, b1, b2 := shard(corpusDir, Shard{0, 3}, "sha256:a"), shard(corpusDir, Shard{1, 3}, "sha256:a"), shard(corpusDir, Shard{2, 3}, "sha256:a")
	c1 := shard(corpusDir, Shard{1, 2}, "sha256:b")
	grown := t.TempDir()
	for _, name := range []string{"wire.jsonl", "straight-and-unbalanced.txt"} {
		b, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(grown, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g0 := shard(grown, Shard{0, 2}, "sha256:a")
	if err := os.WriteFile(filepath.Join(grown, "late.txt"), []byte("“We are ready,” said Ida Berg."), 0o644); err != nil {
		t.Fatal(err)
	}
	g1 := shard(grown, Shard{1, 2}, "sha256:a")

	for _, tt := range []struct {
		name  string
		parts []string
		want  string
	}{
		{"2 and 3 ways", []string{a0, a1, b0}, "split the same inputs 2 and 3 ways"},
		{"a shard missing", []string{b0, b2}, "shard 1/3 of that run is missing"},
		{"other configuration", []string{a0, c1}, "different configurations (sha256:a and sha256:b)"},
		{"inputs changed", []string{g0, g1}, "the inputs changed between the shard runs"},
		{"a shard twice", []string{a0, a1, a0}, "both shard 0/2"},
	} {
		if _, err := Merge(t.TempDir(), tt.parts, report.Manifest{}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Merge(%s) error = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	man, err := Merge(t.TempDir(), []string{b2, b0, b1}, report.Manifest{Version: "1.0"})
	if err != nil {
		t.Fatalf("Merge of 3 shards of one run: %v", err)
	}
	if man.Counts.Documents != 4 || man.ConfigHash != "sha256:a" {
		t.Errorf("merged manifest has %d documents and config hash %q, want 4 and the shards' sha256:a", man.Counts.Documents, man.ConfigHash)
	}
}

func TestIncrementalSkipsUnchanged(t *testing.T) {
	src := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "“We are ready,” said Ana Lopes, the mayor.")
	write("b.txt", "“It is a bad plan,” said Tom Reyes, a councillor.")
	statePath := filepath.Join(t.TempDir(), "new", "state.tsv") // a folder Save creates
	run := func() *report.Manifest {
		st, err := OpenState(statePath)
		if err != nil {
			t.Fatal(err)
		}
		opts := testOptions(t, t.TempDir(), src)
		opts.State = st
		man, err := Run(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		return man
	}
	if m := run(); m.Counts.Documents != 2 || m.Counts.Skipped != 0 {
		t.Fatalf("first run counts = %+v, want 2 documents", m.Counts)
	}
	write("b.txt", "“It is a fair plan after all,” said Tom Reyes, a councillor.")
	write("c.txt", "“Welcome,” said Ida Berg.")
	if m := run(); m.Counts.Documents != 2 || m.Counts.Skipped != 1 {
		t.Errorf("second run counts = %+v, want b and c processed and a skipped", m.Counts)
	}
	if m := run(); m.Counts.Documents != 0 || m.Counts.Skipped != 3 {
		t.Errorf("third run counts = %+v, want all 3 skipped", m.Counts)
	}
}

func TestParseShard(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Shard
		ok   bool
	}{{"0/1", Shard{0, 1}, true}, {"2/3", Shard{2, 3}, true}, {"3/3", Shard{}, false}, {"-1/2", Shard{}, false}, {"1", Shard{}, false}, {"a/b", Shard{}, false}} {
		got, err := ParseShard(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseShard(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestShardFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		env    map[string]string
		want   Shard
		ok     bool
		hasErr bool
	}{
		{map[string]string{}, Shard{}, false, false},
		{map[string]string{"JOB_COMPLETION_INDEX": "2", "QUOTETONE_SHARDS": "4"}, Shard{2, 4}, true, false},
		{map[string]string{"JOB_COMPLETION_INDEX": "2"}, Shard{}, true, true},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "3"}, Shard{2, 4}, true, false},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8"}, Shard{1, 8}, true, false},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_COUNT": "8"}, Shard{}, true, true},
	}
	for _, tt := range tests {
		got, ok, err := ShardFromEnv(env(tt.env))
		if got != tt.want || ok != tt.ok || (err != nil) != tt.hasErr {
			t.Errorf("ShardFromEnv(%v) = %v, %v, %v; want %v, %v, err=%v", tt.env, got, ok, err, tt.want, tt.ok, tt.hasErr)
		}
	}
}

func TestScoreFormats(t *testing.T) {
	tests := []struct {
		name, in string
		wantIDs  []string
	}{
		{"", "good news\nbad news\n", []string{"1", "2"}},
		{"", "{\"id\":\"a\",\"text\":\"good\"}\n\n{\"id\":7,\"text\":\"bad\"}\n", []string{"a", "7"}},
		{"x.csv", "id,text\nq1,\"good, fair\"\nq2,bad\n", []string{"q1", "q2"}},
		{"", "text\tid\ngood\tt1\n", []string{"t1"}},
		{"x.tsv", "id\trating\ttext\na\t1\t\"Quoted, and never closed\nb\t2\tgood\n\nc\t0\tbad\n", []string{"a", "b", "c"}},
		{"", "\ufeffid,text\nz,good\n", []string{"z"}},
		{"", "\n\r\n{\"id\":\"a\",\"text\":\"good\"}\n", []string{"a"}},
		{"", "\ufeff\r\nid,text\r\nz,good\r\n", []string{"z"}},
		{"x.jsonl", `{"id":"caf\u00e9","text":"good"}` + "\n" + `{"id":"say \"hi\"","text":"bad"}` + "\n" + `{"id":"","text":"ok"}` + "\n", []string{"café", `"say ""hi"""`, "3"}},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		err := Score(context.Background(), strings.NewReader(tt.in), &out, fakeScorer{}, ScoreOptions{Name: tt.name, Workers: 2, Format: report.Format{Delimiter: ','}})
		if err != nil {
			t.Errorf("Score(%q): %v", tt.in, err)
			continue
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\r\n")
		if lines[0] != "id,valence,nb_positive,cooperation,length" {
			t.Errorf("Score(%q) header = %q", tt.in, lines[0])
		}
		if len(lines)-1 != len(tt.wantIDs) {
			t.Errorf("Score(%q) wrote %d rows, want %d:\n%s", tt.in, len(lines)-1, len(tt.wantIDs), out.String())
			continue
		}
		for i, id := range tt.wantIDs {
			if !strings.HasPrefix(lines[i+1], id+",") {
				t.Errorf("Score(%q) row %d = %q, want id %q", tt.in, i, lines[i+1], id)
			}
		}
	}
}

// A table without a header row (a rated file as many are shared) is refused with the line it
// read and the header it needs.
func TestScoreTableWithoutHeader(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"rated.tsv", "2\t1.44\tGood phone interview.\n", `it is "2\t1.44\tGood phone interview.": add a header line such as id<TAB>text`},
		{"rated.csv", "a,b\n1,2\n", `it is "a,b": add a header line such as id,text`},
	} {
		err := Score(context.Background(), strings.NewReader(tt.in), io.Discard, fakeScorer{}, ScoreOptions{Name: tt.name, Format: report.Format{Delimiter: ','}})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Score(%s %q) error = %v, want one containing %q", tt.name, tt.in, err, tt.want)
		}
	}
}

func TestScoreKeepsOrderOnManyLines(t *testing.T) {
	var in strings.Builder
	for i := range 5000 {
		if i%3 == 0 {
			in.WriteString("good good\n")
		} else {
			in.WriteString("bad\n")
		}
	}
	var out bytes.Buffer
	if err := Score(context.Background(), strings.NewReader(in.String()), &out, fakeScorer{}, ScoreOptions{Workers: 4, Format: report.Format{Delimiter: ','}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\r\n")[1:]
	if len(lines) != 5000 {
		t.Fatalf("got %d rows, want 5000", len(lines))
	}
	for i, l := range lines {
		wantPos := i%3 == 0
		if strings.HasPrefix(strings.SplitN(l, ",", 3)[1], "0.6") != wantPos {
			t.Fatalf("row %d = %q is out of order", i, l)
		}
	}
}

// cancellingExtractor cancels the run at the first document and counts the documents it is
// given.
type cancellingExtractor struct {
	Extractor
	cancel func()
	n      atomic.Int64
}

func (c *cancellingExtractor) Extract(text string) []quote.Quote {
	c.n.Add(1)
	c.cancel()
	return c.Extractor.Extract(text)
}

// TestRunStopsPromptly cancels a run during its first document: the documents already queued
// (up to queueLen) must be passed over, not processed.
func TestRunStopsPromptly(t *testing.T) {
	dir := t.TempDir()
	for i := range 300 {
		text := fmt.Sprintf("Article %d.\n\n“We are ready,” said Mira Castell.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := testOptions(t, t.TempDir(), dir)
	ex := &cancellingExtractor{Extractor: opts.Extractor, cancel: cancel}
	opts.Extractor = ex
	opts.Workers = 2
	if _, err := Run(ctx, opts); err == nil {
		t.Fatal("Run cancelled during its first document = nil error, want one")
	}
	if n := ex.n.Load(); n > 2 {
		t.Errorf("Run processed %d of 300 documents after being cancelled during the first, want at most one a worker", n)
	}
}
