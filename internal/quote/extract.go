package quote

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// DefaultTermMaxWords is the longest quote, in words, that becomes kind=term when it has no
// sentence shape of its own.
const DefaultTermMaxWords = 4

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
		if f := strings.Fields(v); len(f) > 2 {
			return nil, fmt.Errorf("cue verb %q: a verb and at most one particle (\"point out\"): %w", v, ErrOptions)
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
	if !utf8.ValidString(text) {
		text = validRunes(text) // the same runes; then words can be substrings of text
	}
	sc := getScratch()
	defer putScratch(sc)
	r := sc.decode(text)
	if len(r) == len(text) {
		sc.paras = splitParagraphsASCII(text, sc.paras[:0])
	} else {
		sc.paras = splitParagraphs(r, sc.paras[:0])
	}
	sc.spans = scanQuotes(r, sc.paras, e.twoApos, sc.spans[:0])
	paras, spans := sc.paras, sc.spans
	if len(spans) == 0 {
		return nil
	}
	marks := sc.clearedMarks(len(r) + 1)
	for _, s := range spans {
		marks[s.firstMark()], marks[s.open] = true, true
		if s.close >= 0 {
			marks[s.close], marks[s.endMark()] = true, true
		}
	}
	sc.toks = tokenize(text, r, marks, sc.toks[:0])
	d := newDoc(e, text, r, sc.toks, spans, paras, sc)
	d.buildEntities()
	d.attribute()
	sc.mentions, sc.ents, sc.roles = d.mentions, d.ents, d.roleBuf // keep what the slices grew to
	return d.quotes()
}

// A scratch holds the largest buffers of one Extract call: the runes of the text, its
// paragraphs, quote spans, marks and tokens, the set of lower-case words, the name index,
// the mentions and the entities. Extract takes one from scratchPool and puts it back when
// done, so that a batch of articles does not allocate them afresh for each (they were most
// of the bytes Extract allocated), nor grow the maps again. Nothing in the returned quotes
// refers to them; the tokens and entities left in a pooled scratch keep the last article's
// text alive until the scratch is reused or the pool dropped.
type scratch struct {
	runes     []rune
	marks     []bool
	toks      []token
	lowerSeen wordSet
	bySurname map[string][]int
	byFirst   map[string][]int
	paras     []paragraph
	spans     []span
	mentions  []mention
	entities  []entity
	ents      []*entity
	roles     []string // register's role words (doc.roleBuf)
	words     []string // the block that name runs carve their words from (see doc.wordSpace)
	ids       []int    // the block that the name index carves its lists from (see doc.index)
}

// entitySpace returns an empty slice with room for n entities.
func (s *scratch) entitySpace(n int) []entity {
	if cap(s.entities) < n {
		s.entities = make([]entity, 0, n)
	}
	return s.entities[:0]
}

func newScratch() *scratch {
	return &scratch{bySurname: make(map[string][]int), byFirst: make(map[string][]int)}
}

var scratchPool = sync.Pool{New: func() any { return newScratch() }}

// maxPooledRunes bounds the scratch kept for reuse: one huge document should not pin
// its buffers for the rest of the batch.
const maxPooledRunes = 1 << 20

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(s *scratch) {
	if cap(s.runes) > maxPooledRunes {
		return
	}
	scratchPool.Put(s)
}

// decode returns the runes of text, as []rune(text) does, in the scratch's buffer.
func (s *scratch) decode(text string) []rune {
	if cap(s.runes) < len(text) {
		s.runes = make([]rune, len(text)) // at least one byte a rune
	}
	r := s.runes[:cap(s.runes)]
	n := 0
	for _, c := range text {
		r[n] = c
		n++
	}
	return r[:n]
}

// clearedMarks returns n marks, all false.
func (s *scratch) clearedMarks(n int) []bool {
	if cap(s.marks) < n {
		s.marks = make([]bool, n)
	}
	m := s.marks[:n]
	clear(m)
	return m
}

// passageWords is the length from which a quote embedded in the writer's sentence is reported
// as speech rather than as a partial quote: a passage of 25 words or more ("…, she wrote that
// “…”") is the speaker's own words at length, not a phrase the writer borrowed. It is decided
// after attribution (see promotePassages), which reads the cue of a partial quote further back.
const passageWords = 25

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
	unnamed           bool // a description that names no one ("the American"): its quotes get no guess
	beforeIntro       bool // followed by a sentence that introduces the next quote ("X said: “…”")
	dropped           bool
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
	src       string // the text
	ascii     bool   // src is all ASCII: rune offsets are byte offsets
	r         []rune
	toks      []token
	spans     []span
	q         []qinfo
	ents      []*entity
	entChunk  []entity // where newEntity allocates
	roleBuf   []string // register's role words, reused from run to run
	bySurname map[string][]int
	byFirst   map[string][]int
	mentions  []mention // name mentions outside quotes, in token order
	spk       []mention // resolved speakers, in token order of their mention
	groups    []group   // "Full Name and Full Name" subjects, in token order
	lowerSeen *wordSet  // the lower-case words outside quotes
	words     *[]string // the scratch's block of name words
	ids       *[]int    // the scratch's block of entity lists
	paras     int       // number of paragraphs
	heading   []bool    // by paragraph, once headings has run
}

// newDoc sets up the attribution of spans over toks, the tokens of text, whose runes are r.
// Its maps and mentions come from sc, emptied.
func newDoc(x *Extractor, text string, r []rune, toks []token, spans []span, paras []paragraph, sc *scratch) *doc {
	sc.lowerSeen.reset(toks)
	clear(sc.bySurname)
	clear(sc.byFirst)
	sc.words, sc.ids = sc.words[:0], sc.ids[:0]
	d := &doc{x: x, src: text, ascii: len(text) == len(r), r: r, toks: toks, spans: spans, q: make([]qinfo, len(spans)),
		bySurname: sc.bySurname, byFirst: sc.byFirst, lowerSeen: &sc.lowerSeen, mentions: sc.mentions[:0], paras: len(paras),
		ents: sc.ents[:0], roleBuf: sc.roles[:0], words: &sc.words, ids: &sc.ids}
	k, p := 0, 0
	names := 0 // capitalized words outside quotes
	for i := range toks {
		t := &toks[i]
		s := int(t.s)
		for p+1 < len(paras) && paras[p+1].start <= s {
			p++
		}
		t.para = int32(p)
		for k < len(spans) && spans[k].endMark() < s {
			k++
		}
		if k < len(spans) && spans[k].firstMark() <= s && s <= spans[k].endMark() {
			t.quote = int32(k)
			if s == spans[k].firstMark() {
				d.q[k].openTok = i
			}
			if t.kind == tokMark && spans[k].close >= 0 && s == spans[k].endMark() {
				d.q[k].closeTok = i
			} else if spans[k].close < 0 {
				d.q[k].closeTok = i + 1
			}
			if t.kind == tokWord && s >= spans[k].start && int(t.e) <= spans[k].end {
				d.q[k].words++
			}
		}
		if t.kind == tokWord && t.quote < 0 {
			if t.cap {
				names++
			} else {
				d.lowerSeen.add(i)
			}
		}
	}
	for i := range d.q {
		d.q[i].ent = -1
	}
	// buildEntities registers at most one entity for each capitalized word outside quotes
	d.entChunk = sc.entitySpace(names)
	return d
}

// wordSpace returns room for n strings, from the scratch's block: a document reads hundreds
// of name runs, most of them discarded, and an allocation for each run's words was a third of
// Extract's allocations. The room is the caller's up to its capacity (n), so that an append
// past it moves the slice rather than writing over the next run's words. Nothing keeps the
// strings past the document: entities that keep a run's words are the document's too, and
// a new document empties the block.
func (d *doc) wordSpace(n int) []string {
	b := *d.words
	if len(b)+n > cap(b) {
		b = make([]string, 0, max(512, n))
	}
	m := len(b)
	*d.words = b[:m+n]
	return b[m : m+n : m+n]
}

// index appends entity id to the list of key in m (bySurname or byFirst). A new list
// takes its first element from the scratch's block rather than a small allocation of its
// own: most keys name one entity.
func (d *doc) index(m map[string][]int, key string, id int) {
	if ids, ok := m[key]; ok {
		m[key] = append(ids, id)
		return
	}
	b := *d.ids
	if len(b) == cap(b) {
		b = make([]int, 0, 256)
	}
	b = append(b, id)
	*d.ids = b
	m[key] = b[len(b)-1 : len(b) : len(b)] // capacity 1: a second id moves the list
}

// namingVerbs introduce a partial quote that names or describes something.
var namingVerbs = toSet(`call calls called calling describe describes described describing label labels labelled
labeled dub dubs dubbed term termed brand branded`)

// findNaming finds a naming verb in tokens [lo, hi), searching backward, or -1.
func (d *doc) findNaming(lo, hi int) int {
	for i := hi - 1; i >= lo && hi-i < 40; i-- {
		if t := d.toks[i]; isWord(t) && !t.cap && namingVerbs[t.lower] && !isNounUse(d.toks, i) {
			return i
		}
	}
	return -1
}

// endsOpen: the quote's last word is followed by a comma or dash inside the marks ("…,”).
func (d *doc) endsOpen(k int) bool {
	sp := d.spans[k]
	return sp.end > sp.start && strings.ContainsRune(",\u2014\u2013-", d.r[sp.end-1])
}

func isSentenceEnd(t token) bool {
	return t.kind == tokPunct && (t.text == "." || t.text == "?" || t.text == "!")
}

// boundary: a token that ends the search for a quote's context.
func (d *doc) boundary(i, k int) bool {
	t := d.toks[i]
	return t.kind == tokPara || (t.quote >= 0 && int(t.quote) != k) || isSentenceEnd(t)
}

func isWord(t token) bool { return t.kind == tokWord }

const (
	mNone    = 0
	mPronoun = 'p'
	mName    = 'n'
	mRole    = 'r'
	mGroup   = 'g' // two names joined by "and": words and other
)

// attribute classifies every span and finds its speaker.
func (d *doc) attribute() {
	for k := range d.spans {
		d.local(k)
	}
	d.fallback()
	d.promotePassages()
	d.dedup()
}

// promotePassages makes speech of partial quotes of passageWords words or more. It runs after
// fallback, which reads a partial quote's cue as that of the speech quotes after it, and
// before dedup, so that a passage repeated in the document (a headline) is reported once.
func (d *doc) promotePassages() {
	for k := range d.q {
		if d.q[k].kind == Partial && d.q[k].words >= passageWords {
			d.q[k].kind = Speech
		}
	}
}

// reportsClause: the cue at token v is followed by a reported clause ("said he had", "said
// that"), not by the end of its sentence or a short object ("told BBC Sport.").
func (d *doc) reportsClause(v int) bool {
	i := v + 1
	if i < len(d.toks) && d.toks[i].lower == "that" {
		return true
	}
	for n := 0; i < len(d.toks) && n < 8; i, n = i+1, n+1 {
		t := d.toks[i]
		if !isWord(t) {
			return false
		}
		if personalPronouns[t.lower] || t.lower == "that" || t.lower == "there" {
			return true
		}
	}
	return false
}

// introducesNext: the clause of the cue at token v ends with a colon and an opening mark.
func (d *doc) introducesNext(v int) bool {
	for i := v + 1; i < len(d.toks) && i-v < 12; i++ {
		t := d.toks[i]
		if t.text == ":" {
			return i+1 < len(d.toks) && d.toks[i+1].kind == tokMark
		}
		if t.kind != tokWord && t.text != "'" && t.text != "\u2019" {
			return false
		}
	}
	return false
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
			if afterCue >= 0 && !endsOpen && first.text != "," && d.introducesNext(afterCue) {
				afterCue = -1 // “….” Full Name said: “…”: the cue belongs to the next quote
				q.beforeIntro = true
			}
			if afterCue >= 0 && endsStop && first.text != "," && d.reportsClause(afterCue) {
				afterCue = -1 // “….” Full Name said he …: a new sentence of reported speech
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
				q.cue = d.cueText(cue)
			} else {
				m = d.colonSpeaker(pb, c)
			}
			q.kind = Speech
			if m.kind != mNone {
				q.mention = m.text
				q.speaker, q.ent = d.resolve(m)
				q.local = q.speaker != ""
				q.unnamed = q.speaker == "" && m.kind == mRole
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
				if (d.toks[i].lower == "that" || d.toks[i].lower == "if" || d.toks[i].lower == "whether") && d.toks[i+1].text != "," {
					that = true // said that “…”: reported speech (but "said that, “…”" introduces a quote)
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
			splitAnd := last.lower == "and" && words <= 5 && b > 0 && d.toks[b-1].kind == tokMark && int(d.toks[b-1].quote) == k-1
			signRead := (d.toks[c].lower == "read" || d.toks[c].lower == "reads") && last.text != ":"
			if !that && !signRead && (last.text == ":" || (last.text == "," && words <= 8) || c == q.openTok-1 || splitAnd) {
				introduced = true
				beforeCue = c
			}
		}
	}
	// "“The risk,” said Full Name, an economist at the bank, “is that ...”": the second half of
	// a quote split by a long attribution
	if beforeCue < 0 && q.openTok > b && b > 0 && d.toks[b-1].kind == tokMark && int(d.toks[b-1].quote) == k-1 &&
		d.q[k-1].kind == Speech && d.toks[q.openTok-1].text == "," {
		if c := d.findCue(b, q.openTok, false, 30); c >= 0 && d.endsOpen(k-1) {
			introduced, beforeCue = true, c
		}
	}
	// "... - “Again, we need the details,” she said - and ...": a dash before a quote with a cue
	if !introduced && q.openTok > b && isDash(d.toks[q.openTok-1]) && afterCue >= 0 && afterCue <= a+2 {
		introduced = true
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
	nextQuote := a+1 < len(d.toks) && (d.toks[a].lower == "and" || d.toks[a].lower == "or") && d.toks[a+1].kind == tokMark && int(d.toks[a+1].quote) == k+1
	if q.openTok-b == 1 && k > 0 && d.q[k-1].listed && (d.toks[b].lower == "and" || d.toks[b].lower == "or" || d.toks[b].text == ",") {
		introduced = true
	}
	// “I held and hugged” grieving families ...: a lower-case word after the quote continues
	// the writer's clause, unless it is the cue itself
	clauseEnd := endsOpen || endsStop || sp.close < 0 || a >= hi || !isWord(d.toks[a]) || nextQuote ||
		(afterCue >= 0 && (afterCue == a || d.toks[a].cap || q.words >= 12))
	speech := introduced && clauseEnd
	if speech && afterCue < 0 && beforeCue < 0 {
		if (q.words <= d.x.termMax && !hasSentence) || d.titleCase(sp) {
			speech = false
		}
	}
	if sp.continuation {
		speech = true
	}
	// “Title of a story,” by Full Name: a title of a work
	byline := !endsStop && a < hi && ((d.toks[a].lower == "by" && !d.toks[a].cap) || (d.toks[a].text == "," && a+1 < hi && d.toks[a+1].text == "by"))
	if byline {
		q.kind = Term
		return
	}
	if speech && nextQuote && q.openTok > b && (d.toks[q.openTok-1].text == ":" || beforeCue >= 0 || (k > 0 && d.q[k-1].listed)) {
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
		} else if c := d.findNaming(b, q.openTok); c >= 0 {
			// "Full Name called it “a cruel and reckless plan”"
			cue = c
			m = d.npBefore(b, c)
		}
	case q.openTok > b && d.toks[q.openTok-1].text == ":" && !d.labelBefore(b, q.openTok-1):
		// Name: “…” / The president then leaned in and boomed: “…”
		m = d.colonSpeaker(b, q.openTok-1)
	case a < hi && isDash(d.toks[a]) && a+1 < hi && d.toks[a+1].cap:
		// “…” ― Full Name
		if run, ok := d.readNameRun(a + 1); ok && !run.possessive && !isOrgRun(run) {
			m = speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(a+1, run.j)}
		}
	}
	if cue >= 0 {
		q.cue = d.cueText(cue)
	}
	if m.kind == mNone {
		m = d.transcriptLabel(k)
	}
	if m.kind == mNone && sp.close >= 0 {
		m = d.dashLine(q.closeTok + 1)
	}
	if m.kind == mNone {
		return
	}
	q.mention = m.text
	q.speaker, q.ent = d.resolve(m)
	q.local = q.speaker != ""
	q.unnamed = q.speaker == "" && m.kind == mRole
	if q.ent >= 0 {
		d.spk = append(d.spk, mention{tok: m.i, ent: q.ent, subj: true})
	}
}

// transcriptLabel reads "PENCE: Well, …" at the start of quote k: a transcript's speaker.
func (d *doc) transcriptLabel(k int) speakerMention {
	i := d.q[k].openTok + 1
	j := i
	for j < len(d.toks) && j-i < 4 && isWord(d.toks[j]) && isAllUpper(d.toks[j].text) && int(d.toks[j].quote) == k {
		j++
	}
	if j == i || j >= len(d.toks) || d.toks[j].text != ":" {
		return speakerMention{}
	}
	words := make([]string, 0, j-i)
	for n := i; n < j; n++ {
		w := []rune(strings.ToLower(d.toks[n].text))
		w[0] = unicode.ToUpper(w[0])
		words = append(words, string(w))
	}
	if notNames[strings.ToLower(words[0])] {
		return speakerMention{}
	}
	return speakerMention{i: i, j: j, kind: mName, words: words, text: d.text(i, j)}
}

// dashLine reads "— Full Name" on the line right after a quote (a signed quote).
func (d *doc) dashLine(i int) speakerMention {
	if i >= len(d.toks) || d.toks[i].kind != tokPara || i+2 >= len(d.toks) || !isDash(d.toks[i+1]) {
		return speakerMention{}
	}
	if run, ok := d.readNameRun(i + 2); ok && !run.possessive && !isOrgRun(run) {
		return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(i+2, run.j)}
	}
	return speakerMention{}
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

// dedup drops speech quotes repeated in the same document (a headline quote repeated in the
// body), keeping the attributed, later one.
func (d *doc) dedup() {
	seen := map[string]int{}
	keys := d.speechKeys() // for the headline pass too
	for k := range d.spans {
		if d.q[k].kind != Speech {
			continue
		}
		key := keys[k]
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
	// a headline quote (in a heading paragraph before the body) that a body quote contains
	heading := d.headings()
	title := d.titleLine(0) // once: it counts the words of the first paragraph, however long
	var heads []int
	for k := range d.spans {
		sp := d.spans[k]
		if d.q[k].kind != Speech || d.q[k].dropped {
			continue
		}
		if heading[sp.para] || (sp.para == 0 && title) {
			heads = append(heads, k)
			continue
		}
		if len(heads) == 0 {
			continue
		}
		body := keys[k]
		for _, h := range heads {
			if hk := keys[h]; len(hk) >= 8 && strings.Contains(body, hk) {
				d.q[h].dropped = true
			}
		}
	}
}

// titleLine: paragraph p is the first of the document and short, as titles are.
func (d *doc) titleLine(p int) bool {
	if p != 0 {
		return false
	}
	words := 0
	for _, t := range d.toks {
		if t.para != 0 {
			break
		}
		if t.kind == tokWord {
			words++
		}
	}
	return words <= 25
}

// speechKeys returns, for each speech quote, its key (see appendNormKey), and "" for other
// quotes. The keys are substrings of one string: one allocation a document, not one a quote.
func (d *doc) speechKeys() []string {
	n := 0
	for k, sp := range d.spans {
		if d.q[k].kind == Speech {
			n += sp.end - sp.start // a byte a rune, as in most text
		}
	}
	buf := make([]byte, 0, n)
	var endBuf [32]int
	ends := endBuf[:0] // the end of each quote's key in buf
	for k, sp := range d.spans {
		if d.q[k].kind == Speech {
			buf = appendNormKey(buf, d.r[sp.start:sp.end])
		}
		ends = append(ends, len(buf))
	}
	all := unsafe.String(unsafe.SliceData(buf), len(buf)) // buf is not written again
	keys := make([]string, len(d.spans))
	start := 0
	for k := range d.spans {
		keys[k], start = all[start:ends[k]], ends[k]
	}
	return keys
}

// appendNormKey appends to buf the letters and digits of rs, lower-cased: a quote's text
// without punctuation and spacing, to find it again.
func appendNormKey(buf []byte, rs []rune) []byte {
	for _, c := range rs {
		switch {
		case c < utf8.RuneSelf:
			if asciiWord[c] {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, byte(c))
			}
		case isWordRuneNonASCII(c):
			buf = utf8.AppendRune(buf, unicode.ToLower(c))
		}
	}
	return buf
}

// runeText returns the text of runes [s, e) as a string of its own. (A substring of the
// document would keep all of it alive as long as the quote.)
func (d *doc) runeText(s, e int) string {
	if d.ascii {
		return strings.Clone(d.src[s:e]) // a copy, cheaper than encoding the runes again
	}
	return string(d.r[s:e])
}

func (d *doc) quotes() []Quote {
	out := make([]Quote, 0, len(d.spans))
	for k, sp := range d.spans {
		q := d.q[k]
		if q.dropped {
			continue
		}
		qq := Quote{Start: sp.start, End: sp.end, Text: d.runeText(sp.start, sp.end), Kind: q.kind}
		if q.kind != Term {
			qq.Speaker, qq.Mention, qq.Cue = q.speaker, q.mention, q.cue
		}
		out = append(out, qq)
	}
	return out
}
