package data

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/relgraph/relgraph/graph"
)

// TestWeightsAsWritten checks that every format reads a weight of 0 as 0 and an absent weight as the
// default 1, and that a snapshot and the native CSV written from the graph read back the same weights.
func TestWeightsAsWritten(t *testing.T) {
	const actorsCSV = "id,name,kind,in,aliases\na,A,country,,\nb,B,country,,\nc,C,country,,\n"
	tests := []struct {
		name  string
		files fstest.MapFS
		links int
	}{
		{"yaml", fstest.MapFS{"d.yaml": {Data: []byte(`actors:
  - {id: a, kind: country}
  - {id: b, kind: country}
  - {id: c, kind: country}
links:
  - {kind: trade, from: a, to: b, on: 2001, weight: 0}
  - {kind: trade, from: a, to: b, on: 2002}
  - {kind: trade, from: a, to: c, on: 2001, weight: 2.5}
  - {kind: trade, from: b, to: c, on: 2001, weight: 0.0}
`)}}, 4},
		{"csv", fstest.MapFS{"actors.csv": {Data: []byte(actorsCSV)}, "links.csv": {Data: []byte("kind,from,to,start,end,on,sign,weight,certainty\n" +
			"trade,a,b,,,2001,,0,\ntrade,a,b,,,2002,,,\ntrade,a,c,,,2001,,2.5,\ntrade,b,c,,,2001,, 0.0 ,\n")}}, 4},
		{"csv without a weight column", fstest.MapFS{"actors.csv": {Data: []byte(actorsCSV)}, "links.csv": {Data: []byte("kind,from,to,on\n" +
			"trade,a,b,2002\n")}}, 1},
		{"snapshot written by hand", fstest.MapFS{"s.json": {Data: []byte(`{"format": "relgraph-snapshot", "version": 1,
 "actors": [{"id": "a", "name": "A", "kind": "country"}, {"id": "b", "name": "B", "kind": "country"}, {"id": "c", "name": "C", "kind": "country"}],
 "links": [{"id": "trade:a:b:2001", "kind": "trade", "from": "a", "to": "b", "on": "2001", "weight": 0},
  {"id": "trade:a:b:2002", "kind": "trade", "from": "a", "to": "b", "on": "2002"},
  {"id": "trade:a:c:2001", "kind": "trade", "from": "a", "to": "c", "on": "2001", "weight": 2.5},
  {"id": "trade:b:c:2001", "kind": "trade", "from": "b", "to": "c", "on": "2001", "weight": 0.0}]}`)}}, 4},
	}
	want := map[string]float64{"trade:a:b:2001": 0, "trade:a:b:2002": 1, "trade:a:c:2001": 2.5, "trade:b:c:2001": 0}
	check := func(t *testing.T, what string, g *graph.Graph, n int) {
		t.Helper()
		if g.NumLinks() != n {
			t.Errorf("%s: %d links, want %d", what, g.NumLinks(), n)
		}
		for i := range int32(g.NumLinks()) {
			id := g.LinkID(i)
			w, ok := want[id]
			if !ok {
				t.Errorf("%s: unexpected link %s", what, id)
				continue
			}
			if got := g.WeightOf(i); got != w {
				t.Errorf("%s: %s has weight %v, want %v", what, id, got, w)
			}
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Label: "ds", FS: tt.files}
			if _, ok := tt.files["s.json"]; ok {
				in.File = "s.json"
			}
			g, err := Load(in)
			if err != nil {
				t.Fatal(err)
			}
			check(t, "loaded", g, tt.links)
			var snap bytes.Buffer
			if err := WriteSnapshot(&snap, g, SnapshotHeader{Tool: "test"}); err != nil {
				t.Fatal(err)
			}
			g2, err := Load(Input{Label: "snap", FS: fstest.MapFS{"s.json": {Data: snap.Bytes()}}, File: "s.json"})
			if err != nil {
				t.Fatalf("%v\n%s", err, snap.Bytes())
			}
			check(t, "snapshot", g2, tt.links)
		})
	}
}
