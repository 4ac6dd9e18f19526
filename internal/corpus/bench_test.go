package corpus

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotetone/quotetone/internal/benchcpu"
)

// bbcDir is the shared evaluation corpus; tests that read it skip when it is absent.
const bbcDir = "../../../shared/data/corpus/bbc"

func needBBC(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(bbcDir); err != nil {
		tb.Skipf("evaluation corpus %s not here (%v)", bbcDir, err)
	}
}

func TestWalkBBC(t *testing.T) {
	needBBC(t)
	var docs, notes, bytes int
	var fails []Failure
	err := Walk(context.Background(), []string{bbcDir}, Options{Extensions: []string{".txt"}}, func(d Document) error {
		docs++
		bytes += len(d.Text)
		if len(d.Notes) > 0 {
			notes++
			if !strings.HasSuffix(d.ID, "sport/199.txt") {
				t.Errorf("Walk(bbc) document %s notes = %q, want none", d.ID, d.Notes)
			}
		}
		return nil
	}, func(f Failure) { fails = append(fails, f) })
	if err != nil || len(fails) > 0 {
		t.Fatalf("Walk(bbc) = %v, failures %v, want none", err, fails)
	}
	// 2,225 articles and the corpus README.TXT (extensions match in any case).
	if docs != 2226 || notes != 1 {
		t.Errorf("Walk(bbc) = %d documents, %d with notes; want 2226 and 1", docs, notes)
	}
	t.Logf("Walk(bbc): %d documents, %d bytes of text", docs, bytes)
}

func BenchmarkWalkBBC(b *testing.B) {
	needBBC(b)
	b.ReportAllocs()
	var size int64
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		size = 0
		n := 0
		err := Walk(context.Background(), []string{bbcDir}, Options{}, func(d Document) error {
			n++
			size += int64(len(d.Text))
			return nil
		}, func(Failure) {})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n), "docs/op")
	}
	b.SetBytes(size)
}

// htmlPages returns the bytes of test pages: ours, and real-world pages shipped with
// go-trafilatura's module, when the module cache has them.
func htmlPages(b *testing.B) [][]byte {
	own, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	pages := [][]byte{own}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return pages
	}
	glob := filepath.Join(strings.TrimSpace(string(out)), "github.com/markusmobius/go-trafilatura@*/test-files/comparison/*.html")
	// The first 200 pages of go-trafilatura's benchmark, decoded as Walk does.
	files, _ := filepath.Glob(glob)
	if len(files) > 200 {
		files = files[:200]
	}
	for _, f := range files {
		if p, err := os.ReadFile(f); err == nil {
			if text, _, err := decodeHTML(p); err == nil {
				pages = append(pages, []byte(text))
			}
		}
	}
	return pages
}

func BenchmarkExtractHTML(b *testing.B) {
	pages := htmlPages(b)
	sets := []struct {
		name  string
		pages [][]byte
	}{{"article.html", pages[:1]}, {"real-world", pages[1:]}}
	for _, set := range sets {
		if len(set.pages) == 0 {
			continue
		}
		b.Run(set.name, func(b *testing.B) {
			var size int64
			for _, p := range set.pages {
				size += int64(len(p))
			}
			b.ReportAllocs()
			b.SetBytes(size / int64(len(set.pages)))
			i := 0
			for b.Loop() {
				ExtractHTML(Document{HTML: string(set.pages[i%len(set.pages)])})
				i++
			}
		})
	}
}

// records returns n JSONL records and the same as CSV, of about 2 KB each.
func records(n int) (jsonl, csvData []byte) {
	var j, c strings.Builder
	c.WriteString("id,title,text\n")
	body := strings.Repeat("The council met again on Tuesday and the talks went on late into the night. ", 25)
	for i := range n {
		text := fmt.Sprintf("“We will keep building,” said Mara Ellison, the mayor, on day %d. %s", i, body)
		fmt.Fprintf(&j, `{"id":"r%d","title":"Day %d","text":%q}`+"\n", i, i, text)
		fmt.Fprintf(&c, "r%d,Day %d,\"%s\"\n", i, i, strings.ReplaceAll(text, `"`, `""`))
	}
	return []byte(j.String()), []byte(c.String())
}

func BenchmarkReadRecords(b *testing.B) {
	jsonl, csvData := records(5000)
	for _, bc := range []struct {
		name string
		data []byte
		fm   format
	}{{"jsonl", jsonl, formatJSONL}, {"csv", csvData, formatCSV}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.data)))
			for b.Loop() {
				n := 0
				w := &walker{ctx: context.Background(), emit: func(Document) error { n++; return nil }, fail: func(f Failure) { b.Fatal(f) }, max: DefaultMaxRecordBytes}
				if err := w.decode(bufio.NewReader(bytes.NewReader(bc.data)), "f", "f", bc.fm); err != nil || n != 5000 {
					b.Fatalf("decode = %v, %d records, want 5000", err, n)
				}
			}
		})
	}
}
