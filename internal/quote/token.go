package quote

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

type tokKind uint8

const (
	tokWord  tokKind = iota
	tokPunct         // one punctuation rune
	tokMark          // a quotation mark that the scanner paired
	tokPara          // a paragraph break
)

// A token is a word, a punctuation rune, a paired quotation mark or a paragraph break.
// Offsets and indexes are int32 to keep the token at 56 bytes rather than 72: articles
// are far shorter than 2^31 runes. The word classes fit in the padding after cap.
type token struct {
	s, e   int32 // rune offsets
	quote  int32 // index of the quote span the token is inside, or -1
	para   int32 // index of the paragraph
	text   string
	lower  string
	kind   tokKind
	cap    bool      // starts with an upper-case letter
	notCue bool      // the word is no cue verb form: cueSet.isCue has looked it up
	cls    wordClass // the word's classes once class has looked them up; 0 before
}

// abbreviations keep their final period as part of the word.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sen": true,
	"rep": true, "gov": true, "gen": true, "col": true, "capt": true, "lt": true, "sgt": true,
	"rev": true, "jr": true, "sr": true, "mt": true, "ft": true, "no": false, "vs": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "dept": true, "supt": true, "insp": true,
	"const": true, "cpl": true, "pte": true, "maj": true, "adm": true, "cmdr": true, "det": true,
	"atty": true, "messrs": true, "mme": true, "mlle": true, "hon": true, "pres": true, "sens": true,
	"reps": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "calif": true, "fla": true, "ariz": true, "mass": true, "conn": true, "wash": true,
	"ore": true, "ill": false, "tenn": true, "ky": true, "ala": true, "ga": true, "pa": true,
	"va": true, "n.h": true, "e.g": true, "i.e": true, "etc": false, "approx": true,
}

// states are US state abbreviations, attached to their period after a party letter (D-Ill.).
var states = toSet(`ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
nev okla ore pa tenn tex va vt wash wis wyo`)

// tokenize appends the tokens of text to toks and returns them. r holds the runes of text,
// which must be valid UTF-8 (Extract makes it so), and marks[i] is set at the rune indexes
// of paired quotation marks. Words are substrings of text, and their lower-case forms
// substrings of one lower-cased copy of it, so that tokens do not allocate.
func tokenize(text string, r []rune, marks []bool, toks []token) []token {
	lower, sliceLower := lowerRunes(text)
	ascii := len(text) == len(r) // then byte offsets are rune offsets
	i, bi := 0, 0                // rune and byte index
	for i < len(r) {
		c := r[i]
		if ascii {
			bi = i
		} else if i > 0 {
			bi += utf8.RuneLen(r[i-1])
		}
		switch {
		case c == '\n' || c == '\u2029':
			if n := len(toks); n == 0 || toks[n-1].kind != tokPara {
				toks = pushToken(toks, i, i+1, "\n", "\n", tokPara, false)
			}
			i++
		case c < utf8.RuneSelf && asciiSpace[c] || c >= utf8.RuneSelf && (unicode.IsSpace(c) || isInvisible(c)):
			// the table first: most runes that reach here are ASCII spaces
			i++
		case marks[i]:
			str := runeString(c)
			toks = pushToken(toks, i, i+1, str, str, tokMark, false)
			i++
		case isWordRune(c):
			j := i + 1
			for j < len(r) {
				d := r[j]
				if isWordRune(d) {
					j++
					continue
				}
				if (d == '\'' || d == '\u2019' || d == '-' || d == '\u2010' || d == '&') && j+1 < len(r) && isWordRune(r[j+1]) && !marks[j] {
					j += 2
					continue
				}
				if d == '.' && j+1 < len(r) && unicode.IsLetter(r[j+1]) && j-i <= 3 {
					j += 2 // U.S, N.H
					continue
				}
				break
			}
			bj := j
			if !ascii {
				bj = bi
				for k := i; k < j; k++ {
					bj += utf8.RuneLen(r[k])
				}
			}
			w := text[bi:bj]
			var lw string
			if sliceLower {
				lw = lower[bi:bj]
			} else {
				lw = strings.ToLower(w)
			}
			if j < len(r) && r[j] == '.' {
				last := lw[strings.LastIndexByte(lw, '-')+1:] // R-Ky.: a party and a state
				if abbreviations[lw] || (last != lw && (abbreviations[last] || states[last])) || strings.Contains(w, ".") || (j-i == 1 && unicode.IsUpper(c)) {
					j++
					w = text[bi : bj+1]
					if sliceLower {
						lw = lower[bi : bj+1]
					} else {
						lw += "."
					}
				}
			}
			toks = pushToken(toks, i, j, w, lw, tokWord, unicode.IsUpper(c))
			for k := i; k < j-1 && !ascii; k++ { // the loop head adds r[j-1]
				bi += utf8.RuneLen(r[k])
			}
			i = j
		default:
			str := runeString(c)
			toks = pushToken(toks, i, i+1, str, str, tokPunct, false)
			i++
		}
	}
	return toks
}

// pushToken appends the token of runes [s, e) to toks, outside any quote. It writes the
// token's fields in place: a token literal is built on the stack and then copied whole, and
// that copy waited on the stores just made to the stack (the profile charged it a tenth of
// tokenize).
func pushToken(toks []token, s, e int, text, lower string, kind tokKind, cap bool) []token {
	toks = append(toks, token{})
	t := &toks[len(toks)-1]
	t.s, t.e, t.quote = int32(s), int32(e), -1
	t.text, t.lower = text, lower
	t.kind, t.cap = kind, cap
	return toks
}

// lowerRunes returns text with each rune lower-cased as strings.ToLower does, so that
// lower[b:e] == strings.ToLower(text[b:e]) for any rune boundaries b and e. It returns false
// if lowering changes the length of some rune's encoding (as for 'İ'); text must be valid UTF-8.
// It copies text once and lowers the copy in place: writing the runs between capitals into a
// builder, one call a capital, took as long as the rest of tokenize's scan.
func lowerRunes(text string) (string, bool) {
	i := 0 // text[:i] needs no lowering
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.ToLower(r) != r {
			break
		}
		i += n
	}
	if i == len(text) {
		return text, true // nothing to lower
	}
	b := []byte(text)
	for i < len(b) {
		if i+8 <= len(b) {
			// eight ASCII bytes at once: set the 0x20 bit of those from 'A' to 'Z'. Each byte
			// is below 0x80, so the sums below carry into no other byte.
			x := binary.LittleEndian.Uint64(b[i:])
			if x&0x8080808080808080 == 0 {
				upper := (x + 0x3f3f3f3f3f3f3f3f) &^ (x + 0x2525252525252525) & 0x8080808080808080 // >= 'A' and <= 'Z'
				binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
				i += 8
				continue
			}
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if l := unicode.ToLower(r); l != r {
			if utf8.RuneLen(l) != n {
				return "", false
			}
			utf8.EncodeRune(b[i:], l)
		}
		i += n
	}
	// b is not written again: the string may share its bytes, as strings.Builder's does
	return unsafe.String(unsafe.SliceData(b), len(b)), true
}

// validRunes returns text with each byte that is not part of valid UTF-8 replaced by
// U+FFFD, as []rune(text) reads it, so that rune offsets into the result are those of text.
func validRunes(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 16)
	for _, c := range text {
		b.WriteRune(c)
	}
	return b.String()
}

// bare returns a word without a trailing period.
func bare(w string) string { return strings.TrimSuffix(w, ".") }

// isInvisible: zero-width characters that scraped text carries between words.
func isInvisible(c rune) bool {
	switch c {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return false
}

// asciiStrings holds one-character strings, so that punctuation tokens do not allocate.
var asciiStrings = func() (t [128]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

func runeString(c rune) string {
	if c >= 0 && c < 128 {
		return asciiStrings[c]
	}
	return string(c)
}
