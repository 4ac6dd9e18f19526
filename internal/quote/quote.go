// Package quote finds direct quotes in article text and attributes each to its speaker.
package quote

// Kind tells speech from scare quotes and other quoted terms.
type Kind string

const (
	Speech Kind = "speech" // a direct quote of what someone said or wrote
	Term   Kind = "term"   // a scare quote, a title, a quoted word; kept but not scored into summaries
)

// A Quote is one direct quote found in a document.
type Quote struct {
	Start, End int    // Unicode code-point offsets of the quoted words (marks excluded) in the text
	Text       string // the quoted words, text[Start:End] in runes
	Speaker    string // canonical speaker name; empty when unknown
	Mention    string // the mention that named the speaker near the quote ("he", "the aide")
	Cue        string // the cue verb or phrase ("said", "according to"); may be empty
	Kind       Kind
}

// An Alias maps other names of one speaker, across articles, to its canonical Name.
type Alias struct {
	Name    string   // canonical, as reports show it
	Aliases []string // other spellings and names ("Putin", "Vladimir Putin")
}

// Options configure an Extractor.
type Options struct {
	CueVerbs     []string // speech verbs in their base or past form; empty means DefaultCueVerbs
	Aliases      []Alias
	TermMaxWords int // quotes of at most this many words with no speaker and no cue become kind=term; 0 means the default

	// DoubledApostrophes reads '' as a double quotation mark (''Yes,'' she said), as some
	// newspaper archives print it. Off by default: elsewhere '' is a stray pair of apostrophes.
	DoubledApostrophes bool
}
