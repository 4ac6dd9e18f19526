package quote

import (
	"strings"
	"unicode"
)

// A span is one pair of quotation marks found by the scanner.
type span struct {
	open, close  int  // rune index of the opening and closing mark; close is -1 when unclosed
	start, end   int  // the quoted words, marks excluded, trimmed of spaces
	para         int  // index of the paragraph the quote is in
	single       bool // single marks (‘…’ or '…')
	continuation bool // the quote opens its paragraph and the previous paragraph's quote was left open
	unclosed     bool // no closing mark before the paragraph ended
	wideOpen     bool // the opening mark is two runes ('' or ‘‘): open is the second
	wideClose    bool // the closing mark is two runes ('' or ’’): close is the first
}

// paragraph bounds: [start, end) rune indexes of non-empty lines.
type paragraph struct{ start, end int }

// splitParagraphs appends the paragraphs of r to ps and returns them.
func splitParagraphs(r []rune, ps []paragraph) []paragraph {
	start := 0
	for i := 0; i <= len(r); i++ {
		if i == len(r) || r[i] == '\n' || r[i] == '\u2029' {
			s, e := start, i
			for s < e && unicode.IsSpace(r[s]) {
				s++
			}
			for e > s && unicode.IsSpace(r[e-1]) {
				e--
			}
			if e > s {
				ps = append(ps, paragraph{s, e})
			}
			start = i + 1
		}
	}
	return ps
}

// splitParagraphsASCII is splitParagraphs for ASCII text, whose bytes are its runes. It
// finds the line breaks with strings.IndexByte rather than testing every rune.
func splitParagraphsASCII(text string, ps []paragraph) []paragraph {
	for start := 0; start <= len(text); {
		end := len(text)
		if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
			end = start + i
		}
		s, e := start, end
		for s < e && asciiSpace[text[s]] {
			s++
		}
		for e > s && asciiSpace[text[e-1]] {
			e--
		}
		if e > s {
			ps = append(ps, paragraph{s, e})
		}
		start = end + 1
	}
	return ps
}

// asciiSpace marks the ASCII bytes that unicode.IsSpace accepts.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isWordRune: a letter, a digit or a combining mark. ASCII is read from a table, which keeps
// the function small enough to inline: the tokenizer calls it for every rune. (unicode.IsMark
// has no ASCII fast path: every space and comma searched its tables.)
func isWordRune(c rune) bool {
	if c < 0x80 {
		return asciiWord[c]
	}
	return isWordRuneNonASCII(c)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [0x80]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRuneNonASCII(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c)
}

// doubleOpenerOf reports whether c opens a double quote and which marks may close it.
func isDoubleMark(c rune) bool {
	switch c {
	case '"', '\uFF02', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u300C', '\u300D', '\u300E', '\u300F', '\u201F':
		return true
	}
	return false
}

func isSingleMark(c rune) bool {
	switch c {
	case '\'', '\u2018', '\u2019', '\uFF07', '\u201A', '\u201B', '\u2039', '\u203A':
		return true
	}
	return false
}

// before and after return the rune next to index i inside [lo, hi), or ' ' at the edges.
func at(r []rune, i, lo, hi int) rune {
	if i < lo || i >= hi {
		return ' '
	}
	return r[i]
}

// canOpen: the mark at i sits where an opening mark would (after a space or an opening
// bracket, before a word).
func canOpen(r []rune, i, lo, hi int) bool {
	p, n := at(r, i-1, lo, hi), at(r, i+1, lo, hi)
	if unicode.IsSpace(n) {
		return false
	}
	return unicode.IsSpace(p) || p == '(' || p == '[' || p == '{' || p == '\u2014' || p == '\u2013' ||
		p == '-' || p == ':' || p == ',' || p == ';' || p == '/' || p == '\u2018' || p == '\u201C' ||
		isDoubleOpenOnly(p) || p == '>'
}

func isDoubleOpenOnly(c rune) bool {
	return c == '\u201C' || c == '\u201E' || c == '\u00AB' || c == '\u300C' || c == '\u300E'
}

// canClose: the mark at i sits where a closing mark would (after a word or punctuation,
// before a space, punctuation or the end).
func canClose(r []rune, i, lo, hi int) bool {
	p, n := at(r, i-1, lo, hi), at(r, i+1, lo, hi)
	if unicode.IsSpace(p) {
		return false
	}
	return !isWordRune(n)
}

// scanQuotes finds quotation mark pairs in r, paragraph by paragraph, in one linear pass
// per mark style. It appends them to out and returns them.
func scanQuotes(r []rune, paras []paragraph, twoApos bool, out []span) []span {
	prevOpen := false // the previous paragraph ended inside a quote
	for pi, p := range paras {
		dbl := scanDouble(r, p, pi, twoApos)
		sgl := scanSingle(r, p, pi, dbl)
		merged := mergeNested(dbl, sgl)
		// attribute values in markup (<a title="…">) are not quotes
		n := 0
		for _, s := range merged {
			if s.open > 0 && r[s.open-1] == '=' {
				continue
			}
			merged[n] = s
			n++
		}
		merged = merged[:n]
		if len(merged) > 0 && prevOpen {
			first := merged[0]
			if first.open == p.start {
				merged[0].continuation = true
			}
		}
		prevOpen = len(merged) > 0 && merged[len(merged)-1].unclosed
		out = append(out, merged...)
	}
	return out
}

func finish(r []rune, s span, end int) span {
	s.start = s.open + 1
	s.end = end
	for s.start < s.end && unicode.IsSpace(r[s.start]) {
		s.start++
	}
	for s.end > s.start && unicode.IsSpace(r[s.end-1]) {
		s.end--
	}
	return s
}

func scanDouble(r []rune, p paragraph, pi int, twoApos bool) []span {
	var out []span
	open := -1
	var opener rune
	openWide := false
	nested := false // a “…” inside a "…" quote
	// quotes inside the quote opened at innerOf, in marks that pair by shape: 『…』 in 「…」 (or
	// 「…」 in 『…』 or in “…”), and «…» in “…” or "…"
	cjkInner, guilInner, innerOf := 0, 0, -1
	// rightAfter returns the number of ” marks after i in the paragraph. It counts them the
	// first time it is asked, which most paragraphs never do, and the loop then keeps the
	// count as it passes each ”.
	rightLeft := -1 // unknown
	rightAfter := func(i int) int {
		if rightLeft < 0 {
			rightLeft = 0
			for _, c := range r[i+1 : p.end] {
				if c == '\u201D' {
					rightLeft++
				}
			}
		}
		return rightLeft
	}
	for i := p.start; i < p.end; i++ {
		c := r[i]
		if c < 0x80 && c != '"' && c != '\'' {
			continue // most runes: ASCII, and no mark
		}
		if c == '\u201D' && rightLeft > 0 {
			rightLeft--
		}
		if c == '\u2019' && open >= 0 && i+1 < p.end && r[i+1] == '\u2019' && opener == '\u201C' && canClose(r, i+1, p.start, p.end) {
			// “…’’: two right single marks close a double quote
			s := finish(r, span{wideOpen: openWide, open: open, close: i, para: pi, wideClose: true}, i)
			if s.end > s.start {
				out = append(out, s)
			}
			open, nested = -1, false
			i++
			continue
		}
		if twoApos && c == '\'' && i+1 < p.end && r[i+1] == '\'' {
			// '' as a double quotation mark, as old newspaper archives print it
			prev, next := at(r, i-1, p.start, p.end), at(r, i+2, p.start, p.end)
			openish := !unicode.IsSpace(next) && (unicode.IsSpace(prev) || strings.ContainsRune("([{\u2014\u2013-:,;/", prev))
			closeish := !unicode.IsSpace(prev) && !isWordRune(next)
			switch {
			case open < 0 && openish:
				open, opener, openWide = i+1, '"', true
			case open >= 0 && (closeish || !openish):
				s := finish(r, span{wideOpen: openWide, open: open, close: i, para: pi, wideClose: true}, i)
				if s.end > s.start {
					out = append(out, s)
				}
				open, nested = -1, false
			case open >= 0:
				s := finish(r, span{wideOpen: openWide, open: open, close: -1, para: pi}, i)
				if s.end > s.start {
					out = append(out, s)
				}
				open, opener, openWide = i+1, '"', true
			}
			i++
			continue
		}
		if !isDoubleMark(c) {
			continue
		}
		if open >= 0 && (opener == '"' || opener == '\uFF02') {
			if c == '\u201C' && !nested {
				nested = true
				continue
			}
			if c == '\u201D' && nested {
				nested = false
				continue
			}
		}
		co, cc := canOpen(r, i, p.start, p.end), canClose(r, i, p.start, p.end)
		if open < 0 {
			switch c {
			case '\u201D', '\u00BB', '"', '\uFF02':
				// a closing-style mark with nothing open: Swedish ”…”, Danish »…«, or a stray.
				if co || (c != '\u201D' && c != '\u00BB' && !cc) {
					open, opener, openWide = i, c, false
				}
			case '\u300D', '\u300F':
				// stray closer
			default:
				open, opener, openWide = i, c, false
			}
			continue
		}
		if innerOf != open {
			cjkInner, guilInner, innerOf = 0, 0, open
		}
		guilOpener := opener == '\u00AB' || opener == '\u00BB'
		closes := false
		reopen := false
		switch c {
		case '\u300C', '\u300E':
			if c != opener {
				cjkInner++
			}
		case '\u300D', '\u300F':
			own := opener == '\u300C' && c == '\u300D' || opener == '\u300E' && c == '\u300F'
			if cjkInner > 0 && !own {
				cjkInner-- // the inner quote closes
			} else {
				closes = true
			}
		case '\u201D':
			if nested {
				nested = false
			} else {
				closes = true
			}
		case '\u00BB':
			if guilInner > 0 && !guilOpener {
				guilInner--
				break
			}
			closes = opener == '\u00AB'
			reopen = !closes && co
		case '\u00AB':
			if !guilOpener && !afterSentence(r, i, p.start) {
				// “Der Plan «läuft» gut” (but after a sentence end, as for “ below, the
				// quote open before was a stray: “a. «b» «c»)
				guilInner++
				break
			}
			closes = opener == '\u00BB'
			reopen = !closes
		case '\u201C':
			switch {
			case opener == '\u201E' || opener == '\u201D':
				closes = true
			case nested:
			case afterSentence(r, i, p.start) && rightAfter(i) == 1 && i-open <= maxUnclosed:
				// “a. “b.” with one closing mark left: a stray opening mark inside one quote
			case afterSentence(r, i, p.start):
				reopen = true // “a. “b.” “c.”: the first quote closed without its mark
			case cc && !co:
				closes = true // “It’s unusual,“ said …: a left mark typed for a right one
			default:
				nested = true // “they moan about “amateurs” ...”
			}
		case '\u201E':
			reopen = true
		case '"', '\uFF02':
			if co && !cc {
				reopen = true // BBC style: ... weeks. "We are ...
			} else {
				closes = true
			}
		}
		switch {
		case closes:
			s := finish(r, span{wideOpen: openWide, open: open, close: i, para: pi}, i)
			if s.end > s.start {
				out = append(out, s)
			}
			open, nested = -1, false
		case reopen:
			end := i
			if i-open > maxUnclosed {
				end = sentenceEndAfter(r, open+1, i) // a stray mark long before
			}
			s := finish(r, span{wideOpen: openWide, open: open, close: -1, para: pi}, end)
			if s.end > s.start {
				out = append(out, s)
			}
			open, opener, openWide = i, c, false
		}
	}
	if open >= 0 {
		end := p.end
		unclosed := true
		if end-open > maxUnclosed {
			// a stray mark in a long paragraph (text without paragraph breaks): the quote is
			// taken to end with its first sentence, not to swallow the rest
			end, unclosed = sentenceEndAfter(r, open+1, p.end), false
		}
		s := finish(r, span{wideOpen: openWide, open: open, close: -1, para: pi, unclosed: unclosed}, end)
		if s.end > s.start {
			out = append(out, s)
		}
	}
	return out
}

// maxUnclosed is the longest unclosed quote, in runes, that runs to its paragraph's end.
const maxUnclosed = 1500

// sentenceEndAfter returns the index just after the first sentence end (. ? ! followed by a
// space) at or after i, or hi.
func sentenceEndAfter(r []rune, i, hi int) int {
	for ; i < hi; i++ {
		if (r[i] == '.' || r[i] == '?' || r[i] == '!') && (i+1 == hi || unicode.IsSpace(r[i+1])) {
			return i + 1
		}
	}
	return hi
}

// elisions are words that start with an apostrophe and are not quotes.
var elisions = map[string]bool{"em": true, "til": true, "tis": true, "twas": true, "n": true, "cause": true, "bout": true, "round": true, "nuff": true, "ol": true}

func scanSingle(r []rune, p paragraph, pi int, dbl []span) []span {
	var out []span
	di := 0
	open := -1
	ambiguous := -1
	inDouble := func(i int) bool {
		for di < len(dbl) && dbl[di].endMark() < i {
			di++
		}
		return di < len(dbl) && dbl[di].firstMark() <= i && i <= dbl[di].endMark()
	}
	for i := p.start; i < p.end; i++ {
		c := r[i]
		if c < 0x80 && c != '\'' || !isSingleMark(c) {
			continue // ASCII has one single mark: a quick test for most runes
		}
		if c == '\'' && (at(r, i+1, p.start, p.end) == '\'' || at(r, i-1, p.start, p.end) == '\'') {
			continue // '' is a doubled apostrophe, an old typewriter double quote; see Options.DoubledApostrophes
		}
		if open < 0 && inDouble(i) {
			continue
		}
		if open < 0 {
			if c == '\u2019' || c == '\u203A' {
				continue
			}
			if !canOpen(r, i, p.start, p.end) {
				continue
			}
			n := at(r, i+1, p.start, p.end)
			if unicode.IsDigit(n) {
				continue // ’90s
			}
			j := i + 1
			for j < p.end && unicode.IsLetter(r[j]) {
				j++
			}
			if elisions[lowerASCII(r[i+1:j])] && (j >= p.end || !unicode.IsLetter(r[j])) {
				continue
			}
			open, ambiguous = i, -1
			continue
		}
		if c == '\u2018' || c == '\u201A' || c == '\u2039' {
			continue
		}
		if !canClose(r, i, p.start, p.end) {
			continue
		}
		prev := r[i-1]
		n1, n2 := at(r, i+1, p.start, p.end), at(r, i+2, p.start, p.end)
		if unicode.IsLetter(prev) && unicode.IsSpace(n1) && unicode.IsLower(n2) && (prev == 's' || prev == 'S') {
			// players’ union: probably a plural possessive; keep looking for a better closer
			if ambiguous < 0 {
				ambiguous = i
			}
			continue
		}
		s := finish(r, span{open: open, close: i, para: pi, single: true}, i)
		if s.end > s.start {
			out = append(out, s)
		}
		open, ambiguous = -1, -1
	}
	if open >= 0 && ambiguous >= 0 {
		s := finish(r, span{open: open, close: ambiguous, para: pi, single: true}, ambiguous)
		if s.end > s.start {
			out = append(out, s)
		}
	}
	return out
}

// afterSentence: the mark at i follows the end of a sentence (". “").
func afterSentence(r []rune, i, lo int) bool {
	j := i - 1
	for j >= lo && unicode.IsSpace(r[j]) {
		j--
	}
	return j < lo || strings.ContainsRune(".?!\u2026:", r[j])
}

func lowerASCII(rs []rune) string {
	b := make([]rune, len(rs))
	for i, c := range rs {
		b[i] = unicode.ToLower(c)
	}
	return string(b)
}

// firstMark and endMark are the rune indexes of the first and last rune of the quote's marks
// (endMark is the content end for an unclosed quote).
func (s span) firstMark() int {
	if s.wideOpen {
		return s.open - 1
	}
	return s.open
}

func (s span) endMark() int {
	if s.close >= 0 {
		if s.wideClose {
			return s.close + 1
		}
		return s.close
	}
	return s.end
}

// mergeNested merges the double and single spans of one paragraph, sorted by position,
// dropping any span nested inside another.
func mergeNested(dbl, sgl []span) []span {
	if len(sgl) == 0 {
		return dbl
	}
	out := make([]span, 0, len(dbl)+len(sgl))
	i, j := 0, 0
	for i < len(dbl) || j < len(sgl) {
		var s span
		if j >= len(sgl) || (i < len(dbl) && dbl[i].open < sgl[j].open) {
			s = dbl[i]
			i++
		} else {
			s = sgl[j]
			j++
		}
		if n := len(out); n > 0 && s.firstMark() < out[n-1].endMark() {
			continue // nested in the previous span
		}
		out = append(out, s)
	}
	return out
}
