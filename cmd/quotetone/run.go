package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/quotetone/quotetone/config"
	"github.com/quotetone/quotetone/internal/corpus"
	"github.com/quotetone/quotetone/internal/pipeline"
	"github.com/quotetone/quotetone/internal/quote"
	"github.com/quotetone/quotetone/internal/report"
	"github.com/quotetone/quotetone/internal/sample"
)

type runFlags struct {
	out       string
	sample    bool
	workers   int
	shard     string
	maxErrors int
	strict    bool
	partialOK bool
	period    string
	formats   []string
	progress  string
	incr      bool
	state     string
	delimiter string
	decComma  bool
	bom       bool
	exclude   []string
	stdinFmt  string
}

func newRunCmd(a *app) *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run [flags] [INPUT ...]",
		Short: "Find, attribute and score the quotes in a corpus and write the reports",
		Long: `run reads INPUTs (files, folders read recursively, globs, or - for standard input),
finds every direct quote, attributes and scores it, and writes into the output folder:

  quotes.csv      one row per quote (kind=speech, partial or term), with its tone scores
  speakers.csv    one row per speaker: counts, means, spread, confidence intervals, extremes
  documents.csv   one row per document read, with its status and number of quotes
  errors.csv      every document or input that failed (error) or was repaired (warning)
  manifest.json   version, config hash, inputs, counts and timings

Each file is replaced atomically: a run that dies leaves the previous reports whole.
Exit status: 0 done, 1 failed, 2 usage or configuration error, 3 done but some documents failed
(0 with --partial-ok, 1 with --strict).`,
		Example: `  quotetone run --sample -o out
  quotetone run -c quotetone.yaml -o reports/2026-11-26 /data/articles/2026-11-26/
  zcat articles.jsonl.gz | quotetone run -o out -
  quotetone run --shard 0/4 -o part0 /data/articles && quotetone merge -o out part0 part1 part2 part3`,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return a.run(cmd, args, &f)
		}),
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "out", "o", "out", "output folder (created if missing)")
	fl.BoolVar(&f.sample, "sample", false, "run on the sample corpus embedded in the binary")
	fl.IntVarP(&f.workers, "workers", "w", 0, "parallel workers (default run.workers, 0 = one per core)")
	fl.StringVar(&f.shard, "shard", "", "process shard i of n (\"i/n\", 0-based); default from JOB_COMPLETION_INDEX+QUOTETONE_SHARDS or SLURM_ARRAY_TASK_ID+SLURM_ARRAY_TASK_COUNT")
	fl.IntVar(&f.maxErrors, "max-errors", -1, "stop with exit 1 once more than N documents failed (default run.max_errors; 0 = never)")
	fl.BoolVar(&f.strict, "strict", false, "exit 1 if any document failed (default run.strict)")
	fl.BoolVar(&f.partialOK, "partial-ok", false, "exit 0, not 3, when the run is done but some documents failed (for schedulers that take any other exit as a failure)")
	fl.StringVar(&f.period, "period", "", "also write speakers_by_period.csv by article date: day, week or month (default report.period)")
	fl.StringSliceVar(&f.formats, "format", nil, "extra report formats besides CSV: xlsx, html (default report.formats)")
	fl.StringVar(&f.delimiter, "delimiter", "", "CSV field separator: \",\", \";\" or \"tab\" (default report.delimiter)")
	fl.BoolVar(&f.decComma, "decimal-comma", false, "write decimals as 0,25 for locales that expect it; needs --delimiter \";\" (default report.decimal_comma)")
	fl.BoolVar(&f.bom, "bom", true, "start CSV files with a UTF-8 byte order mark for Excel (default report.bom)")
	fl.StringSliceVar(&f.exclude, "exclude", nil, "pass over files and folders matching these patterns inside folders (added to input.exclude), e.g. README*")
	fl.StringVar(&f.stdinFmt, "stdin-format", "", "format of standard input (-): jsonl, csv, tsv, html or txt; default: guessed")
	fl.BoolVar(&f.incr, "incremental", false, "skip documents processed before with the same content (see --state)")
	fl.StringVar(&f.state, "state", "", "state file of processed documents for --incremental (default OUT/quotetone-state.tsv); implies --incremental")
	fl.StringVar(&f.progress, "progress", "auto", "progress display: auto (a bar on a terminal, log lines otherwise), bar, log or none")
	return cmd
}

func (a *app) run(cmd *cobra.Command, args []string, f *runFlags) error {
	cfg, err := a.config()
	if err != nil {
		return err
	}
	inputs := args
	if f.sample {
		if len(args) > 0 {
			return usageErrorf("--sample takes no INPUT arguments")
		}
		dir, err := os.MkdirTemp("", "quotetone-sample-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if err := sample.WriteTo(dir); err != nil {
			return fmt.Errorf("write sample corpus: %w", err)
		}
		inputs = []string{dir}
		if !cmd.Flags().Changed("format") {
			f.formats = []string{"csv", "xlsx", "html"} // a new user sees every report at once
		}
	}
	if len(inputs) == 0 {
		return usageErrorf("run needs INPUT files or folders, - for standard input, or --sample")
	}
	if f.strict && f.partialOK {
		return usageErrorf("--strict and --partial-ok contradict each other: choose one")
	}
	switch f.progress {
	case "auto", "bar", "log", "none":
	default:
		return usageErrorf("--progress %q: want auto, bar, log or none", f.progress)
	}
	opts, err := a.pipelineOptions(cmd, cfg, f)
	if err != nil {
		return err
	}
	opts.Inputs = inputs
	if f.sample {
		tmp := inputs[0]
		opts.DisplayPath = func(p string) string {
			if rel, err := filepath.Rel(tmp, p); err == nil {
				return filepath.ToSlash(filepath.Join("sample", rel))
			}
			return p
		}
	}
	log := a.logger()
	opts.Log = log
	stopProgress := a.progress(f.progress, &opts)
	start := time.Now()
	man, err := pipeline.Run(cmd.Context(), opts)
	stopProgress()
	if err != nil {
		if errors.Is(err, pipeline.ErrTooManyErrors) {
			return &exitError{code: exitFailed, err: err}
		}
		if errors.Is(err, context.Canceled) && cmd.Context().Err() != nil {
			return fmt.Errorf("interrupted before the reports were written to %s; any there are the previous run's", opts.OutDir)
		}
		return err
	}
	c := man.Counts
	if a.logFormat == "json" {
		log.Info("run finished", "documents", c.Documents, "quotes", c.Quotes, "speech", c.Speech+c.Unattributed, "terms", c.Terms,
			"unattributed", c.Unattributed, "speakers", c.Speakers, "failed", c.Failed, "skipped", c.Skipped, "passed_over", c.PassedOver,
			"seconds", time.Since(start).Seconds(), "out", opts.OutDir)
	} else {
		fmt.Fprintf(a.stderr, "quotetone: %d documents, %d quotes (%d speech, %d terms, %d without a speaker), %d speakers, %d failed, in %s; reports in %s\n",
			c.Documents, c.Quotes, c.Speech+c.Unattributed, c.Terms, c.Unattributed, c.Speakers, c.Failed, time.Since(start).Round(time.Millisecond), opts.OutDir)
		if c.PassedOver > 0 || c.Skipped > 0 {
			fmt.Fprintf(a.stderr, "quotetone: passed over %d files in folders (other endings, hidden or excluded) and %d unchanged documents (--incremental)\n", c.PassedOver, c.Skipped)
		}
	}
	if c.Failed > 0 {
		strict := cfg.Run.Strict || f.strict
		if a.logFormat == "json" {
			log.Warn("documents or inputs failed", "failed", c.Failed, "errors", filepath.Join(opts.OutDir, report.ErrorsFile))
		} else {
			fmt.Fprintf(a.stderr, "quotetone: %d documents or inputs failed; each is listed in %s/%s\n", c.Failed, opts.OutDir, report.ErrorsFile)
		}
		switch {
		case strict:
			return &exitError{code: exitFailed}
		case f.partialOK:
			return nil
		}
		return &exitError{code: exitPartial}
	}
	return nil
}

// pipelineOptions turns the configuration and flags into pipeline options.
func (a *app) pipelineOptions(cmd *cobra.Command, cfg *config.Config, f *runFlags) (pipeline.Options, error) {
	var opts pipeline.Options
	ex, err := quote.New(cfg.Quotes.Options())
	if err != nil {
		return opts, &exitError{code: exitUsage, err: fmt.Errorf("quotes: %w", err)}
	}
	sc, err := cfg.Tone.Scorer(cfg.Dir)
	if err != nil {
		return opts, &exitError{code: exitUsage, err: fmt.Errorf("tone: %w", err)}
	}
	opts.Extractor, opts.Scorer = ex, sc
	opts.OutDir = f.out
	for _, pat := range f.exclude {
		if _, err := filepath.Match(pat, ""); err != nil {
			return opts, usageErrorf("--exclude %q is not a valid pattern: %v", pat, err)
		}
	}
	if f.stdinFmt != "" && !stdinFormatOK(f.stdinFmt) {
		return opts, usageErrorf("--stdin-format %q: want jsonl, ndjson, csv, tsv, html, htm, txt or md, optionally with .gz", f.stdinFmt)
	}
	opts.Corpus = corpus.Options{
		Extensions:     cfg.Input.Extensions,
		Exclude:        append(append([]string(nil), cfg.Input.Exclude...), f.exclude...),
		MaxRecordBytes: cfg.Input.MaxRecordBytes,
		Stdin:          a.stdin,
		StdinFormat:    f.stdinFmt,
	}
	opts.Workers = cfg.Run.Workers
	if cmd.Flags().Changed("workers") {
		if f.workers < 0 {
			return opts, usageErrorf("--workers %d: want 0 (one per core) or more", f.workers)
		}
		opts.Workers = f.workers
	}
	opts.MaxErrors = cfg.Run.MaxErrors
	if f.maxErrors >= 0 {
		opts.MaxErrors = f.maxErrors
	}
	if f.shard != "" {
		if opts.Shard, err = pipeline.ParseShard(f.shard); err != nil {
			return opts, usageErrorf("--shard: %v", err)
		}
	} else if s, ok, err := pipeline.ShardFromEnv(nil); ok {
		if err != nil {
			return opts, usageErrorf("%v", err)
		}
		opts.Shard = s
	}
	opts.Period = cfg.Report.Period
	if f.period != "" {
		switch f.period {
		case "day", "week", "month":
			opts.Period = f.period
		default:
			return opts, usageErrorf("--period %q: want day, week or month", f.period)
		}
	}
	opts.Format = reportFormat(cfg)
	if fl := cmd.Flags(); fl.Changed("delimiter") || fl.Changed("decimal-comma") || fl.Changed("bom") {
		if fl.Changed("delimiter") {
			switch f.delimiter {
			case ",", ";":
				opts.Format.Delimiter = rune(f.delimiter[0])
			case "tab", "\\t", "\t":
				opts.Format.Delimiter = '\t'
			default:
				return opts, usageErrorf("--delimiter %q: want \",\", \";\" or tab", f.delimiter)
			}
		}
		if fl.Changed("decimal-comma") {
			opts.Format.DecimalComma = f.decComma
		}
		if fl.Changed("bom") {
			opts.Format.BOM = f.bom
		}
		if opts.Format.DecimalComma && opts.Format.Delimiter == ',' {
			return opts, usageErrorf("decimal commas need --delimiter \";\" or tab")
		}
	}
	formats := cfg.Report.Formats
	if len(f.formats) > 0 {
		formats = f.formats
	}
	writers, err := reportWriters(formats)
	if err != nil {
		return opts, err
	}
	opts.Writers = writers
	if f.incr || f.state != "" {
		path := f.state
		if path == "" {
			path = filepath.Join(f.out, "quotetone-state.tsv")
		}
		if opts.State, err = pipeline.OpenState(path); err != nil {
			return opts, err
		}
	}
	opts.Manifest = report.Manifest{Version: version, ConfigHash: configHash(a.v), ConfigFile: cfg.File}
	return opts, nil
}

// stdinFormatOK reports whether name, such as "jsonl", ".csv" or "jsonl.gz", is a format that
// corpus.Options.StdinFormat understands.
func stdinFormatOK(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(name)), ".gz")
	if !strings.HasPrefix(name, ".") {
		name = "." + name
	}
	return slices.Contains(corpus.SupportedExtensions(), name)
}

func reportFormat(cfg *config.Config) report.Format {
	f := report.Format{BOM: cfg.Report.BOM, Delimiter: ',', DecimalComma: cfg.Report.DecimalComma}
	if d := []rune(cfg.Report.Delimiter); len(d) == 1 {
		f.Delimiter = d[0]
	}
	return f
}

// configHash identifies the effective configuration (defaults, file and environment merged),
// so that two reports made with different settings can be told apart.
func configHash(v *viper.Viper) string {
	data, err := json.Marshal(v.AllSettings()) // encoding/json sorts map keys
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:8])
}
