package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/quotetone/quotetone/internal/quote"
)

func newEvalQuotesCmd(a *app) *cobra.Command {
	var gold, errorsFile, predFile, predOut, types string
	var overlap float64
	cmd := &cobra.Command{
		Use:   "quotes --gold FILE.jsonl [--errors FILE]",
		Short: "Score quote finding and attribution against annotated articles",
		Long: `eval quotes runs the quote extractor, with the quote settings of the configuration, over
annotated articles and prints span precision, recall and F1 (exact and overlap), speaker accuracy
on matched quotes and end-to-end F1, with the same rules and numbers as the project's reference
scorer (eval_quotes.py).

Gold: JSONL, one article a line: {"id", "text", "quotes": [{"start", "end", "quote", "speaker",
"speaker_mentions"}], "mixed_quotes": [...], "indirect_quotes": [...]}; offsets are code points.
Only kind=speech quotes are predicted for direct quotes; with --types mixed or indirect,
kind=partial quotes (fragments inside reported speech) are predicted too. Terms never are.

--errors writes one JSON line per miss (FN), false alarm (FP) and wrong speaker, with context.
--pred scores a prediction file instead of running the extractor; --write-pred saves the
extractor's predictions in the same JSONL format.`,
		Example: `  quotetone eval quotes --gold labelled.jsonl --errors errors.jsonl
  quotetone eval quotes --gold labelled.jsonl --types direct,mixed`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageErrorf("eval quotes: --gold is required")
			}
			opts := quote.EvalOptions{Overlap: overlap}
			if types == "all" {
				opts.Types = []string{"direct", "mixed", "indirect"}
			} else {
				for _, t := range strings.Split(types, ",") {
					if t = strings.TrimSpace(t); t != "" {
						opts.Types = append(opts.Types, t)
					}
				}
			}
			if overlap < 0 || overlap > 1 {
				return usageErrorf("eval quotes: --overlap %v: want a share between 0 and 1", overlap)
			}
			golds, err := readDocs(gold)
			if err != nil {
				return err
			}
			var preds []quote.GoldDoc
			if predFile != "" {
				if preds, err = readDocs(predFile); err != nil {
					return err
				}
			} else {
				cfg, err := a.config()
				if err != nil {
					return err
				}
				ex, err := quote.New(cfg.Quotes.Options())
				if err != nil {
					return &exitError{code: exitUsage, err: fmt.Errorf("quotes: %w", err)}
				}
				kinds := []quote.Kind{quote.Speech}
				for _, t := range opts.Types {
					if t != "direct" {
						kinds = append(kinds, quote.Partial) // mixed and indirect quotes hold quoted fragments
						break
					}
				}
				preds = ex.Predict(golds, kinds...)
			}
			if predOut != "" {
				if err := writeFile(predOut, func(f *os.File) error { return quote.WritePredictions(f, preds) }); err != nil {
					return err
				}
			}
			rep, err := quote.Evaluate(golds, preds, opts)
			if err != nil {
				return usageErrorf("eval quotes: %v", err)
			}
			fmt.Fprintf(a.stdout, "gold=%s types=%s overlap>=%.2f\n", gold, strings.Join(typesOrDefault(opts.Types), ","), overlapOrDefault(overlap))
			fmt.Fprint(a.stdout, rep.String())
			if errorsFile != "" {
				err := writeFile(errorsFile, func(f *os.File) error {
					enc := json.NewEncoder(f)
					enc.SetEscapeHTML(false)
					for _, e := range rep.Errors {
						if err := enc.Encode(e); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					return err
				}
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&gold, "gold", "", "annotated articles, JSONL (required)")
	cmd.Flags().StringVar(&errorsFile, "errors", "", "write each miss, false alarm and wrong speaker here, as JSONL")
	cmd.Flags().StringVar(&predFile, "pred", "", "score these predictions (JSONL) instead of running the extractor")
	cmd.Flags().StringVar(&predOut, "write-pred", "", "write the extractor's predictions here, as JSONL")
	cmd.Flags().StringVar(&types, "types", "direct", "gold buckets that count: a comma list of direct, mixed, indirect, or all")
	cmd.Flags().Float64Var(&overlap, "overlap", 0.5, "minimum overlap share for a span match")
	return cmd
}

func typesOrDefault(t []string) []string {
	if len(t) == 0 {
		return []string{"direct"}
	}
	return t
}

func overlapOrDefault(o float64) float64 {
	if o == 0 {
		return 0.5
	}
	return o
}

func readDocs(path string) ([]quote.GoldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return quote.ReadDocs(f, path)
}

// writeFile writes path through fn, reporting the first error of writing or closing.
func writeFile(path string, fn func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
