// Package pipeline glues the stages together: corpus → quote → tone → report. It runs the
// documents on all cores, keeps their input order, applies shards, and writes every report
// atomically. It is the only package that knows all the others.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/quotetone/quotetone/internal/corpus"
	"github.com/quotetone/quotetone/internal/quote"
	"github.com/quotetone/quotetone/internal/report"
	"github.com/quotetone/quotetone/tone"
)

// An Extractor finds the quotes in a text (quote.Extractor).
type Extractor interface {
	Extract(text string) []quote.Quote
}

// A Scorer scores the tone of a quote (tone.Scorer).
type Scorer interface {
	Dimensions() []string
	Score(text string) tone.Score
}

// Options configure a run.
type Options struct {
	Inputs    []string
	OutDir    string
	Corpus    corpus.Options
	Extractor Extractor
	Scorer    Scorer
	Workers   int // 0 means one per CPU
	Shard     Shard
	MaxErrors int // stop once more documents than this have failed; 0 means never
	Format    report.Format
	Period    string // "", day, week or month: adds speakers_by_period.csv
	// Manifest fields that the caller knows: Version, ConfigHash, ConfigFile.
	Manifest report.Manifest
	// Writers produce extra report formats (xlsx, html) from the finished run.
	Writers []ReportWriter
	// State, if set, makes the run incremental: documents it lists with the same content are
	// skipped, and the others are added to it once the reports are written.
	State *State
	// DisplayPath, if set, rewrites file paths before they reach the reports (the sample corpus
	// is read from a temporary folder but reported as "sample/...").
	DisplayPath func(string) string
	Log         *slog.Logger
	// Progress, if set, is called after each document with the running totals.
	Progress func(Progress)
}

// Progress is a running count of a batch.
type Progress struct {
	Documents, Failed, Quotes int64
}

// A ReportWriter writes one extra report format (xlsx, html) into the output folder after the
// CSV files are in place.
type ReportWriter interface {
	WriteReport(run *report.Run) error
}

// ErrTooManyErrors is returned when a run stops at run.max_errors.
var ErrTooManyErrors = errors.New("too many failed documents")

type job struct {
	idx   int // place among this shard's documents
	seq   int // place among all documents read
	units int // in-flight units the document holds until it is written
	doc   corpus.Document
}

// The documents read but not yet written are bounded in number and in size, so that memory
// stays bounded however far the reader runs ahead: each holds one unit, and one more for each
// inFlightUnit bytes of its text, out of inFlightUnits.
//
// Deep queues let the reader and the writer run in bursts. When a worker wakes the reader or
// the writer and no core is free, the woken goroutine waits for the worker's time slice (up to
// 10 ms) to end: with queues of four documents the workers sat idle a tenth to a quarter of the
// time (execution traces of runs over 8,900 articles), waiting for the reader to refill the
// queue or the writer to drain it.
const (
	inFlightUnit  = 64 << 10
	inFlightUnits = 512 // 512 articles, or 32 MiB of text
	queueLen      = 256 // documents waiting for a worker, and results waiting for the writer
)

// inFlight returns the units that d holds while in flight.
func inFlight(d *corpus.Document) int {
	return min(1+(len(d.Text)+len(d.HTML))/inFlightUnit, inFlightUnits)
}

type result struct {
	job
	doc    corpus.Document
	quotes []quote.Quote
	scores []tone.Score
	err    error
}

// Run reads the inputs, finds and scores quotes, and writes the reports into opts.OutDir.
// Documents that fail are reported in errors.csv and the run goes on; Run returns an error only
// when the run as a whole failed (no reports written). The returned manifest counts failures.
func Run(ctx context.Context, opts Options) (*report.Manifest, error) {
	start := time.Now()
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("create output folder: %w", err)
	}
	report.RemoveStale(opts.OutDir)
	dims := opts.Scorer.Dimensions()
	out, err := newOutputs(opts.OutDir, dims, opts.Format)
	if err != nil {
		return nil, err
	}
	defer out.abort()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	man := startManifest(opts, dims, start)

	var failed atomic.Int64
	tokens := make(chan struct{}, inFlightUnits)
	jobs := make(chan job, queueLen)
	results := make(chan result, queueLen)

	var passedOver atomic.Int64
	userSkipped := opts.Corpus.Skipped
	opts.Corpus.Skipped = func(path, reason string) {
		passedOver.Add(1)
		opts.Log.Debug("passed over", "path", path, "reason", reason)
		if userSkipped != nil {
			userSkipped(path, reason)
		}
	}
	rd := &reader{opts: &opts, jobs: jobs, tokens: tokens, failed: &failed, cancel: cancel}
	go rd.run(ctx)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue // the run has failed or was stopped: drain the queue unread
				}
				results <- process(j, opts.Extractor, opts.Scorer)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	agg := report.NewAggregator(dims, opts.Period)
	var docErrs []report.ErrorRow
	var counts report.Counts
	var order reorder
	for r := range results {
		order.put(r)
		for {
			r, ok := order.next()
			if !ok {
				break
			}
			if err := out.add(&r, agg, &counts, &docErrs); err != nil {
				cancel()
				for range results { // let the workers finish
				}
				return nil, err
			}
			if r.err != nil {
				if opts.State != nil {
					opts.State.Forget(r.doc.ID)
				}
				n := failed.Add(1)
				if opts.MaxErrors > 0 && n > int64(opts.MaxErrors) {
					cancel()
				}
			}
			for range r.units {
				<-tokens
			}
			if opts.Progress != nil {
				opts.Progress(Progress{Documents: counts.Documents, Failed: failed.Load(), Quotes: counts.Quotes})
			}
		}
	}
	if n := failed.Load(); opts.MaxErrors > 0 && n > int64(opts.MaxErrors) {
		return nil, fmt.Errorf("%w: %d documents failed, more than the limit of %d (--max-errors or run.max_errors); see the log for each", ErrTooManyErrors, n, opts.MaxErrors)
	}
	if rd.err != nil {
		return nil, fmt.Errorf("read inputs: %w", rd.err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	errs := report.SortErrors(append(rd.errs, docErrs...))
	counts.ReadErrors = int64(len(rd.errs))
	counts.Failed += int64(len(rd.errs))
	counts.OtherShards = rd.others
	counts.Skipped = rd.skipped
	counts.PassedOver = passedOver.Load()
	counts.Speech = agg.Speech
	counts.Terms = agg.Terms
	counts.Unattributed = agg.Unattributed
	counts.Speakers = int64(agg.Speakers())
	man.Counts = counts
	man.Finished = time.Now().UTC().Format(time.RFC3339)
	man.Timings = map[string]string{"total": time.Since(start).Round(time.Millisecond).String()}
	man.Errors = firstErrors(errs, 20)
	if err := out.finish(agg, errs, &man, opts.Period); err != nil {
		return nil, err
	}
	if opts.State != nil {
		if err := opts.State.Save(); err != nil {
			return &man, fmt.Errorf("save state: %w", err)
		}
	}
	if err := writeExtra(opts.Writers, opts.OutDir, &man, opts.Format, agg, errs); err != nil {
		return &man, err
	}
	return &man, nil
}

// A reader walks the inputs into jobs, in input order: it applies the shard and the state,
// takes the in-flight units each document holds before queueing it, and records the inputs
// that fail, cancelling the run past opts.MaxErrors. It closes jobs when the walk ends; its
// other fields are the walk's results, read once jobs is closed.
type reader struct {
	opts   *Options
	jobs   chan<- job
	tokens chan<- struct{}
	failed *atomic.Int64 // documents and inputs failed, shared with the writer
	cancel context.CancelFunc

	idx, seq        int // next place among this shard's documents, and among all
	others, skipped int64
	mu              sync.Mutex // guards errs: corpus.Walk may report failures from its workers
	errs            []report.ErrorRow
	err             error // the walk's own error
}

func (r *reader) run(ctx context.Context) {
	defer close(r.jobs)
	r.err = corpus.Walk(ctx, r.opts.Inputs, r.opts.Corpus, func(d corpus.Document) error {
		return r.add(ctx, d)
	}, r.fail)
}

// add queues d as a job unless another shard or the state takes it.
func (r *reader) add(ctx context.Context, d corpus.Document) error {
	s := r.seq
	r.seq++
	if !r.opts.Shard.Has(s) {
		r.others++
		return nil
	}
	if st := r.opts.State; st != nil {
		if st.Done(&d) {
			r.skipped++
			return nil
		}
		st.Record(&d)
	}
	units := inFlight(&d)
	for range units {
		select {
		case r.tokens <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if r.opts.DisplayPath != nil {
		d.Path = r.opts.DisplayPath(d.Path)
	}
	select {
	case r.jobs <- job{idx: r.idx, seq: s, units: units, doc: d}:
		r.idx++
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// fail records an input that could not be read.
func (r *reader) fail(f corpus.Failure) {
	if r.opts.DisplayPath != nil {
		f.Path = r.opts.DisplayPath(f.Path)
	}
	r.mu.Lock()
	r.errs = append(r.errs, report.ErrorRow{Level: "error", Path: f.Path, Line: f.Line, DocID: f.DocID, Reason: f.Reason})
	r.mu.Unlock()
	n := r.failed.Add(1)
	r.opts.Log.Warn("input failed", "path", f.Path, "line", f.Line, "reason", f.Reason)
	if r.opts.MaxErrors > 0 && n > int64(r.opts.MaxErrors) {
		r.cancel()
	}
}

// startManifest fills in what a run's manifest says before any document is read.
func startManifest(opts Options, dims []string, start time.Time) report.Manifest {
	man := opts.Manifest
	man.Tool = "quotetone"
	man.Inputs = opts.Inputs
	if opts.DisplayPath != nil {
		man.Inputs = make([]string, len(opts.Inputs))
		for i, in := range opts.Inputs {
			man.Inputs[i] = opts.DisplayPath(in)
		}
	}
	man.Dimensions = dims
	man.Shard = opts.Shard.String()
	man.Format = report.ManifestFormat{BOM: opts.Format.BOM, Delimiter: string(opts.Format.Delimiter), DecimalComma: opts.Format.DecimalComma, Period: opts.Period}
	man.Started = start.UTC().Format(time.RFC3339)
	return man
}

// A reorder holds results that arrive out of order until those before them are out. Every
// document between the next to write and the last read holds an in-flight unit, so their
// indexes span fewer than inFlightUnits slots, and a ring of that many never overwrites one.
type reorder struct {
	pending [inFlightUnits]result
	waiting [inFlightUnits]bool
	n       int // index of the next result to give out
}

// put stores r until its turn.
func (o *reorder) put(r result) {
	slot := r.idx % inFlightUnits
	o.pending[slot], o.waiting[slot] = r, true
}

// next returns the next result in document order, if it has arrived.
func (o *reorder) next() (result, bool) {
	slot := o.n % inFlightUnits
	if !o.waiting[slot] {
		return result{}, false
	}
	r := o.pending[slot]
	o.pending[slot], o.waiting[slot] = result{}, false // the slot no longer keeps the document alive
	o.n++
	return r, true
}

// writeExtra writes the extra report formats once the CSV files are in place.
func writeExtra(writers []ReportWriter, dir string, man *report.Manifest, f report.Format, agg *report.Aggregator, errs []report.ErrorRow) error {
	if len(writers) == 0 {
		return nil // the summaries below cost a sort and a pass over every speaker
	}
	run := &report.Run{Dir: dir, Manifest: man, Dimensions: man.Dimensions, Format: f, Speakers: agg.Summaries(), Periods: agg.PeriodSummaries(), Errors: errs}
	for _, w := range writers {
		if err := w.WriteReport(run); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	return nil
}

func firstErrors(errs []report.ErrorRow, n int) []report.ErrorRow {
	var out []report.ErrorRow
	for _, e := range errs {
		if e.Level == "error" && len(out) < n {
			out = append(out, e)
		}
	}
	return out
}

// process extracts and scores one document. A panic in any stage fails only this document.
func process(j job, ex Extractor, sc Scorer) (r result) {
	r = result{job: j, doc: j.doc}
	defer func() {
		if p := recover(); p != nil {
			r.quotes, r.scores = nil, nil
			r.err = fmt.Errorf("internal error (please report it with this document): %v\n%s", p, firstLines(string(debug.Stack()), 8))
		}
	}()
	if r.doc.HTML != "" {
		d, err := corpus.ExtractHTML(r.doc)
		if err != nil {
			r.err = fmt.Errorf("extract main text from HTML: %w", err)
			return r
		}
		r.doc = d
		r.doc.HTML = ""
	}
	r.quotes = ex.Extract(r.doc.Text)
	r.scores = make([]tone.Score, len(r.quotes))
	for i, q := range r.quotes {
		r.scores[i] = sc.Score(q.Text)
	}
	return r
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// outputs are the streaming report files of a run, committed together at the end.
type outputs struct {
	dir       string
	format    report.Format
	quotes    *report.AtomicFile
	quotesW   *report.Writer
	documents *report.AtomicFile
	docsW     *report.Writer
	staged    []*report.AtomicFile
	dims      []report.Fixed // the dimension scores of the quote being added
}

func newOutputs(dir string, dims []string, f report.Format) (*outputs, error) {
	o := &outputs{dir: dir, format: f}
	var err error
	if o.quotes, err = report.CreateAtomic(filepath.Join(dir, report.QuotesFile)); err != nil {
		return nil, err
	}
	if o.documents, err = report.CreateAtomic(filepath.Join(dir, report.DocumentsFile)); err != nil {
		o.quotes.Abort()
		return nil, err
	}
	o.staged = []*report.AtomicFile{o.quotes, o.documents}
	o.quotesW = report.NewWriter(o.quotes, f)
	o.docsW = report.NewWriter(o.documents, f)
	if err := o.quotesW.Write(report.QuoteHeader(dims)); err != nil {
		return nil, err
	}
	if err := o.docsW.Write(report.DocumentHeader()); err != nil {
		return nil, err
	}
	return o, nil
}

func (o *outputs) add(r *result, agg *report.Aggregator, counts *report.Counts, errs *[]report.ErrorRow) error {
	d := r.doc
	counts.Documents++
	row := report.DocumentRow{Seq: r.seq, DocID: d.ID, Path: d.Path, Line: d.Line, Title: d.Title, Date: d.Date, Source: d.Source, Status: "ok", Notes: strings.Join(d.Notes, "; ")}
	if len(d.Notes) > 0 {
		counts.RepairedNotes++
		for _, n := range d.Notes {
			*errs = append(*errs, report.ErrorRow{Level: "warning", Path: d.Path, Line: d.Line, DocID: d.ID, Reason: n})
		}
	}
	if r.err != nil {
		counts.Failed++
		row.Status = "failed"
		row.Notes = r.err.Error()
		*errs = append(*errs, report.ErrorRow{Level: "error", Path: d.Path, Line: d.Line, DocID: d.ID, Reason: r.err.Error()})
	}
	row.Quotes = len(r.quotes)
	if err := o.docsW.WriteDocument(&row); err != nil {
		return fmt.Errorf("write %s: %w", report.DocumentsFile, err)
	}
	for i, q := range r.quotes {
		s := r.scores[i]
		qr := report.QuoteRow{
			Seq: r.seq, DocID: d.ID, Start: q.Start, End: q.End,
			Speaker: q.Speaker, Mention: q.Mention, Cue: q.Cue, Kind: string(q.Kind), Quote: q.Text,
			Valence: report.ToFixed(s.Valence), NBPositive: report.ToFixed(s.NBPositive),
			Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL,
		}
		// The aggregator keeps no row, so one Dims slice serves every quote.
		o.dims = o.dims[:0]
		for _, ds := range s.Dims {
			o.dims = append(o.dims, report.ToFixed(ds.Score))
		}
		qr.Dims = o.dims
		if err := o.quotesW.WriteQuote(&qr); err != nil {
			return fmt.Errorf("write %s: %w", report.QuotesFile, err)
		}
		agg.Add(&qr)
		counts.Quotes++
	}
	return nil
}

func (o *outputs) finish(agg *report.Aggregator, errs []report.ErrorRow, man *report.Manifest, period string) error {
	for _, w := range []*report.Writer{o.quotesW, o.docsW} {
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
	}
	// The streamed files go to disk while the summaries are computed, and then every file is
	// synced at once: the end of a run waits for the disk once instead of once a file.
	n := len(o.staged)
	streamed := syncFiles(o.staged...)
	if err := report.WriteSummaries(agg, errs, man, period, o.format, o.stage); err != nil {
		streamed()
		return err
	}
	summaries := syncFiles(o.staged[n:]...)
	if err := errors.Join(streamed(), summaries()); err != nil {
		return err
	}
	// Every file is on disk under its temporary name; the renames are all that is left, and
	// manifest.json comes last. A rename in one folder fails only in odd cases (the folder
	// removed or made read-only meanwhile); if one does, say that the folder is now mixed.
	for i, f := range o.staged {
		if err := f.Commit(); err != nil {
			if i > 0 {
				err = fmt.Errorf("%w; %s now holds %d reports of this run beside the previous run's others: run again", err, o.dir, i)
			}
			return err
		}
	}
	o.staged = nil
	return report.SyncDir(o.dir)
}

// syncFiles syncs files to disk in the background, one goroutine each; wait waits for them
// and returns their errors.
func syncFiles(files ...*report.AtomicFile) (wait func() error) {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() { errs[i] = f.Sync() })
	}
	return func() error {
		wg.Wait()
		return errors.Join(errs...)
	}
}

func (o *outputs) stage(name string) (*report.AtomicFile, error) {
	f, err := report.CreateAtomic(filepath.Join(o.dir, name))
	if err != nil {
		return nil, err
	}
	o.staged = append(o.staged, f)
	return f, nil
}

func (o *outputs) abort() {
	for _, f := range o.staged {
		f.Abort()
	}
}
