package lexicon

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"
)

// parseCSV reads two-column word lists: "word,value" (AFINN, tidytext afinn: numeric weights,
// split into "positive" and "negative" categories by sign), "word,sentiment" (tidytext bing, nrc,
// loughran: the second column names the category), or tab-separated "word<TAB>value[<TAB>...]"
// as in the VADER and AFINN text files. A header row is recognised and skipped; more columns are
// ignored.
func parseCSV(name string, data []byte) (*Lexicon, error) {
	first := data
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	next := csvRows(data)
	if bytes.IndexByte(first, '\t') >= 0 {
		next = tabRows(data) // VADER and AFINN tokens may hold quote marks
	}
	l := &Lexicon{}
	row := 0
	for {
		rec, line, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		row++
		if len(rec) < 2 {
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue
			}
			return nil, syntaxError(name, line, "want two columns: a word and a value or category")
		}
		term, val := cleanTerm(rec[0]), strings.TrimSpace(rec[1])
		if row == 1 && isHeader(term, val) {
			continue
		}
		if term == "" {
			continue
		}
		term = strings.ToLower(term)
		if w, err := strconv.ParseFloat(val, 64); err == nil {
			switch {
			case math.IsNaN(w) || math.IsInf(w, 0):
				return nil, syntaxError(name, line, "term %q weight %v is not a finite number", term, w)
			case w > 0:
				l.add("positive", Term{Text: term, Weight: w, Line: line})
			case w < 0:
				l.add("negative", Term{Text: term, Weight: w, Line: line})
			}
			continue
		}
		if val == "" {
			return nil, syntaxError(name, line, "term %q: empty value", term)
		}
		l.add(val, Term{Text: term, Line: line})
	}
	return l, nil
}

func isHeader(term, val string) bool {
	switch strings.ToLower(term) {
	case "word", "term", "entry", "token", "pattern", "words", "terms":
		_, err := strconv.ParseFloat(val, 64)
		return err != nil
	}
	return false
}

// csvRows returns an iterator over comma-separated records and their line numbers.
func csvRows(data []byte) func() ([]string, int, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return func() ([]string, int, error) {
		rec, err := r.Read()
		if err != nil {
			return nil, 0, err
		}
		line, _ := r.FieldPos(0)
		return rec, line, nil
	}
}

// tabRows returns an iterator over tab-separated lines, with no quoting.
func tabRows(data []byte) func() ([]string, int, error) {
	ls := lines(data)
	i := 0
	return func() ([]string, int, error) {
		for i < len(ls) {
			i++
			if strings.TrimSpace(ls[i-1]) != "" {
				return strings.Split(ls[i-1], "\t"), i, nil
			}
		}
		return nil, 0, io.EOF
	}
}
