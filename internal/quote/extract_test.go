package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quotetone/quotetone/internal/benchcpu"
)

func mustNew(t testing.TB, opts Options) *Extractor {
	t.Helper()
	x, err := New(opts)
	if err != nil {
		t.Fatalf("New(%+v): %v", opts, err)
	}
	return x
}

// want is the short form of a quote in these tests: kind, text and speaker.
type want struct {
	kind    Kind
	text    string
	speaker string
}

func (w want) String() string { return fmt.Sprintf("%s %q by %q", w.kind, w.text, w.speaker) }

func got(qs []Quote) []want {
	out := make([]want, len(qs))
	for i, q := range qs {
		out[i] = want{q.Kind, q.Text, q.Speaker}
	}
	return out
}

// An extractCase is a text and the quotes Extract must find in it.
type extractCase struct {
	name string
	text string
	want []want
}

// checkExtract runs each case through x as a subtest.
func checkExtract(t *testing.T, x *Extractor, cases []extractCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if g := got(x.Extract(tt.text)); !sameWants(g, tt.want) {
				t.Errorf("Extract(%q)\n got  %v\n want %v", tt.text, g, tt.want)
			}
		})
	}
}

func sameWants(a, b []want) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestExtract(t *testing.T) {
	tests := []extractCase{
		{
			name: "cue after, honorific resolved to the full name",
			text: "Governor Maria L. Okafor of Westland spoke on Monday.\n\n“We will not retreat,” Ms. Okafor said.",
			want: []want{{Speech, "We will not retreat,", "Maria L. Okafor"}},
		},
		{
			name: "cue before with a colon, role resolved",
			text: "President Tomas Varga of Ostria met the press.\n\nSpeaking in the capital, the Ostrian president said: “The talks went well.”",
			want: []want{{Speech, "The talks went well.", "Tomas Varga"}},
		},
		{
			name: "question with asked, then a second quote in the paragraph",
			text: "Mr. Hal Brenner runs the port.\n\n“Who will pay for this?” Mr. Brenner asked. “Not the workers.”",
			want: []want{
				{Speech, "Who will pay for this?", "Hal Brenner"},
				{Speech, "Not the workers.", "Hal Brenner"},
			},
		},
		{
			name: "appositive role before the name",
			text: "“She will not sign anything,” the adviser, Pia Lund, wrote on her blog.",
			want: []want{{Speech, "She will not sign anything,", "Pia Lund"}},
		},
		{
			name: "inverted cue with an appositive after the name",
			text: "“This could help everyone,” said Oskar J. Frey, an economist at the institute.",
			want: []want{{Speech, "This could help everyone,", "Oskar J. Frey"}},
		},
		{
			name: "name then appositive then cue",
			text: "“Prices will rise,” Dana Whitlock, a spokeswoman for the board, said.",
			want: []want{{Speech, "Prices will rise,", "Dana Whitlock"}},
		},
		{
			name: "pronoun resolved by honorific gender",
			text: "Mr. Ivo Kral and Ms. Lena Duvall met on Friday.\n\nMs. Duvall spoke first. “The plan is sound,” she said.",
			want: []want{{Speech, "The plan is sound,", "Lena Duvall"}},
		},
		{
			name: "quote split by its cue",
			text: "Mr. Ben Ashcroft, the mayor, was blunt. “We tried,” he said, “and we failed.”",
			want: []want{
				{Speech, "We tried,", "Ben Ashcroft"},
				{Speech, "and we failed.", "Ben Ashcroft"},
			},
		},
		{
			name: "according to",
			text: "“The river rose by two metres overnight,” according to Rosa Quint.",
			want: []want{{Speech, "The river rose by two metres overnight,", "Rosa Quint"}},
		},
		{
			name: "organisation speaks",
			text: "“No decision has been made,” the ministry said in a statement.",
			want: []want{{Speech, "No decision has been made,", "the ministry"}},
		},
		{
			name: "scare quote and button label are terms",
			text: "Press \"Enter\" to continue.\n\nOfficials want some \"guardrails\" on the new rules.",
			want: []want{{Term, "Enter", ""}, {Term, "guardrails", ""}},
		},
		{
			name: "title of a work is a term",
			text: "She starred in “The Long Night Road” last year.",
			want: []want{{Term, "The Long Night Road", ""}},
		},
		{
			name: "partial quote inside reported speech",
			text: "Mr. Abel Ross said the plan was “a costly mistake for the whole province” and should stop.",
			want: []want{{Partial, "a costly mistake for the whole province", "Abel Ross"}},
		},
		{
			name: "a passage of 25 words or more inside reported speech is speech",
			text: "In a letter to members, Councillor Ruth Okafor wrote that “the harbour plan was drawn up without asking a single family who lives on the waterfront, and we will not accept it in its present form.”",
			want: []want{{Speech, "the harbour plan was drawn up without asking a single family who lives on the waterfront, and we will not accept it in its present form.", "Ruth Okafor"}},
		},
		{
			name: "a passage of 24 words inside reported speech is partial",
			text: "In a letter to members, Councillor Ruth Okafor wrote that “the harbour plan was drawn up without asking a single family who lives on the waterfront, and we will not accept it at all.”",
			want: []want{{Partial, "the harbour plan was drawn up without asking a single family who lives on the waterfront, and we will not accept it at all.", "Ruth Okafor"}},
		},
		{
			name: "partial quote after a naming verb",
			text: "Opposition leader Helga Brandt called it “a cruel plan that punishes the poorest households” on Monday.",
			want: []want{{Partial, "a cruel plan that punishes the poorest households", "Helga Brandt"}},
		},
		{
			name: "British single quotes with apostrophes",
			text: "Coach Nina Patel watched the match.\n\n‘It’s over, and we’re out,’ she said.",
			want: []want{{Speech, "It’s over, and we’re out,", "Nina Patel"}},
		},
		{
			name: "guillemets",
			text: "«Nous allons gagner», said Claude Morel.",
			want: []want{{Speech, "Nous allons gagner", "Claude Morel"}},
		},
		{
			name: "low-high German quotes",
			text: "„Wir schaffen das“, said Greta Baum.",
			want: []want{{Speech, "Wir schaffen das", "Greta Baum"}},
		},
		{
			name: "quote continued over paragraphs",
			text: "Mr. Yuri Danko, the engineer, described the flood.\n\n“The water came fast. We lost the lower floor,” he said. “Then the power went.\n\n“We waited all night on the roof.”",
			want: []want{
				{Speech, "The water came fast. We lost the lower floor,", "Yuri Danko"},
				{Speech, "Then the power went.", "Yuri Danko"},
				{Speech, "We waited all night on the roof.", "Yuri Danko"},
			},
		},
		{
			name: "unclosed straight quote ends at the paragraph",
			text: "Ms. Ada Fenn said: \"We have waited 26 weeks. \"We are going to extend the trial.\n\nThe council meets next week.",
			want: []want{
				{Speech, "We have waited 26 weeks.", "Ada Fenn"},
				{Speech, "We are going to extend the trial.", "Ada Fenn"},
			},
		},
		{
			name: "headline quote repeated in the body counts once",
			text: "‘No deal yet,’ Varga says\n\nPresident Tomas Varga spoke late on Tuesday.\n\n“No deal yet,” Mr. Varga said. “But we are close.”",
			want: []want{
				{Speech, "No deal yet,", "Tomas Varga"},
				{Speech, "But we are close.", "Tomas Varga"},
			},
		},
		{
			name: "a passage repeated from the headline counts once",
			text: "“Drawn up in a hurry by people who have never lived on the waterfront and who never once asked a single family what the harbour means to them”\n\nCouncillor Ruth Okafor said the plan was “drawn up in a hurry by people who have never lived on the waterfront and who never once asked a single family what the harbour means to them” and left the meeting.",
			want: []want{{Speech, "drawn up in a hurry by people who have never lived on the waterfront and who never once asked a single family what the harbour means to them", "Ruth Okafor"}},
		},
		{
			name: "shortened headline quote repeated in the body counts once",
			text: "Varga: ‘We are close to a deal’\n\nPresident Tomas Varga spoke late on Tuesday.\n\n“We are close to a deal, closer than ever,” Mr. Varga said.",
			want: []want{{Speech, "We are close to a deal, closer than ever,", "Tomas Varga"}},
		},
		{
			name: "short quote continued by the writer's clause is partial",
			text: "“We are thrilled” about the result, said Lars Eng, the club's treasurer.",
			want: []want{{Term, "We are thrilled", ""}},
		},
		{
			name: "sign text is not speech",
			text: "She wore a shirt that read “Save our harbour now.”",
			want: []want{{Term, "Save our harbour now.", ""}},
		},
		{
			name: "party and state after a name do not end the sentence",
			text: "“We will vote no,” Sen. Ruth Calder, D-Mass., said on Monday. “The bill is too weak.”",
			want: []want{
				{Speech, "We will vote no,", "Ruth Calder"},
				{Speech, "The bill is too weak.", "Ruth Calder"},
			},
		},
		{
			name: "told takes its subject, not its object",
			text: "Campaign manager Rob Minter told reporters, “We are focused on turnout.”",
			want: []want{{Speech, "We are focused on turnout.", "Rob Minter"}},
		},
		{
			name: "parenthesis between name and cue; title of a department",
			text: "“It was a bad night,” Sen. Cora Vance (D-Mo.) said.\n\nFormer Secretary of State Alma Reyes urged calm, saying, “Nobody should panic.”",
			want: []want{
				{Speech, "It was a bad night,", "Cora Vance"},
				{Speech, "Nobody should panic.", "Alma Reyes"},
			},
		},
		{
			name: "participle right after a partial quote",
			text: "Mayor Lena Fosse spoke on Friday.\n\nTo be clear, Fosse told the paper that the plan was “dead on arrival and never coming back,” adding, “We start again in spring.”",
			want: []want{
				{Partial, "dead on arrival and never coming back,", "Lena Fosse"},
				{Speech, "We start again in spring.", "Lena Fosse"},
			},
		},
		{
			name: "a place after the cue is not the speaker",
			text: "As Maya Lindqvist said last week in New Haven, “The harbour will reopen.”",
			want: []want{{Speech, "The harbour will reopen.", "Maya Lindqvist"}},
		},
		{
			name: "subject after an opening phrase; a new subject between two quotes",
			text: "“We want a vote,” said Ana Brook, a teacher. “Now.”\n\nDown the road, Mr. Tobias Wren also celebrated. He thinks the town should leave the league. “We never needed it,” he said.\n\n“It is lovely,” says Ms. Brook. Wren did not agree. “It is a mistake.”",
			want: []want{
				{Speech, "We want a vote,", "Ana Brook"},
				{Speech, "Now.", "Ana Brook"},
				{Speech, "We never needed it,", "Tobias Wren"},
				{Speech, "It is lovely,", "Ana Brook"},
				{Speech, "It is a mistake.", "Tobias Wren"},
			},
		},
		{
			name: "a second verb of the subject; two names speak together",
			text: "Mayor Ines Calder said the plan was drafted by the harbour master Tom Reyes and added, “We will fund it.”\n\nCouncillors Ada Fenn and Piet Lorne both said, “We agree.”",
			want: []want{
				{Speech, "We will fund it.", "Ines Calder"},
				{Speech, "We agree.", "Ada Fenn and Piet Lorne"},
			},
		},
		{
			name: "a story title with its byline is a term",
			text: "Worth reading: “Harbour town votes to keep its ferry running,” by the Gazette's Noor Haddad.",
			want: []want{{Term, "Harbour town votes to keep its ferry running,", ""}},
		},
		{
			name: "transcript labels, signed quotes and a left mark typed as a closer",
			text: "Governor Rita Olsen took questions.\n\n\"HOST: Will you run again?\n\n\"OLSEN: Not this time.\"\n\n“We need a new bridge.”\n\n— Tomas Berg, a reader\n\n“It is late,“ said Ada Fenn.",
			want: []want{
				{Speech, "HOST: Will you run again?", "Host"},
				{Speech, "OLSEN: Not this time.", "Rita Olsen"},
				{Speech, "We need a new bridge.", "Tomas Berg"},
				{Speech, "It is late,", "Ada Fenn"},
			},
		},
		{
			name: "her statement speaks for her; a partial quote's speaker carries on",
			text: "Minister Ella Ward answered the critics.\n\n“We listened,” her statement read. “We will act.”\n\nThe vote was “a defeat for the whole council,” Mr. Olaf Brandt told reporters before leaving. “They had no plan.”",
			want: []want{
				{Speech, "We listened,", "Ella Ward"},
				{Speech, "We will act.", "Ella Ward"},
				{Partial, "a defeat for the whole council,", "Olaf Brandt"},
				{Speech, "They had no plan.", "Olaf Brandt"},
			},
		},
		{
			name: "no speaker found stays empty",
			text: "The crowd waited in the rain.\n\n“The sky is falling on all of us.” Nobody moved.",
			want: []want{{Speech, "The sky is falling on all of us.", ""}},
		},
		{
			name: "full-width marks",
			text: "＂We stay here until the end,＂ said Kenji Mori.",
			want: []want{{Speech, "We stay here until the end,", "Kenji Mori"}},
		},
		{
			name: "paragraph introduced by a colon at the end of the one before",
			text: "Mr. Emil Stroud, the treasurer, wrote to members:\n\n“The fund is safe and the audit is done.”",
			want: []want{{Speech, "The fund is safe and the audit is done.", "Emil Stroud"}},
		},
		{
			name: "list of quotes after a colon",
			text: "Marchers carried banners with two slogans, including: “Keep our small clinic open” and “Our town needs more doctors.”",
			want: []want{
				{Speech, "Keep our small clinic open", ""},
				{Speech, "Our town needs more doctors.", ""},
			},
		},
		{
			name: "they for two people named together",
			text: "The owners, Ida Marsh and Paul Greer, said they would appeal.\n\n“We did nothing wrong,” they said.",
			want: []want{{Speech, "We did nothing wrong,", "Ida Marsh and Paul Greer"}},
		},
		{
			name: "zero-width space before the cue",
			text: "Union leader Carl Dorsey\u200b said the vote was close.\n\n“We won by four votes,” he said.",
			want: []want{{Speech, "We won by four votes,", "Carl Dorsey"}},
		},
		{
			name: "it for an organisation",
			text: "Westland Power said repairs would take days.\n\n“Crews are working around the clock,” it said.",
			want: []want{{Speech, "Crews are working around the clock,", "Westland Power"}},
		},
		{
			name: "nested quote inside a quote",
			text: "“They keep calling it “progress” but nobody agrees,” said Rhea Nolan.",
			want: []want{{Speech, "They keep calling it “progress” but nobody agrees,", "Rhea Nolan"}},
		},
		{
			name: "doubled apostrophes are not quotes by default",
			text: "''We will see,'' Mr. Dale Pike said.",
			want: []want{},
		},
		{
			name: "split quote joined by and",
			text: "“It was a long night,” said Vera Holm, and “nobody slept at all.”",
			want: []want{
				{Speech, "It was a long night,", "Vera Holm"},
				{Speech, "nobody slept at all.", "Vera Holm"},
			},
		},
		{
			name: "quote split by a long attribution",
			text: "“The risk,” said Noor Haddad, an economist who directs the forecast unit at the bank, “is that prices keep rising.”",
			want: []want{
				{Speech, "The risk,", "Noor Haddad"},
				{Speech, "is that prices keep rising.", "Noor Haddad"},
			},
		},
		{
			name: "participle cue takes the main clause subject",
			text: "Lara Moss posted a video on Sunday, saying, “We are not done yet.”",
			want: []want{{Speech, "We are not done yet.", "Lara Moss"}},
		},
	}
	checkExtract(t, mustNew(t, Options{}), tests)
}

// TestStrayMarkInLongParagraph: an unclosed mark in text with no paragraph breaks ends with
// its sentence instead of swallowing the rest of the document.
func TestStrayMarkInLongParagraph(t *testing.T) {
	text := "“This one never closes. " + strings.Repeat("The council met and talked about roads. ", 100) +
		"“Later quotes still count,” said Ida Marsh."
	qs := mustNew(t, Options{}).Extract(text)
	if len(qs) != 2 || qs[0].Text != "This one never closes." || qs[1].Speaker != "Ida Marsh" {
		t.Errorf("Extract(long paragraph with a stray mark) = %v, want the first sentence and Ida Marsh's quote", got(qs))
	}
}

func TestExtractOffsets(t *testing.T) {
	x := mustNew(t, Options{})
	texts := []string{
		"Ünïcödé first. “Ça va très bien,” said Zoë Brandt.",
		"‘It’s fine,’ he said.\n\n\"Straight,\" she said, “curly.”",
		"「日本語の引用」とTaro Satoは言った。",
	}
	for _, text := range texts {
		r := []rune(text)
		qs := x.Extract(text)
		if len(qs) == 0 {
			t.Errorf("Extract(%q) found no quotes", text)
		}
		for i, q := range qs {
			if q.Start < 0 || q.End > len(r) || q.Start >= q.End {
				t.Fatalf("Extract(%q)[%d] = [%d,%d), out of range", text, i, q.Start, q.End)
			}
			if s := string(r[q.Start:q.End]); s != q.Text {
				t.Errorf("Extract(%q)[%d]: runes [%d,%d) = %q, Text = %q", text, i, q.Start, q.End, s, q.Text)
			}
			if i > 0 && qs[i-1].Start > q.Start {
				t.Errorf("Extract(%q): quotes not sorted by Start", text)
			}
		}
	}
}

// TestNestedBrackets: a quote inside another in marks that pair by shape (『…』 in 「…」,
// «…» in “…”) closes the inner quote, not the outer one.
func TestNestedBrackets(t *testing.T) {
	x := mustNew(t, Options{})
	tests := []struct {
		text string
		want []string
	}{
		{"市長は「計画は『順調』だ」と述べた。", []string{"計画は『順調』だ"}},
		{"『本の「題名」を読んだ』と書いた。", []string{"本の「題名」を読んだ"}},
		{"“Der Plan «läuft» gut,” said Ana Cole.", []string{"Der Plan «läuft» gut,"}},
		{"\"Le plan «marche» bien,\" said Ana Cole.", []string{"Le plan «marche» bien,"}},
		{"“We read 「Umi」 twice,” said Ana Cole.", []string{"We read 「Umi」 twice,"}},
		// unchanged: an inner bracket left open, and guillemets side by side
		{"市長は「計画は『順調だ」と述べた。", []string{"計画は『順調だ"}},
		{"Elle a dit «oui» puis «non».", []string{"oui", "non"}},
		{"“Une erreur. «Oui», dit Ana. «Non», dit Léa.", []string{"Une erreur.", "Oui", "Non"}},
	}
	for _, tt := range tests {
		var g []string
		for _, q := range x.Extract(tt.text) {
			g = append(g, q.Text)
		}
		if !slices.Equal(g, tt.want) {
			t.Errorf("Extract(%q) texts = %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestAliases(t *testing.T) {
	x := mustNew(t, Options{Aliases: []Alias{{Name: "T. Varga", Aliases: []string{"Tomas Varga", "Varga"}}}})
	qs := x.Extract("President Tomas Varga spoke.\n\n“We are close,” Mr. Varga said.")
	if len(qs) != 1 || qs[0].Speaker != "T. Varga" {
		t.Errorf("Extract with aliases = %v, want one quote by %q", got(qs), "T. Varga")
	}
}

func TestCueVerbsOption(t *testing.T) {
	text := "“We will win,” Ana Ruiz proclaimed loudly."
	x := mustNew(t, Options{CueVerbs: []string{"proclaim"}})
	if qs := x.Extract(text); len(qs) != 1 || qs[0].Speaker != "Ana Ruiz" || qs[0].Cue != "proclaimed" {
		t.Errorf("Extract(%q) with cue proclaim = %+v, want Ana Ruiz, proclaimed", text, qs)
	}
	z := mustNew(t, Options{CueVerbs: []string{"chime in"}})
	for text, cue := range map[string]string{"“Me too,” Ana Ruiz chimed in.": "chimed", "“Me too,” Ana Ruiz chimed.": ""} {
		if qs := z.Extract(text); len(qs) != 1 || qs[0].Cue != cue {
			t.Errorf("Extract(%q) with cue %q = %+v, want cue %q", text, "chime in", qs, cue)
		}
	}
	y := mustNew(t, Options{CueVerbs: []string{"whisper"}})
	if qs := y.Extract(text); len(qs) != 1 || qs[0].Cue != "" {
		t.Errorf("Extract(%q) with cue whisper = %+v, want no cue", text, qs)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []Options{
		{CueVerbs: []string{"say", " "}},
		{CueVerbs: []string{"point out at length"}},
		{TermMaxWords: -1},
		{Aliases: []Alias{{Name: ""}}},
		{Aliases: []Alias{{Name: "A", Aliases: []string{"X"}}, {Name: "B", Aliases: []string{"x"}}}},
	}
	for _, o := range tests {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) = nil error, want one", o)
		}
	}
}

func TestDefaultCueVerbs(t *testing.T) {
	v := DefaultCueVerbs()
	v[0] = "changed"
	if DefaultCueVerbs()[0] == "changed" {
		t.Error("DefaultCueVerbs returns the package's own slice")
	}
	for _, form := range []string{"said", "says", "saying", "told", "wrote", "added", "asked", "declared", "replied"} {
		if _, ok := newCueSet(DefaultCueVerbs()).forms[form]; !ok {
			t.Errorf("default cue forms lack %q", form)
		}
	}
}

// TestLongInput checks that a 5 MB text with 10,000 quotation marks, many unbalanced, is
// extracted in linear time.
func TestLongInput(t *testing.T) {
	if testing.Short() {
		t.Skip("long input in -short mode")
	}
	var b strings.Builder
	para := "Officials said the \"plan is sound\" and then left the building without another word for anyone waiting outside the hall on the square today.\n"
	unbalanced := "“This never closes and the reporters kept writing what Mr. Lee said about it all again and again while the hall emptied out slowly.\n"
	for i := 0; b.Len() < 5<<20; i++ {
		switch {
		case i%7 == 0 && i < 5000:
			b.WriteString(unbalanced)
		case i < 5000:
			b.WriteString(para)
		default:
			b.WriteString(strings.Repeat("word ", 30) + "\n")
		}
	}
	text := b.String()
	x := mustNew(t, Options{})
	start := time.Now()
	qs := x.Extract(text)
	el := time.Since(start)
	if len(qs) == 0 {
		t.Fatal("no quotes in the long input")
	}
	if el > 20*time.Second {
		t.Errorf("Extract of %d bytes took %v", len(text), el)
	}
	t.Logf("%d bytes, %d quotes, %v (%.1f MB/s)", len(text), len(qs), el, float64(len(text))/1e6/el.Seconds())
}

// TestManyMarksOneParagraph: 10,000 unbalanced marks with no paragraph break in 5 MB.
func TestManyMarksOneParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("long input in -short mode")
	}
	var b strings.Builder
	pieces := []string{"Mr. Sam Reed said \"we are here. ", "“They left, ", "‘it’s fine,’ said Ms. Ana Cole, ", "«non», "}
	for i := 0; b.Len() < 5<<20; i++ {
		if i < 10000 {
			b.WriteString(pieces[i%len(pieces)])
		}
		b.WriteString("and the council talked about roads and schools for a long while. ")
	}
	x := mustNew(t, Options{})
	start := time.Now()
	qs := x.Extract(b.String())
	if el := time.Since(start); el > 20*time.Second {
		t.Errorf("Extract of %d bytes in one paragraph took %v", b.Len(), el)
	} else {
		t.Logf("%d bytes, %d quotes, %v", b.Len(), len(qs), el)
	}
}

// TestManyQuotesOneParagraph: 1 MB in one paragraph, 25,000 short speech quotes, most with
// no cue. Looking for the title line and for a later quote with a cue, once for each quote,
// took minutes.
func TestManyQuotesOneParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("long input in -short mode")
	}
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		if i%50 == 49 {
			fmt.Fprintf(&b, "“Gate %d opens at noon,” Ms. Ana Cole said. ", i)
		} else {
			fmt.Fprintf(&b, "Then: “Is road %d ready?” ", i)
		}
	}
	x := mustNew(t, Options{})
	start := time.Now()
	qs := x.Extract(b.String())
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("Extract of %d bytes and %d quotes in one paragraph took %v", b.Len(), len(qs), el)
	} else {
		t.Logf("%d bytes, %d quotes, %v", b.Len(), len(qs), el)
	}
}

func BenchmarkExtract(b *testing.B) {
	text := strings.Repeat("President Tomas Varga of Ostria met Ms. Lena Duvall on Friday.\n\n“We will not retreat,” Mr. Varga said. “Never.”\n\nMs. Duvall disagreed. \"It is a mistake,\" she said, calling it a \"gamble\".\n\n", 500)
	x := mustNew(b, Options{})
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		x.Extract(text)
	}
}

// BenchmarkExtractBBC runs the extractor over the shared BBC corpus, one article at a time.
func BenchmarkExtractBBC(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedData, "corpus", "bbc", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("no shared BBC corpus")
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, strings.ToValidUTF8(string(data), "\uFFFD"))
		size += len(data)
	}
	x := mustNew(b, Options{})
	b.ReportAllocs()
	b.SetBytes(int64(size))
	defer benchcpu.PerOp(b, 0)()
	for b.Loop() {
		for _, t := range texts {
			x.Extract(t)
		}
	}
}

func TestDoubledApostrophes(t *testing.T) {
	x := mustNew(t, Options{DoubledApostrophes: true})
	text := "Senator Ruth Alder spoke after the vote.\n\n''We will try again,'' Ms. Alder said. ''It's not over.''\n\nHer rival's ''victory lap'' was short."
	want := []want{
		{Speech, "We will try again,", "Ruth Alder"},
		{Speech, "It's not over.", "Ruth Alder"},
		{Term, "victory lap", ""},
	}
	if g := got(x.Extract(text)); !sameWants(g, want) {
		t.Errorf("Extract(%q) with DoubledApostrophes\n got  %v\n want %v", text, g, want)
	}
	// ’’ closing a curly quote: the second mark is not left in the text after the quote
	y := mustNew(t, Options{})
	text = "“We dedicate ourselves to local artists,’’ says Omar Vale, the owner."
	if g := got(y.Extract(text)); len(g) != 1 || g[0].speaker != "Omar Vale" {
		t.Errorf("Extract(%q) = %v, want one quote by Omar Vale", text, g)
	}
}

// TestConcurrent runs one Extractor from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	x := mustNew(t, Options{Aliases: []Alias{{Name: "T. Varga", Aliases: []string{"Tomas Varga"}}}})
	text := "President Tomas Varga of Ostria spoke.\n\n“We are close,” Mr. Varga said. “Very close.”\n\nMs. Lena Duvall disagreed. \"No,\" she said."
	ref := got(x.Extract(text))
	done := make(chan []want)
	for i := 0; i < 8; i++ {
		go func() {
			var last []want
			for j := 0; j < 50; j++ {
				last = got(x.Extract(text))
			}
			done <- last
		}()
	}
	for i := 0; i < 8; i++ {
		if g := <-done; !sameWants(g, ref) {
			t.Errorf("concurrent Extract = %v, want %v", g, ref)
		}
	}
}

// TestInvalidUTF8 checks that bytes that are not UTF-8 count as one rune each, U+FFFD, as
// []rune(text) reads them: the quotes are those of the text with each such byte replaced.
func TestInvalidUTF8(t *testing.T) {
	x := mustNew(t, Options{})
	text := "Ms. Lena Duvall \xff\xfe spoke.\n\n“We are close \xff,” she said. \xc3 \"Very \xe2\x80 close,\" Ms. Duvall added."
	r := []rune(text)
	qs := x.Extract(text)
	if want := x.Extract(string(r)); !reflect.DeepEqual(qs, want) || len(qs) != 2 {
		t.Fatalf("Extract(%q) = %v, want %v (two quotes)", text, qs, want)
	}
	for _, q := range qs {
		if string(r[q.Start:q.End]) != q.Text {
			t.Errorf("Extract(%q): Text %q is not runes [%d,%d)", text, q.Text, q.Start, q.End)
		}
	}
	if qs[0].Speaker != "Lena Duvall" {
		t.Errorf("Extract(%q): speaker of %q = %q, want Lena Duvall", text, qs[0].Text, qs[0].Speaker)
	}
}

// TestCueAccordingTo checks that the cue column reads "according to" wherever the phrase
// stands and however it is capitalised.
func TestCueAccordingTo(t *testing.T) {
	x := mustNew(t, Options{})
	for _, text := range []string{
		"“The river rose by two metres overnight,” according to Rosa Quint.",
		"According to Rosa Quint, “the river rose by two metres overnight.”",
		"The water kept rising. According to Rosa Quint: “The river rose by two metres overnight.”",
	} {
		qs := x.Extract(text)
		if len(qs) != 1 || qs[0].Cue != "according to" {
			t.Errorf("Extract(%q) = %+v, want one quote with cue %q", text, qs, "according to")
		}
	}
}
