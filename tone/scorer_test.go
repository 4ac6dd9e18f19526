package tone

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/cdipaolo/sentiment"

	"github.com/quotetone/quotetone/lexicon"
)

func terms(ss ...string) []lexicon.Term {
	var ts []lexicon.Term
	for _, s := range ss {
		ts = append(ts, lexicon.Term{Text: s})
	}
	return ts
}

// testDims is a small lexicon written for these tests.
func testDims() []Dimension {
	return []Dimension{
		{
			Name:     "cooperation",
			Positive: Pole{Name: "constructive", Terms: terms("agree*", "common ground", "constructive", "understand each other", "cooperat*", "compromis*", "dialogue")},
			Negative: Pole{Name: "hostility", Terms: terms("hostil*", "threat*", "humiliat*", "reject*", "red line", "ground")},
		},
		{
			Name:     "geo",
			Positive: Pole{Name: "country", Terms: []lexicon.Term{{Text: "US", CaseSensitive: true}, {Text: "U.S.", CaseSensitive: true}}},
			Negative: Pole{Name: "other", Terms: terms("nowhere-land")},
		},
	}
}

var (
	testScorerOnce sync.Once
	testScorer     *Scorer
)

func newTestScorer(t testing.TB) *Scorer {
	t.Helper()
	testScorerOnce.Do(func() {
		s, err := New(Options{Dimensions: testDims()})
		if err != nil {
			t.Fatal(err)
		}
		testScorer = s
	})
	return testScorer
}

func TestDimensions(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text     string
		dim      int
		min, max float64
		hits     int
	}{
		{"There has been no hostility.", 0, 0, 1, 1},
		{"There has been no hostility", 0, 0.01, 1, 1},
		{"Both sides expressed their intention to understand each other and seek common ground. The talks were quite constructive.", 0, 0.5, 1, 3},
		{"They threatened retaliation and rejected the offer.", 0, -1, -0.5, 2},
		{"We do not agree.", 0, -1, -0.01, 1},
		{"This is a red line.", 0, -1, -0.01, 1},
		{"The ground was wet.", 0, -1, -0.01, 1},     // "ground" alone is in the test hostility list
		{"They found common ground.", 0, 0.01, 1, 1}, // the longer phrase wins over "ground"
		{"The talks were hostile, but they reached a compromise.", 0, 0.01, 1, 2},
		{"They not only agreed but also cooperated.", 0, 0.5, 1, 2},
		{"They showed nothing but hostility.", 0, -1, -0.01, 1},  // "nothing but" is "only", not a negation
		{"We can't wait to cooperate with them.", 0, 0.01, 1, 1}, // eagerness, not a negation
		{"The US delegation arrived.", 1, 0.01, 1, 1},
		{"Give us the papers.", 1, 0, 0, 0}, // case-sensitive "US" does not match "us"
		{"The U.S. delegation arrived.", 1, 0.01, 1, 1},
		{"", 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := s.Score(tt.text).Dims[tt.dim]
			if got.Score < tt.min || got.Score > tt.max || got.Hits != tt.hits {
				t.Errorf("Score(%q).Dims[%d] = %+v, want score in [%v, %v] and %d hits\n%s", tt.text, tt.dim, got, tt.min, tt.max, tt.hits, s.Explain(tt.text))
			}
		})
	}
}

func TestNegationModes(t *testing.T) {
	tests := []struct {
		mode NegationMode
		want float64 // sign of cooperation for "no hostility"
	}{
		{Flip, 1}, {Damp, -1}, {Drop, 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.mode), func(t *testing.T) {
			r := DefaultRules()
			r.NegationMode = tt.mode
			r.NegationScalar = 0.5
			s, err := New(Options{Dimensions: testDims(), Rules: &r, NB: mustNB(t)})
			if err != nil {
				t.Fatal(err)
			}
			got := s.Score("There was no hostility.").Dims[0].Score
			if sign0(got) != tt.want {
				t.Errorf("Score(no hostility) with %s = %v, want sign %v", tt.mode, got, tt.want)
			}
		})
	}
}

func sign0(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func mustNB(t testing.TB) *NB {
	nb, err := DefaultNB()
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

func TestValence(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text     string
		min, max float64
	}{
		{"This is a wonderful, excellent result.", 0.3, 1},
		{"This is a terrible, disgraceful failure.", -1, -0.3},
		{"The result was not good.", -1, -0.01},
		{"The plan is good but the execution is awful.", -1, -0.01},
		{"The plan is awful but the execution is excellent.", 0.01, 1},
		{"It was VERY good!!!", 0.3, 1},
		{"I don’t like it.", -1, 0}, // curly apostrophe
		{"I don＇t like it.", -1, 0}, // full-width apostrophe
		{"", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := s.Score(tt.text)
			if got.Valence < tt.min || got.Valence > tt.max || got.Valence < -1 || got.Valence > 1 {
				t.Errorf("Score(%q).Valence = %v, want in [%v, %v]\n%s", tt.text, got.Valence, tt.min, tt.max, s.Explain(tt.text))
			}
			if got.NBPositive < 0 || got.NBPositive > 1 {
				t.Errorf("Score(%q).NBPositive = %v, want in [0, 1]", tt.text, got.NBPositive)
			}
		})
	}
}

func TestIntensity(t *testing.T) {
	s := newTestScorer(t)
	plain := s.Explain("The outcome was good.").RuleSum
	very := s.Explain("The outcome was very good.").RuleSum
	slightly := s.Explain("The outcome was slightly good.").RuleSum
	if !(very > plain && plain > slightly && slightly > 0) {
		t.Errorf("rule sums very/plain/slightly good = %v, %v, %v, want decreasing and positive", very, plain, slightly)
	}
}

// TestNBMatchesModel checks that NBPositive is the library model's own probability.
func TestNBMatchesModel(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the library model (67 MB)")
	}
	models, err := sentiment.Restore()
	if err != nil {
		t.Fatal(err)
	}
	s := newTestScorer(t)
	for _, text := range []string{
		"I loved this, a wonderful film",
		"boring and far too long",
		"The committee met on Tuesday",
		"Ça n'a pas marché, hélas",
	} {
		class, p := models[sentiment.English].Probability(text)
		if class == 0 {
			p = 1 - p
		}
		if got := s.Score(text).NBPositive; math.Abs(got-p) > 1e-9 {
			t.Errorf("Score(%q).NBPositive = %v, want the model's %v", text, got, p)
		}
	}
}

// nbTexts are texts whose fields are, and are not, the model's chunks.
var nbTexts = []string{
	"", " ", "Good", "The film was GOOD. Mr Smith liked it!", "  \"Wonderful,\" she said.  Awful? no",
	"don't can’t U.S. e.g. well-known 3rd x2 ...dots... !? ?!", "Ça n'a pas marché, hélas. Éclair",
	"a--b -- c", "tab\tseparated", "new\nline", "no\u00a0break", "dash—joined…words", ":-) (: <3 :D",
	"\xff\xfe bad bytes. Good", "“Quoted,” he said; ‘single’ and «guillemets» and ＂full-width＂ don＇t matter?",
	"Hope Street. Justice Department ended. the END", "x!y Good.bad Bad!good",
}

// TestTokenizeNB checks that the model's sums summed while tokenizing are those of a pass of
// their own, to the bit.
func TestTokenizeNB(t *testing.T) {
	s := newTestScorer(t)
	for _, text := range nbTexts {
		checkTokenizeNB(t, s, text)
	}
}

func checkTokenizeNB(t *testing.T, s *Scorer, src string) {
	t.Helper()
	var x text
	x.tokenize(src, s.m, s.nb)
	want, _ := s.nb.logOddsIn(&s.m.words, src, nil)
	if own, _ := s.nb.logOdds(src, nil); own != want {
		t.Errorf("logOdds(%q) = %+v, logOddsIn = %+v", src, own, want)
	}
	if x.nbDone && x.nb != want {
		t.Errorf("tokenize(%q) sums %+v, want %+v", src, x.nb, want)
	}
	wantDone := !strings.ContainsAny(src, "\t\n\r\f\v\u00a0—…") && !strings.Contains(src, "--")
	if x.nbDone != wantDone {
		t.Errorf("tokenize(%q) nbDone = %v, want %v", src, x.nbDone, wantDone)
	}
}

func TestExplain(t *testing.T) {
	s := newTestScorer(t)
	ex := s.Explain("There has been no hostility.")
	var found bool
	for _, h := range ex.Hits {
		if h.Dimension == "cooperation" {
			found = true
			if h.Pole != "hostility" || h.Term != "hostil*" || h.Matched != "hostility" || h.Weight <= 0 {
				t.Errorf("Explain hit = %+v, want hostility hit flipped positive", h)
			}
			if len(h.Notes) == 0 || !strings.Contains(h.Notes[0], `negated by "no"`) {
				t.Errorf("Explain notes = %q, want the negation by \"no\"", h.Notes)
			}
		}
	}
	if !found {
		t.Fatalf("Explain found no cooperation hit:\n%s", ex)
	}
	out := ex.String()
	for _, want := range []string{"hostility", `negated by "no"`, "cooperation", "valence"} {
		if !strings.Contains(out, want) {
			t.Errorf("Explain().String() lacks %q:\n%s", want, out)
		}
	}
}

func TestConcurrentScore(t *testing.T) {
	s := newTestScorer(t)
	texts := []string{"There has been no hostility.", "A wonderful compromise, but threats remain.", "We reject this!"}
	want := make([]Score, len(texts))
	for i, tx := range texts {
		want[i] = s.Score(tx)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				i := k % len(texts)
				if got := s.Score(texts[i]); got.Valence != want[i].Valence || got.Dims[0] != want[i].Dims[0] {
					t.Errorf("Score(%q) = %+v concurrently, want %+v", texts[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"unnamed", Options{Dimensions: []Dimension{{}}}, "has no name"},
		{"twice", Options{Dimensions: []Dimension{{Name: "a"}, {Name: "a"}}}, `dimension "a" twice`},
		{"bad term", Options{Dimensions: []Dimension{{Name: "a", Positive: Pole{Terms: terms("*")}}}}, "matches every word"},
		{"bad mode", Options{Rules: &Rules{NegationMode: "maybe", Alpha: 1}}, `negation mode "maybe"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.NB = mustNB(t)
			_, err := New(tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%s) error = %v, want %q", tt.name, err, tt.want)
			}
		})
	}
}

func TestChecks(t *testing.T) {
	tests := []struct {
		check string
		v     float64
		want  bool
	}{
		{"cooperation >= 0", 0, true},
		{"cooperation > 0", 0, false},
		{"valence < -0.2", -0.5, true},
		{"valence <= -0.2", -0.1, false},
		{"x in [0.1, 0.5]", 0.5, true},
		{"x in [0.1, 0.5)", 0.5, false},
		{"x positive", 0.2, true},
		{"x negative", 0.2, false},
		{"x neutral", 0.01, true},
		{"x = 0", 0, true},
	}
	for _, tt := range tests {
		c, err := ParseCheck(tt.check)
		if err != nil {
			t.Errorf("ParseCheck(%q): %v", tt.check, err)
			continue
		}
		if got := c.Holds(tt.v); got != tt.want {
			t.Errorf("ParseCheck(%q).Holds(%v) = %v, want %v", tt.check, tt.v, got, tt.want)
		}
	}
	for _, bad := range []string{"x", "x ~ 3", "x >= y", "x in [2, 1]", "x in 1, 2", "x in (0.5, 0.5]", "x in [0.5, 0.5)", "x > inf"} {
		if _, err := ParseCheck(bad); err == nil {
			t.Errorf("ParseCheck(%q) = nil error, want one", bad)
		}
	}
}

func TestExpectations(t *testing.T) {
	s := newTestScorer(t)
	mk := func(text string, checks ...string) Expectation {
		e := Expectation{Text: text}
		for _, c := range checks {
			cc, err := ParseCheck(c)
			if err != nil {
				t.Fatal(err)
			}
			e.Checks = append(e.Checks, cc)
		}
		return e
	}
	misses, err := s.Test([]Expectation{
		mk("There has been no hostility.", "cooperation >= 0"),
		mk("They threatened us.", "cooperation > 0", "valence < 0"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(misses) != 1 || misses[0].Check.Source != "cooperation > 0" {
		t.Errorf("Test() misses = %v, want only \"cooperation > 0\"", misses)
	}
	if _, err := s.Test([]Expectation{mk("x", "nosuch > 0")}); err == nil {
		t.Error("Test(unknown score) = nil error, want one")
	}
}

func TestScoreNBDomain(t *testing.T) {
	plain := DefaultValence()
	plain.NBDomainWeight = 0
	s0, err := New(Options{Valence: &plain})
	if err != nil {
		t.Fatal(err)
	}
	s := newTestScorer(t)
	tests := []struct {
		text     string
		inDomain bool
	}{
		{"The film drags on and on, a tedious waste of two hours.", true},
		{"The ACTORS were wooden.", true},
		{"The firm drags on and on, a tedious waste of two hours.", false},
		{"", false},
	}
	for _, tt := range tests {
		got, base := s.Score(tt.text).Valence, s0.Score(tt.text).Valence
		if tt.inDomain && got >= base {
			t.Errorf("Score(%q) = %v, want below %v: the model counts more in its own domain", tt.text, got, base)
		}
		if !tt.inDomain && got != base {
			t.Errorf("Score(%q) = %v, want %v outside the model's domain", tt.text, got, base)
		}
	}
}

func TestScoreValenceAsymmetry(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text, word string
		want       float64 // sign of the word's adjusted valence weight
	}{
		{"Is this a good plan?", "good", 0},                // doubted by a question
		{"Is this a bad plan?", "bad", -1},                 // questions keep negative words
		{"The plan is not bad.", "bad", 0},                 // a denied bad thing is not praise
		{"The plan is not fair.", "fair", -1},              // a denied good thing is bad
		{"The plan is good.", "good", 1},                   //
		{"It has not been a total failure.", "failure", 0}, // four words away
	}
	for _, tt := range tests {
		found := false
		for _, h := range s.Explain(tt.text).Hits {
			if h.Dimension != "valence" || h.Matched != tt.word {
				continue
			}
			found = true
			if got := h.Weight; got != 0 && tt.want == 0 || got*tt.want < 0 || tt.want != 0 && got == 0 {
				t.Errorf("Score(%q): %q weighs %v, want sign %v", tt.text, tt.word, got, tt.want)
			}
		}
		if !found {
			t.Errorf("Score(%q): no valence hit on %q", tt.text, tt.word)
		}
	}
}

// valenceHitsOf returns the words of text that the valence rates by term, such as "(excess)".
func valenceHitsOf(s *Scorer, text, term string) []string {
	var got []string
	for _, h := range s.Explain(text).Hits {
		if h.Dimension == "valence" && h.Term == term {
			got = append(got, h.Matched)
		}
	}
	return got
}

func TestScoreExcess(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text string
		want []string // the words rated by the excess rule, in order
	}{
		{"The portions were too small.", []string{"small"}},
		{"It came too late, and overly formal.", []string{"late", "formal"}},
		{"The hall was far too crowded.", []string{"crowded"}},
		{"I was there too.", nil},            // "also": nothing follows
		{"Me too, said the aide.", nil},      // the clause ends at "too"
		{"She came too and stayed.", nil},    // a function word
		{"The offer was too generous.", nil}, // rated: the excess turns it instead
		{"It was not too bad at all.", nil},  // rated
	}
	for _, tt := range tests {
		got := valenceHitsOf(s, tt.text, "(excess)")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Score(%q): excess hits on %q, want %q", tt.text, got, tt.want)
		}
	}
	if v := s.Score("The portions were too small.").Valence; v >= 0 {
		t.Errorf("Score(%q).Valence = %v, want < 0", "The portions were too small.", v)
	}
}

func TestScoreNegationHits(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text string
		want []string // the negators rated by the negation rule, in order
	}{
		{"The council has not paid the builders.", []string{"not"}},
		{"We didn't go, and nobody called.", []string{"didn't", "nobody"}},
		{"The results were not good.", nil},                   // it negates a rated word instead
		{"There was no answer.", nil},                         // "no" is rated itself
		{"We can't wait to start the work.", nil},             // eagerness
		{"Without doubt the vote will pass.", nil},            // certainty
		{"The speech drew nothing but applause.", nil},        // only
		{"He said nothing, but smiled.", []string{"nothing"}}, // the comma ends "nothing but"
		{"Never so many people came to the hall.", nil},       // emphasis
		{"They said little about the schedule.", nil},         // no negator
	}
	for _, tt := range tests {
		got := valenceHitsOf(s, tt.text, "(negation)")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Explain(%q): negation hits on %q, want %q", tt.text, got, tt.want)
		}
	}
	v := DefaultValence()
	v.Rules.NegationWeight = 0
	off, err := New(Options{Valence: &v})
	if err != nil {
		t.Fatal(err)
	}
	const text = "The council has not paid the builders."
	if with, without := s.Score(text).Valence, off.Score(text).Valence; with >= without || with >= 0 {
		t.Errorf("Score(%q).Valence = %v with the negation rule, %v without; want lower, and < 0", text, with, without)
	}
}

func TestScoreNBLexForms(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text string
		want []string // the words the model rates, in order
	}{
		{"The plan was predictable and clumsy.", []string{"predictable", "clumsy"}},      // adjectives
		{"The premise was predictable.", []string{"predictable"}},                        // a noun outside films
		{"The premise of the film was predictable.", []string{"premise", "predictable"}}, // and inside
	}
	for _, tt := range tests {
		got := valenceHitsOf(s, tt.text, "(model)")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Score(%q): model-rated words %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestHasEnding(t *testing.T) {
	tests := []struct {
		w       string
		endings []string
		want    bool
	}{
		{"clumsy", EvaluativeEndings, true},
		{"premise", EvaluativeEndings, false},
		{"ly", []string{"ly"}, false}, // the ending alone is not a word with it
		{"premise", nil, true},        // no endings: every word
	}
	for _, tt := range tests {
		if got := hasEnding(tt.w, tt.endings); got != tt.want {
			t.Errorf("hasEnding(%q, %q) = %v, want %v", tt.w, tt.endings, got, tt.want)
		}
	}
}

func TestScorePossessive(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text, matched, term string
	}{
		{"The victim's family spoke.", "victim's", "victim"},
		{"The victim’s family spoke.", "victim’s", "victim"}, // curly apostrophe
		{"The victims' families spoke.", "victims", "victims"},
	}
	for _, tt := range tests {
		found := false
		for _, h := range s.Explain(tt.text).Hits {
			if h.Dimension == "valence" && h.Matched == tt.matched && h.Term == tt.term {
				found = true
			}
		}
		if !found {
			t.Errorf("Score(%q): no valence hit of %q on %q\n%s", tt.text, tt.term, tt.matched, s.Explain(tt.text))
		}
	}
	// A possessive of a film word makes the text one about films, where the model rates nouns
	// such as "premise"; elsewhere it rates only words with adjective and adverb endings.
	for _, tt := range []struct {
		text string
		want bool
	}{{"The film’s premise was predictable.", true}, {"The plan’s premise was predictable.", false}} {
		rated := false
		for _, h := range s.Explain(tt.text).Hits {
			rated = rated || (h.Matched == "premise" && h.Term == "(model)")
		}
		if rated != tt.want {
			t.Errorf("Explain(%q): model rates \"premise\" = %v, want %v\n%s", tt.text, rated, tt.want, s.Explain(tt.text))
		}
	}
}

// TestScoreCaseSensitive checks case-sensitive terms written with apostrophes, dots and
// no capitals, and that a capitalised term inside a name keeps its weight.
func TestScoreCaseSensitive(t *testing.T) {
	s, err := New(Options{NB: mustNB(t), Dimensions: []Dimension{{
		Name: "org",
		Positive: Pole{Name: "named", Terms: []lexicon.Term{
			{Text: "O'Rourke's", CaseSensitive: true}, {Text: "Ruiz’s", CaseSensitive: true},
			{Text: "U.N.", CaseSensitive: true}, {Text: "may", CaseSensitive: true},
			{Text: "Vantor", CaseSensitive: true},
		}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want float64 // the dimension's score: one plain hit is 1/sqrt(2)
	}{
		{"O'Rourke's plan passed.", math.Sqrt(0.5)},
		{"O’Rourke’s plan passed.", math.Sqrt(0.5)}, // curly apostrophes
		{"O＇Rourke＇s plan passed.", math.Sqrt(0.5)}, // full-width apostrophes
		{"Ruiz’s plan passed.", math.Sqrt(0.5)},     // the term written with a curly one
		{"Ruiz's plan passed.", math.Sqrt(0.5)},
		{"o'rourke's plan passed.", 0},
		{"The U.N. met.", math.Sqrt(0.5)},
		{"At the U.N., they met.", math.Sqrt(0.5)},
		{"They met (at the U.N.) today.", math.Sqrt(0.5)},
		{"At the UN, they met.", 0},
		{"They may meet.", math.Sqrt(0.5)}, // a term with no capitals matches only so
		{"They meet in May.", 0},
		{"Minister Vantor spoke.", math.Sqrt(0.5)}, // not damped as a word inside a name
	}
	for _, tt := range tests {
		if got := s.Score(tt.text).Dims[0].Score; math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Score(%q).Dims[0].Score = %v, want %v\n%s", tt.text, got, tt.want, s.Explain(tt.text))
		}
	}
}

// TestScoreModifierPhraseSentence checks that a multiword intensifier ("kind of") and "not
// only" do not span a sentence end: "kind." keeps its rating and diminishes nothing in the
// next sentence, and "not." still counts as a negation.
func TestScoreModifierPhraseSentence(t *testing.T) {
	s := newTestScorer(t)
	text := "She was kind. Of course we agreed."
	ex := s.Explain(text)
	rated := false
	for _, h := range ex.Hits {
		rated = rated || h.Dimension == "valence" && h.Matched == "kind" && h.Weight > 0
		if len(h.Notes) > 0 {
			t.Errorf("Explain(%q): hit %q adjusted: %q\n%s", text, h.Matched, h.Notes, ex)
		}
	}
	if !rated {
		t.Errorf("Explain(%q): no positive valence hit on \"kind\"\n%s", text, ex)
	}
	if got, want := s.Explain("She was kind of nice.").RuleSum, s.Explain("She was nice.").RuleSum; got >= want {
		t.Errorf("rule sums \"kind of nice\" %v, \"nice\" %v: want \"kind of\" to diminish", got, want)
	}
	text = "They did not. Only then did we agree."
	ex = s.Explain(text)
	negated := false
	for _, h := range ex.Hits {
		negated = negated || h.Term == "(negation)" && h.Matched == "not"
	}
	if !negated {
		t.Errorf("Explain(%q): no negation hit on \"not\"\n%s", text, ex)
	}
}
