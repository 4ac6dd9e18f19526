package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are words that precede a name and are not part of it. The value is the role they
// give the person ("sen." -> "senator"); empty means none.
var titles = map[string]string{
	"mr.": "", "mrs.": "", "ms.": "", "miss": "", "mr": "", "mrs": "", "ms": "", "dr.": "doctor", "dr": "doctor",
	"prof.": "professor", "professor": "professor", "sir": "", "dame": "", "lord": "", "lady": "",
	"rev.": "reverend", "reverend": "reverend", "president": "president", "vice": "vice",
	"prime": "prime", "minister": "minister", "premier": "premier", "chancellor": "chancellor",
	"sen.": "senator", "senator": "senator", "rep.": "representative", "representative": "representative",
	"gov.": "governor", "governor": "governor", "mayor": "mayor", "gen.": "general", "general": "general",
	"col.": "colonel", "colonel": "colonel", "capt.": "captain", "captain": "captain", "lt.": "lieutenant",
	"sgt.": "sergeant", "sergeant": "sergeant", "judge": "judge", "justice": "justice", "chief": "chief",
	"secretary": "secretary", "king": "king", "queen": "queen", "prince": "prince", "princess": "princess",
	"pope": "pope", "coach": "coach", "ceo": "executive", "chairman": "chairman", "chairwoman": "chairwoman",
	"spokesman": "spokesman", "spokeswoman": "spokeswoman", "spokesperson": "spokesperson",
	"st.": "", "saint": "", "former": "former", "sheriff": "sheriff", "detective": "detective",
	"det.": "detective", "officer": "officer", "const.": "constable", "constable": "constable",
	"supt.": "superintendent", "superintendent": "superintendent", "insp.": "inspector",
	"inspector": "inspector", "commissioner": "commissioner", "ambassador": "ambassador",
	"attorney": "attorney", "councillor": "councillor", "councilor": "councilor", "alderman": "alderman",
	"cardinal": "cardinal", "bishop": "bishop", "archbishop": "archbishop", "rabbi": "rabbi",
	"imam": "imam", "father": "", "sister": "", "brother": "", "maj.": "major", "major": "major",
	"adm.": "admiral", "admiral": "admiral", "cpl.": "corporal", "pte.": "private", "hon.": "",
	"mp": "mp", "mla": "mla", "mpp": "mpp", "mep": "mep", "congressman": "congressman",
	"congresswoman": "congresswoman", "assemblyman": "assemblyman", "assemblywoman": "assemblywoman",
	"delegate": "delegate", "lawmaker": "lawmaker", "dean": "dean", "director": "director",
	"leader": "leader", "speaker": "speaker", "sens.": "senator", "reps.": "representative",
	"mme": "", "mlle": "", "messrs.": "", "atty.": "attorney", "pres.": "president",
	"u.s.": "", "gop": "", "nato": "", "u.n.": "", "eu": "", "uk": "", "u.k.": "",
	"democrat": "democrat", "republican": "republican", "democratic": "democratic",
	"liberal": "liberal", "conservative": "conservative", "ndp": "", "tory": "",
	"organizer": "organizer", "founder": "founder", "chair": "chair", "manager": "manager",
	"analyst": "analyst", "economist": "economist", "author": "author", "host": "host", "editor": "editor",
	"reporter": "reporter", "columnist": "columnist", "adviser": "adviser", "advisor": "advisor",
	"strategist": "strategist", "pollster": "pollster", "candidate": "candidate", "nominee": "nominee",
	"lawyer": "lawyer", "activist": "activist", "researcher": "researcher", "scientist": "scientist",
	"executive": "executive", "owner": "owner", "cfo": "officer", "coo": "officer", "chairperson": "chair",
	"treasurer": "treasurer", "commander": "commander", "sergeant-at-arms": "", "correspondent": "correspondent",
	"minister-designate": "minister", "premier-designate": "premier", "president-elect": "president",
	"senator-elect": "senator", "mayor-elect": "mayor", "deputy": "deputy", "assistant": "assistant",
	"associate": "associate", "professor emeritus": "professor", "trustee": "trustee", "principal": "principal",
	"superintendant": "superintendent", "warden": "warden", "ombudsman": "ombudsman", "auditor": "auditor",
	"mp.": "mp", "mla.": "mla",
	// British style: abbreviations without a full stop, peers, and devolved assemblies
	"prof": "professor", "gen": "general", "col": "colonel", "capt": "captain", "sgt": "sergeant",
	"insp": "inspector", "supt": "superintendent", "det": "detective", "rev": "reverend", "cllr": "councillor",
	"baroness": "", "baron": "", "earl": "", "viscount": "", "duke": "", "duchess": "", "msp": "msp",
	// occupations that news style writes before a name ("striker Full Name", "DJ Full Name")
	"boss": "boss", "striker": "striker", "midfielder": "midfielder", "defender": "defender",
	"goalkeeper": "goalkeeper", "winger": "winger", "fly-half": "fly-half", "scrum-half": "scrum-half",
	"full-back": "full-back", "skipper": "skipper", "referee": "referee", "guitarist": "guitarist",
	"drummer": "drummer", "broadcaster": "broadcaster", "presenter": "presenter", "comedian": "comedian",
	"rapper": "rapper", "dj": "dj", "singer": "singer", "actor": "actor", "actress": "actress",
	"novelist": "novelist", "playwright": "playwright", "film-maker": "film-maker", "filmmaker": "filmmaker",
	"teenager": "teenager", "agent": "agent", "producer": "producer", "writer": "writer",
	"wing": "wing", "flanker": "flanker", "centre": "centre", "keeper": "keeper",
}

// honorifics are the titles of address ("Mr", "Dr."): the word after one is a name even when
// it is also a title ("Mr Dean", "Ms King").
var honorifics = toSet(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. mme mlle messrs.`)

// isTitle: a title word, or the plural of one ("Councillors", "Sens.").
func isTitle(lw string) bool { return wordClasses.get(lw)&clsTitle != 0 }

// titleWords are the titles and the plurals of those that give a role and have four
// letters or more, in one set so that isTitle looks a word up once.
var titleWords = func() map[string]bool {
	m := make(map[string]bool, 2*len(titles))
	for w, role := range titles {
		m[w] = true
		if role != "" && len(w) >= 4 {
			m[w+"s"] = true
		}
	}
	return m
}()

var maleHonorifics = map[string]bool{"mr.": true, "baron": true, "earl": true, "duke": true, "viscount": true, "mr": true, "sir": true, "lord": true, "king": true, "prince": true, "father": true, "brother": true, "messrs.": true, "congressman": true, "assemblyman": true, "chairman": true, "spokesman": true}
var femaleHonorifics = map[string]bool{"mrs.": true, "baroness": true, "duchess": true, "ms.": true, "miss": true, "mrs": true, "ms": true, "dame": true, "lady": true, "queen": true, "princess": true, "sister": true, "mme": true, "mlle": true, "congresswoman": true, "assemblywoman": true, "chairwoman": true, "spokeswoman": true}

// notNames are capitalized words that start sentences or name days and months, not people.
var notNames = toSet(`the a an but and or so yet if when while after before as at in on of for to from by with
without this that these those there here it its he she they we i you his her their our my your them us
him me who what where why how which then now also still even just only however meanwhile although though
because since until unless despite during under over into onto through between among about against
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
today yesterday tomorrow tonight last next every each both all some many most more much no not yes
one two three four five six seven eight nine ten first second third new read watch related click
share follow photo video image getty reuters associated press ap cp afp advertisement updated posted
sign subscribe comments comment reply leave email print copyright contact home menu search skip
story advertisement continues continued article
instead according other another such several few any like unlike whether once almost nearly perhaps
maybe mostly indeed thus hence still later earlier already ago asked told said says say`)

// orgWords mark a capitalized name as an organisation, not a person.
var orgWords = toSet(`ministry department police service university college school party inc. inc corp. corp
company co. ltd. ltd council association news times post press agency bank court commission committee
board group foundation institute network union office house senate congress government parliament
assembly authority administration centre center hospital club league team federation organization
organisation society trust fund corporation industries airlines railway city county province state
states republic kingdom nations army navy force forces guard bureau coalition campaign alliance
church museum library journal magazine daily tribune herald globe mail star gazette review network
tv radio channel cbc bbc cnn fox nbc abc cbs msnbc ctv global reuters institute labs hydro energy
power oil gas motors group holdings partners capital airways transit commission chamber caucus
affairs electronics tours consultants international systems technologies solutions media pipeline
cabinet embassy consulate agency tribunal clinic industry labour tories dems dem conservatives
democrats republicans liberals greens snp ukip`)

// pronounGender gives the gender of a personal pronoun: 'm' for he, him and his, 'f' for
// she, her and hers. A switch, not a map: buildEntities asks it of most words.
func pronounGender(lw string) (byte, bool) {
	switch lw {
	case "he", "him", "his":
		return 'm', true
	case "she", "her", "hers":
		return 'f', true
	}
	return 0, false
}

var personalPronouns = toSet(`he she they it i we`)

func toSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// An entity is a person or organisation named in one document.
type entity struct {
	id        int
	canonical string   // first full mention without titles
	tokens    []string // canonical tokens, lower case
	person    bool     // seen with an honorific, a role, or as a speaker
	org       bool
	titled    bool     // seen with a title or honorific ("Mr", "coach")
	things    int      // mentions after an article ("the World Cup"): not a person's name
	modifier  int      // mentions that qualify a role before a name ("Lions coach Full Name")
	male, fem int      // evidence for gender
	titleMale int      // mentions with a male title of address ("Mr", "Sir")
	titleFem  int      // mentions with a female title of address ("Mrs", "Baroness")
	roles     []string // role words seen with the entity ("president", "aide", "russia"), once each
}

// hasRole reports whether the role word r was seen with the entity.
func (e *entity) hasRole(r string) bool { return slices.Contains(e.roles, r) }

// nameGender is the gender that the entity's given name or titles of address show, or 0:
// firmer evidence than pronouns nearby.
func (e *entity) nameGender() byte {
	if len(e.tokens) > 1 {
		if g := nameGender(e.tokens[0]); g != 0 {
			return g
		}
	}
	switch {
	case e.titleMale > 0 && e.titleFem == 0:
		return 'm'
	case e.titleFem > 0 && e.titleMale == 0:
		return 'f'
	}
	return 0
}

func (e *entity) gender() byte {
	switch {
	case e.male > e.fem:
		return 'm'
	case e.fem > e.male:
		return 'f'
	}
	return 0
}

// isNameWord reports whether a word token can be part of a proper name.
func isNameWord(t token) bool {
	if t.kind != tokWord || !t.cap {
		return false
	}
	return true
}

var nameParticles = toSet(`de van von der den da di du del della la le bin ibn al el st. mc ben dos das`)

// possessive strips a trailing 's or ’s and reports whether it was there.
func possessive(w string) (string, bool) {
	if w == "" {
		return w, false
	}
	switch w[len(w)-1] {
	case 's', 'S', '\'', '\x99': // the last byte of ’ (U+2019) is 0x99
	default:
		return w, false // most words: no suffix to try
	}
	for _, s := range []string{"'s", "\u2019s", "'S", "\u2019S"} {
		if strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)], true
		}
	}
	if strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s\u2019") {
		return strings.TrimRight(w, "'\u2019"), true
	}
	return w, false
}

// A nameRun is a run of capitalized words, titles stripped.
type nameRun struct {
	i, j       int      // token range [i, j) of the whole run
	ni         int      // first token of the name proper (after titles)
	words      []string // name words as written
	lower      []string // the words lower-cased
	titles     []string // lower-case titles before the name
	possessive bool     // the last word ends in 's
}

// readNameRun reads a run of name words starting at token i. It returns ok=false if there is
// no name there.
func (d *doc) readNameRun(i int) (nameRun, bool) {
	toks := d.toks
	run := nameRun{i: i}
	var titleBuf [4]string
	titles := titleBuf[:0] // copied to the word block at the end
	j := i
	owner := -1 // end of "Club's" in "Club's Full Name": the name follows the owner
	for j < len(toks) {
		t := toks[j]
		if t.kind != tokWord || t.quote >= 0 {
			break
		}
		if !t.cap {
			if toks[j].is(clsParticle) && j+1 < len(toks) && toks[j+1].kind == tokWord && toks[j+1].cap && j > i {
				j++
				continue
			}
			if t.lower == "and" && j > i && !toks[i].is(clsGiven) && andOrg(toks, j+1) {
				j++ // "Finance and Economy Ministry": one organisation
				continue
			}
			break
		}
		if _, ok := possessive(t.text); ok {
			j++
			if owner < 0 && ownedName(toks, j) {
				owner = j
				continue
			}
			run.possessive = true
			break
		}
		j++
	}
	run.j = j
	if j == i {
		return run, false
	}
	// strip leading non-name words and titles
	k := i
	if owner > 0 {
		for n := i; n < owner; n++ {
			titles = append(titles, toks[n].lower)
		}
		k = owner
	}
	if i >= 2 && toks[i-1].lower == "of" && toks[i-2].is(clsTitleRole) && j-i > 1 {
		// "Secretary of State Full Name": the first word belongs to the title
		titles = append(titles, toks[i].lower)
		k++
	}
	for k < j {
		lw, c := toks[k].lower, toks[k].class()
		if k > i && toks[k-1].is(clsHonorific) && c&clsHonorific == 0 && (k+1 < j || c&clsAddress == 0) {
			break // "Mr Dean", "Ms Irish": after a title of address comes the name
		}
		if c&clsTitle != 0 && !givenNameFirst(toks, k, j) {
			titles = append(titles, lw)
			k++
			continue
		}
		if lw == "new" && k+1 < j && (strings.HasSuffix(toks[k+1].lower, "er") || strings.HasSuffix(toks[k+1].lower, "ers")) {
			k += 2 // "New Yorker Full Name": a demonym of a "New" place
			continue
		}
		if c&clsNotName != 0 || c&clsOrgAdjective != 0 && !hasOrgWord(toks, k+1, j) || k+1 < j && descriptor(toks[k].text) {
			k++ // "Russian President", but not "British Phonographic Industry"
			continue
		}
		// "Defiant Full Name said", "Lib Dem Full Name": one or two capitalized words glued
		// to a given name that starts a name of two or three words
		if g := givenNameAt(toks, k, j); g > k {
			for n := k; n < g; n++ {
				titles = append(titles, toks[n].lower)
			}
			k = g
		}
		break
	}
	// "Niagara County District Attorney Full Name": the name starts after the last title
	for m := j - 2; m >= k; m-- {
		if givenNameFirst(toks, m, j) {
			continue
		}
		if toks[m].is(clsTitleOrRole | clsHonorific | clsNoble) {
			for n := k; n <= m; n++ {
				titles = append(titles, toks[n].lower)
			}
			k = m + 1
			break
		}
	}
	run.ni = k
	if len(titles) > 0 {
		run.titles = append(d.wordSpace(len(titles))[:0], titles...)
	}
	n := max(j-k, 0)
	both := d.wordSpace(2 * n) // the words and their lower-case forms
	run.words, run.lower = both[:0:n], both[n:n:2*n]
	for m := k; m < j; m++ {
		w, lw := toks[m].text, toks[m].lower
		if m == j-1 && run.possessive {
			w, _ = possessive(w)
			if d.ascii {
				lw = lw[:len(w)] // ASCII lowers byte for byte
			} else {
				lw = strings.ToLower(w)
			}
		}
		run.words = append(run.words, w)
		run.lower = append(run.lower, lw)
	}
	// trailing words that cannot be names ("Putin Wednesday")
	for len(run.words) > 0 && wordClasses.get(run.lower[len(run.lower)-1])&clsNotName != 0 {
		run.words = run.words[:len(run.words)-1]
		run.lower = run.lower[:len(run.lower)-1]
	}
	return run, len(run.words) > 0
}

// surnameOrgWords are organisation words that are also common surnames.
var surnameOrgWords = toSet(`fox court house church power post star mail bank banks hall union`)

// surnameTitles are titles that are also common surnames ("Nora King"): as the last word of
// a name they are the surname, not a role after a place ("Westland MP").
var surnameTitles = toSet(`dean king bishop major judge prince constable chancellor marshal`)

// nobleTitles start the name inside a run ("Club boss Sir Full Name").
var nobleTitles = toSet(`sir dame lord lady baroness baron`)

// givenName reports whether lw is a listed given name.
func givenName(lw string) bool { return wordClasses.get(lw)&clsGiven != 0 }

// givenNameFirst: a title word that is also a given name opens a two-word name ("Dean Full").
func givenNameFirst(toks []token, k, j int) bool {
	return j-k == 2 && toks[k].is(clsGiven) && !toks[k+1].is(clsTitle)
}

// ownedName: tokens from j are a name of two or more words that a possessive owns
// ("Club's Full Name"), not the noun a possessive modifies ("Party's Annual Conference").
func ownedName(toks []token, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	a, b := toks[j], toks[j+1]
	if !isWord(a) || !isWord(b) || !a.cap || !b.cap || a.quote >= 0 || b.quote >= 0 || toks[j].is(clsNotName) {
		return false
	}
	if _, ok := possessive(b.text); ok {
		return false
	}
	if toks[j].is(clsGiven | clsTitle | clsHonorific) {
		return true
	}
	// two or three capitalized words, none of them an organisation's
	n := j
	for n < len(toks) && n-j < 4 && isWord(toks[n]) && toks[n].cap && toks[n].quote < 0 {
		if toks[n].is(clsOrgWord) { // lower is strings.ToLower(text)
			return false
		}
		n++
	}
	return n-j >= 2 && n-j <= 3
}

// descriptor: a hyphenated word with a lower-case part ("Man-of-the-match", "Top-seeded"),
// a description before a name; hyphenated names capitalize every part ("Kilroy-Silk").
func descriptor(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] == '-' && w[i+1] >= 'a' && w[i+1] <= 'z' {
			return true
		}
	}
	return false
}

// andOrg: tokens from j are one or two capitalized words, the last an organisation's
// ("… and Economy Ministry"), ending the run.
func andOrg(toks []token, j int) bool {
	for n := j; n < len(toks) && n-j < 2; n++ {
		t := toks[n]
		if !isWord(t) || !t.cap || t.quote >= 0 {
			return false
		}
		if toks[n].is(clsOrgWord) && (n+1 >= len(toks) || !isWord(toks[n+1]) || !toks[n+1].cap) {
			return true
		}
	}
	return false
}

// hasOrgWord: a word of tokens [k, j) marks an organisation.
func hasOrgWord(toks []token, k, j int) bool {
	for ; k < j; k++ {
		if toks[k].is(clsOrgWord) {
			return true
		}
	}
	return false
}

// givenNameAt returns the index of a listed given name that follows one or two other
// words at the start of the run [k, j) and opens a name of two or three words, else k.
func givenNameAt(toks []token, k, j int) int {
	for g := k + 1; g <= k+2 && g < j-1; g++ {
		if toks[g-1].is(clsGiven) || toks[g-1].kind != tokWord {
			return k
		}
		if toks[g].is(clsGiven) && j-g <= 3 {
			return g
		}
	}
	return k
}

// addressTitles follow "Mr" or "Madam" as a form of address ("Mr President"), not as a name.
var addressTitles = toSet(`president speaker chairman chairwoman mayor secretary minister justice chancellor
ambassador commissioner governor premier deputy prime vice chair`)

// orgAdjective: nationality and party words that precede names ("Russian President"); given
// names that look like one ("Adrian", "Julian") are not, nor surnames in -ese ("Campese").
func orgAdjective(lw string) bool {
	return classOf(lw)&clsOrgAdjective != 0 // demonyms, or the suffix rule
}

// demonyms are nationality words that the suffix rule of orgAdjective misses.
var demonyms = toSet(`american african mexican cuban korean german dutch french british english irish
scottish welsh spanish swedish danish polish finnish turkish flemish israeli iraqi pakistani saudi
kuwaiti afghan greek swiss thai filipino argentine scot briton chinese japanese portuguese taiwanese
vietnamese lebanese maltese sudanese burmese congolese senegalese nepalese spaniard frenchman
frenchwoman englishman englishwoman welshman scotsman irishman dutchman swede`)

func (r nameRun) isOrg() bool {
	if len(r.words) == 2 && givenName(r.lower[0]) && surnameOrgWords[bare(r.lower[1])] {
		return false // "Liam Fox", "Margaret Court": a given name and a surname
	}
	for _, t := range r.titles {
		if honorifics[t] || nobleTitles[t] || maleHonorifics[t] || femaleHonorifics[t] {
			return false // "Mr Fox"
		}
	}
	for _, w := range r.lower {
		if wordClasses.get(w)&clsOrgWord != 0 {
			return true
		}
	}
	return false
}

// lowerWords returns the words lower-cased, without a trailing period: r.lower itself when
// no word has one.
func (r nameRun) lowerWords() []string {
	for i, w := range r.lower {
		if strings.HasSuffix(w, ".") {
			out := make([]string, len(r.lower))
			copy(out, r.lower[:i])
			for j := i; j < len(r.lower); j++ {
				out[j] = bare(r.lower[j])
			}
			return out
		}
	}
	return r.lower
}

// surname is the last name word, without suffixes like Jr.
func surname(words []string) string {
	for i := len(words) - 1; i >= 0; i-- {
		if w := strings.ToLower(bare(words[i])); isSurname(w) {
			return w
		}
	}
	return ""
}

// lowerSurname is surname for words already lower-cased without a trailing period.
func lowerSurname(lw []string) string {
	for i := len(lw) - 1; i >= 0; i-- {
		if isSurname(lw[i]) {
			return lw[i]
		}
	}
	return ""
}

// isSurname: a lower-case name word is neither a suffix like Jr. nor an initial.
func isSurname(w string) bool {
	switch w {
	case "jr", "sr", "ii", "iii", "iv", "phd", "md":
		return false
	}
	return utf8.RuneCountInString(w) != 1
}

// cleanName joins name words with single spaces.
func cleanName(words []string) string {
	return strings.Join(words, " ")
}

func isAllUpper(s string) bool {
	hasLetter := false
	for _, c := range s {
		if unicode.IsLetter(c) {
			hasLetter = true
			if !unicode.IsUpper(c) {
				return false
			}
		}
	}
	return hasLetter
}
