// Package lexicon holds tone lexicons: categories of terms (words, globs such as "hostil*", and
// multiword phrases), their weights, negators and intensifiers. It reads the native YAML format
// and imports the formats researchers already own: LIWC .dic and .dicx, Lexicoder .lc3 (with
// LSD-style neg_* categories), quanteda YAML, WordStat .cat, Yoshikoder .ykd, word,value CSV
// (tidytext and AFINN style) and the VADER lexicon. It does no scoring.
package lexicon

import (
	"errors"
	"fmt"
	"strings"
)

// A Term is one entry of a category: a word, a glob or a phrase.
type Term struct {
	// Text is the pattern as written: "threat", "hostil*", "common ground", "US".
	Text string
	// Weight is the term's own signed weight; 0 means the category's default weight.
	Weight float64
	// CaseSensitive terms match only tokens spelled with the same case ("US" but not "us").
	CaseSensitive bool
	// Line is the 1-based line of the term in its source file, 0 when unknown.
	Line int
}

// A Category is a named list of terms, such as "constructive", "hostility" or "neg_hostility".
type Category struct {
	Name string
	// Weight is the default weight of terms that carry none; 0 means 1.
	Weight float64
	Terms  []Term
	Line   int
}

// A Lexicon is what one file or one config block holds.
type Lexicon struct {
	Name       string
	Source     string // file path, or "" for inline lexicons
	Categories []Category
	// Negators are cue words that flip or damp a following hit ("not", "never", "n't").
	Negators []Term
	// Intensifiers scale a following hit: a positive weight boosts ("very" 0.293), a negative
	// weight diminishes ("slightly" -0.293).
	Intensifiers []Term
	// NegationWindow and NegationMode are the list format's negation settings (0 and "" when
	// absent). They are not applied per lexicon, since the config's tone.negation sets the
	// window and mode of every dimension; Check says so.
	NegationWindow int
	NegationMode   string
}

// Category returns the category called name, or nil. Nested categories (quanteda
// "cooperation.constructive", LIWC trees) also answer to their last segment ("constructive");
// names compare case-insensitively.
func (l *Lexicon) Category(name string) *Category {
	for i := range l.Categories {
		if strings.EqualFold(l.Categories[i].Name, name) {
			return &l.Categories[i]
		}
	}
	for i := range l.Categories {
		n := l.Categories[i].Name
		if j := strings.LastIndexByte(n, '.'); j >= 0 && strings.EqualFold(n[j+1:], name) {
			return &l.Categories[i]
		}
	}
	return nil
}

// CategoryNames lists the categories in order.
func (l *Lexicon) CategoryNames() []string {
	names := make([]string, len(l.Categories))
	for i, c := range l.Categories {
		names[i] = c.Name
	}
	return names
}

// add appends a term to the category called name, creating it when needed.
func (l *Lexicon) add(name string, t Term) {
	for i := range l.Categories {
		if l.Categories[i].Name == name {
			l.Categories[i].Terms = append(l.Categories[i].Terms, t)
			return
		}
	}
	l.Categories = append(l.Categories, Category{Name: name, Terms: []Term{t}, Line: t.Line})
}

// Errors that parsers wrap in a ParseError.
var (
	ErrFormat  = errors.New("unknown lexicon format")
	ErrSyntax  = errors.New("syntax error")
	ErrPattern = errors.New("bad pattern")
)

// A ParseError says where in a lexicon file something is wrong.
type ParseError struct {
	File string // may be empty
	Line int    // 1-based; 0 when unknown
	Err  error
}

func (e *ParseError) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	case e.File != "":
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

func syntaxError(file string, line int, format string, args ...any) error {
	return &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %s", ErrSyntax, fmt.Sprintf(format, args...))}
}
