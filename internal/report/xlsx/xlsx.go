// Package xlsx writes a finished run as an Excel workbook, report.xlsx: the speakers, the
// speakers by period, every quote and the errors, with numbers stored as numbers, a frozen
// header row, filters and a red-white-green colour scale on the tone columns.
//
// The quotes are streamed from quotes.csv through excelize's StreamWriter, so memory stays
// bounded however many quotes a run has. Past Excel's limit of 1,048,576 rows a sheet, the
// quotes continue on "Quotes 2", "Quotes 3" and so on, and the first row of each full sheet
// says so.
package xlsx

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/quotetone/quotetone/internal/report"
)

// FileName is the workbook's name in the output folder.
const FileName = "report.xlsx"

// MaxRows is the number of rows an Excel sheet can hold, header included.
const MaxRows = excelize.TotalRows

// Sheet names.
const (
	SpeakersSheet = "Speakers"
	PeriodsSheet  = "Periods"
	QuotesSheet   = "Quotes"
	ErrorsSheet   = "Errors"
	AboutSheet    = "About"
)

// Writer writes report.xlsx. The zero value is ready to use.
type Writer struct {
	// RowsPerSheet caps the rows of a Quotes sheet, header included; 0 means MaxRows.
	// Tests set it small to exercise the continuation sheets.
	RowsPerSheet int
}

// WriteReport writes report.xlsx into run.Dir, atomically.
func (w Writer) WriteReport(run *report.Run) error {
	path := filepath.Join(run.Dir, FileName)
	af, err := report.CreateAtomic(path)
	if err != nil {
		return err
	}
	if err := w.write(run, af); err != nil {
		af.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return af.Commit()
}

func (w Writer) write(run *report.Run, out io.Writer) error {
	// The stream writer spills each sheet past 16 MB to a temporary file, about 1 KB a quote:
	// keep those beside the output, not in /tmp, which is often a RAM-backed tmpfs, in a
	// hidden folder of their own that report.RemoveStale clears if the run is killed.
	tmp, err := os.MkdirTemp(run.Dir, ".report.xlsx.tmp-dir-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	f := excelize.NewFile(excelize.Options{TmpDir: tmp})
	defer f.Close()
	b := &book{f: f, run: run}
	if err := b.styles(); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SpeakersSheet); err != nil {
		return err
	}
	rows := w.RowsPerSheet
	if rows <= 1 || rows > MaxRows {
		rows = MaxRows
	}
	if err := b.summaries(SpeakersSheet, run.Speakers, false, rows); err != nil {
		return fmt.Errorf("sheet %s: %w", SpeakersSheet, err)
	}
	if len(run.Periods) > 0 {
		if err := b.summaries(PeriodsSheet, run.Periods, true, rows); err != nil {
			return fmt.Errorf("sheet %s: %w", PeriodsSheet, err)
		}
	}
	if err := b.quotes(rows); err != nil {
		return fmt.Errorf("sheet %s: %w", QuotesSheet, err)
	}
	if err := b.errorSheet(); err != nil {
		return fmt.Errorf("sheet %s: %w", ErrorsSheet, err)
	}
	if err := b.about(); err != nil {
		return fmt.Errorf("sheet %s: %w", AboutSheet, err)
	}
	// The first sheet is active by default. Do not call SetActiveSheet: it reads every
	// flushed sheet back into memory.
	if m := run.Manifest; m != nil && m.Finished != "" {
		if err := f.SetDocProps(&excelize.DocProperties{Creator: "quotetone", Title: "quotetone report",
			Created: m.Finished, Modified: m.Finished}); err != nil {
			return err
		}
	}
	zw := &sortedZip{out: out, dir: run.Dir}
	defer zw.remove()
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	n, err := f.WriteTo(io.Discard)
	if err == nil && n != 0 {
		err = fmt.Errorf("excelize did not write through the zip writer (%d bytes buffered)", n)
	}
	return err
}

// book is one workbook being written.
type book struct {
	f     *excelize.File
	run   *report.Run
	notes []string // what the About sheet should say beyond the counts

	header, text, integer, tone, share, link, note int // style ids
}

func (b *book) styles() error {
	var err error
	style := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = b.f.NewStyle(s)
		return id
	}
	fixed, pct := "0.0000", "0.0%"
	b.header = style(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	b.text = style(&excelize.Style{NumFmt: 49}) // "@": the cell stays text even when edited
	b.integer = style(&excelize.Style{NumFmt: 1})
	b.tone = style(&excelize.Style{CustomNumFmt: &fixed})
	b.share = style(&excelize.Style{CustomNumFmt: &pct})
	b.link = style(&excelize.Style{Font: &excelize.Font{Color: "1265BE", Underline: "single"}})
	b.note = style(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "C00000"}})
	return err
}

// A column is how one column is written: its header, width, cell style and whether the
// diverging colour scale applies.
type column struct {
	name  string
	width float64
	style int
	scale bool // a tone in [-1, 1]: red-white-green colour scale
}

func (b *book) textCol(name string, width float64) column {
	return column{name: name, width: width, style: b.text}
}
func (b *book) intCol(name string) column { return column{name: name, width: 9, style: b.integer} }
func (b *book) toneCol(name string, scale bool) column {
	return column{name: name, width: 11, style: b.tone, scale: scale}
}

// sheet starts a streamed sheet: column widths, a frozen header row (and first column when
// freezeCol), the header itself and, optionally, a note beside the header.
func (b *book) sheet(name string, cols []column, freezeCol bool, note string) (*excelize.StreamWriter, error) {
	if idx, _ := b.f.GetSheetIndex(name); idx < 0 {
		if _, err := b.f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}
	if freezeCol {
		panes = &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight",
			Selection: []excelize.Selection{{SQRef: "B2", ActiveCell: "B2", Pane: "bottomRight"}}}
	}
	if err := sw.SetPanes(panes); err != nil {
		return nil, err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
	}
	if note != "" {
		if err := sw.SetColWidth(len(cols)+2, len(cols)+2, 60); err != nil {
			return nil, err
		}
	}
	row := make([]any, len(cols), len(cols)+2)
	for i, c := range cols {
		row[i] = excelize.Cell{StyleID: b.header, Value: c.name}
	}
	if note != "" {
		row = append(row, nil, excelize.Cell{StyleID: b.note, Value: note})
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{Height: 18}); err != nil {
		return nil, err
	}
	return sw, nil
}

// finish adds the autofilter and the colour scales over rows 1..last, then flushes the sheet.
func (b *book) finish(sw *excelize.StreamWriter, cols []column, last int) error {
	name := sw.Sheet
	if last < 2 {
		last = 2 // a filter over the header alone confuses some readers
	}
	lastCol, _ := excelize.ColumnNumberToName(len(cols))
	if err := b.f.AutoFilter(name, "A1:"+lastCol+strconv.Itoa(last), nil); err != nil {
		return err
	}
	for i, c := range cols {
		if !c.scale {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		ref := fmt.Sprintf("%s2:%s%d", col, col, last)
		if err := b.f.SetConditionalFormat(name, ref, []excelize.ConditionalFormatOptions{{
			Type:     "3_color_scale",
			Criteria: "=",
			MinType:  "num", MinValue: "-1", MinColor: "F8696B",
			MidType: "num", MidValue: "0", MidColor: "FFFFFF",
			MaxType: "num", MaxValue: "1", MaxColor: "63BE7B",
		}}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (b *book) summaryCols(byPeriod bool) []column {
	cols := []column{b.textCol("speaker", 28)}
	if byPeriod {
		cols = append(cols, b.textCol("period", 11))
	}
	cols = append(cols, b.intCol("quotes"), b.intCol("words"), b.intCol("documents"),
		b.toneCol("valence_mean", true), b.toneCol("valence_sd", false),
		b.toneCol("valence_ci_low", true), b.toneCol("valence_ci_high", true),
		column{name: "positive_share", width: 10, style: b.share}, column{name: "negative_share", width: 10, style: b.share},
		b.toneCol("nb_positive_mean", false))
	for _, d := range b.run.Dimensions {
		cols = append(cols, b.toneCol(d+"_mean", true), b.toneCol(d+"_ci_low", true), b.toneCol(d+"_ci_high", true))
	}
	return append(cols, b.textCol("most_positive_quote", 60), b.toneCol("most_positive_valence", true), b.textCol("most_positive_doc", 18),
		b.textCol("most_negative_quote", 60), b.toneCol("most_negative_valence", true), b.textCol("most_negative_doc", 18))
}

// summaries writes the Speakers or Periods sheet. Rows past the sheet's limit are left out,
// and the sheet says so: they are in the CSV file, and a summary split over sheets would be
// hard to read anyway (only a run with a million speakers, or speaker-days, gets there).
func (b *book) summaries(name string, ss []report.Summary, byPeriod bool, rowsPerSheet int) error {
	cols := b.summaryCols(byPeriod)
	if want := report.SpeakerHeader(b.run.Dimensions, byPeriod); !slices.Equal(names(cols), want) {
		return fmt.Errorf("columns %v do not match speakers.csv %v", names(cols), want)
	}
	note := ""
	if len(ss) > rowsPerSheet-1 {
		file := report.SpeakersFile
		if byPeriod {
			file = report.PeriodsFile
		}
		note = fmt.Sprintf("Excel holds %d rows a sheet: this sheet has the first %d of %d rows; %s has them all.",
			rowsPerSheet, rowsPerSheet-1, len(ss), file)
		b.notes = append(b.notes, fmt.Sprintf("Sheet %q: %s", name, note))
		ss = ss[:rowsPerSheet-1]
	}
	sw, err := b.sheet(name, cols, true, note)
	if err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i, s := range ss {
		vals := []any{s.Speaker}
		if byPeriod {
			vals = append(vals, s.Period)
		}
		vals = append(vals, s.Quotes, s.Words, s.Documents,
			s.Valence.Mean, s.Valence.SD, s.Valence.Low, s.Valence.High,
			s.PositiveShare, s.NegativeShare, s.NBPositive)
		for j := range b.run.Dimensions {
			var d report.Stat
			if j < len(s.Dims) {
				d = s.Dims[j]
			}
			vals = append(vals, d.Mean, d.Low, d.High)
		}
		vals = append(vals, s.MostPositive.Quote, s.MostPositive.Valence, s.MostPositive.DocID,
			s.MostNegative.Quote, s.MostNegative.Valence, s.MostNegative.DocID)
		b.cells(row, cols, vals)
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			return err
		}
	}
	return b.finish(sw, cols, len(ss)+1)
}

// cells fills row with vals styled by cols: text stays text (an inline string in a text-formatted
// cell, never a formula), numbers stay numbers, and non-finite numbers become blanks.
func (b *book) cells(row []any, cols []column, vals []any) {
	for i := range row {
		row[i] = nil
		if i >= len(vals) {
			continue
		}
		switch v := vals[i].(type) {
		case string:
			if v != "" {
				row[i] = excelize.Cell{StyleID: cols[i].style, Value: v}
			}
		case float64:
			if v == v && v-v == 0 { // finite
				row[i] = excelize.Cell{StyleID: cols[i].style, Value: round4(v)}
			}
		case nil:
		default:
			row[i] = excelize.Cell{StyleID: cols[i].style, Value: v}
		}
	}
}

// round4 rounds to the reports' four decimals, so the workbook shows what the CSV files say.
func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	if v == 0 {
		return 0 // no -0
	}
	return v
}

func names(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

func (b *book) quoteCols() []column {
	cols := []column{b.textCol("doc_id", 18), b.intCol("start"), b.intCol("end"),
		b.textCol("speaker", 24), b.textCol("mention", 20), b.textCol("cue", 10), b.textCol("kind", 8),
		b.textCol("quote", 80), b.toneCol("valence", true), b.toneCol("nb_positive", false)}
	for _, d := range b.run.Dimensions {
		cols = append(cols, b.toneCol(d, true))
	}
	return append(cols, b.textCol("title", 40), b.textCol("date", 12), b.textCol("source", 16),
		column{name: "url", width: 40, style: b.link})
}

// quotes streams quotes.csv into the Quotes sheets, rowsPerSheet rows (header included) each.
func (b *book) quotes(rowsPerSheet int) error {
	path := filepath.Join(b.run.Dir, report.QuotesFile)
	total, err := countQuotes(path, b.run)
	if err != nil {
		return err
	}
	per := rowsPerSheet - 1
	sheets := 1
	if total > per {
		sheets = (total + per - 1) / per
	}
	sheetName := func(i int) string {
		if i == 1 {
			return QuotesSheet
		}
		return QuotesSheet + " " + strconv.Itoa(i)
	}
	noteFor := func(i int) string {
		var parts []string
		if i > 1 {
			parts = append(parts, fmt.Sprintf("Continued from sheet %q.", sheetName(i-1)))
		}
		if i < sheets {
			parts = append(parts, fmt.Sprintf("Excel holds %d rows a sheet: the quotes continue on sheet %q.", rowsPerSheet, sheetName(i+1)))
		}
		return strings.Join(parts, " ")
	}
	if sheets > 1 {
		b.notes = append(b.notes, fmt.Sprintf("%d quotes do not fit on one sheet (%d rows with the header): they are on sheets %q to %q, in quotes.csv order.",
			total, rowsPerSheet, sheetName(1), sheetName(sheets)))
	}

	r, closeFn, err := openQuotes(path, b.run)
	if err != nil {
		return err
	}
	defer closeFn()
	cols := b.quoteCols()
	ndims := len(b.run.Dimensions)
	row := make([]any, len(cols))
	vals := make([]any, 0, len(cols))
	sheet, line := 1, 1
	sw, err := b.sheet(sheetName(sheet), cols, false, noteFor(sheet))
	if err != nil {
		return err
	}
	n := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		q, err := report.ParseQuoteRecord(rec, ndims, b.run.Format)
		if err != nil {
			l, _ := r.FieldPos(0)
			return fmt.Errorf("%s:%d: %w", path, l, err)
		}
		if line == rowsPerSheet {
			if err := b.finish(sw, cols, line); err != nil {
				return err
			}
			sheet++
			if sw, err = b.sheet(sheetName(sheet), cols, false, noteFor(sheet)); err != nil {
				return err
			}
			line = 1
		}
		line++
		n++
		vals = append(vals[:0], q.DocID, q.Start, q.End, q.Speaker, q.Mention, q.Cue, q.Kind, q.Quote,
			q.Valence.Float(), q.NBPositive.Float())
		for _, d := range q.Dims {
			vals = append(vals, d.Float())
		}
		vals = append(vals, q.Title, q.Date, q.Source, nil)
		b.cells(row, cols, vals)
		if q.URL != "" {
			row[len(row)-1] = urlCell(q.URL, b.link, b.text)
		}
		if err := sw.SetRow("A"+strconv.Itoa(line), row); err != nil {
			return err
		}
	}
	if n != total {
		return fmt.Errorf("%s changed while it was read: %d quotes, then %d", path, total, n)
	}
	return b.finish(sw, cols, line)
}

// maxLinkLen is the longest link Excel's HYPERLINK function takes.
const maxLinkLen = 255

// urlCell returns a clickable HYPERLINK formula for an http(s) URL, or the URL as text when it
// is anything else. A worksheet's own hyperlink list would be the obvious choice, but excelize
// adds those in quadratic time (20,000 links take over 10 seconds) and Excel stops at 65,530 a
// sheet. The formula is built here from a checked URL, so no text from the corpus is ever read
// as a formula: the link is a string argument, its quotes doubled.
func urlCell(url string, linkStyle, textStyle int) excelize.Cell {
	lower := strings.ToLower(url)
	ok := (strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")) && len(url) <= maxLinkLen
	for _, r := range url {
		if r < 0x20 || r == 0x7f {
			ok = false
		}
	}
	if !ok {
		return excelize.Cell{StyleID: textStyle, Value: url}
	}
	lit := `"` + strings.ReplaceAll(url, `"`, `""`) + `"`
	return excelize.Cell{StyleID: linkStyle, Formula: "HYPERLINK(" + lit + "," + lit + ")", Value: url}
}

// openQuotes opens quotes.csv for reading records after its header, which it checks.
func openQuotes(path string, run *report.Run) (*csv.Reader, func(), error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	r := report.NewReader(fh, run.Format)
	r.ReuseRecord = true
	hdr, err := r.Read()
	if err != nil {
		fh.Close()
		if errors.Is(err, io.EOF) {
			return nil, nil, fmt.Errorf("%s: empty file, want a header", path)
		}
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if want := report.QuoteHeader(run.Dimensions); !slices.Equal(hdr, want) {
		fh.Close()
		return nil, nil, fmt.Errorf("%s: header %v, want %v", path, hdr, want)
	}
	return r, func() { fh.Close() }, nil
}

// countQuotes counts the records of quotes.csv, so that a full sheet can say where it goes on.
func countQuotes(path string, run *report.Run) (int, error) {
	r, closeFn, err := openQuotes(path, run)
	if err != nil {
		return 0, err
	}
	defer closeFn()
	n := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
		n++
	}
}

// errorSheet writes the Errors sheet.
func (b *book) errorSheet() error {
	cols := []column{b.textCol("level", 9), b.textCol("path", 40), b.intCol("line"), b.textCol("doc_id", 18), b.textCol("reason", 80)}
	sw, err := b.sheet(ErrorsSheet, cols, false, "")
	if err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i, e := range b.run.Errors {
		var line any
		if e.Line > 0 {
			line = e.Line
		}
		b.cells(row, cols, []any{e.Level, e.Path, line, e.DocID, e.Reason})
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			return err
		}
	}
	return b.finish(sw, cols, len(b.run.Errors)+1)
}

// about writes the About sheet: what the run was and what its counts are.
func (b *book) about() error {
	cols := []column{b.textCol("item", 24), b.textCol("value", 90)}
	sw, err := b.sheet(AboutSheet, cols, false, "")
	if err != nil {
		return err
	}
	type kv struct {
		k string
		v any
	}
	var rows []kv
	if m := b.run.Manifest; m != nil {
		rows = append(rows, kv{"tool", strings.TrimSpace(m.Tool + " " + m.Version)}, kv{"started", m.Started}, kv{"finished", m.Finished},
			kv{"inputs", strings.Join(m.Inputs, "; ")}, kv{"shard", m.Shard}, kv{"config", m.ConfigFile},
			kv{"dimensions", strings.Join(b.run.Dimensions, ", ")},
			kv{"documents", m.Counts.Documents}, kv{"failed documents", m.Counts.Failed}, kv{"quotes", m.Counts.Quotes},
			kv{"speech quotes with a speaker", m.Counts.Speech}, kv{"terms (scare quotes)", m.Counts.Terms},
			kv{"quotes without a speaker", m.Counts.Unattributed}, kv{"speakers", m.Counts.Speakers},
			kv{"read errors", m.Counts.ReadErrors}, kv{"repaired documents", m.Counts.RepairedNotes})
	}
	rows = append(rows, kv{"errors", len(b.run.Errors)})
	for _, n := range b.notes {
		rows = append(rows, kv{"note", n})
	}
	row := make([]any, 2)
	line := 1
	for _, r := range rows {
		if s, ok := r.v.(string); ok && s == "" {
			continue
		}
		line++
		row[0] = excelize.Cell{StyleID: b.text, Value: r.k}
		if s, ok := r.v.(string); ok {
			row[1] = excelize.Cell{StyleID: b.text, Value: s}
		} else {
			row[1] = excelize.Cell{StyleID: b.integer, Value: r.v}
		}
		if err := sw.SetRow("A"+strconv.Itoa(line), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}
