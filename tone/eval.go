package tone

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// A Rated is one text with a human rating, as in an evaluation file.
type Rated struct {
	ID     string
	Rating float64
	Text   string
}

// ReadRated reads "id<TAB>rating<TAB>text" lines; a first line whose rating is not a number is
// taken as a header. Blank lines and a byte order mark are skipped; ratings must be finite.
// Errors name the line.
func ReadRated(r io.Reader) ([]Rated, error) {
	var out []Rated
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	first := true // no line read yet but blank ones
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		header := first
		first = false
		f := strings.SplitN(s, "\t", 3)
		if len(f) < 3 {
			return nil, fmt.Errorf("line %d: want id<TAB>rating<TAB>text", line)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			if header {
				continue
			}
			return nil, fmt.Errorf("line %d: rating %q is not a number", line, f[1])
		}
		out = append(out, Rated{ID: f[0], Rating: v, Text: f[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

// Metrics compare predicted valences with human ratings.
type Metrics struct {
	N int
	// R is Pearson's correlation between valence and rating.
	R float64
	// MacroF1 is the mean F1 over negative, neutral and positive, where a rating is neutral
	// when |rating/scale| < NeutralBand and a valence when |valence| < NeutralBand.
	MacroF1 float64
	// Accuracy is the share of non-neutral ratings whose sign the valence gets right.
	Accuracy float64
}

// NeutralBand is the half-width of the neutral class on a [-1, 1] scale.
const NeutralBand = 0.05

// Evaluate computes Metrics; ratings run from -scale to scale.
func Evaluate(valence, rating []float64, scale float64) Metrics {
	m := Metrics{N: len(valence)}
	if len(valence) != len(rating) || len(valence) == 0 || scale <= 0 {
		return m
	}
	m.R = Pearson(valence, rating)
	class := func(x float64) int {
		switch {
		case x <= -NeutralBand:
			return 0
		case x >= NeutralBand:
			return 2
		}
		return 1
	}
	var conf [3][3]int
	right, total := 0, 0
	for i := range valence {
		g := class(rating[i] / scale)
		conf[g][class(valence[i])]++
		if g != 1 {
			total++
			if g == 2 && valence[i] > 0 || g == 0 && valence[i] < 0 {
				right++
			}
		}
	}
	for c := 0; c < 3; c++ {
		tp := conf[c][c]
		fp, fn := 0, 0
		for o := 0; o < 3; o++ {
			if o != c {
				fp += conf[o][c]
				fn += conf[c][o]
			}
		}
		if tp > 0 {
			p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
			m.MacroF1 += 2 * p * r / (p + r) / 3
		}
	}
	if total > 0 {
		m.Accuracy = float64(right) / float64(total)
	}
	return m
}

// Pearson is the correlation coefficient of x and y (0 when either is constant).
func Pearson(x, y []float64) float64 {
	n := float64(len(x))
	if n == 0 {
		return 0
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}
