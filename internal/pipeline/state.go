package pipeline

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/quotetone/quotetone/internal/corpus"
	"github.com/quotetone/quotetone/internal/report"
)

// State remembers which documents earlier runs processed, by id and content hash, so that an
// incremental nightly run skips what is unchanged. Its file is plain text, one
// "hash<TAB>id" line per document, sorted by id.
type State struct {
	path string
	seen map[string]string // id → content hash
	mu   sync.Mutex
}

// OpenState reads the state file at path; a missing file is an empty state.
func OpenState(path string) (*State, error) {
	s := &State{path: path, seen: map[string]string{}}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read state: %w", err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if line = strings.TrimRight(line, "\r\n"); line != "" {
			hash, id, ok := strings.Cut(line, "\t")
			if !ok {
				return nil, fmt.Errorf("%s:%d: want hash<TAB>id; delete the file to start afresh", path, n)
			}
			s.seen[id] = hash
		}
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read state: %w", err)
		}
	}
}

// contentHash identifies what a document says, whatever its id.
func contentHash(d *corpus.Document) string {
	h := sha256.New()
	io.WriteString(h, d.Title)
	h.Write([]byte{0})
	io.WriteString(h, d.Text)
	h.Write([]byte{0})
	io.WriteString(h, d.HTML)
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// Done reports whether d was processed before with the same content; it does not record d.
func (s *State) Done(d *corpus.Document) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.seen[d.ID]
	return ok && h == contentHash(d)
}

// Record notes d as processed.
func (s *State) Record(d *corpus.Document) {
	h := contentHash(d)
	s.mu.Lock()
	s.seen[d.ID] = h
	s.mu.Unlock()
}

// Forget removes a document that failed, so the next run tries it again.
func (s *State) Forget(id string) {
	s.mu.Lock()
	delete(s.seen, id)
	s.mu.Unlock()
}

// Save writes the state atomically.
func (s *State) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(s.seen))
	for id := range s.seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// A new --state FILE may name a folder that does not exist yet, as -o may.
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	f, err := report.CreateAtomic(s.path)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if strings.ContainsAny(id, "\n\r") {
			continue // such an id cannot be stored on one line; it is processed every night
		}
		fmt.Fprintf(f, "%s\t%s\n", s.seen[id], id)
	}
	return f.Commit()
}
