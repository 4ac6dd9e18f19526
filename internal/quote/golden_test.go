package quote

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/articles")

// TestGolden extracts the quotes of each invented article in testdata/articles and compares
// them with its .golden file: one quote a line, kind, offsets, speaker, mention, cue, text.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in testdata/articles: %v", err)
	}
	x := mustNew(t, Options{})
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, q := range x.Extract(string(text)) {
				fmt.Fprintf(&b, "%s\t%d\t%d\t%s\t%s\t%s\t%q\n", q.Kind, q.Start, q.End, q.Speaker, q.Mention, q.Cue, q.Text)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("Extract(%s) differs from %s:\ngot:\n%s\nwant:\n%s", f, golden, b.String(), want)
			}
		})
	}
}
