package config

import "github.com/quotetone/quotetone/internal/quote"

// Quotes configures quote finding and attribution.
type Quotes struct {
	CueVerbs     []string `mapstructure:"cue_verbs"`
	TermMaxWords int      `mapstructure:"term_max_words"`
	Aliases      []Alias  `mapstructure:"aliases"`
	// DoubledApostrophes reads '' as a double quotation mark, as some newspaper archives print it.
	DoubledApostrophes bool `mapstructure:"doubled_apostrophes"`
}

// An Alias lists other names of one speaker.
type Alias struct {
	Name    string   `mapstructure:"name"`
	Aliases []string `mapstructure:"aliases"`
}

// Options converts the quote settings for quote.New.
func (q Quotes) Options() quote.Options {
	opts := quote.Options{CueVerbs: q.CueVerbs, TermMaxWords: q.TermMaxWords, DoubledApostrophes: q.DoubledApostrophes}
	for _, a := range q.Aliases {
		opts.Aliases = append(opts.Aliases, quote.Alias{Name: a.Name, Aliases: a.Aliases})
	}
	return opts
}
