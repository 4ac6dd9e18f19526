package lexicon

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// flat renders a lexicon as "category: term, term" lines for compact comparisons.
func flat(l *Lexicon) string { return flatten(l, false) }

// flatten lists terms grouped as WriteYAML groups them when sorted is set.
func flatten(l *Lexicon, sorted bool) string {
	var b strings.Builder
	for _, c := range l.Categories {
		b.WriteString(c.Name)
		b.WriteString(":")
		terms := append([]Term(nil), c.Terms...)
		if sorted {
			sort.SliceStable(terms, func(i, j int) bool { return rank(terms[i]) < rank(terms[j]) })
		}
		for i, t := range terms {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" ")
			b.WriteString(t.Text)
			if t.Weight != 0 {
				b.WriteString("=" + strconv.FormatFloat(t.Weight, 'g', -1, 64))
			}
			if t.CaseSensitive {
				b.WriteString("!")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// rank orders terms as WriteYAML groups them: plain, case-sensitive, weighted.
func rank(t Term) int {
	switch {
	case t.Weight != 0:
		return 2
	case t.CaseSensitive:
		return 1
	}
	return 0
}

func TestParseFiles(t *testing.T) {
	tests := []struct {
		file   string
		format Format
		want   string
	}{
		{"econ.dic", FormatLIWC, "optimism: recover*, strong growth, boom*, crisis\ngloom: recession*, layoff*, slump, crisis\n"},
		{"econ_nested.dic", FormatLIWC, "economy: recover*, slump\neconomy.optimism: recover*\neconomy.gloom: slump\n"},
		{"econ.dicx", FormatLIWC22, "optimism: recover*, strong growth\ngloom: slump, layoff*\n"},
		{"econ.lc3", FormatLexicoder, "OPTIMISM: recover*, strong growth, boom*\nGLOOM: recession*, layoff*\nNEG_OPTIMISM: no recover*, not boom*\nNEG_GLOOM: no recession*\n"},
		{"econ_quanteda.yml", FormatQuanteda, "economy.optimism: recover*, strong growth, boom*\neconomy.gloom: recession*, layoff*\neconomy.neg_optimism: no recover*\n"},
		{"econ_afinn.csv", FormatCSV, "positive: recover=2, boom=1\nnegative: recession=-3, layoffs=-2\n"},
		{"econ_bing.csv", FormatCSV, "optimism: recover, boom\ngloom: recession\n"},
		{"econ_vader.txt", FormatCSV, "positive: upturn=1.5, :-)=1.9, \"quoted\"=0.4\nnegative: slump=-2.1\n"},
		{"econ.cat", FormatWordStat, "ECONOMY.OPTIMISM: recover*, strong growth\nECONOMY.GLOOM: slump\n"},
		{"econ.ykd", FormatYoshikoder, "economy.optimism: recover*, strong growth\neconomy.gloom: slump\n"},
		{"econ_lexicoder2.lcd", FormatYoshikoder, "optimism: recover*, upturn\ngloom: slump\n"},
		{"econ_lexicoder3.lcd", FormatLexicoder, "OPTIMISM: recover*, upturn\nGLOOM: slump\n"},
		{"econ_list.yaml", FormatList, "economy.optimism: recover*, strong growth\neconomy.gloom: slump, layoff*\n"},
		{"econ.yaml", FormatNative, "optimism: recover*, strong growth, boom*, OK!, soaring=2\ngloom: recession*, layoff*\n"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := DetectFormat(path, data)
			if err != nil || f != tt.format {
				t.Fatalf("DetectFormat(%q) = %q, %v, want %q", tt.file, f, err, tt.format)
			}
			l, err := ReadFile(path)
			if err != nil {
				t.Fatalf("ReadFile(%q): %v", tt.file, err)
			}
			if got := flat(l); got != tt.want {
				t.Errorf("ReadFile(%q) =\n%s\nwant\n%s", tt.file, got, tt.want)
			}
			if l.Source != path {
				t.Errorf("Source = %q, want %q", l.Source, path)
			}
		})
	}
}

func TestReadFileGzip(t *testing.T) {
	data, err := os.ReadFile("testdata/econ.dic")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	path := filepath.Join(t.TempDir(), "econ.dic.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := ReadFile(path)
	if err != nil {
		t.Fatalf("ReadFile(%q): %v", path, err)
	}
	want := "optimism: recover*, strong growth, boom*, crisis\ngloom: recession*, layoff*, slump, crisis\n"
	if got := flat(l); got != want || l.Name != "econ" {
		t.Errorf("ReadFile(%q) = %q named %q, want\n%s named econ", path, got, l.Name, want)
	}
}

func TestNativeExtras(t *testing.T) {
	l, err := ReadFile("testdata/econ.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "economy" {
		t.Errorf("Name = %q, want economy", l.Name)
	}
	if got := l.Category("gloom"); got == nil || got.Weight != -1 || got.Terms[1].Line != 12 {
		t.Errorf("Category(gloom) = %+v, want weight -1 and layoff* on line 12", got)
	}
	if len(l.Negators) != 2 || l.Negators[1].Text != "n't" {
		t.Errorf("Negators = %+v", l.Negators)
	}
	if len(l.Intensifiers) != 1 || l.Intensifiers[0].Weight != 0.3 {
		t.Errorf("Intensifiers = %+v", l.Intensifiers)
	}
}

func TestCategoryLookup(t *testing.T) {
	l, err := ReadFile("testdata/econ_quanteda.yml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"economy.optimism", "optimism", "OPTIMISM"} {
		if c := l.Category(name); c == nil || c.Name != "economy.optimism" {
			t.Errorf("Category(%q) = %v, want economy.optimism", name, c)
		}
	}
	if c := l.Category("nothing"); c != nil {
		t.Errorf("Category(nothing) = %v, want nil", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"a.dic", "agree\t1\n", "a.dic:1: syntax error: a LIWC dictionary starts with a line holding only %"},
		{"a.dic", "%\n1\tpos\n", "a.dic:2: syntax error: the category legend is not closed by a line holding only %"},
		{"a.dic", "%\n1\tpos\n%\nagree\t7\n", "a.dic:4: syntax error: term \"agree\": unknown category id 7"},
		{"a.lc3", "agree\n+POS\n", "a.lc3:1: syntax error: pattern \"agree\" before the first +CATEGORY line"},
		{"a.yaml", "categories:\n  - name: pos\n    termz: [a]\n", "a.yaml:3: syntax error: unknown key \"termz\""},
		{"a.yaml", "categories:\n  - name: pos\n    terms: [[a]]\n", "a.yaml:3: syntax error: a term must be a plain string, not a mapping or list"},
		{"a.yaml", "name: x\ncategories:\n  - name: pos\n    terms: [a]\ncolour: red\n", "a.yaml:5: syntax error: unknown key \"colour\""},
		{"a.yaml", "lexicons:\n  - dimension: d\n    poles:\n      - {name: a, terms: [x], wieght: 2}\n", "a.yaml:4: syntax error: unknown key \"wieght\""},
		{"a.csv", "word,value\njust-one-column\n", "a.csv:2: syntax error: want two columns: a word and a value or category"},
		{"a.yaml", "lexicons:\n  - dimension: d\n    match: exact\n    poles:\n      - {name: a, terms: [x]}\n", "a.yaml: syntax error: lexicons[0].match: \"exact\" (want glob or fixed)"},
		{"a.yaml", "lexicons:\n  - dimension: d\n    match: fixed\n    poles:\n      - name: a\n        terms: [x, \"y*\"]\n", "a.yaml:6: syntax error: lexicons[0].poles[0].terms[1]: \"y*\": with match: fixed a term cannot hold * or ?, which quotetone reads as globs"},
		{"a.csv", "word,value\ngood,1\nbad,-inf\n", "a.csv:3: syntax error: term \"bad\" weight -Inf is not a finite number"},
		{"a.tsv", "calm\tNaN\n", "a.tsv:1: syntax error: term \"calm\" weight NaN is not a finite number"},
		{"a.yaml", "categories:\n  - name: pos\n    weight: .inf\n    terms: [a]\n", "a.yaml:2: syntax error: category \"pos\" weight +Inf is not a finite number"},
		{"a.yaml", "categories:\n  - name: pos\n    weighted:\n      - {term: a, weight: .nan}\n", "a.yaml:4: syntax error: term \"a\" weight NaN is not a finite number"},
		{"a.json", "{}", "a.json: unknown lexicon format: \".json\" (want one of .yaml .yml .dic .dicx .lc3 .lcd .csv .tsv .txt .cat .ykd, each also gzipped as .gz)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := Parse(tt.name, []byte(tt.data))
			if err == nil || err.Error() != tt.want {
				t.Errorf("Parse(%q, %q) error = %v, want %s", tt.name, tt.data, err, tt.want)
			}
			var pe *ParseError
			if err != nil && !errors.As(err, &pe) {
				t.Errorf("Parse(%q) error %T is not a *ParseError", tt.name, err)
			}
		})
	}
}

// TestRoundTrip checks that every format, written as native YAML, reads back the same.
func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/econ*")
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			l, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			roundTrip(t, l)
		})
	}
}

func roundTrip(t *testing.T, l *Lexicon) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteYAML(&buf, l); err != nil {
		t.Fatalf("WriteYAML: %v", err)
	}
	back, err := ParseFormat(FormatNative, "back.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("reading WriteYAML output back: %v\n%s", err, buf.String())
	}
	if got, want := flat(back), flatten(l, true); got != want {
		t.Fatalf("round trip =\n%s\nwant\n%s\nyaml:\n%s", got, want, buf.String())
	}
	if !reflect.DeepEqual(texts(back.Negators), texts(l.Negators)) || !reflect.DeepEqual(texts(back.Intensifiers), texts(l.Intensifiers)) {
		t.Fatalf("round trip lost negators or intensifiers:\n%s", buf.String())
	}
}

func texts(ts []Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

// TestReferenceFormats reads the example of each format kept beside the project, when present.
func TestReferenceFormats(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "reference", "dict-formats")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) == 0 {
		t.Skip("../shared/reference/dict-formats is absent")
	}
	for _, path := range files {
		if strings.HasSuffix(path, ".md") {
			continue
		}
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			l, err := ReadFile(path)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			n := 0
			for _, c := range l.Categories {
				n += len(c.Terms)
			}
			if n == 0 {
				t.Errorf("ReadFile(%q) found no terms", path)
			}
			roundTrip(t, l)
		})
	}
}

func TestQuantedaNulls(t *testing.T) {
	// An empty list item (- or ~ or null) is no pattern, as quanteda reads it.
	l, err := Parse("q.yml", []byte("hostility:\n  - threat*\n  -\n  - ~\n  - null\nempty:\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := flat(l), "hostility: threat*\n"; got != want {
		t.Errorf("Parse = %q, want %q", got, want)
	}
}
