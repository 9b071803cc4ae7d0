package data

import (
	"bytes"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
)

// TestRolesEveryFormat: a link's roles, and a role kind a dataset declares, survive every native
// format: YAML in, then the snapshot and the CSV pair (with its dataset.yaml) out and back.
func TestRolesEveryFormat(t *testing.T) {
	src := baseYAML + `  - id: yerevan
    kind: city
    in: armenia
  - id: lavrov
    kind: person
    in: russia
kinds:
  roles:
    - {id: witness, meaning: saw it happen}
links:
  - kind: visit
    from: lavrov
    to: armenia
    on: 2020
    roles: {place: yerevan, witness: [russia, armenia]}
    sources: [{doc: doc, para: 1, note: n}]
`
	g, err := Load(Input{Label: "ds", FS: fstest.MapFS{"a.yaml": {Data: []byte(src)}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.Role{{Name: "place", Actor: "yerevan"}, {Name: "witness", Actor: "russia"}, {Name: "witness", Actor: "armenia"}}
	check := func(format string, g *graph.Graph) {
		t.Helper()
		var got []graph.Role
		for i := range g.NumLinks() {
			if l := g.Link(int32(i)); l.Kind == "visit" {
				got = l.Roles
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: roles %v, want %v", format, got, want)
		}
		if !g.Kinds().HasRole("witness") {
			t.Errorf("%s: the declared role kind is lost", format)
		}
	}
	check("yaml", g)

	var snap bytes.Buffer
	if err := WriteSnapshot(&snap, g, SnapshotHeader{Tool: "relgraph test"}); err != nil {
		t.Fatal(err)
	}
	g2, err := loadSnapshot(snap.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	check("snapshot", g2)

	files, err := native.WriteGraph(g, g.PresentActors(), allLinks(g))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		if f.Name == native.LinksFile && !bytes.Contains(f.Data, []byte("place=yerevan|witness=russia|witness=armenia")) {
			t.Errorf("links.csv lacks the roles cell:\n%s", f.Data)
		}
	}
	g3, err := Load(Input{Label: "csv", FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	check("csv", g3)

	// Who took part is found from either side: the place and the witnesses list the link.
	for _, id := range []string{"yerevan", "russia"} {
		a, _ := g.ActorIndex(id)
		if n := len(g.RoleLinks(a)); n != 1 {
			t.Errorf("RoleLinks(%s) = %d links, want 1", id, n)
		}
	}
}

func allLinks(g *graph.Graph) []int32 {
	out := make([]int32, g.NumLinks())
	for i := range out {
		out[i] = int32(i)
	}
	return out
}

// TestRolesCSVProblems: a malformed roles cell is a problem at its row and column.
func TestRolesCSVProblems(t *testing.T) {
	actors := "id,kind\nrussia,country\narmenia,country\n"
	for _, tt := range []struct{ cell, want string }{
		{"host", `item 1 ("host") is not role=actor`},
		{"host=armenia|=russia", `item 2 ("=russia") is not role=actor`},
		{"hots=armenia", `unknown role "hots" (did you mean "host"?)`},
		{"host=armenai", `unknown actor "armenai" (did you mean "armenia"?)`},
	} {
		links := "kind,from,to,roles\nvisit,russia,armenia," + tt.cell + "\n"
		_, err := Load(Input{Label: "ds", FS: fstest.MapFS{"actors.csv": {Data: []byte(actors)}, "links.csv": {Data: []byte(links)}}})
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tt.want)) {
			t.Errorf("roles %q: got %v, want a problem with %q", tt.cell, err, tt.want)
		}
	}
}
