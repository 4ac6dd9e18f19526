package main

import "github.com/spf13/cobra"

func newEvalCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure quote attribution or tone against hand-labelled data",
	}
	cmd.AddCommand(newEvalQuotesCmd(a), newEvalToneCmd(a))
	return cmd
}
