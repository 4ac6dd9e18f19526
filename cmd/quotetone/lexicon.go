package main

import "github.com/spf13/cobra"

// STUB written by the lead; the tone engineer replaces this file.
func newLexiconCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "lexicon",
		Short: "Import, explain, test and check lexicons",
	}
}
