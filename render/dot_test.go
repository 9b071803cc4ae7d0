package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render"
)

// goldenViews are the views of the fixture whose DOT is kept in testdata/golden.
func goldenViews(t testing.TB, g *graph.Graph) []struct {
	name    string
	diagram func() *render.Diagram
} {
	ego := func(id string, depth int, layout string) func() *render.Diagram {
		return func() *render.Diagram {
			a := actor(t, g, id)
			d := render.NewDiagram(render.DOTOptions{Actors: query.Ego(g, a, depth), Focus: []int32{a}, Title: "Ego of " + id, Layout: layout})
			d.AddGraph(g)
			return d
		}
	}
	view := func(opts render.DOTOptions) func() *render.Diagram {
		return func() *render.Diagram {
			d := render.NewDiagram(opts)
			d.AddGraph(g)
			return d
		}
	}
	path, err := query.ShortestPathView(g, actor(t, g, "baku"), actor(t, g, "moscow"))
	if err != nil {
		t.Fatalf("no path from baku to moscow in the fixture: %v", err)
	}
	return []struct {
		name    string
		diagram func() *render.Diagram
	}{
		{"whole", view(render.DOTOptions{Title: "The fixture"})},
		{"ego-russia", ego("russia", 1, "")},
		{"ego-russia-twopi", ego("russia", 1, "twopi")},
		{"path-baku-moscow", view(render.DOTOptions{Actors: path.Actors(), Highlight: path.Path, HighlightLinks: path.Links,
			Focus: []int32{path.Path[0], path.Path[len(path.Path)-1]}, Title: "Baku to Moscow"})},
		{"cluster-country", view(render.DOTOptions{Cluster: render.ClusterCountry})},
		{"neato-full-labels", view(render.DOTOptions{Layout: "neato", Labels: render.LabelsFull, NoLegend: true})},
		{"bundle", view(render.DOTOptions{Bundle: 2, Labels: render.LabelsNone})},
		{"diff", func() *render.Diagram { return diffDiagram(t, g) }},
	}
}

// diffDiagram draws the changes between the fixture at 2016 and the whole fixture the way a diff
// drawing does: links only in the old graph removed, only in the new one added, one changed.
func diffDiagram(t testing.TB, g *graph.Graph) *render.Diagram {
	old, err := g.Filter(graph.Filter{At: graph.NewDate(2016, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	d := render.NewDiagram(render.DOTOptions{Title: "Changes since 2016"})
	inOld := map[string]bool{}
	for l := range int32(old.NumLinks()) {
		inOld[old.LinkID(l)] = true
	}
	for l := range int32(g.NumLinks()) {
		st := render.StatusUnchanged
		switch id := g.LinkID(l); {
		case !inOld[id]:
			st = render.StatusAdded
		case strings.HasPrefix(id, "troop_base:"):
			st = render.StatusChanged
			d.AddLink(g, l, st)
			d.Note(id, "troops: 5000 → 3000")
			continue
		}
		d.AddLink(g, l, st)
	}
	d.AddActor(g, actor(t, g, "socar"), render.StatusAdded)
	// A removed link: one from another graph, identified by its id.
	b := graph.NewBuilder(g.Kinds())
	b.AddActor(graph.Actor{ID: "russia", Name: "Russia", Kind: "country"})
	b.AddActor(graph.Actor{ID: "ukraine", Name: "Ukraine", Kind: "country"})
	b.AddLink(&graph.Link{Kind: "trade", From: "russia", To: "ukraine", Sign: 1, Start: graph.NewDate(1992, 0, 0), End: graph.NewDate(2014, 0, 0)})
	gone, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	d.AddLink(gone, 0, render.StatusRemoved)
	d.AddActor(gone, actor(t, gone, "ukraine"), render.StatusRemoved)
	return d
}

func TestDOTGolden(t *testing.T) {
	g := loadFixture(t)
	for _, v := range goldenViews(t, g) {
		t.Run(v.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := v.diagram().WriteDOT(&got); err != nil {
				t.Fatal(err)
			}
			for range 3 { // map order must not leak into the output
				var again bytes.Buffer
				if err := v.diagram().WriteDOT(&again); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), again.Bytes()) {
					t.Fatal("two runs wrote different DOT")
				}
			}
			parseDOT(t, got.String()) // well-formed
			file := filepath.Join("testdata", "golden", v.name+".dot")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run 'go test ./render -run TestDOTGolden -update' to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("DOT differs from %s (rerun with -update if the change is intended):\n%s", file, lineDiff(string(want), got.String()))
			}
		})
	}
}

// lineDiff shows the first lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 6; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

// TestDOTContent checks what the views draw, beyond their golden text.
func TestDOTContent(t *testing.T) {
	g := loadFixture(t)
	dot := func(opts render.DOTOptions) *dotFile {
		var b bytes.Buffer
		if err := render.DOT(&b, g, opts); err != nil {
			t.Fatal(err)
		}
		return parseDOT(t, b.String())
	}
	names := func(f *dotFile) []string {
		var out []string
		for _, n := range f.order {
			if n != "_legend" {
				out = append(out, n)
			}
		}
		slices.Sort(out)
		return out
	}
	edgeOf := func(f *dotFile, linkID string) *dotEdge {
		for i := range f.edges {
			id := strings.TrimPrefix(f.edges[i].attrs["id"], "link:")
			if slices.Contains(strings.Split(id, "+"), linkID) {
				return &f.edges[i]
			}
		}
		return nil
	}

	t.Run("whole view draws every actor with a link", func(t *testing.T) {
		f := dot(render.DOTOptions{})
		var want []string
		for _, a := range g.PresentActors() {
			if g.Degree(a) > 0 {
				want = append(want, g.Actor(a).ID)
			}
		}
		slices.Sort(want)
		if got := names(f); !slices.Equal(got, want) {
			t.Errorf("nodes = %v, want %v", got, want)
		}
		for l := range int32(g.NumLinks()) {
			if edgeOf(f, g.LinkID(l)) == nil {
				t.Errorf("link %s is not drawn", g.LinkID(l))
			}
		}
		if f.graph["layout"] != "dot" || f.graph["rankdir"] != "LR" {
			t.Errorf("graph attributes %v", f.graph)
		}
	})

	t.Run("styles by kind, sign and certainty", func(t *testing.T) {
		f := dot(render.DOTOptions{})
		tests := []struct {
			link                 string
			color, style, dir    string
			penwidth, labelStart string
		}{
			{"arms_sale:russia:azerbaijan:2010", "#d62728", "dotted", "", "1.2", "arms_sale"},          // alleged
			{"conflict:armenia:azerbaijan:2020-09-27", "#000000", "dashed", "none", "1.2", "conflict"}, // hostile, undirected
			{"energy_deal:gazprom:socar:2025", "#ff7f0e99", "dashed", "none", "1.2", "energy_deal"},    // planned: paler
			{"visit:russia:azerbaijan:2016-08-08", "#aec7e8", "solid", "", "2.15", "visit ×3"},         // three visits merged
			{"alliance:armenia:russia:1997", "#2ca02c", "solid", "none", "2", "alliance"},              // bold kind
			{"dispute:georgia:russia:2008", "#ff9896", "dashed", "none", "1.2", "dispute"},             // hostile kind
			{"develops:socar:btc:2002", "#ff7f0e", "solid", "", "1.2", "develops"},                     // kind's own dashes not used
			{"pipeline:baku:tbilisi@btc", "#8c564b", "solid", "", "2", "pipeline"},                     // route segment
			{"located_in:baku:azerbaijan", "#c7c7c7", "solid", "", "1.2", ""},                          // never labelled
			{"cooperation:azerbaijan:turkey:2021", "#2ca02c", "solid", "none", "1.2", "cooperation"},   // undirected: ends sorted
		}
		for _, tt := range tests {
			e := edgeOf(f, tt.link)
			if e == nil {
				t.Errorf("%s: not drawn", tt.link)
				continue
			}
			got := []string{e.attrs["color"], e.attrs["style"], e.attrs["dir"], e.attrs["penwidth"], firstLine(unescape(e.attrs["label"]))}
			want := []string{tt.color, tt.style, tt.dir, tt.penwidth, tt.labelStart}
			if !slices.Equal(got, want) {
				t.Errorf("%s: color, style, dir, penwidth, label = %q, want %q", tt.link, got, want)
			}
		}
		if e := edgeOf(f, "cooperation:azerbaijan:turkey:2021"); e != nil && (e.from != "azerbaijan" || e.to != "turkey") {
			t.Errorf("undirected edge drawn %s -> %s, want azerbaijan -> turkey", e.from, e.to)
		}
		nodes := []struct{ id, shape, fill string }{
			{"russia", "box", "#d6e6f5"}, {"baku", "ellipse", "#fff4cc"}, {"csto", "hexagon", "#ebe0f3"},
			{"socar", "component", "#fde2c8"}, {"aliyev", "egg", "#fadbe6"}, {"btc", "cds", "#ece6df"},
			{"base-102", "house", "#e4e8d0"}, {"karabakh", "box", "#e3f2dc"},
		}
		for _, n := range nodes {
			a := f.nodes[n.id]
			if a["shape"] != n.shape || a["fillcolor"] != n.fill {
				t.Errorf("%s: shape %q fill %q, want %q %q", n.id, a["shape"], a["fillcolor"], n.shape, n.fill)
			}
		}
		if s := f.nodes["karabakh"]["style"]; s != "filled,rounded,dashed" {
			t.Errorf("region style = %q", s)
		}
	})

	t.Run("tooltips carry kind, dates, attributes and sources", func(t *testing.T) {
		f := dot(render.DOTOptions{})
		tip := unescape(edgeOf(f, "arms_sale:russia:azerbaijan:2010").attrs["tooltip"])
		want := "arms_sale: Russia → Azerbaijan\n2010 – 2013 (alleged); value: $4 billion\n• paper ¶1: Deliveries are said to have run for years."
		if tip != want {
			t.Errorf("tooltip = %q, want %q", tip, want)
		}
		visits := unescape(edgeOf(f, "visit:russia:azerbaijan:2016-08-08").attrs["tooltip"])
		if !strings.HasPrefix(visits, "visit: Russia → Azerbaijan (3 links)\n2016-08-08\n• paper ¶3: A summit in Baku.\n2018-09-27\n2022-02-22") {
			t.Errorf("merged tooltip = %q", visits)
		}
		node := unescape(f.nodes["socar"]["tooltip"])
		if node != "SOCAR\ncompany in Azerbaijan\nfounded: 1992" {
			t.Errorf("node tooltip = %q", node)
		}
	})

	t.Run("labels: kind on mid-size views, kind and dates on small ones", func(t *testing.T) {
		a := actor(t, g, "armenia")
		f := dot(render.DOTOptions{Actors: []int32{a, actor(t, g, "azerbaijan")}})
		e := edgeOf(f, "conflict:armenia:azerbaijan:2020-09-27")
		if got := unescape(e.attrs["label"]); got != "conflict\n2020-09-27 – 2020-11-10" {
			t.Errorf("small view label = %q", got)
		}
		f = dot(render.DOTOptions{Labels: render.LabelsNone})
		for _, e := range f.edges {
			if _, ok := e.attrs["label"]; ok {
				t.Errorf("LabelsNone: edge %s has a label", e.attrs["id"])
			}
		}
	})

	t.Run("path view highlights the path and fades the rest", func(t *testing.T) {
		p, _ := query.ShortestPathView(g, actor(t, g, "baku"), actor(t, g, "moscow"))
		var ids []string
		for _, a := range p.Path {
			ids = append(ids, g.Actor(a).ID)
		}
		if want := []string{"baku", "azerbaijan", "russia", "moscow"}; !slices.Equal(ids, want) {
			t.Fatalf("path = %v, want %v", ids, want)
		}
		f := dot(render.DOTOptions{Actors: p.Actors(), Highlight: p.Path, HighlightLinks: p.Links})
		if pw := f.nodes["azerbaijan"]["penwidth"]; pw != "2.5" {
			t.Errorf("path actor penwidth = %q", pw)
		}
		if c := f.nodes["armenia"]["fillcolor"]; c != "#d6e6f538" {
			t.Errorf("context actor fill = %q, want faded", c)
		}
		if e := edgeOf(f, "dispute:azerbaijan:russia:2024-12-25"); e.attrs["penwidth"] != "3.2" || e.attrs["label"] == "" {
			t.Errorf("path link: %v", e.attrs)
		}
		if e := edgeOf(f, "conflict:armenia:azerbaijan:2020-09-27"); e.attrs["color"] != "#00000038" {
			t.Errorf("context link colour = %q, want faded", e.attrs["color"])
		}
		if !slices.Contains(ids, "moscow") || !slices.Contains(names(f), "armenia") {
			t.Errorf("context missing: %v", names(f))
		}
	})

	t.Run("cluster country boxes a country's actors and drops their located_in lines", func(t *testing.T) {
		f := dot(render.DOTOptions{Cluster: render.ClusterCountry})
		got := f.clusters["cluster_azerbaijan"]
		if want := []string{"aliyev", "azerbaijan", "baku", "karabakh", "socar"}; !slices.Equal(got, want) {
			t.Errorf("azerbaijan's box = %v, want %v", got, want)
		}
		if got := f.clusters["cluster_armenia"]; !slices.Contains(got, "base-102") { // base-102 → gyumri → armenia
			t.Errorf("armenia's box = %v, want base-102 in it", got)
		}
		if edgeOf(f, "located_in:baku:azerbaijan") != nil {
			t.Error("located_in inside a box is drawn")
		}
		if edgeOf(f, "located_in:azerbaijan:caucasus") == nil {
			t.Error("located_in across boxes is not drawn")
		}
	})

	t.Run("bundles", func(t *testing.T) {
		f := dot(render.DOTOptions{Bundle: 2})
		var e *dotEdge
		for i := range f.edges {
			if f.edges[i].from == "azerbaijan" && f.edges[i].to == "russia" && strings.Contains(f.edges[i].attrs["color"], ":") {
				e = &f.edges[i]
			}
		}
		if e == nil {
			t.Fatal("no bundle between azerbaijan and russia")
		}
		// arms_sale (alleged), dispute, trade, alliance, visit ×3, mediation: 8 links of 6 kinds.
		if got := unescape(e.attrs["label"]); got != "8 links\n6 kinds" {
			t.Errorf("bundle label = %q", got)
		}
		if got := strings.Count(e.attrs["color"], ":") + 1; got != 6 {
			t.Errorf("bundle colours = %q", e.attrs["color"])
		}
	})

	t.Run("legend lists only what is drawn", func(t *testing.T) {
		a, b := actor(t, g, "armenia"), actor(t, g, "azerbaijan")
		f := dot(render.DOTOptions{Actors: []int32{a, b}})
		legend := f.nodes["_legend"]["label"]
		for _, want := range []string{"country (box)", "conflict", "hostile"} {
			if !strings.Contains(legend, want) {
				t.Errorf("legend lacks %q: %s", want, legend)
			}
		}
		for _, not := range []string{"city", "arms_sale", "alleged"} {
			if strings.Contains(legend, not) {
				t.Errorf("legend lists %q, which is not drawn", not)
			}
		}
		if f := dot(render.DOTOptions{NoLegend: true}); f.nodes["_legend"] != nil {
			t.Error("NoLegend: legend drawn")
		}
	})
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestCountryOf(t *testing.T) {
	g := loadFixture(t)
	for _, tt := range []struct{ actor, country string }{
		{"azerbaijan", "azerbaijan"}, {"baku", "azerbaijan"}, {"base-102", "armenia"}, {"karabakh", "azerbaijan"},
		{"caucasus", ""}, {"csto", ""}, {"btc", ""},
	} {
		c, ok := render.CountryOf(g, actor(t, g, tt.actor))
		got := ""
		if ok {
			got = g.Actor(c).ID
		}
		if got != tt.country {
			t.Errorf("CountryOf(%s) = %q, want %q", tt.actor, got, tt.country)
		}
	}
}

// BenchmarkDOTEmbedded writes the DOT of the whole embedded dataset.
func BenchmarkDOTEmbedded(b *testing.B) {
	g, err := data.Load(data.EmbeddedInput())
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := render.DOT(&buf, g, render.DOTOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}
