package corpus

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestExtractHTML(t *testing.T) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ExtractHTML(Document{ID: "a", HTML: string(page)})
	if err != nil {
		t.Fatalf("ExtractHTML(article.html) error = %v", err)
	}
	if doc.HTML != "" {
		t.Errorf("ExtractHTML(article.html).HTML = %d bytes, want empty", len(doc.HTML))
	}
	for _, tt := range []struct{ field, got, want string }{
		{"Title", doc.Title, "Harbour plan wins backing"},
		{"Date", doc.Date, "2025-03-14"},
		{"Source", doc.Source, "The Lakeside Courier"},
		{"ID", doc.ID, "a"},
	} {
		if tt.got != tt.want {
			t.Errorf("ExtractHTML(article.html).%s = %q, want %q", tt.field, tt.got, tt.want)
		}
	}
	wantParas := []string{
		"“We will keep building, and we will do it together,” said Mara Ellison, the mayor, after the vote. “Nobody wanted another storm season with the wall in pieces.”",
		"Opposition councillor Dev Anand said the vote was rushed. “The numbers were never shown to the public,” he said.",
	}
	paras := strings.Split(doc.Text, "\n\n")
	for _, want := range wantParas {
		found := false
		for _, p := range paras {
			found = found || p == want
		}
		if !found {
			t.Errorf("ExtractHTML(article.html).Text lacks the paragraph %q; text:\n%s", want, doc.Text)
		}
	}
	for _, junk := range []string{"Subscribe", "Tracked", "Menu", "privacy", "cookies", "Opinion", "Home", "disgrace", "Finally", "Leave a Reply", "Required", "Post Comment", "motto", "Injected", "rights reserved", "thoughts on"} {
		if strings.Contains(doc.Text, junk) {
			t.Errorf("ExtractHTML(article.html).Text holds boilerplate %q:\n%s", junk, doc.Text)
		}
	}
}

func TestExtractHTMLShortPages(t *testing.T) {
	tests := []struct {
		name, page, want string
		keep             Document // fields already set
		err              error
	}{
		{
			name: "short article, boilerplate around it",
			page: `<html><head><title>Short</title><script>var x="“Script,” said js";</script></head><body>
<nav><a href="/">Home</a> <a href="/a">“Nav quote” here</a></nav>
<div class="cookie-banner"><p>“We use cookies,” the banner says. Accept?</p></div>
<article><h1>Short note</h1><p>“It is done,” said Ana Ruiz.</p><p>Line one<br>line  two</p></article>
<footer><p>“Footer quote,” says the footer.</p></footer>
<div id="respond"><h3>Leave a Reply</h3><form><p>“Form quote” required</p><textarea></textarea></form></div>
</body></html>`,
			want: "Short note\n\n“It is done,” said Ana Ruiz.\n\nLine one\nline two",
		},
		{
			name: "q elements get their marks",
			page: `<html><body><article><p>Mara Ellison said <q>we will keep <q>building</q> here</q> after the vote.</p></article></body></html>`,
			want: "Mara Ellison said “we will keep ‘building’ here” after the vote.",
		},
		{
			name: "fields already set are kept",
			page: `<html><head><title>Page title</title></head><body><article><p>Body text here.</p></article></body></html>`,
			keep: Document{Title: "Given", Date: "2020-01-01", Source: "Feed", URL: "http://example.org/a"},
			want: "Body text here.",
		},
		{
			name: "no main text",
			page: `<html><body><script>var a = "“Never text,” said js";</script><p> </p></body></html>`,
			err:  ErrNoText,
		},
		{
			name: "bare text",
			page: "just text, no tags",
			want: "just text, no tags",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.keep
			in.HTML = tt.page
			doc, err := ExtractHTML(in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("ExtractHTML(%q) error = %v, want %v", tt.name, err, tt.err)
			}
			if err != nil {
				return
			}
			if doc.Text != tt.want {
				t.Errorf("ExtractHTML(%q).Text = %q, want %q", tt.name, doc.Text, tt.want)
			}
			if tt.keep.Title != "" && (doc.Title != tt.keep.Title || doc.Date != tt.keep.Date || doc.Source != tt.keep.Source || doc.URL != tt.keep.URL) {
				t.Errorf("ExtractHTML(%q) = %q %q %q %q, want the given fields kept", tt.name, doc.Title, doc.Date, doc.Source, doc.URL)
			}
		})
	}
}

func TestExtractHTMLNoHTML(t *testing.T) {
	in := Document{ID: "x", Text: "Already text."}
	doc, err := ExtractHTML(in)
	if err != nil || doc.Text != in.Text {
		t.Errorf("ExtractHTML(text document) = %q, %v, want it unchanged", doc.Text, err)
	}
}

func TestExtractHTMLConcurrent(t *testing.T) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := ExtractHTML(Document{HTML: string(page)})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				got, err := ExtractHTML(Document{HTML: string(page)})
				if err != nil || got.Text != want.Text {
					t.Errorf("ExtractHTML in parallel = %q, %v; want the same text as alone", got.Text, err)
				}
			}
		}()
	}
	wg.Wait()
}

func TestFurnitureSelector(t *testing.T) {
	if furniture == nil {
		t.Fatal("furniture selector does not parse")
	}
}
