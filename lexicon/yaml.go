package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The native format, as WriteYAML writes it:
//
//	name: cooperation
//	categories:
//	  - name: constructive
//	    weight: 1                   # default weight of the terms below
//	    terms: [agree*, common ground, compromis*]
//	    case_sensitive_terms: [UN]  # match only with this exact case
//	    weighted:                   # terms with their own weight
//	      - {term: breakthrough, weight: 2}
//	negators: [not, never, "n't"]
//	intensifiers:
//	  - {term: very, weight: 0.293}
//	  - {term: slightly, weight: -0.293}
//
// Terms are always list values, never map keys.
type nativeFile struct {
	Name         string           `yaml:"name"`
	Categories   []nativeCategory `yaml:"categories"`
	Negators     termList         `yaml:"negators,omitempty"`
	Intensifiers []weightedTerm   `yaml:"intensifiers,omitempty"`
}

type nativeCategory struct {
	Name          string         `yaml:"name"`
	Weight        float64        `yaml:"weight,omitempty"`
	Terms         termList       `yaml:"terms,omitempty"`
	CaseSensitive termList       `yaml:"case_sensitive_terms,omitempty"`
	Weighted      []weightedTerm `yaml:"weighted,omitempty"`
	line          int
}

type weightedTerm struct {
	Term          string  `yaml:"term"`
	Weight        float64 `yaml:"weight"`
	CaseSensitive bool    `yaml:"case_sensitive,omitempty"`
	line          int
}

// termList is a list of strings that remembers each one's line.
type termList struct {
	terms []string
	lines []int
}

func (t *termList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return &ParseError{Line: n.Line, Err: fmt.Errorf("%w: want a list of terms", ErrSyntax)}
	}
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			return &ParseError{Line: c.Line, Err: fmt.Errorf("%w: a term must be a plain string, not a mapping or list", ErrSyntax)}
		}
		t.terms = append(t.terms, c.Value)
		t.lines = append(t.lines, c.Line)
	}
	return nil
}

func (t termList) MarshalYAML() (any, error) { return t.terms, nil }

func (t termList) IsZero() bool { return len(t.terms) == 0 }

func (c *nativeCategory) UnmarshalYAML(n *yaml.Node) error {
	type plain nativeCategory
	if err := decodeStrict(n, (*plain)(c)); err != nil {
		return err
	}
	c.line = n.Line
	return nil
}

func (w *weightedTerm) UnmarshalYAML(n *yaml.Node) error {
	type plain weightedTerm
	if err := decodeStrict(n, (*plain)(w)); err != nil {
		return err
	}
	w.line = n.Line
	return nil
}

// decodeStrict decodes a mapping node, failing on keys the target struct does not know.
func decodeStrict(n *yaml.Node, v any) error {
	if n.Kind == yaml.MappingNode {
		known := map[string]bool{}
		t := reflect.TypeOf(v).Elem()
		for i := 0; i < t.NumField(); i++ {
			if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" {
				known[name] = true
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !known[k.Value] {
				return &ParseError{Line: k.Line, Err: fmt.Errorf("%w: unknown key %q", ErrSyntax, k.Value)}
			}
		}
	}
	if err := n.Decode(v); err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return pe
		}
		return &ParseError{Line: n.Line, Err: fmt.Errorf("%w: %v", ErrSyntax, stripYAMLLine(err))}
	}
	return nil
}

var yamlLine = regexp.MustCompile(`^yaml: (unmarshal errors:\n\s*)?(line \d+: )?`)

func stripYAMLLine(err error) string {
	return yamlLine.ReplaceAllString(err.Error(), "")
}

// isNativeYAML reports whether data is a quotetone lexicon: a mapping whose "categories" key
// holds a list of mappings.
func isNativeYAML(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "categories" {
			v := root.Content[i+1]
			return v.Kind == yaml.SequenceNode && (len(v.Content) == 0 || v.Content[0].Kind == yaml.MappingNode)
		}
	}
	return false
}

func parseNative(name string, data []byte) (*Lexicon, error) {
	var f nativeFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, err)
	}
	l := &Lexicon{Name: f.Name}
	for i, c := range f.Categories {
		if strings.TrimSpace(c.Name) == "" {
			return nil, syntaxError(name, c.line, "categories[%d]: empty name", i)
		}
		cat := Category{Name: c.Name, Weight: c.Weight, Line: c.line}
		var err error
		add := func(key string, j int, t Term) {
			if t.Text = cleanTerm(t.Text); t.Text == "" && err == nil {
				err = syntaxError(name, t.Line, "categories[%d].%s[%d]: empty term", i, key, j)
			}
			cat.Terms = append(cat.Terms, t)
		}
		for j, t := range c.Terms.terms {
			add("terms", j, Term{Text: t, Line: c.Terms.lines[j]})
		}
		for j, t := range c.CaseSensitive.terms {
			add("case_sensitive_terms", j, Term{Text: t, CaseSensitive: true, Line: c.CaseSensitive.lines[j]})
		}
		for j, w := range c.Weighted {
			add("weighted", j, Term{Text: w.Term, Weight: w.Weight, CaseSensitive: w.CaseSensitive, Line: w.line})
		}
		if err != nil {
			return nil, err
		}
		l.Categories = append(l.Categories, cat)
	}
	for j, t := range f.Negators.terms {
		if t = cleanTerm(t); t == "" {
			return nil, syntaxError(name, f.Negators.lines[j], "negators[%d]: empty term", j)
		}
		l.Negators = append(l.Negators, Term{Text: t, Line: f.Negators.lines[j]})
	}
	for j, w := range f.Intensifiers {
		t := cleanTerm(w.Term)
		if t == "" {
			return nil, syntaxError(name, w.line, "intensifiers[%d]: empty term", j)
		}
		l.Intensifiers = append(l.Intensifiers, Term{Text: t, Weight: w.Weight, CaseSensitive: w.CaseSensitive, Line: w.line})
	}
	return l, nil
}

// yamlError turns a yaml.v3 error into a ParseError with the file and the first line it names.
func yamlError(name string, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.Line, Err: pe.Err}
	}
	msg := err.Error()
	line := 0
	if i := strings.Index(msg, "line "); i >= 0 {
		j := i + 5
		for j < len(msg) && msg[j] >= '0' && msg[j] <= '9' {
			j++
		}
		line, _ = strconv.Atoi(msg[i+5 : j])
	}
	msg = unknownField.ReplaceAllString(stripYAMLLine(err), `unknown key "$1"`)
	return &ParseError{File: name, Line: line, Err: fmt.Errorf("%w: %s", ErrSyntax, msg)}
}

// unknownField matches yaml.v3's KnownFields error, which names a Go type instead of the key.
var unknownField = regexp.MustCompile(`field (\S+) not found in type [^\n]*`)

// parseQuanteda reads a quanteda YAML dictionary: nested keys whose leaves are lists of
// patterns (or a single pattern); nested keys are joined with "." as quanteda flattens them.
func parseQuanteda(name string, data []byte) (*Lexicon, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(name, err)
	}
	l := &Lexicon{}
	if len(doc.Content) == 0 {
		return l, nil
	}
	var walk func(path string, n *yaml.Node) error
	walk = func(path string, n *yaml.Node) error {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := strings.TrimSpace(n.Content[i].Value)
				if k == "" {
					return syntaxError(name, n.Content[i].Line, "empty key")
				}
				p := k
				if path != "" {
					p = path + "." + k
				}
				if err := walk(p, n.Content[i+1]); err != nil {
					return err
				}
			}
		case yaml.SequenceNode:
			if path == "" {
				return syntaxError(name, n.Line, "a quanteda dictionary is a mapping of keys to lists of patterns")
			}
			for _, c := range n.Content {
				if c.Kind == yaml.MappingNode {
					if err := walk(path, c); err != nil {
						return err
					}
					continue
				}
				if c.Kind != yaml.ScalarNode {
					return syntaxError(name, c.Line, "%s: want a pattern", path)
				}
				if t := strings.ToLower(cleanTerm(c.Value)); t != "" && c.Tag != "!!null" {
					l.add(path, Term{Text: t, Line: c.Line})
				}
			}
		case yaml.ScalarNode:
			if path == "" {
				return syntaxError(name, n.Line, "a quanteda dictionary is a mapping of keys to lists of patterns")
			}
			if t := strings.ToLower(cleanTerm(n.Value)); t != "" && n.Tag != "!!null" {
				l.add(path, Term{Text: t, Line: n.Line})
			}
		}
		return nil
	}
	if err := walk("", doc.Content[0]); err != nil {
		return nil, err
	}
	return l, nil
}

// WriteYAML writes l in the native format, which Parse reads back.
func WriteYAML(w io.Writer, l *Lexicon) error {
	f := nativeFile{Name: l.Name}
	for _, c := range l.Categories {
		nc := nativeCategory{Name: c.Name, Weight: c.Weight}
		for _, t := range c.Terms {
			switch {
			case t.Weight != 0:
				nc.Weighted = append(nc.Weighted, weightedTerm{Term: t.Text, Weight: t.Weight, CaseSensitive: t.CaseSensitive})
			case t.CaseSensitive:
				nc.CaseSensitive.terms = append(nc.CaseSensitive.terms, t.Text)
			default:
				nc.Terms.terms = append(nc.Terms.terms, t.Text)
			}
		}
		f.Categories = append(f.Categories, nc)
	}
	for _, t := range l.Negators {
		f.Negators.terms = append(f.Negators.terms, t.Text)
	}
	for _, t := range l.Intensifiers {
		f.Intensifiers = append(f.Intensifiers, weightedTerm{Term: t.Text, Weight: t.Weight, CaseSensitive: t.CaseSensitive})
	}
	if l.Source != "" {
		if _, err := fmt.Fprintf(w, "# imported from %s\n", l.Source); err != nil {
			return err
		}
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return err
	}
	return enc.Close()
}

// The list format keeps one lexicon per dimension, with its poles and negation cues:
//
//	lexicons:
//	  - dimension: cooperation
//	    case_sensitive: false
//	    poles:
//	      - {name: constructive, weight: 1.0, terms: ["agree*", "common ground"]}
//	      - {name: hostility, weight: -1.0, terms: ["threat*"]}
//	    negation: {cues: ["not", "no"], window: 3, mode: flip}
//
// Each pole becomes a category named "dimension.pole".
type listFile struct {
	Lexicons []struct {
		Dimension     string `yaml:"dimension"`
		Match         string `yaml:"match"`
		CaseSensitive bool   `yaml:"case_sensitive"`
		Poles         []struct {
			Name   string   `yaml:"name"`
			Weight float64  `yaml:"weight"`
			Terms  termList `yaml:"terms"`
		} `yaml:"poles"`
		Negation struct {
			Cues   termList `yaml:"cues"`
			Window int      `yaml:"window"`
			Mode   string   `yaml:"mode"`
		} `yaml:"negation"`
	} `yaml:"lexicons"`
}

// isListYAML reports whether data is the list format: a top-level "lexicons" list of mappings.
func isListYAML(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return false
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "lexicons" {
			v := root.Content[i+1]
			return v.Kind == yaml.SequenceNode && len(v.Content) > 0 && v.Content[0].Kind == yaml.MappingNode
		}
	}
	return false
}

func parseList(name string, data []byte) (*Lexicon, error) {
	var f listFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, err)
	}
	l := &Lexicon{}
	if len(f.Lexicons) == 1 {
		l.Name = f.Lexicons[0].Dimension
	}
	for i, lx := range f.Lexicons {
		switch lx.Match {
		case "", "glob", "fixed":
		case "regex":
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: lexicons[%d]: regex patterns are not supported (use globs)", ErrSyntax, i)}
		default:
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: lexicons[%d].match: %q (want glob or fixed)", ErrSyntax, i, lx.Match)}
		}
		if lx.Negation.Window != 0 {
			l.NegationWindow = lx.Negation.Window
		}
		if lx.Negation.Mode != "" {
			l.NegationMode = lx.Negation.Mode
		}
		for j, p := range lx.Poles {
			if strings.TrimSpace(p.Name) == "" {
				return nil, &ParseError{File: name, Err: fmt.Errorf("%w: lexicons[%d].poles[%d]: empty name", ErrSyntax, i, j)}
			}
			cat := Category{Name: p.Name, Weight: p.Weight}
			if lx.Dimension != "" {
				cat.Name = lx.Dimension + "." + p.Name
			}
			for k, t := range p.Terms.terms {
				t = cleanTerm(t)
				if t == "" {
					return nil, syntaxError(name, p.Terms.lines[k], "lexicons[%d].poles[%d].terms[%d]: empty term", i, j, k)
				}
				if lx.Match == "fixed" && strings.ContainsAny(t, "*?") {
					return nil, syntaxError(name, p.Terms.lines[k], "lexicons[%d].poles[%d].terms[%d]: %q: with match: fixed a term cannot hold * or ?, which quotetone reads as globs", i, j, k, t)
				}
				cat.Terms = append(cat.Terms, Term{Text: t, CaseSensitive: lx.CaseSensitive, Line: p.Terms.lines[k]})
			}
			l.Categories = append(l.Categories, cat)
		}
		for k, t := range lx.Negation.Cues.terms {
			if t = cleanTerm(t); t != "" {
				l.Negators = append(l.Negators, Term{Text: t, Line: lx.Negation.Cues.lines[k]})
			}
		}
	}
	return l, nil
}
