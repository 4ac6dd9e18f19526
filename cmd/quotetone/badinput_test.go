package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/quotetone/quotetone/internal/corpus/corpustest"
	"github.com/quotetone/quotetone/internal/report"
)

// TestBadInputCorpus is the batch acceptance check: a corpus of every bad input mixed with good
// articles ends with exit 3, every good quote in quotes.csv, every bad input in errors.csv, and
// no text cell that a spreadsheet could run as a formula.
func TestBadInputCorpus(t *testing.T) {
	for _, variant := range []int{0, 1} {
		dir := isolate(t)
		corpus := filepath.Join(dir, "corpus")
		exp, err := corpustest.WriteVariant(corpus, variant)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out")
		res := runQuotetone(t, "", "run", "--progress", "none", "-o", out, corpus)
		if res.code != exitPartial {
			t.Fatalf("variant %d: exit %d, want %d (done, some documents failed); stderr:\n%s", variant, res.code, exitPartial, res.stderr)
		}
		quotes := readCSV(t, filepath.Join(out, report.QuotesFile))
		docs := readCSV(t, filepath.Join(out, report.DocumentsFile))
		errs := readCSV(t, filepath.Join(out, report.ErrorsFile))

		okDocs := 0
		for _, d := range docs[1:] {
			if d[7] == "ok" {
				okDocs++
			}
		}
		if okDocs != exp.Documents {
			t.Errorf("variant %d: %d documents processed, want %d", variant, okDocs, exp.Documents)
		}
		for _, q := range exp.Quotes {
			found := false
			for _, row := range quotes[1:] {
				if row[0] == q.DocID && q.Matches(row[7]) {
					found = true
					if row[3] != q.Speaker {
						t.Errorf("variant %d: quote %q in %s attributed to %q, want %q", variant, q.Text, q.DocID, row[3], q.Speaker)
					}
				}
			}
			if !found {
				t.Errorf("variant %d: quote %q of %s is missing from quotes.csv", variant, q.Text, q.DocID)
			}
		}
		for _, row := range quotes[1:] {
			for _, bad := range exp.Forbidden {
				if strings.Contains(row[7], bad) {
					t.Errorf("variant %d: quotes.csv has %q, which comes from boilerplate or a bad record", variant, row[7])
				}
			}
		}
		for _, b := range exp.Bad {
			found := false
			for _, e := range errs[1:] {
				if e[0] == "error" && strings.HasSuffix(filepath.ToSlash(e[1]), b.Path) && (b.Line == 0 || e[2] == strconv.Itoa(b.Line)) {
					found = true
				}
			}
			if !found {
				t.Errorf("variant %d: bad input %s (%s) is not in errors.csv", variant, b.Position(), b.Kind)
			}
		}
		for _, file := range []string{report.QuotesFile, report.SpeakersFile, report.DocumentsFile, report.ErrorsFile} {
			for i, rec := range readCSV(t, filepath.Join(out, file)) {
				for _, cell := range rec {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && report.Guard(cell) != cell {
						t.Errorf("variant %d: %s row %d has a cell a spreadsheet would run: %q", variant, file, i, cell)
					}
				}
			}
		}
	}
}
