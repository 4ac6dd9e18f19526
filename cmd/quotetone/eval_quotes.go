package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// STUB written by the lead; the quote engineer replaces this file.
func newEvalQuotesCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "quotes --gold FILE.jsonl",
		Short: "Score quote finding and attribution against annotated articles",
		RunE: runE(func(*cobra.Command, []string) error {
			return errors.New("eval quotes: not built yet")
		}),
	}
}
