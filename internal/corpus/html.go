package corpus

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"github.com/andybalholm/cascadia"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// ErrNoText is returned by ExtractHTML when a page has no main text.
var ErrNoText = errors.New("no main text found in the html")

// ExtractHTML returns doc with Text, and Title, Date, URL and Source when doc does not have them
// already, taken from doc.HTML by go-trafilatura (main-text extraction: navigation, scripts,
// cookie banners, footers and comment sections are left out), and HTML emptied. Paragraphs,
// headings, list items and table rows are separated by blank lines; a <br> is a line break; the
// words of a <q> get the quote marks a browser would draw (“…”, ‘…’ inside another <q>). Date
// is written as 2006-01-02. A page with no main text gives an error wrapping ErrNoText. It is
// safe for concurrent use, and does nothing to a document with no HTML.
//
// Before trafilatura runs, page furniture (nav, footer, form, aside, cookie and consent banners,
// comment sections) is removed unless it wraps half the page's text; short articles are not handed
// to trafilatura's whole-page baseline, but its readability and DOM-distiller fallbacks are used.
// On go-trafilatura's own benchmark (881 real-world pages) that scores precision 0.909, recall
// 0.910 against 0.910 and 0.890 for its defaults (TestExtractHTMLComparison), for about 2 ms per
// small page and 20 to 30 ms per typical 130 KB page on one core.
func ExtractHTML(doc Document) (Document, error) {
	return extractHTML(doc, htmlOptions(), true)
}

// htmlOptions are the go-trafilatura options ExtractHTML uses.
func htmlOptions() trafilatura.Options {
	return trafilatura.Options{
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Fast,
		Config:          extractConfig,
		EnableFallback:  true,
	}
}

// extractHTML is ExtractHTML with the given options, and furniture pruned or not.
func extractHTML(doc Document, opts trafilatura.Options, pruneFurniture bool) (out Document, err error) {
	if doc.HTML == "" {
		return doc, nil
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = doc, fmt.Errorf("html extractor failed: %v", r)
		}
	}()
	if doc.URL != "" {
		if u, err := nurl.ParseRequestURI(doc.URL); err == nil {
			opts.OriginalURL = u
		}
	}
	root, err := html.Parse(strings.NewReader(doc.HTML))
	if err != nil {
		return doc, fmt.Errorf("parse html: %w", err)
	}
	if pruneFurniture {
		prune(root)
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil {
		return doc, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	text := renderText(res.ContentNode)
	if strings.TrimSpace(text) == "" {
		return doc, ErrNoText
	}
	out = doc
	out.Text = text
	out.HTML = ""
	m := res.Metadata
	if out.Title == "" {
		out.Title = strings.TrimSpace(m.Title)
	}
	if out.Date == "" && !m.Date.IsZero() {
		out.Date = m.Date.Format("2006-01-02")
	}
	if out.URL == "" {
		out.URL = m.URL
	}
	if out.Source == "" {
		out.Source = m.Sitename
		if out.Source == "" {
			out.Source = m.Hostname
		}
	}
	return out, nil
}

// furniture matches page furniture that never holds the article's quotes: navigation, footers,
// forms, asides, cookie and consent banners, comment sections. It is a second guard beside
// trafilatura's own rules.
var furniture = func() cascadia.SelectorGroup {
	sel, err := cascadia.ParseGroup("nav, footer, form, aside, [role=navigation], [role=contentinfo], " +
		"[id*=cookie], [class*=cookie], [id*=consent], [class*=consent], [class*=gdpr], " +
		"#respond, .comment-respond, #comments, .comments, .comments-area, .comment-list")
	if err != nil {
		return nil // TestFurnitureSelector fails
	}
	return sel
}()

// prune removes the furniture from a page, except an element that holds half or more of the
// page's text: that is a wrapper around the article (an ASP.NET <form>, a <body class="cookie-…">),
// not furniture.
func prune(root *html.Node) {
	total := textLen(root)
	for _, n := range cascadia.QueryAll(root, furniture) {
		if n.Parent == nil || n.Data == "html" || n.Data == "body" || n.Data == "head" {
			continue
		}
		if 2*textLen(n) < total {
			n.Parent.RemoveChild(n)
		}
	}
}

// textLen returns the number of bytes of visible text under n.
func textLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "noscript" || n.Data == "template") {
		return 0
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		l += textLen(c)
	}
	return l
}

// extractConfig is trafilatura's default, except that a short article is not handed to the
// baseline extractor, which keeps the whole page, boilerplate and all.
var extractConfig = func() *trafilatura.Config {
	c := trafilatura.DefaultConfig()
	c.MinExtractedSize = 1
	return c
}()

// blockTags start and end a paragraph of their own.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"dd": true, "details": true, "div": true, "dl": true, "dt": true, "figcaption": true,
	"figure": true, "footer": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hr": true, "li": true, "main": true, "nav": true, "ol": true,
	"p": true, "pre": true, "section": true, "summary": true, "table": true, "tr": true, "ul": true,
}

// skipTags never hold article text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true,
	"svg": true, "math": true, "iframe": true, "object": true, "button": true, "select": true,
	"textarea": true, "form": true,
}

// renderText turns an extracted content tree into plain text: one paragraph per block, blank
// lines between paragraphs, white space inside a line collapsed to single spaces.
func renderText(n *html.Node) string {
	var r textRenderer
	r.walk(n)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type textRenderer struct {
	paras  []string
	lines  []string
	cur    strings.Builder
	qDepth int // open <q> elements
}

func (r *textRenderer) walk(n *html.Node) {
	if n == nil {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(strings.ReplaceAll(n.Data, "\u00AD", "")) // soft hyphens
		return
	case html.ElementNode:
		tag := n.Data
		switch {
		case skipTags[tag]:
			return
		case tag == "br":
			r.line()
			return
		case tag == "q":
			// Browsers draw the marks of <q>; the text must hold them for the quote extractor.
			open, closing := "“", "”"
			if r.qDepth%2 == 1 {
				open, closing = "‘", "’"
			}
			r.qDepth++
			r.cur.WriteString(open)
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				r.walk(c)
			}
			r.cur.WriteString(closing)
			r.qDepth--
			return
		case tag == "td" || tag == "th":
			r.cur.WriteByte(' ')
		case blockTags[tag]:
			r.flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.walk(c)
		}
		if blockTags[tag] {
			r.flush()
		} else if tag == "td" || tag == "th" {
			r.cur.WriteByte(' ')
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

// line ends the current line.
func (r *textRenderer) line() {
	if s := strings.Join(strings.Fields(r.cur.String()), " "); s != "" {
		r.lines = append(r.lines, s)
	}
	r.cur.Reset()
}

// flush ends the current paragraph.
func (r *textRenderer) flush() {
	r.line()
	if len(r.lines) > 0 {
		r.paras = append(r.paras, strings.Join(r.lines, "\n"))
	}
	r.lines = r.lines[:0]
}

// decodeHTML is decodeText for an HTML file: content that is not valid UTF-8 is first decoded
// with the charset the page declares (a <meta charset> or http-equiv), if it declares one other
// than UTF-8.
func decodeHTML(b []byte) (string, []string, error) {
	if !utf8.Valid(b) && !bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		if _, binary := binaryRatio(b); !binary {
			enc, name, _ := charset.DetermineEncoding(b, "text/html")
			if name != "utf-8" && name != "windows-1252" && enc != nil {
				if d, err := enc.NewDecoder().Bytes(b); err == nil {
					text, notes, err := decodeText(d)
					return text, append([]string{"decoded from " + name + " as the page declares"}, notes...), err
				}
			}
		}
	}
	return decodeText(b)
}
