package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/export"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// hostileName is the name of the fixture's actor "hostile".
const hostileName = "Q\"uote's <tag> & co,\nsecond line"

func load(t testing.TB, dir string) *graph.Graph {
	t.Helper()
	in, err := data.PathInput(dir)
	if err != nil {
		t.Fatal(err)
	}
	g, err := data.Load(in)
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	return g
}

func fixture(t testing.TB) *graph.Graph { return load(t, "testdata/fixture") }

// embedded returns the embedded dataset, or skips the test when it does not load.
func embedded(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := data.Load(data.EmbeddedInput())
	if err != nil {
		t.Skipf("the embedded dataset does not load: %v", err)
	}
	return g
}

// golden compares got with testdata/golden/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n%s", name, firstDiff(want, got))
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\n got %q", i+1, w, g)
		}
	}
	return "(equal lines)"
}

func write(t testing.TB, f export.Format, v export.View, opts export.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch f {
	case export.GraphML:
		err = export.WriteGraphML(&b, v, opts)
	case export.GEXF:
		err = export.WriteGEXF(&b, v, opts)
	case export.Cytoscape:
		err = export.WriteCytoscape(&b, v)
	default:
		t.Fatalf("write: %s is a directory format", f)
	}
	if err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return b.Bytes()
}

// nativeCSV stands for relgraph's own CSV pair, which data/native writes: the tests here check that it
// loads back what the foreign formats show.
const nativeCSV export.Format = "csv"

// nativeFiles writes v with native.WriteGraph, as `relgraph export --as csv` does.
func nativeFiles(v export.View) ([]export.File, error) {
	nf, err := native.WriteGraph(v.Graph, v.Actors, v.Links)
	out := make([]export.File, len(nf))
	for i, f := range nf {
		out[i] = export.File{Name: f.Name, Data: f.Data}
	}
	return out, err
}

func files(t testing.TB, f export.Format, v export.View) []export.File {
	t.Helper()
	var fs []export.File
	var err error
	switch f {
	case export.Neo4j:
		fs, err = export.WriteNeo4j(v)
	case nativeCSV:
		fs, err = nativeFiles(v)
	default:
		t.Fatalf("files: %s is a single-file format", f)
	}
	if err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return fs
}

func TestGolden(t *testing.T) {
	g := fixture(t)
	v := export.Whole(g)
	opts := export.Options{Description: "the export test fixture"}
	golden(t, "fixture.graphml", write(t, export.GraphML, v, opts))
	golden(t, "fixture.gexf", write(t, export.GEXF, v, opts))
	golden(t, "fixture.cyjs.json", write(t, export.Cytoscape, v, opts))
	for _, f := range files(t, export.Neo4j, v) {
		golden(t, "neo4j/"+f.Name, f.Data)
	}
	for _, f := range files(t, nativeCSV, v) {
		golden(t, "csv/"+f.Name, f.Data)
	}
	mixed := export.Options{Mixed: true, Window: graph.Window{From: graph.NewDate(1992, 0, 0), To: graph.NewDate(2024, 0, 0)}}
	golden(t, "fixture-mixed.gexf", write(t, export.GEXF, v, mixed))
}

// The XML formats, decoded with encoding/xml.
type graphmlDoc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID       string `xml:"id,attr"`
			Source   string `xml:"source,attr"`
			Target   string `xml:"target,attr"`
			Directed string `xml:"directed,attr"`
			Data     []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type gexfDoc struct {
	Version string `xml:"version,attr"`
	Graph   struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID        string `xml:"id,attr"`
			Label     string `xml:"label,attr"`
			AttValues []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
		} `xml:"nodes>node"`
		Edges []gexfEdge `xml:"edges>edge"`
	} `xml:"graph"`
}

type gexfEdge struct {
	ID     string `xml:"id,attr"`
	Type   string `xml:"type,attr"`
	Kind   string `xml:"kind,attr"`
	Spells []struct {
		Start string `xml:"start,attr"`
		End   string `xml:"end,attr"`
	} `xml:"spells>spell"`
	Color struct {
		R int `xml:"r,attr"`
		G int `xml:"g,attr"`
		B int `xml:"b,attr"`
	} `xml:"color"`
}

func TestGraphMLParses(t *testing.T) {
	g := fixture(t)
	out := write(t, export.GraphML, export.Whole(g), export.Options{})
	var doc graphmlDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("GraphML is not XML: %v", err)
	}
	if len(doc.Graph.Nodes) != g.NumPresent() || len(doc.Graph.Edges) != g.NumLinks() || doc.Graph.EdgeDefault != "directed" {
		t.Fatalf("nodes %d edges %d default %q; want %d, %d, directed", len(doc.Graph.Nodes), len(doc.Graph.Edges), doc.Graph.EdgeDefault, g.NumPresent(), g.NumLinks())
	}
	keyName := map[string]string{}
	for _, k := range doc.Keys {
		keyName[k.ID] = k.For + ":" + k.Name
	}
	found := false
	for _, n := range doc.Graph.Nodes {
		if n.ID != "hostile" {
			continue
		}
		found = true
		got := map[string]string{}
		for _, d := range n.Data {
			got[keyName[d.Key]] = d.Value
		}
		want := map[string]string{
			"node:label": hostileName, "node:name": hostileName, "node:kind": "militia", "node:in": "azerbaijan",
			"node:aliases": `["a|b","[x]"," padded "]`, "node:role": `said "hi", <b>&</b>`,
			"node:Kind": "a name clashing with a column", "node: spaced": "leading space in the name", "node:empty": "", "node:a:b": "colon",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("hostile node data:\n got %q\nwant %q", got, want)
		}
	}
	if !found {
		t.Error("no node hostile")
	}
	// Parallel links stay separate edges, each with its link id.
	var ids []string
	for _, e := range doc.Graph.Edges {
		if e.Source == "russia" && e.Target == "azerbaijan" {
			ids = append(ids, e.ID)
		}
		if e.Directed != "" {
			t.Errorf("edge %s has directed=%q without Mixed", e.ID, e.Directed)
		}
	}
	want := []string{"arms_sale:russia:azerbaijan:2010", "arms_sale:russia:azerbaijan:2016-04", "visit:russia:azerbaijan:2016-08-08",
		"visit:russia:azerbaijan:2016", "alliance:azerbaijan:russia:2022-02-22"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("russia→azerbaijan edges = %q, want %q", ids, want)
	}

	// With Mixed, links of undirected kinds say so.
	var mixed graphmlDoc
	if err := xml.Unmarshal(write(t, export.GraphML, export.Whole(g), export.Options{Mixed: true}), &mixed); err != nil {
		t.Fatal(err)
	}
	for _, e := range mixed.Graph.Edges {
		i := slices.IndexFunc(allLinks(g), func(l graph.Link) bool { return l.ID == e.ID })
		if directed := allLinks(g)[i].Directed; (e.Directed == "false") == directed {
			t.Errorf("mixed edge %s: directed attribute %q for a directed=%v kind", e.ID, e.Directed, directed)
		}
	}
}

func TestGEXFParses(t *testing.T) {
	g := fixture(t)
	out := write(t, export.GEXF, export.Whole(g), export.Options{Mixed: true})
	var doc gexfDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("GEXF is not XML: %v", err)
	}
	if doc.Version != "1.3" || doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "date" {
		t.Errorf("version %q mode %q timeformat %q", doc.Version, doc.Graph.Mode, doc.Graph.TimeFormat)
	}
	if len(doc.Graph.Nodes) != g.NumPresent() || len(doc.Graph.Edges) != g.NumLinks() {
		t.Fatalf("nodes %d edges %d, want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), g.NumPresent(), g.NumLinks())
	}
	for _, n := range doc.Graph.Nodes {
		if n.ID == "hostile" && n.Label != hostileName {
			t.Errorf("hostile label = %q", n.Label)
		}
	}
	type spell struct{ Start, End string }
	tests := []struct {
		id     string
		spells []spell
		typ    string
		rgb    [3]int
	}{
		{"arms_sale:russia:azerbaijan:2010", []spell{{"2010-01-01", "2013-12-31"}}, "", [3]int{0xd6, 0x27, 0x28}},
		{"arms_sale:russia:azerbaijan:2016-04", []spell{{"2016-04-01", ""}}, "", [3]int{0xd6, 0x27, 0x28}},
		{"visit:russia:azerbaijan:2016-08-08", []spell{{"2016-08-08", "2016-08-08"}}, "", [3]int{0xae, 0xc7, 0xe8}},
		{"visit:russia:azerbaijan:2016", []spell{{"2016-01-01", "2016-12-31"}}, "", [3]int{0xae, 0xc7, 0xe8}},
		{"military_exercise:russia:turkey:2020", []spell{{"2020-01-01", "2020-12-31"}}, "undirected", [3]int{0x55, 0x55, 0x55}},
		{"hostile", []spell{{"2020-09-01", "2020-11-30"}}, "undirected", [3]int{0, 0, 0}},
		{"located_in:moscow:russia", nil, "", [3]int{0xc7, 0xc7, 0xc7}},
	}
	for _, tt := range tests {
		i := slices.IndexFunc(doc.Graph.Edges, func(e gexfEdge) bool { return e.ID == tt.id })
		if i < 0 {
			t.Errorf("no edge %s", tt.id)
			continue
		}
		e := doc.Graph.Edges[i]
		var got []spell
		for _, s := range e.Spells {
			got = append(got, spell(s))
		}
		if !reflect.DeepEqual(got, tt.spells) || e.Type != tt.typ || [3]int{e.Color.R, e.Color.G, e.Color.B} != tt.rgb {
			t.Errorf("edge %s: spells %v type %q colour %v; want %v %q %v", tt.id, got, e.Type, e.Color, tt.spells, tt.typ, tt.rgb)
		}
	}
}

func TestCytoscapeParses(t *testing.T) {
	g := fixture(t)
	out := write(t, export.Cytoscape, export.Whole(g), export.Options{})
	var doc struct {
		Elements struct {
			Nodes []struct{ Data map[string]any } `json:"nodes"`
			Edges []struct{ Data map[string]any } `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("Cytoscape JSON does not parse: %v", err)
	}
	if len(doc.Elements.Nodes) != g.NumPresent() || len(doc.Elements.Edges) != g.NumLinks() {
		t.Fatalf("nodes %d edges %d", len(doc.Elements.Nodes), len(doc.Elements.Edges))
	}
	if bytes.ContainsAny(out, "<>&") {
		t.Error("Cytoscape JSON holds a raw <, > or &; it must be safe inside an HTML <script>")
	}
	ids := map[string]bool{}
	for _, n := range doc.Elements.Nodes {
		ids[n.Data["id"].(string)] = true
		if n.Data["id"] == "hostile" && n.Data["name"] != hostileName {
			t.Errorf("hostile name = %q", n.Data["name"])
		}
	}
	for _, e := range doc.Elements.Edges {
		id := e.Data["id"].(string)
		if ids[id] {
			t.Errorf("element id %q is used twice", id)
		}
		ids[id] = true
		if e.Data["link_id"] == "hostile" && (id != "link:hostile" || e.Data["source"] != "azerbaijan" || e.Data["target"] != "hostile" ||
			e.Data["start"] != "2020-09" || e.Data["on"] != nil || e.Data["sign"] != -1.0) {
			t.Errorf("edge hostile = %v", e.Data)
		}
	}
	if !ids["link:hostile"] {
		t.Error("the link whose id is an actor's id was not renamed")
	}
}

func TestNeo4jFiles(t *testing.T) {
	g := fixture(t)
	fs := files(t, export.Neo4j, export.Whole(g))
	byName := map[string][]byte{}
	for _, f := range fs {
		byName[f.Name] = f.Data
	}
	read := func(name string) []map[string]string {
		recs, err := csv.NewReader(bytes.NewReader(byName[name])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var out []map[string]string
		for _, r := range recs[1:] {
			m := map[string]string{}
			for i, h := range recs[0] {
				m[h] = r[i]
			}
			out = append(out, m)
		}
		return out
	}
	actors, links := read("actors.csv"), read("links.csv")
	if len(actors) != g.NumPresent() || len(links) != g.NumLinks() {
		t.Fatalf("%d actors, %d links", len(actors), len(links))
	}
	for _, a := range actors {
		if a["id:ID"] != "hostile" {
			continue
		}
		// An alias holds ';', so the array delimiter is '|'… which another alias holds: U+001F.
		want := map[string]string{"name": hostileName, ":LABEL": "Actor\x1fMilitia", "aliases:string[]": "a|b\x1f[x]\x1f padded ",
			"role": `said "hi", <b>&</b>`, "attr_Kind": "a name clashing with a column", "attr_spaced": "leading space in the name", "attr_a_b": "colon"}
		for k, v := range want {
			if a[k] != v {
				t.Errorf("hostile %s = %q, want %q", k, a[k], v)
			}
		}
	}
	for _, l := range links {
		if l["id"] == "visit:russia:azerbaijan:2016" && (l[":TYPE"] != "VISIT" || l["first_day:date"] != "2016-01-01" ||
			l["last_day:date"] != "2016-12-31" || l["sign:int"] != "1" || l["directed:boolean"] != "true") {
			t.Errorf("visit 2016 = %v", l)
		}
	}
	script := string(byName["load.cypher"])
	for _, want := range []string{
		"MERGE (a:Actor {`id`: row.`id:ID`})",
		"a.`aliases` = split(row.`aliases:string[]`, '\\u001F')",
		"MATCH (a:Actor {`kind`: 'militia'}) SET a:`Militia`;",
		"WITH row WHERE row.`kind` = 'military_exercise'",
		"MERGE (a)-[r:`MILITARY_EXERCISE` {`id`: row.`id`}]->(b)",
		"r.`attr_Kind` = row.`attr_Kind`",
	} {
		if !strings.Contains(script, want) {
			t.Errorf("load.cypher lacks %q", want)
		}
	}
	if !strings.Contains(string(byName["README.txt"]), "--array-delimiter=U+001F") {
		t.Errorf("README.txt does not give the array delimiter:\n%s", byName["README.txt"])
	}
}

// loadFiles loads the files of a CSV export as a dataset.
func loadFiles(t testing.TB, fs []export.File) (*graph.Graph, error) {
	t.Helper()
	m := fstest.MapFS{}
	for _, f := range fs {
		m[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return data.Load(data.Input{Label: "export", FS: m})
}

// sameGraph checks that two graphs hold the same actors, documents and links (by id, in any order).
func sameGraph(t *testing.T, want, got *graph.Graph) {
	t.Helper()
	if want.NumActors() != got.NumActors() || want.NumLinks() != got.NumLinks() {
		t.Fatalf("actors %d links %d, want %d, %d", got.NumActors(), got.NumLinks(), want.NumActors(), want.NumLinks())
	}
	for i := range int32(want.NumActors()) {
		w := *want.Actor(i)
		gi, ok := got.ActorIndex(w.ID)
		if !ok {
			t.Errorf("actor %q lost", w.ID)
			continue
		}
		if g := *got.Actor(gi); !reflect.DeepEqual(normActor(g), normActor(w)) {
			t.Errorf("actor %s:\n got %+v\nwant %+v", w.ID, g, w)
		}
	}
	links := map[string]graph.Link{}
	for _, l := range allLinks(got) {
		links[l.ID] = l
	}
	for _, w := range allLinks(want) {
		if g, ok := links[w.ID]; !ok {
			t.Errorf("link %q lost", w.ID)
		} else if !reflect.DeepEqual(normLink(g), normLink(w)) {
			t.Errorf("link %s:\n got %+v\nwant %+v", w.ID, g, w)
		}
	}
	if !reflect.DeepEqual(want.Documents(), got.Documents()) {
		t.Errorf("documents differ:\n got %+v\nwant %+v", got.Documents(), want.Documents())
	}
}

func allLinks(g *graph.Graph) []graph.Link {
	out := make([]graph.Link, g.NumLinks())
	for i := range out {
		out[i] = g.Link(int32(i))
	}
	return out
}

func normActor(a graph.Actor) graph.Actor {
	if len(a.Aliases) == 0 {
		a.Aliases = nil
	}
	if len(a.Attrs) == 0 {
		a.Attrs = nil
	}
	if len(a.Sources) == 0 {
		a.Sources = nil
	}
	return a
}

func normLink(l graph.Link) graph.Link {
	if len(l.Attrs) == 0 {
		l.Attrs = nil
	}
	if len(l.Sources) == 0 {
		l.Sources = nil
	}
	return l
}

func TestCSVRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		g    func(t *testing.T) *graph.Graph
	}{
		{"fixture", func(t *testing.T) *graph.Graph { return fixture(t) }},
		{"data/testdata/good", func(t *testing.T) *graph.Graph { return load(t, "../../data/testdata/good") }},
		{"data/testdata/csv/good", func(t *testing.T) *graph.Graph { return load(t, "../../data/testdata/csv/good") }},
		{"embedded", func(t *testing.T) *graph.Graph { return embedded(t) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := c.g(t)
			first := files(t, nativeCSV, export.Whole(g))
			g2, err := loadFiles(t, first)
			if err != nil {
				t.Fatalf("the export does not load: %v", err)
			}
			sameGraph(t, g, g2)
			second := files(t, nativeCSV, export.Whole(g2))
			if len(first) != len(second) {
				t.Fatalf("%d files, then %d", len(first), len(second))
			}
			for i := range first {
				if first[i].Name != second[i].Name || !bytes.Equal(first[i].Data, second[i].Data) {
					t.Errorf("%s changed on the round trip:\n%s", first[i].Name, firstDiff(first[i].Data, second[i].Data))
				}
			}
		})
	}
}

func TestCSVFocusedExportLoads(t *testing.T) {
	g := fixture(t)
	hostile, _ := g.ActorIndex("hostile")
	v := export.Focus(g, hostile, 1)
	var ids []string
	for _, a := range v.Actors {
		ids = append(ids, g.Actor(a).ID)
	}
	if want := []string{"azerbaijan", "hostile", "turkey"}; !reflect.DeepEqual(ids, want) { // actors are numbered in id order
		t.Errorf("focus actors = %q, want %q", ids, want)
	}
	var ls []string
	for _, i := range v.Links {
		ls = append(ls, g.LinkID(i))
	}
	if want := []string{"hostile", "trade:hostile:turkey", "located_in:hostile:azerbaijan"}; !reflect.DeepEqual(ls, want) {
		t.Errorf("focus links = %q, want %q", ls, want)
	}
	g2, err := loadFiles(t, files(t, nativeCSV, v))
	if err != nil {
		t.Fatalf("a focused export does not load: %v", err)
	}
	if g2.NumActors() != 3 || g2.NumLinks() != len(v.Links) {
		t.Errorf("loaded %d actors, %d links; want 3, %d", g2.NumActors(), g2.NumLinks(), len(v.Links))
	}
}

func TestHostileNamesSurviveEveryFormat(t *testing.T) {
	g := fixture(t)
	v := export.Whole(g)
	// GraphML and GEXF: the name decodes back from the XML.
	for _, f := range []export.Format{export.GraphML, export.GEXF} {
		out := write(t, f, v, export.Options{})
		dec := xml.NewDecoder(bytes.NewReader(out))
		found := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			switch tok := tok.(type) {
			case xml.CharData:
				found = found || string(tok) == hostileName
			case xml.StartElement:
				for _, a := range tok.Attr {
					found = found || a.Value == hostileName
				}
			}
		}
		if !found {
			t.Errorf("%s: the hostile name did not survive", f)
		}
	}
	// Neo4j: the CSV field.
	for _, f := range files(t, export.Neo4j, v) {
		if f.Name == "actors.csv" && !csvHolds(t, f.Data, hostileName) {
			t.Errorf("neo4j actors.csv: the hostile name did not survive")
		}
	}
	// CSV: loads back (checked in full by TestCSVRoundTrip).
	g2, err := loadFiles(t, files(t, nativeCSV, v))
	if err != nil {
		t.Fatal(err)
	}
	if i, ok := g2.ActorIndex("hostile"); !ok || g2.Actor(i).Name != hostileName {
		t.Errorf("csv: the hostile name did not survive")
	}
}

func csvHolds(t *testing.T, b []byte, s string) bool {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if slices.Contains(r, s) {
			return true
		}
	}
	return false
}

// FuzzCSVRoundTrip puts arbitrary text in an actor's name, alias and attribute and in a link's note and
// attribute, and checks that the CSV export loads back with every string intact (CRLF and formula
// escapes included) and exports again to the same bytes, and that no cell starts a spreadsheet formula.
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add(hostileName, "a|b", "role", "said \"hi\"", "note,\nline", "x")
	f.Add("", "[x]", "Kind", "", "", " ")
	f.Add("\r\n", " padded", "attrs", "\r", "\x00", "kind")
	f.Add("a\r\nb\r\n", "x\r\ny", "k\r\ney", "v\r\n", "n\r\n", "l\r\nk")
	f.Add("=HYPERLINK(\"http://x\")", "+1", "@k", "-2+3", "'=x", "=k")
	f.Add("'", "''+", "\tt", "\rr", "-5", "'-5")
	f.Fuzz(func(t *testing.T, name, alias, key, value, note, linkKey string) {
		for _, s := range []string{name, alias, key, value, note, linkKey} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				t.Skip("CSV datasets are UTF-8 text without NUL bytes")
			}
		}
		b := graph.NewBuilder(nil)
		b.AddDocument(graph.Document{ID: "d", Title: note})
		b.AddActor(graph.Actor{ID: "a", Name: name, Kind: "country", Aliases: []string{alias}, Attrs: map[string]string{key: value}})
		b.AddActor(graph.Actor{ID: "b", Kind: "country"})
		b.AddLink(&graph.Link{Kind: "trade", From: "a", To: "b", Sign: 1, Attrs: map[string]string{linkKey: value},
			Sources: []graph.Source{{Doc: "d", Para: 1, Note: note}}})
		g, err := b.Build()
		if err != nil {
			t.Skip()
		}
		first, err := nativeFiles(export.Whole(g))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range first {
			if strings.HasSuffix(file.Name, ".csv") {
				checkNoFormula(t, file)
			}
		}
		g2, err := loadFiles(t, first)
		if err != nil {
			t.Fatalf("does not load: %v", err)
		}
		a := g2.Actor(0)
		wantName := name
		if name == "" {
			wantName = "a"
		}
		if a.Name != wantName || len(a.Aliases) != 1 || a.Aliases[0] != alias || a.Attrs[key] != value {
			t.Fatalf("actor came back as %+v", *a)
		}
		l := g2.Link(0)
		if l.Sources[0].Note != note || l.Attrs[linkKey] != value {
			t.Fatalf("link came back as %+v", l)
		}
		second, err := nativeFiles(export.Whole(g2))
		if err != nil {
			t.Fatal(err)
		}
		for i := range first {
			if !bytes.Equal(first[i].Data, second[i].Data) {
				t.Fatalf("%s changed:\n%s", first[i].Name, firstDiff(first[i].Data, second[i].Data))
			}
		}
	})
}

// checkNoFormula fails when a cell of a CSV file starts with a character that makes a spreadsheet
// formula, other than in a plain number.
func checkNoFormula(t *testing.T, f export.File) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(f.Data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	for _, rec := range recs {
		for _, cell := range rec {
			if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				continue
			}
			if _, err := strconv.ParseFloat(cell, 64); err != nil {
				t.Fatalf("%s: cell %q starts a formula", f.Name, cell)
			}
		}
	}
}
