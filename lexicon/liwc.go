package lexicon

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// parseLIWC reads a LIWC .dic file: a legend of "id<TAB>name" lines between two "%" lines (leading
// tabs nest a category under the one above, giving "parent.child" names), then one term per line
// followed by the ids of its categories. LIWC2007 conditional entries such as "(02 134)131" or
// "<of>..." are skipped, as quanteda does.
func parseLIWC(name string, data []byte) (*Lexicon, error) {
	l := &Lexicon{}
	ls := lines(data)
	i := 0
	for i < len(ls) && strings.TrimSpace(ls[i]) == "" {
		i++
	}
	if i == len(ls) || strings.TrimSpace(ls[i]) != "%" {
		return nil, syntaxError(name, i+1, "a LIWC dictionary starts with a line holding only %%")
	}
	i++
	ids := map[string]string{} // id -> full category name
	var stack []string         // names by depth
	legendEnd := -1
	for ; i < len(ls); i++ {
		raw := ls[i]
		if strings.TrimSpace(raw) == "%" {
			legendEnd = i
			break
		}
		if strings.TrimSpace(raw) == "" {
			continue
		}
		depth := len(raw) - len(strings.TrimLeft(raw, "\t"))
		fields := strings.Fields(raw)
		if len(fields) < 2 {
			return nil, syntaxError(name, i+1, "legend line %q: want an id and a category name", strings.TrimSpace(raw))
		}
		if depth > len(stack) {
			depth = len(stack)
		}
		stack = append(stack[:depth], strings.Join(fields[1:], " "))
		full := strings.Join(stack, ".")
		if _, dup := ids[fields[0]]; dup {
			return nil, syntaxError(name, i+1, "category id %s defined twice", fields[0])
		}
		ids[fields[0]] = full
		l.Categories = append(l.Categories, Category{Name: full, Line: i + 1})
	}
	if legendEnd < 0 {
		return nil, syntaxError(name, len(ls), "the category legend is not closed by a line holding only %%")
	}
	for i = legendEnd + 1; i < len(ls); i++ {
		raw := strings.TrimSpace(ls[i])
		if raw == "" {
			continue
		}
		var term string
		var rest []string
		if strings.Contains(raw, "\t") {
			parts := strings.Split(raw, "\t")
			term = parts[0]
			for _, p := range parts[1:] {
				rest = append(rest, strings.Fields(p)...)
			}
		} else {
			// Space-separated: trailing fields that name categories are ids, the rest is the term.
			f := strings.Fields(raw)
			n := len(f)
			for n > 1 {
				if _, ok := ids[f[n-1]]; !ok {
					break
				}
				n--
			}
			term = strings.Join(f[:n], " ")
			rest = f[n:]
		}
		term = strings.ToLower(cleanTerm(term))
		if term == "" {
			return nil, syntaxError(name, i+1, "empty term")
		}
		found := false
		for _, id := range rest {
			full, ok := ids[id]
			if !ok {
				if isConditional(id) {
					continue
				}
				return nil, syntaxError(name, i+1, "term %q: unknown category id %s", term, id)
			}
			found = true
			l.add(full, Term{Text: term, Line: i + 1})
		}
		if !found && len(rest) == 0 {
			return nil, syntaxError(name, i+1, "term %q has no category id", term)
		}
	}
	return l, nil
}

// isConditional reports LIWC2007 conditional entries like "(02 134)131", "<of>131/125" and
// fragments of them, which are ignored.
func isConditional(s string) bool {
	return strings.ContainsAny(s, "()<>/")
}

// parseDicx reads a LIWC-22 .dicx file: a CSV whose header is "Entry,cat1,cat2,...", where a
// non-empty cell puts the row's entry into that column's category.
func parseDicx(name string, data []byte) (*Lexicon, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	if len(header) < 2 {
		return nil, syntaxError(name, 1, "want a header \"Entry,category,...\"")
	}
	l := &Lexicon{}
	for _, h := range header[1:] {
		h = strings.TrimSpace(h)
		if h == "" {
			return nil, syntaxError(name, 1, "empty category name in the header")
		}
		l.Categories = append(l.Categories, Category{Name: h, Line: 1})
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := r.FieldPos(0)
		term := strings.ToLower(cleanTerm(rec[0]))
		if term == "" {
			continue
		}
		for j, cell := range rec[1:] {
			if j >= len(l.Categories) {
				return nil, syntaxError(name, line, "more cells than header columns")
			}
			if strings.TrimSpace(cell) != "" {
				l.Categories[j].Terms = append(l.Categories[j].Terms, Term{Text: term, Line: line})
			}
		}
	}
	return l, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.Line, Err: ErrSyntax}
	}
	return &ParseError{File: name, Err: err}
}
