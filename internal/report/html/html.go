// Package htmlreport writes a finished run as one self-contained web page, report.html: the
// run's counts, a chart row per speaker (mean valence and each dimension with 95% confidence
// intervals), tone over time, a sortable table of every speaker with their most positive and
// most negative quote, and the errors. The page loads nothing: styles, charts (inline SVG
// drawn by gonum.org/v1/plot) and the few lines of script that sort the table are all inside
// it, and its Content-Security-Policy forbids fetching anything else, so it opens the same
// from disk, a file share or an email.
package htmlreport

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/quotetone/quotetone/internal/report"
)

// FileName is the page's name in the output folder.
const FileName = "report.html"

// Defaults for Writer's zero fields.
const (
	DefaultChartSpeakers = 30
	DefaultTimeSpeakers  = 8
	DefaultErrors        = 200
)

// Writer writes report.html. The zero value is ready to use.
type Writer struct {
	ChartSpeakers int // speakers with a chart row, most quoted first; 0 means DefaultChartSpeakers
	TimeSpeakers  int // speakers in the tone-over-time chart; 0 means DefaultTimeSpeakers
	MaxErrors     int // errors listed on the page (errors.csv has them all); 0 means DefaultErrors
}

// WriteReport writes report.html into run.Dir, atomically.
func (w Writer) WriteReport(run *report.Run) error {
	path := filepath.Join(run.Dir, FileName)
	af, err := report.CreateAtomic(path)
	if err != nil {
		return err
	}
	if err := w.Write(af, run); err != nil {
		af.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return af.Commit()
}

//go:embed report.html.tmpl
var pageSource string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"num": func(x float64) string {
		if x != x {
			return "–" // a statistic one quote cannot give
		}
		return strconv.FormatFloat(round(x, 2), 'f', 2, 64)
	},
	"pct": func(x float64) string { return strconv.FormatFloat(round(100*x, 0), 'f', 0, 64) + "%" },
	"raw": func(x float64) string {
		if x != x {
			return "" // sorts after every number
		}
		return strconv.FormatFloat(x, 'f', 4, 64)
	},
	"tint":  tint,
	"short": func(s string) string { return truncate(s, 240) },
	"inc":   func(i int) int { return i + 1 },
	"n": func(n int64, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.FormatInt(n, 10) + " " + many
	},
}).Parse(pageSource))

// Write writes the page for run to out.
func (w Writer) Write(out io.Writer, run *report.Run) error {
	data, err := w.data(run)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := page.Execute(&b, data); err != nil {
		return err
	}
	_, err = b.WriteTo(out)
	return err
}

// pageData is what the template sees.
type pageData struct {
	Title      string
	Manifest   *report.Manifest
	Dimensions []string
	Counts     []count
	Speakers   []report.Summary
	Charts     []speakerChart
	ChartNote  string
	Time       template.HTML
	TimeNote   string
	TimeTable  *periodTable
	Errors     []report.ErrorRow
	ErrorsNote string
}

type count struct {
	Label string
	Value int64
}

type speakerChart struct {
	Rank  int
	S     report.Summary
	Chart template.HTML
}

func (w Writer) data(run *report.Run) (*pageData, error) {
	charts, timeN, maxErr := w.ChartSpeakers, w.TimeSpeakers, w.MaxErrors
	if charts <= 0 {
		charts = DefaultChartSpeakers
	}
	if timeN <= 0 {
		timeN = DefaultTimeSpeakers
	}
	if maxErr <= 0 {
		maxErr = DefaultErrors
	}
	d := &pageData{Title: "quotetone report", Manifest: run.Manifest, Dimensions: run.Dimensions, Speakers: run.Speakers}
	if m := run.Manifest; m != nil {
		c := m.Counts
		d.Counts = []count{{"documents", c.Documents}, {"failed", c.Failed}, {"quotes", c.Quotes}, {"speech with a speaker", c.Speech},
			{"without a speaker", c.Unattributed}, {"terms", c.Terms}, {"speakers", c.Speakers}, {"errors and warnings", int64(len(run.Errors))}}
		if m.Finished != "" {
			d.Title += " · " + m.Finished
		}
	}
	for i, s := range run.Speakers {
		if i == charts {
			d.ChartNote = fmt.Sprintf("The %d most quoted of %d speakers; the table below has them all.", charts, len(run.Speakers))
			break
		}
		svg, err := toneChart(s, run.Dimensions)
		if err != nil {
			return nil, fmt.Errorf("chart for %q: %w", s.Speaker, err)
		}
		d.Charts = append(d.Charts, speakerChart{Rank: i + 1, S: s, Chart: svg})
	}
	if len(run.Periods) > 0 {
		var busiest []string
		for _, s := range run.Speakers {
			if len(busiest) == timeN {
				break
			}
			busiest = append(busiest, s.Speaker)
		}
		svg, err := timeChart(run.Periods, busiest)
		if err != nil {
			return nil, fmt.Errorf("tone over time: %w", err)
		}
		d.Time = svg
		d.TimeNote = fmt.Sprintf("Mean valence of the %d most quoted speakers by period (%s); quotes from articles without a readable date are left out.",
			len(busiest), periodName(run))
		if svg == "" {
			d.TimeNote = "No article of these speakers has a readable date, so there is no tone over time to show."
		} else {
			d.TimeTable = newPeriodTable(run.Periods, busiest)
		}
	}
	d.Errors = run.Errors
	if len(d.Errors) > maxErr {
		d.Errors = d.Errors[:maxErr]
		d.ErrorsNote = fmt.Sprintf("The first %d of %d; errors.csv has them all.", maxErr, len(run.Errors))
	}
	return d, nil
}

func periodName(run *report.Run) string {
	if run.Manifest != nil && run.Manifest.Format.Period != "" {
		return run.Manifest.Format.Period
	}
	return "period"
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	v := math.Round(x*p) / p
	if v == 0 {
		return 0 // no -0.00
	}
	return v
}

// tint is the background of a tone cell, the workbook's colour scale: red at -1, white at 0,
// green at 1.
func tint(x float64) template.CSS {
	x = clamp(x)
	to := [3]float64{0x63, 0xbe, 0x7b}
	if x < 0 {
		to, x = [3]float64{0xf8, 0x69, 0x6b}, -x
	}
	var c [3]int
	for i := range c {
		c[i] = int(math.Round(255 - x*(255-to[i])))
	}
	return template.CSS(fmt.Sprintf("background:#%02x%02x%02x", c[0], c[1], c[2]))
}

// periodTable is the data behind the tone-over-time chart: a row per speaker, a column per
// period, for readers who want the numbers (or cannot see the chart).
type periodTable struct {
	Periods []string
	Rows    []periodRow
}

type periodRow struct {
	Speaker string
	Cells   []*report.Summary // nil where the speaker has no quote in the period
}

func newPeriodTable(periods []report.Summary, speakers []string) *periodTable {
	at := map[string]int{}
	for i, s := range speakers {
		at[s] = i
	}
	seen := map[string]bool{}
	t := &periodTable{}
	for _, s := range periods {
		if _, ok := at[s.Speaker]; ok && s.Period != "unknown" && !seen[s.Period] {
			seen[s.Period] = true
			t.Periods = append(t.Periods, s.Period)
		}
	}
	sort.Strings(t.Periods)
	col := map[string]int{}
	for i, p := range t.Periods {
		col[p] = i
	}
	t.Rows = make([]periodRow, len(speakers))
	for i, s := range speakers {
		t.Rows[i] = periodRow{Speaker: s, Cells: make([]*report.Summary, len(t.Periods))}
	}
	for i := range periods {
		s := &periods[i]
		r, ok := at[s.Speaker]
		if !ok || s.Period == "unknown" {
			continue
		}
		t.Rows[r].Cells[col[s.Period]] = s
	}
	return t
}
