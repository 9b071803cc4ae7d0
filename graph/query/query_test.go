package query

import (
	"errors"
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/graphtest"
)

// queryFixture is the small multigraph of graphtest.Small:
//
//	russia ==(arms, alliance)== armenia —(conflict)— azerbaijan ==(arms, trade, dispute)== russia
//	baku → tbilisi → ceyhan (pipeline), baku in azerbaijan, moscow in russia; iran — azerbaijan (trade)
func queryFixture(t testing.TB) *graph.Graph { return graphtest.Small(t) }

func idx(t testing.TB, g *graph.Graph, id string) int32 { return graphtest.Actor(t, g, id) }

func TestPaths(t *testing.T) {
	g := queryFixture(t)
	tests := []struct {
		name     string
		from, to string
		opts     PathOptions
		want     [][]string
		nlinks   []int // links per path
	}{
		{"shortest, parallel links kept", "armenia", "iran", PathOptions{}, [][]string{{"armenia", "azerbaijan", "iran"}}, []int{2}},
		// SOCAR lies in Azerbaijan (a derived located_in link) and trades with Iran: a second 3-hop path.
		// Equally long paths come in the order of their actors' ids.
		{"k shortest", "armenia", "iran", PathOptions{K: 3}, [][]string{{"armenia", "azerbaijan", "iran"}, {"armenia", "azerbaijan", "socar", "iran"}, {"armenia", "russia", "azerbaijan", "iran"}}, []int{2, 3, 6}},
		{"directed follows the flow", "baku", "ceyhan", PathOptions{ProjectOptions: graph.ProjectOptions{Directed: true}}, [][]string{{"baku", "tbilisi", "ceyhan"}}, []int{2}},
		{"directed against the flow", "ceyhan", "baku", PathOptions{ProjectOptions: graph.ProjectOptions{Directed: true}}, nil, nil},
		{"all up to 3", "armenia", "russia", PathOptions{All: true, MaxLen: 3}, [][]string{{"armenia", "russia"}, {"armenia", "azerbaijan", "russia"}}, []int{2, 4}},
	}
	for _, tt := range tests {
		res, err := Paths(g, idx(t, g, tt.from), idx(t, g, tt.to), tt.opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got [][]string
		var nl []int
		for _, p := range res.Paths {
			got = append(got, p.Actors)
			nl = append(nl, len(p.Links))
			if p.Length != len(p.Actors)-1 || len(p.Hops) != p.Length {
				t.Errorf("%s: inconsistent path %+v", tt.name, p)
			}
		}
		if !slices.EqualFunc(got, tt.want, slices.Equal) || !slices.Equal(nl, tt.nlinks) {
			t.Errorf("%s: paths %v with %v links, want %v with %v", tt.name, got, nl, tt.want, tt.nlinks)
		}
	}
	if _, err := Paths(g, idx(t, g, "iran"), idx(t, g, "iran"), PathOptions{}); !errors.Is(err, ErrSameActor) {
		t.Errorf("same actor: %v", err)
	}
	v, _ := g.Filter(graph.Filter{Kinds: []string{"pipeline"}})
	if _, err := Paths(v, idx(t, g, "iran"), idx(t, g, "baku"), PathOptions{}); !errors.Is(err, graph.ErrAbsent) {
		t.Errorf("absent actor: %v", err)
	} else if ae := (*AbsentError)(nil); !errors.As(err, &ae) || ae.Actor != "iran" || err.Error() != `"iran" has no links: not in the graph under the current filter` {
		t.Errorf("absent actor: %#v", err)
	}
	v, _ = g.Filter(graph.Filter{Kinds: []string{"pipeline", "located_in"}})
	if res, err := Paths(v, idx(t, g, "moscow"), idx(t, g, "ceyhan"), PathOptions{}); err != nil || len(res.Paths) != 0 {
		t.Errorf("disconnected: %+v, %v", res, err)
	}
}

func TestConnect(t *testing.T) {
	g := queryFixture(t)
	az, ru := idx(t, g, "azerbaijan"), idx(t, g, "russia")
	res, err := Connect(g, az, g.Sphere(g.StandsFor(idx(t, g, "baku"))), ru, g.Sphere(g.StandsFor(idx(t, g, "moscow"))), ConnectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.A != "azerbaijan" || res.B != "russia" || !slices.Equal(res.ASide, []string{"azerbaijan", "baku", "socar"}) {
		t.Errorf("sides: %s %v / %s %v", res.A, res.ASide, res.B, res.BSide)
	}
	if len(res.Direct) != 3 || res.Distance != 1 {
		t.Errorf("direct = %d links, distance %d; want 3, 1", len(res.Direct), res.Distance)
	}
	if len(res.Common) != 1 || res.Common[0].Actor != "armenia" ||
		!slices.Equal(res.Common[0].AKinds, []string{"conflict"}) || !slices.Equal(res.Common[0].BKinds, []string{"alliance", "arms_sale"}) {
		t.Errorf("common = %+v", res.Common)
	}
	// Paths of 1–2 hops, one per choice of link: 3 direct + 1×2 through Armenia = 5.
	if res.ShortPaths != 5 || len(res.Brokers) != 1 || res.Brokers[0].Actor != "armenia" || res.Brokers[0].Score != 0.4 {
		t.Errorf("short paths %v, brokers %+v; want 5 and armenia 0.4", res.ShortPaths, res.Brokers)
	}
	if len(res.Paths) != 2 || res.Paths[0].Length != 1 || !slices.Equal(res.Paths[1].Actors, []string{"azerbaijan", "armenia", "russia"}) {
		t.Errorf("paths = %+v", res.Paths)
	}
	// SOCAR's link to Iran counts for Azerbaijan; a literal query sees only Azerbaijan's own.
	lit, _ := Connect(g, az, nil, ru, nil, ConnectOptions{})
	if len(lit.Direct) != 3 || len(lit.Common) != 1 {
		t.Errorf("literal: %d direct, %d common", len(lit.Direct), len(lit.Common))
	}
	if _, err := Connect(g, az, nil, az, nil, ConnectOptions{}); !errors.Is(err, ErrSameActor) {
		t.Errorf("same actor: %v", err)
	}
}

func TestCutAndChokepoints(t *testing.T) {
	g := queryFixture(t)
	cut, err := Cut(g, idx(t, g, "baku"), idx(t, g, "ceyhan"), false)
	if err != nil {
		t.Fatal(err)
	}
	if !cut.Connected || cut.Adjacent || !slices.Equal(cut.Cut, []string{"tbilisi"}) || !slices.Equal(cut.Through, []string{"tbilisi"}) {
		t.Errorf("cut = %+v", cut)
	}
	cut, _ = Cut(g, idx(t, g, "armenia"), idx(t, g, "russia"), false)
	if !cut.Adjacent || len(cut.Cut) != 0 {
		t.Errorf("adjacent cut = %+v", cut)
	}
	cut, _ = Cut(g, idx(t, g, "iran"), idx(t, g, "ceyhan"), false)
	if !slices.Equal(cut.Through, []string{"azerbaijan", "baku", "tbilisi"}) {
		t.Errorf("through = %v", cut.Through)
	}
	ch := Chokepoints(g)
	wantAP := []string{"azerbaijan", "baku", "russia", "tbilisi"} // Iran sits on the cycle Azerbaijan–SOCAR–Iran
	if !slices.Equal(ch.ArticulationPoints, wantAP) {
		t.Errorf("articulation points = %v, want %v", ch.ArticulationPoints, wantAP)
	}
	wantBr := [][2]string{{"azerbaijan", "baku"}, {"baku", "tbilisi"}, {"ceyhan", "tbilisi"}, {"moscow", "russia"}}
	if !slices.Equal(ch.Bridges, wantBr) {
		t.Errorf("bridges = %v, want %v", ch.Bridges, wantBr)
	}
}

func TestBalance(t *testing.T) {
	g := queryFixture(t)
	res := Balance(g, 0)
	// Russia–Armenia +, Russia–Azerbaijan + (two cooperative links, one hostile), Armenia–Azerbaijan −.
	if res.Balanced != 0 || res.Unbalanced != 1 || res.Index != 0 {
		t.Fatalf("balance = %+v", res)
	}
	tr := res.Triads[0]
	if tr.Actors != [3]string{"armenia", "azerbaijan", "russia"} || tr.Signs != [3]int8{-1, 1, 1} || tr.Links != 6 {
		t.Errorf("triad = %+v", tr)
	}
	// Without the trade link Russia–Azerbaijan nets to 0 and drops out: no signed triangle is left.
	v, _ := g.Filter(graph.Filter{ExcludeKinds: []string{"trade"}})
	if r := Balance(v, 0); r.Balanced+r.Unbalanced != 0 || r.Index != 1 {
		t.Errorf("filtered balance = %+v", r)
	}
}

func TestRankAndNeighborhood(t *testing.T) {
	g := queryFixture(t)
	r, err := Rank(g, ByDegree, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Actors) != 2 || r.Actors[0] != (Score{"azerbaijan", 5}) || r.Actors[1] != (Score{"russia", 3}) {
		t.Errorf("degree = %+v", r.Actors)
	}
	r, _ = Rank(g, ByBetweenness, 1)
	if r.Actors[0].Actor != "azerbaijan" || r.Method != "exact" {
		t.Errorf("betweenness = %+v", r)
	}
	r, _ = Rank(g, ByPageRank, 0)
	sum := 0.0
	for _, s := range r.Actors {
		sum += s.Score
	}
	if len(r.Actors) != g.NumActors() || sum < 0.999 || sum > 1.001 {
		t.Errorf("pagerank sums to %v over %d actors", sum, len(r.Actors))
	}
	if _, err := Rank(g, "fame", 1); err == nil {
		t.Error("unknown measure accepted")
	}
	n := Neighborhood(g, idx(t, g, "iran"), 2)
	var got []string
	for _, x := range n.Neighbors {
		got = append(got, x.Actor)
	}
	want := []string{"azerbaijan", "socar", "russia", "armenia", "baku"}
	if !slices.Equal(got, want) || n.Neighbors[0].Distance != 1 || n.Neighbors[4].Distance != 2 {
		t.Errorf("neighbourhood of iran = %v, want %v", got, want)
	}
}
