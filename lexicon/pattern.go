package lexicon

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// WordKind tells how one word of a pattern matches a token.
type WordKind uint8

const (
	Exact  WordKind = iota // the token equals Text
	Prefix                 // "hostil*": the token starts with Text
	Glob                   // "*operat*", "colo?r": '*' any run of characters, '?' one character
)

// A Word is one word of a Pattern.
type Word struct {
	Text string // without the trailing '*' for Prefix; as written for Glob
	Kind WordKind
}

// A Pattern is a parsed term: one Word per whitespace-separated word.
type Pattern []Word

// ParsePattern splits a term into words and classifies each as exact, prefix or glob.
func ParsePattern(term string) (Pattern, error) {
	fields := strings.Fields(term)
	if len(fields) == 0 {
		return nil, fmt.Errorf("%w: empty term", ErrPattern)
	}
	p := make(Pattern, len(fields))
	for i, f := range fields {
		if !utf8.ValidString(f) {
			return nil, fmt.Errorf("%w: %q is not valid UTF-8", ErrPattern, term)
		}
		stars, quests := strings.Count(f, "*"), strings.Count(f, "?")
		switch {
		case stars == 0 && quests == 0:
			p[i] = Word{Text: f, Kind: Exact}
		case stars == 1 && quests == 0 && strings.HasSuffix(f, "*"):
			if f == "*" {
				return nil, fmt.Errorf("%w: %q: a lone \"*\" matches every word", ErrPattern, term)
			}
			p[i] = Word{Text: f[:len(f)-1], Kind: Prefix}
		default:
			if strings.Trim(f, "*?") == "" && stars > 0 {
				return nil, fmt.Errorf("%w: %q: %q matches every word", ErrPattern, term, f)
			}
			p[i] = Word{Text: f, Kind: Glob}
		}
	}
	return p, nil
}

// String writes the pattern back in its source syntax.
func (p Pattern) String() string {
	var b strings.Builder
	for i, w := range p {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
		if w.Kind == Prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// Match reports whether token matches w. Case is compared as is: callers lower both sides for
// case-insensitive terms.
func (w Word) Match(token string) bool {
	switch w.Kind {
	case Exact:
		return token == w.Text
	case Prefix:
		return strings.HasPrefix(token, w.Text)
	}
	return globMatch(w.Text, token)
}

// globMatch matches '*' (any run of characters) and '?' (one character) without backtracking
// blow-up.
func globMatch(pattern, s string) bool {
	px, sx := 0, 0
	nextPx, nextSx := -1, -1
	for px < len(pattern) || sx < len(s) {
		if px < len(pattern) {
			switch c := pattern[px]; c {
			case '*':
				_, n := utf8.DecodeRuneInString(s[sx:])
				nextPx, nextSx = px, sx+max(n, 1)
				px++
				continue
			case '?':
				if sx < len(s) {
					_, n := utf8.DecodeRuneInString(s[sx:])
					px++
					sx += n
					continue
				}
			default:
				if sx < len(s) && s[sx] == c {
					px++
					sx++
					continue
				}
			}
		}
		if nextSx > 0 && nextSx <= len(s) {
			px, sx = nextPx, nextSx
			continue
		}
		return false
	}
	return true
}
