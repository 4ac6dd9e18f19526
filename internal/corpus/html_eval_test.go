package corpus

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// comparisonEntry is one page of go-trafilatura's extraction benchmark: strings its main text
// must hold, and boilerplate strings it must not.
type comparisonEntry struct {
	file          string
	with, without []string
}

// trafilaturaDir returns the go-trafilatura module in the module cache, or skips.
func trafilaturaDir(tb testing.TB) string {
	tb.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		tb.Skipf("no module cache: %v", err)
	}
	dirs, _ := filepath.Glob(filepath.Join(strings.TrimSpace(string(out)), "github.com/markusmobius/go-trafilatura@*"))
	if len(dirs) == 0 {
		tb.Skip("go-trafilatura is not in the module cache")
	}
	return dirs[len(dirs)-1]
}

// loadComparison reads the benchmark's expectations from its Go source (scripts/comparison/data.go).
func loadComparison(tb testing.TB, dir string) []comparisonEntry {
	tb.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "scripts/comparison/data.go"), nil, 0)
	if err != nil {
		tb.Skipf("comparison data not readable: %v", err)
	}
	strs := func(e ast.Expr) []string {
		var out []string
		if cl, ok := e.(*ast.CompositeLit); ok {
			for _, el := range cl.Elts {
				if bl, ok := el.(*ast.BasicLit); ok {
					if s, err := strconv.Unquote(bl.Value); err == nil {
						out = append(out, s)
					}
				}
			}
		}
		return out
	}
	var entries []comparisonEntry
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		cl, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return true
		}
		var e comparisonEntry
		for _, el := range cl.Elts {
			field, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch id, _ := field.Key.(*ast.Ident); id.Name {
			case "File":
				if bl, ok := field.Value.(*ast.BasicLit); ok {
					e.file, _ = strconv.Unquote(bl.Value)
				}
			case "With":
				e.with = strs(field.Value)
			case "Without":
				e.without = strs(field.Value)
			}
		}
		if e.file != "" {
			entries = append(entries, e)
			return false
		}
		return true
	})
	return entries
}

// TestExtractHTMLComparison scores ExtractHTML on go-trafilatura's own extraction benchmark (the
// 881 of its 983 real-world pages that the module ships), against trafilatura's defaults and each
// of the choices ExtractHTML makes: a found "with" string is a true positive, a found "without"
// string (boilerplate) a false positive. It takes minutes: set QUOTETONE_EVAL=1 to run it.
func TestExtractHTMLComparison(t *testing.T) {
	if os.Getenv("QUOTETONE_EVAL") == "" {
		t.Skip("evaluation: set QUOTETONE_EVAL=1 to run")
	}
	dir := trafilaturaDir(t)
	entries := loadComparison(t, dir)
	pages := make([][]byte, len(entries))
	for i, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, "test-files/comparison", e.file))
		if err != nil {
			continue
		}
		text, _, err := decodeHTML(b) // as Walk reads an .html file
		if err == nil {
			pages[i] = []byte(text)
		}
	}
	noFallback := htmlOptions()
	noFallback.EnableFallback = false
	baseline := noFallback
	baseline.Config = nil
	configs := []struct {
		name  string
		opts  trafilatura.Options
		prune bool
	}{
		{"trafilatura defaults, no comments", trafilatura.Options{ExcludeComments: true}, false},
		{"+ furniture pruned", trafilatura.Options{ExcludeComments: true}, true},
		{"+ no baseline for short text", noFallback, true},
		{"+ fallback extractors (ExtractHTML)", htmlOptions(), true},
		{"ExtractHTML with baseline", func() trafilatura.Options { o := htmlOptions(); o.Config = nil; return o }(), true},
	}
	for _, c := range configs {
		var tp, fn, fp, tn, empty, failed, n int
		var mu sync.Mutex
		var wg sync.WaitGroup
		sem := make(chan struct{}, 2)
		start := time.Now()
		for i, e := range entries {
			if pages[i] == nil {
				continue
			}
			n++
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				doc, err := extractHTML(Document{HTML: string(pages[i])}, c.opts, c.prune)
				text := strings.Join(strings.Fields(doc.Text), " ")
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					failed++
				}
				if text == "" {
					empty++
				}
				for _, s := range e.with {
					if text != "" && strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
						tp++
					} else {
						fn++
					}
				}
				for _, s := range e.without {
					if text != "" && strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
						fp++
					} else {
						tn++
					}
				}
			}()
		}
		wg.Wait()
		p := float64(tp) / float64(tp+fp)
		r := float64(tp) / float64(tp+fn)
		t.Logf("%-38s pages %d, errors %d, empty %d: precision %.3f recall %.3f F1 %.3f, %.1f ms/page on 2 workers",
			c.name, n, failed, empty, p, r, 2*p*r/(p+r), float64(time.Since(start).Milliseconds())/float64(n))
	}
}
