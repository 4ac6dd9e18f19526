package corpustest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quotetone/quotetone/internal/corpus"
	"github.com/quotetone/quotetone/internal/corpus/corpustest"
)

// TestWriteBadCorpus checks the corpus against the reader: what Expect promises is what Walk and
// ExtractHTML give.
func TestWriteBadCorpus(t *testing.T) {
	for _, variant := range []int{0, 1} {
		t.Run(fmt.Sprint("variant ", variant), func(t *testing.T) {
			dir := t.TempDir()
			exp, err := corpustest.WriteVariant(dir, variant)
			if err != nil {
				t.Fatalf("WriteVariant(%d) error = %v", variant, err)
			}
			docs := map[string]corpus.Document{}
			var order []string
			var fails []string
			var skipped []string
			rel := func(p string) string {
				r, _ := filepath.Rel(dir, p)
				return filepath.ToSlash(r)
			}
			opts := corpus.Options{Skipped: func(p, _ string) { skipped = append(skipped, rel(p)) }}
			err = corpus.Walk(context.Background(), []string{dir}, opts, func(d corpus.Document) error {
				if _, dup := docs[d.ID]; dup {
					t.Errorf("Walk(bad corpus) emitted %s twice", d.ID)
				}
				if d.HTML != "" {
					var err error
					if d, err = corpus.ExtractHTML(d); err != nil {
						t.Errorf("ExtractHTML(%s) error = %v", d.ID, err)
					}
				}
				docs[d.ID] = d
				order = append(order, d.ID)
				return nil
			}, func(f corpus.Failure) {
				f.Path = rel(f.Path)
				fails = append(fails, f.Position())
			})
			if err != nil {
				t.Fatalf("Walk(bad corpus) = %v", err)
			}
			if len(docs) != exp.Documents {
				t.Errorf("Walk(bad corpus) = %d documents, want %d", len(docs), exp.Documents)
			}
			var want []string
			for _, b := range exp.Bad {
				want = append(want, b.Position())
			}
			slices.Sort(want)
			slices.Sort(fails)
			if !slices.Equal(fails, want) {
				t.Errorf("Walk(bad corpus) failures = %q, want %q", fails, want)
			}
			for _, q := range exp.Quotes {
				d, ok := docs[q.DocID]
				if !ok {
					t.Errorf("Walk(bad corpus) lacks document %s", q.DocID)
					continue
				}
				if !strings.Contains(d.Text, q.Text) || !strings.Contains(d.Text, q.Speaker) {
					t.Errorf("document %s lacks quote %q by %s", q.DocID, q.Text, q.Speaker)
				}
			}
			for _, id := range exp.Noted {
				if len(docs[id].Notes) == 0 {
					t.Errorf("document %s has no repair note, want one", id)
				}
			}
			for id, d := range docs {
				for _, f := range exp.Forbidden {
					if strings.Contains(d.Text, f) {
						t.Errorf("document %s holds forbidden %q", id, f)
					}
				}
			}
			for _, s := range exp.Skipped {
				if !slices.Contains(skipped, s) {
					t.Errorf("Walk(bad corpus) skipped %q, want %s among them", skipped, s)
				}
			}
		})
	}
}
