package quote

import "strings"

// A wordClass is the set of word lists that a lower-case word belongs to, as bits. Name
// reading asks several lists about the same token (is it a title, a given name, a word that
// is not a name, an organisation's word?), and each question was a map lookup that hashed the
// word again: a tenth of Extract's time. A token looks its word up once, in wordClasses, and
// keeps the bits (see token.class); the questions then are bit tests.
type wordClass uint32

const (
	clsTitle        wordClass = 1 << iota // isTitle: a title, or the plural of one that gives a role
	clsTitleRole                          // titles[w] != "": a title that gives a role
	clsTitleOrRole                        // isTitle, and w or w without a final "s" gives a role
	clsHonorific                          // honorifics
	clsNoble                              // nobleTitles
	clsAddress                            // addressTitles
	clsNotName                            // notNames
	clsOrgWord                            // orgWords
	clsOrgAdjective                       // orgAdjective
	clsGiven                              // givenName
	clsParticle                           // nameParticles
	clsPersonRole                         // personRoleWords: personRole without its suffix rule
	clsRoleVerb                           // roleVerbs
	clsRoleBefore                         // roleBefore
	clsRoleStop                           // roleStop
	clsDeterminer                         // determiners
	clsNPStop                             // npStop
	clsMaleName                           // a given name that only maleNames holds
	clsFemaleName                         // a given name that only femaleNames holds
	clsMaleRole                           // maleRoles
	clsFemaleRole                         // femaleRoles

	clsKnown // the word was looked up: a token's zero class means "not yet"
)

// wordClasses holds the classes of every listed word; classOf adds the suffix rule of
// orgAdjective.
var wordClasses = func() *classTable {
	m := make(map[string]wordClass)
	add := func(c wordClass, set map[string]bool) {
		for w, ok := range set {
			if ok {
				m[w] |= c
			}
		}
	}
	add(clsTitle, titleWords)
	for w, role := range titles {
		if role != "" {
			m[w] |= clsTitleRole
		}
	}
	for w := range titleWords {
		if titles[strings.TrimSuffix(w, "s")]+titles[w] != "" {
			m[w] |= clsTitleOrRole
		}
	}
	add(clsHonorific, honorifics)
	add(clsNoble, nobleTitles)
	add(clsAddress, addressTitles)
	add(clsNotName, notNames)
	add(clsOrgWord, orgWords)
	add(clsOrgAdjective, demonyms)
	for w, g := range givenNames {
		m[w] |= clsGiven
		switch g {
		case 'm':
			m[w] |= clsMaleName
		case 'f':
			m[w] |= clsFemaleName
		}
	}
	add(clsParticle, nameParticles)
	add(clsPersonRole, personRoleWords)
	add(clsRoleVerb, roleVerbs)
	add(clsRoleBefore, roleBefore)
	add(clsRoleStop, roleStop)
	add(clsDeterminer, determiners)
	add(clsNPStop, npStop)
	add(clsMaleRole, maleRoles)
	add(clsFemaleRole, femaleRoles)
	return newClassTable(m)
}()

// classOf returns the classes of the lower-case word lw, with clsKnown set. personRole's
// suffix rule is left to personRole: most words are never asked.
func classOf(lw string) wordClass {
	c := wordClasses.get(lw) | clsKnown
	if c&clsGiven == 0 && len(lw) > 5 && strings.HasSuffix(lw, "ian") {
		c |= clsOrgAdjective // as orgAdjective reads it
	}
	return c
}

// A classTable is a fixed open-addressing table from words to their classes. It answers
// faster than a map[string]wordClass (half of Extract's lookups were in the map's hashing
// and probing): its hash reads only the length and four bytes of the word, and a quarter
// full, a word not listed (most words) mostly lands on an empty slot at once.
type classTable struct {
	slots []classSlot
	mask  uint32
}

// A classSlot holds a word, its classes and its hash: a probe that meets another word
// compares the hashes, not the strings, and reads one slot, not two arrays.
type classSlot struct {
	word string
	cls  wordClass
	hash uint32
}

func newClassTable(m map[string]wordClass) *classTable {
	size := 16
	for size < 4*len(m) {
		size *= 2
	}
	t := &classTable{slots: make([]classSlot, size), mask: uint32(size - 1)}
	for w, c := range m {
		if w == "" {
			continue // the empty slot's key; no list holds it
		}
		hash := classHash(w)
		h := hash & t.mask
		for t.slots[h].word != "" {
			h = (h + 1) & t.mask
		}
		t.slots[h] = classSlot{w, c, hash}
	}
	return t
}

// classHash mixes the length of w and four of its bytes: the first, one a third in, the middle
// one and the last.
func classHash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	x := uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16 | uint32(n)<<24
	x ^= uint32(w[(n-1)/3]) << 4
	x *= 0x9E3779B1
	return x ^ x>>15
}

func (t *classTable) get(w string) wordClass {
	if w == "" {
		return 0
	}
	hash := classHash(w)
	for h := hash & t.mask; ; h = (h + 1) & t.mask {
		s := &t.slots[h]
		if s.word == "" {
			return 0
		}
		if s.hash == hash && s.word == w {
			return s.cls
		}
	}
}

// class returns the classes of the token's lower-case form, looking them up the first time.
func (t *token) class() wordClass {
	if t.cls == 0 {
		t.cls = classOf(t.lower)
	}
	return t.cls
}

// is reports whether the token's word is in any of the classes c.
func (t *token) is(c wordClass) bool { return t.class()&c != 0 }
