package quote_test

import (
	"fmt"

	"github.com/quotetone/quotetone/internal/quote"
)

func ExampleExtractor_Extract() {
	x, err := quote.New(quote.Options{})
	if err != nil {
		panic(err)
	}
	text := "Mayor Ines Calder of Northport spoke on Monday.\n\n" +
		"“We will rebuild the pier,” Ms. Calder said. “It will take a year.”\n\n" +
		"Critics called the plan a \"gamble\"."
	for _, q := range x.Extract(text) {
		fmt.Printf("%s\t%q\t%s\n", q.Kind, q.Text, q.Speaker)
	}
	// Output:
	// speech	"We will rebuild the pier,"	Ines Calder
	// speech	"It will take a year."	Ines Calder
	// term	"gamble"
}
