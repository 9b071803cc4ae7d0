package export_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/export"
)

// networkxScript reads a GraphML or GEXF file with NetworkX and prints what it read as JSON.
const networkxScript = `
import json, sys
import networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
if fmt == "graphml":
    G = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
else:
    G = nx.read_gexf(path, version="1.3")
out = {
    "version": nx.__version__,
    "directed": G.is_directed(),
    "multigraph": G.is_multigraph(),
    "nodes": {n: {k: v for k, v in d.items() if k != "viz"} for n, d in G.nodes(data=True)},
    "edges": [{"source": u, "target": v, "key": k, "data": {a: b for a, b in d.items() if a != "viz"}}
              for u, v, k, d in G.edges(keys=True, data=True)],
    "degree": dict(G.degree()),
}
json.dump(out, sys.stdout, default=str)
`

// networkxGraph is what networkxScript prints.
type networkxGraph struct {
	Version    string                    `json:"version"`
	Directed   bool                      `json:"directed"`
	Multigraph bool                      `json:"multigraph"`
	Nodes      map[string]map[string]any `json:"nodes"`
	Edges      []struct {
		Source, Target, Key string
		Data                map[string]any
	} `json:"edges"`
	Degree map[string]int `json:"degree"`
}

// readWithNetworkX runs NetworkX on a file, or skips the test when python3 or networkx is missing.
func readWithNetworkX(t *testing.T, format, path string) networkxGraph {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: skipping the NetworkX read-back (install python3-networkx to run it)")
	}
	if err := exec.Command(py, "-c", "import networkx").Run(); err != nil {
		t.Skip("python3 has no networkx module: skipping the NetworkX read-back (install python3-networkx to run it)")
	}
	cmd := exec.Command(py, "-c", networkxScript, format, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("NetworkX could not read the %s export: %v\n%s", format, err, stderr.String())
	}
	var ng networkxGraph
	if err := json.Unmarshal(out, &ng); err != nil {
		t.Fatalf("decoding NetworkX's answer: %v", err)
	}
	return ng
}

// TestNetworkXReadsExports has NetworkX — a consumer that is not relgraph — read the GraphML and GEXF
// exports of the fixture and of the embedded dataset, and compares what it read with relgraph's own
// answers: node and edge counts (parallel links kept as parallel edges of a MultiDiGraph), every
// link's ends, kind, sign, weight and dates, every actor's name and kind, degrees, the GEXF spells,
// and the links between Azerbaijan and Russia.
func TestNetworkXReadsExports(t *testing.T) {
	datasets := []struct {
		name string
		g    func(t *testing.T) *graph.Graph
	}{
		{"fixture", func(t *testing.T) *graph.Graph { return fixture(t) }},
		{"embedded", func(t *testing.T) *graph.Graph { return embedded(t) }},
	}
	for _, ds := range datasets {
		for _, format := range []export.Format{export.GraphML, export.GEXF} {
			t.Run(ds.name+"/"+string(format), func(t *testing.T) {
				g := ds.g(t)
				v := export.Whole(g)
				path := filepath.Join(t.TempDir(), "export"+format.Ext())
				if err := os.WriteFile(path, write(t, format, v, export.Options{}), 0o644); err != nil {
					t.Fatal(err)
				}
				ng := readWithNetworkX(t, string(format), path)
				checkNetworkX(t, g, v, format, ng)
			})
		}
	}
}

func checkNetworkX(t *testing.T, g *graph.Graph, v export.View, format export.Format, ng networkxGraph) {
	t.Helper()
	if !ng.Directed || !ng.Multigraph {
		t.Errorf("NetworkX %s read directed=%v multigraph=%v, want a MultiDiGraph", ng.Version, ng.Directed, ng.Multigraph)
	}
	if len(ng.Nodes) != len(v.Actors) || len(ng.Edges) != len(v.Links) {
		t.Fatalf("NetworkX read %d nodes and %d edges, relgraph exported %d actors and %d links", len(ng.Nodes), len(ng.Edges), len(v.Actors), len(v.Links))
	}
	label := "label"
	for _, ai := range v.Actors {
		a := g.Actor(ai)
		n, ok := ng.Nodes[a.ID]
		if !ok {
			t.Errorf("node %q missing", a.ID)
			continue
		}
		if n[label] != a.Name || n["kind"] != a.Kind {
			t.Errorf("node %s: label %q kind %q, want %q %q", a.ID, n[label], n["kind"], a.Name, a.Kind)
		}
		if d := ng.Degree[a.ID]; d != g.Degree(ai) {
			t.Errorf("degree of %s: NetworkX %d, relgraph %d", a.ID, d, g.Degree(ai))
		}
	}
	edges := map[string]int{}
	for i, e := range ng.Edges {
		edges[e.Key] = i
	}
	for _, li := range v.Links {
		l := g.Link(li)
		i, ok := edges[l.ID]
		if !ok {
			t.Errorf("edge %q missing", l.ID)
			continue
		}
		e := ng.Edges[i]
		d := e.Data
		str := func(key string) string {
			if s, ok := d[key].(string); ok {
				return s
			}
			return ""
		}
		got := []any{e.Source, e.Target, str("kind"), d["sign"], d["weight"], d["directed"], str("start"), str("end"), str("on"), str("certainty")}
		want := []any{l.From, l.To, l.Kind, float64(l.Sign), l.Weight, l.Directed, l.Start.String(), l.End.String(), l.On.String(), l.Certainty.String()}
		if !slices.Equal(got, want) {
			t.Errorf("edge %s:\n NetworkX %v\n relgraph %v", l.ID, got, want)
		}
		if format == export.GEXF {
			lo, hi := spanOf(&l)
			want := []any{[]any{dayOrNone(lo), dayOrNone(hi)}}
			if lo == 0 && hi == 0 {
				want = nil
			}
			spells, _ := d["spells"].([]any)
			if !equalJSON(spells, want) {
				t.Errorf("edge %s: spells %v, want %v", l.ID, d["spells"], want)
			}
		}
	}
	// A relgraph answer: the links between Azerbaijan and Russia, with their dates.
	az, ok1 := g.ActorIndex("azerbaijan")
	ru, ok2 := g.ActorIndex("russia")
	if !ok1 || !ok2 {
		return
	}
	var want, got []string
	for _, li := range g.LinksBetween(az, ru) {
		l := g.Link(li)
		want = append(want, l.ID+" "+l.When().String())
	}
	for _, e := range ng.Edges {
		if (e.Source == "azerbaijan" && e.Target == "russia") || (e.Source == "russia" && e.Target == "azerbaijan") {
			when, _ := e.Data["on"].(string)
			if when == "" {
				when, _ = e.Data["start"].(string)
			}
			got = append(got, e.Key+" "+when)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("links between azerbaijan and russia:\n NetworkX %q\n relgraph %q", got, want)
	}
}

func spanOf(l *graph.Link) (lo, hi graph.Date) {
	if l.On != 0 {
		return l.On.Lo(), l.On.Hi()
	}
	return l.Start.Lo(), l.End.Hi()
}

// dayOrNone is how NetworkX reports a spell's end: the date, or "None" for an open end.
func dayOrNone(d graph.Date) string {
	if d == 0 {
		return "None"
	}
	return d.String()
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
