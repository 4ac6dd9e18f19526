package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readDocsFile(t *testing.T, path string) []GoldDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadDocs(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestEvaluateAgreesWithPython compares Evaluate with the numbers that
// ../shared/eval/eval_quotes.py printed for testdata/eval/{gold,pred}.jsonl.
func TestEvaluateAgreesWithPython(t *testing.T) {
	gold := readDocsFile(t, filepath.Join("testdata", "eval", "gold.jsonl"))
	pred := readDocsFile(t, filepath.Join("testdata", "eval", "pred.jsonl"))
	tests := []struct {
		opts    EvalOptions
		counts  Counts
		exact   PRF
		overlap PRF
		acc     float64
		e2e     PRF
	}{
		{
			opts: EvalOptions{},
			counts: Counts{Docs: 3, DocsMissingPred: 1, PredIDsNotInGold: 1, Gold: 6, Pred: 7, PredClamped: 1,
				TPExact: 5, TPOverlap: 5, SpeakerEligible: 4, SpeakerCorrect: 3, GoldNullSpeaker: 1, EndToEndTP: 4},
			exact: PRF{0.7143, 0.8333, 0.7692}, overlap: PRF{0.7143, 0.8333, 0.7692}, acc: 0.75, e2e: PRF{0.5714, 0.6667, 0.6154},
		},
		{
			opts: EvalOptions{Types: []string{"direct", "mixed"}},
			counts: Counts{Docs: 3, DocsMissingPred: 1, PredIDsNotInGold: 1, Gold: 7, Pred: 7, PredClamped: 1,
				TPExact: 6, TPOverlap: 6, SpeakerEligible: 5, SpeakerCorrect: 3, PredNull: 1, GoldNullSpeaker: 1, EndToEndTP: 4},
			exact: PRF{0.8571, 0.8571, 0.8571}, overlap: PRF{0.8571, 0.8571, 0.8571}, acc: 0.6, e2e: PRF{0.5714, 0.5714, 0.5714},
		},
		{
			opts: EvalOptions{Types: []string{"direct", "mixed", "indirect"}, Overlap: 0.9},
			counts: Counts{Docs: 3, DocsMissingPred: 1, PredIDsNotInGold: 1, Gold: 7, Pred: 7, PredClamped: 1,
				TPExact: 6, TPOverlap: 6, SpeakerEligible: 5, SpeakerCorrect: 3, PredNull: 1, GoldNullSpeaker: 1, EndToEndTP: 4},
			exact: PRF{0.8571, 0.8571, 0.8571}, overlap: PRF{0.8571, 0.8571, 0.8571}, acc: 0.6, e2e: PRF{0.5714, 0.5714, 0.5714},
		},
	}
	near := func(a, b float64) bool { return a-b < 5e-5 && b-a < 5e-5 }
	nearPRF := func(a, b PRF) bool {
		return near(a.Precision, b.Precision) && near(a.Recall, b.Recall) && near(a.F1, b.F1)
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.opts.Types, ","), func(t *testing.T) {
			rep, err := Evaluate(gold, pred, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Counts != tt.counts {
				t.Errorf("Evaluate(%+v).Counts = %+v, want %+v", tt.opts, rep.Counts, tt.counts)
			}
			if !nearPRF(rep.Exact, tt.exact) || !nearPRF(rep.Overlap, tt.overlap) || !nearPRF(rep.EndToEnd, tt.e2e) || !near(rep.SpeakerAccuracy, tt.acc) {
				t.Errorf("Evaluate(%+v) = exact %v overlap %v acc %v e2e %v, want %v %v %v %v",
					tt.opts, rep.Exact, rep.Overlap, rep.SpeakerAccuracy, rep.EndToEnd, tt.exact, tt.overlap, tt.acc, tt.e2e)
			}
		})
	}
	rep, _ := Evaluate(gold, pred, EvalOptions{})
	kinds := map[string]int{}
	for _, e := range rep.Errors {
		kinds[e.Error]++
	}
	if kinds["FN"] != 1 || kinds["FP"] != 2 || kinds["wrong_speaker"] != 1 {
		t.Errorf("error kinds = %v, want 1 FN, 2 FP, 1 wrong_speaker", kinds)
	}
	if _, err := Evaluate(gold, pred, EvalOptions{Types: []string{"quoted"}}); err == nil {
		t.Error("Evaluate with an unknown type: nil error")
	}
}

func TestSpeakerMatch(t *testing.T) {
	s := func(v string) *string { return &v }
	tests := []struct {
		gold GoldQuote
		pred string
		want bool
	}{
		{GoldQuote{Speaker: s("Rita Olsen")}, "Rita Olsen", true},
		{GoldQuote{Speaker: s("Rita Olsen")}, "Ms. Olsen", true},
		{GoldQuote{Speaker: s("Olsen")}, "Rita M. Olsen", true},
		{GoldQuote{Speaker: s("Rita Olsen")}, "Tom Reyes", false},
		{GoldQuote{Speaker: s("Rita Olsen")}, "", false},
		{GoldQuote{Speaker: s("the minister")}, "minister", false},
		{GoldQuote{Speaker: s("the ministry")}, "The Ministry", true},
		{GoldQuote{Speaker: s("Léa Müller")}, "Lea Muller", true},
		{GoldQuote{Speaker: s("Sam Ode"), SpeakerMentions: []string{"he", "the leader"}}, "the leader", true},
		{GoldQuote{Speaker: s("Sam Ode"), SpeakerMentions: []string{"he"}}, "he", false},
		{GoldQuote{Speaker: s("Tom Reyes, a resident")}, "Reyes", true},
		{GoldQuote{Speaker: s("Pat O’Neil")}, "Pat O'Neil", true},
	}
	for _, tt := range tests {
		if got := SpeakerMatch(tt.gold, tt.pred); got != tt.want {
			t.Errorf("SpeakerMatch(%q, %q) = %v, want %v", *tt.gold.Speaker, tt.pred, got, tt.want)
		}
	}
}

func TestReadDocsErrors(t *testing.T) {
	for _, in := range []string{`{"text": "no id"}`, `{"id": "x", "quotes": 3}`, `not json`} {
		if _, err := ReadDocs(strings.NewReader(in), "in.jsonl"); err == nil {
			t.Errorf("ReadDocs(%q) = nil error, want one", in)
		}
	}
}

func TestPredictRoundTrip(t *testing.T) {
	gold := readDocsFile(t, filepath.Join("testdata", "eval", "gold.jsonl"))
	x := mustNew(t, Options{})
	pred := x.Predict(gold)
	var b strings.Builder
	if err := WritePredictions(&b, pred); err != nil {
		t.Fatal(err)
	}
	back, err := ReadDocs(strings.NewReader(b.String()), "pred")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(gold, back, EvalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Overlap.F1 < 0.99 || rep.SpeakerAccuracy < 0.99 {
		t.Errorf("Evaluate(gold, Predict(gold)) =\n%v, want F1 and accuracy 1", rep)
	}
}
