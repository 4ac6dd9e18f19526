package lexicon

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A Problem is something Check finds questionable in a lexicon.
type Problem struct {
	File     string
	Line     int // 0 when unknown
	Category string
	Term     string // empty for problems of a whole category
	Message  string
}

func (p Problem) String() string {
	where := p.File
	if where == "" {
		where = "lexicon"
	}
	if p.Line > 0 {
		where = fmt.Sprintf("%s:%d", where, p.Line)
	}
	if p.Term != "" {
		return fmt.Sprintf("%s: %s: %q: %s", where, p.Category, p.Term, p.Message)
	}
	return fmt.Sprintf("%s: %s: %s", where, p.Category, p.Message)
}

// MinGlobLetters is the fewest literal characters a glob may have before Check calls it too
// broad ("a*" or "un*" match thousands of unrelated words).
const MinGlobLetters = 3

// Check reports empty categories, terms repeated within a category, terms that stand in two
// categories that are not parent and child (for a tone dimension: on both poles), patterns that
// do not parse, globs too broad to mean anything, and negation settings that do nothing here.
func Check(l *Lexicon) []Problem {
	var ps []Problem
	type seen struct {
		cat  string
		line int
	}
	where := map[string][]seen{}
	for _, c := range l.Categories {
		if len(c.Terms) == 0 {
			ps = append(ps, Problem{File: l.Source, Line: c.Line, Category: c.Name, Message: "no terms"})
			continue
		}
		for _, t := range c.Terms {
			p, err := ParsePattern(t.Text)
			if err != nil {
				ps = append(ps, Problem{File: l.Source, Line: t.Line, Category: c.Name, Term: t.Text, Message: err.Error()})
				continue
			}
			for _, w := range p {
				if w.Kind == Exact {
					continue
				}
				if n := utf8.RuneCountInString(strings.NewReplacer("*", "", "?", "").Replace(w.Text)); n < MinGlobLetters {
					ps = append(ps, Problem{File: l.Source, Line: t.Line, Category: c.Name, Term: t.Text,
						Message: fmt.Sprintf("glob with %d literal characters matches too many unrelated words", n)})
				}
			}
			key := t.Text
			if !t.CaseSensitive {
				key = strings.ToLower(key)
			}
			for _, s := range where[key] {
				switch {
				case s.cat == c.Name:
					ps = append(ps, Problem{File: l.Source, Line: t.Line, Category: c.Name, Term: t.Text,
						Message: fmt.Sprintf("duplicate (first at line %d)", s.line)})
				case !nested(s.cat, c.Name):
					ps = append(ps, Problem{File: l.Source, Line: t.Line, Category: c.Name, Term: t.Text,
						Message: fmt.Sprintf("also in category %s (line %d)", s.cat, s.line)})
				}
			}
			where[key] = append(where[key], seen{c.Name, t.Line})
		}
	}
	if l.NegationWindow != 0 || l.NegationMode != "" {
		ps = append(ps, Problem{File: l.Source, Category: "negation",
			Message: "window and mode are not applied per lexicon: tone.negation.window and tone.negation.mode in the config set them for every dimension"})
	}
	return ps
}

// nested reports whether one category is the other's ancestor ("cooperation" and
// "cooperation.hostility"), where sharing terms is expected.
func nested(a, b string) bool {
	return strings.HasPrefix(b, a+".") || strings.HasPrefix(a, b+".")
}
