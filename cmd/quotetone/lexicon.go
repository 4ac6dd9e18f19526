package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/quotetone/quotetone/lexicon"
	"github.com/quotetone/quotetone/tone"
)

func newLexiconCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Import, explain, test and check lexicons",
		Long: `lexicon helps analysts bring, inspect and safeguard the lexicons behind the tone scores:
  import   convert a LIWC, Lexicoder, quanteda, WordStat, Yoshikoder or CSV lexicon to quotetone's YAML
  explain  show every lexicon hit in a text, with negation and intensity applied, and the scores
  test     run the expectations in the configuration (tone.expectations) as a regression suite
  check    report duplicate terms, terms on both poles, empty poles and globs that match too much`,
	}
	cmd.AddCommand(newLexiconImportCmd(), newLexiconExplainCmd(a), newLexiconTestCmd(a), newLexiconCheckCmd(a))
	return cmd
}

func newLexiconImportCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Convert a lexicon file to quotetone's YAML on standard output",
		Long: `import reads a lexicon in any format quotetone knows and writes it as quotetone's own YAML
(terms always list values), which a dimension can then point at with "lexicon: FILE.yaml", or
whose terms can be pasted into the configuration. Formats, by file ending:
  .dic (LIWC 2001-2015)  .dicx (LIWC-22)  .lc3 .lcd (Lexicoder, LSD neg_* categories kept)
  .yml .yaml (quanteda, or quotetone's own)  .cat (WordStat)  .ykd (Yoshikoder)
  .csv .tsv .txt (word,value as AFINN or tidytext afinn; word,sentiment as tidytext bing/nrc;
  word<TAB>value as the VADER and AFINN files)`,
		Example: `  quotetone lexicon import LSD2015.lc3 > lsd.yaml
  quotetone lexicon import --format csv afinn.txt`,
		Args: cobra.ExactArgs(1),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			f := lexicon.Format(format)
			if format == "" {
				if f, err = lexicon.DetectFormat(args[0], data); err != nil {
					return err
				}
			}
			lex, err := lexicon.ParseFormat(f, args[0], data)
			if err != nil {
				return err
			}
			if err := lexicon.WriteYAML(cmd.OutOrStdout(), lex); err != nil {
				return err
			}
			n := 0
			for _, c := range lex.Categories {
				n += len(c.Terms)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "quotetone: %s: %d categories (%s), %d terms\n", args[0], len(lex.Categories), strings.Join(lex.CategoryNames(), ", "), n)
			return nil
		}),
	}
	var names []string
	for _, f := range lexicon.Formats {
		names = append(names, string(f))
	}
	cmd.Flags().StringVar(&format, "format", "", "input format, when the file ending does not tell: "+strings.Join(names, ", "))
	return cmd
}

// scorer loads the configuration and builds its tone scorer; errors are usage errors.
func (a *app) scorer() (*tone.Scorer, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	sc, err := cfg.Tone.Scorer(cfg.Dir)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return sc, nil
}

func newLexiconExplainCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   `explain "TEXT" ...`,
		Short: "Show every lexicon hit in a text and how it was adjusted",
		Long: `explain scores each text (or each line of standard input, with no arguments) and lists
every lexicon hit: the dimension and pole, the term that matched, its weight, what negation,
intensity, contrast, hedges or questions did to it, and the resulting scores.`,
		Example: `  quotetone lexicon explain "There has been no hostility."
  quotetone lexicon explain -c my.yaml < sentences.txt`,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			sc, err := a.scorer()
			if err != nil {
				return err
			}
			texts := args
			if len(texts) == 0 {
				s := bufio.NewScanner(a.stdin)
				s.Buffer(make([]byte, 64*1024), 16*1024*1024)
				for s.Scan() {
					if line := strings.TrimSpace(s.Text()); line != "" {
						texts = append(texts, line)
					}
				}
				if err := s.Err(); err != nil {
					return err
				}
			}
			for i, t := range texts {
				if i > 0 {
					fmt.Fprintln(a.stdout)
				}
				fmt.Fprint(a.stdout, sc.Explain(t))
			}
			return nil
		}),
	}
}

func newLexiconTestCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "test",
		Short: "Check the expectations in the configuration (exit 1 if any fails)",
		Long: `test scores the text of every expectation under tone.expectations and checks each score it
names ("cooperation >= 0", "valence in [-1, -0.2]", "outlook negative"). It lists the failures
and exits 1 if there are any, so a change to a lexicon can be checked before the nightly run.`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			cfg, err := a.config()
			if err != nil {
				return err
			}
			sc, err := a.scorer()
			if err != nil {
				return err
			}
			exps, err := cfg.Tone.ToneExpectations()
			if err != nil {
				return err
			}
			checks, failed := 0, 0
			for i, e := range exps {
				for j, c := range e.Checks {
					checks++
					misses, err := sc.Test([]tone.Expectation{{Text: e.Text, Checks: []tone.Check{c}}})
					if err != nil {
						failed++
						fmt.Fprintf(a.stdout, "FAIL tone.expectations[%d].want[%d]: %v\n", i, j, err)
						continue
					}
					for _, m := range misses {
						failed++
						fmt.Fprintf(a.stdout, "FAIL tone.expectations[%d].want[%d]: %s\n", i, j, m)
					}
				}
			}
			fmt.Fprintf(a.stdout, "%d expectations, %d checks, %d failed\n", len(exps), checks, failed)
			if len(exps) == 0 {
				why := "the configuration has none"
				if cfg.DefaultExpectationsDropped {
					why = cfg.File + " replaces tone.dimensions, so the default expectations (written for the default dimensions) do not apply"
				}
				fmt.Fprintf(a.stderr, "nothing to check: %s; add tone.expectations (a text and the scores it must give; `quotetone init` shows examples)\n", why)
			}
			if failed > 0 {
				return &exitError{code: exitFailed}
			}
			return nil
		}),
	}
}

func newLexiconCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check [FILE ...]",
		Short: "Report duplicate terms, terms on both poles, empty poles and too-broad globs",
		Long: `check looks for mistakes in lexicons: the same term twice, a term on both poles of a
dimension (or in two categories of a file), poles or categories with no terms, patterns that do
not parse and globs with fewer than three letters ("un*"). With FILE arguments it checks those
lexicon files; without, the dimensions of the configuration and the files they name. Inline terms
are named by key path, terms in files by file:line. It exits 1 if it finds anything.`,
		Example: `  quotetone lexicon check
  quotetone lexicon check lexicons/cooperation.dic`,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			var problems []string
			if len(args) > 0 {
				for _, path := range args {
					lex, err := lexicon.ReadFile(path)
					if err != nil {
						return err
					}
					for _, p := range lexicon.Check(lex) {
						problems = append(problems, p.String())
					}
				}
			} else {
				cfg, err := a.config()
				if err != nil {
					return err
				}
				if problems, err = cfg.CheckTone(); err != nil {
					return err
				}
			}
			for _, p := range problems {
				fmt.Fprintln(a.stdout, p)
			}
			if len(problems) > 0 {
				fmt.Fprintf(a.stderr, "quotetone: %d problems\n", len(problems))
				return &exitError{code: exitFailed}
			}
			fmt.Fprintln(a.stderr, "quotetone: no problems found")
			return nil
		}),
	}
}
