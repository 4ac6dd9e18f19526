package quote

import "strings"

// defaultCueVerbs are speech verbs in their base form; inflections are generated. Phrasal
// verbs count only before their particle ("pointed out", "fired back").
var defaultCueVerbs = []string{
	"say", "tell", "add", "ask", "write", "declare", "explain", "note", "state", "reply",
	"respond", "continue", "tweet", "post", "conclude", "recall", "argue", "insist", "claim",
	"suggest", "warn", "shout", "admit", "promise", "assure", "urge", "vow", "announce",
	"acknowledge", "remark", "joke", "answer", "predict", "boast", "yell", "charge", "lament",
	"question", "demand", "proclaim", "emphasize", "emphasise", "assert", "concede", "complain",
	"comment", "exclaim", "scream", "whisper", "cry", "murmur", "mutter", "sigh", "laugh", "quip",
	"retort", "counter", "observe", "stress", "confirm", "deny", "maintain", "report",
	"reiterate", "agree", "caution", "plead", "read", "chant", "describe", "elaborate", "inform",
	"testify", "recount", "muse", "wonder", "snap", "fire back", "bark", "gush", "tout", "brag",
	"grumble", "point out", "go on", "put it", "share", "email", "text", "disagree", "object",
	"interject", "interrupt", "boom", "thunder", "rebut", "remember", "repeat", "chime in",
	"weigh in", "shoot back", "hit back", "sum up", "lash out", "concur", "beam",
}

// DefaultCueVerbs returns the built-in speech verbs, in their base form. The extractor also
// knows their inflections ("said", "says", "saying") and the phrase "according to". A
// configured entry may be a phrasal verb of two words ("point out", "fire back").
func DefaultCueVerbs() []string {
	out := make([]string, len(defaultCueVerbs))
	copy(out, defaultCueVerbs)
	return out
}

// irregular maps base forms to their irregular past forms.
var irregular = map[string][]string{
	"say":   {"said"},
	"tell":  {"told"},
	"write": {"wrote", "written"},
	"read":  {"read"},
	"begin": {"began", "begun"},
	"go":    {"went", "gone"},
	"put":   {"put"},
	"cry":   {"cried"},
	"deny":  {"denied"},
	"reply": {"replied"},
	"snap":  {"snapped"},
	"quip":  {"quipped"},
	"plead": {"pleaded", "pled"},
	"admit": {"admitted"},
	"text":  {"texted"},
	"shoot": {"shot"},
	"hit":   {"hit"},
	"sum":   {"summed"},
}

// inflect returns the forms of a base verb: base, -s, -ed, -ing and irregular pasts.
func inflect(base string) []string {
	b := strings.ToLower(strings.TrimSpace(base))
	if b == "" {
		return nil
	}
	forms := []string{b}
	add := func(s string) { forms = append(forms, s) }
	last := b[len(b)-1]
	switch {
	case strings.HasSuffix(b, "y") && len(b) > 2 && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
		add(b[:len(b)-1] + "ies")
	case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "o"):
		add(b + "es")
	default:
		add(b + "s")
	}
	if past, ok := irregular[b]; ok {
		forms = append(forms, past...)
	} else {
		switch {
		case last == 'e':
			add(b + "d")
		case strings.HasSuffix(b, "y") && len(b) > 2 && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
			add(b[:len(b)-1] + "ied")
		default:
			add(b + "ed")
		}
	}
	switch {
	case last == 'e' && !strings.HasSuffix(b, "ee") && len(b) > 2:
		add(b[:len(b)-1] + "ing")
	case b == "snap" || b == "quip" || b == "admit" || b == "chat":
		add(b + string(last) + "ing")
	default:
		add(b + "ing")
	}
	return forms
}

// cueSet is the compiled set of cue verb forms.
type cueSet struct {
	// forms maps each form to the words one of which must follow it when its verb is
	// phrasal ("out" after "pointed"), or to nil: one look-up a word.
	forms map[string][]string
}

func newCueSet(verbs []string) cueSet {
	bases := make(map[string]string)      // form -> base
	particle := make(map[string][]string) // base -> required next word
	for _, v := range verbs {
		f := strings.Fields(strings.ToLower(v))
		if len(f) == 0 {
			continue
		}
		v = f[0]
		if len(f) == 2 {
			// a phrasal verb ("point out"): the verb counts only before its particle
			particle[v] = append(particle[v], f[1])
		}
		for _, f := range inflect(v) {
			if f == "reading" {
				continue // "signs reading ...", "reading glasses": rarely a cue
			}
			if _, ok := bases[f]; !ok {
				bases[f] = v
			}
		}
	}
	cs := cueSet{forms: make(map[string][]string, len(bases))}
	for f, base := range bases {
		cs.forms[f] = particle[base]
	}
	return cs
}

// isCue reports whether the word at tokens[i] is a cue verb (with its particle if needed).
// The tokens must be those of one document, which one cueSet reads: a word found to be no
// cue form is marked so in its token, since attribution asks again of the same words.
func (cs cueSet) isCue(toks []token, i int) bool {
	t := &toks[i]
	if t.kind != tokWord || t.notCue {
		return false
	}
	ps, ok := cs.forms[t.lower]
	if !ok {
		t.notCue = true
		return false
	}
	if ps != nil {
		j := nextWord(toks, i)
		if j < 0 {
			return false
		}
		for _, p := range ps {
			if toks[j].lower == p {
				return true
			}
		}
		return false
	}
	return true
}

func nextWord(toks []token, i int) int {
	if i+1 < len(toks) && toks[i+1].kind == tokWord {
		return i + 1
	}
	return -1
}
