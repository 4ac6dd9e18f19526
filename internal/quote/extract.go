package quote

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// DefaultTermMaxWords is the longest quote, in words, that becomes kind=term when it has no
// sentence shape of its own.
const DefaultTermMaxWords = 4

// Partial is a quoted fragment inside reported speech (he called the plan "a costly mistake
// for the province"): longer than a term, but not a quote that stands as a sentence.
const Partial Kind = "partial"

// ErrOptions is wrapped by the errors New returns for bad options.
var ErrOptions = errors.New("bad quote options")

// An Extractor finds quotes and attributes them. It is safe for concurrent use.
type Extractor struct {
	twoApos bool
	cues    cueSet
	aliases map[string]string // lower-case alias or name -> canonical name
	termMax int
}

// New compiles the options into an Extractor.
func New(opts Options) (*Extractor, error) {
	verbs := opts.CueVerbs
	if len(verbs) == 0 {
		verbs = defaultCueVerbs
	}
	for i, v := range verbs {
		if strings.TrimSpace(v) == "" {
			return nil, fmt.Errorf("cue verb %d is empty: %w", i, ErrOptions)
		}
		if strings.ContainsFunc(strings.TrimSpace(v), unicode.IsSpace) {
			return nil, fmt.Errorf("cue verb %q: one word only: %w", v, ErrOptions)
		}
	}
	if opts.TermMaxWords < 0 {
		return nil, fmt.Errorf("term max words %d is negative: %w", opts.TermMaxWords, ErrOptions)
	}
	e := &Extractor{cues: newCueSet(verbs), aliases: make(map[string]string), termMax: opts.TermMaxWords, twoApos: opts.DoubledApostrophes}
	if e.termMax == 0 {
		e.termMax = DefaultTermMaxWords
	}
	for i, a := range opts.Aliases {
		name := strings.TrimSpace(a.Name)
		if name == "" {
			return nil, fmt.Errorf("alias %d has no name: %w", i, ErrOptions)
		}
		for _, s := range append([]string{name}, a.Aliases...) {
			k := aliasKey(s)
			if k == "" {
				continue
			}
			if prev, ok := e.aliases[k]; ok && prev != name {
				return nil, fmt.Errorf("alias %q names both %q and %q: %w", s, prev, name, ErrOptions)
			}
			e.aliases[k] = name
		}
	}
	return e, nil
}

func aliasKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// Extract returns the quotes in text, sorted by Start. Offsets are rune indexes into text.
func (e *Extractor) Extract(text string) []Quote {
	r := []rune(text)
	paras := splitParagraphs(r)
	spans := scanQuotes(r, paras, e.twoApos)
	if len(spans) == 0 {
		return nil
	}
	marks := make(map[int]bool, 2*len(spans))
	for _, s := range spans {
		marks[s.firstMark()], marks[s.open] = true, true
		if s.close >= 0 {
			marks[s.close], marks[s.endMark()] = true, true
		}
	}
	toks := tokenize(r, marks)
	d := newDoc(e, r, toks, spans, paras)
	d.buildEntities()
	d.attribute()
	return d.quotes()
}

// qinfo is what the attribution pass learns about one span.
type qinfo struct {
	openTok, closeTok int // token index of the opening mark and the closing mark (or one past the content)
	words             int
	kind              Kind
	speaker           string
	ent               int // entity of the speaker, or -1
	mention, cue      string
	local             bool // attributed by a cue next to it
	listed            bool // introduced by a colon, possibly the first of a list of quotes
	dropped           bool
	bLo               int // first token of the sentence part before the quote
	aHi               int // one past the last token of the sentence part after the quote
}

// A group is two people named together as a sentence subject.
type group struct {
	tok  int
	text string
}

type mention struct {
	tok, ent int
	subj     bool // the first name in its sentence, or the subject of a cue
}

type doc struct {
	x         *Extractor
	r         []rune
	toks      []token
	spans     []span
	q         []qinfo
	ents      []*entity
	bySurname map[string][]int
	byFirst   map[string][]int
	mentions  []mention // name mentions outside quotes, in token order
	spk       []mention // resolved speakers, in token order of their mention
	groups    []group   // "Full Name and Full Name" subjects, in token order
	lowerSeen map[string]bool
}

func newDoc(x *Extractor, r []rune, toks []token, spans []span, paras []paragraph) *doc {
	d := &doc{x: x, r: r, toks: toks, spans: spans, q: make([]qinfo, len(spans)),
		bySurname: map[string][]int{}, byFirst: map[string][]int{}, lowerSeen: map[string]bool{}}
	k, p := 0, 0
	for i := range toks {
		t := &toks[i]
		for p+1 < len(paras) && paras[p+1].start <= t.s {
			p++
		}
		t.para = p
		for k < len(spans) && spans[k].endMark() < t.s {
			k++
		}
		if k < len(spans) && spans[k].firstMark() <= t.s && t.s <= spans[k].endMark() {
			t.quote = k
			if t.s == spans[k].firstMark() {
				d.q[k].openTok = i
			}
			if t.kind == tokMark && spans[k].close >= 0 && t.s == spans[k].endMark() {
				d.q[k].closeTok = i
			} else if spans[k].close < 0 {
				d.q[k].closeTok = i + 1
			}
			if t.kind == tokWord && t.s >= spans[k].start && t.e <= spans[k].end {
				d.q[k].words++
			}
		}
		if t.kind == tokWord && !t.cap && t.quote < 0 {
			d.lowerSeen[t.lower] = true
		}
	}
	for i := range d.q {
		d.q[i].ent = -1
	}
	return d
}

func isSentenceEnd(t token) bool {
	return t.kind == tokPunct && (t.text == "." || t.text == "?" || t.text == "!")
}

// boundary: a token that ends the search for a quote's context.
func (d *doc) boundary(i, k int) bool {
	t := d.toks[i]
	return t.kind == tokPara || (t.quote >= 0 && t.quote != k) || isSentenceEnd(t)
}

func isWord(t token) bool { return t.kind == tokWord }

func isAdverb(lw string) bool {
	switch lw {
	case "also", "then", "later", "once", "has", "had", "have", "was", "is", "would", "will", "just",
		"previously", "recently", "again", "further", "earlier", "still", "further.", "simply", "flatly",
		"repeatedly", "often", "never", "always", "even", "did", "does", "do", "ve", "d", "could", "might", "may",
		"only", "first", "finally", "quickly", "immediately", "subsequently", "already", "yesterday", "today",
		"tonight", "here", "there", "can", "reportedly":
		return true
	}
	return strings.HasSuffix(lw, "ly") && len(lw) > 4
}

var determiners = toSet(`the a an his her its their our my your this that these those one another`)

var npStop = toSet(`in on at during after before when while to from that who which as because and but or
with by for about of over into through via than since until if whether where how what why
said says told tells`)

// findCue finds a cue verb in tokens [lo, hi) and returns its index, or -1. fromEnd searches
// backward. "according to" counts as a cue on "according".
func (d *doc) findCue(lo, hi int, fromEnd bool, maxWords int) int {
	n := 0
	step, i := 1, lo
	if fromEnd {
		step, i = -1, hi-1
	}
	for ; i >= lo && i < hi; i += step {
		t := d.toks[i]
		if t.kind != tokWord {
			continue
		}
		n++
		if n > maxWords {
			return -1
		}
		if t.lower == "according" && i+1 < len(d.toks) && d.toks[i+1].lower == "to" {
			return i
		}
		if d.x.cues.isCue(d.toks, i) && !isNounUse(d.toks, i) && (i == 0 || d.toks[i-1].lower != "to") && !t.cap {
			return i
		}
	}
	return -1
}

// isNounUse rejects cue words used as nouns or adjectives ("the report", "a statement read").
func isNounUse(toks []token, i int) bool {
	if i > 0 && toks[i-1].kind == tokWord && determiners[toks[i-1].lower] && toks[i-1].lower != "that" {
		return true
	}
	return false
}

// A speakerMention is the words that name a speaker next to a cue.
type speakerMention struct {
	i, j    int // token range
	kind    byte
	words   []string // name words for names
	text    string
	headPos int
}

const (
	mNone    = 0
	mPronoun = 'p'
	mName    = 'n'
	mRole    = 'r'
)

func (d *doc) text(i, j int) string {
	if i >= j {
		return ""
	}
	return string(d.r[d.toks[i].s:d.toks[j-1].e])
}

// npAfter reads the speaker mention that starts at token i (after an inverted cue).
func (d *doc) npAfter(i, hi int) speakerMention {
	for i < hi && isWord(d.toks[i]) && !d.toks[i].cap && isAdverb(d.toks[i].lower) {
		i++
	}
	if i >= hi || !isWord(d.toks[i]) {
		return speakerMention{}
	}
	t := d.toks[i]
	if personalPronouns[t.lower] {
		return speakerMention{i: i, j: i + 1, kind: mPronoun, text: t.text}
	}
	if npStop[t.lower] || t.lower == "reporters" || t.lower == "journalists" {
		return speakerMention{}
	}
	if t.cap && !determiners[t.lower] {
		if run, ok := readNameRun(d.toks, i); ok && run.j <= hi {
			// "says Westland cartoonist Full Name": a place before role words and the name
			placeFirst := run.j < hi && isWord(d.toks[run.j]) && !d.toks[run.j].cap && !npStop[d.toks[run.j].lower] &&
				!d.x.cues.isCue(d.toks, run.j) && !isAdverb(d.toks[run.j].lower)
			if !run.possessive && !placeFirst {
				return speakerMention{i: i, j: run.j, kind: mName, words: run.words, text: d.text(i, run.j)}
			}
		}
	}
	// "said oil and gas worker Full Name": a name a few words on, ending the clause
	for n := i; n < hi && n-i < 8 && isWord(d.toks[n]); n++ {
		if d.toks[n].cap && (n == i || !d.toks[n-1].cap) {
			if run, ok := readNameRun(d.toks, n); ok && !run.possessive && !isOrgRun(run) && (run.j >= hi || !isWord(d.toks[run.j])) {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(n, run.j)}
			}
			break
		}
		if d.x.cues.isCue(d.toks, n) {
			break
		}
	}
	// role NP: words until punctuation or a stop word
	j := i
	for j < hi && isWord(d.toks[j]) && (j == i || !npStop[d.toks[j].lower]) {
		if j > i && d.x.cues.isCue(d.toks, j) && !d.toks[j].cap {
			break
		}
		j++
	}
	if j == i {
		return speakerMention{}
	}
	// "said oil and gas worker Full Name": a name that ends the role words
	for n := i + 1; n < j; n++ {
		if d.toks[n].cap && !d.toks[n-1].cap {
			if run, ok := readNameRun(d.toks, n); ok && run.j == j && !run.possessive && !isOrgRun(run) {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(n, j)}
			}
			break
		}
	}
	m := speakerMention{i: i, j: j, kind: mRole, text: d.text(i, j)}
	// ", the aide, Full Name," : an appositive name after the role
	if j+1 < hi && d.toks[j].text == "," && isWord(d.toks[j+1]) && d.toks[j+1].cap {
		if run, ok := readNameRun(d.toks, j+1); ok && !run.possessive && (run.j >= hi || !isWord(d.toks[run.j])) {
			return speakerMention{i: j + 1, j: run.j, kind: mName, words: run.words, text: d.text(j+1, run.j)}
		}
	}
	return m
}

// npBefore reads the speaker mention that ends just before the cue at token v, not going
// before lo.
func (d *doc) npBefore(lo, v int) speakerMention {
	e := v
	for e > lo && (isWord(d.toks[e-1]) && isAdverb(d.toks[e-1].lower) && !d.toks[e-1].cap || d.toks[e-1].text == ",") {
		e--
	}
	if e > lo && d.toks[e-1].lower == "to" {
		// "went on to say", "wanted to tell": the subject is before the verb phrase
		e--
		for n := 0; n < 3 && e > lo && isWord(d.toks[e-1]) && !d.toks[e-1].cap && !determiners[d.toks[e-1].lower] && !personalPronouns[d.toks[e-1].lower]; n++ {
			e--
		}
	}
	// comma-separated chunks back from e
	type chunk struct{ i, j int }
	var chunks []chunk
	j := e
	for len(chunks) < 6 && j > lo {
		i := j
		for i > lo && d.toks[i-1].text != "," && d.toks[i-1].kind != tokMark && d.toks[i-1].text != "(" && d.toks[i-1].text != ")" {
			i--
		}
		chunks = append(chunks, chunk{i, j})
		if i <= lo || d.toks[i-1].text != "," {
			break
		}
		j = i - 1
	}
	// nameChunk reports the name run that fills chunk c exactly, if any.
	nameChunk := func(c chunk) (speakerMention, bool) {
		if c.i >= c.j || !isWord(d.toks[c.j-1]) || !d.toks[c.j-1].cap {
			return speakerMention{}, false
		}
		s := c.j - 1
		for s > c.i && isWord(d.toks[s-1]) && (d.toks[s-1].cap || nameParticles[d.toks[s-1].lower]) {
			s--
		}
		run, ok := readNameRun(d.toks, s)
		if !ok || run.j != c.j || run.possessive || isOrgRun(run) {
			return speakerMention{}, false
		}
		return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(s, c.j)}, true
	}
	for ci := 0; ci < len(chunks); ci++ {
		c := chunks[ci]
		if c.i >= c.j {
			return speakerMention{}
		}
		first := d.toks[c.i]
		if first.lower == "who" || first.lower == "which" || first.lower == "whose" {
			continue // a relative clause: the subject is before it
		}
		if ci+1 < len(chunks) && (first.lower == "of" || first.lower == "from" || isNumber(first.text) ||
			(c.j-c.i == 1 && strings.Contains(first.text, ".") && len(first.text) <= 6)) {
			continue // "Full Name, 30, of Townsville, N.C., said": ages and places
		}
		last := d.toks[c.j-1]
		if !isWord(last) {
			return speakerMention{}
		}
		if personalPronouns[last.lower] {
			return speakerMention{i: c.j - 1, j: c.j, kind: mPronoun, text: last.text}
		}
		if personalPronouns[first.lower] && c.j-c.i <= 4 {
			return speakerMention{i: c.i, j: c.i + 1, kind: mPronoun, text: first.text} // he was quoted as
		}
		appositive := determiners[first.lower] || !first.cap || !last.cap || (c.j-c.i <= 2 && titles[bare(last.lower)] != "")
		if appositive && ci+1 < len(chunks) {
			// "Full Name, a spokesman for X, said" / "Full Name, Yellowhead MP, said"
			if m, ok := nameChunk(chunks[ci+1]); ok {
				return m
			}
		}
		if last.cap {
			s := c.j - 1
			for s > c.i && isWord(d.toks[s-1]) && (d.toks[s-1].cap || nameParticles[d.toks[s-1].lower]) {
				s--
			}
			if run, ok := readNameRun(d.toks, s); ok && run.j == c.j && !run.possessive {
				// "Full Name of Org said": the person before the preposition
				if p := s - 1; p > c.i && (d.toks[p].lower == "of" || d.toks[p].lower == "at" || d.toks[p].lower == "with" || d.toks[p].lower == "from") {
					if m, ok := nameChunk(chunk{c.i, p}); ok {
						return m
					}
				}
				if isOrgRun(run) {
					return speakerMention{i: s, j: c.j, kind: mRole, text: d.text(s, c.j)}
				}
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(s, c.j)}
			}
		}
		// a role NP: from the last determiner (or the chunk start) to the end
		s := c.j - 1
		for s > c.i && isWord(d.toks[s-1]) && !npStop[d.toks[s-1].lower] && !determiners[d.toks[s].lower] {
			s--
		}
		if s > c.i && determiners[d.toks[s-1].lower] {
			s--
		}
		if s < c.j {
			if ft := d.toks[s]; !ft.cap && !determiners[ft.lower] && !quantifiers[ft.lower] && (npStop[ft.lower] || s < c.j-1) {
				// "then leaned in and boomed": no subject here; the sentence's subject speaks
				return d.sentenceSubject(lo, v)
			}
			return speakerMention{i: s, j: c.j, kind: mRole, text: d.text(s, c.j)}
		}
		return speakerMention{}
	}
	return speakerMention{}
}

var quantifiers = toSet(`many some several few most other others both all two three four five critics officials
analysts experts observers supporters opponents residents witnesses police protesters organizers organisers
sources aides advisers advisors lawmakers voters`)

func isNumber(s string) bool {
	for _, c := range s {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	return s != ""
}

func isOrgRun(run nameRun) bool { return run.isOrg() }

func (d *doc) roleText(i, j int) string { return d.text(i, j) }

// attribute classifies every span and finds its speaker.
func (d *doc) attribute() {
	for k := range d.spans {
		d.local(k)
	}
	d.fallback()
	d.dedup()
}

// local attributes span k from the sentence around it.
func (d *doc) local(k int) {
	q := &d.q[k]
	sp := d.spans[k]
	// sentence part before the opening mark
	b := q.openTok
	for b > 0 && !d.boundary(b-1, k) && q.openTok-b < 80 {
		b--
	}
	q.bLo = b
	a := q.closeTok + 1
	if sp.close < 0 {
		a = q.closeTok
	}
	hi := a
	if sp.close >= 0 {
		for hi < len(d.toks) && !d.boundary(hi, k) && hi-a < 80 {
			hi++
		}
	}
	q.aHi = hi
	le := sp.end - 1
	for le > sp.start && (isSingleMark(d.r[le]) || isDoubleMark(d.r[le]) || d.r[le] == ' ') {
		le-- // ‘… too!’ ”: a nested quote closes with the outer one
	}
	lastRune := d.r[le]
	endsOpen := strings.ContainsRune(",?!\u2014\u2013-\u2026:;", lastRune)
	endsStop := lastRune == '.'
	// after-cue: “…,” X said / said X
	afterCue := -1
	if a < hi {
		first := d.toks[a]
		ok := endsOpen || first.text == "," || (isWord(first) && !first.cap) || endsStop || (isWord(first) && first.cap)
		if clauseStarters[first.lower] || (first.text == "," && a+1 < hi && clauseStarters[d.toks[a+1].lower]) {
			ok = false // “…” and shared a link: a new clause, not an attribution
		}
		if ok {
			start := a
			if first.text == "," {
				start++
			}
			max := 22
			if endsStop && first.text != "," {
				max = 5
			}
			afterCue = d.findCue(start, hi, false, max)
			if afterCue >= 0 && d.toks[afterCue].cap && afterCue > start && d.toks[afterCue].lower != "according" {
				afterCue = -1 // a capitalized verb mid-sentence is a name (Said, Tell)
			}
		}
	}
	// "The newspaper reported:\n\n“…”": a paragraph introduced by the one before
	if b == q.openTok && b >= 2 && d.toks[b-1].kind == tokPara && d.toks[b-2].text == ":" && d.toks[b-2].quote < 0 {
		c := b - 2
		pb := c
		for pb > 0 && !d.boundary(pb-1, k) && c-pb < 80 {
			pb--
		}
		if !d.labelBefore(pb, c) {
			var m speakerMention
			cue := d.findCue(pb, c, true, 10)
			if cue >= 0 {
				m = d.subject(pb, cue, c)
				q.cue = d.toks[cue].text
			} else {
				m = d.colonSpeaker(pb, c)
			}
			q.kind = Speech
			if m.kind != mNone {
				q.mention = m.text
				q.speaker, q.ent = d.resolve(m)
				q.local = q.speaker != ""
				if q.ent >= 0 {
					d.spk = append(d.spk, mention{tok: m.i, ent: q.ent, subj: true})
				}
			}
			return
		}
	}
	// before-cue: X said: “…” / X said, “…”
	beforeCue := -1
	introduced := b == q.openTok
	if q.openTok > b {
		last := d.toks[q.openTok-1]
		if last.text == "\u2026" || (isWord(last) && strings.HasSuffix(last.text, ".") && strings.Count(last.text, ".") > 1 && q.openTok-1 > b) {
			introduced = true // … “One!” / in the U.S. “Forget it”: the mark starts a sentence
		}
		if (last.text == ":" && !d.labelBefore(b, q.openTok-1)) || ((last.text == "\u2014" || last.text == "\u2013") && q.openTok-1 == b) {
			introduced = true
		}
		c := d.findCue(b, q.openTok, true, 10)
		if c >= 0 {
			that := false
			for i := c + 1; i < q.openTok; i++ {
				if d.toks[i].lower == "that" || d.toks[i].lower == "if" || d.toks[i].lower == "whether" {
					that = true
				}
			}
			words := 0
			for i := c + 1; i < q.openTok; i++ {
				if isWord(d.toks[i]) {
					words++
				}
			}
			// said: “…” / said Friday, “…” / adding “…”
			// “…,” said Full Name, and “…”: the second half of a split quote
			splitAnd := last.lower == "and" && words <= 5 && b > 0 && d.toks[b-1].kind == tokMark && d.toks[b-1].quote == k-1
			if !that && (last.text == ":" || (last.text == "," && words <= 8) || c == q.openTok-1 || splitAnd) {
				introduced = true
				beforeCue = c
			}
		}
	}
	hasSentence := false
	for _, c := range d.r[sp.start:sp.end] {
		if c == '.' || c == '?' || c == '!' {
			hasSentence = true
			break
		}
	}
	// the quote must end a clause: with its own punctuation, or before punctuation or a cue
	// including: “A” and “B.”: a list of quotes after a colon
	nextQuote := a+1 < len(d.toks) && (d.toks[a].lower == "and" || d.toks[a].lower == "or") && d.toks[a+1].kind == tokMark && d.toks[a+1].quote == k+1
	if q.openTok-b == 1 && k > 0 && d.q[k-1].listed && (d.toks[b].lower == "and" || d.toks[b].lower == "or" || d.toks[b].text == ",") {
		introduced = true
	}
	clauseEnd := endsOpen || endsStop || sp.close < 0 || a >= hi || !isWord(d.toks[a]) || afterCue >= 0 || nextQuote
	speech := introduced && clauseEnd
	if speech && afterCue < 0 && beforeCue < 0 {
		if (q.words <= d.x.termMax && !hasSentence) || d.titleCase(sp) {
			speech = false
		}
	}
	if sp.continuation {
		speech = true
	}
	if speech && nextQuote && q.openTok > b && (d.toks[q.openTok-1].text == ":" || (k > 0 && d.q[k-1].listed)) {
		q.listed = true
	}
	switch {
	case speech:
		q.kind = Speech
	case q.words <= d.x.termMax:
		q.kind = Term
		return
	default:
		q.kind = Partial
	}
	var m speakerMention
	var cue int = -1
	if beforeCue >= 0 && d.toks[q.openTok-1].text == ":" {
		// "Pollsters agree - Full Name:": a byline name before the colon speaks
		if m2 := d.colonName(b, q.openTok-1); m2.kind == mName && m2.i > b && isDash(d.toks[m2.i-1]) {
			beforeCue = -1
			afterCue = -1
		}
	}
	switch {
	case beforeCue >= 0 && (afterCue < 0 || d.toks[q.openTok-1].text == ":" || !endsOpen):
		cue = beforeCue
		m = d.subject(b, beforeCue, q.openTok)
	case afterCue >= 0:
		cue = afterCue
		start := a
		if d.toks[a].text == "," {
			start++
		}
		m = d.subject(start, afterCue, hi)
	case q.kind == Partial:
		if c := d.findCue(b, q.openTok, true, 40); c >= 0 {
			cue = c
			m = d.subject(b, c, q.openTok)
		}
	case q.openTok > b && d.toks[q.openTok-1].text == ":" && !d.labelBefore(b, q.openTok-1):
		// Name: “…” / The president then leaned in and boomed: “…”
		m = d.colonSpeaker(b, q.openTok-1)
	case a < hi && isDash(d.toks[a]) && a+1 < hi && d.toks[a+1].cap:
		// “…” ― Full Name
		if run, ok := readNameRun(d.toks, a+1); ok && !run.possessive && !isOrgRun(run) {
			m = speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(a+1, run.j)}
		}
	}
	if cue >= 0 {
		q.cue = d.toks[cue].text
		if q.cue == "according" {
			q.cue = "according to"
		}
	}
	if m.kind == mNone {
		return
	}
	q.mention = m.text
	q.speaker, q.ent = d.resolve(m)
	q.local = q.speaker != ""
	if q.ent >= 0 {
		d.spk = append(d.spk, mention{tok: m.i, ent: q.ent, subj: true})
	}
}

var clauseStarters = toSet(`and but or then before after as while when because so although though which who where`)

func isDash(t token) bool {
	switch t.text {
	case "\u2014", "\u2015", "\u2013", "-":
		return true
	}
	return false
}

// colonName reads the name right before a colon.
func (d *doc) colonName(lo, colon int) speakerMention {
	if colon-1 >= lo && isWord(d.toks[colon-1]) && d.toks[colon-1].cap {
		s := colon - 1
		for s > lo && isWord(d.toks[s-1]) && (d.toks[s-1].cap || nameParticles[d.toks[s-1].lower]) {
			s--
		}
		if run, ok := readNameRun(d.toks, s); ok && run.j == colon && !run.possessive && !isOrgRun(run) {
			return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(s, colon)}
		}
	}
	return speakerMention{}
}

// colonSpeaker finds who speaks in "Name:" or in a sentence that ends with a colon and has
// no cue: the name right before the colon, else the sentence's subject.
func (d *doc) colonSpeaker(lo, colon int) speakerMention {
	if colon-1 >= lo && isWord(d.toks[colon-1]) && d.toks[colon-1].cap {
		s := colon - 1
		for s > lo && isWord(d.toks[s-1]) && (d.toks[s-1].cap || nameParticles[d.toks[s-1].lower]) {
			s--
		}
		if run, ok := readNameRun(d.toks, s); ok && run.j == colon && !run.possessive && !isOrgRun(run) &&
			(s == lo || !isWord(d.toks[s-1]) || len(run.words) > 1) {
			return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(s, colon)}
		}
	}
	if m := d.sentenceSubject(lo, colon); m.kind != mNone {
		return m
	}
	// "... when Full Name again took to the stage with this:": the last name before a verb
	for i := colon - 1; i > lo; i-- {
		t := d.toks[i]
		if !isWord(t) || !t.cap || (i+1 < colon && d.toks[i+1].cap) {
			continue
		}
		s := i
		for s > lo && isWord(d.toks[s-1]) && d.toks[s-1].cap {
			s--
		}
		run, ok := readNameRun(d.toks, s)
		if !ok || run.j != i+1 || run.possessive || isOrgRun(run) || run.j >= colon {
			continue
		}
		nx := d.toks[run.j]
		if isWord(nx) && !nx.cap && !npStop[nx.lower] && !determiners[nx.lower] {
			if id := d.lookupName(run.words, run.ni); id >= 0 && d.ents[id].person {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(s, run.j)}
			}
		}
		break
	}
	return speakerMention{}
}

// labelBefore: the words before the colon are an all-capitals label ("READ MORE:").
func (d *doc) labelBefore(lo, colon int) bool {
	n := 0
	for i := colon - 1; i >= lo && isWord(d.toks[i]); i-- {
		if !isAllUpper(d.toks[i].text) {
			return false
		}
		n++
	}
	return n >= 2
}

// sentenceSubject reads a name or pronoun that opens the sentence part [lo, hi), after a
// short opening phrase ("Hours later, Full Name ...").
func (d *doc) sentenceSubject(lo, hi int) speakerMention {
	if m := d.subjectAt(lo, hi); m.kind != mNone {
		return m
	}
	for i := lo; i < hi && i-lo < 7; i++ {
		if d.toks[i].text == "," {
			if i > lo && d.toks[i-1].kind == tokWord && d.toks[i-1].cap {
				return speakerMention{} // "Full Name, an aide, ..." is not an opening phrase
			}
			return d.subjectAt(i+1, hi)
		}
		if d.toks[i].kind != tokWord {
			break
		}
	}
	return speakerMention{}
}

func (d *doc) subjectAt(lo, hi int) speakerMention {
	i := lo
	for i < hi && !isWord(d.toks[i]) {
		i++
	}
	if i >= hi {
		return speakerMention{}
	}
	t := d.toks[i]
	if personalPronouns[t.lower] {
		return speakerMention{i: i, j: i + 1, kind: mPronoun, text: t.text}
	}
	if determiners[t.lower] {
		// "The opposition leader, Full Name, disagreed:"
		j := i + 1
		for j < hi && isWord(d.toks[j]) && j-i < 6 {
			j++
		}
		if j+1 < hi && d.toks[j].text == "," && d.toks[j+1].cap {
			if run, ok := readNameRun(d.toks, j+1); ok && run.j < hi && d.toks[run.j].text == "," && !run.possessive && !isOrgRun(run) {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(j+1, run.j)}
			}
		}
		// "The team posted ...:": the noun phrase up to a past-tense verb
		j = i + 1
		for j < hi && j-i < 5 && isWord(d.toks[j]) && !d.toks[j].cap && !npStop[d.toks[j].lower] && !isAdverb(d.toks[j].lower) {
			if strings.HasSuffix(d.toks[j].lower, "ed") || d.x.cues.isCue(d.toks, j) {
				if j > i+1 && d.toks[i].lower == "the" {
					return speakerMention{i: i, j: j, kind: mRole, text: d.text(i, j)}
				}
				break
			}
			j++
		}
		return speakerMention{}
	}
	if t.cap {
		if run, ok := readNameRun(d.toks, i); ok && run.j < hi && !run.possessive && !isOrgRun(run) && (isWord(d.toks[run.j]) && !d.toks[run.j].cap || d.toks[run.j].text == ",") {
			id := d.lookupName(run.words, run.ni)
			if len(run.words) > 1 || len(run.titles) > 0 || (id >= 0 && d.ents[id].person) {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(i, run.j)}
			}
		}
	}
	return speakerMention{}
}

// subject finds the speaker of the cue at v, looking before it down to lo or after it up to hi.
func (d *doc) subject(lo, v, hi int) speakerMention {
	if d.toks[v].lower == "according" {
		return d.npAfter(v+2, hi)
	}
	// ", saying “…”" / ", writing “…”": the subject of the sentence's main clause
	if strings.HasSuffix(d.toks[v].lower, "ing") && v > lo && (d.toks[v-1].text == "," || (!d.toks[v-1].cap && isAdverb(d.toks[v-1].lower)) ||
		(isWord(d.toks[v-1]) && !d.toks[v-1].cap && !personalPronouns[d.toks[v-1].lower] && d.toks[v-1].lower != "was" && d.toks[v-1].lower != "is")) {
		if m := d.sentenceSubject(lo, v); m.kind != mNone {
			return m
		}
	}
	// inverted: only adverbs and commas between lo and the cue
	inverted := true
	for i := lo; i < v; i++ {
		if isWord(d.toks[i]) && (d.toks[i].cap || !isAdverb(d.toks[i].lower)) {
			inverted = false
			break
		}
	}
	after := v + 1
	if base := d.x.cues.forms[d.toks[v].lower]; len(d.x.cues.particle[base]) > 0 {
		after++ // pointed out, went on
	}
	if inverted {
		if after < hi {
			return d.npAfter(after, hi)
		}
		return speakerMention{}
	}
	// "…, asks the review's editor Full Name, “…”": a name right after the cue, ending the clause
	if after < hi && hi < len(d.toks) && d.toks[hi].kind == tokMark {
		if m := d.npAfter(after, hi); m.kind == mName && (m.j >= hi || d.toks[m.j].text == "," || d.toks[m.j].text == ":") && m.j >= hi-1 {
			return m
		}
	}
	m := d.npBefore(lo, v)
	if m.kind == mNone && after < hi {
		return d.npAfter(after, hi)
	}
	return m
}

// titleCase: every word capitalized, no sentence punctuation: a title of a work.
func (d *doc) titleCase(sp span) bool {
	words, caps := 0, 0
	inWord := false
	for i := sp.start; i < sp.end; i++ {
		c := d.r[i]
		if isWordRune(c) {
			if !inWord {
				words++
				if unicode.IsUpper(c) || unicode.IsDigit(c) {
					caps++
				}
			}
			inWord = true
		} else {
			inWord = false
			if c == '.' || c == '?' || c == '!' || c == ',' {
				return false
			}
		}
	}
	return words >= 2 && caps == words
}

// fallback gives speech quotes with no local cue the speaker of the quote they continue, or
// the person the paragraph before them is about.
func (d *doc) fallback() {
	prevSpeech := -1
	for k := range d.spans {
		q := &d.q[k]
		if q.kind != Speech {
			continue
		}
		if q.speaker == "" && q.mention == "" {
			sp := d.spans[k]
			near := prevSpeech >= 0 && d.spans[prevSpeech].para >= sp.para-1 && d.q[prevSpeech].speaker != ""
			switch {
			case sp.continuation && prevSpeech >= 0:
				d.inherit(k, prevSpeech)
			case near && d.spans[prevSpeech].para == sp.para:
				d.inherit(k, prevSpeech)
			default:
				// a later quote in the same paragraph with its own cue
				for n := k + 1; n < len(d.spans) && d.spans[n].para == sp.para; n++ {
					if d.q[n].kind == Speech && d.q[n].local {
						d.inherit(k, n)
						break
					}
				}
				if q.speaker == "" && near {
					d.inherit(k, prevSpeech)
				}
				if q.speaker == "" {
					d.nearestPerson(k)
				}
			}
		}
		prevSpeech = k
	}
}

func (d *doc) inherit(k, from int) {
	d.q[k].speaker = d.q[from].speaker
	d.q[k].ent = d.q[from].ent
}

// nearestPerson gives quote k the most recent person named as a sentence subject before it,
// within the paragraph before.
func (d *doc) nearestPerson(k int) {
	pos := d.q[k].openTok
	minPara := d.spans[k].para - 1
	best := d.lastMention(pos, func(m mention) bool {
		e := d.ents[m.ent]
		return e.person && !e.org && m.subj
	}, func(tok int) bool { return d.paraOf(tok) < minPara })
	if best >= 0 {
		d.q[k].speaker = d.name(best)
		d.q[k].ent = best
	}
}

// paraOf returns the paragraph index of token tok.
func (d *doc) paraOf(tok int) int { return d.toks[tok].para }

// lastMention scans name and speaker mentions backward from token pos and returns the entity
// of the first that fits, or -1. stop ends the scan.
func (d *doc) lastMention(pos int, fits func(mention) bool, stop func(tok int) bool) int {
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].tok >= pos }) - 1
	j := sort.Search(len(d.spk), func(i int) bool { return d.spk[i].tok >= pos }) - 1
	for steps := 0; (i >= 0 || j >= 0) && steps < 200; steps++ {
		var m mention
		if j < 0 || (i >= 0 && d.mentions[i].tok > d.spk[j].tok) {
			m = d.mentions[i]
			i--
		} else {
			m = d.spk[j]
			j--
		}
		if stop(m.tok) {
			return -1
		}
		if fits(m) {
			return m.ent
		}
	}
	return -1
}

// resolve turns a mention into a canonical speaker name and entity.
func (d *doc) resolve(m speakerMention) (string, int) {
	switch m.kind {
	case mName:
		if id := d.lookupName(m.words, m.i); id >= 0 {
			d.ents[id].person = d.ents[id].person || !d.ents[id].org
			return d.name(id), id
		}
		return d.alias(cleanName(m.words)), -1
	case mPronoun:
		lw := strings.ToLower(m.text)
		if lw == "it" {
			if id := d.resolveOrg(m.i, ""); id >= 0 {
				return d.name(id), id
			}
			return "", -1
		}
		if lw == "they" {
			return d.resolveGroup(m.i), -1
		}
		g, ok := pronounGender[lw]
		if !ok {
			return "", -1
		}
		id := d.resolvePronoun(m.i, g)
		if id >= 0 {
			return d.name(id), id
		}
		return "", -1
	case mRole:
		if id := d.resolveRole(m); id >= 0 {
			return d.name(id), id
		}
		return d.alias(strings.TrimSpace(m.text)), -1
	}
	return "", -1
}

func (d *doc) name(id int) string { return d.alias(d.ents[id].canonical) }

func (d *doc) alias(s string) string {
	if len(d.x.aliases) == 0 || s == "" {
		return s
	}
	if n, ok := d.x.aliases[aliasKey(s)]; ok {
		return n
	}
	return s
}

// resolvePronoun finds the person a pronoun at token pos refers to: the nearest earlier
// speaker or sentence subject whose gender fits, else the nearest person whose gender fits.
func (d *doc) resolvePronoun(pos int, g byte) int {
	other := -1
	limit := d.toks[pos].s - 3000
	id := d.lastMention(pos, func(m mention) bool {
		e := d.ents[m.ent]
		if !e.person || e.org {
			return false
		}
		if len(e.tokens) == 1 && strings.HasSuffix(e.tokens[0], "s") && e.male+e.fem == 0 {
			return false // Democrats, Conservatives: a group, not he or she
		}
		eg := e.gender()
		if eg != 0 && eg != g {
			return false
		}
		if m.subj {
			return true
		}
		if other < 0 && eg == g {
			other = m.ent
		}
		return false
	}, func(tok int) bool { return d.toks[tok].s < limit })
	if id >= 0 {
		return id
	}
	return other
}

// resolveRole finds the person introduced with the role named by m ("the Russian president").
func (d *doc) resolveRole(m speakerMention) int {
	var words []string
	for i := m.i; i < m.j; i++ {
		t := d.toks[i]
		if !isWord(t) || determiners[t.lower] {
			continue
		}
		w, _ := possessive(t.lower)
		words = append(words, bare(w))
	}
	if len(words) == 0 {
		return -1
	}
	head := words[len(words)-1]
	if orgWords[head] || orgNouns[head] {
		return d.resolveOrg(m.i, head)
	}
	if !personRole(head) {
		return -1
	}
	best, bestScore := -1, 0
	id := d.lastMention(m.i, func(mn mention) bool {
		e := d.ents[mn.ent]
		if e.org || e.roles[head] == 0 {
			return false
		}
		score := 2
		for _, w := range words[:len(words)-1] {
			for r := range e.roles {
				if len(w) >= 4 && len(r) >= 4 && w[:4] == r[:4] {
					score++
					break
				}
			}
		}
		if score > bestScore {
			best, bestScore = mn.ent, score
		}
		return score >= 2+len(words)-1
	}, func(int) bool { return false })
	if id >= 0 {
		return id
	}
	return best
}

// resolveGroup finds "Full Name and Full Name" as the subject of a sentence shortly before
// token pos, for "they".
func (d *doc) resolveGroup(pos int) string {
	limit := d.toks[pos].s - 1500
	for i := len(d.groups) - 1; i >= 0; i-- {
		g := d.groups[i]
		if g.tok >= pos {
			continue
		}
		if d.toks[g.tok].s < limit {
			break
		}
		return g.text
	}
	return ""
}

// orgNouns name organisations in general ("the company said").
var orgNouns = toSet(`company utility firm organization organisation agency ministry department government
board council union party group association commission committee hospital university school
bank airline club team league network newspaper police service authority office`)

// resolveOrg finds the organisation a mention at token pos refers to: for a head noun
// ("the ministry"), the nearest organisation whose name has that word; for "it", the nearest
// organisation named as a sentence subject within 1,500 characters.
func (d *doc) resolveOrg(pos int, head string) int {
	limit := d.toks[pos].s - 1500
	return d.lastMention(pos, func(m mention) bool {
		e := d.ents[m.ent]
		if !e.org || len(e.tokens) < 2 && isAllUpper(e.canonical) && head == "" && !m.subj {
			return false
		}
		if head == "" {
			return m.subj
		}
		for _, t := range e.tokens {
			if t == head {
				return true
			}
		}
		return false
	}, func(tok int) bool { return d.toks[tok].s < limit })
}

// personRole: a noun that names a person by role ("the minister", "the aide", "the lawyer").
func personRole(w string) bool {
	if _, ok := titles[w]; ok && titles[w] != "" {
		return true
	}
	if personRoles[w] {
		return true
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

var personRoles = toSet(`aide official chief head envoy diplomat judge candidate nominee rival critic boss
coach captain star actor actress veteran expert economist scientist analyst lawyer attorney
senator congressman congresswoman governor mayor minister premier president chancellor secretary
spokesman spokeswoman spokesperson adviser advisor activist businessman businesswoman billionaire
mogul magnate tycoon father mother son daughter wife husband brother sister widow friend neighbour
neighbor victim witness doctor nurse professor student teacher pastor priest bishop rabbi imam
founder owner proprietor chair chairman chairwoman director executive manager officer detective
prosecutor lawmaker legislator delegate republican democrat liberal conservative`)

// lookupName finds the entity for name words seen at token pos.
func (d *doc) lookupName(words []string, pos int) int {
	sn := surname(words)
	if sn == "" {
		return -1
	}
	cands := d.bySurname[sn]
	if len(cands) == 0 && len(words) == 1 {
		cands = d.byFirst[strings.ToLower(bare(words[0]))]
	}
	if len(cands) == 0 {
		return -1
	}
	if len(cands) == 1 {
		return cands[0]
	}
	first := strings.ToLower(bare(words[0]))
	if len(words) > 1 {
		for _, c := range cands {
			if d.ents[c].tokens[0] == first {
				return c
			}
		}
	}
	// the most recently mentioned
	set := map[int]bool{}
	for _, c := range cands {
		set[c] = true
	}
	if id := d.lastMention(pos, func(m mention) bool { return set[m.ent] }, func(int) bool { return false }); id >= 0 {
		return id
	}
	return cands[0]
}

// dedup drops speech quotes repeated in the same document (a headline quote repeated in the
// body), keeping the attributed, later one.
func (d *doc) dedup() {
	seen := map[string]int{}
	for k := range d.spans {
		if d.q[k].kind != Speech {
			continue
		}
		key := normKey(d.r[d.spans[k].start:d.spans[k].end])
		if len(key) < 8 {
			continue
		}
		if p, ok := seen[key]; ok {
			if d.q[p].local && !d.q[k].local {
				d.q[k].dropped = true
				continue
			}
			d.q[p].dropped = true
		}
		seen[key] = k
	}
}

func normKey(rs []rune) string {
	var b strings.Builder
	for _, c := range rs {
		if isWordRune(c) {
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String()
}

func (d *doc) quotes() []Quote {
	out := make([]Quote, 0, len(d.spans))
	for k, sp := range d.spans {
		q := d.q[k]
		if q.dropped {
			continue
		}
		qq := Quote{Start: sp.start, End: sp.end, Text: string(d.r[sp.start:sp.end]), Kind: q.kind}
		if q.kind != Term {
			qq.Speaker, qq.Mention, qq.Cue = q.speaker, q.mention, q.cue
		}
		out = append(out, qq)
	}
	return out
}
