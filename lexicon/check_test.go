package lexicon

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	src := `name: demo
categories:
  - name: constructive
    terms: [agree*, agree*, a*, calm]
  - name: hostility
    terms: [calm, threat*]
  - name: empty
`
	l, err := Parse("demo.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Check(l) {
		got = append(got, p.String())
	}
	want := []string{
		`demo.yaml:4: constructive: "agree*": duplicate (first at line 4)`,
		`demo.yaml:4: constructive: "a*": glob with 1 literal characters matches too many unrelated words`,
		`demo.yaml:6: hostility: "calm": also in category constructive (line 4)`,
		`demo.yaml:7: empty: no terms`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCheckNestedIsFine(t *testing.T) {
	l, err := ReadFile("testdata/econ_nested.dic")
	if err != nil {
		t.Fatal(err)
	}
	if ps := Check(l); len(ps) != 0 {
		t.Errorf("Check(nested LIWC) = %v, want nothing", ps)
	}
}

func TestCheckNegationSettings(t *testing.T) {
	src := "lexicons:\n  - dimension: c\n    poles:\n      - {name: a, terms: [agree]}\n    negation: {cues: [not], window: 3, mode: flip}\n"
	l, err := Parse("list.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range Check(l) {
		got = append(got, p.String())
	}
	want := "list.yaml: negation: window and mode are not applied per lexicon: tone.negation.window and tone.negation.mode in the config set them for every dimension"
	if strings.Join(got, "\n") != want {
		t.Errorf("Check() = %q, want %q", got, want)
	}
}
