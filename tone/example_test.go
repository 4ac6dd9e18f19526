package tone_test

import (
	"fmt"

	"github.com/quotetone/quotetone/lexicon"
	"github.com/quotetone/quotetone/tone"
)

func Example() {
	s, err := tone.New(tone.Options{Dimensions: []tone.Dimension{{
		Name:     "cooperation",
		Positive: tone.Pole{Name: "constructive", Terms: []lexicon.Term{{Text: "common ground"}, {Text: "constructive"}}},
		Negative: tone.Pole{Name: "hostility", Terms: []lexicon.Term{{Text: "hostil*"}, {Text: "threat*"}}},
	}}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range []string{
		"There has been no hostility.",
		"The talks were quite constructive.",
		"They threatened us.",
	} {
		sc := s.Score(q)
		fmt.Printf("%-36s cooperation %+.2f (%d hit)\n", q, sc.Dims[0].Score, sc.Dims[0].Hits)
	}
	// Output:
	// There has been no hostility.         cooperation +0.59 (1 hit)
	// The talks were quite constructive.   cooperation +0.79 (1 hit)
	// They threatened us.                  cooperation -0.71 (1 hit)
}
