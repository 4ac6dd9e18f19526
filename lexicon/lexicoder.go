package lexicon

import "strings"

// parseLexicoder reads a Lexicoder .lc3 file: a "+CATEGORY" line starts a category and every
// following non-empty line is one of its patterns. LSD-style negation categories ("neg_positive",
// holding patterns such as "not good*") are kept as categories of their own.
func parseLexicoder(name string, data []byte) (*Lexicon, error) {
	l := &Lexicon{}
	cur := -1
	for i, raw := range lines(data) {
		s := strings.TrimSpace(raw)
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "+") {
			cat := strings.TrimSpace(s[1:])
			if cat == "" {
				return nil, syntaxError(name, i+1, "empty category name after +")
			}
			cur = -1
			for j := range l.Categories {
				if l.Categories[j].Name == cat {
					cur = j
				}
			}
			if cur < 0 {
				l.Categories = append(l.Categories, Category{Name: cat, Line: i + 1})
				cur = len(l.Categories) - 1
			}
			continue
		}
		if cur < 0 {
			return nil, syntaxError(name, i+1, "pattern %q before the first +CATEGORY line", s)
		}
		l.Categories[cur].Terms = append(l.Categories[cur].Terms, Term{Text: strings.ToLower(cleanTerm(s)), Line: i + 1})
	}
	return l, nil
}
