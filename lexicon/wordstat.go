package lexicon

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// parseWordStat reads a WordStat .cat file: a tree indented by tabs whose leaves are patterns
// followed by " (n)"; categories are named by their dot-joined path.
func parseWordStat(name string, data []byte) (*Lexicon, error) {
	l := &Lexicon{}
	var stack []string
	for i, raw := range lines(data) {
		if strings.TrimSpace(raw) == "" {
			continue
		}
		depth := len(raw) - len(strings.TrimLeft(raw, "\t"))
		s := strings.TrimSpace(raw)
		if j := strings.LastIndex(s, " ("); j > 0 && strings.HasSuffix(s, ")") {
			if len(stack) == 0 {
				return nil, syntaxError(name, i+1, "pattern %q outside any category", s)
			}
			if depth < len(stack) {
				stack = stack[:depth]
			}
			if len(stack) == 0 {
				return nil, syntaxError(name, i+1, "pattern %q outside any category", s)
			}
			term := strings.ToLower(cleanTerm(s[:j]))
			if term == "" {
				return nil, syntaxError(name, i+1, "empty pattern")
			}
			l.add(strings.Join(stack, "."), Term{Text: term, Line: i + 1})
			continue
		}
		if depth > len(stack) {
			depth = len(stack)
		}
		stack = append(stack[:depth], s)
	}
	return l, nil
}

type ykdNode struct {
	Name     string    `xml:"name,attr"`
	Children []ykdNode `xml:"cnode"`
	Patterns []struct {
		Name string `xml:"name,attr"`
	} `xml:"pnode"`
}

// parseYoshikoder reads a Yoshikoder .ykd XML dictionary: nested <cnode> categories holding
// <pnode> patterns; categories are named by their dot-joined path.
func parseYoshikoder(name string, data []byte) (*Lexicon, error) {
	var doc struct {
		Nodes []ykdNode `xml:"cnode"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	}
	l := &Lexicon{}
	var walk func(prefix string, n ykdNode) error
	walk = func(prefix string, n ykdNode) error {
		path := strings.TrimSpace(n.Name)
		if path == "" {
			return &ParseError{File: name, Err: fmt.Errorf("%w: a cnode without a name", ErrSyntax)}
		}
		if prefix != "" {
			path = prefix + "." + path
		}
		for _, p := range n.Patterns {
			if t := strings.ToLower(cleanTerm(p.Name)); t != "" {
				l.add(path, Term{Text: t})
			}
		}
		for _, c := range n.Children {
			if err := walk(path, c); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range doc.Nodes {
		if err := walk("", n); err != nil {
			return nil, err
		}
	}
	return l, nil
}
