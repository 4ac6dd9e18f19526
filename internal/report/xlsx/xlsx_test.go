package xlsx

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/quotetone/quotetone/internal/report"
)

// fixtureQuotes are invented quotes by invented speakers, with the marks, kinds and hostile
// cells a real run meets.
var fixtureQuotes = []report.QuoteRow{
	{Seq: 0, DocID: "harbour-1", Start: 10, End: 40, Speaker: "Mara Quell", Mention: "Ms. Quell", Cue: "said", Kind: "speech",
		Quote: "We are delighted with the new harbour", Valence: 6500, NBPositive: 8100, Dims: []report.Fixed{4000, 0},
		Title: "Harbour opens", Date: "2026-03-02", Source: "Gazette", URL: "https://news.example/harbour?id=1&x=\"2\""},
	{Seq: 0, DocID: "harbour-1", Start: 60, End: 90, Speaker: "Mara Quell", Mention: "she", Cue: "added", Kind: "speech",
		Quote: "=HYPERLINK(\"http://evil.example\",\"click\")", Valence: -1200, NBPositive: 4000, Dims: []report.Fixed{-300, 100},
		Title: "Harbour opens", Date: "2026-03-02", Source: "Gazette", URL: "https://news.example/harbour?id=1&x=\"2\""},
	{Seq: 0, DocID: "harbour-1", Start: 95, End: 105, Kind: "term", Quote: "guardrails",
		Title: "Harbour opens", Date: "2026-03-02", Source: "Gazette", URL: "https://news.example/harbour?id=1&x=\"2\"", Dims: []report.Fixed{0, 0}},
	{Seq: 1, DocID: "council-7", Start: 5, End: 50, Speaker: "Tobias Renn", Mention: "the mayor", Cue: "warned", Kind: "speech",
		Quote: "This is a disgrace and a betrayal", Valence: -7800, NBPositive: 1500, Dims: []report.Fixed{-6000, -2000},
		Title: "Council row", Date: "2026-04-11", Source: "Courier", URL: "javascript:alert(1)"},
	{Seq: 1, DocID: "council-7", Start: 70, End: 99, Speaker: "Mara Quell", Mention: "Quell", Cue: "said", Kind: "speech",
		Quote: "-- no comment, “really”", Valence: 0, NBPositive: 5000, Dims: []report.Fixed{0, 0},
		Title: "Council row", Date: "2026-04-11", Source: "Courier"},
	{Seq: 2, DocID: "fair-3", Start: 1, End: 30, Mention: "a spokesman", Kind: "speech",
		Quote: "Line one\nline two", Valence: 2500, NBPositive: 6000, Dims: []report.Fixed{1000, 500},
		Title: "Fair", Date: "not a date", Source: "Courier", URL: "http://fair.example/3"},
}

var fixtureDims = []string{"cooperation", "certainty"}

// writeFixture writes a run's output folder (quotes.csv and friends) with format f and
// returns the Run the pipeline would hand to a report writer.
func writeFixture(t testing.TB, quotes []report.QuoteRow, f report.Format, period string) *report.Run {
	t.Helper()
	dir := t.TempDir()
	fh, err := os.Create(filepath.Join(dir, report.QuotesFile))
	if err != nil {
		t.Fatal(err)
	}
	w := report.NewWriter(fh, f)
	w.Write(report.QuoteHeader(fixtureDims))
	agg := report.NewAggregator(fixtureDims, period)
	for i := range quotes {
		w.Write(quotes[i].Record(f))
		agg.Add(&quotes[i])
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	errs := []report.ErrorRow{
		{Level: "error", Path: "in/broken.html", DocID: "broken", Reason: "no main text found"},
		{Level: "warning", Path: "in/feed.jsonl", Line: 12, DocID: "feed-12", Reason: "=repaired invalid UTF-8"},
	}
	man := &report.Manifest{Tool: "quotetone", Version: "test", Inputs: []string{"in"}, Dimensions: fixtureDims,
		Counts: report.Counts{Documents: 4, Failed: 1, Quotes: int64(len(quotes)), Speech: agg.Speech, Terms: agg.Terms,
			Unattributed: agg.Unattributed, Speakers: int64(agg.Speakers())}}
	return &report.Run{Dir: dir, Manifest: man, Dimensions: fixtureDims, Format: f,
		Speakers: agg.Summaries(), Periods: agg.PeriodSummaries(), Errors: errs}
}

func open(t *testing.T, run *report.Run) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(run.Dir, FileName))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cell(t *testing.T, f *excelize.File, sheet, ref string) (string, excelize.CellType) {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("GetCellValue(%s!%s): %v", sheet, ref, err)
	}
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatalf("GetCellType(%s!%s): %v", sheet, ref, err)
	}
	return v, typ
}

func TestWorkbook(t *testing.T) {
	for _, format := range []report.Format{report.DefaultFormat, {BOM: true, Delimiter: ';', DecimalComma: true}} {
		t.Run(string(format.Delimiter), func(t *testing.T) {
			run := writeFixture(t, fixtureQuotes, format, "month")
			if err := (Writer{}).WriteReport(run); err != nil {
				t.Fatalf("WriteReport: %v", err)
			}
			f := open(t, run)
			if got, want := strings.Join(f.GetSheetList(), ","), "Speakers,Periods,Quotes,Errors,About"; got != want {
				t.Errorf("sheets = %s, want %s", got, want)
			}
			checkHeader(t, f, SpeakersSheet, report.SpeakerHeader(fixtureDims, false))
			checkHeader(t, f, PeriodsSheet, report.SpeakerHeader(fixtureDims, true))
			checkHeader(t, f, QuotesSheet, report.QuoteHeader(fixtureDims))
			checkHeader(t, f, ErrorsSheet, []string{"level", "path", "line", "doc_id", "reason"})

			// Speakers: most quoted first; numbers are numbers.
			if v, _ := cell(t, f, SpeakersSheet, "A2"); v != "Mara Quell" {
				t.Errorf("Speakers!A2 = %q, want Mara Quell", v)
			}
			for _, ref := range []string{"B2", "E2", "F2", "I2", "L2"} {
				if _, typ := cell(t, f, SpeakersSheet, ref); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
					t.Errorf("Speakers!%s type = %v, want a number", ref, typ)
				}
			}
			if v, _ := cell(t, f, SpeakersSheet, "B2"); v != "3" {
				t.Errorf("Speakers!B2 (quotes) = %q, want 3", v)
			}
			if v, _ := cell(t, f, SpeakersSheet, "E2"); v != "0.1767" {
				t.Errorf("Speakers!E2 (valence_mean) = %q, want 0.1767", v)
			}

			// Quotes: one row per record; tone columns numeric; text never a formula.
			rows, err := f.GetRows(QuotesSheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(fixtureQuotes)+1 {
				t.Errorf("Quotes has %d rows, want %d", len(rows), len(fixtureQuotes)+1)
			}
			for r := 2; r <= len(fixtureQuotes)+1; r++ {
				for _, col := range []string{"B", "C", "I", "J", "K", "L"} {
					ref := col + strconv.Itoa(r)
					if _, typ := cell(t, f, QuotesSheet, ref); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
						t.Errorf("Quotes!%s type = %v, want a number", ref, typ)
					}
				}
			}
			if v, _ := cell(t, f, QuotesSheet, "I4"); v != "0" {
				t.Errorf("Quotes!I4 (a term's valence) = %q, want 0", v)
			}
			if v, _ := cell(t, f, QuotesSheet, "I5"); v != "-0.78" {
				t.Errorf("Quotes!I5 = %q, want -0.78", v)
			}
			if fo, _ := f.GetCellFormula(QuotesSheet, "H3"); fo != "" {
				t.Errorf("Quotes!H3 is the formula %q, want text", fo)
			}
			if v, typ := cell(t, f, QuotesSheet, "H3"); v != fixtureQuotes[1].Quote || typ != excelize.CellTypeInlineString {
				t.Errorf("Quotes!H3 = %q (%v), want the quote as an inline string", v, typ)
			}
			if v, _ := cell(t, f, QuotesSheet, "H6"); v != "-- no comment, “really”" {
				t.Errorf("Quotes!H6 = %q, want the guarded quote back unguarded", v)
			}
			if v, _ := cell(t, f, QuotesSheet, "H7"); v != "Line one\nline two" {
				t.Errorf("Quotes!H7 = %q, want the two lines", v)
			}

			// The URL is a link when it is http(s), plain text otherwise.
			fo, _ := f.GetCellFormula(QuotesSheet, "P2")
			if want := `HYPERLINK("https://news.example/harbour?id=1&x=""2""","https://news.example/harbour?id=1&x=""2""")`; fo != want {
				t.Errorf("Quotes!P2 formula = %q, want %q", fo, want)
			}
			if v, _ := cell(t, f, QuotesSheet, "P2"); v != fixtureQuotes[0].URL {
				t.Errorf("Quotes!P2 = %q, want the URL", v)
			}
			if fo, _ := f.GetCellFormula(QuotesSheet, "P5"); fo != "" {
				t.Errorf("Quotes!P5 (javascript:) is the formula %q, want text", fo)
			}
			if v, _ := cell(t, f, QuotesSheet, "P6"); v != "" {
				t.Errorf("Quotes!P6 = %q, want empty", v)
			}

			// Frozen header, filters, colour scales.
			for _, s := range []string{SpeakersSheet, QuotesSheet, ErrorsSheet} {
				p, err := f.GetPanes(s)
				if err != nil {
					t.Fatal(err)
				}
				if !p.Freeze || p.YSplit != 1 {
					t.Errorf("%s panes = %+v, want the header row frozen", s, p)
				}
			}
			cf, err := f.GetConditionalFormats(QuotesSheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, ref := range []string{"I2:I7", "K2:K7", "L2:L7"} {
				if o := cf[ref]; len(o) != 1 || o[0].Type != "3_color_scale" || o[0].MinValue != "-1" || o[0].MaxValue != "1" {
					t.Errorf("Quotes conditional format on %s = %+v, want a -1..1 colour scale", ref, o)
				}
			}
			if v, _ := cell(t, f, ErrorsSheet, "E3"); v != "=repaired invalid UTF-8" {
				t.Errorf("Errors!E3 = %q", v)
			}
			if fo, _ := f.GetCellFormula(ErrorsSheet, "E3"); fo != "" {
				t.Errorf("Errors!E3 is the formula %q, want text", fo)
			}
		})
	}
}

func checkHeader(t *testing.T, f *excelize.File, sheet string, want []string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("GetRows(%s): %v", sheet, err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s is empty", sheet)
	}
	got := rows[0]
	if len(got) > len(want) {
		got = got[:len(want)]
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("%s header = %v, want %v", sheet, got, want)
	}
}

func TestContinuationSheets(t *testing.T) {
	var quotes []report.QuoteRow
	for i := range 11 {
		quotes = append(quotes, report.QuoteRow{Seq: i, DocID: "d" + strconv.Itoa(i), Speaker: "Ana Bel", Kind: "speech",
			Quote: "words " + strconv.Itoa(i), Valence: report.Fixed(i * 100), Dims: []report.Fixed{0, 0}})
	}
	run := writeFixture(t, quotes, report.DefaultFormat, "")
	if err := (Writer{RowsPerSheet: 5}).WriteReport(run); err != nil {
		t.Fatalf("WriteReport: %v", err)
	}
	f := open(t, run)
	if left, _ := filepath.Glob(filepath.Join(run.Dir, "*excelize*")); len(left) > 0 {
		t.Errorf("temporary files left in the output folder: %v", left)
	}
	if got, want := strings.Join(f.GetSheetList(), ","), "Speakers,Quotes,Quotes 2,Quotes 3,Errors,About"; got != want {
		t.Fatalf("sheets = %s, want %s", got, want)
	}
	if rows, _ := f.GetRows(SpeakersSheet); len(rows) != 2 {
		t.Errorf("Speakers has %d rows, want 2 (one speaker)", len(rows))
	}
	var ids []string
	for _, s := range []string{"Quotes", "Quotes 2", "Quotes 3"} {
		rows, _ := f.GetRows(s)
		if len(rows) > 5 {
			t.Errorf("%s has %d rows, want at most 5", s, len(rows))
		}
		checkHeader(t, f, s, report.QuoteHeader(fixtureDims))
		for _, r := range rows[1:] {
			ids = append(ids, r[0])
		}
	}
	if len(ids) != 11 || ids[0] != "d0" || ids[10] != "d10" {
		t.Errorf("quotes across sheets = %v, want d0..d10 in order", ids)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(report.QuoteHeader(fixtureDims)) + 2)
	if v, _ := cell(t, f, "Quotes", lastCol+"1"); !strings.Contains(v, `"Quotes 2"`) {
		t.Errorf("Quotes!%s1 = %q, want a note that the quotes continue on Quotes 2", lastCol, v)
	}
	if v, _ := cell(t, f, "Quotes 3", lastCol+"1"); !strings.Contains(v, `"Quotes 2"`) || strings.Contains(v, "continue on") {
		t.Errorf("Quotes 3!%s1 = %q, want only a continued-from note", lastCol, v)
	}
}

func TestSummaryRowLimit(t *testing.T) {
	var quotes []report.QuoteRow
	for i := range 7 {
		quotes = append(quotes, report.QuoteRow{Seq: i, DocID: "d", Speaker: "Speaker " + strconv.Itoa(i), Kind: "speech",
			Quote: "words", Dims: []report.Fixed{0, 0}, Date: "2026-01-0" + strconv.Itoa(1+i%3)})
	}
	run := writeFixture(t, quotes, report.DefaultFormat, "day")
	if err := (Writer{RowsPerSheet: 4}).WriteReport(run); err != nil {
		t.Fatalf("WriteReport: %v", err)
	}
	f := open(t, run)
	for _, s := range []string{SpeakersSheet, PeriodsSheet} {
		rows, _ := f.GetRows(s)
		if len(rows) != 4 {
			t.Errorf("%s has %d rows, want 4", s, len(rows))
		}
		if note := rows[0][len(rows[0])-1]; !strings.Contains(note, "first 3 of 7 rows") {
			t.Errorf("%s note = %q, want it to say the rows were cut", s, note)
		}
	}
}

func TestSameBytes(t *testing.T) {
	run := writeFixture(t, fixtureQuotes, report.DefaultFormat, "month")
	run.Manifest.Finished = "2026-11-26T03:00:00Z"
	var first []byte
	for i := range 3 {
		if err := (Writer{}).WriteReport(run); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(run.Dir, FileName))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b
		} else if !bytes.Equal(b, first) {
			t.Fatalf("write %d gave different bytes from the first", i+1)
		}
	}
	left, _ := filepath.Glob(filepath.Join(run.Dir, ".*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestBadQuotesFile(t *testing.T) {
	run := writeFixture(t, fixtureQuotes, report.DefaultFormat, "")
	run.Dimensions = []string{"cooperation"} // the header no longer matches
	err := (Writer{}).WriteReport(run)
	if err == nil || !strings.Contains(err.Error(), "header") {
		t.Fatalf("WriteReport with a mismatched header: err = %v, want a header error", err)
	}
	if _, err := os.Stat(filepath.Join(run.Dir, FileName)); !os.IsNotExist(err) {
		t.Errorf("a failed write left %s behind (stat: %v)", FileName, err)
	}
	left, _ := filepath.Glob(filepath.Join(run.Dir, ".report.xlsx.tmp-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestLibreOffice converts the workbook to PDF with LibreOffice. It takes 10 to 20 seconds, so
// it runs only when asked: QUOTETONE_SOFFICE=1 go test ./internal/report/xlsx/.
func TestLibreOffice(t *testing.T) {
	if os.Getenv("QUOTETONE_SOFFICE") == "" {
		t.Skip("set QUOTETONE_SOFFICE=1 to open the workbook in LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed (apt-get install libreoffice-calc-nogui)")
	}
	run := writeFixture(t, fixtureQuotes, report.DefaultFormat, "week")
	if err := (Writer{}).WriteReport(run); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+t.TempDir(), "--convert-to", "pdf", "--outdir", out, filepath.Join(run.Dir, FileName))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	if st, err := os.Stat(filepath.Join(out, "report.pdf")); err != nil || st.Size() == 0 {
		t.Fatalf("soffice wrote no PDF: %v", err)
	}
}

// TestStalePartsRemoved checks that the parts of a workbook a killed run was writing are
// temporary files report.RemoveStale knows, so the next run clears them from the output folder.
func TestStalePartsRemoved(t *testing.T) {
	dir := t.TempDir()
	z := &sortedZip{out: io.Discard, dir: dir}
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "<worksheet/>")
	for _, p := range z.parts { // the run is killed here: the part stays on disk
		p.tmp.Close()
	}
	// and so does the folder of sheets the stream writer spilled.
	spill := filepath.Join(dir, ".report.xlsx.tmp-dir-1")
	if err := os.Mkdir(spill, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(spill, "excelize-1"), []byte("<row/>"), 0o644)
	report.RemoveStale(dir)
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("RemoveStale left %s", e.Name())
	}
}
