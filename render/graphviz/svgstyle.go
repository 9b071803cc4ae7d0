package graphviz

// This file holds the SVG presentation state that the rasterizer inherits from element to element
// (fill, stroke, opacity, dashes, font, transform) and the parsers of the attribute values Graphviz
// writes: colours, paints, lengths, number lists and transforms.

import (
	"encoding/xml"
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"
	"golang.org/x/image/colornames"
)

// paint is a fill or stroke: none, a colour, or a gradient by id.
type paint struct {
	none bool
	c    color.RGBA
	grad string
}

// svgStyle is the inherited drawing state of an element.
type svgStyle struct {
	fill, stroke                 paint
	fillOpacity, strokeOpacity   float64
	opacity                      float64
	strokeWidth                  float64
	dashes                       []float64
	fontFamily, fontWeight       string
	fontStyle, textAnchor, decor string
	fontSize                     float64
	m                            canvas.Matrix // user space to canvas millimetres
}

// apply sets the presentation attributes and the style="…" properties of an
// element on st, and composes its transform.
func (st *svgStyle) apply(attrs []xml.Attr) {
	var style string
	for _, a := range attrs {
		if a.Name.Local == "style" {
			style = a.Value
			continue
		}
		st.set(a.Name.Local, a.Value)
	}
	for k, v := range parseStyleAttr(style) {
		st.set(k, v)
	}
}

func (st *svgStyle) set(key, val string) {
	val = strings.TrimSpace(val)
	switch key {
	case "fill":
		st.fill = parsePaint(val, st.fill)
	case "stroke":
		st.stroke = parsePaint(val, st.stroke)
	case "fill-opacity":
		st.fillOpacity = parseOpacity(val, st.fillOpacity)
	case "stroke-opacity":
		st.strokeOpacity = parseOpacity(val, st.strokeOpacity)
	case "opacity":
		st.opacity *= parseOpacity(val, 1)
	case "stroke-width":
		if v, ok := parseLength(val); ok && v >= 0 {
			st.strokeWidth = v
		}
	case "stroke-dasharray":
		st.dashes = nil
		if val != "none" {
			for _, v := range parseNumbers(val) {
				if v < 0 {
					st.dashes = nil
					break
				}
				st.dashes = append(st.dashes, v)
			}
			sum := 0.0
			for _, v := range st.dashes {
				sum += v
			}
			if sum == 0 {
				st.dashes = nil
			}
		}
	case "transform":
		st.m = st.m.Mul(parseTransform(val))
	case "font-family":
		st.fontFamily = val
	case "font-size":
		if v, ok := parseLength(val); ok {
			st.fontSize = v
		}
	case "font-weight":
		st.fontWeight = val
	case "font-style":
		st.fontStyle = val
	case "text-anchor":
		st.textAnchor = val
	case "text-decoration":
		st.decor = val
	}
}

func attrMap(se xml.StartElement) map[string]string {
	m := make(map[string]string, len(se.Attr))
	for _, a := range se.Attr {
		m[a.Name.Local] = a.Value
	}
	return m
}

// parseStyleAttr splits "a:b; c:d" into properties.
func parseStyleAttr(s string) map[string]string {
	m := map[string]string{}
	for _, decl := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok {
			m[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return m
}

// parsePaint parses a fill or stroke value; inherit keeps the inherited one.
func parsePaint(v string, inherited paint) paint {
	switch v {
	case "", "inherit", "currentColor":
		return inherited
	case "none", "transparent":
		return paint{none: true}
	}
	if id, ok := strings.CutPrefix(v, "url(#"); ok {
		if i := strings.IndexByte(id, ')'); i >= 0 {
			return paint{grad: id[:i]}
		}
	}
	if c, ok := parseColor(v); ok {
		return paint{c: c}
	}
	return inherited
}

// parseColor parses a CSS colour: a name, #rgb, #rrggbb, #rrggbbaa or rgb().
func parseColor(v string) (color.RGBA, bool) {
	v = strings.TrimSpace(strings.ToLower(v))
	if c, ok := colornames.Map[v]; ok {
		return c, true
	}
	if hex, ok := strings.CutPrefix(v, "#"); ok {
		if len(hex) == 3 || len(hex) == 4 {
			var sb strings.Builder
			for _, ch := range hex {
				sb.WriteRune(ch)
				sb.WriteRune(ch)
			}
			hex = sb.String()
		}
		if len(hex) == 6 {
			hex += "ff"
		}
		n, err := strconv.ParseUint(hex, 16, 32)
		if len(hex) != 8 || err != nil {
			return color.RGBA{}, false
		}
		return color.RGBA{R: uint8(n >> 24), G: uint8(n >> 16), B: uint8(n >> 8), A: uint8(n)}, true
	}
	if args, ok := strings.CutPrefix(v, "rgb("); ok {
		parts := strings.Split(strings.TrimSuffix(args, ")"), ",")
		if len(parts) != 3 {
			return color.RGBA{}, false
		}
		var ch [3]uint8
		for i, p := range parts {
			p = strings.TrimSpace(p)
			f, err := strconv.ParseFloat(strings.TrimSuffix(p, "%"), 64)
			if err != nil {
				return color.RGBA{}, false
			}
			if strings.HasSuffix(p, "%") {
				f = f * 255 / 100
			}
			ch[i] = uint8(math.Round(math.Max(0, math.Min(255, f))))
		}
		return color.RGBA{R: ch[0], G: ch[1], B: ch[2], A: 255}, true
	}
	return color.RGBA{}, false
}

func parseOpacity(v string, def float64) float64 {
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "."), 64)
	if err != nil {
		return def
	}
	return clamp01(f)
}

// parseLength parses a number with an optional unit into points.
func parseLength(v string) (float64, bool) {
	v = strings.TrimSpace(v)
	unit := 1.0
	for _, u := range []struct {
		suffix string
		pt     float64
	}{{"pt", 1}, {"px", 0.75}, {"in", 72}, {"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"pc", 12}} {
		if s, ok := strings.CutSuffix(v, u.suffix); ok {
			v, unit = s, u.pt
			break
		}
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f * unit, true
}

// parseNumbers parses a list of numbers separated by commas and/or spaces.
func parseNumbers(s string) []float64 {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	nums := make([]float64, 0, len(fields))
	for _, f := range fields {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		nums = append(nums, v)
	}
	return nums
}

// parseTransform parses an SVG transform list such as
// "scale(1 1) rotate(0) translate(4 40)" into one matrix.
func parseTransform(s string) canvas.Matrix {
	m := canvas.Identity
	for {
		open := strings.IndexByte(s, '(')
		end := strings.IndexByte(s, ')')
		if open < 0 || end < open {
			return m
		}
		name := strings.Trim(strings.TrimSpace(s[:open]), ",")
		name = strings.TrimSpace(name)
		a := parseNumbers(s[open+1 : end])
		s = s[end+1:]
		arg := func(i int, def float64) float64 {
			if i < len(a) {
				return a[i]
			}
			return def
		}
		switch name {
		case "matrix":
			if len(a) == 6 {
				m = m.Mul(canvas.Matrix{{a[0], a[2], a[4]}, {a[1], a[3], a[5]}})
			}
		case "translate":
			m = m.Translate(arg(0, 0), arg(1, 0))
		case "scale":
			sx := arg(0, 1)
			m = m.Scale(sx, arg(1, sx))
		case "rotate":
			// In y-down user space a positive SVG angle turns clockwise on
			// screen, which is the same matrix as canvas's Rotate.
			cx, cy := arg(1, 0), arg(2, 0)
			m = m.Translate(cx, cy).Rotate(arg(0, 0)).Translate(-cx, -cy)
		case "skewX":
			m = m.Mul(canvas.Matrix{{1, math.Tan(arg(0, 0) * math.Pi / 180), 0}, {0, 1, 0}})
		case "skewY":
			m = m.Mul(canvas.Matrix{{1, 0, 0}, {math.Tan(arg(0, 0) * math.Pi / 180), 1, 0}})
		}
	}
}

func clamp01(f float64) float64 {
	return math.Max(0, math.Min(1, f))
}

// premultiply converts a non-premultiplied colour to the premultiplied
// color.RGBA that canvas expects.
func premultiply(c color.RGBA) color.RGBA {
	a := uint32(c.A)
	return color.RGBA{
		R: uint8(uint32(c.R) * a / 255),
		G: uint8(uint32(c.G) * a / 255),
		B: uint8(uint32(c.B) * a / 255),
		A: c.A,
	}
}
