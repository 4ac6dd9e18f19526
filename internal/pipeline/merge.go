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
// a cumulative report, in which a document that a later part has again (the same path and id:
// an article edited since, read again by --incremental) counts once, as the later part has it;
// the manifest counts the older versions dropped as superseded. Shard parts over the same inputs that are not every shard of one run,
// made by one version and configuration over the same documents, are refused (checkShards).
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
	if err := checkShards(parts, mans); err != nil {
		return nil, err
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

	sharded := isShardSet(mans)
	var latest map[docKey]int
	if !sharded {
		if latest, err = latestParts(parts, f); err != nil {
			return nil, err
		}
	}
	var streams partHeap
	var errs []report.ErrorRow
	for i, p := range parts {
		s, err := openPart(p, f)
		if err != nil {
			return nil, err
		}
		defer s.close()
		s.part, s.sharded = i, sharded
		pe, err := readErrors(filepath.Join(p, report.ErrorsFile), f)
		if err != nil {
			return nil, err
		}
		for _, e := range pe {
			// A later part has this document again: its errors and repairs stand instead.
			if last, ok := latest[docKey{e.Path, e.DocID}]; !ok || last == i {
				errs = append(errs, e)
			}
		}
		if s.next() {
			streams = append(streams, s)
		} else if s.err != nil {
			return nil, s.err
		}
	}
	heap.Init(&streams)
	agg := report.NewAggregator(dims, first.Format.Period)
	var counts report.Counts
	lastSeq, renumber := -1, 0
	for streams.Len() > 0 {
		s := streams[0]
		d := s.doc
		if !sharded && latest[docKey{d.Path, d.DocID}] != s.part {
			// Superseded by a later part: skip the document and its quotes.
			for range d.Quotes {
				if _, err := s.quote(len(dims)); err != nil {
					return nil, fmt.Errorf("part %s: %s: %w", s.dir, report.QuotesFile, err)
				}
			}
			counts.Superseded++
			if err := streams.advance(); err != nil {
				return nil, err
			}
			continue
		}
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
		if err := streams.advance(); err != nil {
			return nil, err
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
	if man.ConfigHash == "" && !slices.ContainsFunc(mans, func(m *report.Manifest) bool { return m.ConfigHash != first.ConfigHash }) {
		man.ConfigHash = first.ConfigHash
	}
	if man.ConfigFile == "" && !slices.ContainsFunc(mans, func(m *report.Manifest) bool { return m.ConfigFile != first.ConfigFile }) {
		man.ConfigFile = first.ConfigFile
	}
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

// A docKey names a document across merged parts: its path and id.
type docKey struct{ path, id string }

// latestParts returns, for each document of the parts, the index of the last part that has it.
func latestParts(parts []string, f report.Format) (map[docKey]int, error) {
	latest := map[docKey]int{}
	for i, p := range parts {
		s, err := openPart(p, f)
		if err != nil {
			return nil, err
		}
		for s.next() {
			latest[docKey{s.doc.Path, s.doc.DocID}] = i
		}
		s.close()
		if s.err != nil {
			return nil, s.err
		}
	}
	return latest, nil
}

// checkShards refuses shard parts that do not make up one run: parts over the same inputs with
// a shard "i/n" are taken as shards of one run, so each of the n shards must be there once,
// made by the same version with the same configuration, over the same number of documents.
// Anything else would lose documents or count some twice without a word.
func checkShards(parts []string, mans []*report.Manifest) error {
	type member struct {
		part  string
		m     *report.Manifest
		shard Shard
	}
	groups := map[string][]member{}
	var keys []string
	for i, m := range mans {
		if m.Shard == "" {
			continue
		}
		s, err := ParseShard(m.Shard)
		if err != nil {
			return fmt.Errorf("part %s: manifest.json: %w", parts[i], err)
		}
		key := strings.Join(m.Inputs, "\x00")
		if groups[key] == nil {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], member{parts[i], m, s})
	}
	for _, key := range keys {
		g := groups[key]
		a := g[0]
		byIndex := map[int]string{}
		for _, b := range g {
			switch {
			case b.shard.Count != a.shard.Count:
				return fmt.Errorf("parts %s (shard %s) and %s (shard %s) split the same inputs %d and %d ways, so their documents overlap: merge the shards of one run", a.part, a.m.Shard, b.part, b.m.Shard, a.shard.Count, b.shard.Count)
			case byIndex[b.shard.Index] != "":
				return fmt.Errorf("parts %s and %s are both shard %s of the same inputs: merge each shard once", byIndex[b.shard.Index], b.part, b.m.Shard)
			case b.m.Version != a.m.Version:
				return fmt.Errorf("parts %s and %s are shards of one run made by different versions (%q and %q): run every shard with one version", a.part, b.part, a.m.Version, b.m.Version)
			case b.m.ConfigHash != a.m.ConfigHash:
				return fmt.Errorf("parts %s and %s are shards of one run made with different configurations (%s and %s): run every shard with one configuration", a.part, b.part, a.m.ConfigHash, b.m.ConfigHash)
			case seen(b.m) != seen(a.m):
				return fmt.Errorf("parts %s and %s are shards of one run but read %d and %d documents: the inputs changed between the shard runs, so documents would be lost or doubled; run the shards again", a.part, b.part, seen(a.m), seen(b.m))
			}
			byIndex[b.shard.Index] = b.part
		}
		var missing []string
		for i := range a.shard.Count {
			if byIndex[i] == "" {
				missing = append(missing, fmt.Sprintf("%d/%d", i, a.shard.Count))
			}
		}
		if len(missing) > 0 {
			return fmt.Errorf("part %s is shard %s of a run, but shard %s of that run is missing: merge all %d shards", a.part, a.m.Shard, strings.Join(missing, ", "), a.shard.Count)
		}
	}
	return nil
}

// seen is the number of documents a run read, its own and other shards'.
func seen(m *report.Manifest) int64 {
	return m.Counts.Documents + m.Counts.Skipped + m.Counts.OtherShards
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

// advance moves the first part on to its next document, dropping it from h at its end.
func (h *partHeap) advance() error {
	s := (*h)[0]
	if s.next() {
		heap.Fix(h, 0)
		return nil
	}
	heap.Pop(h)
	return s.err
}

func (h partHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *partHeap) Push(x any)   { *h = append(*h, x.(*partStream)) }
func (h *partHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
