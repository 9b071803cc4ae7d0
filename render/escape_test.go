package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/draw"
)

// hostileNames are actor names that would break DOT or SVG if written without escaping, with the text
// each must be drawn as (line by line).
var hostileNames = []struct {
	id, name string
	drawn    []string
}{
	{"quote", `"]; evil [label="x`, []string{`"]; evil [label="x`}},
	{"script", `<script>alert(1)</script>`, []string{`<script>alert(1)</script>`}},
	{"backslash-n", `a\nb`, []string{`a\nb`}},
	{"newline", "line one\nline two", []string{"line one", "line two"}},
	{"trailing-backslash", `back\slash\`, []string{`back\slash\`}},
	{"entities", `AT&T &amp; &lt;b&gt;`, []string{`AT&T &amp; &lt;b&gt;`}},
	{"punctuation", `{x} ] [ ; -> -- =`, []string{`{x} ] [ ; -> -- =`}},
	{"graphviz-escapes", `\N \G \L \E \T \H`, []string{`\N \G \L \E \T \H`}},
	{"control", "bell\x07 nul\x00", []string{"bell\uFFFD nul\uFFFD"}},
	{"html", `<b>bold</b> <!-- c --> <![CDATA[x]]>`, []string{`<b>bold</b> <!-- c`, `--> <![CDATA[x]]>`}}, // wrapped
}

// hostileNote is put into tooltips (a link's source note, an attribute, an actor's alias).
const hostileNote = `</title><script>alert(2)</script>"]; x="&amp;`

// hostileGraph builds a graph whose actors have the hostile names, in a chain of links.
func hostileGraph(t testing.TB) *graph.Graph {
	t.Helper()
	kinds := graph.NewKinds()
	if err := kinds.AddLink(graph.LinkKind{ID: "odd", Color: `red"]; evil="1`}); err == nil {
		t.Fatal("a kind with a hostile colour was declared") // graph refuses it; LinkColor checks again
	}
	if err := kinds.AddLink(graph.LinkKind{ID: "odd", Directed: true, Meaning: hostileNote}); err != nil {
		t.Fatal(err)
	}
	b := graph.NewBuilder(kinds)
	b.AddDocument(graph.Document{ID: "doc", Title: hostileNote})
	for _, h := range hostileNames {
		b.AddActor(graph.Actor{ID: h.id, Name: h.name, Kind: "country", Aliases: []string{hostileNote}, Attrs: map[string]string{"note": hostileNote}})
	}
	for i := 1; i < len(hostileNames); i++ {
		b.AddLink(&graph.Link{Kind: "odd", From: hostileNames[i-1].id, To: hostileNames[i].id,
			Attrs: map[string]string{hostileNote: hostileNote}, Sources: []graph.Source{{Doc: "doc", Para: 1, Note: hostileNote}}})
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestEscapingDOT checks, without Graphviz, that hostile text stays inside its quoted strings and
// reads back as the original text.
func TestEscapingDOT(t *testing.T) {
	g := hostileGraph(t)
	var buf bytes.Buffer
	if err := render.DOT(&buf, g, render.DOTOptions{Title: hostileNote, Labels: render.LabelsFull}); err != nil {
		t.Fatal(err)
	}
	f := parseDOT(t, buf.String())
	if len(f.nodes) != len(hostileNames)+1 || len(f.edges) != len(hostileNames)-1 {
		t.Fatalf("%d nodes and %d edges, want %d and %d:\n%s", len(f.nodes), len(f.edges), len(hostileNames)+1, len(hostileNames)-1, buf.String())
	}
	for _, h := range hostileNames {
		n := f.nodes[h.id]
		if n == nil {
			t.Errorf("node %q missing", h.id)
			continue
		}
		if got := strings.Split(unescape(n["label"]), "\n"); !slices.Equal(got, h.drawn) {
			t.Errorf("%s: label reads %q, want %q", h.id, got, h.drawn)
		}
		if !strings.Contains(unescape(n["tooltip"]), hostileNote) {
			t.Errorf("%s: tooltip %q lacks the note", h.id, unescape(n["tooltip"]))
		}
	}
	for _, e := range f.edges {
		if e.attrs["color"] != "#555555" {
			t.Errorf("a colour that is not a colour was written: %q", e.attrs["color"])
		}
		if !strings.Contains(unescape(e.attrs["tooltip"]), "• doc ¶1: "+hostileNote) {
			t.Errorf("edge tooltip %q lacks the note", unescape(e.attrs["tooltip"]))
		}
	}
	if got := unescape(f.graph["label"]); got != hostileNote {
		t.Errorf("title reads %q", got)
	}
	legend := f.nodes["_legend"]["label"]
	if strings.Contains(legend, "<script>") || !strings.Contains(legend, "&lt;/title&gt;&lt;script&gt;") {
		t.Errorf("legend tooltip not escaped: %s", legend)
	}
}

// svgDoc is what a test needs of a Graphviz SVG: the node and edge groups by id with their text and
// tooltips, and every element name used.
type svgDoc struct {
	groups   map[string]*svgGroup // id → group
	elements map[string]int       // element name → count
}

type svgGroup struct {
	class    string
	text     []string // <text> contents in order
	tooltips []string // xlink:title attributes of <a> inside
}

// parseSVG reads an SVG with encoding/xml (strict: undefined entities and bad nesting are errors).
func parseSVG(t testing.TB, svg []byte) *svgDoc {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	doc := &svgDoc{groups: map[string]*svgGroup{}, elements: map[string]int{}}
	var stack []*svgGroup
	inText := false
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			doc.elements[tk.Name.Local]++
			var cur *svgGroup
			if len(stack) > 0 {
				cur = stack[len(stack)-1]
			}
			switch tk.Name.Local {
			case "g":
				id, class := attrOf(tk, "", "id"), attrOf(tk, "", "class")
				if class == "node" || class == "edge" || class == "cluster" {
					cur = &svgGroup{class: class}
					doc.groups[id] = cur
				}
			case "a":
				if cur != nil {
					if title := attrOf(tk, "http://www.w3.org/1999/xlink", "title"); title != "" {
						cur.tooltips = append(cur.tooltips, title)
					}
				}
			case "text":
				inText = true
				text.Reset()
			}
			stack = append(stack, cur)
		case xml.EndElement:
			if tk.Name.Local == "text" {
				inText = false
				if cur := stack[len(stack)-1]; cur != nil {
					cur.text = append(cur.text, text.String())
				}
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if inText {
				text.Write(tk)
			}
		}
	}
	return doc
}

func attrOf(se xml.StartElement, space, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (space == "" || a.Name.Space == space) {
			return a.Value
		}
	}
	return ""
}

// TestEscapingSVG draws the hostile graph and checks that the SVG parses, holds no injected element,
// and shows every name as its exact text.
func TestEscapingSVG(t *testing.T) {
	g := hostileGraph(t)
	var buf bytes.Buffer
	if err := render.DOT(&buf, g, render.DOTOptions{Title: hostileNote}); err != nil {
		t.Fatal(err)
	}
	svg := drawDOT(t, buf.Bytes(), "dot", "svg")
	doc := parseSVG(t, svg)
	for _, el := range []string{"script", "b", "foreignObject", "iframe"} {
		if doc.elements[el] > 0 {
			t.Errorf("the SVG holds %d <%s> element(s)", doc.elements[el], el)
		}
	}
	for _, h := range hostileNames {
		grp := doc.groups["actor:"+h.id]
		if grp == nil {
			t.Errorf("no node group for %s", h.id)
			continue
		}
		if !slices.Equal(grp.text, h.drawn) {
			t.Errorf("%s: drawn as %q, want %q", h.id, grp.text, h.drawn)
		}
		if !slices.ContainsFunc(grp.tooltips, func(s string) bool { return strings.Contains(s, hostileNote) }) {
			t.Errorf("%s: tooltips %q lack the note as text", h.id, grp.tooltips)
		}
	}
	edges := 0
	for _, grp := range doc.groups {
		if grp.class == "edge" {
			edges++
		}
	}
	if edges != len(hostileNames)-1 {
		t.Errorf("%d edges drawn, want %d", edges, len(hostileNames)-1)
	}
}

// TestSVGViews draws the golden views and finds every actor and link of each in the SVG, by the ids
// the DOT gives them.
func TestSVGViews(t *testing.T) {
	g := loadFixture(t)
	for _, v := range goldenViews(t, g) {
		t.Run(v.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := v.diagram().WriteDOT(&buf); err != nil {
				t.Fatal(err)
			}
			f := parseDOT(t, buf.String())
			layout := f.graph["layout"]
			doc := parseSVG(t, drawDOT(t, buf.Bytes(), layout, "svg"))
			for _, name := range f.order {
				id := f.nodes[name]["id"]
				grp := doc.groups[id]
				if grp == nil || grp.class != "node" {
					t.Errorf("node %s (%s) not in the SVG", name, id)
					continue
				}
				if name != "_legend" && strings.Join(grp.text, "\n") != unescape(f.nodes[name]["label"]) {
					t.Errorf("node %s reads %q, want %q", name, grp.text, unescape(f.nodes[name]["label"]))
				}
			}
			for _, e := range f.edges {
				grp := doc.groups[e.attrs["id"]]
				if grp == nil || grp.class != "edge" {
					t.Errorf("edge %s not in the SVG", e.attrs["id"])
					continue
				}
				if tip := unescape(e.attrs["tooltip"]); !slices.Contains(grp.tooltips, tip) {
					t.Errorf("edge %s: tooltips %q, want %q", e.attrs["id"], grp.tooltips, tip)
				}
			}
		})
	}
}

// BenchmarkSVGEmbedded draws the whole embedded dataset as SVG end to end: DOT in Go, then layout and
// SVG in the helper process (its start-up included).
func BenchmarkSVGEmbedded(b *testing.B) {
	g, err := data.Load(data.EmbeddedInput())
	if err != nil {
		b.Fatal(err)
	}
	loc := helper(b)
	var out bytes.Buffer
	for b.Loop() {
		var dot bytes.Buffer
		if err := render.DOT(&dot, g, render.DOTOptions{}); err != nil {
			b.Fatal(err)
		}
		out.Reset()
		if err := draw.Draw(context.Background(), dot.Bytes(), draw.Options{MaxNodes: -1, Locator: loc}, &out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.Len()), "svg-bytes")
}
