package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/quotetone/quotetone/config"
)

func newInitCmd(a *app) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write the documented default configuration (to quotetone.yaml, or - for stdout)",
		Args:  cobra.MaximumNArgs(1),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			path := "quotetone.yaml"
			if len(args) == 1 {
				path = args[0]
			}
			if path == "-" {
				_, err := a.stdout.Write(config.Default())
				return err
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(path, flags, 0o644)
			if os.IsExist(err) {
				return usageErrorf("%s exists already; use --force to overwrite it", path)
			}
			if err != nil {
				return err
			}
			if _, err := f.Write(config.Default()); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "wrote %s; edit it, then run: quotetone run -c %s INPUT...\n", path, path)
			return nil
		}),
	}
	cmd.Flags().BoolVarP(&force, "force", "f", false, "overwrite an existing file")
	return cmd
}
