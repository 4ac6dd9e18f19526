package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// record is one JSONL article; other fields are ignored.
type record struct {
	ID     flexString `json:"id"`
	Text   flexString `json:"text"`
	Title  flexString `json:"title"`
	Date   flexString `json:"date"`
	Source flexString `json:"source"`
	URL    flexString `json:"url"`
	HTML   flexString `json:"html"`
}

// flexString decodes a JSON string, number or boolean as a string, and null as "".
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0:
		return nil
	case b[0] == '"' && len(b) >= 2 && bytes.IndexByte(b, '\\') < 0:
		// No escapes: the outer decoder has checked the syntax already.
		*s = flexString(b[1 : len(b)-1])
	case b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = flexString(v)
	case b[0] == '{':
		return &json.UnmarshalTypeError{Value: "object", Type: reflect.TypeFor[string]()}
	case b[0] == '[':
		return &json.UnmarshalTypeError{Value: "array", Type: reflect.TypeFor[string]()}
	case string(b) == "null":
		*s = ""
	default:
		*s = flexString(b) // number or boolean, as written
	}
	return nil
}

// maxBadLines is how many failed lines, with no good one, make a record file not worth reading on.
const maxBadLines = 100

// jsonl reads one JSON object a line. Blank lines are skipped; every other bad line is a Failure
// at path:line and reading goes on, unless the first 100 lines are all bad.
func (w *walker) jsonl(r *bufio.Reader, path, fileID string) error {
	var buf []byte
	line, lastGood := 0, 0
	failsBefore := w.failures
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		b, tooLong, err := readLine(r, buf[:0], w.max)
		buf = b
		if err != nil && err != io.EOF {
			w.readFailure(path, lastGood, err)
			return nil
		}
		if len(b) == 0 && !tooLong && err == io.EOF {
			break
		}
		line++
		if tooLong {
			w.failure(path, line, "", fmt.Sprintf("line is longer than %d bytes (MaxRecordBytes): split the record or raise the limit", w.max))
		} else if ratio, binary := binaryRatio(b); binary && line == 1 {
			w.failure(path, line, "", fmt.Sprintf("binary file, not JSONL (%.0f%% NUL, control or invalid bytes in the first line): remove it, or convert it to UTF-8 JSONL", ratio*100))
			return nil
		} else if doc, ok := w.jsonRecord(b, path, fileID, line); ok {
			if err := w.emit(doc); err != nil {
				return err
			}
			lastGood = line
		} else if w.failures-failsBefore >= maxBadLines && lastGood == 0 {
			w.failure(path, 0, "", fmt.Sprintf("no valid record in the first %d lines: is this JSONL? the rest of the file was skipped", maxBadLines))
			return nil
		}
		if err == io.EOF {
			break
		}
	}
	if line == 0 {
		w.failure(path, 0, "", "empty file: no records; remove it or fill it")
	}
	return nil
}

// jsonRecord decodes one JSONL line; a bad line is reported and gives false.
func (w *walker) jsonRecord(b []byte, path, fileID string, line int) (Document, bool) {
	b = bytes.TrimRight(b, "\r\n")
	if line == 1 {
		b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return Document{}, false
	}
	var notes []string
	if w.recordNote != "" {
		notes = append(notes, w.recordNote)
	}
	if s, note := repairUTF8(b); note != "" {
		b = []byte(s)
		notes = append(notes, note)
	}
	var rec record
	if err := json.Unmarshal(b, &rec); err != nil {
		w.failure(path, line, "", jsonReason(err))
		return Document{}, false
	}
	id := strings.TrimSpace(string(rec.ID))
	if id == "" {
		id = fileID + ":" + strconv.Itoa(line)
	}
	doc := Document{
		ID:     id,
		Title:  string(rec.Title),
		Date:   string(rec.Date),
		Source: string(rec.Source),
		URL:    string(rec.URL),
		Path:   path,
		Line:   line,
		Text:   string(rec.Text),
		Notes:  notes,
	}
	if strings.TrimSpace(doc.Text) == "" {
		doc.Text = ""
		if strings.TrimSpace(string(rec.HTML)) == "" {
			w.failure(path, line, id, `record has no text: give it a non-empty "text" (or "html") field`)
			return Document{}, false
		}
		doc.HTML = string(rec.HTML)
	}
	return doc, true
}

// jsonReason explains a JSON decoding error.
func jsonReason(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("invalid JSON at byte %d (%v): each line must be one JSON object such as {\"id\":\"a1\",\"text\":\"...\"}", se.Offset, err)
	case errors.As(err, &te) && te.Field == "":
		return fmt.Sprintf("line is a JSON %s, not an object: each line must be one JSON object such as {\"id\":\"a1\",\"text\":\"...\"}", te.Value)
	case errors.As(err, &te):
		return fmt.Sprintf("field %q is a JSON %s, want a string", te.Field, te.Value)
	}
	return fmt.Sprintf("invalid record (%v): each line must be one JSON object such as {\"id\":\"a1\",\"text\":\"...\"}", err)
}

// readLine reads one line (with its newline) into buf, reading at most max bytes into memory: a
// longer line is consumed and discarded, and reported with tooLong. err is io.EOF after the last
// line, or the read error.
func readLine(r *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+2 { // newline and CR are not counted
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return buf, tooLong, err
	}
}
