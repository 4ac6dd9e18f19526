package config

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/quotetone/quotetone/internal/report"
	"github.com/quotetone/quotetone/lexicon"
	"github.com/quotetone/quotetone/tone"
)

// Tone configures tone scoring: the rules that adjust lexicon hits, the dimensions and their
// lexicons, and the expectations that `quotetone lexicon test` checks.
type Tone struct {
	Valence        ToneValence       `mapstructure:"valence"`
	Negation       Negation          `mapstructure:"negation"`
	Intensity      Intensity         `mapstructure:"intensity"`
	Contrast       Contrast          `mapstructure:"contrast"`
	Hedges         Hedges            `mapstructure:"hedges"`
	Shifters       Shifters          `mapstructure:"shifters"`
	QuestionFactor float64           `mapstructure:"question_factor"`
	NameFactor     float64           `mapstructure:"name_factor"`
	Saturation     float64           `mapstructure:"saturation"`
	Dimensions     []ToneDimension   `mapstructure:"dimensions"`
	Expectations   []ToneExpectation `mapstructure:"expectations"`
}

// ToneValence configures the valence score.
type ToneValence struct {
	// Lexicon is a rating file (word,value CSV, VADER or AFINN text, or any lexicon format with
	// positive and negative categories); empty means the built-in VADER and AFINN lexicons.
	Lexicon string `mapstructure:"lexicon"`
}

// Negation configures negators for the dimensions.
type Negation struct {
	Cues         []string `mapstructure:"cues"`
	Window       int      `mapstructure:"window"`
	Mode         string   `mapstructure:"mode"`
	Scalar       float64  `mapstructure:"scalar"`
	StopAtClause bool     `mapstructure:"stop_at_clause"`
}

// Intensity configures intensifiers ("very") and diminishers ("slightly").
type Intensity struct {
	Intensifiers []string `mapstructure:"intensifiers"`
	Diminishers  []string `mapstructure:"diminishers"`
	Step         float64  `mapstructure:"step"`
}

// Contrast configures contrast words ("but").
type Contrast struct {
	Words  []string `mapstructure:"words"`
	Before float64  `mapstructure:"before"`
	After  float64  `mapstructure:"after"`
}

// Hedges configures hedge words ("may", "perhaps").
type Hedges struct {
	Words  []string `mapstructure:"words"`
	Factor float64  `mapstructure:"factor"`
}

// Shifters configures polarity shifters ("prevent", "reduce").
type Shifters struct {
	Words  []string `mapstructure:"words"`
	Window int      `mapstructure:"window"`
	Scalar float64  `mapstructure:"scalar"`
}

// ToneDimension is one dimension: two poles with inline terms, or categories of a lexicon file.
type ToneDimension struct {
	Name     string   `mapstructure:"name"`
	Lexicon  string   `mapstructure:"lexicon"`
	Positive TonePole `mapstructure:"positive"`
	Negative TonePole `mapstructure:"negative"`
}

// TonePole is one end of a dimension.
type TonePole struct {
	Name               string         `mapstructure:"name"`
	Weight             float64        `mapstructure:"weight"`
	Terms              []string       `mapstructure:"terms"`
	CaseSensitiveTerms []string       `mapstructure:"case_sensitive_terms"`
	Weighted           []WeightedTerm `mapstructure:"weighted"`
	// Categories names the categories of the dimension's lexicon file that make up this pole;
	// empty means the category named like the pole.
	Categories []string `mapstructure:"categories"`
}

// WeightedTerm is a term with its own weight.
type WeightedTerm struct {
	Term          string  `mapstructure:"term"`
	Weight        float64 `mapstructure:"weight"`
	CaseSensitive bool    `mapstructure:"case_sensitive"`
}

// ToneExpectation is a regression case for `quotetone lexicon test`.
type ToneExpectation struct {
	Text string   `mapstructure:"text"`
	Want []string `mapstructure:"want"`
}

var negationModes = map[string]tone.NegationMode{"flip": tone.Flip, "damp": tone.Damp, "drop": tone.Drop}

// Validate checks the tone settings; each error names its key path and wraps ErrInvalid.
func (t *Tone) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("tone.%s: %s: %w", key, fmt.Sprintf(format, args...), ErrInvalid))
	}
	words := func(key string, ws []string) {
		for i, w := range ws {
			if strings.TrimSpace(w) == "" {
				bad(fmt.Sprintf("%s[%d]", key, i), "empty term")
			}
		}
	}
	finite := func(key string, v, lo, hi float64) {
		if math.IsNaN(v) || v < lo || v > hi {
			bad(key, "%v is not between %v and %v", v, lo, hi)
		}
	}
	words("negation.cues", t.Negation.Cues)
	if t.Negation.Window < 0 || t.Negation.Window > 10 {
		bad("negation.window", "%d is not between 0 and 10", t.Negation.Window)
	}
	if _, ok := negationModes[t.Negation.Mode]; !ok {
		bad("negation.mode", "%q is not one of flip, damp or drop", t.Negation.Mode)
	}
	finite("negation.scalar", t.Negation.Scalar, 0, 1)
	words("intensity.intensifiers", t.Intensity.Intensifiers)
	words("intensity.diminishers", t.Intensity.Diminishers)
	finite("intensity.step", t.Intensity.Step, 0, 4)
	words("contrast.words", t.Contrast.Words)
	finite("contrast.before", t.Contrast.Before, 0, 10)
	finite("contrast.after", t.Contrast.After, 0, 10)
	words("hedges.words", t.Hedges.Words)
	finite("hedges.factor", t.Hedges.Factor, 0, 10)
	words("shifters.words", t.Shifters.Words)
	if t.Shifters.Window < 0 || t.Shifters.Window > 10 {
		bad("shifters.window", "%d is not between 0 and 10", t.Shifters.Window)
	}
	finite("shifters.scalar", t.Shifters.Scalar, 0, 1)
	finite("question_factor", t.QuestionFactor, 0, 10)
	finite("name_factor", t.NameFactor, 0, 10)
	if math.IsNaN(t.Saturation) || t.Saturation <= 0 || t.Saturation > 100 {
		bad("saturation", "%v is not above 0 and at most 100", t.Saturation)
	}
	// A dimension is a column of quotes.csv and of `score`'s output beside theirs.
	names := map[string]bool{"id": true}
	for _, c := range report.QuoteHeader(nil) {
		names[c] = true
	}
	for i, d := range t.Dimensions {
		key := fmt.Sprintf("dimensions[%d]", i)
		switch {
		case strings.TrimSpace(d.Name) == "":
			bad(key+".name", "empty name")
		case names[d.Name]:
			bad(key+".name", "%q names a column already (another dimension, or one of quotes.csv such as valence or speaker)", d.Name)
		case strings.ContainsAny(d.Name, " \t,.\"") || d.Name != strings.ToLower(d.Name):
			bad(key+".name", "%q: use lower-case letters, digits and _ (it names a CSV column)", d.Name)
		}
		names[d.Name] = true
		for _, p := range []struct {
			key  string
			pole TonePole
		}{{key + ".positive", d.Positive}, {key + ".negative", d.Negative}} {
			switch {
			case strings.TrimSpace(p.pole.Name) == "" && d.Lexicon != "":
				bad(p.key+".name", "empty name: name the pole after a category of %s (a word,value CSV has positive and negative; quotetone lexicon import %s shows them)", d.Lexicon, d.Lexicon)
			case strings.TrimSpace(p.pole.Name) == "":
				bad(p.key+".name", "empty name")
			}
			finite(p.key+".weight", p.pole.Weight, 0, 100)
			n := 0
			for j, term := range p.pole.Terms {
				checkTerm(bad, fmt.Sprintf("%s.terms[%d]", p.key, j), term)
				n++
			}
			for j, term := range p.pole.CaseSensitiveTerms {
				checkTerm(bad, fmt.Sprintf("%s.case_sensitive_terms[%d]", p.key, j), term)
				n++
			}
			for j, w := range p.pole.Weighted {
				checkTerm(bad, fmt.Sprintf("%s.weighted[%d].term", p.key, j), w.Term)
				finite(fmt.Sprintf("%s.weighted[%d].weight", p.key, j), w.Weight, -100, 100)
				n++
			}
			words(p.key+".categories", p.pole.Categories)
			if len(p.pole.Categories) > 0 && d.Lexicon == "" {
				bad(p.key+".categories", "categories need a lexicon file in %s.lexicon", key)
			}
			if n == 0 && d.Lexicon == "" {
				bad(p.key, "no terms (give terms, or a lexicon file in %s.lexicon)", key)
			}
		}
	}
	for i, e := range t.Expectations {
		key := fmt.Sprintf("expectations[%d]", i)
		if strings.TrimSpace(e.Text) == "" {
			bad(key+".text", "empty text")
		}
		if len(e.Want) == 0 {
			bad(key+".want", "no checks (for example \"cooperation >= 0\")")
		}
		for j, w := range e.Want {
			// Scores are named at test time (a dimension may come from a lexicon file); a
			// file that replaces the dimensions without expectations gets none (see Load).
			if _, err := tone.ParseCheck(w); err != nil {
				bad(fmt.Sprintf("%s.want[%d]", key, j), "%v", err)
			}
		}
	}
	return errors.Join(errs...)
}

func checkTerm(bad func(key, format string, args ...any), key, term string) {
	if strings.TrimSpace(term) == "" {
		bad(key, "empty term")
		return
	}
	if _, err := lexicon.ParsePattern(term); err != nil {
		bad(key, "%v", err)
	}
}

// Rules returns the dimension rules.
func (t *Tone) Rules() tone.Rules {
	r := tone.DefaultRules()
	r.Negators = t.Negation.Cues
	r.NegationWindow = t.Negation.Window
	r.NegationMode = negationModes[t.Negation.Mode]
	r.NegationScalar = t.Negation.Scalar
	r.NegationClause = t.Negation.StopAtClause
	r.Intensifiers = nil
	for _, w := range t.Intensity.Intensifiers {
		r.Intensifiers = append(r.Intensifiers, lexicon.Term{Text: w, Weight: t.Intensity.Step})
	}
	for _, w := range t.Intensity.Diminishers {
		r.Intensifiers = append(r.Intensifiers, lexicon.Term{Text: w, Weight: -t.Intensity.Step})
	}
	r.Contrast, r.ContrastBefore, r.ContrastAfter = t.Contrast.Words, t.Contrast.Before, t.Contrast.After
	r.Hedges, r.HedgeFactor = t.Hedges.Words, t.Hedges.Factor
	r.Shifters, r.ShiftWindow, r.ShiftScalar = t.Shifters.Words, t.Shifters.Window, t.Shifters.Scalar
	r.QuestionFactor = t.QuestionFactor
	r.NameFactor = t.NameFactor
	r.Alpha = t.Saturation
	return r
}

// resolve makes a lexicon path absolute against baseDir.
func resolve(baseDir, path string) string {
	if filepath.IsAbs(path) || baseDir == "" {
		return path
	}
	return filepath.Join(baseDir, path)
}

// BuildDimensions builds the dimensions, reading lexicon files relative to baseDir.
func (t *Tone) BuildDimensions(baseDir string) ([]tone.Dimension, error) {
	dims, _, err := t.buildDimensions(baseDir)
	return dims, err
}

// buildDimensions builds the dimensions and returns the lexicon files it read.
func (t *Tone) buildDimensions(baseDir string) ([]tone.Dimension, []*lexicon.Lexicon, error) {
	var dims []tone.Dimension
	var files []*lexicon.Lexicon
	for i, d := range t.Dimensions {
		key := fmt.Sprintf("tone.dimensions[%d]", i)
		dim := tone.Dimension{Name: d.Name}
		var lex *lexicon.Lexicon
		if d.Lexicon != "" {
			var err error
			if lex, err = lexicon.ReadFile(resolve(baseDir, d.Lexicon)); err != nil {
				return nil, nil, fmt.Errorf("%s.lexicon: %w", key, err)
			}
			files = append(files, lex)
		}
		for _, p := range []struct {
			key   string
			pole  TonePole
			out   *tone.Pole
			other TonePole
		}{{key + ".positive", d.Positive, &dim.Positive, d.Negative}, {key + ".negative", d.Negative, &dim.Negative, d.Positive}} {
			*p.out = tone.Pole{Name: p.pole.Name, Weight: p.pole.Weight}
			for _, term := range p.pole.Terms {
				p.out.Terms = append(p.out.Terms, lexicon.Term{Text: term})
			}
			for _, term := range p.pole.CaseSensitiveTerms {
				p.out.Terms = append(p.out.Terms, lexicon.Term{Text: term, CaseSensitive: true})
			}
			for _, w := range p.pole.Weighted {
				p.out.Terms = append(p.out.Terms, lexicon.Term{Text: w.Term, Weight: w.Weight, CaseSensitive: w.CaseSensitive})
			}
			if lex == nil {
				continue
			}
			terms, err := poleTerms(lex, p.pole, p.other)
			if err != nil {
				return nil, nil, fmt.Errorf("%s.categories: %s: %w", p.key, lex.Source, err)
			}
			p.out.Terms = append(p.out.Terms, terms...)
		}
		dims = append(dims, dim)
	}
	return dims, files, nil
}

// addFileModifiers adds the negators and intensifiers that the dimensions' lexicon files
// declare to the dimension rules: the rules are shared, so they act in every dimension.
func addFileModifiers(r *tone.Rules, files []*lexicon.Lexicon) {
	have := map[string]bool{}
	for _, n := range r.Negators {
		have[strings.ToLower(n)] = true
	}
	for _, lex := range files {
		for _, n := range lex.Negators {
			if !have[strings.ToLower(n.Text)] {
				have[strings.ToLower(n.Text)] = true
				r.Negators = append(r.Negators, n.Text)
			}
		}
		r.Intensifiers = append(r.Intensifiers, lex.Intensifiers...)
	}
}

// poleTerms collects a pole's terms from a lexicon file: its categories (by default the one
// named like the pole), and the LSD-style negation categories of the other pole ("neg_hostility"
// holds "not threat*", which counts as constructive).
func poleTerms(lex *lexicon.Lexicon, pole, other TonePole) ([]lexicon.Term, error) {
	cats := pole.Categories
	if len(cats) == 0 {
		cats = []string{pole.Name}
	}
	otherCats := other.Categories
	if len(otherCats) == 0 {
		otherCats = []string{other.Name}
	}
	var terms []lexicon.Term
	var missing []string
	for _, name := range cats {
		c := lex.Category(name)
		if c == nil {
			missing = append(missing, name)
			continue
		}
		terms = append(terms, weighted(c)...)
	}
	for _, name := range otherCats {
		if c := lex.Category("neg_" + lastSegment(name)); c != nil {
			terms = append(terms, weighted(c)...)
		}
	}
	// A file of LSD-style negation categories alone may lack the plain ones.
	if len(missing) > 0 && (len(terms) == 0 || len(pole.Categories) > 0) {
		return nil, fmt.Errorf("no category %q (have %s)", missing[0], strings.Join(lex.CategoryNames(), ", "))
	}
	return terms, nil
}

func lastSegment(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// weighted returns a category's terms with the category's default weight filled in.
func weighted(c *lexicon.Category) []lexicon.Term {
	ts := append([]lexicon.Term(nil), c.Terms...)
	for i := range ts {
		if ts[i].Weight == 0 && c.Weight != 0 {
			ts[i].Weight = c.Weight
		}
	}
	return ts
}

// Options builds tone.Options, reading lexicon files relative to baseDir.
func (t *Tone) Options(baseDir string) (tone.Options, error) {
	dims, files, err := t.buildDimensions(baseDir)
	if err != nil {
		return tone.Options{}, err
	}
	rules := t.Rules()
	addFileModifiers(&rules, files)
	opts := tone.Options{Dimensions: dims, Rules: &rules}
	if t.Valence.Lexicon != "" {
		lex, err := lexicon.ReadFile(resolve(baseDir, t.Valence.Lexicon))
		if err != nil {
			return tone.Options{}, fmt.Errorf("tone.valence.lexicon: %w", err)
		}
		v := tone.DefaultValence()
		v.Lexicon = lex
		// Rating lists (CSV, VADER or AFINN text) hold emoticons such as "(*", not globs.
		f, _ := lexicon.DetectFormat(lex.Source, nil)
		v.LiteralLexicon = f == lexicon.FormatCSV
		opts.Valence = &v
	}
	return opts, nil
}

// Scorer builds the tone scorer, reading lexicon files relative to baseDir.
func (t *Tone) Scorer(baseDir string) (*tone.Scorer, error) {
	opts, err := t.Options(baseDir)
	if err != nil {
		return nil, err
	}
	return tone.New(opts)
}

// ToneExpectations returns the expectations, parsed.
func (t *Tone) ToneExpectations() ([]tone.Expectation, error) {
	var out []tone.Expectation
	for i, e := range t.Expectations {
		te := tone.Expectation{Text: e.Text}
		for j, w := range e.Want {
			c, err := tone.ParseCheck(w)
			if err != nil {
				return nil, fmt.Errorf("tone.expectations[%d].want[%d]: %v: %w", i, j, err, ErrInvalid)
			}
			te.Checks = append(te.Checks, c)
		}
		out = append(out, te)
	}
	return out, nil
}

// Check reports questionable lexicon entries: duplicates, terms on both poles of a dimension,
// empty poles and globs too broad to mean anything. Inline terms are named by key path, terms
// from files by file:line.
func (t *Tone) Check(baseDir string) ([]string, error) {
	var out []string
	for i, d := range t.Dimensions {
		key := fmt.Sprintf("tone.dimensions[%d]", i)
		seen := map[string]string{}
		for _, p := range []struct {
			key  string
			pole TonePole
		}{{key + ".positive", d.Positive}, {key + ".negative", d.Negative}} {
			n := 0
			visit := func(k, term string, cased bool) {
				n++
				norm := strings.Join(strings.Fields(term), " ")
				if !cased {
					norm = strings.ToLower(norm)
				}
				if prev, ok := seen[norm]; ok {
					what := "duplicate of"
					if !strings.HasPrefix(prev, p.key+".") {
						what = "on both poles: also"
					}
					out = append(out, fmt.Sprintf("%s: %q: %s %s", k, term, what, prev))
				} else {
					seen[norm] = k
				}
				if pat, err := lexicon.ParsePattern(term); err == nil {
					for _, w := range pat {
						if w.Kind != lexicon.Exact && len([]rune(strings.NewReplacer("*", "", "?", "").Replace(w.Text))) < lexicon.MinGlobLetters {
							out = append(out, fmt.Sprintf("%s: %q: glob matches too many unrelated words", k, term))
						}
					}
				}
			}
			for j, term := range p.pole.Terms {
				visit(fmt.Sprintf("%s.terms[%d]", p.key, j), term, false)
			}
			for j, term := range p.pole.CaseSensitiveTerms {
				visit(fmt.Sprintf("%s.case_sensitive_terms[%d]", p.key, j), term, true)
			}
			for j, w := range p.pole.Weighted {
				visit(fmt.Sprintf("%s.weighted[%d]", p.key, j), w.Term, w.CaseSensitive)
			}
			if n == 0 && d.Lexicon == "" {
				out = append(out, fmt.Sprintf("%s: no terms", p.key))
			}
		}
		if d.Lexicon != "" {
			lex, err := lexicon.ReadFile(resolve(baseDir, d.Lexicon))
			if err != nil {
				return nil, fmt.Errorf("%s.lexicon: %w", key, err)
			}
			for _, p := range lexicon.Check(lex) {
				out = append(out, p.String())
			}
			for _, pole := range []struct{ p, o TonePole }{{d.Positive, d.Negative}, {d.Negative, d.Positive}} {
				if _, err := poleTerms(lex, pole.p, pole.o); err != nil {
					out = append(out, fmt.Sprintf("%s: %v", lex.Source, err))
				}
			}
		}
	}
	if t.Valence.Lexicon != "" {
		lex, err := lexicon.ReadFile(resolve(baseDir, t.Valence.Lexicon))
		if err != nil {
			return nil, fmt.Errorf("tone.valence.lexicon: %w", err)
		}
		for _, p := range lexicon.Check(lex) {
			out = append(out, p.String())
		}
	}
	return out, nil
}

// CheckTone is Tone.Check with the file:line of each inline term that the configuration file
// sets (terms from the embedded defaults keep only their key path).
func (c *Config) CheckTone() ([]string, error) {
	problems, err := c.Tone.Check(c.Dir)
	if err != nil || c.File == "" {
		return problems, err
	}
	data, err := os.ReadFile(c.File)
	if err != nil {
		return problems, nil
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return problems, nil
	}
	for i, p := range problems {
		key, _, ok := strings.Cut(p, ": ")
		if !ok || !strings.HasPrefix(key, "tone.") {
			continue
		}
		if line := keyLine(doc.Content[0], key); line > 0 {
			problems[i] = fmt.Sprintf("%s:%d: %s", c.File, line, p)
		}
	}
	return problems, nil
}

// keyLine finds the line of a key path such as "tone.dimensions[0].positive.terms[3]" in a
// YAML document, or 0. A key that a list item of the document lacks ("positive" of a dimension
// written without one) is placed on the item's line: the whole item comes from the file.
func keyLine(n *yaml.Node, path string) int {
	item := 0 // the line of the deepest list item on the path
	for _, part := range strings.Split(path, ".") {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
			name = part[:i]
			if _, err := fmt.Sscanf(part[i:], "[%d]", &idx); err != nil {
				return 0
			}
		}
		if n = mapValue(n, name); n == nil {
			return item
		}
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return item
			}
			n = n.Content[idx]
			item = n.Line
		}
	}
	return n.Line
}
