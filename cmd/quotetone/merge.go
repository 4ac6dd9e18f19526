package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/quotetone/quotetone/internal/pipeline"
	"github.com/quotetone/quotetone/internal/report"
)

func newMergeCmd(a *app) *cobra.Command {
	var out string
	var formats []string
	var partialOK bool
	cmd := &cobra.Command{
		Use:   "merge -o DIR PART ...",
		Short: "Merge the output folders of shard runs into one set of reports",
		Long: `merge combines output folders written by "quotetone run --shard i/n" (or by runs over
disjoint documents) into one set of reports. Shards plus merge give exactly the bytes of one run
over all the documents: quotes.csv, speakers.csv, documents.csv and errors.csv.
Exit status: 0 done, 1 failed, 2 usage error, 3 done but the parts list failed documents
(0 with --partial-ok).`,
		Example: `  quotetone merge -o out part0 part1 part2`,
		Args:    cobra.MinimumNArgs(1),
		RunE: runE(func(cmd *cobra.Command, parts []string) error {
			writers, err := reportWriters(formats)
			if err != nil {
				return err
			}
			man, err := pipeline.Merge(out, parts, report.Manifest{Version: version}, writers...)
			if err != nil {
				return err
			}
			c := man.Counts
			fmt.Fprintf(a.stderr, "quotetone: merged %d parts: %d documents, %d quotes, %d speakers, %d failed; reports in %s\n",
				len(parts), c.Documents, c.Quotes, c.Speakers, c.Failed, out)
			if c.Failed > 0 && !partialOK {
				return &exitError{code: exitPartial}
			}
			return nil
		}),
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "output folder for the merged reports (required)")
	cmd.Flags().StringSliceVar(&formats, "format", nil, "extra report formats to write for the merged run: xlsx, html")
	cmd.Flags().BoolVar(&partialOK, "partial-ok", false, "exit 0, not 3, when the parts list failed documents (for schedulers that take any other exit as a failure)")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}
