package corpus_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/quotetone/quotetone/internal/corpus"
)

func ExampleWalk() {
	stdin := strings.NewReader(`{"id":"a1","title":"Harbour vote","text":"“We will keep building,” said Mara Ellison, the mayor."}
{"text":"A record without an id gets one from its file and line."}
{"id":"a3","text":"broken
`)
	opts := corpus.Options{Stdin: stdin}
	err := corpus.Walk(context.Background(), []string{"-", "no/such/folder"}, opts,
		func(d corpus.Document) error {
			fmt.Printf("%s: %s\n", d.ID, d.Text)
			return nil
		},
		func(f corpus.Failure) {
			fmt.Println("failed:", f)
		})
	fmt.Println("error:", err)
	// Output:
	// a1: “We will keep building,” said Mara Ellison, the mayor.
	// stdin:2: A record without an id gets one from its file and line.
	// failed: -:3: invalid JSON at byte 25 (unexpected end of JSON input): each line must be one JSON object such as {"id":"a1","text":"..."}
	// failed: no/such/folder: no such file or folder: check the path
	// error: <nil>
}

func ExampleExtractHTML() {
	page := `<html><head><title>Harbour vote</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour vote</h1>
<p>The council voted on Thursday to rebuild the old harbour wall.</p>
<p>“We will keep building,” said Mara Ellison, the mayor.</p></article>
<footer>“Local news that matters,” is our motto.</footer>
</body></html>`
	doc, err := corpus.ExtractHTML(corpus.Document{ID: "page.html", HTML: page})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("title: %s\n%s\n", doc.Title, doc.Text)
	// Output:
	// title: Harbour vote
	// Harbour vote
	//
	// The council voted on Thursday to rebuild the old harbour wall.
	//
	// “We will keep building,” said Mara Ellison, the mayor.
}
