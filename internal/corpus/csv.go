package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// csv reads a CSV or TSV file with a header row that names at least a text (or html) column. A row
// whose field count differs from the header's (trailing empty fields aside) is a Failure at its
// line; so is a row with an empty text, and a quoting error. Quotes are read leniently
// (LazyQuotes), so that a bare quote in an unquoted field is kept as text.
func (w *walker) csv(r io.Reader, path, fileID string, comma rune) error {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		w.failure(path, 0, "", "empty file: no header and no rows; remove it or fill it")
		return nil
	}
	if err != nil && !isParseError(err) {
		w.readFailure(path, 0, err)
		return nil
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	if ratio, binary := binaryRatio([]byte(strings.Join(header, ","))); binary {
		w.failure(path, 1, "", fmt.Sprintf("binary file, not CSV (%.0f%% NUL, control or invalid bytes): remove it, or convert it to UTF-8 CSV", ratio*100))
		return nil
	}
	col := make(map[string]int)
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	_, hasText := col["text"]
	_, hasHTML := col["html"]
	if !hasText && !hasHTML {
		w.failure(path, 1, "", "header has no text column: the first row must name the columns, at least text (optional: id, title, date, source, url, html)")
		return nil
	}
	width := len(header)
	rows, lastGood := 0, 1
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				w.failure(path, pe.StartLine, "", fmt.Sprintf("CSV quoting error (%v): check the quotes on this row", pe.Err))
				continue
			}
			w.readFailure(path, lastGood, err)
			return nil
		}
		rows++
		line, _ := cr.FieldPos(0)
		lastGood = line
		if n := trimEmptyTail(rec, width); n != width {
			w.failure(path, line, "", fmt.Sprintf("row has %d fields, header has %d: add the missing fields or fix the quoting", n, width))
			continue
		}
		field := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		var notes []string
		get := func(name string) string {
			s, note := repairUTF8String(field(name))
			if note != "" {
				notes = append(notes, name+": "+note)
			}
			return s
		}
		id := strings.TrimSpace(get("id"))
		if id == "" {
			id = fileID + ":" + strconv.Itoa(line)
		}
		doc := Document{
			ID:     id,
			Title:  get("title"),
			Date:   get("date"),
			Source: get("source"),
			URL:    get("url"),
			Path:   path,
			Line:   line,
		}
		if hasText {
			doc.Text = get("text")
		}
		if strings.TrimSpace(doc.Text) == "" {
			doc.Text = ""
			if hasHTML {
				doc.HTML = get("html")
			}
			if strings.TrimSpace(doc.HTML) == "" {
				w.failure(path, line, id, "row has an empty text field: fill it or remove the row")
				continue
			}
		}
		doc.Notes = notes
		if err := w.emit(doc); err != nil {
			return err
		}
	}
	if rows == 0 {
		w.failure(path, 0, "", "file has a header but no rows: nothing to read")
	}
	return nil
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

// isParseError reports a *csv.ParseError.
func isParseError(err error) bool {
	var pe *csv.ParseError
	return errors.As(err, &pe)
}

// readFailure reports an error that stops reading a record file after line lastGood.
func (w *walker) readFailure(path string, lastGood int, err error) {
	if isGzipError(err) {
		w.failure(path, 0, "", gzipReason(err, lastGood))
		return
	}
	w.failure(path, 0, "", fmt.Sprintf("read error after line %d: %v", lastGood, unwrapPath(err)))
}
