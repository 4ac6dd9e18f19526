package corpus

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DefaultMaxRecordBytes is the default Options.MaxRecordBytes: 64 MiB.
const DefaultMaxRecordBytes = 64 << 20

// Options control Walk.
type Options struct {
	// Extensions lists the accepted extensions inside folders, with or without the dot, in any
	// case (".jsonl" also accepts ".jsonl.gz"). Empty means all supported extensions (see
	// SupportedExtensions). A listed extension that is not supported is read as plain text.
	Extensions []string
	// Stdin is read for the input "-".
	Stdin io.Reader
	// StdinFormat is the format of "-", as an extension such as "jsonl" or ".csv". Empty means
	// sniffed: a first non-blank byte '{' is JSONL, '<' is HTML, anything else is text (in UTF-16
	// with a byte order mark too); gzip is recognised by its magic bytes.
	StdinFormat string
	// MaxRecordBytes caps the decompressed size of a whole-file document, a JSONL line or a CSV
	// record, so that memory stays bounded. Zero means DefaultMaxRecordBytes.
	MaxRecordBytes int
	// Exclude lists filepath.Match patterns for files and folders inside folders (and glob
	// matches) to pass over, matched against the name and against the path relative to the input
	// root with forward slashes: "README*", "drafts", "2024/*/raw.jsonl". A bad pattern matches
	// nothing. Explicitly named inputs are always read.
	Exclude []string
	// Skipped, if not nil, is told of each file inside a folder that was passed over on purpose
	// (unsupported extension, hidden name, excluded, not a regular file, already read). These are
	// not failures.
	Skipped func(path, reason string)
}

// SupportedExtensions returns the extensions Walk reads, each also accepted with ".gz" appended.
func SupportedExtensions() []string {
	return []string{".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".csv", ".tsv"}
}

// format is how a file's content is read.
type format int

const (
	formatText  format = iota // whole file, plain text or Markdown
	formatHTML                // whole file, raw HTML kept for ExtractHTML
	formatJSONL               // one JSON object a line
	formatCSV                 // comma-separated with a header
	formatTSV                 // tab-separated with a header
)

// formatOf returns the format of a lower-case extension and whether it is supported.
func formatOf(ext string) (format, bool) {
	switch ext {
	case ".txt", ".md":
		return formatText, true
	case ".html", ".htm":
		return formatHTML, true
	case ".jsonl", ".ndjson":
		return formatJSONL, true
	case ".csv":
		return formatCSV, true
	case ".tsv":
		return formatTSV, true
	}
	return formatText, false
}

// splitExt returns the lower-case extension of name without a final ".gz", and whether ".gz" was
// there: "a.JSONL.gz" gives ".jsonl", true.
func splitExt(name string) (string, bool) {
	name = strings.ToLower(name)
	gz := strings.HasSuffix(name, ".gz")
	if gz {
		name = strings.TrimSuffix(name, ".gz")
	}
	return filepath.Ext(name), gz
}

// Walk reads inputs and calls emit for each document and fail for each problem, in a
// deterministic order: inputs in the order given, the files of a folder depth first in lexical
// order of names (as filepath.WalkDir), the records of a file in line order.
//
// An input is "-" for Options.Stdin, a file, a folder (read recursively, following symbolic links
// but reporting links that lead back to a folder being read as a symlink loop), or a glob
// (filepath.Match syntax, used only when no file has that exact name; "**" is not special; matches
// are filtered by extension as inside folders unless the pattern ends in a literal extension, as
// "*.text" does). Overlapping inputs (the same input twice, a folder and a file or folder inside
// it) read each file once; a file reached by two different paths (through symlinks) is read twice.
//
// Inside folders, files whose extension is not accepted (see Options.Extensions), names starting
// with ".", names matching Options.Exclude and special files (pipes, devices) are skipped: they are
// not failures, but Options.Skipped hears of them. Explicitly named files are always read, by their extension, and as
// plain text when it is not a supported one. An explicitly named input that does not exist, a glob
// that matches nothing, and an unreadable, empty, binary, truncated or malformed file or record are
// each a Failure whose Reason says what to fix.
//
// Document IDs: a record's own "id" when it has one; otherwise the file's path relative to its
// input root, with forward slashes ("sport/199.txt" for the folder input "bbc"; the base name for a
// file input; relative to the fixed leading folders of a glob), followed by ":LINE" for a JSONL or
// CSV record. Stdin counts as the file "stdin". Documents from HTML files, and records with an
// "html" field but no "text", carry the raw page in Document.HTML and no Text: call ExtractHTML.
// A record with both uses "text".
//
// Text is normalised as decodeText describes for .txt, .md and .html files: byte order marks
// removed, UTF-16 decoded, NUL bytes removed, invalid UTF-8 repaired as Windows-1252, CRLF and CR
// turned into LF; each repair is a Document note. Quote offsets refer to the text after that
// normalisation. A file whose first 8 KB hold NUL bytes and more than 10% control or invalid bytes
// is binary: a Failure. JSONL "text" is used exactly as decoded from JSON, except that invalid UTF-8
// in the line is repaired the same way (with a note); CSV fields are used as encoding/csv returns
// them (CRLF inside a quoted field becomes LF) and TSV fields as they stand, with the same repair.
//
// Walk never stops on a bad file or record; it returns an error only when ctx is cancelled
// (ctx.Err()) or emit returns one (that error, as is).
func Walk(ctx context.Context, inputs []string, opts Options, emit func(Document) error, fail func(Failure)) error {
	w := &walker{
		ctx:   ctx,
		opts:  opts,
		emit:  emit,
		fail:  fail,
		files: make(map[string]bool),
		roots: make(map[string]string),
		max:   opts.MaxRecordBytes,
	}
	if w.max <= 0 {
		w.max = DefaultMaxRecordBytes
	}
	w.cwd, _ = os.Getwd()
	if len(opts.Extensions) > 0 {
		w.exts = make(map[string]bool)
		for _, e := range opts.Extensions {
			e = strings.ToLower(strings.TrimSpace(e))
			if e != "" && !strings.HasPrefix(e, ".") {
				e = "." + e
			}
			w.exts[e] = true
		}
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.input(in); err != nil {
			return err
		}
	}
	return nil
}

// walker carries the state of one Walk.
type walker struct {
	ctx  context.Context
	opts Options
	emit func(Document) error
	fail func(Failure)
	exts map[string]bool // accepted extensions; nil means all supported
	// Inputs already read, by absolute path, so that overlapping inputs read a file once. Only
	// inputs are kept (named files, glob matches and folders), not every file of a folder, so
	// memory does not grow with the corpus.
	files map[string]bool   // files named as inputs
	roots map[string]string // folders named as inputs, each with the absolute root of its ids
	max   int

	buf        []byte // read buffer for whole files, reused from file to file
	failures   int    // failures reported so far
	recordNote string // a note for every record of the file being read
	cwd        string // working folder, to make paths absolute
}

func (w *walker) failure(path string, line int, docID, reason string) {
	w.failures++
	w.fail(Failure{Path: path, Line: line, DocID: docID, Reason: reason})
}

func (w *walker) skipped(path, reason string) {
	if w.opts.Skipped != nil {
		w.opts.Skipped(path, reason)
	}
}

// input reads one input as given to Walk.
func (w *walker) input(in string) error {
	if in == "-" {
		return w.stdin()
	}
	if in == "" {
		w.failure(in, 0, "", "empty input name: give a file, folder, glob or -")
		return nil
	}
	if strings.ContainsAny(in, "*?[") {
		if _, err := os.Lstat(in); err != nil {
			return w.glob(in)
		}
	}
	info, err := os.Stat(in)
	if err != nil {
		w.failure(in, 0, "", statReason(in, err))
		return nil
	}
	if info.IsDir() {
		return w.root(in, in, info)
	}
	return w.file(in, filepath.Dir(in), true)
}

// root reads a folder named as an input (or matched by a glob), unless an earlier input folder
// holds it.
func (w *walker) root(path, root string, info fs.FileInfo) error {
	key := w.abs(path)
	if w.underRoot(key) {
		w.skipped(path, "already read")
		return nil
	}
	w.roots[key] = w.abs(root)
	return w.dir(path, root, nil, info)
}

// isRoot reports whether path is a folder named as an input.
func (w *walker) isRoot(path string) bool {
	_, ok := w.roots[w.abs(path)]
	return ok
}

// abs returns path made absolute and clean.
func (w *walker) abs(path string) string {
	key := filepath.Clean(path)
	if !filepath.IsAbs(key) && w.cwd != "" {
		key = filepath.Join(w.cwd, key)
	}
	return key
}

// readInRoot reports whether the walk of an input folder already read the file at the absolute
// path key: it is inside that folder, with an accepted extension, and neither hidden nor excluded
// (by a path relative to the root of the folder's ids, as dir matches it).
func (w *walker) readInRoot(key string) bool {
	for dir := filepath.Dir(key); ; dir = filepath.Dir(dir) {
		if idRoot, ok := w.roots[dir]; ok {
			p := dir
			for _, part := range strings.Split(relID(dir, key), "/") {
				p = filepath.Join(p, part)
				if strings.HasPrefix(part, ".") || w.excluded(part, relID(idRoot, p)) {
					return false
				}
			}
			return w.accepts(filepath.Base(key))
		}
		if filepath.Dir(dir) == dir {
			return false
		}
	}
}

// underRoot reports whether the absolute path key is, or is inside, a folder already read as an
// input.
func (w *walker) underRoot(key string) bool {
	if len(w.roots) == 0 {
		return false
	}
	for {
		if _, ok := w.roots[key]; ok {
			return true
		}
		parent := filepath.Dir(key)
		if parent == key {
			return false
		}
		key = parent
	}
}

// glob reads every match of pattern in sorted order.
func (w *walker) glob(pattern string) error {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		w.failure(pattern, 0, "", fmt.Sprintf("bad glob pattern: %v", err))
		return nil
	}
	if len(matches) == 0 {
		w.failure(pattern, 0, "", "no file matches this glob: check the pattern (quote it so the shell does not expand it)")
		return nil
	}
	root := globRoot(pattern)
	// Matches are filtered by extension as folder contents are, unless the pattern itself ends
	// in a literal extension ("*.text").
	ext := filepath.Ext(pattern)
	named := ext != "" && !strings.ContainsAny(ext, "*?[")
	sort.Strings(matches)
	for _, m := range matches {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		info, err := os.Stat(m)
		if err != nil {
			w.failure(m, 0, "", statReason(m, err))
			continue
		}
		switch {
		case hiddenMatch(pattern, m):
			w.skipped(m, "hidden name")
		case w.excluded(filepath.Base(m), relID(root, m)):
			w.skipped(m, "excluded")
		case info.IsDir():
			err = w.root(m, root, info)
		case named || w.accepts(filepath.Base(m)):
			err = w.file(m, root, true)
		default:
			w.skipped(m, "unsupported extension")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// hiddenMatch reports whether a wildcard of pattern matched a hidden name in m (".git" for
// "corpus/*"): the shell's globs pass over them, as the folder walk does. A segment of the
// pattern that starts with "." may match one ("corpus/.*").
func hiddenMatch(pattern, m string) bool {
	ps := strings.Split(filepath.ToSlash(filepath.Clean(pattern)), "/")
	ms := strings.Split(filepath.ToSlash(filepath.Clean(m)), "/")
	if len(ps) != len(ms) {
		return false
	}
	for i := range ps {
		if strings.HasPrefix(ms[i], ".") && !strings.HasPrefix(ps[i], ".") {
			return true
		}
	}
	return false
}

// globRoot returns the leading folders of pattern that hold no glob characters ("." for none).
// A volume name is not searched: the ? of a Windows \\?\C: path is no glob character.
func globRoot(pattern string) string {
	dir := filepath.Dir(pattern)
	for strings.ContainsAny(dir[len(filepath.VolumeName(dir)):], "*?[") {
		dir = filepath.Dir(dir)
	}
	return dir
}

// dir reads the folder path recursively; ancestors are the folders being read above it.
func (w *walker) dir(path, root string, ancestors []fs.FileInfo, info fs.FileInfo) error {
	for _, a := range ancestors {
		if os.SameFile(a, info) {
			w.failure(path, 0, "", "symlink loop: this link leads back to a folder above it; remove or fix the link")
			return nil
		}
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		w.failure(path, 0, "", readDirReason(err))
		if len(entries) == 0 {
			return nil
		}
	}
	ancestors = append(ancestors, info)
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		p := filepath.Join(path, name)
		if strings.HasPrefix(name, ".") {
			w.skipped(p, "hidden name")
			continue
		}
		if len(w.opts.Exclude) > 0 && w.excluded(name, relID(root, p)) {
			w.skipped(p, "excluded")
			continue
		}
		typ := e.Type()
		var fi fs.FileInfo
		if typ&fs.ModeSymlink != 0 {
			fi, err = os.Stat(p)
			if err != nil {
				w.failure(p, 0, "", statReason(p, err))
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			if fi == nil {
				if fi, err = os.Stat(p); err != nil {
					w.failure(p, 0, "", statReason(p, err))
					continue
				}
			}
			if len(w.roots) > 1 && w.isRoot(p) {
				w.skipped(p, "already read")
				continue
			}
			if err := w.dir(p, root, ancestors, fi); err != nil {
				return err
			}
		case typ.IsRegular():
			if !w.accepts(name) {
				w.skipped(p, "unsupported extension")
				continue
			}
			if err := w.file(p, root, false); err != nil {
				return err
			}
		default:
			w.skipped(p, "not a regular file")
		}
	}
	return nil
}

// excluded reports whether a name, or its path relative to the input root, matches
// Options.Exclude.
func (w *walker) excluded(name, rel string) bool {
	for _, pat := range w.opts.Exclude {
		if ok, _ := filepath.Match(pat, name); ok {
			return true
		}
		if ok, _ := path.Match(pat, rel); ok {
			return true
		}
	}
	return false
}

// accepts reports whether a file name inside a folder has an accepted extension.
func (w *walker) accepts(name string) bool {
	ext, gz := splitExt(name)
	if w.exts == nil {
		_, ok := formatOf(ext)
		return ok
	}
	return w.exts[ext] || (gz && w.exts[ext+".gz"])
}

// statReason says what went wrong when looking up path, and what to do.
func statReason(path string, err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "symlink loop: the link points (through other links) back to itself; remove or fix it"
	case errors.Is(err, fs.ErrNotExist):
		if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(path)
			return fmt.Sprintf("broken symlink: its target %q does not exist; fix or remove the link", target)
		}
		return "no such file or folder: check the path"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: make it readable by the user running quotetone (for example chmod a+r)"
	}
	return fmt.Sprintf("cannot read: %v", unwrapPath(err))
}

// readDirReason says why a folder could not be listed.
func readDirReason(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied: make the folder readable and searchable by the user running quotetone (chmod a+rx)"
	}
	return fmt.Sprintf("cannot list folder: %v", unwrapPath(err))
}

// openReason says why a file could not be opened.
func openReason(path string, err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied: make the file readable by the user running quotetone (for example chmod a+r)"
	}
	return statReason(path, err)
}

// unwrapPath drops the path from a *fs.PathError, which the Failure already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// relID returns the ID of a file: its path relative to root with forward slashes.
func relID(root, path string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		rel = filepath.Base(path)
	}
	return filepath.ToSlash(rel)
}

// file reads one file; explicit is true when it was named as an input or matched by a glob.
func (w *walker) file(path, root string, explicit bool) error {
	if explicit || len(w.files) > 0 {
		key := w.abs(path)
		if w.files[key] || (explicit && w.readInRoot(key)) {
			w.skipped(path, "already read")
			return nil
		}
		if explicit {
			w.files[key] = true
		}
	}

	ext, gz := splitExt(filepath.Base(path))
	fm, _ := formatOf(ext)
	id := relID(root, path)
	if !gz && (fm == formatText || fm == formatHTML) {
		return w.wholeFile(path, id, fm)
	}
	f, err := os.Open(path)
	if err != nil {
		w.failure(path, 0, "", openReason(path, err))
		return nil
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return w.dir(path, root, nil, fi)
	}
	return w.read(f, path, id, fm, gz)
}

// wholeFile reads a text or HTML file as one document. Its bytes go into the walker's buffer,
// which every file reuses: the document keeps only the decoded text, a copy. No stat is
// needed; a folder that took a file's place reads as the failure "is a directory".
func (w *walker) wholeFile(path, id string, fm format) error {
	f, err := openFile(path)
	if err != nil {
		w.failure(path, 0, "", openReason(path, err))
		return nil
	}
	if w.buf == nil {
		w.buf = make([]byte, 0, 32<<10)
	}
	b, err := readAll(f, w.buf[:0], w.max)
	f.Close()
	if cap(b) <= maxKeptBuffer {
		w.buf = b[:0]
	}
	if err != nil {
		w.failure(path, 0, id, fmt.Sprintf("read error: %v", unwrapPath(err)))
		return nil
	}
	if isGzip(b) {
		// A compressed file without .gz: whole decompresses into a buffer of its own.
		return w.read(bytes.NewReader(b), path, id, fm, true)
	}
	return w.wholeBytes(b, path, id, fm == formatHTML)
}

// stdin reads Options.Stdin as the file "stdin".
func (w *walker) stdin() error {
	if w.opts.Stdin == nil {
		w.failure("-", 0, "", "standard input is not available")
		return nil
	}
	br := bufio.NewReaderSize(w.opts.Stdin, 64<<10)
	name := strings.ToLower(strings.TrimSpace(w.opts.StdinFormat))
	if name != "" && !strings.HasPrefix(name, ".") {
		name = "." + name
	}
	ext, gz := splitExt("stdin" + name)
	fm, _ := formatOf(ext)
	if name == "" {
		r := io.Reader(br)
		if magic, _ := br.Peek(2); isGzip(magic) {
			zr, err := gzip.NewReader(br)
			if err != nil {
				w.failure("-", 0, "", gzipReason(err, 0))
				return nil
			}
			defer zr.Close()
			r = zr
		}
		zb := bufio.NewReaderSize(r, 64<<10)
		fm = sniff(zb)
		return w.decode(zb, "-", "stdin", fm)
	}
	return w.read(br, "-", "stdin", fm, gz)
}

// sniff guesses the format of r from its first non-blank byte (or UTF-16 code unit, after a
// UTF-16 byte order mark).
func sniff(r *bufio.Reader) format {
	if bom, _ := r.Peek(2); len(bom) == 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)) {
		return sniffUTF16(r, bom[0] == 0xFF)
	}
	for n := 1; n <= 4096; n++ {
		b, err := r.Peek(n)
		if len(b) < n {
			return formatText
		}
		switch c := b[n-1]; c {
		case ' ', '\t', '\r', '\n', 0xEF, 0xBB, 0xBF:
			if err != nil {
				return formatText
			}
			continue
		case '{':
			return formatJSONL
		case '<':
			return formatHTML
		default:
			return formatText
		}
	}
	return formatText
}

// sniffUTF16 is sniff for content that starts with a UTF-16 byte order mark.
func sniffUTF16(r *bufio.Reader, little bool) format {
	b, _ := r.Peek(4096)
	for i := 2; i+1 < len(b); i += 2 {
		u := uint16(b[i])<<8 | uint16(b[i+1])
		if little {
			u = uint16(b[i]) | uint16(b[i+1])<<8
		}
		switch u {
		case ' ', '\t', '\r', '\n', 0xFEFF:
			continue
		case '{':
			return formatJSONL
		case '<':
			return formatHTML
		}
		return formatText
	}
	return formatText
}

// read reads one opened file of format fm, gunzipping it when gz is set or when it starts with
// the gzip magic bytes.
func (w *walker) read(r io.Reader, path, id string, fm format, gz bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); gz || isGzip(magic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			w.failure(path, 0, "", gzipReason(err, 0))
			return nil
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	return w.decode(br, path, id, fm)
}

// decode reads decompressed content in format fm.
func (w *walker) decode(r *bufio.Reader, path, id string, fm format) error {
	if fm != formatText && fm != formatHTML {
		// Record files in UTF-16 with a byte order mark (Excel's "Unicode text") are transcoded as
		// they stream; whole files are decoded by decodeText.
		if bom, _ := r.Peek(2); len(bom) == 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)) {
			name := "UTF-16LE"
			if bom[0] == 0xFE {
				name = "UTF-16BE"
			}
			dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
			r = bufio.NewReaderSize(transform.NewReader(r, dec), 64<<10)
			w.recordNote = "decoded from " + name
			defer func() { w.recordNote = "" }()
		}
	}
	switch fm {
	case formatJSONL:
		return w.jsonl(r, path, id)
	case formatCSV:
		return w.csv(r, path, id)
	case formatTSV:
		return w.tsv(r, path, id)
	}
	return w.whole(r, path, id, fm == formatHTML)
}

// isGzip reports whether b starts with the gzip magic bytes.
func isGzip(b []byte) bool {
	return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b
}

// maxKeptBuffer is the largest read buffer a walker keeps for the next file; a larger one,
// grown for one big file, is left to the collector.
const maxKeptBuffer = 1 << 20

// readAll appends r's content to b, up to its end or to just past max bytes.
func readAll(r io.Reader, b []byte, max int) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if len(b) > max || err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// whole reads a whole file as one document.
func (w *walker) whole(r io.Reader, path, id string, isHTML bool) error {
	b, err := readAll(r, make([]byte, 0, 4096), w.max)
	if err != nil {
		if isGzipError(err) {
			w.failure(path, 0, id, gzipReason(err, -1))
		} else {
			w.failure(path, 0, id, fmt.Sprintf("read error: %v", unwrapPath(err)))
		}
		return nil
	}
	return w.wholeBytes(b, path, id, isHTML)
}

// wholeBytes turns the content of a whole file into one document.
func (w *walker) wholeBytes(b []byte, path, id string, isHTML bool) error {
	if len(b) > w.max {
		w.failure(path, 0, id, fmt.Sprintf("file is larger than %d bytes (MaxRecordBytes): split it or raise the limit", w.max))
		return nil
	}
	if len(b) == 0 {
		w.failure(path, 0, id, "empty file: nothing to read; remove it or fill it")
		return nil
	}
	var text string
	var notes []string
	var err error
	if !isHTML && looksHTML(b) {
		// A scraper saved a page with a text extension: its scripts and menus must not become text.
		isHTML = true
		notes = append(notes, "HTML page in a text file: read as HTML")
	}
	if isHTML {
		var more []string
		text, more, err = decodeHTML(b)
		notes = append(notes, more...)
	} else {
		text, notes, err = decodeText(b)
	}
	if err != nil {
		w.failure(path, 0, id, binaryReason(err))
		return nil
	}
	if strings.TrimSpace(text) == "" {
		w.failure(path, 0, id, "file holds only blank space: nothing to read; remove it or fill it")
		return nil
	}
	doc := Document{ID: id, Path: path, Notes: notes}
	if isHTML {
		doc.HTML = text
	} else {
		doc.Text = text
	}
	return w.emit(doc)
}

// looksHTML reports whether b starts, after blank space and a byte order mark, with an HTML
// doctype or <html> tag.
func looksHTML(b []byte) bool {
	b = bytes.TrimLeft(bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	if len(b) > 20 {
		b = b[:20]
	}
	s := strings.ToLower(string(b))
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html")
}

// binaryReason turns a decodeText error into a Failure reason.
func binaryReason(err error) string {
	if errors.Is(err, errBinary) {
		return fmt.Sprintf("binary file, not text (%v): remove it, or convert it to UTF-8 text", err)
	}
	return err.Error()
}

// isGzipError reports errors that mean compressed data is cut short or damaged.
func isGzipError(err error) bool {
	var corrupt flate.CorruptInputError
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) ||
		errors.Is(err, gzip.ErrHeader) || errors.As(err, &corrupt)
}

// gzipReason says what is wrong with compressed data. after is the last good record line, or 0
// when nothing was read, or -1 for a whole-file document.
func gzipReason(err error, after int) string {
	what := "truncated or corrupt gzip data"
	if errors.Is(err, gzip.ErrHeader) {
		what = "not gzip data"
	}
	switch {
	case after > 0:
		return fmt.Sprintf("%s after line %d (%v): the records before it were read; re-create or re-download the file", what, after, err)
	case after < 0:
		return fmt.Sprintf("%s (%v): the document is incomplete and was skipped; re-create or re-download the file", what, err)
	}
	return fmt.Sprintf("%s (%v): nothing could be read; re-create or re-download the file", what, err)
}
