package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
)

// LineChart is a chart of values over steps: one line per series, for 'rank --over -o trend.svg'.
type LineChart struct {
	Title string
	// Steps label the x axis, one per value of each series.
	Steps []string
	// YLabel names the measure.
	YLabel string
	Series []Series
}

// Series is one line of a LineChart: a name and a value per step (NaN where there is none).
type Series struct {
	Name   string
	Values []float64
}

// chartColors are the lines' colours, told apart in print (Tableau 10).
var chartColors = []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"}

// WriteSVG writes the chart as a standalone SVG: axes with ticks, a line per series (broken where a
// value is missing), and a legend. All text is escaped; the chart holds no script. At most ten series
// are drawn, in order.
func (c *LineChart) WriteSVG(w io.Writer) error {
	const width, height = 960.0, 540.0
	const left, right, top, bottom = 70.0, 240.0, 50.0, 60.0
	plotW, plotH := width-left-right, height-top-bottom
	series := c.Series[:min(len(c.Series), len(chartColors))]
	hi := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				hi = math.Max(hi, v)
			}
		}
	}
	if hi == 0 {
		hi = 1
	}
	tick := niceStep(hi / 5)
	hi = math.Ceil(hi/tick) * tick
	n := len(c.Steps)
	x := func(i int) float64 {
		if n <= 1 {
			return left + plotW/2
		}
		return left + plotW*float64(i)/float64(n-1)
	}
	y := func(v float64) float64 { return top + plotH*(1-v/hi) }

	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="%s, Arial, sans-serif" font-size="12">`+"\n",
		width, height, width, height, FontName)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%.0f" y="28" font-size="16" font-weight="bold">%s</text>`+"\n", left, svgText(c.Title))
	// The y axis, its ticks and grid lines.
	for v := 0.0; v <= hi+tick/2; v += tick {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e6e6e6"/>`+"\n", left, y(v), left+plotW, y(v))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="#555555">%s</text>`+"\n", left-8, y(v)+4, svgText(trimFloat(v)))
	}
	fmt.Fprintf(&b, `<text transform="translate(18 %.1f) rotate(-90)" text-anchor="middle" fill="#555555">%s</text>`+"\n", top+plotH/2, svgText(c.YLabel))
	// The x axis: a label every few steps, so that they do not overlap.
	every := max(1, int(math.Ceil(float64(n)/16)))
	for i, s := range c.Steps {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#999999"/>`+"\n", x(i), top+plotH, x(i), top+plotH+4)
		if i%every == 0 || i == n-1 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555555">%s</text>`+"\n", x(i), top+plotH+20, svgText(s))
		}
	}
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#999999"/>`+"\n", left, top+plotH, left+plotW, top+plotH)
	// The lines, broken at missing values, with a dot on each value.
	for k, s := range series {
		col := chartColors[k]
		var seg []string
		flush := func() {
			if len(seg) > 1 {
				fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2.2" points="%s"/>`+"\n", col, strings.Join(seg, " "))
			}
			seg = seg[:0]
		}
		for i, v := range s.Values {
			if i >= n || math.IsNaN(v) {
				flush()
				continue
			}
			seg = append(seg, fmt.Sprintf("%.1f,%.1f", x(i), y(v)))
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2.6" fill="%s"><title>%s %s: %s</title></circle>`+"\n",
				x(i), y(v), col, svgText(s.Name), svgText(c.Steps[i]), svgText(trimFloat(v)))
		}
		flush()
		ly := top + 10 + float64(k)*22
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="3"/>`+"\n", left+plotW+20, ly, left+plotW+44, ly, col)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f">%s</text>`+"\n", left+plotW+52, ly+4, svgText(s.Name))
	}
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// niceStep rounds a tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// trimFloat formats v with up to four decimals and no trailing zeros.
func trimFloat(v float64) string {
	s := fmt.Sprintf("%.4f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" || s == "-0" {
		return "0"
	}
	return s
}

// svgText escapes text for SVG content; control characters are dropped (XML cannot hold them).
func svgText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' {
			return -1
		}
		return r
	}, s)))
	return b.String()
}
