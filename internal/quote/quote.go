// Package quote finds direct quotes in article text and attributes each to its speaker.
//
// Quote finding (marks.go) pairs marks paragraph by paragraph in linear time: “…”, "…",
// ‘…’ and '…' told apart from apostrophes, «…», „…“, 「…」 and full-width marks. An unclosed
// quote ends with its paragraph (or, past 1,500 characters, with its first sentence); a
// paragraph that opens with a mark continues an unclosed quote (the news convention for quotes
// over several paragraphs); inside an open straight quote, ". "Capital" closes and reopens it
// (archives that merged paragraphs). A doubled apostrophe counts as a double mark only with
// Options.DoubledApostrophes.
//
// Kinds (extract.go): a quote is Speech when it stands as a sentence or is introduced as one
// (it opens its sentence, follows a colon, or follows a cue verb such as "said,") and ends a
// clause. Otherwise it is embedded in the writer's sentence: Term when it has at most
// TermMaxWords words (scare quotes, titles, button labels), Partial when longer, and Speech
// again from 25 words (a passage in the speaker's words at length). Short
// sentence-initial quotes with no cue and no sentence punctuation, and titles in Title Case,
// are terms too. A speech quote repeated in the document (a headline) is reported once.
//
// Attribution (speaker.go) reads the speaker mention next to a cue verb: after the quote
// (“…,” X said / said X / “…,” the aide, Full Name, wrote), before it (X said: “…”), around
// an appositive ("Full Name, a spokesman for X, said"), "according to X", participles
// (", saying “…”" takes the sentence's subject), colons with no cue ("Full Name: “…”") and
// bylines ("“…” — Full Name"). Quotes with no cue inherit from the quote they continue, from
// a later quote in their paragraph, or from the subject of the sentence before.
//
// Resolution (resolve.go, entity.go) turns the mention into one canonical name per document:
// names are grouped by surname and the first full mention without titles is canonical
// ("President Vladimir V. Putin of Russia" -> "Vladimir V. Putin"); "he"/"she" go to the
// nearest earlier speaker or sentence subject of that gender (honorifics, given names and
// pronouns give the gender); "it" and "the ministry" to an organisation; role nouns ("the
// Russian president", "the aide") to the person introduced with that role; "they" to a pair
// of people named together ("Full Name and Full Name"). A role with no such person stays as
// written ("the ministry"). Aliases then map names across documents. Unresolved pronouns give
// an empty speaker, never a guess.
//
// British style (name.go, entity.go): titles without a full stop ("Mr Full", "Prof Full"),
// and the word after "Mr" or "Ms" is a surname even when it is also a title ("Mr Dean");
// "Mrs Full" after a man of that surname is another person; a peer named by title alone keeps
// it ("Lord Full"). Occupations and
// openers glued to a name ("Striker Full Name", "DJ Full Name", "Lib Dem Full Name") and
// possessive owners ("Club's Full Name") are not part of it. Names that qualify a role ("Lions
// coach Full Name") or take "the" before a verb ("the World Cup is") are teams and events, not
// people that "he" or "she" could mean. "A Westline spokesman", "a spokesman for the Home
// Office", and the "the spokesman" or "he" that follows them, speak for the organisation; a
// bare "a spokesman" stays as written, as the evaluation sets annotate it. "The American"
// goes to the person introduced as "American Full Name", else to no one.
package quote

// Kind tells speech from scare quotes and other quoted terms.
type Kind string

const (
	Speech Kind = "speech" // a direct quote of what someone said or wrote
	Term   Kind = "term"   // a scare quote, a title, a quoted word; kept but not scored into summaries
	// Partial is a quoted fragment inside reported speech (he called the plan "a costly
	// mistake for the whole province"): longer than a term, but not a sentence of its own.
	Partial Kind = "partial"
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
