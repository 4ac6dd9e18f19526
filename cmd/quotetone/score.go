package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/quotetone/quotetone/internal/pipeline"
)

func newScoreCmd(a *app) *cobra.Command {
	var in string
	var workers int
	var bom bool
	cmd := &cobra.Command{
		Use:   "score [-c FILE] [-i FILE]",
		Short: "Score texts (JSONL, CSV/TSV with id and text columns, or plain lines) and print CSV",
		Long: `score reads texts and prints id, valence, nb_positive and one column per tone dimension
as CSV on standard output, in input order. Input: JSONL records {"id","text"}, CSV or TSV with
"id" and "text" columns, or plain lines (numbered from 1), from -i FILE (optionally .gz) or stdin.`,
		Example: `  echo "The talks were quite constructive." | quotetone score
  quotetone score -i sentences.tsv > scores.csv`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			cfg, err := a.config()
			if err != nil {
				return err
			}
			sc, err := cfg.Tone.Scorer(cfg.Dir)
			if err != nil {
				return &exitError{code: exitUsage, err: fmt.Errorf("tone: %w", err)}
			}
			var r io.Reader = a.stdin
			name := in
			if in != "" && in != "-" {
				f, err := os.Open(in)
				if err != nil {
					return err
				}
				defer f.Close()
				r = f
			}
			if !cmd.Flags().Changed("workers") {
				workers = cfg.Run.Workers
			} else if workers < 0 {
				return usageErrorf("--workers %d: want 0 (one per core) or more", workers)
			}
			format := reportFormat(cfg)
			format.BOM = bom
			err = pipeline.Score(cmd.Context(), r, a.stdout, sc, pipeline.ScoreOptions{Name: name, Workers: workers, Format: format})
			if errors.Is(err, context.Canceled) && cmd.Context().Err() != nil {
				return errors.New("interrupted: the scores printed so far are complete rows, in input order, but not all the input")
			}
			return err
		}),
	}
	cmd.Flags().StringVarP(&in, "input", "i", "", "input file (default standard input)")
	cmd.Flags().IntVarP(&workers, "workers", "w", 0, "parallel workers (default run.workers, 0 = one per core)")
	cmd.Flags().BoolVar(&bom, "bom", false, "start the output with a UTF-8 byte order mark (for Excel)")
	return cmd
}
