package graphviz

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// newRenderer returns a Renderer that is closed when the test ends.
func newRenderer(tb testing.TB) *Renderer {
	tb.Helper()
	r, err := New(context.Background())
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	tb.Cleanup(func() {
		if err := r.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return r
}

func render(tb testing.TB, r *Renderer, dot string, opts Options) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := r.Render(context.Background(), []byte(dot), opts, &buf); err != nil {
		tb.Fatalf("Render(%s, %s): %v", opts.Layout, opts.Format, err)
	}
	return buf.Bytes()
}

// quote returns s as a quoted DOT string whose label shows s literally:
// backslashes and quotes are escaped, a newline becomes a centred line break,
// and & becomes &amp; because Graphviz decodes entities such as &lt; in
// labels.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "&", "&amp;")
	return `"` + r.Replace(s) + `"`
}

// quoteTooltip is quote for escString attributes other than labels, such as
// tooltip: Graphviz substitutes \N, \G and \E in them after the DOT lexer
// has turned \\ into \, so a literal backslash needs four.
func quoteTooltip(s string) string {
	r := strings.NewReplacer(`\`, `\\\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "&", "&amp;")
	return `"` + r.Replace(s) + `"`
}

// svgDoc is the part of a Graphviz SVG that the tests look at.
type svgDoc struct {
	groups []svgGroup // node, edge and cluster groups in document order
	texts  []string   // every text element's content
	tags   map[string]int
}

type svgGroup struct {
	class, title string
	texts        []string
	tooltips     []string     // xlink:title of the group's links
	points       [][2]float64 // polygon points and ellipse extremes
}

// parseSVG decodes svg as XML (failing the test if it is not well formed)
// and collects its groups and texts.
func parseSVG(tb testing.TB, svg []byte) svgDoc {
	tb.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Entity = xml.HTMLEntity
	doc := svgDoc{tags: map[string]int{}}
	var cur *svgGroup
	var stack []string
	var text strings.Builder
	inTitle := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("svg is not well-formed XML: %v\n%s", err, svg)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			doc.tags[t.Name.Local]++
			a := attrMap(t)
			switch t.Name.Local {
			case "g":
				if c := a["class"]; c == "node" || c == "edge" || c == "cluster" {
					doc.groups = append(doc.groups, svgGroup{class: c})
					cur = &doc.groups[len(doc.groups)-1]
				}
			case "title":
				inTitle = true
				text.Reset()
			case "a":
				if cur != nil {
					for _, at := range t.Attr {
						if at.Name.Local == "title" {
							cur.tooltips = append(cur.tooltips, at.Value)
						}
					}
				}
			case "text":
				text.Reset()
			case "polygon":
				if cur != nil {
					pts := parseNumbers(a["points"])
					for i := 0; i+1 < len(pts); i += 2 {
						cur.points = append(cur.points, [2]float64{pts[i], pts[i+1]})
					}
				}
			case "ellipse":
				if cur != nil {
					cx, cy := parseNumbers(a["cx"])[0], parseNumbers(a["cy"])[0]
					rx, ry := parseNumbers(a["rx"])[0], parseNumbers(a["ry"])[0]
					cur.points = append(cur.points, [2]float64{cx - rx, cy - ry}, [2]float64{cx + rx, cy + ry})
				}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			switch t.Name.Local {
			case "title":
				if cur != nil && inTitle {
					cur.title = text.String()
				}
				inTitle = false
			case "text":
				doc.texts = append(doc.texts, text.String())
				if cur != nil {
					cur.texts = append(cur.texts, text.String())
				}
			case "g":
				// Node and edge groups are not nested in Graphviz output;
				// an inner <g> (the anchor wrapper) closes first.
				if cur != nil && !containsGroupDepth(stack) {
					cur = nil
				}
			}
		}
	}
	return doc
}

// containsGroupDepth reports whether the stack is still inside a node, edge
// or cluster group: those sit at depth 3 (svg > g.graph > g.node).
func containsGroupDepth(stack []string) bool {
	return len(stack) >= 3
}

func (d svgDoc) class(c string) []svgGroup {
	var gs []svgGroup
	for _, g := range d.groups {
		if g.class == c {
			gs = append(gs, g)
		}
	}
	return gs
}

// bounds returns the bounding box of a group's shapes in user units.
func (g svgGroup) bounds() (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = 1e18, 1e18, -1e18, -1e18
	for _, p := range g.points {
		x0, y0 = min(x0, p[0]), min(y0, p[1])
		x1, y1 = max(x1, p[0]), max(y1, p[1])
	}
	return
}

func TestRenderSVG(t *testing.T) {
	r := newRenderer(t)
	tests := []struct {
		name   string
		dot    string
		layout Layout
		labels []string // one per node, in any order
		edges  int
	}{{
		name:   "directed dot",
		dot:    `digraph { node [fontname="Helvetica" shape=box]; a [label="Baku"]; b [label="Moscow"]; c [label="Tbilisi"]; a -> b; b -> c; a -> c }`,
		layout: LayoutDot,
		labels: []string{"Baku", "Moscow", "Tbilisi"},
		edges:  3,
	}, {
		name:   "parallel edges neato",
		dot:    `graph { a [label="Armenia"]; b [label="Azerbaijan"]; a -- b [color=red]; a -- b [color=blue style=dashed]; }`,
		layout: LayoutNeato,
		labels: []string{"Armenia", "Azerbaijan"},
		edges:  2,
	}, {
		name:   "cluster fdp",
		dot:    `graph { subgraph cluster_ge { label="Georgia"; t [label="Tbilisi"]; b [label="Batumi"] } y [label="Yerevan"]; t -- b; t -- y }`,
		layout: LayoutFDP,
		labels: []string{"Tbilisi", "Batumi", "Yerevan"},
		edges:  2,
	}, {
		name:   "circo",
		dot:    `graph { 1 -- 2 -- 3 -- 4 -- 1 }`,
		layout: LayoutCirco,
		labels: []string{"1", "2", "3", "4"},
		edges:  4,
	}, {
		name:   "twopi with HTML label",
		dot:    `digraph { root [label=<<B>Kremlin</B>>]; root -> x; root -> y }`,
		layout: LayoutTwopi,
		labels: []string{"Kremlin", "x", "y"},
		edges:  2,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseSVG(t, render(t, r, tt.dot, Options{Layout: tt.layout}))
			nodes := doc.class("node")
			if len(nodes) != len(tt.labels) {
				t.Fatalf("%d node groups, want %d", len(nodes), len(tt.labels))
			}
			var got []string
			for _, n := range nodes {
				got = append(got, strings.Join(n.texts, " "))
			}
			for _, want := range tt.labels {
				if !containsString(got, want) {
					t.Errorf("no node labelled %q; node texts %q", want, got)
				}
			}
			if n := len(doc.class("edge")); n != tt.edges {
				t.Errorf("%d edge groups, want %d", n, tt.edges)
			}
		})
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestRenderEscapedLabels(t *testing.T) {
	r := newRenderer(t)
	tests := []struct {
		name  string
		label string
		lines []string // the text elements the node should show
	}{
		{"dot injection", `"]; evil [label="x`, []string{`"]; evil [label="x`}},
		{"markup", `<script>alert(1)</script>`, []string{`<script>alert(1)</script>`}},
		{"newline", "a\nb", []string{"a", "b"}},
		{"backslash escapes", `C:\Nodes\G & {x}`, []string{`C:\Nodes\G & {x}`}},
		{"entity", `&amp; &lt;b&gt; ]]>`, []string{`&amp; &lt;b&gt; ]]>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dot := fmt.Sprintf("digraph {\n n [label=%s tooltip=%s];\n m [label=\"other\"];\n n -> m [label=%s tooltip=%s];\n}\n",
				quote(tt.label), quoteTooltip(tt.label), quote(tt.label), quoteTooltip(tt.label))
			svg := render(t, r, dot, Options{})
			doc := parseSVG(t, svg)
			for _, tag := range []string{"script", "foreignObject", "iframe"} {
				if doc.tags[tag] > 0 {
					t.Errorf("svg has a <%s> element:\n%s", tag, svg)
				}
			}
			if bytes.Contains(bytes.ToLower(svg), []byte("<script")) {
				t.Errorf("svg contains raw <script:\n%s", svg)
			}
			nodes := doc.class("node")
			if len(nodes) != 2 {
				t.Fatalf("%d node groups, want 2 (the label must not create nodes):\n%s", len(nodes), svg)
			}
			if got := nodes[0].texts; strings.Join(got, "|") != strings.Join(tt.lines, "|") {
				t.Errorf("node texts %q, want %q", got, tt.lines)
			}
			if got := nodes[0].tooltips; len(got) != 1 || got[0] != tt.label {
				t.Errorf("node tooltip %q, want %q", got, tt.label)
			}
			edges := doc.class("edge")
			if len(edges) != 1 {
				t.Fatalf("%d edge groups, want 1", len(edges))
			}
			if got := edges[0].texts; strings.Join(got, "|") != strings.Join(tt.lines, "|") {
				t.Errorf("edge texts %q, want %q", got, tt.lines)
			}
			if got := edges[0].tooltips; len(got) == 0 || got[0] != tt.label {
				t.Errorf("edge tooltips %q, want %q", got, tt.label)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	r := newRenderer(t)
	big := func(n int) string {
		var b strings.Builder
		b.WriteString("digraph {")
		for i := range n {
			fmt.Fprintf(&b, " n%d;", i)
		}
		b.WriteString(" }")
		return b.String()
	}
	tests := []struct {
		name    string
		dot     string
		opts    Options
		is      error
		message []string
	}{
		{"sfdp refused", `graph { a -- b }`, Options{Layout: LayoutSFDP}, ErrUnsupported, []string{`"sfdp"`, "neato"}},
		{"unknown layout", `graph { a -- b }`, Options{Layout: "osage"}, ErrUnsupported, []string{`"osage"`}},
		{"unknown format", `graph { a -- b }`, Options{Format: "gif"}, ErrUnsupported, []string{`"gif"`}},
		{"negative scale", `graph { a -- b }`, Options{Scale: -1}, nil, []string{"scale"}},
		{"syntax error", `digraph { a -> `, Options{}, ErrInvalidDOT, []string{"syntax error"}},
		{"wrong edge op", `graph { a -> b }`, Options{}, ErrInvalidDOT, []string{"syntax error"}},
		{"unterminated string", `digraph { a [label="x] }`, Options{}, ErrInvalidDOT, []string{"quoted string"}},
		{"empty", ``, Options{}, ErrInvalidDOT, []string{"no graph"}},
		{"only comments", "// c\n/* d */\n# 1 \"x\"\n  ", Options{}, ErrInvalidDOT, []string{"no graph"}},
		{"unterminated comment", "/* x", Options{}, ErrInvalidDOT, []string{"line 1: comment"}},
		{"unterminated comment in graph", "digraph {\n a /* x", Options{}, ErrInvalidDOT, []string{"line 2: comment"}},
		{"unterminated string at top", `"abc`, Options{}, ErrInvalidDOT, []string{"line 1: quoted string"}},
		{"unterminated escaped string", "digraph {\n\n a [label=\"x\\\"] }", Options{}, ErrInvalidDOT, []string{"line 3: quoted string"}},
		{"unterminated html", `digraph { a [label=<<B>x] }`, Options{}, ErrInvalidDOT, []string{"HTML-like string"}},
		{"not dot", `hello world`, Options{}, ErrInvalidDOT, []string{"syntax error"}},
		{"invalid utf-8", "digraph { a [label=\"\xff\xfe\"] }", Options{}, ErrInvalidDOT, []string{"UTF-8"}},
		{"too large", big(30), Options{MaxNodes: 20}, ErrTooLarge, []string{"30 nodes", "limit of 20", "--focus", "--depth", "--kinds"}},
		{"too large png", big(30), Options{MaxNodes: 29, Format: FormatPNG}, ErrTooLarge, []string{"30 nodes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := r.Render(context.Background(), []byte(tt.dot), tt.opts, &buf)
			if err == nil {
				t.Fatalf("Render succeeded, want an error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			for _, m := range tt.message {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not mention %q", err, m)
				}
			}
			if buf.Len() != 0 {
				t.Errorf("Render wrote %d bytes despite failing", buf.Len())
			}
		})
	}
	// The library must still work after all those failures.
	doc := parseSVG(t, render(t, r, "\ufeffdigraph { ok -> fine [label=\"x\\\\\"] /* c */ }", Options{}))
	if n := len(doc.class("node")); n != 2 {
		t.Errorf("after errors: %d nodes, want 2", n)
	}
	if got := doc.class("edge")[0].texts; len(got) != 1 || got[0] != `x\` {
		t.Errorf("after errors: edge label %q, want [x\\]", got)
	}
}

func TestRenderLimits(t *testing.T) {
	r := newRenderer(t)
	dot := `digraph { a -> b -> c }`
	for _, tt := range []struct {
		max int
		ok  bool
	}{{-1, true}, {0, true}, {3, true}, {2, false}} {
		var buf bytes.Buffer
		err := r.Render(context.Background(), []byte(dot), Options{MaxNodes: tt.max}, &buf)
		if (err == nil) != tt.ok {
			t.Errorf("MaxNodes %d: error %v, want ok=%v", tt.max, err, tt.ok)
		}
	}
}

// TestRenderLayoutAttribute checks that Options.Layout wins over a layout
// attribute in the DOT text, which Graphviz would otherwise follow.
func TestRenderLayoutAttribute(t *testing.T) {
	r := newRenderer(t)
	const body = ` a -- b; b -- c; c -- d; d -- a; a -- c }`
	want := render(t, r, `graph {`+body, Options{Layout: LayoutNeato})
	for _, attr := range []string{"sfdp", "circo", "dot"} {
		got := render(t, r, `graph { layout=`+attr+`;`+body, Options{Layout: LayoutNeato})
		if !bytes.Equal(got, want) {
			t.Errorf("layout=%s in the DOT changed the neato drawing", attr)
		}
	}
}

func TestRenderLaidOutDOT(t *testing.T) {
	r := newRenderer(t)
	out := string(render(t, r, `digraph { a -> b }`, Options{Format: FormatDOT}))
	for _, want := range []string{"digraph", "bb=", "pos=", "a -> b"} {
		if !strings.Contains(out, want) {
			t.Errorf("laid-out DOT lacks %q:\n%s", want, out)
		}
	}
}

func TestRenderClosed(t *testing.T) {
	r, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if err := r.Render(context.Background(), []byte(`digraph { a }`), Options{}, io.Discard); err == nil {
		t.Error("Render after Close succeeded")
	}
}

func TestRenderCancelled(t *testing.T) {
	r := newRenderer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := r.Render(ctx, []byte(`digraph { a }`), Options{}, io.Discard)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestRenderConcurrent renders from many goroutines at once, through one
// Renderer and through several: the outputs must match a serial render.
func TestRenderConcurrent(t *testing.T) {
	shared := newRenderer(t)
	other := newRenderer(t)
	dots := []string{generateDOT(40, 60, 1), generateDOT(25, 30, 2)}
	want := make([][]byte, len(dots))
	for i, d := range dots {
		want[i] = render(t, shared, d, Options{Layout: LayoutNeato})
	}
	const n = 16
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		r := shared
		if i%4 == 3 {
			r = other
		}
		wg.Go(func() {
			var buf bytes.Buffer
			if err := r.Render(context.Background(), []byte(dots[i%2]), Options{Layout: LayoutNeato}, &buf); err != nil {
				errs <- fmt.Errorf("goroutine %d: %w", i, err)
				return
			}
			if !bytes.Equal(buf.Bytes(), want[i%2]) {
				errs <- fmt.Errorf("goroutine %d: output differs from the serial render", i)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRenderPNGFormat(t *testing.T) {
	r := newRenderer(t)
	out := render(t, r, `digraph { a -> b }`, Options{Format: FormatPNG, Scale: 1})
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 50 || b.Dy() < 100 {
		t.Errorf("PNG is %v, too small for two stacked nodes at 1 px/pt", b)
	}
}

// generateDOT returns a connected graph of n nodes and e edges (e >= n-1),
// styled the way relgraph styles its diagrams, from a fixed seed.
func generateDOT(n, e int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 42))
	shapes := []string{"box", "ellipse", "hexagon", "octagon", "diamond"}
	fills := []string{"#cfe2f3", "#d9ead3", "#fff2cc", "#f4cccc", "#ead1dc"}
	colors := []string{"#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"}
	styles := []string{"solid", "dashed", "dotted"}
	var b strings.Builder
	fmt.Fprintf(&b, "digraph relgraph {\n graph [fontname=%q rankdir=LR];\n node [fontname=%q style=filled];\n edge [fontname=%q fontsize=10];\n", FontName, FontName, FontName)
	for i := range n {
		fmt.Fprintf(&b, " a%d [label=%q shape=%s fillcolor=%q tooltip=%q];\n", i,
			fmt.Sprintf("Actor %d of kind %d", i, i%5), shapes[i%5], fills[i%5], fmt.Sprintf("actor %d", i))
	}
	seen := map[[2]int]bool{}
	edge := func(a, c int) {
		seen[[2]int{a, c}] = true
		k := rng.IntN(len(colors))
		fmt.Fprintf(&b, " a%d -> a%d [color=%q style=%s tooltip=%q];\n", a, c, colors[k], styles[k%3], fmt.Sprintf("kind %d, 1991-2024", k))
	}
	for i := 1; i < n; i++ {
		edge(rng.IntN(i), i)
	}
	for len(seen) < e {
		a, c := rng.IntN(n), rng.IntN(n)
		if a != c && !seen[[2]int{a, c}] {
			edge(a, c)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

func TestGenerateDOT(t *testing.T) {
	r := newRenderer(t)
	doc := parseSVG(t, render(t, r, generateDOT(150, 250, 1), Options{}))
	if n, e := len(doc.class("node")), len(doc.class("edge")); n != 150 || e != 250 {
		t.Errorf("benchmark graph has %d nodes and %d edges, want 150 and 250", n, e)
	}
}

func BenchmarkRenderSVG(b *testing.B) {
	r := newRenderer(b)
	dot := []byte(generateDOT(150, 250, 1))
	for b.Loop() {
		if err := r.Render(context.Background(), dot, Options{}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderPNG(b *testing.B) {
	r := newRenderer(b)
	dot := []byte(generateDOT(150, 250, 1))
	for b.Loop() {
		if err := r.Render(context.Background(), dot, Options{Format: FormatPNG}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRasterize measures the drawing of a PNG from SVG alone, for a
// view-sized graph and for the benchmark graph, whose picture is capped at
// MaxPixels.
func BenchmarkRasterize(b *testing.B) {
	r := newRenderer(b)
	for _, size := range []struct{ nodes, edges int }{{40, 60}, {150, 250}} {
		svg := render(b, r, generateDOT(size.nodes, size.edges, 1), Options{})
		b.Run(fmt.Sprintf("%dnodes", size.nodes), func(b *testing.B) {
			for b.Loop() {
				if err := rasterize(svg, DefaultScale, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
