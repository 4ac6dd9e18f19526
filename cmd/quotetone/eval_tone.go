package main

import (
	"fmt"
	"math"
	"os"

	"github.com/spf13/cobra"

	"github.com/quotetone/quotetone/tone"
)

func newEvalToneCmd(a *app) *cobra.Command {
	var gold, score string
	var scale float64
	cmd := &cobra.Command{
		Use:   "tone --gold FILE.tsv",
		Short: "Measure valence (or any score) against rated sentences",
		Long: `eval tone scores every text of a rated file and compares the scores with the ratings.
The file has one "id<TAB>rating<TAB>text" line per text (a header line is skipped); ratings run
from -scale to +scale. It prints:
  pearson_r  Pearson correlation of the score with the rating
  macro_f1   mean F1 over negative, neutral and positive, where a rating is neutral when
             |rating/scale| < 0.05 and a score when |score| < 0.05
  accuracy   share of non-neutral ratings whose sign the score gets right`,
		Example: `  quotetone eval tone --gold my-sample.tsv
  quotetone eval tone --gold ratings.tsv --scale 5 --score cooperation`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageErrorf("eval tone: --gold FILE is required")
			}
			if scale <= 0 {
				return usageErrorf("eval tone: --scale must be positive, not %v", scale)
			}
			f, err := os.Open(gold)
			if err != nil {
				return err
			}
			defer f.Close()
			rated, err := tone.ReadRated(f)
			if err != nil {
				return fmt.Errorf("%s: %w", gold, err)
			}
			if len(rated) == 0 {
				return fmt.Errorf("%s: no rated texts", gold)
			}
			for _, r := range rated {
				if math.Abs(r.Rating) > scale {
					return usageErrorf("eval tone: %s: id %s is rated %g, outside -%g..%g: give the file's scale with --scale", gold, r.ID, r.Rating, scale, scale)
				}
			}
			sc, err := a.scorer()
			if err != nil {
				return err
			}
			got, want := make([]float64, len(rated)), make([]float64, len(rated))
			for i, r := range rated {
				s := sc.Score(r.Text)
				v, ok := sc.Value(s, score)
				if !ok {
					return usageErrorf("eval tone: no score called %q (have valence, nb_positive and the dimensions)", score)
				}
				if score == "nb_positive" {
					v = 2*v - 1
				}
				got[i], want[i] = v, r.Rating
			}
			m := tone.Evaluate(got, want, scale)
			fmt.Fprintf(a.stdout, "gold       %s (%d rated texts, ratings -%g..%g)\nscore      %s\npearson_r  %.3f\nmacro_f1   %.3f\naccuracy   %.3f\n",
				gold, m.N, scale, scale, score, m.R, m.MacroF1, m.Accuracy)
			return nil
		}),
	}
	cmd.Flags().StringVar(&gold, "gold", "", "rated file: id<TAB>rating<TAB>text per line")
	cmd.Flags().Float64Var(&scale, "scale", 4, "ratings run from -scale to +scale")
	cmd.Flags().StringVar(&score, "score", "valence", "score to evaluate: valence, nb_positive (as 2p-1) or a dimension")
	return cmd
}
