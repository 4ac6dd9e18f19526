package quote

import (
	"slices"
	"sort"
	"strings"
)

// fallback gives speech quotes with no local cue the speaker of the quote they continue, or
// the person the paragraph before them is about.
func (d *doc) fallback() {
	prevSpeech := -1
	// the last search for a later quote with its own cue: the quote it found (or -1), and
	// the index where it stopped (that quote, or the end of the paragraph)
	later, laterEnd := -1, 0
	for k := range d.spans {
		q := &d.q[k]
		if q.kind == Partial && q.local {
			prevSpeech = k // "… was “a catastrophic defeat,” Full Name said. “…”"
			continue
		}
		if q.kind != Speech {
			continue
		}
		if q.speaker == "" && q.mention == "" {
			sp := d.spans[k]
			near := prevSpeech >= 0 && d.spans[prevSpeech].para >= sp.para-1 && d.q[prevSpeech].speaker != ""
			if prevSpeech >= 0 && d.spans[prevSpeech].para >= sp.para-1 && d.q[prevSpeech].speaker == "" && d.q[prevSpeech].unnamed {
				d.q[k].unnamed = true
				prevSpeech = k
				continue // the quotes of "the American" whom no one introduced: no guess
			}
			switch {
			case sp.continuation && prevSpeech >= 0:
				d.inherit(k, prevSpeech)
			case near && d.spans[prevSpeech].para == sp.para:
				// unless a new person becomes the subject between the two quotes
				if id := d.subjectBetween(d.q[prevSpeech].closeTok, d.q[k].openTok); id >= 0 && id != d.q[prevSpeech].ent {
					d.q[k].speaker, d.q[k].ent = d.name(id), id
				} else {
					d.inherit(k, prevSpeech)
				}
			default:
				// a later quote in the same paragraph with its own cue. The search goes on from
				// where the last one stopped, so that a paragraph of many quotes is read once.
				if !q.beforeIntro {
					if k >= laterEnd {
						later, laterEnd = -1, k+1
						for ; laterEnd < len(d.spans) && d.spans[laterEnd].para == sp.para; laterEnd++ {
							if d.q[laterEnd].kind == Speech && d.q[laterEnd].local {
								later = laterEnd
								break
							}
						}
					}
					if later >= 0 {
						d.inherit(k, later)
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
	// "She pauses. “…”": the sentence before opens with a pronoun
	if i := d.prevSentenceStart(pos); i >= 0 && i < pos && isWord(d.toks[i]) {
		if g, ok := pronounGender(d.toks[i].lower); ok && (d.toks[i].lower == "he" || d.toks[i].lower == "she") {
			if id := d.resolvePronoun(i, g); id >= 0 {
				d.q[k].speaker, d.q[k].ent = d.name(id), id
				return
			}
		}
	}
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

// subjectBetween returns the last person named as a sentence subject in tokens (from, to),
// outside quotes, or -1.
func (d *doc) subjectBetween(from, to int) int {
	return d.lastMention(to, func(m mention) bool {
		e := d.ents[m.ent]
		return m.subj && e.person && !e.org && d.toks[m.tok].quote < 0
	}, func(tok int) bool { return tok <= from })
}

// prevSentenceStart returns the first token of the sentence that ends just before token pos,
// within the same or the previous paragraph, or -1.
func (d *doc) prevSentenceStart(pos int) int {
	i := pos - 1
	for i >= 0 && d.toks[i].kind == tokPara {
		i--
	}
	if i < 0 || !isSentenceEnd(d.toks[i]) || d.toks[i].quote >= 0 {
		return -1
	}
	end := i
	for i > 0 && end-i < 60 {
		t := d.toks[i-1]
		if t.kind == tokPara || isSentenceEnd(t) || t.quote >= 0 {
			return i
		}
		i--
	}
	if i == 0 {
		return 0
	}
	return -1
}

// paraOf returns the paragraph index of token tok.
func (d *doc) paraOf(tok int) int { return int(d.toks[tok].para) }

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
	case mGroup:
		a, _ := d.resolve(speakerMention{i: m.i, j: m.j, kind: mName, words: m.words})
		b, _ := d.resolve(speakerMention{i: m.i, j: m.j, kind: mName, words: m.other})
		return a + " and " + b, -1
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
		g, ok := pronounGender(lw)
		if !ok {
			return "", -1
		}
		if name, id, ok := d.genericSubject(m.i, g); ok {
			return name, id
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
		// "her statement read": the statement speaks for her
		if g, ok := pronounGender(d.toks[m.i].lower); ok && m.j-m.i == 2 && textNouns[d.toks[m.j-1].lower] {
			if id := d.resolvePronoun(m.i, g); id >= 0 {
				return d.name(id), id
			}
		}
		if name, id, ok := d.resolveGeneric(m); ok {
			return name, id
		}
		if name, id, ok := d.theName(m); ok {
			return name, id
		}
		if name, id, ok := d.ownerText(m); ok {
			return name, id
		}
		text := strings.TrimSpace(m.text)
		if t := d.toks[m.i]; determiners[t.lower] && t.cap && strings.HasPrefix(text, t.text) {
			text = t.lower + text[len(t.text):] // "The spokesman" and "the spokesman" are one speaker
		}
		return d.alias(text), -1
	}
	return "", -1
}

// ownerText reads "Full Name's statement" and "Mr Full's" as the name that owns the text.
func (d *doc) ownerText(m speakerMention) (string, int, bool) {
	p := -1
	for k := m.i; k < m.j; k++ {
		if _, ok := possessive(d.toks[k].text); ok && isWord(d.toks[k]) && d.toks[k].cap {
			p = k
			break
		}
	}
	if p < 0 || p+1 < m.j && !textNouns[d.toks[m.j-1].lower] {
		return "", -1, false
	}
	s := p
	for s > m.i && isWord(d.toks[s-1]) && d.toks[s-1].cap {
		s--
	}
	run, ok := d.readNameRun(s)
	if !ok || run.j != p+1 {
		return "", -1, false
	}
	if id := d.lookupName(run.words, s); id >= 0 {
		return d.name(id), id, true
	}
	return d.alias(cleanName(run.words)), -1, true
}

// theName reads "the Harbour Trust" as the organisation's name without its article. A
// nationality ("the American") that resolveRole could not tie to a person gives no speaker.
func (d *doc) theName(m speakerMention) (string, int, bool) {
	if m.j-m.i < 2 || d.toks[m.i].lower != "the" {
		return "", -1, false
	}
	var words []string
	for k := m.i + 1; k < m.j; k++ {
		t := d.toks[k]
		if !isWord(t) || !t.cap {
			return "", -1, false
		}
		words = append(words, t.text)
	}
	if lw := strings.ToLower(words[0]); len(words) == 1 && orgAdjective(lw) {
		return "", -1, true // "the American": no one was introduced so; never guess
	} else if len(words) == 1 && titles[lw] != "" || len(words) == 2 && lw == "new" && strings.HasSuffix(words[1], "er") {
		return "", -1, false // "the Republican", "the DJ", "the New Zealander": a role as written
	}
	if id := d.lookupName(words, m.i); id >= 0 && strings.EqualFold(d.ents[id].canonical, cleanName(words)) {
		return d.name(id), id, true
	}
	return d.alias(cleanName(words)), -1, true
}

// earlierGeneric resolves "the spokesman" to the organisation of the last "a Westline
// spokesman" or "a spokesman for Westline" before it, within 1,500 characters.
func (d *doc) earlierGeneric(m speakerMention) (string, int, bool) {
	head := d.toks[m.j-1].lower
	limit := d.toks[m.i].s - 1500
	for k := m.i - 1; k > 0 && d.toks[k].s >= limit; k-- {
		t := d.toks[k]
		if t.lower != head || t.quote >= 0 {
			continue
		}
		i := k - 1
		for i > 0 && isWord(d.toks[i]) && d.toks[i].cap && !determiners[d.toks[i].lower] && d.toks[i].quote < 0 && k-i < 5 {
			i--
		}
		if l := d.toks[i].lower; l != "a" && l != "an" {
			continue
		}
		if name, id, ok := d.resolveGeneric(speakerMention{i: i, j: k + 1, kind: mRole}); ok {
			return name, id, true
		}
	}
	return "", -1, false
}

// genericSubject: "A Westline spokesman said …. He added: “…”": a pronoun that opens the
// sentence (or follows the quote that opens it) after one whose subject is a generic mention
// of its gender speaks for it.
func (d *doc) genericSubject(pos int, g byte) (string, int, bool) {
	ss := d.sentenceStart(pos)
	for k := ss; k < pos; k++ {
		if t := d.toks[k]; isWord(t) && t.quote < 0 {
			return "", -1, false // not the subject of its sentence
		}
	}
	i := d.prevSentenceStart(ss) // “…,” he said: the sentence before the quote
	if i < 0 || !isWord(d.toks[i]) || (d.toks[i].lower != "a" && d.toks[i].lower != "an") {
		return "", -1, false
	}
	j := i + 1
	for j < pos && j-i < 6 && isWord(d.toks[j]) && d.toks[j].cap {
		j++
	}
	if j >= pos || !isWord(d.toks[j]) {
		return "", -1, false
	}
	switch h := d.toks[j].lower; {
	case h == "spokesman" && g == 'm', h == "spokeswoman" && g == 'f', h == "spokesperson":
	default:
		return "", -1, false
	}
	m := speakerMention{i: i, j: j + 1, kind: mRole, text: d.text(i, j+1)}
	if name, id, ok := d.resolveGeneric(m); ok {
		return name, id, true
	}
	return d.alias(m.text), -1, true
}

// generics are nouns for people who speak for an organisation without being named.
var generics = toSet(`spokesman spokeswoman spokesperson spokesmen spokeswomen official officials source sources
representative insider`)

// resolveGeneric turns a generic mention ("a Home Office spokesman", "a spokesman for the
// ministry") into the organisation it speaks for. A generic mention with no organisation
// ("a spokesman") stays as written (ok is false): the evaluation sets annotate it so, and an
// empty speaker would let the quotes that continue it fall to the nearest person.
func (d *doc) resolveGeneric(m speakerMention) (string, int, bool) {
	if m.j <= m.i || !generics[bare(d.toks[m.j-1].lower)] {
		return "", -1, false
	}
	if !determiners[d.toks[m.i].lower] || d.toks[m.i].lower == "his" || d.toks[m.i].lower == "her" {
		return "", -1, false // "Pensions spokeswoman Full Name": a named portfolio holder
	}
	// capitalized words before the noun: "a Home Office spokesman", "a Number 10 spokesman"
	var owner []string
	owned := false // "Ms Full's spokesman"
	for k := m.i + 1; k < m.j-1; k++ {
		t := d.toks[k]
		if isWord(t) && (t.cap || len(owner) > 0 && isNumber(t.text)) {
			w, ok := possessive(t.text)
			owner = append(owner, w)
			owned = owned || ok
		} else if len(owner) > 0 {
			break
		}
	}
	// "a spokesman for the ministry", "a spokesman for Westland Power"
	if len(owner) == 0 && m.j+1 < len(d.toks) && d.toks[m.j].lower == "for" && d.toks[m.j].quote < 0 {
		k := m.j + 1
		if t := d.toks[k]; isWord(t) && determiners[t.lower] && k+1 < len(d.toks) {
			k++
		}
		if t := d.toks[k]; isWord(t) && t.cap && t.quote < 0 {
			// "the Information Commissioner's Office", "the Association of Payment and Clearing Services"
			for ; k < len(d.toks) && isWord(d.toks[k]) && d.toks[k].quote < 0 && len(owner) < 9; k++ {
				t := d.toks[k]
				next := k+1 < len(d.toks) && isWord(d.toks[k+1]) && d.toks[k+1].cap && d.toks[k+1].quote < 0
				if !t.cap {
					if (t.lower == "of" || t.lower == "and" || t.lower == "for") && next {
						owner = append(owner, t.text)
						continue
					}
					break
				}
				w, ok := possessive(t.text)
				if ok && next {
					w = t.text
				}
				owner = append(owner, w)
				if ok && !next {
					break
				}
			}
		} else if isWord(t) && (orgWords[t.lower] || orgNouns[t.lower]) {
			if id := d.resolveOrg(m.i, t.lower); id >= 0 {
				return d.name(id), id, true
			}
		}
	}
	if len(owner) == 0 {
		if d.toks[m.i].lower == "the" && m.j-m.i == 2 {
			return d.earlierGeneric(m)
		}
		return "", -1, false
	}
	if id := d.lookupName(owner, m.i); id >= 0 {
		e := d.ents[id]
		if e.person && !e.org && (owned || e.titled || e.male+e.fem > 0 || givenName(e.tokens[0])) {
			return "", -1, false // "the minister's spokesman" speaks for a person, not as one
		}
		if len(owner) == 1 || strings.EqualFold(e.canonical, cleanName(owner)) {
			return d.name(id), id, true
		}
	}
	return d.alias(cleanName(owner)), -1, true
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
	other, weak := -1, -1
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
		if m.subj && eg == 0 && len(e.tokens) == 1 && weak < 0 {
			weak = m.ent // a lone capitalized word of unknown gender: maybe a place; keep looking
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
	switch {
	case id >= 0:
		return id
	case weak >= 0:
		return weak
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
	// "the American", "the 30-year-old": introduced as "American Full Name", "30-year-old Full Name"
	if !personRole(head) && !orgAdjective(head) && !isAge(head) {
		return -1
	}
	best, bestScore := -1, 0
	id := d.lastMention(m.i, func(mn mention) bool {
		e := d.ents[mn.ent]
		if e.org || !e.person || !e.hasRole(head) {
			return false
		}
		score := 2
		for _, w := range words[:len(words)-1] {
			for _, r := range e.roles { // any order: the first match counts
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

// isAge: "30-year-old".
func isAge(w string) bool {
	n, ok := strings.CutSuffix(w, "-year-old")
	return ok && isNumber(n)
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

// textNouns name texts that speak for their author ("her statement read").
var textNouns = toSet(`statement letter email e-mail memo post tweet message note blog column op-ed essay
release remarks speech testimony report message`)

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
	return roleSuffix(w) || wordClasses.get(w)&clsPersonRole != 0
}

// roleSuffix: w ends in a suffix of agents and people ("-er", "-ist", "-woman") after at
// least three other letters.
func roleSuffix(w string) bool {
	if w == "" {
		return false
	}
	switch w[len(w)-1] {
	case 'r', 't', 'n', 'e': // the last letters of the suffixes: most words stop here
	default:
		return false
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// personRoleWords are the titles that give a role and personRoles, in one set so that
// personRole looks a word up once.
var personRoleWords = func() map[string]bool {
	m := make(map[string]bool, len(titles)+len(personRoles))
	for w, role := range titles {
		if role != "" {
			m[w] = true
		}
	}
	for w := range personRoles {
		m[w] = true
	}
	return m
}()

var personRoles = toSet(`aide official chief head envoy diplomat judge candidate nominee rival critic boss
coach captain star actor actress veteran expert economist scientist analyst lawyer attorney
senator congressman congresswoman governor mayor minister premier president chancellor secretary
spokesman spokeswoman spokesperson adviser advisor activist businessman businesswoman billionaire
mogul magnate tycoon father mother son daughter wife husband brother sister widow friend neighbour
neighbor victim witness doctor nurse professor student teacher pastor priest bishop rabbi imam
founder owner proprietor chair chairman chairwoman director executive manager officer detective
prosecutor lawmaker legislator delegate republican democrat liberal conservative champion athlete
international`)

// lookupName finds the entity for name words seen at token pos.
func (d *doc) lookupName(words []string, pos int) int {
	sn := surname(words)
	if sn == "" {
		return -1
	}
	return d.lookupLower(sn, strings.ToLower(bare(words[0])), len(words), pos)
}

// lookupLower is lookupName for a name of n words given its surname and its first word,
// lower-cased and without a trailing period, as register has them at hand.
func (d *doc) lookupLower(sn, first string, n, pos int) int {
	if sn == "" {
		return -1
	}
	cands := d.bySurname[sn]
	if len(cands) == 0 && n == 1 {
		cands = d.byFirst[first]
	}
	if len(cands) == 0 {
		return -1
	}
	if g := d.honorificGender(pos); g != 0 && n == 1 {
		// "Mrs Howard" after "Michael Howard": another person of the same surname
		var fit []int
		for _, c := range cands {
			if eg := d.ents[c].nameGender(); eg == 0 || eg == g {
				fit = append(fit, c)
			}
		}
		if len(fit) == 0 {
			return -1
		}
		cands = fit
	}
	if len(cands) == 1 {
		return cands[0]
	}
	if n > 1 {
		for _, c := range cands {
			if d.ents[c].tokens[0] == first {
				return c
			}
		}
	}
	// the most recently mentioned
	if id := d.lastMention(pos, func(m mention) bool { return slices.Contains(cands, m.ent) }, func(int) bool { return false }); id >= 0 {
		return id
	}
	return cands[0]
}

// honorificGender gives the gender of the honorific right before token pos ("Mrs" in
// "Mrs Howard"), or 0.
func (d *doc) honorificGender(pos int) byte {
	if pos == 0 || !isWord(d.toks[pos-1]) {
		return 0
	}
	switch lw := d.toks[pos-1].lower; {
	case maleHonorifics[lw]:
		return 'm'
	case femaleHonorifics[lw]:
		return 'f'
	}
	return 0
}
