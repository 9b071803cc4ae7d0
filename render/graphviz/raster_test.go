package graphviz

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/canvas"
)

var pngOut = flag.String("png-out", "", "directory to write the PNGs of the raster tests to, for looking at them")

// pixelMap returns the function from SVG user coordinates to PNG pixels,
// computed from the root's size and viewBox and the graph group's transform.
func pixelMap(t *testing.T, svg []byte, scale float64) func(x, y float64) (float64, float64) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var root map[string]string
	for {
		tok, err := d.Token()
		if err != nil {
			t.Fatalf("no graph group in svg: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local == "svg" {
			root = attrMap(se)
			continue
		}
		if se.Name.Local != "g" {
			continue
		}
		w, _ := parseLength(root["width"])
		h, _ := parseLength(root["height"])
		vb := parseNumbers(root["viewBox"])
		m := canvas.Identity.Scale(w/vb[2], h/vb[3]).Translate(-vb[0], -vb[1]).Mul(parseTransform(attrMap(se)["transform"]))
		return func(x, y float64) (float64, float64) {
			p := m.Dot(canvas.Point{X: x, Y: y})
			return p.X * scale, p.Y * scale
		}
	}
}

func luma(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 65535 * 255
}

// near reports whether some pixel within radius of (x, y) satisfies ok.
func near(img image.Image, x, y float64, radius int, ok func(color.Color) bool) bool {
	cx, cy := int(math.Round(x)), int(math.Round(y))
	for dy := -radius; dy <= radius; dy++ {
		for dx := -radius; dx <= radius; dx++ {
			if ok(img.At(cx+dx, cy+dy)) {
				return true
			}
		}
	}
	return false
}

func dark(c color.Color) bool { return luma(c) < 100 }

func red(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r>>8 > 180 && g>>8 < 90 && b>>8 < 90
}

type box struct{ x0, y0, x1, y1 float64 } // in pixels

func (b box) inside(x, y, margin float64) bool {
	return x > b.x0-margin && x < b.x1+margin && y > b.y0-margin && y < b.y1+margin
}

func (b box) center() (float64, float64) { return (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2 }

// TestPNGPixels draws three pinned boxes joined by a black and a red edge
// and checks the PNG's pixels: edge lines between the boxes, box outlines,
// label text inside the labelled boxes, the fill colour and a white
// background.
func TestPNGPixels(t *testing.T) {
	r := newRenderer(t)
	dot := `graph {
  graph [fontname="Helvetica"];
  node [shape=box fontname="Helvetica" fixedsize=true width=1.4 height=0.6];
  a [label="Left" pos="0,0!"];
  b [label="Right" pos="6,0!"];
  c [label=" " pos="3,-3!" style=filled fillcolor=yellow];
  a -- b;
  b -- c [color=red penwidth=2];
}`
	const scale = 2.0
	svg := render(t, r, dot, Options{Layout: LayoutNeato})
	out := render(t, r, dot, Options{Layout: LayoutNeato, Format: FormatPNG, Scale: scale})
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("decode png: %v", err)
	}
	if *pngOut != "" {
		if err := os.WriteFile(filepath.Join(*pngOut, "pixels.png"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	toPx := pixelMap(t, svg, scale)
	doc := parseSVG(t, svg)
	boxes := map[string]box{}
	for _, n := range doc.class("node") {
		x0, y0, x1, y1 := n.bounds()
		px0, py0 := toPx(x0, y0)
		px1, py1 := toPx(x1, y1)
		boxes[n.title] = box{px0, py0, px1, py1}
	}
	if len(boxes) != 3 {
		t.Fatalf("found boxes %v, want a, b and c", boxes)
	}
	a, b, c := boxes["a"], boxes["b"], boxes["c"]
	if bx, _ := b.center(); bx-a.x1 < 500 {
		t.Fatalf("boxes a %v and b %v are not far apart", a, b)
	}

	t.Run("background", func(t *testing.T) {
		bounds := img.Bounds()
		for _, p := range []image.Point{bounds.Min, {bounds.Max.X - 1, bounds.Max.Y - 1}} {
			if l := luma(img.At(p.X, p.Y)); l < 250 {
				t.Errorf("pixel %v has luma %.0f, want a white background", p, l)
			}
		}
	})
	edges := []struct {
		name     string
		from, to box
		colour   func(color.Color) bool
	}{{"a-b black", a, b, dark}, {"b-c red", b, c, red}}
	for _, e := range edges {
		t.Run("edge "+e.name, func(t *testing.T) {
			x0, y0 := e.from.center()
			x1, y1 := e.to.center()
			length := math.Hypot(x1-x0, y1-y0)
			checked, missing := 0, 0
			for s := 0.0; s <= length; s += 2 {
				x, y := x0+(x1-x0)*s/length, y0+(y1-y0)*s/length
				if e.from.inside(x, y, 6) || e.to.inside(x, y, 6) {
					continue
				}
				checked++
				if !near(img, x, y, 2, e.colour) {
					missing++
				}
			}
			if checked < 100 {
				t.Fatalf("only %d points between the boxes", checked)
			}
			if missing > 0 {
				t.Errorf("%d of %d points along the edge have no line pixel", missing, checked)
			}
		})
	}
	for name, bx := range boxes {
		t.Run("outline "+name, func(t *testing.T) {
			checked, missing := 0, 0
			for f := 0.1; f <= 0.9; f += 0.02 {
				x, y := bx.x0+(bx.x1-bx.x0)*f, bx.y0+(bx.y1-bx.y0)*f
				for _, p := range [][2]float64{{x, bx.y0}, {x, bx.y1}, {bx.x0, y}, {bx.x1, y}} {
					checked++
					if !near(img, p[0], p[1], 2, dark) {
						missing++
					}
				}
			}
			if missing > 0 {
				t.Errorf("%d of %d points on the outline of %s have no dark pixel", missing, checked, name)
			}
		})
	}
	t.Run("text", func(t *testing.T) {
		for name, want := range map[string]bool{"a": true, "b": true, "c": false} {
			bx := boxes[name]
			darkPx := 0
			for y := int(bx.y0) + 6; y < int(bx.y1)-6; y++ {
				for x := int(bx.x0) + 6; x < int(bx.x1)-6; x++ {
					if dark(img.At(x, y)) {
						darkPx++
					}
				}
			}
			t.Logf("box %s: %d dark pixels inside", name, darkPx)
			if got := darkPx > 150; got != want || (!want && darkPx > 0) {
				t.Errorf("box %s has %d dark pixels inside; want text: %v", name, darkPx, want)
			}
		}
	})
	t.Run("fill", func(t *testing.T) {
		x, y := c.center()
		r, g, b, _ := img.At(int(x), int(y)).RGBA()
		if r>>8 < 240 || g>>8 < 240 || b>>8 > 20 {
			t.Errorf("centre of c is %d,%d,%d, want yellow", r>>8, g>>8, b>>8)
		}
	})
}

// TestPNGText checks that the text of a label is drawn where Graphviz put it
// and about as wide as Graphviz estimated with FontName's metrics.
func TestPNGText(t *testing.T) {
	r := newRenderer(t)
	const label = "Nagorno-Karabakh Autonomous Oblast"
	dot := `digraph { node [shape=box color=white fontname="` + FontName + `" fontsize=20]; n [label="` + label + `"] }`
	const scale = 2.0
	svg := render(t, r, dot, Options{})
	out := render(t, r, dot, Options{Format: FormatPNG, Scale: scale})
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, svg)
	n := doc.class("node")[0]
	if len(n.texts) != 1 || n.texts[0] != label {
		t.Fatalf("svg text %q", n.texts)
	}
	// The ink of the text spans columns minX..maxX.
	minX, maxX := math.MaxInt, -1
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if dark(img.At(x, y)) {
				minX, maxX = min(minX, x), max(maxX, x)
			}
		}
	}
	if maxX < 0 {
		t.Fatal("no text pixels")
	}
	ink := float64(maxX-minX) / scale
	// Graphviz's estimate for the text is the node width less its margins
	// (0.11 inch on each side for a box).
	x0, _, x1, _ := n.bounds()
	est := x1 - x0 - 2*0.11*72
	if n.points == nil {
		t.Fatal("no node shape")
	}
	t.Logf("text ink %.1f pt, Graphviz's estimate %.1f pt", ink, est)
	if ratio := ink / est; ratio < 0.9 || ratio > 1.06 {
		t.Errorf("text is %.1f pt wide in the PNG, Graphviz estimated %.1f pt (ratio %.3f)", ink, est, ratio)
	}
}

func TestRasterizeErrors(t *testing.T) {
	tests := []struct {
		name, svg, want string
	}{
		{"not xml", "hello", "no svg element"},
		{"html", "<html><body/></html>", `root element is "html"`},
		{"no size", "<svg></svg>", "no width"},
		{"bad viewBox", `<svg viewBox="0 0 x"></svg>`, "bad viewBox"},
		{"zero size", `<svg width="0pt" height="10pt"></svg>`, "bad size"},
		{"truncated", `<svg width="10pt" height="10pt"><g><polygon points="0,0 1,1"/>`, "svg:"},
		{"bad path", `<svg width="10pt" height="10pt"><path d="M 0 0 Q"/></svg>`, "path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := rasterize([]byte(tt.svg), 1, &buf)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestRasterizeCapsSize(t *testing.T) {
	// 20000 × 10000 pt at 2 px/pt would be 800 million pixels.
	svg := `<svg width="20000pt" height="10000pt" viewBox="0 0 20000 10000"><rect x="0" y="0" width="100" height="100" fill="black"/></svg>`
	img, err := drawSVG([]byte(svg), 2)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if px := b.Dx() * b.Dy(); px > MaxPixels+2*b.Dx()+2*b.Dy() {
		t.Errorf("image %v has %d pixels, more than %d", b, px, MaxPixels)
	}
	if ratio := float64(b.Dx()) / float64(b.Dy()); math.Abs(ratio-2) > 0.01 {
		t.Errorf("aspect ratio %.3f, want 2", ratio)
	}
}

func TestRasterizeElements(t *testing.T) {
	// Shapes that Graphviz rarely writes, each a 20×20 black square or disc
	// centred on (30+60i, 30), then checked at its centre.
	svg := `<svg width="300pt" height="60pt" viewBox="0 0 300 60">
<g transform="translate(0 60)">
<rect x="20" y="-40" width="20" height="20" fill="black"/>
<circle cx="90" cy="-30" r="10" style="fill: #000"/>
<g fill="rgb(0,0,0)"><ellipse cx="150" cy="-30" rx="10" ry="10"/></g>
<line x1="200" y1="-30" x2="220" y2="-30" stroke="black" stroke-width="20"/>
<polygon points="260,-40 280,-40 280,-20 260,-20" fill="red" fill-opacity="0"/>
</g></svg>`
	img, err := drawSVG([]byte(svg), 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, true, true, true, false} {
		x := 30 + 60*i
		if got := dark(img.At(x, 30)); got != want {
			t.Errorf("shape %d at (%d,30): dark %v, want %v", i, x, got, want)
		}
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in   string
		want color.RGBA
		ok   bool
	}{
		{"black", color.RGBA{0, 0, 0, 255}, true},
		{"Yellow", color.RGBA{255, 255, 0, 255}, true},
		{"#cc0000", color.RGBA{0xcc, 0, 0, 255}, true},
		{"#f80", color.RGBA{0xff, 0x88, 0, 255}, true},
		{"#ff000080", color.RGBA{0xff, 0, 0, 0x80}, true},
		{"rgb(10, 20, 30)", color.RGBA{10, 20, 30, 255}, true},
		{"rgb(100%,0%,50%)", color.RGBA{255, 0, 128, 255}, true},
		{"#12345", color.RGBA{}, false},
		{"nosuchcolour", color.RGBA{}, false},
	}
	for _, tt := range tests {
		got, ok := parseColor(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseColor(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseTransform(t *testing.T) {
	tests := []struct {
		in       string
		x, y     float64 // where (1, 2) goes
		wx, wy   float64
		describe string
	}{
		{"", 1, 2, 1, 2, "identity"},
		{"scale(1 1) rotate(0) translate(4 40)", 1, 2, 5, 42, "graphviz default"},
		{"scale(2) translate(1,1)", 1, 2, 4, 6, "translate then scale"},
		{"rotate(90)", 1, 2, -2, 1, "quarter turn"},
		{"rotate(-90 0 0) translate(0 0)", 1, 2, 2, -1, "landscape"},
		{"matrix(1 0 0 1 10 20)", 1, 2, 11, 22, "matrix"},
	}
	for _, tt := range tests {
		p := parseTransform(tt.in).Dot(canvas.Point{X: tt.x, Y: tt.y})
		if math.Abs(p.X-tt.wx) > 1e-9 || math.Abs(p.Y-tt.wy) > 1e-9 {
			t.Errorf("%s: %q maps (%v,%v) to (%v,%v), want (%v,%v)", tt.describe, tt.in, tt.x, tt.y, p.X, p.Y, tt.wx, tt.wy)
		}
	}
}

func TestParseLength(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"277pt", 277, true}, {"14.00", 14, true}, {"96px", 72, true}, {"1in", 72, true},
		{"25.4mm", 72, true}, {"", 0, false}, {"abc", 0, false}, {"NaN", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseLength(tt.in)
		if math.Abs(got-tt.want) > 1e-9 || ok != tt.ok {
			t.Errorf("parseLength(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestScanDOT(t *testing.T) {
	tests := []struct {
		in       string
		hasGraph bool
		err      string
	}{
		{"", false, ""},
		{" \n\t", false, ""},
		{"// only\n# 12 \"file\"\n/* c\n */", false, ""},
		{"digraph { a }", true, ""},
		{"a # b", true, ""}, // '#' starts a line comment only at the start of a line
		{`digraph { a [label="x\"y"] }`, true, ""},
		{`digraph { a [label="x\\"] }`, true, ""},
		{"digraph { a [label=<<B>x</B>>] }", true, ""},
		{`digraph { a [label="<"] }`, true, ""},
		{"/* x", false, "line 1: comment"},
		{"digraph {\n/* x", false, "line 2: comment"},
		{`"abc`, false, "line 1: quoted string"},
		{"digraph {\n a [label=\"x\\\"] }", false, "line 2: quoted string"},
		{"digraph { a [label=<<B>x] }", false, "HTML-like string"},
		{"digraph {\n\"a\nb\"\n/* */ c [label=<\n>] \n \"d", false, "line 6: quoted string"},
	}
	for _, tt := range tests {
		got, err := scanDOT([]byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("scanDOT(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.hasGraph {
			t.Errorf("scanDOT(%q) = %v, %v; want %v, nil", tt.in, got, err, tt.hasGraph)
		}
	}
}

func TestTextRuns(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	r := &svgRenderer{fonts: fonts}
	face := fonts.sans.Face(12)
	faceOf := func(f *canvas.FontFamily) *canvas.FontFace { return f.Face(12) }
	texts := func(runs []textRun) []string {
		var ss []string
		for _, run := range runs {
			ss = append(ss, run.text)
		}
		return ss
	}
	if got := texts(r.textRuns("Tbilisi – Türkiye “Ж”", face, canvas.FontRegular, faceOf)); len(got) != 1 {
		t.Errorf("text covered by the Go fonts split into %q", got)
	}
	if r.fallbackFamily(canvas.FontRegular) == nil {
		t.Skip("no fallback system font installed (" + fallbackFonts + ")")
	}
	runs := r.textRuns("Azərbaycan", face, canvas.FontRegular, faceOf)
	if got := texts(runs); strings.Join(got, "|") != "Az|ə|rbaycan" {
		t.Errorf("runs %q, want Az|ə|rbaycan", got)
	}
	if runs[1].face.Font.GlyphIndex('ə') == 0 {
		t.Error("the fallback face lacks ə")
	}
}

// TestRasterizeDashes checks that dash lengths are in user units whatever
// the stroke width (Graphviz writes penwidth=2 dashed edges as
// stroke-width="2" stroke-dasharray="5,2").
func TestRasterizeDashes(t *testing.T) {
	for _, width := range []string{"1", "4"} {
		t.Run("width "+width, func(t *testing.T) {
			svg := `<svg width="200pt" height="20pt" viewBox="0 0 200 20"><path fill="none" stroke="black" stroke-width="` + width +
				`" stroke-dasharray="20,10" d="M0,10.5 L200,10.5"/></svg>`
			img, err := drawSVG([]byte(svg), 1)
			if err != nil {
				t.Fatal(err)
			}
			// Dashes cover [0,20), [30,50), [60,80), …; gaps [20,30), [50,60), ….
			for _, x := range []int{5, 15, 35, 45, 65, 95, 185} {
				if !dark(img.At(x, 10)) {
					t.Errorf("x=%d should be inside a dash", x)
				}
			}
			for _, x := range []int{25, 55, 85, 175} {
				if dark(img.At(x, 10)) {
					t.Errorf("x=%d should be inside a gap", x)
				}
			}
		})
	}
}
