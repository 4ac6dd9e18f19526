package tone

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A Check is one expectation on one score: "cooperation >= 0", "valence < -0.2",
// "cooperation in [0.1, 1]", "valence positive" (> NeutralBand), "negative" or "neutral".
type Check struct {
	Score    string // "valence" or a dimension name
	Min, Max float64
	// MinOpen and MaxOpen exclude the bounds.
	MinOpen, MaxOpen bool
	Source           string // as written
}

// ParseCheck parses a check as written in an expectation.
func ParseCheck(s string) (Check, error) {
	c := Check{Min: math.Inf(-1), Max: math.Inf(1), Source: strings.TrimSpace(s)}
	f := strings.Fields(s)
	if len(f) < 2 {
		return c, fmt.Errorf("check %q: want \"SCORE OP VALUE\", \"SCORE in [A, B]\" or \"SCORE positive|negative|neutral\"", s)
	}
	c.Score = f[0]
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), f[0]))
	num := func(x string) (float64, error) {
		v, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil || math.IsNaN(v) {
			return 0, fmt.Errorf("check %q: %q is not a number", s, strings.TrimSpace(x))
		}
		return v, nil
	}
	switch {
	case rest == "positive":
		c.Min, c.MinOpen = NeutralBand, false
	case rest == "negative":
		c.Max, c.MaxOpen = -NeutralBand, false
	case rest == "neutral":
		c.Min, c.Max, c.MinOpen, c.MaxOpen = -NeutralBand, NeutralBand, true, true
	case strings.HasPrefix(rest, "in "):
		r := strings.TrimSpace(rest[3:])
		if len(r) < 2 || r[0] != '[' && r[0] != '(' || r[len(r)-1] != ']' && r[len(r)-1] != ')' {
			return c, fmt.Errorf("check %q: want a range like [0, 1]", s)
		}
		lo, hi, ok := strings.Cut(r[1:len(r)-1], ",")
		if !ok {
			return c, fmt.Errorf("check %q: want a range like [0, 1]", s)
		}
		var err error
		if c.Min, err = num(lo); err != nil {
			return c, err
		}
		if c.Max, err = num(hi); err != nil {
			return c, err
		}
		c.MinOpen, c.MaxOpen = r[0] == '(', r[len(r)-1] == ')'
	default:
		var op string
		for _, o := range []string{">=", "<=", "==", ">", "<", "="} {
			if strings.HasPrefix(rest, o) {
				op = o
				break
			}
		}
		if op == "" {
			return c, fmt.Errorf("check %q: unknown comparison (want >, >=, <, <=, =, in, positive, negative or neutral)", s)
		}
		v, err := num(rest[len(op):])
		if err != nil {
			return c, err
		}
		switch op {
		case ">=":
			c.Min = v
		case ">":
			c.Min, c.MinOpen = v, true
		case "<=":
			c.Max = v
		case "<":
			c.Max, c.MaxOpen = v, true
		default:
			c.Min, c.Max = v, v
		}
	}
	if c.Min > c.Max || c.Min == c.Max && (c.MinOpen || c.MaxOpen) {
		return c, fmt.Errorf("check %q: empty range", s) // no score can pass it
	}
	return c, nil
}

// Holds reports whether v satisfies the check.
func (c Check) Holds(v float64) bool {
	if v < c.Min || c.MinOpen && v == c.Min {
		return false
	}
	if v > c.Max || c.MaxOpen && v == c.Max {
		return false
	}
	return true
}

// An Expectation is a regression case: a text and the checks its scores must pass.
type Expectation struct {
	Text   string
	Checks []Check
}

// A Miss is a check that failed.
type Miss struct {
	Text  string
	Check Check
	Got   float64
}

func (m Miss) String() string {
	return fmt.Sprintf("%q: want %s, got %s = %+.3f", m.Text, m.Check.Source, m.Check.Score, m.Got)
}

// Value returns the named score ("valence", "nb_positive" or a dimension).
func (s *Scorer) Value(sc Score, name string) (float64, bool) {
	switch name {
	case "valence":
		return sc.Valence, true
	case "nb_positive":
		return sc.NBPositive, true
	}
	for i, n := range s.names {
		if n == name {
			return sc.Dims[i].Score, true
		}
	}
	return 0, false
}

// Test scores each expectation's text and returns the checks that fail. A check that names an
// unknown score is an error.
func (s *Scorer) Test(es []Expectation) ([]Miss, error) {
	var misses []Miss
	for _, e := range es {
		sc := s.Score(e.Text)
		for _, c := range e.Checks {
			v, ok := s.Value(sc, c.Score)
			if !ok {
				return nil, fmt.Errorf("check %q: no score called %q (have valence, nb_positive, %s)", c.Source, c.Score, strings.Join(s.names, ", "))
			}
			if !c.Holds(v) {
				misses = append(misses, Miss{Text: e.Text, Check: c, Got: v})
			}
		}
	}
	return misses, nil
}
