package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// errRecordTooLong stops a CSV file with a record over Options.MaxRecordBytes.
var errRecordTooLong = errors.New("record too long")

// csv reads a CSV file (RFC 4180) whose header row names at least a text (or html) column, in any
// case; id, title, date, source and url are used when present, other columns ignored. Quoting is
// strict, so that an unbalanced quote is reported at its row instead of silently swallowing the
// rows after it: a field holding quotes must be wrapped in quotes, with inner quotes doubled. A
// row whose field count differs from the header's (trailing empty fields aside), a row with an
// empty text and a quoting error are each a Failure at the row's first line, and reading goes on.
// A record over Options.MaxRecordBytes stops the file with a Failure.
func (w *walker) csv(r io.Reader, path, fileID string) error {
	guard := &guardReader{r: r, max: int64(w.max)}
	cr := csv.NewReader(guard)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		w.failure(path, 0, "", "empty file: no header and no rows; remove it or fill it")
		return nil
	}
	if err != nil {
		// A header cut short by a quoting error would name the wrong columns.
		var pe *csv.ParseError
		switch {
		case errors.Is(err, errRecordTooLong):
			w.failure(path, 1, "", fmt.Sprintf("header is longer than %d bytes (MaxRecordBytes), or a quote in it is never closed: fix the quoting or raise the limit", w.max))
		case errors.As(err, &pe):
			w.failure(path, pe.StartLine, "", fmt.Sprintf("CSV quoting error in the header (%v): the first row must name the columns, with no quote marks inside a name", pe.Err))
		default:
			w.readFailure(path, 0, err)
		}
		return nil
	}
	t, ok := w.newTable(header, path, fileID)
	if !ok {
		return nil
	}
	lastGood := 1
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		guard.n = 0
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(err, errRecordTooLong) {
				t.rows++
				w.failure(path, pe.StartLine, "", fmt.Sprintf("CSV quoting error (%v): wrap a field that holds quotes, commas or line breaks in quotes, and double the quotes inside it", pe.Err))
				continue
			}
			if errors.Is(err, errRecordTooLong) {
				w.failure(path, lastGood+1, "", fmt.Sprintf("record is longer than %d bytes (MaxRecordBytes), or a quote is never closed: the rest of the file was skipped; fix the quoting or raise the limit", w.max))
				return nil
			}
			w.readFailure(path, lastGood, err)
			return nil
		}
		line, _ := cr.FieldPos(0)
		lastGood = line
		if err := t.row(rec, line); err != nil {
			return err
		}
	}
	t.done()
	return nil
}

// tsv reads a TSV file as IANA text/tab-separated-values: one record a line, fields split on tabs,
// no quoting (quote marks are text), so fields cannot hold tabs or line breaks. The header and row
// rules are the CSV ones.
func (w *walker) tsv(r *bufio.Reader, path, fileID string) error {
	var buf []byte
	var t *table
	line := 0
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		b, tooLong, err := readLine(r, buf[:0], w.max)
		buf = b
		if err != nil && err != io.EOF {
			w.readFailure(path, line, err)
			return nil
		}
		if len(b) == 0 && !tooLong && err == io.EOF {
			break
		}
		line++
		b = bytes.TrimRight(b, "\r\n")
		switch {
		case tooLong:
			w.failure(path, line, "", fmt.Sprintf("line is longer than %d bytes (MaxRecordBytes): split the record or raise the limit", w.max))
			if t == nil {
				return nil
			}
		case len(bytes.TrimSpace(b)) == 0:
			// blank lines are skipped
		case t == nil:
			var ok bool
			if t, ok = w.newTable(strings.Split(string(b), "\t"), path, fileID); !ok {
				return nil
			}
		default:
			if err := t.row(strings.Split(string(b), "\t"), line); err != nil {
				return err
			}
		}
		if err == io.EOF {
			break
		}
	}
	if t == nil {
		w.failure(path, 0, "", "empty file: no header and no rows; remove it or fill it")
		return nil
	}
	t.done()
	return nil
}

// table turns the rows of a CSV or TSV file into documents.
type table struct {
	w               *walker
	path, fileID    string
	col             map[string]int
	width           int
	hasText, hasHTM bool
	rows            int
}

// newTable reads the header row; a header without a text column is a Failure and gives false.
func (w *walker) newTable(header []string, path, fileID string) (*table, bool) {
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	if ratio, binary := binaryRatio([]byte(strings.Join(header, ","))); binary {
		w.failure(path, 1, "", fmt.Sprintf("binary file, not a table (%.0f%% NUL, control or invalid bytes): remove it, or convert it to UTF-8", ratio*100))
		return nil, false
	}
	t := &table{w: w, path: path, fileID: fileID, col: make(map[string]int), width: len(header)}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := t.col[h]; !dup {
			t.col[h] = i
		}
	}
	_, t.hasText = t.col["text"]
	_, t.hasHTM = t.col["html"]
	if !t.hasText && !t.hasHTM {
		w.failure(path, 1, "", "header has no text column: the first row must name the columns, at least text (optional: id, title, date, source, url, html)")
		return nil, false
	}
	return t, true
}

// row emits the document of one row, or reports why it cannot.
func (t *table) row(rec []string, line int) error {
	t.rows++
	w := t.w
	if n := trimEmptyTail(rec, t.width); n != t.width {
		w.failure(t.path, line, "", fmt.Sprintf("row has %d fields, header has %d: add the missing fields or fix the quoting", n, t.width))
		return nil
	}
	var notes []string
	if w.recordNote != "" {
		notes = append(notes, w.recordNote)
	}
	get := func(name string) string {
		i, ok := t.col[name]
		if !ok {
			return ""
		}
		s, note := repairUTF8String(rec[i])
		if note != "" {
			notes = append(notes, name+": "+note)
		}
		return s
	}
	id := strings.TrimSpace(get("id"))
	if id == "" {
		id = t.fileID + ":" + strconv.Itoa(line)
	}
	doc := Document{
		ID:     id,
		Title:  get("title"),
		Date:   get("date"),
		Source: get("source"),
		URL:    get("url"),
		Path:   t.path,
		Line:   line,
		Text:   get("text"),
	}
	if strings.TrimSpace(doc.Text) == "" {
		doc.Text = get("html")
		doc.HTML, doc.Text = doc.Text, ""
		if strings.TrimSpace(doc.HTML) == "" {
			w.failure(t.path, line, id, "row has an empty text field: fill it or remove the row")
			return nil
		}
	}
	doc.Notes = notes
	return w.emit(doc)
}

// done reports a table without rows.
func (t *table) done() {
	if t.rows == 0 {
		t.w.failure(t.path, 0, "", "file has a header but no rows: nothing to read")
	}
}

// trimEmptyTail returns the number of fields in rec, not counting empty fields past width (as
// spreadsheets write them).
func trimEmptyTail(rec []string, width int) int {
	n := len(rec)
	for n > width && rec[n-1] == "" {
		n--
	}
	return n
}

// readFailure reports an error that stops reading a record file after line lastGood.
func (w *walker) readFailure(path string, lastGood int, err error) {
	if isGzipError(err) {
		w.failure(path, 0, "", gzipReason(err, lastGood))
		return
	}
	w.failure(path, 0, "", fmt.Sprintf("read error after line %d: %v", lastGood, unwrapPath(err)))
}

// guardReader fails once more than max bytes are read since n was last reset, so that one CSV
// record cannot take unbounded memory.
type guardReader struct {
	r      io.Reader
	n, max int64
}

func (g *guardReader) Read(p []byte) (int, error) {
	if g.n > g.max {
		return 0, errRecordTooLong
	}
	n, err := g.r.Read(p)
	g.n += int64(n)
	return n, err
}
