package quote

import (
	"strings"
	"unicode"
)

func isAdverb(lw string) bool {
	switch lw {
	case "also", "then", "later", "once", "has", "had", "have", "was", "is", "would", "will", "just",
		"previously", "recently", "again", "further", "earlier", "still", "further.", "simply", "flatly",
		"repeatedly", "often", "never", "always", "even", "did", "does", "do", "ve", "d", "could", "might", "may",
		"only", "first", "finally", "quickly", "immediately", "subsequently", "already", "yesterday", "today",
		"tonight", "here", "there", "can", "reportedly", "both", "each", "together", "jointly",
		"meanwhile", "however", "though", "too", "instead", "nevertheless":
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
	i, j  int // token range
	kind  byte
	words []string // name words for names
	other []string // the second name of a group
	text  string
}

func (d *doc) text(i, j int) string {
	if i >= j {
		return ""
	}
	return d.runeText(int(d.toks[i].s), int(d.toks[j-1].e))
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
		if run, ok := d.readNameRun(i); ok && run.j <= hi {
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
			if run, ok := d.readNameRun(n); ok && !run.possessive && !isOrgRun(run) && (run.j >= hi || !isWord(d.toks[run.j])) {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(n, run.j)}
			}
			break
		}
		if d.x.cues.isCue(d.toks, n) || prepositions[d.toks[n].lower] {
			break // "said last week in Tel Aviv": a place, not the speaker
		}
	}
	// role NP: words until punctuation or a stop word
	j := i
	for j < hi && isWord(d.toks[j]) && (j == i || !npStop[d.toks[j].lower]) {
		if j > i && d.x.cues.isCue(d.toks, j) && !d.toks[j].cap && !(j == i+1 && determiners[d.toks[i].lower]) {
			break // "said the report": after a determiner, a cue word is a noun
		}
		j++
	}
	if j == i {
		return speakerMention{}
	}
	// "said oil and gas worker Full Name": a name that ends the role words
	for n := i + 1; n < j; n++ {
		if d.toks[n].cap && !d.toks[n-1].cap {
			if run, ok := d.readNameRun(n); ok && run.j == j && !run.possessive && !isOrgRun(run) {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(n, j)}
			}
			break
		}
	}
	m := speakerMention{i: i, j: j, kind: mRole, text: d.text(i, j)}
	// ", the aide, Full Name," : an appositive name after the role
	if j+1 < hi && d.toks[j].text == "," && isWord(d.toks[j+1]) && d.toks[j+1].cap {
		if run, ok := d.readNameRun(j + 1); ok && !run.possessive && (run.j >= hi || !isWord(d.toks[run.j])) {
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
	if e-1 > lo && d.toks[e-1].text == ")" {
		// "Full Name (D-Mo.) said": skip the parenthesis
		for k := e - 2; k > lo && e-k < 10; k-- {
			if d.toks[k].text == "(" {
				e = k
				break
			}
		}
	}
	if e-1 > lo && (d.toks[e-1].lower == "that" || d.toks[e-1].lower == "which" || d.toks[e-1].lower == "who") {
		e-- // "banners that read": the noun before the relative pronoun
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
		run, ok := d.readNameRun(s)
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
			(c.j-c.i == 1 && strings.HasSuffix(first.text, ".") && len(first.text) <= 9)) {
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
		appositive := (determiners[first.lower] || !first.cap || !last.cap || (c.j-c.i <= 2 && titles[bare(last.lower)] != "")) &&
			!coordinators[first.lower] // "…, and Full Name said": a clause of its own
		if appositive && ci+1 < len(chunks) {
			// "Full Name, a spokesman for X, said" / "Full Name, Yellowhead MP, said"
			if m, ok := nameChunk(chunks[ci+1]); ok {
				return m
			}
		}
		if clauseStarters[last.lower] && c.j-1 > c.i {
			// "... by the commissioner and said": a second verb of the sentence's subject
			return d.sentenceSubject(lo, v)
		}
		if last.cap {
			s := c.j - 1
			for s > c.i && isWord(d.toks[s-1]) && (d.toks[s-1].cap || nameParticles[d.toks[s-1].lower]) {
				s--
			}
			if s-2 >= c.i && d.toks[s-1].lower == "and" && d.toks[s-2].cap {
				// "the Trade and Energy Ministry said": one organisation
				s2 := s - 2
				for s2 > c.i && isWord(d.toks[s2-1]) && d.toks[s2-1].cap {
					s2--
				}
				if run, ok := d.readNameRun(s2); ok && run.j == c.j && isOrgRun(run) {
					return speakerMention{i: s2, j: c.j, kind: mRole, text: d.text(s2, c.j)}
				}
			}
			if run, ok := d.readNameRun(s); ok && run.j == c.j && !run.possessive {
				// "Full Name and Full Name said": both speak
				if a := s - 1; a-1 >= c.i && d.toks[a].lower == "and" && d.toks[a-1].cap && !isOrgRun(run) {
					p := a - 1
					for p > c.i && isWord(d.toks[p-1]) && (d.toks[p-1].cap || nameParticles[d.toks[p-1].lower]) {
						p--
					}
					if run0, ok := d.readNameRun(p); ok && run0.j == a && !run0.possessive && !isOrgRun(run0) {
						return speakerMention{i: run0.ni, j: run.j, kind: mGroup, words: run0.words, other: run.words, text: d.text(p, c.j)}
					}
				}
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

var prepositions = toSet(`in on at during from to with by after before since until into over near`)

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

var coordinators = toSet(`and but or so yet then`)

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
		if run, ok := d.readNameRun(s); ok && run.j == colon && !run.possessive && !isOrgRun(run) {
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
		if run, ok := d.readNameRun(s); ok && run.j == colon && !run.possessive && !isOrgRun(run) &&
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
		run, ok := d.readNameRun(s)
		if !ok || run.j != i+1 || run.possessive || isOrgRun(run) || run.j >= colon {
			continue
		}
		nx := d.toks[run.j]
		if isWord(nx) && !nx.cap && !npStop[nx.lower] && !determiners[nx.lower] {
			if id := d.lookupName(run.words, run.ni); id >= 0 && d.ents[id].person {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(s, run.j)}
			}
		}
		i = s
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
	for i := lo; i < hi && i-lo < 10; i++ {
		if d.toks[i].text == "," {
			if run, ok := d.readNameRun(lo); ok && run.j == i {
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
	// "Former Secretary of State Full Name ...": the name follows "Title of Place"
	if i < hi && isWord(d.toks[i]) && d.toks[i].cap {
		if run, ok := d.readNameRun(i); !ok && run.j+1 < hi && d.toks[run.j].lower == "of" && len(run.titles) > 0 {
			i = run.j + 1
		}
	}
	for i < hi && (!isWord(d.toks[i]) || d.toks[i].quote >= 0) {
		i++ // a quote that opens the sentence is not its subject
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
			if run, ok := d.readNameRun(j + 1); ok && run.j < hi && d.toks[run.j].text == "," && !run.possessive && !isOrgRun(run) {
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
		if run, ok := d.readNameRun(i); ok && run.j < hi && !run.possessive && !isOrgRun(run) && (isWord(d.toks[run.j]) && !d.toks[run.j].cap || d.toks[run.j].text == "," || d.toks[run.j].text == "(") {
			id := d.lookupName(run.words, run.ni)
			if len(run.words) > 1 || len(run.titles) > 0 || (id >= 0 && d.ents[id].person) {
				return speakerMention{i: run.ni, j: run.j, kind: mName, words: run.words, text: d.text(i, run.j)}
			}
		}
	}
	return speakerMention{}
}

// sentenceStart returns the first token of the sentence around token v, looking through
// quotes inside it.
func (d *doc) sentenceStart(v int) int {
	i := v
	for i > 0 && v-i < 120 {
		t := d.toks[i-1]
		if t.kind == tokPara || (isSentenceEnd(t) && t.quote < 0) {
			break
		}
		i--
	}
	return i
}

// subject finds the speaker of the cue at v, looking before it down to lo or after it up to hi.
func (d *doc) subject(lo, v, hi int) speakerMention {
	if d.toks[v].lower == "according" {
		return d.npAfter(v+2, hi)
	}
	// ", saying “…”" / ", writing “…”": the subject of the sentence's main clause
	if strings.HasSuffix(d.toks[v].lower, "ing") && v >= lo && v > 0 && (v == lo || d.toks[v-1].text == "," || (!d.toks[v-1].cap && isAdverb(d.toks[v-1].lower)) ||
		(isWord(d.toks[v-1]) && !d.toks[v-1].cap && !personalPronouns[d.toks[v-1].lower] && d.toks[v-1].lower != "was" && d.toks[v-1].lower != "is")) {
		if m := d.sentenceSubject(lo, v); m.kind != mNone {
			return m
		}
		if ss := d.sentenceStart(v); ss < lo || (ss == lo && v == lo) {
			// a quote earlier in the sentence cut the context: "He voiced his “…” online, writing “…”"
			if m := d.sentenceSubject(ss, v); m.kind != mNone {
				return m
			}
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
	if len(d.x.cues.forms[d.toks[v].lower]) > 0 {
		after++ // pointed out, went on
	}
	if inverted {
		if after < hi {
			return d.npAfter(after, hi)
		}
		return speakerMention{}
	}
	// "…, asks the review's editor Full Name, “…”": a name right after the cue, ending the clause
	objectVerb := d.toks[v].lower == "told" || d.toks[v].lower == "tells" || d.toks[v].lower == "tell" || d.toks[v].lower == "asked" || d.toks[v].lower == "asks"
	subjectBefore := v > lo && isWord(d.toks[v-1]) && !isAdverb(d.toks[v-1].lower)
	if after < hi && hi < len(d.toks) && d.toks[hi].kind == tokMark && !(objectVerb && subjectBefore) {
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

// cueText is the cue at token i as the cue column shows it: the verb as written ("said",
// "Says"), or "according to" however "According" is capitalised.
func (d *doc) cueText(i int) string {
	if d.toks[i].lower == "according" {
		return "according to"
	}
	return d.toks[i].text
}
