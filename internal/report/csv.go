// Package report turns scored quotes into the files people open: quotes.csv, speakers.csv,
// documents.csv, errors.csv and manifest.json. Per-speaker sums are exact integers, so
// reports merged from shards are byte-identical to a single run.
package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format says how numbers and CSV files are spelled for spreadsheets.
type Format struct {
	BOM          bool // start each CSV file with a UTF-8 byte order mark
	Delimiter    rune // ',' by default; ';' or '\t' for locales with decimal commas
	DecimalComma bool // write 0,25 instead of 0.25
}

// DefaultFormat is what Excel, LibreOffice and Google Sheets read without questions.
var DefaultFormat = Format{BOM: true, Delimiter: ','}

const bom = "\ufeff"

// Writer writes RFC 4180 CSV with CRLF line ends, an optional BOM and the OWASP guard against
// formula injection: a text cell starting with = + - @ tab or CR gets a leading apostrophe,
// so a spreadsheet shows it as text instead of running it. Numbers are left alone. CR and CRLF
// inside cells become LF, and a line break inside a quoted cell is then written as CRLF, as
// encoding/csv writes it; every reader reads it back as LF. It satisfies gocsv's CSVWriter
// interface.
//
// Its bytes are those of encoding/csv's Writer with UseCRLF, which it replaced: it encodes cells
// straight into its buffer, so a row of numbers and text costs no allocation (TestWriterMatchesCSV
// holds the two to the same bytes).
type Writer struct {
	out    io.Writer
	buf    []byte // encoded records not yet written to out
	comma  rune
	format Format
	bomDue bool
	cells  int // cells in the record being written
	err    error
}

// flushAt is the size of buf at which a finished record is passed on to out.
const flushAt = 64 << 10

// errInvalidDelim is encoding/csv's error for a delimiter that cannot separate cells.
var errInvalidDelim = errors.New("csv: invalid field or comment delimiter")

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer, f Format) *Writer {
	comma := f.Delimiter
	if comma == 0 {
		comma = ','
	}
	// One buffer for the life of the Writer: a little room past flushAt for the record that
	// crosses it.
	cw := &Writer{out: w, buf: make([]byte, 0, flushAt+flushAt/4), comma: comma, format: f, bomDue: f.BOM}
	if !validDelim(comma) {
		cw.err = errInvalidDelim
	}
	return cw
}

func validDelim(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}

// Write writes one record, guarding its text cells.
func (w *Writer) Write(record []string) error {
	for _, cell := range record {
		w.Text(cell)
	}
	return w.EndRecord()
}

// Text adds a text cell to the record being written, guarded; EndRecord finishes the record.
// Text, Int and Fixed write the same bytes as Write with the cells as strings.
func (w *Writer) Text(cell string) {
	w.sep()
	if strings.IndexByte(cell, '\r') >= 0 {
		// encoding/csv reads a CR inside a cell back as nothing or LF: write LF.
		cell = strings.ReplaceAll(strings.ReplaceAll(cell, "\r\n", "\n"), "\r", "\n")
	}
	guard := needsGuard(cell)
	// encoding/csv quotes the guarded cell "'" + cell: it does not equal \. nor start with a
	// space, and holds a delimiter if cell does or the delimiter is the apostrophe.
	var quote bool
	if guard {
		quote = w.comma == '\'' || w.hasSpecial(cell)
	} else if cell != "" {
		quote = cell == `\.` || w.hasSpecial(cell) || startsWithSpace(cell)
	}
	if quote {
		w.buf = append(w.buf, '"')
	}
	if guard {
		w.buf = append(w.buf, '\'')
	}
	if !quote {
		w.buf = append(w.buf, cell...)
		return
	}
	for {
		i := strings.IndexAny(cell, "\"\n")
		if i < 0 {
			break
		}
		w.buf = append(w.buf, cell[:i]...)
		if cell[i] == '"' {
			w.buf = append(w.buf, '"', '"')
		} else {
			w.buf = append(w.buf, '\r', '\n')
		}
		cell = cell[i+1:]
	}
	w.buf = append(w.buf, cell...)
	w.buf = append(w.buf, '"')
}

// Int adds an integer cell to the record being written.
func (w *Writer) Int(n int64) {
	var b [24]byte
	w.number(strconv.AppendInt(b[:0], n, 10))
}

// Float adds a cell with x spelled as Format.Float spells it to the record being written.
func (w *Writer) Float(x float64) {
	var b [32]byte
	w.number(w.format.AppendFloat(b[:0], x))
}

// Fixed adds a score cell, spelled as Format.Fixed spells it, to the record being written.
func (w *Writer) Fixed(x Fixed) {
	var b [32]byte
	w.number(w.format.AppendFixed(b[:0], x))
}

// number adds a cell of digits, signs and decimal separators (or NaN, +Inf, -Inf): it needs
// quotes only when the delimiter is one of its characters, and the guard only in Fixed's odd
// spelling of the least int64, which the text path handles.
func (w *Writer) number(b []byte) {
	if bytes.ContainsRune(b, w.comma) || (len(b) > 1 && b[1] == '-') {
		w.Text(string(b))
		return
	}
	w.sep()
	w.buf = append(w.buf, b...)
}

// EndRecord finishes the record started by Text, Int or Fixed.
func (w *Writer) EndRecord() error {
	if w.bomDue { // an empty first record: the mark still starts the file
		w.bomDue = false
		w.buf = append(w.buf, bom...)
	}
	w.cells = 0
	w.buf = append(w.buf, '\r', '\n')
	if w.err != nil {
		return w.err
	}
	if len(w.buf) >= flushAt {
		w.Flush()
	}
	return w.err
}

// sep starts a cell: the byte order mark before the first one of the file, the delimiter
// before all but the first one of a record.
func (w *Writer) sep() {
	if w.bomDue {
		w.bomDue = false
		w.buf = append(w.buf, bom...)
	}
	if w.cells > 0 {
		w.buf = utf8.AppendRune(w.buf, w.comma)
	}
	w.cells++
}

// hasSpecial reports whether cell holds a character that makes encoding/csv quote it.
func (w *Writer) hasSpecial(cell string) bool {
	if w.comma < utf8.RuneSelf {
		c := byte(w.comma)
		for i := 0; i < len(cell); i++ {
			if b := cell[i]; b == '\n' || b == '"' || b == c {
				return true
			}
		}
		return false
	}
	return strings.ContainsRune(cell, w.comma) || strings.ContainsAny(cell, "\"\n")
}

func startsWithSpace(cell string) bool {
	r, _ := utf8.DecodeRuneInString(cell)
	return unicode.IsSpace(r)
}

// Flush writes any buffered data.
func (w *Writer) Flush() {
	if w.err == nil && len(w.buf) > 0 {
		_, w.err = w.out.Write(w.buf)
	}
	w.buf = w.buf[:0]
}

// Error reports any error from a previous Write or Flush.
func (w *Writer) Error() error { return w.err }

// NewReader reads back a CSV file written by a Writer with format f: it skips the byte order
// mark and uses f's delimiter. Cells still carry the guard: Unguard text cells.
func NewReader(r io.Reader, f Format) *csv.Reader {
	br := bufio.NewReaderSize(r, 256<<10)
	if b, _ := br.Peek(len(bom)); string(b) == bom {
		br.Discard(len(bom))
	}
	cr := csv.NewReader(br)
	if f.Delimiter != 0 {
		cr.Comma = f.Delimiter
	}
	cr.FieldsPerRecord = -1
	return cr
}

// Guard returns cell as a spreadsheet shows it safely: unchanged unless it could be read as a
// formula, in which case it is prefixed with an apostrophe. Plain numbers ("-0.25") stay numbers.
// A cell that already starts with apostrophes before such a character gets one more, so that
// Unguard always gives the original back.
func Guard(cell string) string {
	if needsGuard(cell) {
		return "'" + cell
	}
	return cell
}

// Unguard undoes Guard.
func Unguard(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && needsGuard(cell[1:]) {
		return cell[1:]
	}
	return cell
}

func needsGuard(cell string) bool {
	i := 0
	for i < len(cell) && cell[i] == '\'' {
		i++
	}
	if i == len(cell) {
		return false
	}
	switch cell[i] {
	case '+', '-':
		if cell == "-" || cell == "+" { // a lone sign (stdin's path "-") is text in every spreadsheet
			return false
		}
		return i > 0 || !isNumber(cell)
	case '=', '@', '\t', '\r':
		return i > 0 || !isNumber(cell)
	}
	return false
}

func isNumber(s string) bool {
	if isDecimal(s) {
		return true // the common case, a score such as -0.2500, without ParseFloat
	}
	if !floatChars(s) {
		return false // text such as "-1 is the figure": ParseFloat would fail, and allocate to say so
	}
	_, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return err == nil
}

// floatChars reports whether s holds only bytes that strconv.ParseFloat accepts somewhere
// (digits, letters for Inf, NaN, exponents and hex, . _ + -) or the decimal comma isNumber
// allows.
func floatChars(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case c == '.', c == '_', c == '+', c == '-', c == ',':
		default:
			return false
		}
	}
	return true
}

// isDecimal reports whether s is an optional sign, digits, and optionally a point or comma
// followed by digits: a number that ParseFloat always reads (short enough not to overflow).
func isDecimal(s string) bool {
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 300 {
		return false
	}
	digits, sep := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digits++
		case (c == '.' || c == ',') && !sep && digits > 0 && i+1 < len(s):
			sep, digits = true, 0
		default:
			return false
		}
	}
	return digits > 0
}

// AppendFixed appends x as Fixed formats it: exactly four decimals, with a decimal comma when f
// says so. It is the allocation-free form for hot paths (every score and quote row).
func (f Format) AppendFixed(dst []byte, x Fixed) []byte {
	if x == math.MinInt64 { // -x overflows: keep the historical spelling
		s := fmt.Sprintf("-%d.%04d", int64(x)/scale, int64(x)%scale)
		if f.DecimalComma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return append(dst, s...)
	}
	if x < 0 {
		dst = append(dst, '-')
		x = -x
	}
	dst = strconv.AppendInt(dst, int64(x)/scale, 10)
	sep := byte('.')
	if f.DecimalComma {
		sep = ','
	}
	d := int64(x) % scale
	return append(dst, sep, byte('0'+d/1000), byte('0'+d/100%10), byte('0'+d/10%10), byte('0'+d%10))
}

// Float formats x with four decimals, the precision every report uses.
func (f Format) Float(x float64) string {
	var b [32]byte
	return string(f.AppendFloat(b[:0], x))
}

// AppendFloat appends x as Float formats it.
func (f Format) AppendFloat(dst []byte, x float64) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, x, 'f', decimals, 64)
	if string(dst[start:]) == "-0.0000" {
		dst = append(dst[:start], "0.0000"...)
	}
	if f.DecimalComma {
		if i := bytes.IndexByte(dst[start:], '.'); i >= 0 {
			dst[start+i] = ','
		}
	}
	return dst
}

// ParseFloat reads a number written by Float.
func (f Format) ParseFloat(s string) (float64, error) {
	if f.DecimalComma {
		s = strings.Replace(s, ",", ".", 1)
	}
	return strconv.ParseFloat(s, 64)
}
