package quote

import (
	"os"
	"path/filepath"
	"testing"
)

const sharedData = "../../../shared/data"

// TestDevSets scores the extractor on the shared dev sets. It is slow-ish and needs the
// shared data, so it runs only with QUOTETONE_EVAL=1. QUOTETONE_EVAL_OUT names a folder for
// the predictions and errors files.
func TestDevSets(t *testing.T) {
	if os.Getenv("QUOTETONE_EVAL") == "" {
		t.Skip("set QUOTETONE_EVAL=1 to score the dev sets")
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ggt-dev", "polnear-dev"} {
		path := filepath.Join(sharedData, "quotes", name+".jsonl")
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("no shared data: %v", err)
		}
		gold, err := ReadDocs(f, path)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		pred := x.Predict(gold)
		rep, err := Evaluate(gold, pred, EvalOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s\n%s", name, rep)
		if out := os.Getenv("QUOTETONE_EVAL_OUT"); out != "" {
			pf, err := os.Create(filepath.Join(out, name+".pred.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			if err := WritePredictions(pf, pred); err != nil {
				t.Fatal(err)
			}
			pf.Close()
			ef, err := os.Create(filepath.Join(out, name+".errors.txt"))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range rep.Errors {
				ps, gs := "", ""
				if e.PredSpeaker != nil {
					ps = *e.PredSpeaker
				}
				if e.GoldSpeaker != nil {
					gs = *e.GoldSpeaker
				}
				_, _ = ef.WriteString(e.Error + "\t" + e.ID + "\tgold=" + gs + "\tpred=" + ps + "\n    " + e.Context + "\n")
			}
			ef.Close()
		}
	}
}
