package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/quotetone/quotetone/internal/report"
)

// TestEndToEnd runs each case folder under ../../testdata: <case>/args holds the command line
// ({out} is replaced by a fresh folder), <case>/config.yaml (optional) the configuration, and
// <case>/want the expected report files, exit code and stderr fragments. Run with -update to
// rewrite want/ after reviewing the change.
func TestEndToEnd(t *testing.T) {
	cases, err := filepath.Glob("../../testdata/*/args")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no end-to-end cases found: %v", err)
	}
	for _, argsFile := range cases {
		dir, _ := filepath.Abs(filepath.Dir(argsFile))
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Chdir(dir)
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			out := t.TempDir()
			args := strings.Fields(strings.ReplaceAll(readFile(t, "args"), "{out}", out))
			if _, err := os.Stat("config.yaml"); err == nil {
				args = append([]string{"-c", "config.yaml"}, args...)
			}
			res := runQuotetone(t, "", args...)
			wantDir := filepath.Join(dir, "want")
			if *update {
				os.MkdirAll(wantDir, 0o755)
				os.WriteFile(filepath.Join(wantDir, "exit"), []byte(strconv.Itoa(res.code)+"\n"), 0o644)
				for _, f := range []string{report.QuotesFile, report.SpeakersFile, report.DocumentsFile, report.ErrorsFile} {
					if b, err := os.ReadFile(filepath.Join(out, f)); err == nil {
						os.WriteFile(filepath.Join(wantDir, f), b, 0o644)
					}
				}
				return
			}
			if want, _ := strconv.Atoi(strings.TrimSpace(readFile(t, filepath.Join(wantDir, "exit")))); res.code != want {
				t.Errorf("exit code %d, want %d; stderr:\n%s", res.code, want, res.stderr)
			}
			if b, err := os.ReadFile(filepath.Join(wantDir, "stderr")); err == nil {
				for _, frag := range strings.Split(strings.TrimSpace(string(b)), "\n") {
					if !strings.Contains(res.stderr, frag) {
						t.Errorf("stderr lacks %q:\n%s", frag, res.stderr)
					}
				}
			}
			golden, _ := filepath.Glob(filepath.Join(wantDir, "*.csv"))
			for _, g := range golden {
				want := readFile(t, g)
				got := readFile(t, filepath.Join(out, filepath.Base(g)))
				if got != want {
					t.Errorf("%s differs from %s (run with -update to accept):\n--- got\n%s\n--- want\n%s", filepath.Base(g), g, got, want)
				}
			}
		})
	}
}
