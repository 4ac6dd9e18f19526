package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// STUB written by the lead; the tone engineer replaces this file.
func newEvalToneCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "tone --gold FILE.tsv",
		Short: "Score valence against rated sentences",
		RunE: runE(func(*cobra.Command, []string) error {
			return errors.New("eval tone: not built yet")
		}),
	}
}
