package tone

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestExplainGolden keeps the explanations of a few sentences written for this test, so that a
// change to rules or lexicons shows up as a reviewable diff: go test ./tone -run Golden -update
func TestExplainGolden(t *testing.T) {
	s := newTestScorer(t)
	texts := []string{
		"There has been no hostility.",
		"Both sides expressed their intention to understand each other and seek common ground. The talks were quite constructive.",
		"The talks were hostile, but they reached a compromise.",
		"We will never agree to threats!",
		"Could this be a breakthrough? Perhaps the US will cooperate.",
		"The ministry said it was NOT happy with the outcome, which was kind of disappointing.",
	}
	var b strings.Builder
	for _, tx := range texts {
		b.WriteString(s.Explain(tx).String())
		b.WriteString("\n")
	}
	path := filepath.Join("testdata", "explain.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("explanations differ from %s (run with -update and review the diff):\n%s", path, got)
	}
}
