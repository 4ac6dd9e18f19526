package tone

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
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
	words []nbWord
	// llr holds the distinct pairs of the model's log-likelihood ratio [0] and a smoothed one
	// [1], which adds NBSmoothing to both counts so that rare words weigh less in the valence.
	// Words with the same counts share a pair.
	llr   [][2]float64
	prior float64 // log P(positive) - log P(negative)
	// table indexes words for logOdds, built on first use: a Scorer uses its own table, of
	// the model's words and its vocabulary.
	table     dict
	tableOnce sync.Once
}

// An nbWord is a word of the model and the index + 1 of its ratios in NB.llr.
type nbWord struct {
	key string
	llr uint32
}

// NBSmoothing is the pseudo-count of the smoothed log-likelihood ratios the valence uses.
const NBSmoothing = 20

var (
	defaultNB     *NB
	defaultNBErr  error
	defaultNBOnce sync.Once
)

// DefaultNB loads the model once per process (about 0.3 s) and returns it.
func DefaultNB() (*NB, error) {
	defaultNBOnce.Do(func() {
		defaultNB, defaultNBErr = parseNBCounts(nbCounts)
	})
	return defaultNB, defaultNBErr
}

// nbModels is the layout of cdipaolo/sentiment's model.json: per language, each word's counts
// in negative and positive reviews, and the class priors.
type nbModels map[string]struct {
	Words map[string]struct {
		Count []uint64
	} `json:"words"`
	Probabilities []float64 `json:"probabilities"`
}

func parseNB(data []byte) (*NB, error) {
	var models nbModels
	if err := json.Unmarshal(data, &models); err != nil {
		return nil, fmt.Errorf("load sentiment model: %w", err)
	}
	en, ok := models[string(sentiment.English)]
	if !ok || len(en.Probabilities) != 2 {
		return nil, fmt.Errorf("load sentiment model: no two-class English model")
	}
	nb := &NB{words: make([]nbWord, 0, len(en.Words)), prior: math.Log(en.Probabilities[1]) - math.Log(en.Probabilities[0])}
	var pairs nbPairs
	for w, c := range en.Words {
		if len(c.Count) != 2 {
			continue
		}
		nb.set(w, c.Count[0], c.Count[1], &pairs)
	}
	return nb, nil
}

// nbPairs maps the counts seen so far to the index + 1 of their ratios in NB.llr: most
// counts are small, and are looked up in an array.
type nbPairs struct {
	small [64 * 64]uint32
	large map[[2]uint64]uint32
}

// set records word w with its negative and positive counts c0 and c1.
func (nb *NB) set(w string, c0, c1 uint64, pairs *nbPairs) {
	nb.words = append(nb.words, nbWord{key: w, llr: pairs.index(nb, c0, c1)})
}

// index returns the index + 1 of the ratios of counts c0 and c1 in nb.llr, adding them when
// they are new: words with the same counts share their ratios, computed once.
func (p *nbPairs) index(nb *NB, c0, c1 uint64) uint32 {
	if c0 < 64 && c1 < 64 {
		i := &p.small[c0*64+c1]
		if *i == 0 {
			*i = nb.addRatios(c0, c1)
		}
		return *i
	}
	k := [2]uint64{c0, c1}
	i, ok := p.large[k]
	if !ok {
		if p.large == nil {
			p.large = map[[2]uint64]uint32{}
		}
		i = nb.addRatios(c0, c1)
		p.large[k] = i
	}
	return i
}

func (nb *NB) addRatios(c0, c1 uint64) uint32 {
	f0, f1 := float64(c0), float64(c1)
	nb.llr = append(nb.llr, [2]float64{
		math.Log(f1+1) - math.Log(f0+1),
		math.Log(f1+NBSmoothing) - math.Log(f0+NBSmoothing),
	})
	return uint32(len(nb.llr))
}

// nbSums are the model's log-odds, the smoothed sum and the number of known words of a text.
type nbSums struct {
	logOdds, smooth float64
	known           int
}

// logOdds scores text; buf is scratch space, returned for reuse.
func (nb *NB) logOdds(text string, buf []byte) (nbSums, []byte) {
	nb.tableOnce.Do(func() { nb.table = buildDict(nb, nil) })
	return nb.logOddsIn(&nb.table, text, buf)
}

// logOddsIn is logOdds with the ratios of d, a superset of the model's words.
func (nb *NB) logOddsIn(d *dict, text string, buf []byte) (nbSums, []byte) {
	x := nb.start()
	for len(text) > 0 {
		chunk := text
		if i := strings.IndexByte(text, ' '); i >= 0 {
			chunk, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		var capital, punct bool
		buf, capital, punct = nbChunk(buf[:0], chunk)
		e := int32(-1)
		if len(buf) > 0 {
			e = d.find(buf)
		}
		x.chunk(d, len(buf) > 0, e, capital, punct)
	}
	return x.nbSums, buf
}

// nbText is the state of scoring a text chunk by chunk: the model splits texts on spaces
// (only ' ') into chunks, and keeps the letters of each, lower-cased, as its word.
type nbText struct {
	nbSums
	sentStart bool
}

func (nb *NB) start() nbText { return nbText{nbSums: nbSums{logOdds: nb.prior}, sentStart: true} }

// chunk adds the next chunk. word says whether it has a word (letters); e is the word's slot
// in d (or -1); capital says whether its first letter is upper case and punct whether it
// holds '.', '!' or '?', which start a sentence.
//
// A word that starts with a capital letter inside a sentence is most likely a name, whose
// ratio says more about the films it appeared in than about sentiment: it is left out of the
// smoothed sum (the model's own log-odds keep it).
func (x *nbText) chunk(d *dict, word bool, e int32, capital, punct bool) {
	if punct {
		x.sentStart = true
	}
	if !word {
		return
	}
	if e >= 0 && d.slots[e].llr != 0 {
		v := &d.llr[d.slots[e].llr-1]
		x.logOdds += v[0]
		if !capital || x.sentStart {
			x.smooth += v[1]
			x.known++
		}
	}
	x.sentStart = false
}

// nbChunk appends the model's word of chunk (its letters, lower-cased) to buf, and reports
// whether its first letter is upper case and whether it holds '.', '!' or '?'.
func nbChunk(buf []byte, chunk string) (_ []byte, capital, punct bool) {
	letter := false
	for i := 0; i < len(chunk); {
		c := chunk[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z':
				letter = true
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				if !letter {
					capital, letter = true, true
				}
				buf = append(buf, c+'a'-'A')
			case c == '.' || c == '!' || c == '?':
				punct = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(chunk[i:])
		i += n
		if unicode.IsLetter(r) {
			if !letter {
				capital, letter = unicode.IsUpper(r), true
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf, capital, punct
}

// Positive returns the model's probability that text is positive.
func (nb *NB) Positive(text string) float64 {
	r, _ := nb.logOdds(text, make([]byte, 0, 32))
	return sigmoid(r.logOdds)
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
