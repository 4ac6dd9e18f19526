package pipeline

import (
	"container/heap"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/quotetone/quotetone/internal/report"
)

// Merge combines output folders into one set of reports in outDir. The parts must have been
// written with the same dimensions and format.
//
// When the parts are the shards of one run (the same inputs, "--shard i/n" with one n), their
// documents are put back in input order, so shards plus Merge give the same quotes.csv,
// speakers.csv, documents.csv and errors.csv bytes as one run over all documents. Otherwise
// (nightly runs, say) the parts are concatenated in the order given and documents renumbered:
// a cumulative report.
//
// writers, if any, then write extra report formats (xlsx, html) of the merged run.
func Merge(outDir string, parts []string, man report.Manifest, writers ...ReportWriter) (*report.Manifest, error) {
	if len(parts) == 0 {
		return nil, errors.New("merge needs at least one part folder")
	}
	var first *report.Manifest
	var inputs []string
	var mans []*report.Manifest
	for _, p := range parts {
		m, err := report.ReadManifest(filepath.Join(p, report.ManifestFile))
		if err != nil {
			return nil, fmt.Errorf("part %s: %w (is it a quotetone output folder?)", p, err)
		}
		mans = append(mans, m)
		if first == nil {
			first = m
			inputs = m.Inputs
		} else {
			if !slices.Equal(m.Dimensions, first.Dimensions) {
				return nil, fmt.Errorf("part %s has dimensions %v, but %s has %v: merge parts made with the same configuration", p, m.Dimensions, parts[0], first.Dimensions)
			}
			if m.Format != first.Format {
				return nil, fmt.Errorf("part %s was written with format %+v, but %s with %+v", p, m.Format, parts[0], first.Format)
			}
		}
	}
	f := report.Format{BOM: first.Format.BOM, Delimiter: ',', DecimalComma: first.Format.DecimalComma}
	if d := []rune(first.Format.Delimiter); len(d) == 1 {
		f.Delimiter = d[0]
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	report.RemoveStale(outDir)
	dims := first.Dimensions
	out, err := newOutputs(outDir, dims, f)
	if err != nil {
		return nil, err
	}
	defer out.abort()

	var streams partHeap
	var errs []report.ErrorRow
	for _, p := range parts {
		s, err := openPart(p, f)
		if err != nil {
			return nil, err
		}
		defer s.close()
		pe, err := readErrors(filepath.Join(p, report.ErrorsFile), f)
		if err != nil {
			return nil, err
		}
		errs = append(errs, pe...)
		if s.next() {
			streams = append(streams, s)
		} else if s.err != nil {
			return nil, s.err
		}
	}
	sharded := isShardSet(mans)
	if !sharded {
		for i := range mans {
			for j := range i {
				if mans[i].Shard != "" && mans[i].Shard == mans[j].Shard && slices.Equal(mans[i].Inputs, mans[j].Inputs) {
					return nil, fmt.Errorf("parts %s and %s are both shard %s of the same inputs: merge each shard once", parts[j], parts[i], mans[i].Shard)
				}
			}
		}
	}
	for i, s := range streams {
		s.part = i
		s.sharded = sharded
	}
	heap.Init(&streams)
	agg := report.NewAggregator(dims, first.Format.Period)
	var counts report.Counts
	lastSeq, renumber := -1, 0
	for streams.Len() > 0 {
		s := streams[0]
		d := s.doc
		if sharded {
			if d.Seq == lastSeq {
				return nil, fmt.Errorf("document %d (%s) is in two parts: merge the shards of one run, each once", d.Seq, d.DocID)
			}
			lastSeq = d.Seq
		} else {
			d.Seq = renumber
			renumber++
		}
		counts.Documents++
		if d.Status == "failed" {
			counts.Failed++
		}
		if err := out.docsW.WriteDocument(&d); err != nil {
			return nil, err
		}
		for range d.Quotes {
			q, err := s.quote(len(dims))
			if err != nil {
				return nil, fmt.Errorf("part %s: %s: %w", s.dir, report.QuotesFile, err)
			}
			q.Seq = d.Seq
			if err := out.quotesW.WriteQuote(&q); err != nil {
				return nil, err
			}
			agg.Add(&q)
			counts.Quotes++
		}
		if s.next() {
			heap.Fix(&streams, 0)
		} else {
			if s.err != nil {
				return nil, s.err
			}
			heap.Pop(&streams)
		}
	}
	errs = report.SortErrors(errs)
	counts.Failed = 0
	for _, e := range errs {
		if e.Level == "error" {
			counts.Failed++
		} else {
			counts.RepairedNotes++
		}
	}
	counts.Speech, counts.Terms, counts.Unattributed = agg.Speech, agg.Terms, agg.Unattributed
	counts.Speakers = int64(agg.Speakers())
	man.Tool = "quotetone"
	man.Inputs = inputs
	man.Dimensions = dims
	man.Format = first.Format
	man.Parts = parts
	man.Counts = counts
	man.Finished = time.Now().UTC().Format(time.RFC3339)
	man.Errors = firstErrors(errs, 20)
	if err := out.finish(agg, errs, &man, first.Format.Period); err != nil {
		return nil, err
	}
	if err := writeExtra(writers, outDir, &man, f, agg, errs); err != nil {
		return &man, err
	}
	return &man, nil
}

// isShardSet reports whether the manifests are of distinct shards "i/n", with one n, of one run
// over the same inputs.
func isShardSet(mans []*report.Manifest) bool {
	seen := map[string]bool{}
	for _, m := range mans {
		if m.Shard == "" || seen[m.Shard] || shardCount(m.Shard) != shardCount(mans[0].Shard) || !slices.Equal(m.Inputs, mans[0].Inputs) {
			return false
		}
		seen[m.Shard] = true
	}
	return true
}

func shardCount(s string) string {
	_, n, _ := strings.Cut(s, "/")
	return n
}

// partStream reads one part's documents.csv and quotes.csv side by side.
type partStream struct {
	dir            string
	format         report.Format
	docFile, qFile *os.File
	docs, quotes   *csv.Reader
	doc            report.DocumentRow
	err            error
	part           int  // place among the parts given
	sharded        bool // order by document seq across parts, not part by part
}

func openPart(dir string, f report.Format) (*partStream, error) {
	s := &partStream{dir: dir, format: f}
	var err error
	if s.docFile, err = os.Open(filepath.Join(dir, report.DocumentsFile)); err != nil {
		return nil, fmt.Errorf("part %s: %w", dir, err)
	}
	if s.qFile, err = os.Open(filepath.Join(dir, report.QuotesFile)); err != nil {
		s.docFile.Close()
		return nil, fmt.Errorf("part %s: %w", dir, err)
	}
	s.docs = report.NewReader(s.docFile, f)
	s.quotes = report.NewReader(s.qFile, f)
	if _, err := s.docs.Read(); err != nil { // header
		s.close()
		return nil, fmt.Errorf("part %s: %s: %w", dir, report.DocumentsFile, err)
	}
	if _, err := s.quotes.Read(); err != nil {
		s.close()
		return nil, fmt.Errorf("part %s: %s: %w", dir, report.QuotesFile, err)
	}
	return s, nil
}

func (s *partStream) close() {
	s.docFile.Close()
	s.qFile.Close()
}

// next reads the part's next document row; false at the end or on error (s.err).
func (s *partStream) next() bool {
	rec, err := s.docs.Read()
	if err == io.EOF {
		return false
	}
	if err == nil && len(rec) != len(report.DocumentHeader()) {
		err = fmt.Errorf("record has %d fields, want %d", len(rec), len(report.DocumentHeader()))
	}
	if err != nil {
		s.err = fmt.Errorf("part %s: %s: %w", s.dir, report.DocumentsFile, err)
		return false
	}
	u := report.Unguard
	d := report.DocumentRow{DocID: u(rec[1]), Path: u(rec[2]), Title: u(rec[4]), Date: u(rec[5]), Source: u(rec[6]), Status: u(rec[7]), Notes: u(rec[9])}
	var e1, e2, e3 error
	d.Seq, e1 = strconv.Atoi(rec[0])
	d.Line, e2 = strconv.Atoi(rec[3])
	d.Quotes, e3 = strconv.Atoi(rec[8])
	if err := errors.Join(e1, e2, e3); err != nil {
		s.err = fmt.Errorf("part %s: %s: %w", s.dir, report.DocumentsFile, err)
		return false
	}
	s.doc = d
	return true
}

func (s *partStream) quote(ndims int) (report.QuoteRow, error) {
	rec, err := s.quotes.Read()
	if err == io.EOF {
		return report.QuoteRow{}, errors.New("fewer quote rows than documents.csv counts")
	}
	if err != nil {
		return report.QuoteRow{}, err
	}
	return report.ParseQuoteRecord(rec, ndims, s.format)
}

func readErrors(path string, f report.Format) ([]report.ErrorRow, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var rows []report.ErrorRow
	if err := gocsv.UnmarshalCSV(report.NewReader(file, f), &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i := range rows {
		r := &rows[i]
		r.Path, r.DocID, r.Reason = report.Unguard(r.Path), report.Unguard(r.DocID), report.Unguard(r.Reason)
	}
	return rows, nil
}

type partHeap []*partStream

func (h partHeap) Len() int { return len(h) }
func (h partHeap) Less(i, j int) bool {
	if !h[i].sharded && h[i].part != h[j].part {
		return h[i].part < h[j].part
	}
	return h[i].doc.Seq < h[j].doc.Seq
}
func (h partHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *partHeap) Push(x any)   { *h = append(*h, x.(*partStream)) }
func (h *partHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
