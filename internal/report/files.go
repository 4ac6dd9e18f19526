package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/gocarina/gocsv"
)

// File names of the reports in an output folder.
const (
	QuotesFile    = "quotes.csv"
	SpeakersFile  = "speakers.csv"
	PeriodsFile   = "speakers_by_period.csv"
	DocumentsFile = "documents.csv"
	ErrorsFile    = "errors.csv"
	ManifestFile  = "manifest.json"
)

// An AtomicFile is written, buffered, under a temporary name in its final folder and renamed
// into place by Commit after an fsync, so a reader (or a crash at any moment) never sees half a
// report: either the previous file or the new one, whole.
type AtomicFile struct {
	f       *os.File
	buf     *bufio.Writer
	final   string
	synced  bool
	syncErr error
}

// CreateAtomic starts writing path.
func CreateAtomic(path string) (*AtomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return &AtomicFile{f: f, buf: bufio.NewWriterSize(f, 256<<10), final: path}, nil
}

// Write writes to the buffer.
func (a *AtomicFile) Write(p []byte) (int, error) { return a.buf.Write(p) }

// Sync writes the file out and makes it durable under its temporary name, ready for Commit.
// Commit calls it when the caller has not: a caller with several files syncs them in parallel
// first, since fsync mostly waits for the disk.
func (a *AtomicFile) Sync() error {
	if a.synced {
		return a.syncErr
	}
	a.synced = true
	err := a.buf.Flush()
	if err == nil {
		err = a.f.Sync()
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(a.f.Name(), 0o644)
	}
	if err != nil {
		a.syncErr = fmt.Errorf("write %s: %w", a.final, err)
	}
	return a.syncErr
}

// Commit makes the file durable and renames it into place.
func (a *AtomicFile) Commit() error {
	err := a.Sync()
	if err == nil {
		if err = os.Rename(a.f.Name(), a.final); err != nil {
			err = fmt.Errorf("write %s: %w", a.final, err)
		}
	}
	if err != nil {
		os.Remove(a.f.Name())
	}
	return err
}

// RemoveStale deletes temporary files that a killed run left in dir (".quotes.csv.tmp-123").
func RemoveStale(dir string) {
	stale, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	for _, f := range stale {
		os.RemoveAll(f) // files, and the xlsx writer's folder of spilled sheets
	}
}

// Abort discards the file; the previous version, if any, stays.
func (a *AtomicFile) Abort() {
	a.f.Close()
	os.Remove(a.f.Name())
}

// SyncDir makes renames in dir durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// An ErrorRow is one line of errors.csv: a document or input that could not be processed.
type ErrorRow struct {
	Level  string `csv:"level" json:"level"` // error (the document is missing from the reports) or warning (repaired)
	Path   string `csv:"path" json:"path"`
	Line   int    `csv:"line" json:"line"`
	DocID  string `csv:"doc_id" json:"doc_id"`
	Reason string `csv:"reason" json:"reason"`
}

// A DocumentRow is one line of documents.csv: every document read, so nothing is lost silently.
type DocumentRow struct {
	Seq    int    `csv:"seq"`
	DocID  string `csv:"doc_id"`
	Path   string `csv:"path"`
	Line   int    `csv:"line"`
	Title  string `csv:"title"`
	Date   string `csv:"date"`
	Source string `csv:"source"`
	Status string `csv:"status"` // ok, failed
	Quotes int    `csv:"quotes"` // rows this document has in quotes.csv
	Notes  string `csv:"notes"`  // repairs made while reading, or why it failed
}

// SortErrors orders errors by path, line and document, and drops exact repeats (every shard
// reports the same unreadable input), so errors.csv is the same however the run was split.
func SortErrors(errs []ErrorRow) []ErrorRow {
	sort.Slice(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		switch {
		case a.Path != b.Path:
			return a.Path < b.Path
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.DocID != b.DocID:
			return a.DocID < b.DocID
		case a.Level != b.Level:
			return a.Level < b.Level
		}
		return a.Reason < b.Reason
	})
	out := errs[:0]
	for i, e := range errs {
		if i > 0 && e == errs[i-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// DocumentHeader returns the columns of documents.csv.
func DocumentHeader() []string {
	return []string{"seq", "doc_id", "path", "line", "title", "date", "source", "status", "quotes", "notes"}
}

// Record returns r as CSV cells in DocumentHeader order.
func (r *DocumentRow) Record() []string {
	rec := stringCells{rec: make([]string, 0, 10)}
	r.cells(&rec)
	return rec.rec
}

// WriteDocument writes r as one documents.csv record: the bytes of Write(r.Record()) without
// building the record.
func (w *Writer) WriteDocument(r *DocumentRow) error {
	r.cells(w)
	return w.EndRecord()
}

// cells passes r's cells to cw in DocumentHeader order.
func (r *DocumentRow) cells(cw cellWriter) {
	cw.Int(int64(r.Seq))
	cw.Text(r.DocID)
	cw.Text(r.Path)
	cw.Int(int64(r.Line))
	cw.Text(r.Title)
	cw.Text(r.Date)
	cw.Text(r.Source)
	cw.Text(r.Status)
	cw.Int(int64(r.Quotes))
	cw.Text(r.Notes)
}

// WriteRows writes gocsv records (a slice of structs) through a guarded Writer.
func WriteRows(w io.Writer, f Format, rows any) error {
	cw := NewWriter(w, f)
	if err := gocsv.MarshalCSV(rows, cw); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// A Manifest describes one run: what went in, what came out, how long it took.
type Manifest struct {
	Tool       string            `json:"tool"`
	Version    string            `json:"version"`
	ConfigHash string            `json:"config_hash"`
	ConfigFile string            `json:"config_file,omitempty"`
	Inputs     []string          `json:"inputs"`
	Shard      string            `json:"shard,omitempty"`
	Dimensions []string          `json:"dimensions"`
	Format     ManifestFormat    `json:"format"`
	Counts     Counts            `json:"counts"`
	Timings    map[string]string `json:"timings,omitempty"`
	Started    string            `json:"started,omitempty"`
	Finished   string            `json:"finished,omitempty"`
	Errors     []ErrorRow        `json:"errors,omitempty"` // the first errors; errors.csv has them all
	Parts      []string          `json:"parts,omitempty"`  // for merged reports: the folders merged
}

// ManifestFormat records how numbers were written, so merge can read them back.
type ManifestFormat struct {
	BOM          bool   `json:"bom"`
	Delimiter    string `json:"delimiter"`
	DecimalComma bool   `json:"decimal_comma"`
	Period       string `json:"period,omitempty"`
}

// Counts are the totals of a run.
type Counts struct {
	Documents     int64 `json:"documents"`
	Failed        int64 `json:"failed"`
	Skipped       int64 `json:"skipped,omitempty"`     // unchanged documents skipped by --incremental
	PassedOver    int64 `json:"passed_over,omitempty"` // files in folders passed over on purpose (other endings, hidden, excluded)
	OtherShards   int64 `json:"other_shards,omitempty"`
	Superseded    int64 `json:"superseded,omitempty"` // older versions of documents a later merged part has again
	Quotes        int64 `json:"quotes"`
	Speech        int64 `json:"speech"`
	Terms         int64 `json:"terms"`
	Unattributed  int64 `json:"unattributed"`
	Speakers      int64 `json:"speakers"`
	ReadErrors    int64 `json:"read_errors"`
	RepairedNotes int64 `json:"repaired"`
}

// WriteManifest writes m as indented JSON.
func WriteManifest(w io.Writer, m *Manifest) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}

// ReadManifest reads a manifest.json.
func ReadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &m, nil
}

// WriteSummaries writes the files computed at the end of a run or merge (errors.csv,
// speakers.csv, speakers_by_period.csv when period is set, manifest.json) through stage, which
// returns an AtomicFile the caller commits with the rest.
func WriteSummaries(agg *Aggregator, errs []ErrorRow, man *Manifest, period string, f Format, stage func(name string) (*AtomicFile, error)) error {
	write := func(name string, fn func(w io.Writer) error) error {
		af, err := stage(name)
		if err != nil {
			return err
		}
		if err := fn(af); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		return nil
	}
	if errs == nil {
		errs = []ErrorRow{}
	}
	if err := write(ErrorsFile, func(w io.Writer) error {
		if len(errs) == 0 { // gocsv writes no header for an empty slice
			return writeRecords(w, f, [][]string{errorHeader()})
		}
		return WriteRows(w, f, &errs)
	}); err != nil {
		return err
	}
	if err := write(SpeakersFile, func(w io.Writer) error {
		return writeTable(w, f, SpeakerHeader(man.Dimensions, false), agg.WriteSpeakers)
	}); err != nil {
		return err
	}
	if period != "" {
		if err := write(PeriodsFile, func(w io.Writer) error {
			return writeTable(w, f, SpeakerHeader(man.Dimensions, true), agg.WritePeriods)
		}); err != nil {
			return err
		}
	}
	return write(ManifestFile, func(w io.Writer) error { return WriteManifest(w, man) })
}

func errorHeader() []string { return []string{"level", "path", "line", "doc_id", "reason"} }

// writeTable writes a header, then the records that rows writes.
func writeTable(w io.Writer, f Format, header []string, rows func(*Writer) error) error {
	cw := NewWriter(w, f)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := rows(cw); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func writeRecords(w io.Writer, f Format, recs [][]string) error {
	cw := NewWriter(w, f)
	for _, r := range recs {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
