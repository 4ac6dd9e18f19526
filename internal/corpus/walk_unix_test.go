//go:build unix

package corpus

import (
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

func TestWalkSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"a.txt": []byte("A")})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	var skipped []string
	res := walkDir(t, dir, []string{"."}, Options{Skipped: func(p, reason string) { skipped = append(skipped, relTo(dir, p)+": "+reason) }})
	checkResult(t, []string{"."}, res, []string{`a.txt "A"`}, nil)
	if want := []string{"pipe.txt: not a regular file"}; !slices.Equal(skipped, want) {
		t.Errorf("Walk(folder with a pipe) skipped %q, want %q", skipped, want)
	}
}
