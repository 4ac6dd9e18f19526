package quote

import "strings"

// roleStop ends the words of a role ("an expert on ...", "a spokesman for ...").
var roleStop = toSet(`on in at of for with from to by who which that and or but as since after said says told`)

// roleBefore ends the role words that rolesOf reads back from a name: determiners, roleStop
// and notNames, in one set so that each word is looked up once.
var roleBefore = func() map[string]bool {
	m := make(map[string]bool)
	for _, set := range []map[string]bool{determiners, roleStop, notNames} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// buildEntities finds the names outside quotes, groups them into entities (a surname joins
// its full name), and notes roles and gender evidence.
func (d *doc) buildEntities() {
	sentStart := 0      // first mention index of the current sentence
	sentTok := 0        // first token of the current sentence
	lastMentionTok := 0 // token of the last mention
	firstInSentence := true
	heading := d.headings()
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		if t.kind == tokPara || isSentenceEnd(t) {
			sentStart, sentTok = len(d.mentions), i+1
			firstInSentence = true
			continue
		}
		if t.quote >= 0 {
			if i == sentTok && t.kind == tokMark && i > 0 && isSentenceEnd(d.toks[i-1]) {
				sentTok = i + 1 // “… back.” Full Name, who …: the sentence starts after the mark
			}
			continue
		}
		if t.kind == tokWord && !t.cap && sentStart < len(d.mentions) && i-lastMentionTok < 40 {
			if g, ok := pronounGender(t.lower); ok {
				// the pronoun refers, most likely, to the last name before it in its sentence
				e := d.ents[d.mentions[len(d.mentions)-1].ent]
				if g == 'm' {
					e.male++
				} else {
					e.fem++
				}
			}
		}
		if t.kind != tokWord || !t.cap {
			continue
		}
		if i > 0 && d.toks[i-1].kind == tokWord && d.toks[i-1].cap && d.toks[i-1].quote < 0 {
			continue // inside a run already read
		}
		run, ok := d.readNameRun(i)
		if !ok {
			if run.j > i {
				i = run.j - 1
			}
			continue
		}
		// a cue verb right after the run ("Full Name said") or before it ("said Full Name"):
		// register and the subject test below both ask
		nextToCue := d.followedByCue(run.j) && !d.afterPreposition(run.i) || d.precededByCue(run.i)
		id := d.register(run, nextToCue)
		if id >= 0 {
			subj := run.i == sentTok || d.afterRoleAtStart(sentTok, run.i) || nextToCue || d.appositiveSubject(sentTok, run) ||
				(run.i > 0 && d.toks[run.i-1].text == "," && d.cueAt(run.j, true)) || d.cueAfterAppositive(run.j) ||
				(d.afterOpeningPhrase(sentTok, run.i) && run.j < len(d.toks) && d.toks[run.j].kind == tokWord && !d.toks[run.j].cap &&
					!d.toks[run.j].is(clsNPStop|clsDeterminer)) ||
				(firstInSentence && run.j < len(d.toks) && d.toks[run.j].kind == tokWord && !d.toks[run.j].cap &&
					!d.toks[run.j].is(clsNPStop|clsDeterminer))
			if heading[int(d.toks[run.i].para)] || run.possessive {
				subj = false // a headline or a caption line; "the company's" modifies a noun
			}
			if subj && len(d.ents[id].tokens) > 1 && !d.ents[id].org {
				d.ents[id].person = true // a full name as a sentence subject
			}
			// "Full Name and Full Name said": a group that "they" may refer to
			if n := len(d.mentions); n > 0 && run.i >= 2 && d.toks[run.i-1].lower == "and" && (d.mentions[n-1].subj || d.cueAt(run.j, true)) &&
				d.mentions[n-1].tok < run.i-1 && run.i-1-d.mentions[n-1].tok <= 4 && !d.ents[id].org && !d.ents[d.mentions[n-1].ent].org {
				a, b := d.ents[d.mentions[n-1].ent], d.ents[id]
				if len(a.tokens) > 1 && len(b.tokens) > 1 {
					d.groups = append(d.groups, group{tok: run.ni, text: a.canonical + " and " + b.canonical})
				}
			}
			if d.afterArticle(run.i) && len(run.words) > 1 && d.verbAt(run.j) {
				// "the 2006 World Cup is", "the British and Irish Lions will"; not "the Full
				// Name campaign"
				d.ents[id].things++
			}
			if d.modifiesRole(run.j) {
				d.ents[id].modifier++ // "Lions coach Full Name", "Full aide Full Name"
			}
			d.mentions = append(d.mentions, mention{tok: run.ni, ent: id, subj: subj})
			firstInSentence = false
			lastMentionTok = run.j
		}
		i = run.j - 1
	}
	for _, e := range d.ents {
		if (e.things > 0 || e.modifier > 0 && e.male+e.fem == 0) && !e.titled && !(len(e.tokens) > 1 && givenName(e.tokens[0])) {
			// a name that takes "the" or qualifies a role, and that no pronoun refers to, is a
			// team, an event or a thing
			e.person = false
		}
	}
}

// afterRoleAtStart: the sentence opens with capitalized words and a role, then the name at
// token i ("Lions coach Full Name says", "Club director of rugby Full Name has").
func (d *doc) afterRoleAtStart(sentTok, i int) bool {
	if i-sentTok < 2 || i-sentTok > 9 {
		return false
	}
	for r := sentTok + 1; r < i; r++ {
		if t := d.toks[r]; !isWord(t) || !t.cap || t.quote >= 0 {
			for k := sentTok; k < r; k++ {
				if t := d.toks[k]; !isWord(t) || !t.cap || t.quote >= 0 {
					return false
				}
			}
			return d.roleEnd(r) == i
		}
	}
	return false
}

// modifiesRole: the name run that ends before token j qualifies a role that a name follows
// ("Lions coach Full Name", "The Aviator star Full Name", "Labour peer Baroness Full").
func (d *doc) modifiesRole(j int) bool {
	e := d.roleEnd(j)
	return e > 0 && e < len(d.toks) && isWord(d.toks[e]) && d.toks[e].cap && d.toks[e].quote < 0
}

// roleEnd reads a role from token j: one or two lower-case words ending in a role noun
// ("coach", "chief executive"), maybe with "of" and one or two words ("director of rugby").
// It returns the token after the role, or -1.
func (d *doc) roleEnd(j int) int {
	k, last := j, -1
	for k < len(d.toks) && k-j < 2 {
		t := d.toks[k]
		if !isWord(t) || t.cap || t.quote >= 0 || d.toks[k].is(clsRoleVerb) {
			break
		}
		k++
		if d.toks[k-1].is(clsPersonRole) || roleSuffix(t.lower) { // personRole // titles that give a role are among the person roles
			last = k
		}
	}
	if last < 0 {
		return -1
	}
	if last+1 < len(d.toks) && d.toks[last].lower == "of" {
		for n := last + 1; n < len(d.toks) && n-last <= 2; n++ {
			t := d.toks[n]
			if !isWord(t) || t.quote >= 0 {
				break
			}
			if t.cap {
				return n
			}
		}
	}
	return last
}

// roleVerbs are role nouns that are also verbs ("Sale host Bath").
var roleVerbs = toSet(`host hosts chair chairs head heads lead leads judge judges star stars face faces`)

// verbAt: token j is a verb that a subject takes: an auxiliary, a cue or a past tense.
func (d *doc) verbAt(j int) bool {
	if j >= len(d.toks) || !isWord(d.toks[j]) || d.toks[j].cap {
		return false
	}
	lw := d.toks[j].lower
	return auxiliaries[lw] || strings.HasSuffix(lw, "ed") || d.x.cues.isCue(d.toks, j)
}

var auxiliaries = toSet(`is are was were has have had will would can could may might must shall should
appears appear seems seem looks look remains remain`)

// afterArticle: the name run at token i follows "the", "a" or "an", maybe after numbers and
// other capitalized words joined by "and" ("the 2006 World Cup", "the British and Irish Lions").
func (d *doc) afterArticle(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 6; k-- {
		t := d.toks[k]
		if !isWord(t) || t.quote >= 0 {
			return false
		}
		switch {
		case t.lower == "the" || t.lower == "a" || t.lower == "an":
			return true
		case t.cap || isNumber(t.text) || t.lower == "and" || t.lower == "&":
			continue
		}
		return false
	}
	return false
}

// afterPreposition: the name run at token i is the object of a preposition ("Full Name from
// Westco told"): the cue after it is not its own.
func (d *doc) afterPreposition(i int) bool {
	if i == 0 || !isWord(d.toks[i-1]) {
		return false
	}
	switch d.toks[i-1].lower {
	case "from", "of", "at", "with", "for", "in", "on", "by", "to":
		return true
	}
	return false
}

// peerTitles name a peer by title and surname ("Lord Falconer"), the name a peer goes by.
var peerTitles = toSet(`lord lady baroness baron earl viscount`)

// peerName keeps the title of a peer named by surname alone ("Lord Falconer"), as British
// news names peers; a full name seen later replaces it.
func peerName(toks []token, run nameRun, name string) string {
	if run.ni > 0 && peerTitles[toks[run.ni-1].lower] {
		return toks[run.ni-1].text + " " + name
	}
	return name
}

// sentenceOpens: token i opens a sentence or a paragraph.
func (d *doc) sentenceOpens(i int) bool {
	if i == 0 {
		return true
	}
	p := d.toks[i-1]
	return p.kind == tokPara || p.kind == tokMark || isSentenceEnd(p)
}

// appositiveSubject: "The director of operations, Full Name, says" / "But the aide, Full Name,".
func (d *doc) appositiveSubject(sentTok int, run nameRun) bool {
	if run.i < 2 || d.toks[run.i-1].text != "," || run.j >= len(d.toks) || d.toks[run.j].text != "," {
		return false
	}
	i := sentTok
	for i < run.i && d.toks[i].kind == tokWord && d.toks[i].cap && d.toks[i].class()&(clsNotName|clsDeterminer) == clsNotName {
		i++ // But, And
	}
	if i >= run.i || !d.toks[i].is(clsDeterminer) {
		return false
	}
	for k := i; k < run.i-1; k++ {
		if d.toks[k].kind != tokWord {
			return false
		}
	}
	return true
}

// headings marks the paragraphs that do not end like a sentence: headlines, captions,
// bylines. It is computed once a document, for buildEntities and dedup.
func (d *doc) headings() []bool {
	if d.heading != nil {
		return d.heading
	}
	h := make([]bool, d.paras)
	d.heading = h
	for i, t := range d.toks {
		if t.kind != tokPara || i == 0 {
			continue
		}
		p := d.toks[i-1]
		if !isSentenceEnd(p) && p.kind != tokMark && p.text != ":" && p.text != "\u2026" {
			h[int(p.para)] = true
		}
	}
	if n := len(d.toks); n > 0 {
		if p := d.toks[n-1]; p.kind != tokPara && !isSentenceEnd(p) && p.kind != tokMark {
			h[int(p.para)] = true
		}
	}
	return h
}

// afterOpeningPhrase: the name at token i follows a short opening phrase and its comma
// ("Down the street, Full Name rejoiced").
func (d *doc) afterOpeningPhrase(sentTok, i int) bool {
	if i-1 <= sentTok || d.toks[i-1].text != "," || i-1-sentTok > 7 {
		return false
	}
	for k := sentTok; k < i-1; k++ {
		if d.toks[k].kind != tokWord {
			return false
		}
	}
	return true
}

// cueAfterAppositive: "Full Name, R-Ky., said" / "Full Name, a lawyer for the firm, said".
func (d *doc) cueAfterAppositive(j int) bool {
	if j >= len(d.toks) || d.toks[j].text != "," {
		return false
	}
	for k := j + 1; k < len(d.toks) && k-j < 14; k++ {
		t := d.toks[k]
		if t.text == "," {
			return d.cueAt(k+1, false)
		}
		if t.kind == tokPara || t.kind == tokMark || isSentenceEnd(t) {
			return false
		}
	}
	return false
}

// precededByCue: "said Full Name".
func (d *doc) precededByCue(i int) bool {
	if i == 0 || d.toks[i-1].kind != tokWord || d.toks[i-1].cap || !d.x.cues.isCue(d.toks, i-1) {
		return false
	}
	switch d.toks[i-1].lower {
	case "told", "tells", "tell", "telling", "asked", "asks", "ask", "asking":
		return false // "told Full Name": the object, not the speaker
	}
	return true
}

// newEntity returns a new entity of the document, in the room newDoc made for them (or, past
// it, in a new chunk: entities must not move, as the document points to them).
func (d *doc) newEntity() *entity {
	if len(d.entChunk) == cap(d.entChunk) {
		d.entChunk = make([]entity, 0, 16)
	}
	d.entChunk = d.entChunk[:len(d.entChunk)+1]
	e := &d.entChunk[len(d.entChunk)-1]
	*e = entity{} // the room is reused from earlier documents
	return e
}

// register adds the name run to an entity, creating one if needed, and returns its id or -1.
// nextToCue tells that a cue verb follows or precedes the run.
func (d *doc) register(run nameRun, nextToCue bool) int {
	words := run.words
	lw := run.lowerWords()
	sn := lowerSurname(lw)
	if sn == "" {
		return -1
	}
	if len(words) == 1 && len(run.titles) == 0 && d.lowerSeen.has(lw[0]) {
		return -1 // a common word at a sentence start
	}
	if len(words) > 1 && run.ni == run.i && d.lowerSeen.has(lw[0]) && !givenName(lw[0]) && d.sentenceOpens(run.i) {
		words, lw = words[1:], lw[1:] // "Wing Full Name", "Rival Westco": a common word opens the sentence
	}
	if len(words) == 1 && strings.HasSuffix(words[0], ".") {
		return -1 // an abbreviation: "D-Mass.", "Calif."
	}
	if len(words) > 1 && wordClasses.get(lw[len(lw)-1])&clsTitleRole != 0 && !(len(words) == 2 && givenName(lw[0])) && !surnameTitles[lw[len(lw)-1]] {
		return -1 // "Westland MP": a role
	}
	org := run.isOrg()
	if len(words) == 1 && isAllUpper(words[0]) && len(run.titles) == 0 {
		org = true // an acronym
	}
	roles := d.rolesOf(run, d.roleBuf[:0])
	d.roleBuf = roles // for the next run: nothing keeps the slice
	g := byte(0)
	if len(words) > 1 {
		g = nameGender(lw[0])
	}
	personRoleSeen := false
	for _, r := range roles {
		if personRole(r) {
			personRoleSeen = true
			break
		}
	}
	person := !org && (personRoleSeen || nextToCue || g != 0)
	for _, t := range run.titles {
		if titles[t] != "" || maleHonorifics[t] || femaleHonorifics[t] {
			person = person || !org
		}
	}
	var id = -1
	if !org {
		if len(words) > 1 {
			for _, c := range d.bySurname[sn] {
				e := d.ents[c]
				if e.org {
					continue
				}
				if len(e.tokens) == 1 || e.tokens[0] == lw[0] || len(lw[0]) <= 2 || len(e.tokens[0]) <= 2 {
					id = c
					break
				}
			}
		} else {
			// lookupName(words, run.ni), with the words lowered already (sn may be that of a
			// word dropped above)
			id = d.lookupLower(lowerSurname(lw), lw[0], len(words), run.ni)
			if id >= 0 && d.ents[id].org {
				id = -1
			}
		}
	} else {
		for _, c := range d.bySurname[sn] {
			if d.ents[c].org && strings.Join(d.ents[c].tokens, " ") == strings.Join(lw, " ") {
				id = c
			}
		}
	}
	if id < 0 {
		id = len(d.ents)
		canonical := cleanName(words)
		if len(words) == 1 && !org {
			canonical = peerName(d.toks, run, canonical)
		}
		e := d.newEntity()
		e.id, e.canonical, e.tokens, e.org = id, canonical, lw, org
		d.ents = append(d.ents, e)
		d.index(d.bySurname, sn, id)
		if len(words) > 1 && !org {
			d.index(d.byFirst, lw[0], id)
		}
	} else if e := d.ents[id]; len(words) > len(e.tokens) && len(e.tokens) == 1 {
		e.canonical, e.tokens = cleanName(words), lw
		d.index(d.byFirst, lw[0], id)
	} else if len(words) == 1 && len(e.tokens) == 1 && e.canonical == cleanName(words) && !e.org {
		e.canonical = peerName(d.toks, run, e.canonical) // "Falconer" in a headline, then "Lord Falconer"
	}
	e := d.ents[id]
	for _, t := range run.titles {
		if titles[t] != "" || maleHonorifics[t] || femaleHonorifics[t] || honorifics[t] {
			e.titled = true
		}
	}
	if person {
		e.person = true
	}
	switch g {
	case 'm':
		e.male += 3
	case 'f':
		e.fem += 3
	}
	for _, t := range run.titles {
		if maleHonorifics[t] {
			e.male += 5
			e.titleMale++
		}
		if femaleHonorifics[t] {
			e.fem += 5
			e.titleFem++
		}
	}
	for _, r := range roles {
		if !e.hasRole(r) {
			if e.roles == nil {
				// a few roles an entity, mostly: room for four from the word block (a map
				// for each entity with a role was a fifth of Extract's allocations)
				e.roles = d.wordSpace(4)[:0]
			}
			e.roles = append(e.roles, r)
		}
		switch c := wordClasses.get(r); {
		case c&clsFemaleRole != 0:
			e.fem += 3 // "Full Name, the daughter of …"
		case c&clsMaleRole != 0:
			e.male += 3
		}
	}
	return id
}

// femaleRoles and maleRoles are role nouns that give a person's gender.
var femaleRoles = toSet(`daughter mother wife sister widow actress chairwoman spokeswoman businesswoman
congresswoman woman girl queen princess niece aunt grandmother girlfriend sportswoman stepdaughter`)
var maleRoles = toSet(`son father husband brother widower businessman congressman man boy king prince nephew
uncle grandfather boyfriend sportsman stepson`)

func (d *doc) followedByCue(j int) bool {
	return d.cueAt(j, false)
}

// cueAt: a cue verb at token j, after adverbs (and a comma, if comma).
func (d *doc) cueAt(j int, comma bool) bool {
	if comma && j < len(d.toks) && d.toks[j].text == "," {
		j++
	}
	for j < len(d.toks) && d.toks[j].kind == tokWord && isAdverb(d.toks[j].lower) && !d.toks[j].cap {
		j++
	}
	return j < len(d.toks) && d.toks[j].quote < 0 && d.x.cues.isCue(d.toks, j) && !d.toks[j].cap
}

// rolesOf collects role words around a name run: its titles, lower-case words before it
// ("opposition leader"), "of Russia" after it, and appositives (", the aide," / "the aide, ").
// It appends them to roles and returns them.
func (d *doc) rolesOf(run nameRun, roles []string) []string {
	for _, t := range run.titles {
		if r := titles[t]; r != "" {
			roles = append(roles, r)
		}
	}
	for k := run.i; k < run.ni; k++ {
		if lw := d.toks[k].lower; strings.HasSuffix(lw, ".") {
			if lw = bare(lw); orgAdjective(lw) {
				roles = append(roles, lw)
			}
		} else if d.toks[k].is(clsOrgAdjective) {
			roles = append(roles, lw)
		}
	}
	// words right before the run
	for k, n := run.i-1, 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		t := d.toks[k]
		if t.kind != tokWord || t.quote >= 0 || d.toks[k].is(clsRoleBefore) {
			break
		}
		w, _ := possessive(t.lower)
		roles = append(roles, bare(w))
	}
	j := run.j
	if j+1 < len(d.toks) && d.toks[j].lower == "of" && d.toks[j+1].cap && d.toks[j+1].kind == tokWord {
		roles = append(roles, bare(d.toks[j+1].lower))
	}
	// appositive after: ", the aide," / ", an expert on ..."
	if j+1 < len(d.toks) && d.toks[j].text == "," && d.toks[j+1].kind == tokWord && d.toks[j+1].is(clsDeterminer) {
		roles = d.roleWords(j+2, 8, roles)
	}
	// appositive before: "the aide, Leonid Volkov"
	if run.i >= 2 && d.toks[run.i-1].text == "," {
		k := run.i - 2
		var buf [5]string
		ws := buf[:0]
		for n := 0; k >= 0 && n < 5 && d.toks[k].kind == tokWord && d.toks[k].quote < 0; k, n = k-1, n+1 {
			if d.toks[k].is(clsDeterminer) {
				if d.toks[k].lower != "that" && d.toks[k].lower != "this" {
					roles = append(roles, ws...)
				}
				break
			}
			if d.toks[k].is(clsRoleStop) {
				break
			}
			w, _ := possessive(d.toks[k].lower)
			ws = append(ws, bare(w))
		}
	}
	return roles
}

// roleWords reads up to max role words from token i, stopping at punctuation or a
// preposition. It appends them to ws and returns them.
func (d *doc) roleWords(i, max int, ws []string) []string {
	for n := 0; i < len(d.toks) && n < max; i, n = i+1, n+1 {
		t := d.toks[i]
		if t.kind != tokWord || t.quote >= 0 || d.toks[i].is(clsRoleStop) {
			break
		}
		w, _ := possessive(t.lower)
		ws = append(ws, bare(w))
	}
	return ws
}
