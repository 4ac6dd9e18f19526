package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quotetone/quotetone/internal/report"
)

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 3)
	if n, _ := f.Read(b); n != 3 || string(b) != "\ufeff" {
		f.Seek(0, 0)
	}
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s is not whole CSV: %v", path, err)
	}
	return recs
}

func TestSampleRun(t *testing.T) {
	dir := isolate(t)
	out := filepath.Join(dir, "out")
	res := runQuotetone(t, "", "run", "--sample", "-o", out)
	if res.code != exitOK {
		t.Fatalf("run --sample exit %d, stderr:\n%s", res.code, res.stderr)
	}
	quotes := readCSV(t, filepath.Join(out, report.QuotesFile))
	speakers := readCSV(t, filepath.Join(out, report.SpeakersFile))
	if len(quotes) < 25 || len(speakers) < 10 {
		t.Errorf("sample run found %d quotes and %d speakers, want a real report (25+ quotes, 10+ speakers)", len(quotes)-1, len(speakers)-1)
	}
	for _, f := range []string{report.DocumentsFile, report.ErrorsFile, report.ManifestFile} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("sample run did not write %s", f)
		}
	}
	// Page furniture never produces quotes: the HTML page's nav, cookie banner, comments and footer.
	for _, q := range quotes {
		for _, bad := range []string{"Sign in", "Accept all", "Post Comment", "Terms of use", "Do not quote"} {
			if strings.Contains(q[7], bad) {
				t.Errorf("quote %q comes from page boilerplate", q[7])
			}
		}
	}
}

func TestWorkersGiveSameBytes(t *testing.T) {
	dir := isolate(t)
	var first map[string]string
	for _, w := range []string{"1", "3"} {
		out := filepath.Join(dir, "out"+w)
		if res := runQuotetone(t, "", "run", "--sample", "--format", "csv", "-w", w, "-o", out); res.code != exitOK {
			t.Fatalf("run -w %s: exit %d\n%s", w, res.code, res.stderr)
		}
		got := map[string]string{}
		for _, f := range []string{report.QuotesFile, report.SpeakersFile, report.DocumentsFile, report.ErrorsFile} {
			got[f] = readFile(t, filepath.Join(out, f))
		}
		if first == nil {
			first = got
			continue
		}
		for f := range got {
			if got[f] != first[f] {
				t.Errorf("%s differs between 1 and %s workers", f, w)
			}
		}
	}
}

// TestShardProcessesAndMerge runs three shard processes, as a Slurm array or a Kubernetes
// Indexed Job would, and merges them: the CSV files must equal a single run's, byte for byte.
func TestShardProcessesAndMerge(t *testing.T) {
	corpus, _ := filepath.Abs("../../testdata/marks/corpus")
	dir := isolate(t)
	one := filepath.Join(dir, "one")
	if out, err := quotetoneCmd(t, "run", "--progress", "none", "-o", one, corpus).CombinedOutput(); err != nil {
		t.Fatalf("single run: %v\n%s", err, out)
	}
	var parts []string
	procs := make([]*os.Process, 0, 3)
	for i := range 3 {
		part := filepath.Join(dir, fmt.Sprintf("part%d", i))
		parts = append(parts, part)
		cmd := quotetoneCmd(t, "run", "--progress", "none", "-o", part, corpus)
		if i == 0 {
			cmd.Args = append(cmd.Args, "--shard", "0/3")
		} else if i == 1 {
			cmd.Env = append(cmd.Env, "JOB_COMPLETION_INDEX=1", "QUOTETONE_SHARDS=3")
		} else {
			cmd.Env = append(cmd.Env, "SLURM_ARRAY_TASK_ID=2", "SLURM_ARRAY_TASK_COUNT=3")
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd.Process)
	}
	for i, p := range procs {
		st, err := p.Wait()
		if err != nil || !st.Success() {
			t.Fatalf("shard %d: %v %v", i, err, st)
		}
	}
	merged := filepath.Join(dir, "merged")
	if res := runQuotetone(t, "", append([]string{"merge", "-o", merged}, parts...)...); res.code != exitOK {
		t.Fatalf("merge exit %d:\n%s", res.code, res.stderr)
	}
	for _, f := range []string{report.QuotesFile, report.SpeakersFile, report.DocumentsFile, report.ErrorsFile} {
		if a, b := readFile(t, filepath.Join(one, f)), readFile(t, filepath.Join(merged, f)); a != b {
			t.Errorf("%s: shards + merge differ from one run", f)
		}
	}
}

// TestKillLeavesWholeReports kills reruns into the same folder at several moments; every report
// there must stay whole and identical to the first run's.
func TestKillLeavesWholeReports(t *testing.T) {
	if testing.Short() {
		t.Skip("kills subprocesses at timed moments; skipped with -short")
	}
	dir := isolate(t)
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	for i := range 400 {
		text := fmt.Sprintf("Story %d\n\n“We will build %d new homes this year,” said Mara Ellison, the mayor.\n\n“It is a reckless plan,” said Owen Price, a councillor. “Nobody asked us.”\n", i, i)
		os.WriteFile(filepath.Join(corpus, fmt.Sprintf("%04d.txt", i)), []byte(text), 0o644)
	}
	out := filepath.Join(dir, "out")
	if b, err := quotetoneCmd(t, "run", "--progress", "none", "-o", out, corpus).CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	files := []string{report.QuotesFile, report.SpeakersFile, report.DocumentsFile, report.ErrorsFile, report.ManifestFile}
	want := map[string]string{}
	for _, f := range files[:4] {
		want[f] = readFile(t, filepath.Join(out, f))
	}
	for _, delay := range []time.Duration{5 * time.Millisecond, 50 * time.Millisecond, 150 * time.Millisecond, 300 * time.Millisecond, 600 * time.Millisecond} {
		cmd := quotetoneCmd(t, "run", "--progress", "none", "-w", "1", "-o", out, corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		for _, f := range files[:4] {
			if got := readFile(t, filepath.Join(out, f)); got != want[f] {
				t.Errorf("after SIGKILL at %v, %s is not the whole previous report (%d bytes, want %d)", delay, f, len(got), len(want[f]))
			}
		}
		if _, err := report.ReadManifest(filepath.Join(out, report.ManifestFile)); err != nil {
			t.Errorf("after SIGKILL at %v, manifest.json: %v", delay, err)
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := isolate(t)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("“All is well,” said Ann Bell."), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.jsonl"), []byte("{\"id\":\"x\",\"text\":\"“Fine,” said Bo Lin.\"}\n{not json\n"), 0o644)
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"run", "-o", "o1", "good.txt"}, exitOK},
		{[]string{"run", "-o", "o2", "good.txt", "bad.jsonl"}, exitPartial},
		{[]string{"run", "--strict", "-o", "o3", "good.txt", "bad.jsonl"}, exitFailed},
		{[]string{"run", "--max-errors", "1", "-o", "o7", "good.txt", "bad.jsonl", "missing.txt"}, exitFailed},
		{[]string{"run", "--max-errors", "2", "-o", "o8", "good.txt", "bad.jsonl", "missing.txt"}, exitPartial},
		{[]string{"run", "-o", "o4"}, exitUsage},
		{[]string{"run", "--shard", "3/2", "-o", "o5", "good.txt"}, exitUsage},
		{[]string{"run", "--no-such-flag"}, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"run", "-c", "missing.yaml", "-o", "o6", "good.txt"}, exitUsage},
		{[]string{"merge", "-o", "m", "no-such-part"}, exitFailed},
	}
	for _, tt := range tests {
		if res := runQuotetone(t, "", tt.args...); res.code != tt.want {
			t.Errorf("quotetone %s: exit %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), res.code, tt.want, res.stderr)
		}
	}
	errs := readCSV(t, filepath.Join(dir, "o2", report.ErrorsFile))
	if len(errs) != 2 || !strings.Contains(errs[1][1], "bad.jsonl") || errs[1][2] != "2" {
		t.Errorf("errors.csv = %v, want one row naming bad.jsonl line 2", errs)
	}
}

// TestBadFlagValues checks that a flag value the help does not allow stops the run with exit 2
// and a message naming the flag, instead of being read as some default.
func TestBadFlagValues(t *testing.T) {
	dir := isolate(t)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("“All is well,” said Ann Bell."), 0o644)
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"run", "--stdin-format", "xml", "-o", "o1", "-"}, "--stdin-format"},
		{[]string{"run", "--progress", "fancy", "-o", "o2", "good.txt"}, "--progress"},
		{[]string{"--log-format", "xml", "run", "-o", "o3", "good.txt"}, "--log-format"},
		{[]string{"run", "--exclude", "[", "-o", "o4", "good.txt"}, "--exclude"},
		{[]string{"run", "-w", "-1", "-o", "o5", "good.txt"}, "--workers"},
		{[]string{"score", "-w", "-1"}, "--workers"},
	}
	for _, tt := range tests {
		res := runQuotetone(t, "", tt.args...)
		if res.code != exitUsage || !strings.Contains(res.stderr, tt.want) {
			t.Errorf("quotetone %s: exit %d, stderr %q; want %d and a message naming %s", strings.Join(tt.args, " "), res.code, res.stderr, exitUsage, tt.want)
		}
	}
	// The values the help names still work.
	for _, format := range []string{"jsonl", ".csv", "TSV", "html", "txt", "md", "ndjson", "jsonl.gz"} {
		if res := runQuotetone(t, "", "run", "--stdin-format", format, "-o", "o6", "-"); res.code == exitUsage {
			t.Errorf("run --stdin-format %s: exit %d\n%s", format, res.code, res.stderr)
		}
	}
	for _, mode := range []string{"auto", "bar", "log", "none"} {
		if res := runQuotetone(t, "", "--log-format", "json", "run", "--progress", mode, "-o", "o7", "good.txt"); res.code != exitOK {
			t.Errorf("run --progress %s: exit %d\n%s", mode, res.code, res.stderr)
		}
	}
}

// TestInterruptedRun checks that a run stopped by SIGINT or SIGTERM (a cancelled context) exits 1
// and says it was interrupted, rather than "context canceled".
func TestInterruptedRun(t *testing.T) {
	dir := isolate(t)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("“All is well,” said Ann Bell."), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"run", "--progress", "none", "-o", "out", "good.txt"}, strings.NewReader(""), &stdout, &stderr)
	if code != exitFailed || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("interrupted run: exit %d, stderr %q; want %d and a message saying it was interrupted", code, stderr.String(), exitFailed)
	}
}

func TestInitWritesLoadableConfig(t *testing.T) {
	isolate(t)
	if res := runQuotetone(t, "", "init"); res.code != exitOK {
		t.Fatalf("init: exit %d\n%s", res.code, res.stderr)
	}
	if res := runQuotetone(t, "", "init"); res.code != exitUsage || !strings.Contains(res.stderr, "--force") {
		t.Errorf("second init: exit %d, stderr %q; want 2 and a hint to use --force", res.code, res.stderr)
	}
	// ./quotetone.yaml is now found by default, and it must load and run.
	os.WriteFile("a.txt", []byte("“All is well,” said Ann Bell."), 0o644)
	if res := runQuotetone(t, "", "run", "-o", "out", "a.txt"); res.code != exitOK {
		t.Errorf("run with the init file: exit %d\n%s", res.code, res.stderr)
	}
	if res := runQuotetone(t, "", "init", "-"); !strings.Contains(res.stdout, "tone:") || !strings.Contains(res.stdout, "quotes:") {
		t.Errorf("init - printed %d bytes without the tone and quotes sections", len(res.stdout))
	}
}

func TestScoreCommand(t *testing.T) {
	isolate(t)
	res := runQuotetone(t, "{\"id\":\"a\",\"text\":\"There has been no hostility.\"}\n{\"id\":\"b\",\"text\":\"Both sides expressed their intention to understand each other and seek common ground. The talks were quite constructive.\"}\n", "score")
	if res.code != exitOK {
		t.Fatalf("score: exit %d\n%s", res.code, res.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(res.stdout)).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("score printed %q (%v), want a header and 2 rows", res.stdout, err)
	}
	col := -1
	for i, h := range recs[0] {
		if h == "cooperation" {
			col = i
		}
	}
	if recs[0][0] != "id" || recs[0][1] != "valence" || recs[0][2] != "nb_positive" || col < 0 {
		t.Fatalf("score header = %v, want id,valence,nb_positive,...,cooperation", recs[0])
	}
	if v := recs[1][col]; strings.HasPrefix(v, "-") {
		t.Errorf("cooperation of %q = %s, want >= 0 (it denies hostility)", "There has been no hostility.", v)
	}
	if v := recs[2][col]; strings.HasPrefix(v, "-") || v == "0.0000" {
		t.Errorf("cooperation of the common-ground sentence = %s, want > 0", v)
	}
}

// TestJSONLogFailures checks that with --log-format json every line on stderr is JSON, the
// summary of failed documents included.
func TestJSONLogFailures(t *testing.T) {
	dir := isolate(t)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("“All is well,” said Ann Bell."), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.jsonl"), []byte("{\"id\": \"a\", \"text\": \"fine\"}\n{not json\n"), 0o644)
	res := runQuotetone(t, "", "--log-format", "json", "run", "--progress", "none", "-o", "out", "good.txt", "bad.jsonl")
	if res.code != exitPartial {
		t.Fatalf("run: exit %d, want %d\n%s", res.code, exitPartial, res.stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(res.stderr), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("stderr line is not JSON: %q", line)
		}
	}
	// The manifest's errors use the snake_case keys of the rest of the file and of errors.csv.
	data, err := os.ReadFile(filepath.Join(dir, "out", report.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var man struct {
		Errors []map[string]any `json:"errors"`
	}
	if err := json.Unmarshal(data, &man); err != nil {
		t.Fatal(err)
	}
	if len(man.Errors) != 1 {
		t.Fatalf("manifest errors = %v, want one", man.Errors)
	}
	for _, key := range []string{"level", "path", "line", "reason"} {
		if _, ok := man.Errors[0][key]; !ok {
			t.Errorf("manifest error %v has no key %q", man.Errors[0], key)
		}
	}
}

// TestInterruptedScore checks that an interrupted score exits 1 and says so.
func TestInterruptedScore(t *testing.T) {
	isolate(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"score"}, strings.NewReader("One line.\nAnother.\n"), &stdout, &stderr)
	if code != exitFailed || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("interrupted score: exit %d, stderr %q; want %d and a message saying it was interrupted", code, stderr.String(), exitFailed)
	}
}

// TestPartialOK checks the exit codes of a run with a failed document: 3 by default, 0 with
// --partial-ok (for schedulers that take any other exit as a failure), 1 with --strict, and
// the same for merge.
func TestPartialOK(t *testing.T) {
	dir := isolate(t)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("“All is well,” said Ann Bell."), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.jsonl"), []byte("{not json\n"), 0o644)
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"run", "-o", "o1", "good.txt", "bad.jsonl"}, exitPartial},
		{[]string{"run", "--partial-ok", "-o", "o2", "good.txt", "bad.jsonl"}, exitOK},
		{[]string{"run", "--strict", "-o", "o3", "good.txt", "bad.jsonl"}, exitFailed},
		{[]string{"run", "--strict", "--partial-ok", "-o", "o4", "good.txt", "bad.jsonl"}, exitUsage},
		{[]string{"merge", "-o", "m1", "o1"}, exitPartial},
		{[]string{"merge", "--partial-ok", "-o", "m2", "o1"}, exitOK},
	}
	for _, tt := range tests {
		if res := runQuotetone(t, "", append([]string{"--log-format", "text"}, tt.args...)...); res.code != tt.want {
			t.Errorf("quotetone %s: exit %d, want %d\n%s", strings.Join(tt.args, " "), res.code, tt.want, res.stderr)
		}
	}
}
