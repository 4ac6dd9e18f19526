package quote

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A GoldDoc is one annotated article, or one article's predictions, in the JSONL format of
// the evaluation sets: {"id", "text", "quotes": [...], "mixed_quotes": [...], "indirect_quotes": [...]}.
type GoldDoc struct {
	ID             string
	Text           string
	Quotes         []GoldQuote
	MixedQuotes    []GoldQuote
	IndirectQuotes []GoldQuote
}

// A GoldQuote is one annotated (or predicted) quote. Start and End are code-point offsets;
// nil when the record gives only the quote text.
type GoldQuote struct {
	Start           *int     `json:"start"`
	End             *int     `json:"end"`
	Quote           string   `json:"quote"`
	Speaker         *string  `json:"speaker"`
	SpeakerMentions []string `json:"speaker_mentions,omitempty"`
	SpeakerAliases  []string `json:"speaker_aliases,omitempty"`
}

type rawDoc struct {
	ID             json.RawMessage `json:"id"`
	Text           string          `json:"text"`
	Quotes         []GoldQuote     `json:"quotes"`
	MixedQuotes    []GoldQuote     `json:"mixed_quotes"`
	IndirectQuotes []GoldQuote     `json:"indirect_quotes"`
}

// ErrGold is wrapped by errors about malformed gold or prediction files.
var ErrGold = errors.New("bad evaluation record")

// ReadDocs reads JSONL records, one article a line; blank lines are skipped. A later record
// with the same id replaces an earlier one, in the earlier one's place.
func ReadDocs(r io.Reader, name string) ([]GoldDoc, error) {
	var docs []GoldDoc
	index := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rd rawDoc
		if err := json.Unmarshal([]byte(line), &rd); err != nil {
			return nil, fmt.Errorf("%s:%d: %w: %v", name, n, ErrGold, err)
		}
		if len(rd.ID) == 0 || string(rd.ID) == "null" {
			return nil, fmt.Errorf("%s:%d: missing \"id\": %w", name, n, ErrGold)
		}
		var id string
		if err := json.Unmarshal(rd.ID, &id); err != nil {
			id = string(rd.ID) // a number: Python's str() of it
		}
		d := GoldDoc{ID: id, Text: rd.Text, Quotes: rd.Quotes, MixedQuotes: rd.MixedQuotes, IndirectQuotes: rd.IndirectQuotes}
		if i, ok := index[id]; ok {
			docs[i] = d
			continue
		}
		index[id] = len(docs)
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return docs, nil
}

// EvalOptions choose what Evaluate counts.
type EvalOptions struct {
	Types   []string // "direct", "mixed", "indirect"; empty means direct only
	Overlap float64  // minimum overlap share; 0 means 0.5
}

// Counts are the raw tallies of an evaluation.
type Counts struct {
	Docs, DocsMissingPred, PredIDsNotInGold   int
	Gold, Pred, PredUnlocated, PredClamped    int
	TPExact, TPOverlap                        int
	SpeakerEligible, SpeakerCorrect, PredNull int
	GoldNullSpeaker, EndToEndTP               int
}

// PRF is precision, recall and F1.
type PRF struct{ Precision, Recall, F1 float64 }

// A Report is the result of Evaluate.
type Report struct {
	Counts
	Exact, Overlap, EndToEnd PRF
	SpeakerAccuracy          float64
	Errors                   []EvalError
}

// An EvalError is one miss (FN), false alarm (FP) or wrong speaker.
type EvalError struct {
	ID           string   `json:"id"`
	Error        string   `json:"error"` // "FN", "FP" or "wrong_speaker"
	Start        *int     `json:"start,omitempty"`
	End          *int     `json:"end,omitempty"`
	Quote        string   `json:"quote"`
	GoldSpeaker  *string  `json:"gold_speaker,omitempty"`
	GoldMentions []string `json:"gold_mentions,omitempty"`
	PredSpeaker  *string  `json:"pred_speaker,omitempty"`
	Context      string   `json:"context"`
}

func prf(tp, nPred, nGold int) PRF {
	var p PRF
	if nPred > 0 {
		p.Precision = float64(tp) / float64(nPred)
	}
	if nGold > 0 {
		p.Recall = float64(tp) / float64(nGold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

func collect(d GoldDoc, types []string) []GoldQuote {
	var out []GoldQuote
	for _, t := range types {
		switch t {
		case "direct":
			out = append(out, d.Quotes...)
		case "mixed":
			out = append(out, d.MixedQuotes...)
		case "indirect":
			out = append(out, d.IndirectQuotes...)
		}
	}
	return out
}

type predSpan struct {
	q          GoldQuote
	s, e       int
	located    bool
	unlocated  bool
	wasClamped bool
}

// Evaluate scores predictions against gold the way ../shared/eval/eval_quotes.py does.
func Evaluate(gold, pred []GoldDoc, opts EvalOptions) (Report, error) {
	types := opts.Types
	if len(types) == 0 {
		types = []string{"direct"}
	}
	for _, t := range types {
		if t != "direct" && t != "mixed" && t != "indirect" {
			return Report{}, fmt.Errorf("unknown quote type %q: %w", t, ErrGold)
		}
	}
	thr := opts.Overlap
	if thr == 0 {
		thr = 0.5
	}
	var rep Report
	c := &rep.Counts
	c.Docs = len(gold)
	predBy := map[string]GoldDoc{}
	for _, p := range pred {
		predBy[p.ID] = p
	}
	goldIDs := map[string]bool{}
	for _, g := range gold {
		goldIDs[g.ID] = true
	}
	for id := range predBy {
		if !goldIDs[id] {
			c.PredIDsNotInGold++
		}
	}
	for _, gd := range gold {
		text := []rune(gd.Text)
		golds := collect(gd, types)
		var preds []predSpan
		if pd, ok := predBy[gd.ID]; ok {
			preds = resolvePredSpans(text, collect(pd, types))
		} else {
			c.DocsMissingPred++
		}
		for _, p := range preds {
			if p.unlocated {
				c.PredUnlocated++
			}
			if p.wasClamped {
				c.PredClamped++
			}
		}
		c.Gold += len(golds)
		c.Pred += len(preds)
		for _, g := range golds {
			if g.Speaker == nil || *g.Speaker == "" {
				c.GoldNullSpeaker++
			}
		}
		c.TPExact += len(matchSpans(text, golds, preds, 1.0, true))
		pairs := matchSpans(text, golds, preds, thr, false)
		c.TPOverlap += len(pairs)
		mg, mp := map[int]bool{}, map[int]bool{}
		for _, pr := range pairs {
			gi, pi := pr[0], pr[1]
			mg[gi], mp[pi] = true, true
			g, p := golds[gi], preds[pi]
			if g.Speaker != nil && *g.Speaker != "" {
				c.SpeakerEligible++
				ps := ""
				if p.q.Speaker != nil {
					ps = *p.q.Speaker
				}
				ok := SpeakerMatch(g, ps)
				if ps == "" {
					c.PredNull++
				}
				if ok {
					c.SpeakerCorrect++
					c.EndToEndTP++
				} else {
					rep.Errors = append(rep.Errors, EvalError{ID: gd.ID, Error: "wrong_speaker", Start: g.Start, End: g.End,
						Quote: clip(g.Quote, 200), GoldSpeaker: g.Speaker, GoldMentions: g.SpeakerMentions,
						PredSpeaker: p.q.Speaker, Context: context(text, g.Start, g.End)})
				}
			} else {
				c.EndToEndTP++
			}
		}
		for gi, g := range golds {
			if !mg[gi] {
				rep.Errors = append(rep.Errors, EvalError{ID: gd.ID, Error: "FN", Start: g.Start, End: g.End,
					Quote: clip(g.Quote, 200), GoldSpeaker: g.Speaker, Context: context(text, g.Start, g.End)})
			}
		}
		for pi, p := range preds {
			if mp[pi] {
				continue
			}
			e := EvalError{ID: gd.ID, Error: "FP", Quote: clip(p.q.Quote, 200), PredSpeaker: p.q.Speaker}
			if p.located {
				s, en := p.s, p.e
				e.Start, e.End = &s, &en
				e.Quote = clip(string(text[s:en]), 200)
				e.Context = context(text, e.Start, e.End)
			}
			rep.Errors = append(rep.Errors, e)
		}
	}
	rep.Exact = prf(c.TPExact, c.Pred, c.Gold)
	rep.Overlap = prf(c.TPOverlap, c.Pred, c.Gold)
	rep.EndToEnd = prf(c.EndToEndTP, c.Pred, c.Gold)
	if c.SpeakerEligible > 0 {
		rep.SpeakerAccuracy = float64(c.SpeakerCorrect) / float64(c.SpeakerEligible)
	}
	return rep, nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

func context(text []rune, s, e *int) string {
	if s == nil || e == nil {
		return ""
	}
	a, b := *s-120, *e+120
	if a < 0 {
		a = 0
	}
	if b > len(text) {
		b = len(text)
	}
	if *s < a || *e > b || *s > *e {
		return ""
	}
	return strings.ReplaceAll(string(text[a:*s])+"[["+string(text[*s:*e])+"]]"+string(text[*e:b]), "\n", " ")
}

func resolvePredSpans(text []rune, preds []GoldQuote) []predSpan {
	used := map[int]bool{}
	out := make([]predSpan, 0, len(preds))
	for _, p := range preds {
		var s, e int
		if p.Start == nil || p.End == nil {
			qt := []rune(strings.TrimSpace(p.Quote))
			s = -1
			if len(qt) > 0 {
				i := runeIndex(text, qt, 0)
				for i >= 0 && used[i] {
					i = runeIndex(text, qt, i+1)
				}
				s = i
			}
			if s < 0 {
				out = append(out, predSpan{q: p, unlocated: true})
				continue
			}
			e = s + len(qt)
			used[s] = true
		} else {
			s, e = *p.Start, *p.End
		}
		n := len(text)
		if s > e || s < 0 || e > n {
			s, e = max(0, min(s, n)), max(0, min(e, n))
			if s > e {
				s, e = e, s
			}
			out = append(out, predSpan{q: p, s: s, e: e, located: true, wasClamped: true})
			continue
		}
		out = append(out, predSpan{q: p, s: s, e: e, located: true})
	}
	return out
}

func runeIndex(text, sub []rune, from int) int {
	for i := from; i+len(sub) <= len(text); i++ {
		ok := true
		for j := range sub {
			if text[i+j] != sub[j] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

func isTrim(c rune) bool {
	return strings.ContainsRune(" \t\r\n\"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019,.;:!?-\u2014\u2013()[]\u2026", c)
}

func trimSpan(text []rune, s, e int) (int, int) {
	for s < e && isTrim(text[s]) {
		s++
	}
	for e > s && isTrim(text[e-1]) {
		e--
	}
	return s, e
}

func overlapScore(text []rune, gs, ge, ps, pe int) (float64, bool) {
	if gs == ps && ge == pe {
		return 1, true
	}
	gs, ge = trimSpan(text, clampIdx(gs, len(text)), clampIdx(ge, len(text)))
	ps, pe = trimSpan(text, ps, pe)
	if ge <= gs || pe <= ps {
		return 0, false
	}
	inter := max(0, min(ge, pe)-max(gs, ps))
	return float64(inter) / float64(max(ge-gs, pe-ps)), gs == ps && ge == pe
}

func clampIdx(i, n int) int { return max(0, min(i, n)) }

func matchSpans(text []rune, golds []GoldQuote, preds []predSpan, thr float64, exactOnly bool) [][2]int {
	type pair struct {
		sc     float64
		gi, pi int
	}
	var pairs []pair
	for gi, g := range golds {
		if g.Start == nil || g.End == nil {
			continue
		}
		for pi, p := range preds {
			if !p.located {
				continue
			}
			sc, ex := overlapScore(text, *g.Start, *g.End, p.s, p.e)
			if exactOnly {
				if ex {
					pairs = append(pairs, pair{1, gi, pi})
				}
			} else if sc >= thr && sc > 0 {
				pairs = append(pairs, pair{sc, gi, pi})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].sc > pairs[j].sc })
	ug, up := map[int]bool{}, map[int]bool{}
	var res [][2]int
	for _, p := range pairs {
		if ug[p.gi] || up[p.pi] {
			continue
		}
		ug[p.gi], up[p.pi] = true, true
		res = append(res, [2]int{p.gi, p.pi})
	}
	return res
}

// The speaker comparison of eval_quotes.py.

var evalTitles = toSet(`mr mrs ms miss dr prof professor sir dame lord lady rev reverend president vice prime
minister pm sen senator rep representative gov governor mayor gen general col capt lt sgt judge justice
chief secretary chancellor king queen prince princess pope the a an mp mep coach ceo chairman chairwoman
spokesman spokeswoman spokesperson st saint former said`)
var evalSuffixes = toSet(`jr sr ii iii iv phd md qc kc esq`)
var evalPronouns = toSet(`he she they it i we you him her them his its their me us who which that this these
those one someone somebody others some`)

var possRe = regexp.MustCompile(`'s\b`)

func stripAccents(s string) string {
	var b strings.Builder
	for _, c := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func evalTokens(name string) []string {
	s := strings.ReplaceAll(strings.ToLower(stripAccents(name)), "\u2019", "'")
	s = possRe.ReplaceAllString(s, " ")
	return strings.FieldsFunc(s, func(c rune) bool {
		return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')
	})
}

func evalNameTokens(name string) []string {
	var out []string
	for _, t := range evalTokens(name) {
		if !evalTitles[t] {
			out = append(out, t)
		}
	}
	return out
}

func evalSurname(name string) string {
	first := strings.SplitN(name, ",", 2)[0]
	var toks []string
	for _, t := range evalNameTokens(first) {
		if !evalSuffixes[t] && len([]rune(t)) > 1 {
			toks = append(toks, t)
		}
	}
	if len(toks) == 0 {
		return ""
	}
	return toks[len(toks)-1]
}

func evalIsPronoun(name string) bool {
	t := evalTokens(name)
	return len(t) == 0 || (len(t) == 1 && evalPronouns[t[0]])
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// SpeakerMatch reports whether pred names the gold quote's speaker, by the rules of
// eval_quotes.py: equal names up to case, punctuation and honorifics, or a shared surname;
// non-pronoun mentions count as alternatives to the gold speaker.
func SpeakerMatch(g GoldQuote, pred string) bool {
	var cands []string
	if g.Speaker != nil && *g.Speaker != "" {
		cands = append(cands, *g.Speaker)
	}
	for _, m := range g.SpeakerMentions {
		if m != "" && !evalIsPronoun(m) {
			cands = append(cands, m)
		}
	}
	cands = append(cands, g.SpeakerAliases...)
	if pred == "" || len(cands) == 0 {
		return false
	}
	pAll := evalTokens(pred)
	pToks := evalNameTokens(pred)
	pSur := evalSurname(pred)
	pSet := map[string]bool{}
	for _, t := range pToks {
		pSet[t] = true
	}
	for _, gname := range cands {
		if len(pAll) > 0 && equalStrings(evalTokens(gname), pAll) {
			return true
		}
		gToks := evalNameTokens(gname)
		if len(gToks) == 0 || len(pToks) == 0 {
			continue
		}
		if equalStrings(gToks, pToks) {
			return true
		}
		gSur := evalSurname(gname)
		gFirst := map[string]bool{}
		for _, t := range evalNameTokens(strings.SplitN(gname, ",", 2)[0]) {
			gFirst[t] = true
		}
		if pSur != "" && gFirst[pSur] {
			return true
		}
		if gSur != "" && pSet[gSur] {
			return true
		}
	}
	return false
}

// String prints the report in the layout of eval_quotes.py.
func (r Report) String() string {
	var b strings.Builder
	c := r.Counts
	fmt.Fprintf(&b, "docs=%d (missing in pred: %d, pred ids not in gold: %d)\n", c.Docs, c.DocsMissingPred, c.PredIDsNotInGold)
	fmt.Fprintf(&b, "quotes: gold=%d pred=%d (pred unlocated: %d, out-of-range clamped: %d)\n", c.Gold, c.Pred, c.PredUnlocated, c.PredClamped)
	fmt.Fprintf(&b, "%-22s P=%.4f R=%.4f F1=%.4f (tp=%d)\n", "span exact", r.Exact.Precision, r.Exact.Recall, r.Exact.F1, c.TPExact)
	fmt.Fprintf(&b, "%-22s P=%.4f R=%.4f F1=%.4f (tp=%d)\n", "span overlap", r.Overlap.Precision, r.Overlap.Recall, r.Overlap.F1, c.TPOverlap)
	fmt.Fprintf(&b, "%-22s %.4f (%d/%d matched quotes with gold speaker; pred null=%d; gold null speaker=%d)\n",
		"speaker accuracy", r.SpeakerAccuracy, c.SpeakerCorrect, c.SpeakerEligible, c.PredNull, c.GoldNullSpeaker)
	fmt.Fprintf(&b, "%-22s P=%.4f R=%.4f F1=%.4f\n", "end-to-end (span+spk)", r.EndToEnd.Precision, r.EndToEnd.Recall, r.EndToEnd.F1)
	return b.String()
}

// Predict runs the extractor over gold documents and returns predictions in the same shape.
// It predicts the quotes of the given kinds; none means Speech only, the kind the gold sets
// annotate as direct quotes (add Partial to score against mixed quotes).
func (e *Extractor) Predict(gold []GoldDoc, kinds ...Kind) []GoldDoc {
	if len(kinds) == 0 {
		kinds = []Kind{Speech}
	}
	want := map[Kind]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	out := make([]GoldDoc, len(gold))
	for i, g := range gold {
		p := GoldDoc{ID: g.ID}
		for _, q := range e.Extract(g.Text) {
			if !want[q.Kind] {
				continue
			}
			s, en, spk := q.Start, q.End, q.Speaker
			gq := GoldQuote{Start: &s, End: &en, Quote: q.Text}
			if spk != "" {
				gq.Speaker = &spk
			}
			p.Quotes = append(p.Quotes, gq)
		}
		out[i] = p
	}
	return out
}

// WritePredictions writes docs as JSONL {"id","quotes":[{"start","end","quote","speaker"}]}.
func WritePredictions(w io.Writer, docs []GoldDoc) error {
	type q struct {
		Start   *int    `json:"start"`
		End     *int    `json:"end"`
		Quote   string  `json:"quote"`
		Speaker *string `json:"speaker"`
	}
	type rec struct {
		ID     string `json:"id"`
		Quotes []q    `json:"quotes"`
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		r := rec{ID: d.ID, Quotes: []q{}}
		for _, x := range d.Quotes {
			r.Quotes = append(r.Quotes, q{x.Start, x.End, x.Quote, x.Speaker})
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}
