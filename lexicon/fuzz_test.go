package lexicon

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// fuzzFormat parses arbitrary input in one format; whatever parses must survive a native YAML
// round trip unchanged.
func fuzzFormat(f *testing.F, format Format, seeds ...string) {
	files, _ := filepath.Glob("testdata/econ*")
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil {
			if got, _ := DetectFormat(path, data); got == format {
				f.Add(data)
			}
		}
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseFormat(format, "fuzz", data)
		if err != nil {
			return
		}
		Check(l)
		var buf bytes.Buffer
		if err := WriteYAML(&buf, l); err != nil {
			t.Fatalf("WriteYAML: %v", err)
		}
		back, err := ParseFormat(FormatNative, "back.yaml", buf.Bytes())
		if err != nil {
			t.Fatalf("reading WriteYAML output back: %v\n%s", err, buf.String())
		}
		if got, want := flat(back), flatten(l, true); got != want {
			t.Fatalf("round trip =\n%q\nwant\n%q", got, want)
		}
	})
}

func FuzzParseLIWC(f *testing.F) {
	fuzzFormat(f, FormatLIWC, "%\n1\ta\n\t2\tb\n%\nx y\t1 2\nz 1\n(02 134)like\t1\n")
}

func FuzzParseDicx(f *testing.F) { fuzzFormat(f, FormatLIWC22, "Entry,a\n\"x,y\",1\n") }

func FuzzParseLexicoder(f *testing.F) { fuzzFormat(f, FormatLexicoder, "+A\nx\n+B\n\r\ny z*\n") }

func FuzzParseQuanteda(f *testing.F) { fuzzFormat(f, FormatQuanteda, "a:\n  b: [x, y]\n  c: z\n") }

func FuzzParseNative(f *testing.F) {
	fuzzFormat(f, FormatNative, "categories:\n  - name: a\n    terms: [\"n't\", 'no']\n")
}

func FuzzParseCSV(f *testing.F) { fuzzFormat(f, FormatCSV, "word,value\nx,1\ny,-2\n", "a\t1\nb\t-1\n") }

func FuzzParseWordStat(f *testing.F) { fuzzFormat(f, FormatWordStat, "A\n\tB\n\t\tX (1)\n") }

func FuzzParseYoshikoder(f *testing.F) {
	fuzzFormat(f, FormatYoshikoder, `<dictionary><cnode name="a"><pnode name="x"/></cnode></dictionary>`)
}

func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{"hostil*", "*operat*", "colo?r", "not agree*", "a*b?c*"} {
		f.Add(s, "cooperation")
	}
	f.Fuzz(func(t *testing.T, pattern, token string) {
		p, err := ParsePattern(pattern)
		if err != nil {
			return
		}
		for _, w := range p {
			w.Match(token)
		}
		if q, err := ParsePattern(p.String()); err != nil || q.String() != p.String() {
			t.Fatalf("ParsePattern(%q).String() = %q does not parse back the same: %v", pattern, p.String(), err)
		}
	})
}

func FuzzParseList(f *testing.F) {
	fuzzFormat(f, FormatList, "lexicons:\n  - dimension: d\n    case_sensitive: true\n    poles:\n      - {name: a, weight: 1, terms: [x, \"y z*\"]}\n    negation: {cues: [not]}\n")
}
