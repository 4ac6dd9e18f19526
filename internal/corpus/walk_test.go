package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// walkResult is what one Walk emitted and reported.
type walkResult struct {
	docs  []Document
	fails []Failure
}

// walkDir runs Walk over inputs (relative to dir unless "-"), with paths in the result made
// relative to dir.
func walkDir(t *testing.T, dir string, inputs []string, opts Options) walkResult {
	t.Helper()
	var full []string
	for _, in := range inputs {
		if in == "-" {
			full = append(full, in)
		} else {
			full = append(full, filepath.Join(dir, in))
		}
	}
	var res walkResult
	err := Walk(context.Background(), full, opts, func(d Document) error {
		d.Path = relTo(dir, d.Path)
		res.docs = append(res.docs, d)
		return nil
	}, func(f Failure) {
		f.Path = relTo(dir, f.Path)
		res.fails = append(res.fails, f)
	})
	if err != nil {
		t.Fatalf("Walk(%q) = %v, want nil", inputs, err)
	}
	return res
}

func relTo(dir, p string) string {
	if r, err := filepath.Rel(dir, p); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return p
}

// docLine summarises a document as `id "text"` (or `id html "…"`), plus its notes.
func docLine(d Document) string {
	s := fmt.Sprintf("%s %q", d.ID, d.Text)
	if d.HTML != "" {
		s = fmt.Sprintf("%s html %q", d.ID, d.HTML)
	}
	for _, n := range d.Notes {
		s += " [" + n + "]"
	}
	return s
}

// utf16LE encodes s as UTF-16LE with a byte order mark (BMP only).
func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// manyBad returns the failures for a file whose first n lines are bad and that is then given up.
func manyBad(path string, n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("%s:%d invalid JSON", path, i))
	}
	return append(out, path+":0 no valid record in the first")
}

// failLine summarises a failure as "path:line".
func failLine(f Failure) string { return fmt.Sprintf("%s:%d", f.Path, f.Line) }

func TestWalk(t *testing.T) {
	quote := "“We will keep building,” said Mara Ellison, the mayor."
	full := gz([]byte(strings.Repeat(`{"id":"z","text":"“Fine,” she said."}`+"\n", 200)))
	tests := []struct {
		name   string
		files  map[string][]byte
		inputs []string
		opts   Options
		docs   []string
		fails  []string // "path:line reason-part"
	}{
		{
			name:   "txt whole file, id relative to folder",
			files:  map[string][]byte{"c/a/one.txt": []byte(quote + "\n"), "c/b.md": []byte("# Head\n\nBody.")},
			inputs: []string{"c"},
			docs:   []string{`a/one.txt "` + quote + `\n"`, `b.md "# Head\n\nBody."`},
		},
		{
			name:   "explicit file id is its base name",
			files:  map[string][]byte{"c/a/one.txt": []byte("One.")},
			inputs: []string{"c/a/one.txt"},
			docs:   []string{`one.txt "One."`},
		},
		{
			name:   "explicit unknown extension read as text, skipped in folders",
			files:  map[string][]byte{"c/notes.text": []byte("Plain."), "c/pic.png": {0x89, 'P', 'N', 'G'}},
			inputs: []string{"c", "c/notes.text"},
			docs:   []string{`notes.text "Plain."`},
		},
		{
			name:   "hidden files and folders skipped",
			files:  map[string][]byte{"c/.git/x.txt": []byte("No."), "c/.y.txt": []byte("No."), "c/z.txt": []byte("Yes.")},
			inputs: []string{"c"},
			docs:   []string{`z.txt "Yes."`},
		},
		{
			name:   "sorted order, inputs in given order, a file read once",
			files:  map[string][]byte{"c/b.txt": []byte("B"), "c/a.txt": []byte("A"), "c/sub/c.txt": []byte("C"), "d.txt": []byte("D")},
			inputs: []string{"d.txt", "c", "c/a.txt"},
			docs:   []string{`d.txt "D"`, `a.txt "A"`, `b.txt "B"`, `sub/c.txt "C"`},
		},
		{
			name:   "overlapping inputs read each file once",
			files:  map[string][]byte{"c/a.txt": []byte("A"), "c/sub/b.txt": []byte("B"), "c/.h.txt": []byte("H"), "c/n.text": []byte("N")},
			inputs: []string{"c/sub", "c", "c/sub/b.txt", "c/.h.txt", "c/n.text", "c/", "./c/sub/../a.txt"},
			docs:   []string{`b.txt "B"`, `a.txt "A"`, `.h.txt "H"`, `n.text "N"`},
		},
		{
			name:   "extensions filter",
			files:  map[string][]byte{"c/a.txt": []byte("A"), "c/b.md": []byte("B"), "c/c.txt.gz": gz([]byte("C"))},
			inputs: []string{"c"},
			opts:   Options{Extensions: []string{"TXT"}},
			docs:   []string{`a.txt "A"`, `c.txt.gz "C"`},
		},
		{
			name:   "exclude patterns",
			files:  map[string][]byte{"c/README.TXT": []byte("R"), "c/a.txt": []byte("A"), "c/drafts/b.txt": []byte("B"), "c/x/drafts.txt": []byte("D"), "c/x/y/z.txt": []byte("Z")},
			inputs: []string{"c", "c/README.TXT"},
			opts:   Options{Exclude: []string{"README*", "drafts", "x/y/*", "[bad"}},
			docs:   []string{`a.txt "A"`, `x/drafts.txt "D"`, `README.TXT "R"`},
		},
		{
			name:   "excluded in a folder matched by a glob, then named, is read",
			files:  map[string][]byte{"c/sub/x.txt": []byte("X"), "c/sub/y.txt": []byte("Y")},
			inputs: []string{"c/*", "c/sub/x.txt"},
			opts:   Options{Exclude: []string{"sub/x.txt"}},
			docs:   []string{`sub/y.txt "Y"`, `x.txt "X"`},
		},
		{
			name:   "glob",
			files:  map[string][]byte{"c/x/a.txt": []byte("A"), "c/y/b.txt": []byte("B"), "c/y/b.md": []byte("M"), "c/y/c.pdf": []byte("P"), "c/y/d.text": []byte("T")},
			inputs: []string{"c/*/*.txt", "c/nothing*.txt", "c/y/*", "c/*/*.text"},
			docs:   []string{`x/a.txt "A"`, `y/b.txt "B"`, `b.md "M"`, `y/d.text "T"`},
			fails:  []string{"c/nothing*.txt:0 no file matches"},
		},
		{
			name:   "glob wildcards pass over hidden names, as the shell's do",
			files:  map[string][]byte{"c/a.txt": []byte("A"), "c/.git/x.txt": []byte("G"), "c/.notes.txt": []byte("N"), "d/.keep/k.txt": []byte("K")},
			inputs: []string{"c/*", "c/*.txt", "d/.*/*.txt"},
			docs:   []string{`a.txt "A"`, `.keep/k.txt "K"`},
		},
		{
			name:   "missing input",
			inputs: []string{"nope.txt"},
			fails:  []string{"nope.txt:0 no such file"},
		},
		{
			name:   "BOM and CRLF",
			files:  map[string][]byte{"a.txt": []byte("\xEF\xBB\xBFLine one.\r\nLine two.\rEnd.")},
			inputs: []string{"a.txt"},
			docs:   []string{`a.txt "Line one.\nLine two.\nEnd." [UTF-8 byte order mark removed] [CRLF and CR line endings converted to LF]`},
		},
		{
			name:   "UTF-16LE with BOM",
			files:  map[string][]byte{"a.txt": {0xFF, 0xFE, 'H', 0, 'i', 0, 0x1C, 0x20, 'x', 0, 0x1D, 0x20}},
			inputs: []string{"a.txt"},
			docs:   []string{`a.txt "Hi“x”" [decoded from UTF-16LE]`},
		},
		{
			name:   "invalid UTF-8 repaired as Windows-1252",
			files:  map[string][]byte{"a.txt": []byte("A \xa315m fee, \x93quoted\x94 and caf\xe9.")},
			inputs: []string{"a.txt"},
			docs:   []string{`a.txt "A £15m fee, “quoted” and café." [invalid UTF-8 repaired: 4 bytes read as Windows-1252]`},
		},
		{
			name:   "sparse NUL bytes removed",
			files:  map[string][]byte{"a.txt": []byte("Some text\x00 with a stray NUL byte in the middle of a sentence.")},
			inputs: []string{"a.txt"},
			docs:   []string{`a.txt "Some text with a stray NUL byte in the middle of a sentence." [1 NUL bytes removed]`},
		},
		{
			name:   "binary file",
			files:  map[string][]byte{"c/img.txt": append([]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0x1a}, bytes.Repeat([]byte{0, 1, 2, 0xff}, 50)...), "c/ok.txt": []byte("Ok.")},
			inputs: []string{"c"},
			docs:   []string{`ok.txt "Ok."`},
			fails:  []string{"c/img.txt:0 binary file"},
		},
		{
			name:   "empty and blank files",
			files:  map[string][]byte{"c/empty.txt": {}, "c/blank.md": []byte(" \n\t\n"), "c/e.jsonl": {}, "c/e.csv": {}},
			inputs: []string{"c"},
			fails:  []string{"c/blank.md:0 only blank", "c/e.csv:0 empty file", "c/e.jsonl:0 empty file", "c/empty.txt:0 empty file"},
		},
		{
			name: "jsonl records, ids, bad lines",
			files: map[string][]byte{"c/day.jsonl": []byte(
				"\xEF\xBB\xBF{\"id\":\"r1\",\"text\":\"One.\\r\\nTwo.\",\"title\":\"T\",\"date\":\"2025-01-02\",\"source\":\"S\",\"url\":\"http://x\",\"extra\":[1,2]}\r\n" +
					"\n" +
					"{\"text\":\"No id.\"}\n" +
					"{\"id\":\"r3\",\"text\":\"broken\"\n" +
					"[1,2,3]\n" +
					"{\"id\":7,\"text\":\"Numeric id.\"}\n" +
					"{\"id\":\"r5\",\"text\":\"\"}\n" +
					"{\"id\":\"r6\",\"text\":{\"a\":1}}\n" +
					"{\"id\":\"r7\",\"html\":\"<p>Page.</p>\"}\n" +
					"{\"id\":\"r8\",\"text\":\"caf\xe9\"}")},
			inputs: []string{"c"},
			docs: []string{`r1 "One.\r\nTwo."`, `day.jsonl:3 "No id."`, `7 "Numeric id."`, `r7 html "<p>Page.</p>"`,
				`r8 "café" [invalid UTF-8 repaired: 1 bytes read as Windows-1252]`},
			fails: []string{"c/day.jsonl:4 invalid JSON", "c/day.jsonl:5 not an object", "c/day.jsonl:7 no text", `c/day.jsonl:8 field "text" is a JSON object`},
		},
		{
			name:   "jsonl line over the limit",
			files:  map[string][]byte{"a.jsonl": []byte(`{"id":"big","text":"` + strings.Repeat("x", 200) + `"}` + "\n" + `{"id":"small","text":"ok"}`)},
			inputs: []string{"a.jsonl"},
			opts:   Options{MaxRecordBytes: 100},
			docs:   []string{`small "ok"`},
			fails:  []string{"a.jsonl:1 longer than 100 bytes"},
		},
		{
			name:   "jsonl that is not jsonl",
			files:  map[string][]byte{"a.jsonl": []byte(strings.Repeat("plain text line\n", 500))},
			inputs: []string{"a.jsonl"},
			fails:  manyBad("a.jsonl", 100),
		},
		{
			name:   "text file over the limit",
			files:  map[string][]byte{"c/big.txt": bytes.Repeat([]byte("word "), 100), "c/small.txt": []byte("ok")},
			inputs: []string{"c"},
			opts:   Options{MaxRecordBytes: 100},
			docs:   []string{`small.txt "ok"`},
			fails:  []string{"c/big.txt:0 larger than 100 bytes"},
		},
		{
			name:   "binary jsonl",
			files:  map[string][]byte{"a.jsonl": bytes.Repeat([]byte{0, 1, 2, 3, '\n'}, 100)},
			inputs: []string{"a.jsonl"},
			fails:  []string{"a.jsonl:1 binary file"},
		},
		{
			name:   "truncated gzip keeps records before it",
			files:  map[string][]byte{"a.jsonl.gz": full[:len(full)/2], "b.txt.gz": gz([]byte("Whole text"))[:20], "c.ndjson.gz": []byte("not gzip at all")},
			inputs: []string{"a.jsonl.gz", "b.txt.gz", "c.ndjson.gz"},
			fails:  []string{"a.jsonl.gz:0 truncated or corrupt gzip data", "b.txt.gz:0 truncated or corrupt gzip data", "c.ndjson.gz:0 not gzip data"},
		},
		{
			name: "csv rows, missing columns, quoting",
			files: map[string][]byte{"c/a.csv": []byte("\xEF\xBB\xBFID,Title,Text,Extra\r\n" +
				"a1,T1,\"He said \"\"yes\"\".\r\nNext line.\",x\r\n" +
				"a2,T2\r\n" +
				",T3,No id here,,,\r\n" +
				"a4,T4,,x\r\n" +
				"a5,T5,bare \"quote\" kept,x\r\n")},
			inputs: []string{"c"},
			docs:   []string{`a1 "He said \"yes\".\nNext line."`, `a.csv:5 "No id here"`},
			fails:  []string{"c/a.csv:4 row has 2 fields, header has 4", "c/a.csv:6 empty text", "c/a.csv:7 CSV quoting error"},
		},
		{
			name:   "csv without text column, tsv",
			files:  map[string][]byte{"c/a.csv": []byte("id,body\n1,x\n"), "c/b.tsv": []byte("id\ttext\tdate\nt1\tTab \"separated\".\t2025-05-01\n"), "c/h.csv": []byte("id,text\n")},
			inputs: []string{"c"},
			docs:   []string{`t1 "Tab \"separated\"."`},
			fails:  []string{"c/a.csv:1 header has no text column", "c/h.csv:0 header but no rows"},
		},
		{
			name:   "csv unclosed quote is reported, not swallowed",
			files:  map[string][]byte{"a.csv": []byte("id,text\n1,\"Never closed\n2,Second\n3,Third\n")},
			inputs: []string{"a.csv"},
			fails:  []string{"a.csv:2 CSV quoting error"},
		},
		{
			name:   "csv quoting error in the header is named",
			files:  map[string][]byte{"a.csv": []byte("id,\"text\n1,One\n"), "b.csv": []byte("id,te\"xt\n1,One\n"), "c.csv": []byte("text,ti\"tle\nOne,T\n")},
			inputs: []string{"a.csv", "b.csv", "c.csv"},
			fails:  []string{"a.csv:1 CSV quoting error in the header", "b.csv:1 CSV quoting error in the header", "c.csv:1 CSV quoting error in the header"},
		},
		{
			name:   "csv header over the limit",
			files:  map[string][]byte{"a.csv": []byte("id,\"text" + strings.Repeat(" long", 100) + "\n1,One\n")},
			inputs: []string{"a.csv"},
			opts:   Options{MaxRecordBytes: 200},
			fails:  []string{"a.csv:1 header is longer than 200 bytes"},
		},
		{
			name:   "csv record over the limit",
			files:  map[string][]byte{"a.csv": []byte("id,text\n1,short\n2,\"" + strings.Repeat("long ", 3000) + "\"\n3,after\n")},
			inputs: []string{"a.csv"},
			opts:   Options{MaxRecordBytes: 200},
			docs:   []string{`1 "short"`},
			fails:  []string{"a.csv:3 longer than 200 bytes"},
		},
		{
			name:   "tsv has no quoting",
			files:  map[string][]byte{"a.tsv": []byte("\xEF\xBB\xBFID\tText\r\n\r\n1\t\"Yes,\" he said.\r\n2\t\"Open quote\r\n3\tTwo\tmany\r\n4\tcaf\xe9\n")},
			inputs: []string{"a.tsv"},
			docs:   []string{`1 "\"Yes,\" he said."`, `2 "\"Open quote"`, `4 "café" [text: invalid UTF-8 repaired: 1 bytes read as Windows-1252]`},
			fails:  []string{"a.tsv:5 row has 3 fields"},
		},
		{
			name:   "UTF-16 record files",
			files:  map[string][]byte{"a.tsv": utf16LE("id\ttext\r\n1\t“Yes,” she said.\r\n"), "b.jsonl": utf16LE(`{"id":"j","text":"Ünï"}` + "\n"), "c.csv.gz": gz(utf16LE("text\nRow\n"))},
			inputs: []string{"a.tsv", "b.jsonl", "c.csv.gz"},
			docs:   []string{`1 "“Yes,” she said." [decoded from UTF-16LE]`, `j "Ünï" [decoded from UTF-16LE]`, `c.csv.gz:2 "Row" [decoded from UTF-16LE]`},
		},
		{
			name:   "html kept raw",
			files:  map[string][]byte{"p.HTML": []byte("<p>Hi</p>\r\n")},
			inputs: []string{"p.HTML"},
			docs:   []string{`p.HTML html "<p>Hi</p>\n" [CRLF line endings converted to LF]`},
		},
		{
			name:   "html page saved as text",
			files:  map[string][]byte{"p.txt": []byte("\n<!DOCTYPE html><p>Hi</p>"), "q.md": []byte("<p>Not a page</p>")},
			inputs: []string{"p.txt", "q.md"},
			docs:   []string{`p.txt html "\n<!DOCTYPE html><p>Hi</p>" [HTML page in a text file: read as HTML]`, `q.md "<p>Not a page</p>"`},
		},
		{
			name:   "html in a declared charset",
			files:  map[string][]byte{"p.htm": []byte(`<meta charset="iso-8859-15"><p>Co` + "\xfbt \xa4" + `</p>`)},
			inputs: []string{"p.htm"},
			docs:   []string{`p.htm html "<meta charset=\"iso-8859-15\"><p>Coût €</p>" [decoded from iso-8859-15 as the page declares]`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			res := walkDir(t, dir, tt.inputs, tt.opts)
			checkResult(t, tt.inputs, res, tt.docs, tt.fails)
		})
	}
}

func checkResult(t *testing.T, inputs []string, res walkResult, docs, fails []string) {
	t.Helper()
	var got []string
	for _, d := range res.docs {
		got = append(got, docLine(d))
	}
	if strings.Join(got, "\n") != strings.Join(docs, "\n") {
		t.Errorf("Walk(%q) documents =\n%s\nwant\n%s", inputs, strings.Join(got, "\n"), strings.Join(docs, "\n"))
	}
	if len(res.fails) != len(fails) {
		t.Errorf("Walk(%q) failures = %d %v, want %d %q", inputs, len(res.fails), res.fails, len(fails), fails)
		return
	}
	for i, f := range res.fails {
		pos, part, _ := strings.Cut(fails[i], " ")
		if failLine(f) != pos || !strings.Contains(f.Reason, part) {
			t.Errorf("Walk(%q) failure %d = %s %q, want %s containing %q", inputs, i, failLine(f), f.Reason, pos, part)
		}
	}
}

func TestWalkGzipTruncatedKeepsEarlierRecords(t *testing.T) {
	dir := t.TempDir()
	var src bytes.Buffer
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&src, `{"id":"r%d","text":"Record number %d says “hello” to the reader."}`+"\n", i, i)
	}
	z := gz(src.Bytes())
	writeFiles(t, dir, map[string][]byte{"a.jsonl.gz": z[:len(z)*3/4]})
	res := walkDir(t, dir, []string{"a.jsonl.gz"}, Options{})
	if len(res.docs) < 100 || len(res.docs) >= 2000 {
		t.Errorf("Walk(truncated gzip) = %d documents, want most of 2000 but not all", len(res.docs))
	}
	for i, d := range res.docs {
		if want := fmt.Sprintf("r%d", i+1); d.ID != want || d.Line != i+1 {
			t.Fatalf("Walk(truncated gzip) document %d = %s line %d, want %s line %d", i, d.ID, d.Line, want, i+1)
		}
	}
	if len(res.fails) != 1 || !strings.Contains(res.fails[0].Reason, fmt.Sprintf("after line %d", len(res.docs))) {
		t.Errorf("Walk(truncated gzip) failures = %v, want one naming line %d", res.fails, len(res.docs))
	}
}

func TestWalkHugeJSONLLine(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("All work and no play. ", 500_000) // 11 MB
	line := `{"id":"huge","text":"` + text + `"}` + "\n" + `{"id":"next","text":"After."}` + "\n"
	writeFiles(t, dir, map[string][]byte{"big.jsonl": []byte(line)})
	res := walkDir(t, dir, []string{"big.jsonl"}, Options{})
	if len(res.docs) != 2 || len(res.fails) != 0 {
		t.Fatalf("Walk(10 MB line) = %d documents, %v, want 2 and no failures", len(res.docs), res.fails)
	}
	if res.docs[0].Text != text || res.docs[1].ID != "next" || res.docs[1].Line != 2 {
		t.Errorf("Walk(10 MB line) = %d bytes, then %s line %d; want %d bytes, then next line 2", len(res.docs[0].Text), res.docs[1].ID, res.docs[1].Line, len(text))
	}
}

func TestWalkSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"c/a.txt": []byte("A"), "other/b.txt": []byte("B")})
	links := map[string]string{
		"c/loop":     ".",        // the folder itself: loop
		"c/self.txt": "self.txt", // points at itself
		"c/gone.txt": "nowhere",  // broken
		"c/other":    "../other", // a real folder elsewhere: followed
		"c/again":    "loop",     // through another link back to c
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symlinks here: %v", err)
		}
	}
	res := walkDir(t, dir, []string{"c"}, Options{})
	docs := []string{`a.txt "A"`, `other/b.txt "B"`}
	fails := []string{"c/again:0 symlink loop", "c/gone.txt:0 broken symlink", "c/loop:0 symlink loop", "c/self.txt:0 symlink loop"}
	checkResult(t, []string{"c"}, res, docs, fails)
}

func TestWalkUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: chmod 000 does not stop root from reading")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"c/a.txt": []byte("A"), "c/secret.txt": []byte("S"), "c/locked/b.txt": []byte("B")})
	if err := os.Chmod(filepath.Join(dir, "c/secret.txt"), 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "c/locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "c/locked"), 0o755) })
	res := walkDir(t, dir, []string{"c"}, Options{})
	checkResult(t, []string{"c"}, res, []string{`a.txt "A"`}, []string{"c/locked:0 permission denied", "c/secret.txt:0 permission denied"})
}

func TestWalkStdin(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		format string
		docs   []string
	}{
		{"text", []byte("Plain “text”.\r\n"), "", []string{`stdin "Plain “text”.\n" [CRLF line endings converted to LF]`}},
		{"jsonl sniffed", []byte("\n  {\"text\":\"A\"}\n{\"id\":\"b\",\"text\":\"B\"}\n"), "", []string{`stdin:2 "A"`, `b "B"`}},
		{"html sniffed", []byte("<html><p>x</p></html>"), "", []string{`stdin html "<html><p>x</p></html>"`}},
		{"gzip sniffed", gz([]byte(`{"id":"g","text":"G"}`)), "", []string{`g "G"`}},
		{"csv by format", []byte("text\nRow.\n"), "csv", []string{`stdin:2 "Row."`}},
		{"gz csv by format", gz([]byte("text\nRow.\n")), ".csv.gz", []string{`stdin:2 "Row."`}},
		{"utf-16 jsonl sniffed", utf16LE(" {\"id\":\"u\",\"text\":\"“Ja,” sagte sie.\"}\r\n{\"text\":\"B\"}\r\n"), "", []string{`u "“Ja,” sagte sie." [decoded from UTF-16LE]`, `stdin:2 "B" [decoded from UTF-16LE]`}},
		{"utf-16 html sniffed", utf16LE("\n<p>x</p>"), "", []string{`stdin html "\n<p>x</p>" [decoded from UTF-16LE]`}},
		{"utf-16 text sniffed", utf16LE("Plain."), "", []string{`stdin "Plain." [decoded from UTF-16LE]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := walkDir(t, t.TempDir(), []string{"-"}, Options{Stdin: bytes.NewReader(tt.in), StdinFormat: tt.format})
			checkResult(t, []string{"-"}, res, tt.docs, nil)
			for _, d := range res.docs {
				if d.Path != "-" {
					t.Errorf("Walk(-) path = %q, want -", d.Path)
				}
			}
		})
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"a.txt": []byte("A"), "b.txt": []byte("B"), "c.jsonl": []byte("{\"text\":\"1\"}\n{\"text\":\"2\"}\n")})
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(Document) error {
		n++
		return stop
	}, func(Failure) {})
	if err != stop || n != 1 {
		t.Errorf("Walk with failing emit = %v after %d documents, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = Walk(ctx, []string{filepath.Join(dir, "c.jsonl"), dir}, Options{}, func(Document) error {
		n++
		cancel()
		return nil
	}, func(Failure) {})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("Walk with cancelled context = %v after %d documents, want context.Canceled after 1", err, n)
	}
}

func TestWalkSkipped(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"a.txt": []byte("A"), "b.pdf": []byte("%PDF"), ".hidden.txt": []byte("H")})
	var got []string
	opts := Options{Skipped: func(p, reason string) { got = append(got, relTo(dir, p)+": "+reason) }}
	walkDir(t, dir, []string{".", "a.txt"}, opts)
	want := []string{".hidden.txt: hidden name", "b.pdf: unsupported extension", "a.txt: already read"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Walk skipped = %q, want %q", got, want)
	}
}

func TestRelID(t *testing.T) {
	tests := []struct{ root, path, want string }{
		{"c", filepath.Join("c", "sub", "a.txt"), "sub/a.txt"},
		{"c", filepath.Join("c", "..d", "a.txt"), "..d/a.txt"},
		{"c", filepath.Join("c", "..a.txt"), "..a.txt"},
		{filepath.Join("c", "x"), filepath.Join("c", "y", "a.txt"), "a.txt"},
	}
	for _, tt := range tests {
		if got := relID(tt.root, tt.path); got != tt.want {
			t.Errorf("relID(%q, %q) = %q, want %q", tt.root, tt.path, got, tt.want)
		}
	}
}

func TestGlobRoot(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"*.txt", "."},
		{"c/*/a.txt", "c"},
		{"c/x/*.txt", "c/x"},
		{"/data/20[0-9][0-9]/*", "/data"},
	}
	if runtime.GOOS == "windows" {
		// The ? of a Root Local Device path is part of its volume name, not a glob character.
		tests = []struct{ pattern, want string }{
			{`C:\data\*\a.txt`, `C:\data`},
			{`\\?\C:\data\*.txt`, `\\?\C:\data`},
			{`\\?\C:\*.txt`, `\\?\C:\`},
		}
	}
	for _, tt := range tests {
		done := make(chan string, 1)
		go func() { done <- globRoot(filepath.FromSlash(tt.pattern)) }()
		select {
		case got := <-done:
			if want := filepath.FromSlash(tt.want); got != want {
				t.Errorf("globRoot(%q) = %q, want %q", tt.pattern, got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("globRoot(%q) did not return", tt.pattern)
		}
	}
}
