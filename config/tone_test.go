package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/viper"

	"github.com/quotetone/quotetone/tone"
)

func loadTone(t *testing.T, body string) (*Config, error) {
	t.Helper()
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	file := ""
	if body != "" {
		file = writeFile(t, body)
	}
	return Load(viper.New(), file)
}

func TestToneDefaults(t *testing.T) {
	cfg, err := loadTone(t, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Tone.Dimensions) < 3 || cfg.Tone.Dimensions[0].Name != "cooperation" {
		t.Fatalf("default dimensions = %+v, want at least three starting with cooperation", cfg.Tone.Dimensions)
	}
	for i, d := range cfg.Tone.Dimensions {
		for _, p := range []TonePole{d.Positive, d.Negative} {
			var single, glob, phrase bool
			for _, term := range p.Terms {
				single = single || !strings.ContainsAny(term, "* ")
				glob = glob || strings.Contains(term, "*")
				phrase = phrase || strings.Contains(term, " ")
			}
			if !single || !glob || !phrase {
				t.Errorf("dimension %d pole %s: want single words, globs and phrases", i, p.Name)
			}
		}
	}
	s, err := cfg.Tone.Scorer(cfg.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Dimensions(); len(got) != len(cfg.Tone.Dimensions) {
		t.Errorf("Dimensions() = %v", got)
	}
	exps, err := cfg.Tone.ToneExpectations()
	if err != nil {
		t.Fatal(err)
	}
	misses, err := s.Test(exps)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range misses {
		t.Errorf("default expectation fails: %s", m)
	}
	if problems, err := cfg.Tone.Check(cfg.Dir); err != nil || len(problems) > 0 {
		t.Errorf("Check(defaults) = %q, %v, want nothing", problems, err)
	}
}

func TestToneAcceptance(t *testing.T) {
	cfg, err := loadTone(t, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := cfg.Tone.Scorer(cfg.Dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text     string
		min, max float64
		minHits  int
	}{
		{"There has been no hostility", 0, 1, 1},
		{"There has been no hostility.", 0, 1, 1},
		{"Both sides expressed their intention to understand each other and seek common ground. The talks were quite constructive.", 0.01, 1, 2},
		{"He does not plan on signing any agreements.", -1, 0, 1},
	}
	for _, tt := range tests {
		got := s.Score(tt.text).Dims[0]
		if got.Score < tt.min || got.Score > tt.max || got.Hits < tt.minHits {
			t.Errorf("Score(%q) cooperation = %+v, want in [%v, %v] with %d+ hits\n%s", tt.text, got, tt.min, tt.max, tt.minHits, s.Explain(tt.text))
		}
	}
}

func TestToneErrors(t *testing.T) {
	dim := func(neg string) string {
		return "tone:\n  dimensions:\n    - name: cooperation\n      positive:\n        name: constructive\n        terms: [agree*]\n      negative:\n        name: hostility\n        terms: " + neg + "\n"
	}
	tests := []struct {
		name, body string
		want       string
	}{
		{"empty term", dim(`[threat*, hostil*, reject*, ""]`), `tone.dimensions[0].negative.terms[3]: empty term`},
		{"bad glob", dim(`[threat*, "*"]`), `tone.dimensions[0].negative.terms[1]: bad pattern`},
		{"empty pole", dim(`[]`), `tone.dimensions[0].negative: no terms`},
		{"bad mode", "tone:\n  negation:\n    mode: sometimes\n", `tone.negation.mode: "sometimes" is not one of flip, damp or drop`},
		{"bad window", "tone:\n  negation:\n    window: 40\n", `tone.negation.window`},
		{"bad check", "tone:\n  expectations:\n    - text: hello\n      want: [\"cooperation ~ 1\"]\n", `tone.expectations[0].want[0]`},
		{"unknown key", "tone:\n  negation:\n    windw: 2\n", `unknown key tone.negation.windw`},
		{"bad name", "tone:\n  dimensions:\n    - name: Co op\n      positive: {name: a, terms: [x]}\n      negative: {name: b, terms: [y]}\n", `tone.dimensions[0].name`},
		{"name of a quotes.csv column", "tone:\n  dimensions:\n    - name: source\n      positive: {name: a, terms: [x]}\n      negative: {name: b, terms: [y]}\n", `tone.dimensions[0].name: "source" names a column already`},
		{"name of a score column", "tone:\n  dimensions:\n    - name: id\n      positive: {name: a, terms: [x]}\n      negative: {name: b, terms: [y]}\n", `tone.dimensions[0].name: "id" names a column already`},
		// A pole the file's dimension lacks is blamed on the dimension's line, with a hint.
		{"lexicon poles unnamed", "tone:\n  dimensions:\n    - name: mood\n      lexicon: mood.csv\n", `:3: tone.dimensions[0].positive.name: empty name: name the pole after a category of mood.csv`},
		{"missing file", "tone:\n  dimensions:\n    - name: c\n      lexicon: nothere.dic\n      positive: {name: a}\n      negative: {name: b}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := loadTone(t, tt.body)
			if tt.want == "" { // valid config; the scorer fails
				if err != nil {
					t.Fatal(err)
				}
				_, err = cfg.Tone.Scorer(cfg.Dir)
				if err == nil || !strings.Contains(err.Error(), "tone.dimensions[0].lexicon") {
					t.Errorf("Scorer() error = %v, want it to name tone.dimensions[0].lexicon", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load error = %v, want %q", err, tt.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Load error %v does not wrap ErrInvalid", err)
			}
		})
	}
}

func TestToneEnv(t *testing.T) {
	t.Setenv("QUOTETONE_TONE_NEGATION_WINDOW", "2")
	cfg, err := loadTone(t, "")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Tone.Negation.Window != 2 {
		t.Errorf("negation.window = %d, want 2 from the environment", cfg.Tone.Negation.Window)
	}
}

// TestToneLexiconFiles points a dimension at a lexicon file of each format.
func TestToneLexiconFiles(t *testing.T) {
	files, _ := filepath.Glob("../lexicon/testdata/econ*")
	if len(files) == 0 {
		t.Fatal("no lexicon fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			abs, _ := filepath.Abs(f)
			pos, neg := "optimism", "gloom"
			if strings.Contains(f, "afinn") || strings.Contains(f, "vader") {
				pos, neg = "positive", "negative"
			}
			body := "tone:\n  dimensions:\n    - name: economy\n      lexicon: " + abs +
				"\n      positive: {name: up, categories: [" + pos + "]}\n      negative: {name: down, categories: [" + neg + "]}\n"
			if strings.Contains(f, "vader") {
				body = strings.Replace(body, "positive: {name: up, categories: [positive]}", "positive: {name: up, categories: [positive], terms: [recover*]}", 1)
			}
			cfg, err := loadTone(t, body)
			if err != nil {
				t.Fatal(err)
			}
			s, err := cfg.Tone.Scorer(cfg.Dir)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Score("Exports will recover quickly.").Dims[0]; got.Score <= 0 {
				t.Errorf("%s: Score(recovered) = %+v, want > 0", f, got)
			}
			if !strings.Contains(f, "vader") && !strings.Contains(f, "bing") {
				if got := s.Score("There is a slump.").Dims[0]; got.Score >= 0 && !strings.Contains(f, "dicx") {
					t.Logf("%s: Score(slump) = %+v", f, got)
				}
			}
		})
	}
}

// dirScorer writes body as quotetone.yaml in dir, loads it and builds its scorer.
func dirScorer(t *testing.T, dir, body string) *tone.Scorer {
	t.Helper()
	cfgPath := filepath.Join(dir, "quotetone.yaml")
	if err := os.WriteFile(cfgPath, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(viper.New(), cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	s, err := cfg.Tone.Scorer(cfg.Dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestToneLSDNegation checks that neg_* categories count for the opposite pole.
func TestToneLSDNegation(t *testing.T) {
	dir := t.TempDir()
	lc3 := filepath.Join(dir, "coop.lc3")
	if err := os.WriteFile(lc3, []byte("+CONSTRUCTIVE\nagree*\n+HOSTILITY\nthreat*\n+NEG_CONSTRUCTIVE\nnot agree*\n+NEG_HOSTILITY\nno threat*\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	body := "tone:\n  negation:\n    mode: drop\n  dimensions:\n    - name: cooperation\n      lexicon: coop.lc3\n      positive: {name: constructive}\n      negative: {name: hostility}\n"
	s := dirScorer(t, dir, body)
	for text, want := range map[string]float64{"We agree.": 1, "We do not agree.": -1, "There was no threat.": 1, "A threat.": -1} {
		if got := s.Score(text).Dims[0].Score; got*want <= 0 {
			t.Errorf("Score(%q) = %v, want sign %v\n%s", text, got, want, s.Explain(text))
		}
	}
}

// TestToneFileModifiers checks that the negators and intensifiers a lexicon file declares act
// in the dimensions (all of them: the rules are shared), besides tone.negation's cues.
func TestToneFileModifiers(t *testing.T) {
	dir := t.TempDir()
	lex := "lexicons:\n  - dimension: cooperation\n    poles:\n      - {name: constructive, weight: 1, terms: [agree*]}\n" +
		"      - {name: hostility, weight: -1, terms: [threat*]}\n    negation:\n      cues: [scarcely]\n"
	if err := os.WriteFile(filepath.Join(dir, "coop.yaml"), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	native := "name: boost\ncategories:\n  - name: up\n    terms: [gains]\n  - name: down\n    terms: [losses]\nintensifiers:\n  - {term: mightily, weight: 0.5}\n"
	if err := os.WriteFile(filepath.Join(dir, "boost.yaml"), []byte(native), 0o644); err != nil {
		t.Fatal(err)
	}
	body := "tone:\n  dimensions:\n    - name: cooperation\n      lexicon: coop.yaml\n      positive: {name: constructive}\n      negative: {name: hostility}\n" +
		"    - name: economy\n      lexicon: boost.yaml\n      positive: {name: up}\n      negative: {name: down}\n"
	s := dirScorer(t, dir, body)
	if got := s.Score("They scarcely agreed.").Dims[0].Score; got >= 0 {
		t.Errorf("Score(%q) cooperation = %v, want < 0 (\"scarcely\" negates)\n%s", "They scarcely agreed.", got, s.Explain("They scarcely agreed."))
	}
	plain, boosted := s.Score("It made gains.").Dims[1].Score, s.Score("It made mightily gains.").Dims[1].Score
	if boosted <= plain {
		t.Errorf("economy: %v with \"mightily\", %v without; want more", boosted, plain)
	}
}

// TestToneReferenceFormats builds a cooperation dimension from each example in
// ../shared/reference/dict-formats (when present) and scores a sentence with it.
func TestToneReferenceFormats(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "shared", "reference", "dict-formats"))
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) == 0 {
		t.Skip("../shared/reference/dict-formats is absent")
	}
	const text = "They agree to a compromise. There was a threat, and they do not agree."
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		if fi, err := os.Stat(f); err != nil || fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			pos, neg := "constructive", "hostility"
			if strings.Contains(f, "afinn") {
				pos, neg = "positive", "negative"
			}
			body := "tone:\n  dimensions:\n    - name: cooperation\n      lexicon: " + f +
				"\n      positive: {name: " + pos + "}\n      negative: {name: " + neg + "}\n"
			cfg, err := loadTone(t, body)
			if err != nil {
				t.Fatal(err)
			}
			s, err := cfg.Tone.Scorer(cfg.Dir)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Score(text).Dims[0]; got.Hits == 0 {
				t.Errorf("Score(%q) with %s = %+v, want hits\n%s", text, filepath.Base(f), got, s.Explain(text))
			}
		})
	}
}

// BenchmarkDefaultScore scores a paragraph of quotes with the default configuration's scorer.
func BenchmarkDefaultScore(b *testing.B) {
	b.Chdir(b.TempDir())
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	cfg, err := Load(viper.New(), "")
	if err != nil {
		b.Fatal(err)
	}
	s, err := cfg.Tone.Scorer(cfg.Dir)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(`"There has been no hostility," the minister said on Tuesday. `+
		`"We are not going to accept threats, but we are ready to seek common ground and a fair compromise." `+
		`The talks were quite constructive, although several issues remain deeply unresolved. `, 2)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			s.Score(text)
		}
	})
}

// The default expectations test the default dimensions: a file that replaces the dimensions
// without its own expectations must not inherit them (they would fail with "no score called").
func TestToneOwnDimensionsDropDefaultExpectations(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dims := "tone:\n  dimensions:\n    - name: mood\n      positive: {name: up, terms: [glad]}\n      negative: {name: down, terms: [sad]}\n"
	tests := []struct {
		name    string
		body    string
		texts   []string
		dropped bool
	}{
		{"defaults kept without dimensions", "run:\n  workers: 2\n", nil, false},
		{"dimensions alone", dims, []string{}, true},
		{"dimensions null keeps defaults", "tone:\n  dimensions:\n", nil, false},
		{"dimensions and expectations", dims + "  expectations:\n    - text: \"We are glad.\"\n      want: [\"mood > 0\"]\n", []string{"We are glad."}, false},
	}
	defaults, err := Load(viper.New(), writeFile(t, "run:\n  workers: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(defaults.Tone.Expectations) == 0 {
		t.Fatal("the defaults have no expectations: nothing to test")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(viper.New(), writeFile(t, tt.body))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			var texts []string
			for _, e := range cfg.Tone.Expectations {
				texts = append(texts, e.Text)
			}
			want := tt.texts
			if want == nil {
				for _, e := range defaults.Tone.Expectations {
					want = append(want, e.Text)
				}
			}
			if strings.Join(texts, "|") != strings.Join(want, "|") || cfg.DefaultExpectationsDropped != tt.dropped {
				t.Errorf("expectations %q, dropped %v; want %q, %v", texts, cfg.DefaultExpectationsDropped, want, tt.dropped)
			}
		})
	}
}
