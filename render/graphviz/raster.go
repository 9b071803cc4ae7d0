package graphviz

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/gomonobolditalic"
	"golang.org/x/image/font/gofont/gomonoitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// This file draws the SVG that Graphviz writes as a PNG. It walks the SVG
// itself and draws each element with tdewolff/canvas, rather than calling
// canvas.ParseSVG, because ParseSVG looks fonts up among the system's fonts by
// family name (and panics when Graphviz's "Helvetica,sans-Serif" is not
// installed) and ignores font-weight. Here text is drawn with the embedded Go
// fonts, so the PNG looks the same on every machine (but for characters that
// the Go fonts lack, see textRuns).
//
// The walker understands what Graphviz's SVG output uses: svg, g, a,
// polygon, polyline, path, ellipse, circle, rect, line and text elements;
// fill, stroke, their opacities, stroke-width, stroke-dasharray, transform,
// font-family, font-size, font-weight, font-style, text-anchor and
// text-decoration attributes (also inside style="…"); colours by name, #rgb,
// #rrggbb and rgb(); and linear and radial gradients from defs. Anything else
// (title, image, script, foreignObject, …) is skipped.

// rasterize draws svg as a PNG at scale pixels per point on a white background
// and writes it to w. A panic while drawing is returned as an error.
func rasterize(svg []byte, scale float64, w io.Writer) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error while drawing: %v", p)
		}
	}()
	img, err := drawSVG(svg, scale)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, img)
}

// drawSVG draws svg on a new white image at scale pixels per point.
func drawSVG(svg []byte, scale float64) (*image.RGBA, error) {
	fonts, err := loadFonts()
	if err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Entity = xml.HTMLEntity
	r := &svgRenderer{dec: d, fonts: fonts, grads: map[string]gradient{}}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil, errors.New("svg: no svg element")
		}
		if err != nil {
			return nil, fmt.Errorf("svg: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "svg" {
				return nil, fmt.Errorf("svg: root element is %q, not svg", se.Name.Local)
			}
			if err := r.root(se, scale); err != nil {
				return nil, err
			}
			return r.img, nil
		}
	}
}

// fontSet holds the embedded Go fonts: a proportional and a monospaced
// family, each with regular, bold, italic and bold italic faces.
type fontSet struct {
	sans, mono *canvas.FontFamily
}

// loadFonts parses the embedded fonts. It is done for every picture (about a
// millisecond) so that no font state is shared between goroutines.
func loadFonts() (fontSet, error) {
	load := func(name string, faces map[canvas.FontStyle][]byte) (*canvas.FontFamily, error) {
		fam := canvas.NewFontFamily(name)
		for style, b := range faces {
			if err := fam.LoadFont(b, 0, style); err != nil {
				return nil, fmt.Errorf("load font %q: %w", name, err)
			}
		}
		return fam, nil
	}
	sans, err := load("Go", map[canvas.FontStyle][]byte{
		canvas.FontRegular:                  goregular.TTF,
		canvas.FontBold:                     gobold.TTF,
		canvas.FontItalic:                   goitalic.TTF,
		canvas.FontBold | canvas.FontItalic: gobolditalic.TTF,
	})
	if err != nil {
		return fontSet{}, err
	}
	mono, err := load("Go Mono", map[canvas.FontStyle][]byte{
		canvas.FontRegular:                  gomono.TTF,
		canvas.FontBold:                     gomonobold.TTF,
		canvas.FontItalic:                   gomonoitalic.TTF,
		canvas.FontBold | canvas.FontItalic: gomonobolditalic.TTF,
	})
	if err != nil {
		return fontSet{}, err
	}
	return fontSet{sans: sans, mono: mono}, nil
}

// gradient is a linear or radial gradient from defs, in user space.
type gradient struct {
	radial         bool
	x1, y1, x2, y2 float64 // linear: from (x1,y1) to (x2,y2)
	cx, cy, r      float64 // radial: centre and radius
	fx, fy         float64 // radial: focus
	stops          []stop
	m              canvas.Matrix // transform in effect where it was defined
}

type stop struct {
	offset float64
	c      color.RGBA
}

type svgRenderer struct {
	dec   *xml.Decoder
	fonts fontSet
	grads map[string]gradient
	img   *image.RGBA
	// fallback holds the system font for characters the Go fonts lack, by
	// style; a nil entry means none was found.
	fallback map[canvas.FontStyle]*canvas.FontFamily
	ras      *rasterizer.Rasterizer
	ctx      *canvas.Context
	dpmm     float64
}

// root sets up the image from the svg element's size and draws its children.
func (r *svgRenderer) root(se xml.StartElement, scale float64) error {
	attrs := attrMap(se)
	var vb [4]float64
	hasVB := false
	if v := attrs["viewBox"]; v != "" {
		nums := parseNumbers(v)
		if len(nums) != 4 || nums[2] <= 0 || nums[3] <= 0 {
			return fmt.Errorf("svg: bad viewBox %q", v)
		}
		copy(vb[:], nums)
		hasVB = true
	}
	wPt, okW := parseLength(attrs["width"])
	hPt, okH := parseLength(attrs["height"])
	if !okW || !okH {
		if !hasVB {
			return errors.New("svg: no width, height or viewBox")
		}
		wPt, hPt = vb[2], vb[3]
	}
	if !hasVB {
		vb = [4]float64{0, 0, wPt, hPt}
	}
	if wPt <= 0 || hPt <= 0 || math.IsInf(wPt, 0) || math.IsInf(hPt, 0) || math.IsNaN(wPt) || math.IsNaN(hPt) {
		return fmt.Errorf("svg: bad size %v×%v", wPt, hPt)
	}
	if px := wPt * hPt * scale * scale; px > MaxPixels {
		scale = math.Sqrt(MaxPixels / (wPt * hPt))
	}
	wPx, hPx := int(math.Ceil(wPt*scale)), int(math.Ceil(hPt*scale))
	if wPx < 1 || hPx < 1 {
		return fmt.Errorf("svg: picture of %v×%v pt is too small at scale %v", wPt, hPt, scale)
	}
	r.img = image.NewRGBA(image.Rect(0, 0, wPx, hPx))
	draw.Draw(r.img, r.img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	// One point is 25.4/72 mm; the resolution maps millimetres to pixels.
	const mmPerPt = 25.4 / 72
	r.dpmm = scale / mmPerPt
	r.ras = rasterizer.FromImage(r.img, canvas.DPMM(r.dpmm), canvas.DefaultColorSpace)
	r.ctx = canvas.NewContext(r.ras)
	r.ctx.SetCoordSystem(canvas.CartesianIV)

	st := svgStyle{
		fill:          paint{c: color.RGBA{A: 255}},
		stroke:        paint{none: true},
		fillOpacity:   1,
		strokeOpacity: 1,
		opacity:       1,
		strokeWidth:   1,
		fontFamily:    "serif",
		fontSize:      14,
		textAnchor:    "start",
		m: canvas.Identity.Scale(wPt*mmPerPt/vb[2], hPt*mmPerPt/vb[3]).
			Translate(-vb[0], -vb[1]),
	}
	st.apply(se.Attr)
	err := r.children(st)
	r.ras.Close()
	return err
}

// children draws the content of the current element up to its end tag.
func (r *svgRenderer) children(st svgStyle) error {
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return fmt.Errorf("svg: %w", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := r.element(t, st); err != nil {
				return err
			}
		}
	}
}

// element draws one element and its children with the inherited style st.
func (r *svgRenderer) element(se xml.StartElement, st svgStyle) error {
	st.apply(se.Attr)
	attrs := attrMap(se)
	num := func(name string) float64 {
		v, _ := parseLength(attrs[name])
		return v
	}
	switch se.Name.Local {
	case "g", "a", "svg", "switch":
		return r.children(st)
	case "defs":
		return r.defs(st)
	case "polygon", "polyline":
		pts := parseNumbers(attrs["points"])
		p := &canvas.Path{}
		for i := 0; i+1 < len(pts); i += 2 {
			if i == 0 {
				p.MoveTo(pts[0], pts[1])
			} else {
				p.LineTo(pts[i], pts[i+1])
			}
		}
		if se.Name.Local == "polygon" {
			p.Close()
		} else {
			st.fill = paint{none: true} // a polyline has no inside in Graphviz's use
		}
		r.drawPath(p, st)
	case "path":
		p, err := canvas.ParseSVGPath(attrs["d"])
		if err != nil {
			return fmt.Errorf("svg: path: %w", err)
		}
		r.drawPath(p, st)
	case "ellipse":
		r.drawPath(canvas.Ellipse(num("rx"), num("ry")).Translate(num("cx"), num("cy")), st)
	case "circle":
		r.drawPath(canvas.Circle(num("r")).Translate(num("cx"), num("cy")), st)
	case "rect":
		r.drawPath(canvas.Rectangle(num("width"), num("height")).Translate(num("x"), num("y")), st)
	case "line":
		p := &canvas.Path{}
		p.MoveTo(num("x1"), num("y1"))
		p.LineTo(num("x2"), num("y2"))
		r.drawPath(p, st)
	case "text":
		s, err := r.text()
		if err != nil {
			return err
		}
		r.drawText(num("x"), num("y"), s, st)
		return nil
	}
	return r.dec.Skip()
}

// defs records the gradients defined up to the end of the defs element.
func (r *svgRenderer) defs(st svgStyle) error {
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return fmt.Errorf("svg: %w", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if t.Name.Local != "linearGradient" && t.Name.Local != "radialGradient" {
				if err := r.dec.Skip(); err != nil {
					return fmt.Errorf("svg: %w", err)
				}
				continue
			}
			if err := r.gradient(t, st); err != nil {
				return err
			}
		}
	}
}

// gradient reads a gradient element and its stops.
func (r *svgRenderer) gradient(se xml.StartElement, st svgStyle) error {
	a := attrMap(se)
	coord := func(name string, def float64) float64 {
		if v, ok := parseLength(a[name]); ok {
			return v
		}
		return def
	}
	g := gradient{radial: se.Name.Local == "radialGradient", m: st.m}
	if g.radial {
		g.cx, g.cy, g.r = coord("cx", 0), coord("cy", 0), coord("r", 0)
		g.fx, g.fy = coord("fx", g.cx), coord("fy", g.cy)
	} else {
		g.x1, g.y1, g.x2, g.y2 = coord("x1", 0), coord("y1", 0), coord("x2", 0), coord("y2", 0)
	}
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return fmt.Errorf("svg: %w", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if id := a["id"]; id != "" {
				r.grads[id] = g
			}
			return nil
		case xml.StartElement:
			if t.Name.Local == "stop" {
				sa := attrMap(t)
				props := map[string]string{"stop-color": sa["stop-color"], "stop-opacity": sa["stop-opacity"]}
				for k, v := range parseStyleAttr(sa["style"]) {
					props[k] = v
				}
				c, ok := parseColor(props["stop-color"])
				if !ok {
					c = color.RGBA{A: 255}
				}
				if op, err := strconv.ParseFloat(strings.TrimSuffix(props["stop-opacity"], "."), 64); err == nil {
					c.A = uint8(math.Round(clamp01(op) * 255))
				}
				off, _ := strconv.ParseFloat(strings.TrimSuffix(sa["offset"], "%"), 64)
				if strings.HasSuffix(sa["offset"], "%") {
					off /= 100
				}
				g.stops = append(g.stops, stop{offset: clamp01(off), c: c})
			}
			if err := r.dec.Skip(); err != nil {
				return fmt.Errorf("svg: %w", err)
			}
		}
	}
}

// text returns the character data of the current text element, including
// that of nested tspans.
func (r *svgRenderer) text() (string, error) {
	var sb strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := r.dec.Token()
		if err != nil {
			return "", fmt.Errorf("svg: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			sb.Write(t)
		}
	}
	// Graphviz places each text element itself and counts a leading or
	// trailing space (" 1994" after an italic "treaty") in its position, so
	// spaces are kept; only line breaks and tabs become spaces.
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, sb.String()), nil
}

// drawPath fills and strokes p, given in user units, with style st.
func (r *svgRenderer) drawPath(p *canvas.Path, st svgStyle) {
	if p == nil || p.Empty() {
		return
	}
	r.ctx.SetView(st.m)
	fill, fok := r.paint(st.fill, st.fillOpacity*st.opacity)
	stroke, sok := r.paint(st.stroke, st.strokeOpacity*st.opacity)
	if !fok && !sok {
		return
	}
	if fok {
		r.ctx.SetFill(fill)
	} else {
		r.ctx.SetFill(canvas.Paint{})
	}
	if sok && st.strokeWidth > 0 {
		r.ctx.SetStroke(stroke)
		r.ctx.SetStrokeWidth(st.strokeWidth)
		r.ctx.SetStrokeCapper(canvas.ButtCap)
		r.ctx.SetStrokeJoiner(canvas.MiterJoiner{GapJoiner: canvas.BevelJoin, Limit: 4})
		// canvas measures dashes in stroke widths, SVG in user units.
		dashes := make([]float64, len(st.dashes))
		for i, d := range st.dashes {
			dashes[i] = d / st.strokeWidth
		}
		r.ctx.SetDashes(0, dashes...)
	} else {
		r.ctx.SetStroke(canvas.Paint{})
	}
	r.ctx.DrawPath(0, 0, p)
}

// drawText draws s with its baseline at (x, y) in user units.
func (r *svgRenderer) drawText(x, y float64, s string, st svgStyle) {
	if s == "" || st.fontSize <= 0 {
		return
	}
	fill, ok := r.paint(st.fill, st.fillOpacity*st.opacity)
	if !ok {
		return
	}
	family := r.fonts.sans
	if f := strings.ToLower(st.fontFamily); strings.Contains(f, "mono") || strings.Contains(f, "courier") || strings.Contains(f, "consol") {
		family = r.fonts.mono
	}
	style := canvas.FontRegular
	switch st.fontWeight {
	case "bold", "bolder", "600", "700", "800", "900":
		style = canvas.FontBold
	}
	if st.fontStyle == "italic" || st.fontStyle == "oblique" {
		style |= canvas.FontItalic
	}
	args := []any{fill, style}
	switch {
	case strings.Contains(st.decor, "underline"):
		args = append(args, canvas.FontUnderline)
	case strings.Contains(st.decor, "line-through"):
		args = append(args, canvas.FontStrikethrough)
	case strings.Contains(st.decor, "overline"):
		args = append(args, canvas.FontOverline)
	}
	// Text space is user space: a face of fontSize millimetres before the
	// view, which maps user units to millimetres.
	const ptPerMm = 72 / 25.4
	size := st.fontSize * ptPerMm
	runs := r.textRuns(s, family.Face(size, args...), style, func(fam *canvas.FontFamily) *canvas.FontFace {
		return fam.Face(size, args...)
	})
	width := 0.0
	for _, run := range runs {
		width += run.face.TextWidth(run.text)
	}
	switch st.textAnchor {
	case "middle":
		x -= width / 2
	case "end":
		x -= width
	}
	r.ctx.SetView(st.m)
	for _, run := range runs {
		r.ctx.DrawText(x, y, canvas.NewTextLine(run.face, run.text, canvas.Left))
		x += run.face.TextWidth(run.text)
	}
}

// textRun is a part of a text drawn with one face.
type textRun struct {
	face *canvas.FontFace
	text string
}

// textRuns splits s into runs of characters that face has and runs that it
// lacks; the latter are drawn with a system font that has them if there is
// one (DejaVu Sans, Noto Sans, …), else with face, which shows empty boxes.
func (r *svgRenderer) textRuns(s string, face *canvas.FontFace, style canvas.FontStyle, faceOf func(*canvas.FontFamily) *canvas.FontFace) []textRun {
	has := func(f *canvas.FontFace, c rune) bool { return f.Font.GlyphIndex(c) != 0 }
	missing := false
	for _, c := range s {
		if !has(face, c) {
			missing = true
			break
		}
	}
	if !missing {
		return []textRun{{face, s}}
	}
	var fallback *canvas.FontFace
	if fam := r.fallbackFamily(style); fam != nil {
		fallback = faceOf(fam)
	}
	var runs []textRun
	var cur strings.Builder
	curFace := face
	for _, c := range s {
		f := face
		if !has(face, c) && fallback != nil && has(fallback, c) {
			f = fallback
		}
		if f != curFace && cur.Len() > 0 {
			runs = append(runs, textRun{curFace, cur.String()})
			cur.Reset()
		}
		curFace = f
		cur.WriteRune(c)
	}
	if cur.Len() > 0 {
		runs = append(runs, textRun{curFace, cur.String()})
	}
	return runs
}

// fallbackFamily returns a system font family for characters that the Go
// fonts lack, loading it on first use; nil if none is installed.
func (r *svgRenderer) fallbackFamily(style canvas.FontStyle) *canvas.FontFamily {
	if fam, ok := r.fallback[style]; ok {
		return fam
	}
	if r.fallback == nil {
		r.fallback = map[canvas.FontStyle]*canvas.FontFamily{}
	}
	fam := canvas.NewFontFamily("fallback")
	if err := fam.LoadSystemFont(fallbackFonts, style); err != nil {
		fam = nil
	}
	r.fallback[style] = fam
	return fam
}

// fallbackFonts are system fonts, in order of preference, with wide coverage
// of the scripts that the Go fonts lack (schwa, Armenian, Georgian, …).
const fallbackFonts = "DejaVu Sans, Noto Sans, Arial Unicode MS, Segoe UI, Arial, Liberation Sans"

// paint resolves p with opacity to a canvas paint; false means nothing to draw.
func (r *svgRenderer) paint(p paint, opacity float64) (canvas.Paint, bool) {
	if p.none || opacity <= 0 {
		return canvas.Paint{}, false
	}
	if p.grad != "" {
		g, ok := r.grads[p.grad]
		if !ok || len(g.stops) == 0 {
			return canvas.Paint{}, false
		}
		return canvas.Paint{Gradient: r.canvasGradient(g, opacity)}, true
	}
	c := p.c
	c.A = uint8(math.Round(float64(c.A) * clamp01(opacity)))
	if c.A == 0 {
		return canvas.Paint{}, false
	}
	return canvas.Paint{Color: premultiply(c)}, true
}

// canvasGradient converts g to a canvas gradient. The rasteriser evaluates
// gradients at pixel coordinates, so the gradient's points are mapped through
// the user-to-millimetre matrix and the resolution.
func (r *svgRenderer) canvasGradient(g gradient, opacity float64) canvas.Gradient {
	px := func(x, y float64) canvas.Point {
		p := g.m.Dot(canvas.Point{X: x, Y: y})
		return canvas.Point{X: p.X * r.dpmm, Y: p.Y * r.dpmm}
	}
	var cg canvas.Gradient
	var stops *canvas.Stops
	if g.radial {
		// Scale the radius by the matrix's mean scale factor.
		k := math.Sqrt(math.Abs(g.m[0][0]*g.m[1][1]-g.m[0][1]*g.m[1][0])) * r.dpmm
		rg := canvas.NewRadialGradient(px(g.fx, g.fy), 0, px(g.cx, g.cy), g.r*k)
		cg, stops = rg, &rg.Stops
	} else {
		lg := canvas.NewLinearGradient(px(g.x1, g.y1), px(g.x2, g.y2))
		cg, stops = lg, &lg.Stops
	}
	for _, s := range g.stops {
		c := s.c
		c.A = uint8(math.Round(float64(c.A) * clamp01(opacity)))
		stops.Add(s.offset, premultiply(c))
	}
	return cg
}
