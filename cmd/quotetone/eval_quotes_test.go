package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalQuotes(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "..", "internal", "quote", "testdata", "eval"))
	if err != nil {
		t.Fatal(err)
	}
	gold, pred := filepath.Join(testdata, "gold.jsonl"), filepath.Join(testdata, "pred.jsonl")
	dir := isolate(t)

	// The numbers eval_quotes.py prints for the same files.
	r := runQuotetone(t, "", "eval", "quotes", "--gold", gold, "--pred", pred, "--errors", "errs.jsonl")
	if r.code != exitOK {
		t.Fatalf("eval quotes --pred: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{
		"span exact             P=0.7143 R=0.8333 F1=0.7692 (tp=5)",
		"speaker accuracy       0.7500 (3/4 matched quotes with gold speaker; pred null=0; gold null speaker=1)",
		"end-to-end (span+spk)  P=0.5714 R=0.6667 F1=0.6154",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval quotes output lacks %q:\n%s", want, r.stdout)
		}
	}
	errs, err := os.ReadFile(filepath.Join(dir, "errs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(errs), "\n"); n != 4 {
		t.Errorf("errors file has %d lines, want 4:\n%s", n, errs)
	}

	// The extractor itself, with the default configuration.
	r = runQuotetone(t, "", "eval", "quotes", "--gold", gold, "--write-pred", "mine.jsonl")
	if r.code != exitOK || !strings.Contains(r.stdout, "span overlap") {
		t.Fatalf("eval quotes: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "mine.jsonl")); err != nil {
		t.Errorf("--write-pred: %v", err)
	}

	for _, args := range [][]string{
		{"eval", "quotes"},
		{"eval", "quotes", "--gold", gold, "--types", "quoted"},
		{"eval", "quotes", "--gold", gold, "--overlap", "2"},
	} {
		if r := runQuotetone(t, "", args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, r.code, exitUsage, r.stderr)
		}
	}
	if r := runQuotetone(t, "", "eval", "quotes", "--gold", filepath.Join(dir, "missing.jsonl")); r.code != exitFailed {
		t.Errorf("missing gold: exit %d, want %d", r.code, exitFailed)
	}
}
