package htmlreport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/quotetone/quotetone/internal/report"
)

// checkEscaped renders a page whose speaker, quote, dimension and error are text and checks
// that the text never becomes markup: one script (the sorter), no injected elements.
func checkEscaped(t *testing.T, text string) {
	t.Helper()
	dims := []string{"cooperation", text}
	agg := report.NewAggregator(dims, "day")
	for i, v := range []report.Fixed{3000, -2000} {
		agg.Add(&report.QuoteRow{Seq: i, DocID: text, Speaker: "x" + text, Kind: "speech", Quote: text, Valence: v,
			Dims: []report.Fixed{v, -v}, Date: "2026-01-0" + string(rune('1'+i))})
	}
	run := &report.Run{Dimensions: dims, Speakers: agg.Summaries(), Periods: agg.PeriodSummaries(),
		Manifest: &report.Manifest{Tool: text, Inputs: []string{text}},
		Errors:   []report.ErrorRow{{Level: "error", Path: text, Reason: text}}}
	var b bytes.Buffer
	if err := (Writer{}).Write(&b, run); err != nil {
		t.Fatalf("Write(%q): %v", text, err)
	}
	doc, err := goquery.NewDocumentFromReader(&b)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if n := doc.Find("script").Length(); n != 1 {
		t.Errorf("text %q: page has %d scripts, want 1", text, n)
	}
	for _, tag := range []string{"b", "img", "iframe", "object", "a", "link", "base"} {
		if n := doc.Find(tag).Length(); n != 0 {
			t.Errorf("text %q: page has %d <%s> elements, want none", text, n, tag)
		}
	}
	if n := doc.Find("svg").Length(); n != 2 {
		t.Errorf("text %q: page has %d charts, want 2 (speaker, time)", text, n)
	}
	if strings.ContainsRune(text, '<') && doc.Find("svg text").Length() == 0 {
		t.Errorf("text %q: the chart lost its labels", text)
	}
}

func TestEscaped(t *testing.T) {
	for _, s := range []string{"<b>bold</b>", "</svg><script>alert(1)</script>", `" onload="alert(1)`, "<img src=x onerror=alert(1)>",
		"]]><iframe>", "<a href='javascript:alert(1)'>x</a>", "&lt;b&gt;", "plain"} {
		checkEscaped(t, s)
	}
}

func FuzzEscaped(f *testing.F) {
	for _, s := range []string{"<b>x</b>", "</style><base href=//evil>", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(checkEscaped)
}
