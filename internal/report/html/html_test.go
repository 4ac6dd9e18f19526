package htmlreport

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/quotetone/quotetone/internal/report"
)

var fixtureDims = []string{"cooperation", "certainty"}

// fixtureRun aggregates invented quotes the way the pipeline does and returns the Run a
// report writer is given. Speaker i has i+1 quotes, so the order is known.
func fixtureRun(t *testing.T, speakers int, period string) *report.Run {
	t.Helper()
	agg := report.NewAggregator(fixtureDims, period)
	names := []string{"Mara Quell", "Tobias Renn", "<script>alert('x')</script> Ink", "Zoë “Zed” Ardent", "Dr. Olu Finch"}
	seq := 0
	for i := range speakers {
		name := fmt.Sprintf("Speaker %03d", i)
		if i < len(names) {
			name = names[i]
		}
		for j := range speakers - i {
			seq++
			v := report.Fixed((j*3700+i*1100)%20001 - 10000)
			agg.Add(&report.QuoteRow{Seq: seq, DocID: fmt.Sprintf("doc-%d", seq), Speaker: name, Kind: "speech",
				Quote: fmt.Sprintf("Quote %d of %s & co, <b>not bold</b>", j, name), Valence: v, NBPositive: 5000,
				Dims: []report.Fixed{v / 2, -v / 3}, Date: fmt.Sprintf("2026-%02d-1%d", 1+j%4, j%10)})
		}
	}
	agg.Add(&report.QuoteRow{Seq: seq + 1, DocID: "undated", Speaker: names[0], Kind: "speech", Quote: "No date", Dims: []report.Fixed{0, 0}})
	man := &report.Manifest{Tool: "quotetone", Version: "test", Inputs: []string{"corpus/"}, Dimensions: fixtureDims,
		Format: report.ManifestFormat{Period: period}, Finished: "2026-11-26T03:00:00Z",
		Counts: report.Counts{Documents: int64(seq + 2), Failed: 1, Quotes: agg.Speech + 3, Speech: agg.Speech, Terms: 3, Speakers: int64(agg.Speakers())}}
	errs := []report.ErrorRow{
		{Level: "error", Path: "corpus/broken.html", DocID: "broken", Reason: "no main text <found>"},
		{Level: "warning", Path: "corpus/feed.jsonl", Line: 12, DocID: "feed-12", Reason: "repaired invalid UTF-8"},
	}
	return &report.Run{Dir: t.TempDir(), Manifest: man, Dimensions: fixtureDims, Format: report.DefaultFormat,
		Speakers: agg.Summaries(), Periods: agg.PeriodSummaries(), Errors: errs}
}

func render(t *testing.T, w Writer, run *report.Run) (*goquery.Document, []byte) {
	t.Helper()
	if err := w.WriteReport(run); err != nil {
		t.Fatalf("WriteReport: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(run.Dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse report.html: %v", err)
	}
	return doc, b
}

func TestPage(t *testing.T) {
	run := fixtureRun(t, 5, "month")
	doc, raw := render(t, Writer{}, run)

	if n := doc.Find("#charts section.speaker").Length(); n != 5 {
		t.Errorf("chart rows = %d, want 5 (one per speaker)", n)
	}
	doc.Find("#charts section.speaker").Each(func(i int, s *goquery.Selection) {
		if s.Find("figure svg").Length() != 1 {
			t.Errorf("chart row %d has %d svg charts, want 1", i, s.Find("figure svg").Length())
		}
		// One label per scale: valence and each dimension.
		for _, label := range append([]string{"valence"}, fixtureDims...) {
			if !strings.Contains(s.Find("svg").Text(), label) {
				t.Errorf("chart row %d has no %q label", i, label)
			}
		}
		if got, want := s.AttrOr("data-speaker", ""), run.Speakers[i].Speaker; got != want {
			t.Errorf("chart row %d is for %q, want %q", i, got, want)
		}
		if s.Find("blockquote.pos").Length() != 1 || s.Find("blockquote.neg").Length() != 1 {
			t.Errorf("chart row %d lacks its most positive and most negative quotes", i)
		}
	})
	rows := doc.Find("#speaker-table tbody tr")
	if rows.Length() != len(run.Speakers) {
		t.Errorf("speaker table rows = %d, want %d", rows.Length(), len(run.Speakers))
	}
	first := rows.First().Find("td")
	if got := first.Eq(1).Text(); got != "Mara Quell" {
		t.Errorf("first table row speaker = %q, want Mara Quell", got)
	}
	if got, want := first.Eq(2).Text(), fmt.Sprint(run.Speakers[0].Quotes); got != want {
		t.Errorf("first table row quotes = %q, want %s", got, want)
	}
	if n := doc.Find("#speaker-table thead th").Length(); n != 10+len(fixtureDims) {
		t.Errorf("speaker table columns = %d, want %d", n, 10+len(fixtureDims))
	}
	if doc.Find("figure.time svg").Length() != 1 {
		t.Error("no tone-over-time chart, though the run has periods")
	}
	// The fixture's dates fall in four months; each speaker is a row.
	if n := doc.Find("#period-table thead th").Length(); n != 5 {
		t.Errorf("period table has %d columns, want speaker + 4 months", n)
	}
	if n := doc.Find("#period-table tbody tr").Length(); n != 5 {
		t.Errorf("period table has %d rows, want 5 speakers", n)
	}
	if got := doc.Find("#period-table tbody tr").First().Find("td").First().Text(); got != "Mara Quell" {
		t.Errorf("period table's first speaker = %q, want Mara Quell", got)
	}
	if n := doc.Find("#error-table tbody tr").Length(); n != 2 {
		t.Errorf("error rows = %d, want 2", n)
	}
	if got := doc.Find("#counts dd").First().Text(); got != fmt.Sprint(run.Manifest.Counts.Documents) {
		t.Errorf("first count = %q, want the documents", got)
	}

	// Text is escaped; nothing is loaded from anywhere.
	if doc.Find("script").Length() != 1 {
		t.Errorf("page has %d scripts, want the one table sorter", doc.Find("script").Length())
	}
	if doc.Find("b").Length() != 0 {
		t.Error("a quote's <b> became markup")
	}
	if !strings.Contains(doc.Find("#speaker-table").Text(), "<script>alert('x')</script> Ink") {
		t.Error("the speaker named with a script tag is not shown as text")
	}
	for _, bad := range []string{"http://", "https://", "src=", "@import", "url("} {
		if i := bytes.Index(raw, []byte(bad)); i >= 0 && !bytes.Contains(raw[max(0, i-40):i], []byte("xmlns")) {
			t.Errorf("page refers to something outside it: %q at byte %d", bad, i)
		}
	}
}

func TestManySpeakers(t *testing.T) {
	run := fixtureRun(t, 45, "")
	doc, _ := render(t, Writer{ChartSpeakers: 12, MaxErrors: 1}, run)
	if n := doc.Find("#charts section.speaker").Length(); n != 12 {
		t.Errorf("chart rows = %d, want 12", n)
	}
	if n := doc.Find("#speaker-table tbody tr").Length(); n != 45 {
		t.Errorf("table rows = %d, want all 45", n)
	}
	if doc.Find("figure.time").Length() != 0 {
		t.Error("a tone-over-time chart without periods")
	}
	if n := doc.Find("#error-table tbody tr").Length(); n != 1 {
		t.Errorf("error rows = %d, want 1", n)
	}
	if !strings.Contains(doc.Text(), "errors.csv has them all") {
		t.Error("no note that the error list is cut")
	}
}

func TestUndatedPeriods(t *testing.T) {
	run := fixtureRun(t, 3, "week")
	for i := range run.Periods {
		run.Periods[i].Period = "unknown"
	}
	doc, _ := render(t, Writer{}, run)
	if doc.Find("figure.time").Length() != 0 {
		t.Error("a tone-over-time chart with no dated period")
	}
	if !strings.Contains(doc.Find("#time + p").Text(), "No article") {
		t.Error("no note that no article has a date")
	}
}

func TestEmptyRun(t *testing.T) {
	run := &report.Run{Dir: t.TempDir(), Dimensions: nil}
	doc, _ := render(t, Writer{}, run)
	if !strings.Contains(doc.Text(), "No quote in this run has a speaker") {
		t.Error("an empty run does not say it has no speakers")
	}
}

// TestChromium renders the page in headless Chromium, where it is installed, and checks the
// rendered DOM: the charts, the table rows and the sorter having run.
func TestChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (Debian: apt-get install chromium)")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	run := fixtureRun(t, 6, "month")
	if err := (Writer{}).WriteReport(run); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, chromiumArgs(t.TempDir(), "--dump-dom", "file://"+filepath.Join(run.Dir, FileName))...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil && len(bytes.TrimSpace(out)) == 0 {
		// The browser could not start here (no display libraries, a sandbox it cannot leave):
		// that says nothing about the page, so the check cannot run.
		t.Skipf("chromium could not render here: %v\n%s", err, stderr.String())
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if n := doc.Find("#charts section.speaker figure svg").Length(); n != 6 {
		t.Errorf("rendered chart rows = %d, want 6", n)
	}
	if n := doc.Find("#speaker-table tbody tr").Length(); n != 6 {
		t.Errorf("rendered table rows = %d, want 6", n)
	}
	if n := doc.Find("figure.time svg path").Length(); n == 0 {
		t.Error("the rendered tone-over-time chart has no lines")
	}
	// The sorter ran: it makes every header focusable.
	if n := doc.Find(`#speaker-table th[tabindex="0"]`).Length(); n == 0 {
		t.Error("the table sorter did not run in the browser")
	}
	if shot := os.Getenv("QUOTETONE_SCREENSHOT"); shot != "" {
		abs, _ := filepath.Abs(shot)
		cmd := exec.CommandContext(ctx, bin, chromiumArgs(t.TempDir(), "--screenshot="+abs, "--window-size=1280,2400", "file://"+filepath.Join(run.Dir, FileName))...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("chromium --screenshot: %v\n%s", err, b)
		}
		t.Logf("screenshot in %s", abs)
	}
}

func chromiumArgs(profile string, args ...string) []string {
	return append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile}, args...)
}

// BenchmarkPage writes the page of a run with 2,000 speakers and about 20,000 quotes.
func BenchmarkPage(b *testing.B) {
	agg := report.NewAggregator(fixtureDims, "month")
	for i := range 20000 {
		v := report.Fixed((i*7919)%20001 - 10000)
		agg.Add(&report.QuoteRow{Seq: i / 10, DocID: fmt.Sprintf("doc-%d", i/10), Speaker: fmt.Sprintf("Speaker %04d", (i*31)%2000),
			Kind: "speech", Quote: fmt.Sprintf("We will look at quote number %d carefully, and we expect a fair outcome for everyone involved", i),
			Valence: v, Dims: []report.Fixed{v / 2, -v / 4}, Date: fmt.Sprintf("2026-%02d-01", 1+i/10%12)})
	}
	run := &report.Run{Dir: b.TempDir(), Manifest: &report.Manifest{Tool: "quotetone"}, Dimensions: fixtureDims,
		Speakers: agg.Summaries(), Periods: agg.PeriodSummaries()}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := (Writer{}).WriteReport(run); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if st, err := os.Stat(filepath.Join(run.Dir, FileName)); err == nil {
		b.ReportMetric(float64(st.Size()), "bytes/file")
	}
}
