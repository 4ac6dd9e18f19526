// Package corpustest writes corpora that mix good articles with every kind of bad input the
// corpus reader must survive, and says what a run over them must find, for end-to-end tests.
package corpustest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// A Quote is a direct quote a run must find.
type Quote struct {
	DocID   string // the id of the document it is in
	Text    string // the quoted words, marks excluded
	Speaker string // the full name of who says it
}

// Matches reports whether a found quote is q's text, ignoring surrounding white space and
// punctuation (extractors differ on whether "building," keeps its comma).
func (q Quote) Matches(found string) bool {
	return trimPunct(found) == trimPunct(q.Text)
}

func trimPunct(s string) string {
	return strings.Trim(s, " \t\n.,;:!?")
}

// A Bad input is a file or record that a run must report as failed.
type Bad struct {
	Path string // slash-separated, relative to the corpus folder
	Line int    // 1-based record line, 0 for the whole file
	Kind string // what is wrong with it
}

// Position returns "path:line", or "path" when Line is 0.
func (b Bad) Position() string {
	if b.Line > 0 {
		return fmt.Sprintf("%s:%d", b.Path, b.Line)
	}
	return b.Path
}

// Expect is what a run over the corpus folder (given as one input) must give.
type Expect struct {
	// Documents is the number of good documents: each must be read and processed once.
	Documents int
	// Quotes must all be found, each in its document.
	Quotes []Quote
	// Forbidden are quoted words that must never be found: page boilerplate (navigation,
	// scripts, cookie banners, footers, comment forms) and the words of bad records.
	Forbidden []string
	// Bad inputs must each be reported, with their path (and line for records).
	Bad []Bad
	// Noted are the ids of good documents that must carry a repair note (invalid UTF-8, NUL
	// bytes, UTF-16, byte order mark and CRLF, HTML saved as text).
	Noted []string
	// HTML are the ids of documents whose text comes from HTML (files or JSONL "html").
	HTML []string
	// Skipped are files and folders that are neither documents nor failures (unsupported
	// extension, hidden name).
	Skipped []string
}

// WriteBadCorpus writes variant 0 of the bad corpus into dir (which it creates) and returns what a
// run over dir must give. The corpus holds about 10.5 MB, most of it one 10 MB JSONL line.
func WriteBadCorpus(dir string) (Expect, error) {
	return WriteVariant(dir, 0)
}

// WriteVariant writes a bad corpus with the same kinds of input as WriteBadCorpus but, for each
// variant, other speakers, quotes and file names, so that a run can be checked on a corpus it was
// not tuned on.
func WriteVariant(dir string, variant int) (Expect, error) {
	g := &gen{dir: dir, v: variant}
	g.write()
	if g.err != nil {
		return Expect{}, g.err
	}
	return g.exp, nil
}

// gen accumulates files and expectations; the first error stops it.
type gen struct {
	dir string
	v   int
	exp Expect
	err error
	n   int // quotes handed out
}

// speakers and sayings are written for this package.
var speakers = []struct{ name, role, surname string }{
	{"Mara Ellison", "the mayor", "Ellison"},
	{"Dev Anand", "a councillor", "Anand"},
	{"Ana Ruiz", "the port director", "Ruiz"},
	{"Tomas Reed", "the union leader", "Reed"},
	{"Lena Fischer", "the finance minister", "Fischer"},
	{"Kofi Mensah", "the league chairman", "Mensah"},
	{"Priya Natarajan", "the chief executive", "Natarajan"},
	{"Owen Hale", "the head teacher", "Hale"},
	{"Sofia Lindqvist", "the health secretary", "Lindqvist"},
	{"Ravi Chandran", "an economist at the institute", "Chandran"},
	{"Helen Okafor", "the transport commissioner", "Okafor"},
	{"Jonas Berg", "the opposition leader", "Berg"},
}

var sayings = []string{
	"We will keep building, and we will do it together",
	"Nobody wanted another winter with the wall in pieces",
	"The numbers were never shown to the public",
	"This budget protects the services people rely on",
	"We are ready to talk as soon as the other side is",
	"The players deserve a season without these delays",
	"Our customers will see lower prices by the summer",
	"Every child in this town deserves a warm classroom",
	"The waiting lists are finally getting shorter",
	"Growth will stay weak unless investment picks up",
	"The new trains will run every ten minutes",
	"This plan was rushed through without any scrutiny",
	"I have never seen the harbour this busy before",
	"We found common ground after a long night of talks",
	"The report leaves too many questions unanswered",
	"Families should not have to choose between heating and eating",
}

// quote returns the next speaker and saying for a good document.
func (g *gen) quote(docID string) (Quote, string, string) {
	i := g.n + 5*g.v
	g.n++
	s := speakers[i%len(speakers)]
	q := Quote{DocID: docID, Text: sayings[(i*7+g.v)%len(sayings)], Speaker: s.name}
	g.exp.Quotes = append(g.exp.Quotes, q)
	return q, s.role, s.surname
}

func (g *gen) name(base string) string {
	if g.v == 0 {
		return base
	}
	ext := ""
	for _, e := range []string{".jsonl.gz", ".ndjson.gz", ".txt.gz", ".csv", ".tsv", ".jsonl", ".txt", ".md", ".html", ".png"} {
		if strings.HasSuffix(base, e) {
			ext = e
			break
		}
	}
	return fmt.Sprintf("%s-v%d%s", strings.TrimSuffix(base, ext), g.v, ext)
}

func (g *gen) file(rel string, b []byte) {
	if g.err != nil {
		return
	}
	p := filepath.Join(g.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.err = err
		return
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		g.err = err
	}
}

func (g *gen) good(id string, noted bool) {
	g.exp.Documents++
	if noted {
		g.exp.Noted = append(g.exp.Noted, id)
	}
}

func (g *gen) bad(rel string, line int, kind string) {
	g.exp.Bad = append(g.exp.Bad, Bad{Path: rel, Line: line, Kind: kind})
}

// article returns a short news text around q, with paragraphs separated by blank lines.
func article(q Quote, role, surname string) string {
	return fmt.Sprintf("The council met on Tuesday evening to settle a question that has divided the town for months.\n\n"+
		"“%s,” said %s, %s, after the meeting.\n\n"+
		"Officials said the details would be published next week. %s did not take questions.\n",
		q.Text, q.Speaker, role, surname)
}

func (g *gen) write() {
	g.writeText()
	g.writeHTML()
	g.writeJSONL()
	g.writeCSV()
	g.writeBadFiles()
	g.writeLinks()
}

func (g *gen) writeText() {
	// UTF-8 with a byte order mark and CRLF line endings.
	rel := g.name("articles/harbour.txt")
	q, role, sur := g.quote(rel)
	text := strings.ReplaceAll(article(q, role, sur), "\n", "\r\n")
	g.file(rel, append([]byte("\xEF\xBB\xBF"), text...))
	g.good(rel, true)

	// Markdown with straight quotes and an introduced speaker.
	rel = g.name("articles/budget.md")
	q, role, _ = g.quote(rel)
	g.file(rel, fmt.Appendf(nil, "# Budget day\n\nThe budget was presented at noon.\n\n%s, %s, said: \"%s.\"\n", q.Speaker, role, q.Text))
	g.good(rel, false)

	// A scraped page saved with a .txt extension: read as HTML, so its menus never give quotes.
	rel = g.name("articles/scraped.txt")
	q, role, _ = g.quote(rel)
	g.file(rel, fmt.Appendf(nil, `<!DOCTYPE html>
<html><head><title>Ferry service returns</title><script>var s = "“Scripts in saved pages are never text,” said js";</script></head>
<body><nav><a href="/">Home</a> <a href="/x">“Menus in saved pages are never text”</a></nav>
<article><h1>Ferry service returns</h1><p>The island ferry will run again from Monday after a month of repairs to the landing stage.</p>
<p>“%s,” said %s, %s, at the landing stage.</p></article>
<footer>“Footers in saved pages are never text,” says the footer.</footer></body></html>
`, q.Text, q.Speaker, role))
	g.good(rel, true)
	g.exp.HTML = append(g.exp.HTML, rel)
	g.exp.Forbidden = append(g.exp.Forbidden, "Scripts in saved pages are never text", "Menus in saved pages are never text", "Footers in saved pages are never text")

	// A gzipped text file.
	rel = g.name("articles/ferry.txt.gz")
	q, role, sur = g.quote(rel)
	g.file(rel, gz([]byte(article(q, role, sur))))
	g.good(rel, false)
}

func (g *gen) writeHTML() {
	rel := g.name("articles/page.html")
	q1, role1, _ := g.quote(rel)
	q2, role2, sur2 := g.quote(rel)
	junk := []string{
		"Subscribe today and save half",
		"We value your privacy and use cookies",
		"Opinion and analysis from our writers",
		"Read our most shared stories of the week",
		"This is the worst article I have read",
		"Required fields are marked with a star",
		"Local news that matters to you",
	}
	g.exp.Forbidden = append(g.exp.Forbidden, junk...)
	page := fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Talks resume at the harbour | The Lakeside Courier</title>
<meta property="og:title" content="Talks resume at the harbour">
<meta property="og:site_name" content="The Lakeside Courier">
<meta property="article:published_time" content="2025-04-02T07:00:00Z">
<script>var promo = "“%s,” said the banner.";</script>
</head><body>
<div class="cookie-banner"><p>“%s,” says our notice. <button>Accept</button></p></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/opinion">“%s”</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Talks resume at the harbour</h1>
<p>Negotiators returned to the harbour office on Wednesday after a break of two weeks, with both sides saying a deal was close but not yet done.</p>
<p>“%s,” said %s, %s, as she arrived for the first session of the day.</p>
<p>The dispute concerns the cost of repairs and who should pay for them, a question that has stalled three earlier rounds of talks.</p>
<p>%s, %s, was less hopeful. “%s,” %s said.</p>
<aside class="related"><p>“%s,” says the sidebar.</p></aside>
</article>
<section id="comments"><h2>2 thoughts</h2><ol class="comment-list"><li><p>“%s,” wrote a reader.</p></li></ol>
<div id="respond"><h3>Leave a Reply</h3><form><p>“%s”</p><textarea name="comment"></textarea></form></div></section>
</main>
<footer><p>“%s,” is our motto. All rights reserved.</p></footer>
</body></html>
`, junk[0], junk[1], junk[2], q1.Text, q1.Speaker, role1, q2.Speaker, role2, q2.Text, sur2, junk[3], junk[4], junk[5], junk[6])
	g.file(rel, []byte(page))
	g.good(rel, false)
	g.exp.HTML = append(g.exp.HTML, rel)
}

func jsonLine(fields map[string]string) string {
	b, _ := json.Marshal(fields)
	return string(b) + "\n"
}

func (g *gen) writeJSONL() {
	rel := g.name("feeds/day.jsonl")
	var b strings.Builder
	// 1: good, with id and metadata.
	q, role, sur := g.quote(fmt.Sprintf("day-%d-1", g.v))
	b.WriteString(jsonLine(map[string]string{"id": q.DocID, "title": "Harbour vote", "date": "2025-03-14", "source": "Courier", "text": article(q, role, sur), "extra": "ignored"}))
	g.good(q.DocID, false)
	// 2: good, no id.
	q, role, sur = g.quote(rel + ":2")
	b.WriteString(jsonLine(map[string]string{"text": article(q, role, sur)}))
	g.good(q.DocID, false)
	// 3: malformed JSON.
	b.WriteString(`{"id":"broken","text":"“Broken records are never read,” said nobody.` + "\n")
	g.bad(rel, 3, "malformed JSONL line")
	g.exp.Forbidden = append(g.exp.Forbidden, "Broken records are never read")
	// 4: no text.
	b.WriteString(`{"id":"no-text","title":"Nothing here","text":""}` + "\n")
	g.bad(rel, 4, "JSONL record without text")
	// 5: blank line, skipped without a failure.
	b.WriteString("   \n")
	// 6: invalid UTF-8: Windows-1252 curly quotes and an accent.
	q, role, _ = g.quote(fmt.Sprintf("day-%d-6", g.v))
	b.WriteString(`{"id":"` + q.DocID + `","text":"The caf` + "\xe9" + ` owner listened. ` + "\x93" + q.Text + ",\x94 said " + q.Speaker + ", " + role + `."}` + "\n")
	g.good(q.DocID, true)
	// 7: an html record: the pipeline extracts its text.
	q, _, _ = g.quote(fmt.Sprintf("day-%d-7", g.v))
	b.WriteString(jsonLine(map[string]string{"id": q.DocID, "html": "<html><body><nav><a href='/'>Home</a></nav><article><p>The committee met again on Monday.</p><p>“" +
		q.Text + ",” said " + q.Speaker + ".</p></article><footer>“" + "Local news that matters to you" + "”</footer></body></html>"}))
	g.good(q.DocID, false)
	g.exp.HTML = append(g.exp.HTML, q.DocID)
	// 8: not an object.
	b.WriteString("[\"not\", \"an\", \"object\"]\n")
	g.bad(rel, 8, "JSONL line that is not an object")
	g.file(rel, []byte(b.String()))

	// A gzipped NDJSON file with CRLF line ends.
	rel = g.name("feeds/archive.ndjson.gz")
	var nd strings.Builder
	for i := 1; i <= 2; i++ {
		q, role, sur := g.quote(fmt.Sprintf("archive-%d-%d", g.v, i))
		nd.WriteString(strings.TrimSuffix(jsonLine(map[string]string{"id": q.DocID, "text": article(q, role, sur)}), "\n") + "\r\n")
		g.good(q.DocID, false)
	}
	g.file(rel, gz([]byte(nd.String())))

	g.writeTruncatedJSONL()
	g.writeHugeJSONL()
}

// writeTruncatedJSONL writes a gzipped JSONL file cut at three quarters: the records before the
// cut are good, the cut is a failure.
func (g *gen) writeTruncatedJSONL() {
	rel := g.name("feeds/cut.jsonl.gz")
	var src strings.Builder
	q, role, sur := g.quote(fmt.Sprintf("cut-%d-1", g.v))
	src.WriteString(jsonLine(map[string]string{"id": q.DocID, "text": article(q, role, sur)}))
	for i := 2; i <= 3000; i++ {
		src.WriteString(jsonLine(map[string]string{"id": fmt.Sprintf("cut-%d-%d", g.v, i),
			"text": fmt.Sprintf("Filler report number %d about the weather in district %d, with no quotes at all.", i, i*37%101)}))
	}
	z := gz([]byte(src.String()))
	z = z[:len(z)*3/4]
	g.file(rel, z)
	// Count the records a reader can get before the cut.
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		g.err = fmt.Errorf("truncated gzip: %w", err)
		return
	}
	br := bufio.NewReader(zr)
	n := 0
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			if err == io.EOF || len(line) == 0 || !strings.HasSuffix(line, "\n") {
				break
			}
		}
		n++
	}
	if n < 1 || n >= 3000 {
		g.err = fmt.Errorf("truncated gzip keeps %d of 3000 records, want some but not all", n)
		return
	}
	g.exp.Documents += n
	g.bad(rel, 0, "truncated gzip")
}

// writeHugeJSONL writes a JSONL file whose first line is over 10 MB, with a quote at its end.
func (g *gen) writeHugeJSONL() {
	rel := g.name("feeds/huge.jsonl")
	q, role, _ := g.quote(fmt.Sprintf("huge-%d", g.v))
	var text strings.Builder
	para := "The harbour board published its yearly figures, covering berths, tonnage, dredging and repairs, in a long appendix that few people are expected to read in full."
	for i := 0; text.Len() < 10<<20; i++ {
		fmt.Fprintf(&text, "Section %d. %s\n\n", i+1, para)
	}
	fmt.Fprintf(&text, "“%s,” said %s, %s.", q.Text, q.Speaker, role)
	var b strings.Builder
	b.WriteString(jsonLine(map[string]string{"id": q.DocID, "text": text.String()}))
	g.good(q.DocID, false)
	q2, role2, sur2 := g.quote(fmt.Sprintf("huge-%d-after", g.v))
	b.WriteString(jsonLine(map[string]string{"id": q2.DocID, "text": article(q2, role2, sur2)}))
	g.good(q2.DocID, false)
	g.file(rel, []byte(b.String()))
}

func (g *gen) writeCSV() {
	rel := g.name("tables/rows.csv")
	var buf bytes.Buffer
	buf.WriteString("\xEF\xBB\xBF")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	cw.Write([]string{"id", "title", "date", "text"})
	q, role, sur := g.quote(fmt.Sprintf("row-%d-1", g.v))
	cw.Write([]string{q.DocID, "Row one", "2025-02-01", article(q, role, sur)})
	g.good(q.DocID, false)
	cw.Flush()
	line := 2 + strings.Count(article(q, role, sur), "\n")
	buf.WriteString("row-missing,Only a title\r\n") // too few fields
	g.bad(rel, line+1, "CSV row missing columns")
	cw.Write([]string{"row-empty", "Empty", "2025-02-03", ""})
	g.bad(rel, line+2, "CSV row with empty text")
	q, role, sur = g.quote(rel + fmt.Sprintf(":%d", line+3))
	cw.Write([]string{"", "No id", "2025-02-04", article(q, role, sur)})
	g.good(q.DocID, false)
	cw.Flush()
	g.file(rel, buf.Bytes())

	rel = g.name("tables/rows.tsv")
	q, role, _ = g.quote(fmt.Sprintf("tsv-%d-1", g.v))
	g.file(rel, fmt.Appendf(nil, "id\ttext\n%s\t“%s,” said %s, %s.\n", q.DocID, q.Text, q.Speaker, role))
	g.good(q.DocID, false)

	// Excel's "Unicode text": UTF-16LE with a byte order mark, tab-separated, CRLF.
	rel = g.name("tables/excel.tsv")
	q, role, _ = g.quote(fmt.Sprintf("excel-%d-1", g.v))
	g.file(rel, utf16LE(fmt.Sprintf("id\ttitle\ttext\r\n%s\tFrom a spreadsheet\t“%s,” said %s, %s.\r\n", q.DocID, q.Text, q.Speaker, role)))
	g.good(q.DocID, true)

	rel = g.name("tables/nohead.csv")
	g.file(rel, []byte("id,body\nx1,“Columns without a header are never read,” said nobody.\n"))
	g.bad(rel, 1, "CSV without a text column")
	g.exp.Forbidden = append(g.exp.Forbidden, "Columns without a header are never read")
}

func (g *gen) writeBadFiles() {
	g.file(g.name("bad/empty.txt"), nil)
	g.bad(g.name("bad/empty.txt"), 0, "empty file")
	g.file(g.name("bad/blank.md"), []byte("\n   \n\t\n"))
	g.bad(g.name("bad/blank.md"), 0, "blank file")

	binary := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	for i := 0; i < 2000; i++ {
		binary = append(binary, byte(i*31), 0, byte(i))
	}
	g.file(g.name("bad/image.txt"), binary)
	g.bad(g.name("bad/image.txt"), 0, "binary file")
	g.file(g.name("bad/photo.png"), binary)
	g.exp.Skipped = append(g.exp.Skipped, g.name("bad/photo.png"))
	g.file(g.name(".cache/old.txt"), []byte("“Hidden files are never read,” said nobody."))
	g.exp.Skipped = append(g.exp.Skipped, ".cache")
	g.exp.Forbidden = append(g.exp.Forbidden, "Hidden files are never read")

	// NUL bytes in an otherwise good text.
	rel := g.name("bad/nul.txt")
	q, role, sur := g.quote(rel)
	text := article(q, role, sur)
	g.file(rel, []byte(strings.Replace(text, "Officials", "Offi\x00cials", 1)))
	g.good(rel, true)

	// Windows-1252 text: curly quotes as 0x93 and 0x94.
	rel = g.name("bad/latin1.txt")
	q, role, _ = g.quote(rel)
	g.file(rel, []byte("Prices rose by \xa33 a week at the caf\xe9.\n\n\x93"+q.Text+",\x94 said "+q.Speaker+", "+role+".\n"))
	g.good(rel, true)

	// UTF-16LE with a byte order mark.
	rel = g.name("bad/utf16.txt")
	q, role, sur = g.quote(rel)
	g.file(rel, utf16LE(article(q, role, sur)))
	g.good(rel, true)

	// A gzipped text cut short: the whole document is lost.
	rel = g.name("bad/cut.txt.gz")
	z := gz([]byte(strings.Repeat("“Cut documents are never read,” said nobody. ", 200)))
	g.file(rel, z[:len(z)/2])
	g.bad(rel, 0, "truncated gzip")
	g.exp.Forbidden = append(g.exp.Forbidden, "Cut documents are never read")

	// Not gzip at all.
	rel = g.name("bad/notgzip.jsonl.gz")
	g.file(rel, []byte(`{"id":"plain","text":"“Fake archives are never read,” said nobody."}`))
	g.bad(rel, 0, "not gzip data")
	g.exp.Forbidden = append(g.exp.Forbidden, "Fake archives are never read")

	// Unreadable: root reads it anyway, so then it is a good document.
	rel = g.name("bad/locked.txt")
	q, role, sur = g.quote(rel)
	q.Text = "Nobody but the owner can read this locked file" // unique: it may be forbidden
	g.exp.Quotes[len(g.exp.Quotes)-1] = q
	g.file(rel, []byte(article(q, role, sur)))
	if g.err == nil {
		if err := os.Chmod(filepath.Join(g.dir, filepath.FromSlash(rel)), 0); err != nil {
			g.err = err
		}
	}
	if os.Geteuid() == 0 {
		g.good(rel, false)
	} else {
		g.bad(rel, 0, "permission denied")
		g.exp.Quotes = g.exp.Quotes[:len(g.exp.Quotes)-1]
		g.exp.Forbidden = append(g.exp.Forbidden, q.Text)
	}
}

// writeLinks makes a symlink loop, a link to itself and a broken link.
func (g *gen) writeLinks() {
	if g.err != nil {
		return
	}
	links := []struct{ rel, target, kind string }{
		{g.name("bad/loop"), ".", "symlink loop"},
		{g.name("bad/self.txt"), g.name("self.txt"), "symlink loop"},
		{g.name("bad/gone.txt"), "missing-target.txt", "broken symlink"},
	}
	for _, l := range links {
		p := filepath.Join(g.dir, filepath.FromSlash(l.rel))
		if err := os.Symlink(filepath.Base(l.target), p); err != nil {
			g.err = fmt.Errorf("symlink: %w", err)
			return
		}
		g.bad(l.rel, 0, l.kind)
	}
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			b = append(b, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}
