package htmlreport

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/quotetone/quotetone/internal/report"
)

// Chart sizes, in points.
const (
	toneChartWidth  = 420
	toneRowHeight   = 20
	toneChartMargin = 34
	timeChartWidth  = 720
	timeChartHeight = 300
	timeLegendWidth = 170
)

var (
	positive = color.RGBA{R: 0x1a, G: 0x98, B: 0x50, A: 0xff}
	negative = color.RGBA{R: 0xd7, G: 0x30, B: 0x27, A: 0xff}
	neutral  = color.RGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
	rule     = color.RGBA{R: 0xaa, G: 0xaa, B: 0xaa, A: 0xff}
)

// meanCI is a mean and its 95% confidence interval, the points a tone chart plots.
type meanCI struct {
	XYs    plotter.XYs
	Errors plotter.XErrors
}

func (m meanCI) Len() int                        { return len(m.XYs) }
func (m meanCI) XY(i int) (float64, float64)     { return m.XYs.XY(i) }
func (m meanCI) XError(i int) (float64, float64) { return m.Errors.XError(i) }
func (m *meanCI) add(y float64, s report.Stat) {
	mean := clamp(s.Mean)
	m.XYs = append(m.XYs, plotter.XY{X: mean, Y: y})
	var low, high float64 // no bar for a single quote (NaN bounds)
	if s.Low == s.Low && s.High == s.High {
		low, high = math.Max(mean-clamp(s.Low), 0), math.Max(clamp(s.High)-mean, 0)
	}
	m.Errors = append(m.Errors, struct{ Low, High float64 }{low, high})
}

func clamp(x float64) float64 {
	if x != x {
		return 0
	}
	return math.Max(-1, math.Min(1, x))
}

// toneChart draws one speaker's mean valence and dimensions, each with its 95% confidence
// interval, on a shared -1..1 scale so that the charts of all speakers line up.
func toneChart(s report.Summary, dims []string) (template.HTML, error) {
	labels := append([]string{"valence"}, dims...)
	n := len(labels)
	p := plot.New()
	p.X.Min, p.X.Max = -1, 1
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.X.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: -1, Label: "-1"}, {Value: -0.5, Label: "-0.5"}, {Value: 0, Label: "0"}, {Value: 0.5, Label: "0.5"}, {Value: 1, Label: "1"}})
	p.X.Tick.Label.Font.Size = 8
	p.Y.Tick.Label.Font.Size = 9
	// The first label is drawn on top: y counts up from the bottom.
	rev := make([]string, n)
	for i, l := range labels {
		rev[n-1-i] = l
	}
	p.NominalY(rev...)
	p.Add(plotter.NewGrid())

	zero, err := plotter.NewLine(plotter.XYs{{X: 0, Y: p.Y.Min}, {X: 0, Y: p.Y.Max}})
	if err != nil {
		return "", err
	}
	zero.Color = rule
	zero.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
	p.Add(zero)

	var m meanCI
	stats := append([]report.Stat{s.Valence}, s.Dims...)
	for i := 0; i < n && i < len(stats); i++ {
		m.add(float64(n-1-i), stats[i])
	}
	bars, err := plotter.NewXErrorBars(m)
	if err != nil {
		return "", err
	}
	bars.Color = neutral
	bars.Width = vg.Points(1.2)
	bars.CapWidth = vg.Points(6)
	dots, err := plotter.NewScatter(m.XYs)
	if err != nil {
		return "", err
	}
	dots.GlyphStyleFunc = func(i int) draw.GlyphStyle {
		c := neutral
		switch x := m.XYs[i].X; {
		case x >= 0.05:
			c = positive
		case x <= -0.05:
			c = negative
		}
		return draw.GlyphStyle{Color: c, Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}}
	}
	p.Add(bars, dots)
	h := vg.Length(n*toneRowHeight + toneChartMargin)
	return svg(p, toneChartWidth, h, nil)
}

// timeChart draws the mean valence by period of the busiest speakers, one line each. Periods
// named "unknown" (articles without a readable date) are left out.
func timeChart(periods []report.Summary, speakers []string) (template.HTML, error) {
	want := map[string]int{}
	for i, s := range speakers {
		want[s] = i
	}
	names := map[string]bool{}
	for _, s := range periods {
		if _, ok := want[s.Speaker]; ok && s.Period != "unknown" {
			names[s.Period] = true
		}
	}
	if len(names) == 0 {
		return "", nil
	}
	axis := make([]string, 0, len(names))
	for n := range names {
		axis = append(axis, n)
	}
	sort.Strings(axis)
	at := map[string]int{}
	for i, n := range axis {
		at[n] = i
	}
	lines := make([]plotter.XYs, len(speakers))
	for _, s := range periods {
		i, ok := want[s.Speaker]
		if !ok || s.Period == "unknown" {
			continue
		}
		lines[i] = append(lines[i], plotter.XY{X: float64(at[s.Period]), Y: clamp(s.Valence.Mean)})
	}

	// A symmetric range around zero that fits the data, so small swings stay visible.
	lim := 0.25
	for _, l := range lines {
		for _, xy := range l {
			lim = math.Max(lim, math.Ceil((math.Abs(xy.Y)+0.05)*10)/10)
		}
	}
	lim = math.Min(lim, 1)
	p := plot.New()
	p.Y.Label.Text = "mean valence"
	p.Y.Min, p.Y.Max = -lim, lim
	p.X.Min, p.X.Max = -0.5, float64(len(axis))-0.5
	p.Add(plotter.NewGrid())
	// At most about 12 period labels, so they never run into each other.
	step := (len(axis) + 11) / 12
	ticks := make([]plot.Tick, 0, len(axis))
	for i, n := range axis {
		label := ""
		if i%step == 0 {
			label = n
		}
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: label})
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Tick.Label.Font.Size = 8
	legend := plot.NewLegend()
	legend.TextStyle.Font.Size = 9
	legend.Padding = vg.Points(3)
	for i, s := range speakers {
		if len(lines[i]) == 0 {
			continue
		}
		l, pts, err := plotter.NewLinePoints(lines[i])
		if err != nil {
			return "", err
		}
		l.Color = plotutil.Color(i)
		l.Width = vg.Points(1.5)
		l.Dashes = plotutil.Dashes(i / len(plotutil.SoftColors))
		pts.Color = plotutil.Color(i)
		pts.Shape = plotutil.Shape(i)
		p.Add(l, pts)
		legend.Add(truncate(s, 24), l, pts)
	}
	return svg(p, timeChartWidth, timeChartHeight, &legend)
}

// sans sets every text of p (and of legend, when given) in the sans-serif variant of the
// plot's typeface, to match the page; plot.DefaultFont is left alone, being global.
func sans(p *plot.Plot, legend *plot.Legend) {
	for _, f := range []*font.Font{&p.Title.TextStyle.Font, &p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font,
		&p.X.Tick.Label.Font, &p.Y.Tick.Label.Font} {
		f.Variant = "Sans"
	}
	if legend != nil {
		legend.TextStyle.Font.Variant = "Sans"
	}
}

// svg renders p as inline SVG, with the legend, when given, in a column at the right.
func svg(p *plot.Plot, w, h vg.Length, legend *plot.Legend) (template.HTML, error) {
	sans(p, legend)
	c := vgsvg.NewWith(vgsvg.UseWH(w, h), vgsvg.EmbedFonts(false))
	dc := draw.New(c)
	if legend != nil {
		p.Draw(draw.Crop(dc, 0, -timeLegendWidth, 0, 0))
		legend.Top = true
		legend.Left = true
		legend.XOffs = vg.Points(8)
		legend.Draw(draw.Crop(dc, w-timeLegendWidth, 0, 0, 0))
	} else {
		p.Draw(dc)
	}
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		return "", err
	}
	out := b.String()
	// Inline SVG needs neither the XML declaration nor the generator comment.
	i := strings.Index(out, "<svg")
	if i < 0 {
		return "", fmt.Errorf("svg: no <svg> element in the output")
	}
	out = out[i:]
	// Scale with the page: the viewBox keeps the proportions.
	out = strings.Replace(out, fmt.Sprintf(`width="%gpt" height="%gpt"`, float64(w), float64(h)),
		fmt.Sprintf(`width="%g" height="%g" role="img"`, float64(w)*4/3, float64(h)*4/3), 1)
	return template.HTML(out), nil // vgsvg escapes every text it draws
}

// truncate shortens s to at most n runes, ending in an ellipsis when cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
