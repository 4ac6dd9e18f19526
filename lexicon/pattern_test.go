package lexicon

import (
	"strings"
	"testing"
)

func TestParsePattern(t *testing.T) {
	tests := []struct {
		in   string
		want Pattern
		err  string
	}{
		{"threat", Pattern{{"threat", Exact}}, ""},
		{"hostil*", Pattern{{"hostil", Prefix}}, ""},
		{"  common   ground ", Pattern{{"common", Exact}, {"ground", Exact}}, ""},
		{"not agree*", Pattern{{"not", Exact}, {"agree", Prefix}}, ""},
		{"*operat*", Pattern{{"*operat*", Glob}}, ""},
		{"colo?r", Pattern{{"colo?r", Glob}}, ""},
		{"", nil, "empty term"},
		{"*", nil, "matches every word"},
		{"a **", nil, "matches every word"},
	}
	for _, tt := range tests {
		got, err := ParsePattern(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParsePattern(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || len(got) != len(tt.want) {
			t.Errorf("ParsePattern(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("ParsePattern(%q) = %v, want %v", tt.in, got, tt.want)
			}
		}
		if s := got.String(); s != strings.Join(strings.Fields(tt.in), " ") {
			t.Errorf("ParsePattern(%q).String() = %q", tt.in, s)
		}
	}
}

func TestWordMatch(t *testing.T) {
	tests := []struct {
		pattern, token string
		want           bool
	}{
		{"hostil*", "hostility", true},
		{"hostil*", "hostil", true},
		{"hostil*", "hostage", false},
		{"threat", "threats", false},
		{"*operat*", "cooperation", true},
		{"*operat*", "operate", true},
		{"*operat*", "opera", false},
		{"colo?r", "colour", true},
		{"colo?r", "color", false},
		{"?é", "ßé", true},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
		// '*' gives back whole characters, never part of one: "日" is one character.
		{"x*??", "x日", false},
		{"x*??y", "x日y", false},
		{"x*??", "x日本", true},
		{"x*???", "x日本", false},
	}
	for _, tt := range tests {
		p, err := ParsePattern(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := p[0].Match(tt.token); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.token, got, tt.want)
		}
	}
}
