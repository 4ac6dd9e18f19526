// Package report turns scored quotes into the files people open: quotes.csv, speakers.csv,
// documents.csv, errors.csv and manifest.json. Per-speaker sums are exact integers, so
// reports merged from shards are byte-identical to a single run.
package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
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
// so a spreadsheet shows it as text instead of running it. Numbers are left alone. Line breaks
// inside cells are written as LF (CR and CRLF become LF), which every reader reads back alike.
// It satisfies gocsv's CSVWriter interface.
type Writer struct {
	w      *csv.Writer
	format Format
	bomDue bool
	out    io.Writer
}

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer, f Format) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if f.Delimiter != 0 {
		cw.Comma = f.Delimiter
	}
	return &Writer{w: cw, format: f, bomDue: f.BOM, out: w}
}

// Write writes one record, guarding its text cells.
func (w *Writer) Write(record []string) error {
	if w.bomDue {
		w.bomDue = false
		if _, err := io.WriteString(w.out, bom); err != nil {
			return err
		}
	}
	for i, cell := range record {
		if strings.IndexByte(cell, '\r') >= 0 {
			// encoding/csv reads a CR inside a cell back as nothing or LF: write LF.
			cell = strings.ReplaceAll(strings.ReplaceAll(cell, "\r\n", "\n"), "\r", "\n")
		}
		record[i] = Guard(cell)
	}
	return w.w.Write(record)
}

// Flush writes any buffered data.
func (w *Writer) Flush() { w.w.Flush() }

// Error reports any error from a previous Write or Flush.
func (w *Writer) Error() error { return w.w.Error() }

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
	_, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return err == nil
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
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if s == "-0.0000" {
		s = "0.0000"
	}
	if f.DecimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// ParseFloat reads a number written by Float.
func (f Format) ParseFloat(s string) (float64, error) {
	if f.DecimalComma {
		s = strings.Replace(s, ",", ".", 1)
	}
	return strconv.ParseFloat(s, 64)
}
