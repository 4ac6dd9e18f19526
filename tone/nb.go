package tone

import (
	"encoding/json"
	"fmt"
	"math"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cdipaolo/sentiment"
)

// NB is github.com/cdipaolo/sentiment's English Naive Bayes model (trained on 25,000 IMDB
// reviews), compiled for fast scoring: each word keeps only its log-likelihood ratio
// log((positive count+1)/(negative count+1)), which is all the model's prediction depends on.
// It scores exactly as the model does, tokenizing the same way (letters and spaces kept,
// lower-cased, split on spaces), but sums logarithms instead of multiplying probabilities, so
// long texts do not underflow.
type NB struct {
	llr   map[string]float32
	prior float64 // log P(positive) - log P(negative)
}

var (
	defaultNB     *NB
	defaultNBErr  error
	defaultNBOnce sync.Once
)

// DefaultNB loads the model once per process (about 0.3 s) and returns it.
func DefaultNB() (*NB, error) {
	defaultNBOnce.Do(func() {
		data, err := sentiment.Asset("model.json")
		if err != nil {
			defaultNBErr = fmt.Errorf("load sentiment model: %w", err)
			return
		}
		defaultNB, defaultNBErr = parseNB(data)
	})
	return defaultNB, defaultNBErr
}

func parseNB(data []byte) (*NB, error) {
	var models map[string]struct {
		Words map[string]struct {
			Count []uint64
		} `json:"words"`
		Probabilities []float64 `json:"probabilities"`
	}
	if err := json.Unmarshal(data, &models); err != nil {
		return nil, fmt.Errorf("load sentiment model: %w", err)
	}
	en, ok := models[string(sentiment.English)]
	if !ok || len(en.Probabilities) != 2 {
		return nil, fmt.Errorf("load sentiment model: no two-class English model")
	}
	nb := &NB{llr: make(map[string]float32, len(en.Words)), prior: math.Log(en.Probabilities[1]) - math.Log(en.Probabilities[0])}
	for w, c := range en.Words {
		if len(c.Count) != 2 {
			continue
		}
		nb.llr[w] = float32(math.Log(float64(c.Count[1]+1)) - math.Log(float64(c.Count[0]+1)))
	}
	return nb, nil
}

// LogOdds returns log P(positive|text) - log P(negative|text) and the number of known words.
// buf is scratch space; the returned slice may be reused.
func (nb *NB) logOdds(text string, buf []byte) (float64, int, []byte) {
	sum := nb.prior
	known := 0
	buf = buf[:0]
	flush := func() {
		if len(buf) > 0 {
			if v, ok := nb.llr[string(buf)]; ok {
				sum += float64(v)
				known++
			}
			buf = buf[:0]
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ':
				flush()
			case 'a' <= c && c <= 'z':
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.IsLetter(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	flush()
	return sum, known, buf
}

// Positive returns the model's probability that text is positive.
func (nb *NB) Positive(text string) float64 {
	lo, _, _ := nb.logOdds(text, make([]byte, 0, 32))
	return sigmoid(lo)
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
