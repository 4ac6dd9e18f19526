package sample

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSampleCorpus(t *testing.T) {
	var names []string
	fs.WalkDir(FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if len(names) < 5 {
		t.Fatalf("sample corpus has %d files, want at least 5 articles", len(names))
	}
	dir := t.TempDir()
	if err := WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatalf("WriteTo did not write %s: %v", n, err)
		}
		if !strings.ContainsAny(string(b), "“\"") {
			t.Errorf("%s has no quotes; a sample article should show what the tool finds", n)
		}
	}
}
