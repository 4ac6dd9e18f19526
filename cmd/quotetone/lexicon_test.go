package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLexiconCommands(t *testing.T) {
	econ, _ := filepath.Abs(filepath.Join("..", "..", "lexicon", "testdata", "econ.dic"))
	dir := isolate(t)
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte(`tone:
  dimensions:
    - name: cooperation
      positive: {name: constructive, terms: [agree*, agree*, "un*"]}
      negative: {name: hostility, terms: [threat*, agree*]}
  expectations:
    - text: "We agree."
      want: ["cooperation < 0"]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want []string // in stdout
	}{
		{"explain", []string{"lexicon", "explain", "There has been no hostility."}, 0,
			[]string{"cooperation  hostility", `term "hostil*"`, `negated by "no"`, "cooperation +0."}},
		{"test defaults", []string{"lexicon", "test"}, 0, []string{"0 failed"}},
		{"test failing", []string{"lexicon", "test", "-c", bad}, 1,
			[]string{`FAIL tone.expectations[0].want[0]: "We agree.": want cooperation < 0`, "1 failed"}},
		{"check defaults", []string{"lexicon", "check"}, 0, nil},
		{"check bad", []string{"lexicon", "check", "-c", bad}, 1, []string{
			`bad.yaml:4: tone.dimensions[0].positive.terms[1]: "agree*": duplicate of tone.dimensions[0].positive.terms[0]`,
			`tone.dimensions[0].positive.terms[2]: "un*": glob matches too many unrelated words`,
			`tone.dimensions[0].negative.terms[1]: "agree*": on both poles: also tone.dimensions[0].positive.terms[0]`,
		}},
		{"check file", []string{"lexicon", "check", econ}, 1, []string{`econ.dic:11: gloom: "crisis": also in category optimism (line 11)`}},
		{"import", []string{"lexicon", "import", econ}, 0, []string{"name: optimism", "- recover*", "- strong growth"}},
		{"import unknown", []string{"lexicon", "import", bad + ".json"}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runQuotetone(t, "", tt.args...)
			if res.code != tt.code {
				t.Fatalf("quotetone %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), res.code, tt.code, res.stdout, res.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(res.stdout, w) {
					t.Errorf("quotetone %s: stdout lacks %q:\n%s", strings.Join(tt.args, " "), w, res.stdout)
				}
			}
		})
	}
}

func TestEvalTone(t *testing.T) {
	dir := isolate(t)
	gold := filepath.Join(dir, "gold.tsv")
	body := "id\trating\ttext\n" +
		"1\t3.5\tWhat a wonderful, generous gesture.\n" +
		"2\t-3.2\tThis is a disgraceful, terrible failure.\n" +
		"3\t0.1\tThe committee met on Tuesday.\n" +
		"4\t2.0\tThe talks were good.\n" +
		"5\t-1.5\tThe plan is not good.\n"
	if err := os.WriteFile(gold, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runQuotetone(t, "", "eval", "tone", "--gold", gold)
	if res.code != 0 {
		t.Fatalf("eval tone: exit %d: %s", res.code, res.stderr)
	}
	for _, w := range []string{"5 rated texts", "pearson_r  0.9", "macro_f1", "accuracy   1.000"} {
		if !strings.Contains(res.stdout, w) {
			t.Errorf("eval tone output lacks %q:\n%s", w, res.stdout)
		}
	}
	// A rating outside the scale (3.5 on a scale of 3) means --scale is wrong for the file.
	for _, args := range [][]string{{"eval", "tone"}, {"eval", "tone", "--gold", gold, "--scale", "0"}, {"eval", "tone", "--gold", gold, "--score", "nosuch"}, {"eval", "tone", "--gold", gold, "--scale", "3"}} {
		if res := runQuotetone(t, "", args...); res.code != 2 {
			t.Errorf("quotetone %s: exit %d, want 2", strings.Join(args, " "), res.code)
		}
	}
}

func TestLexiconTestOwnDimensions(t *testing.T) {
	dir := isolate(t)
	own := filepath.Join(dir, "own.yaml")
	if err := os.WriteFile(own, []byte("tone:\n  dimensions:\n    - name: mood\n      positive: {name: up, terms: [glad]}\n      negative: {name: down, terms: [sad]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runQuotetone(t, "", "lexicon", "test", "-c", own)
	if res.code != 0 || !strings.Contains(res.stdout, "0 expectations, 0 checks, 0 failed") ||
		!strings.Contains(res.stderr, "own.yaml replaces tone.dimensions") || !strings.Contains(res.stderr, "add tone.expectations") {
		t.Errorf("lexicon test with own dimensions and no expectations: exit %d\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}
}
