package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/quotetone/quotetone/config"
)

// Exit codes, as the product contract names them.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	exitPartial = 3
)

// version is set at build time with -ldflags "-X main.version=..."; otherwise it comes from the
// module version (go install) or the VCS revision the binary was built from.
var version = buildVersion()

func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev == "":
		return "dev"
	case dirty:
		return "dev-" + rev + "-modified"
	}
	return "dev-" + rev
}

// app holds what every command shares: streams, the config flag and the loaded configuration.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	configFile     string
	logFormat      string
	v              *viper.Viper
	cfg            *config.Config
}

// exitError carries an exit code through cobra; its message, if any, has been printed already
// or is printed by run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// config loads the configuration once per process.
func (a *app) config() (*config.Config, error) {
	if a.cfg != nil {
		return a.cfg, nil
	}
	cfg, err := config.Load(a.v, a.configFile)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	a.cfg = cfg
	return cfg, nil
}

func (a *app) logger() *slog.Logger {
	if a.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(a.stderr, nil))
	}
	return slog.New(slog.NewTextHandler(a.stderr, nil))
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "quotetone",
		Short: "Find direct quotes in news articles, attribute them and score their tone",
		Long: `quotetone reads news articles (.txt, .md, .html, .jsonl, .csv, .tsv, optionally .gz),
finds every direct quote and who said it, scores each quote's tone and writes quotes.csv,
speakers.csv, documents.csv, errors.csv and manifest.json, and report.xlsx and report.html
with --format or report.formats (--sample writes all of them).

Try it on the embedded sample corpus:  quotetone run --sample -o out`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(*cobra.Command, []string) error {
			if a.logFormat != "text" && a.logFormat != "json" {
				return usageErrorf("--log-format %q: want text or json", a.logFormat)
			}
			return nil
		},
	}
	root.PersistentFlags().StringVarP(&a.configFile, "config", "c", "", "configuration file (default: ./quotetone.yaml, $XDG_CONFIG_HOME/quotetone/quotetone.yaml, /etc/quotetone/quotetone.yaml)")
	root.PersistentFlags().StringVar(&a.logFormat, "log-format", "text", "log line format on stderr: text or json")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: err}
	})
	root.AddCommand(
		newRunCmd(a),
		newScoreCmd(a),
		newInitCmd(a),
		newMergeCmd(a),
		newEvalCmd(a),
		newLexiconCmd(a),
	)
	return root
}

// run executes the command line args and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, v: viper.New()}
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "quotetone: %v\n", ee.err)
		}
		return ee.code
	}
	// Errors from commands arrive as exitError (see runE); anything else is cobra's own
	// complaint about the command line: an unknown command or flag, a wrong argument count.
	fmt.Fprintf(stderr, "quotetone: %v\nRun 'quotetone --help' for usage.\n", err)
	return exitUsage
}

// runE adapts a command body so that its errors carry an exit code: configuration errors exit 2,
// anything else 1, unless the body chose a code itself.
func runE(f func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		err := f(cmd, args)
		if err == nil {
			return nil
		}
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		if errors.Is(err, config.ErrInvalid) {
			return &exitError{code: exitUsage, err: err}
		}
		return &exitError{code: exitFailed, err: err}
	}
}
