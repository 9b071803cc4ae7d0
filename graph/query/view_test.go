package query

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/graphtest"
)

// loadFixture loads the fixture the diagrams are drawn from (render/testdata/fixture), so that the
// views tested here are the ones the golden drawings show.
func loadFixture(t testing.TB) *graph.Graph {
	return graphtest.Load(t, filepath.Join("..", "..", "render", "testdata", "fixture"))
}

// actor returns the number of the actor with the given id.
func actor(t testing.TB, g *graph.Graph, id string) int32 { return graphtest.Actor(t, g, id) }

func TestEgo(t *testing.T) {
	g := loadFixture(t)
	ids := func(as []int32) []string {
		var out []string
		for _, a := range as {
			out = append(out, g.Actor(a).ID)
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		center string
		depth  int
		want   []string
	}{
		{"csto", 0, []string{"csto"}},
		{"csto", 1, []string{"armenia", "csto", "russia"}},
		{"base-102", 1, []string{"base-102", "gyumri", "russia"}},
		{"base-102", 2, []string{"armenia", "azerbaijan", "base-102", "csto", "gazprom", "georgia", "gyumri", "moscow", "russia"}},
	}
	for _, tt := range tests {
		if got := ids(Ego(g, actor(t, g, tt.center), tt.depth)); !slices.Equal(got, tt.want) {
			t.Errorf("Ego(%s, %d) = %v, want %v", tt.center, tt.depth, got, tt.want)
		}
	}
}

func TestShortestPathContext(t *testing.T) {
	g := loadFixture(t)
	p, err := ShortestPathView(g, actor(t, g, "armenia"), actor(t, g, "turkey"))
	if err != nil {
		t.Fatal(err)
	}
	var path, ctx []string
	for _, a := range p.Path {
		path = append(path, g.Actor(a).ID)
	}
	for _, a := range p.Context {
		ctx = append(ctx, g.Actor(a).ID)
	}
	if want := []string{"armenia", "azerbaijan", "turkey"}; !slices.Equal(path, want) {
		t.Errorf("path = %v, want %v", path, want)
	}
	// Linked to at least two of armenia, azerbaijan, turkey: russia (armenia, azerbaijan) and the
	// South Caucasus region (armenia, azerbaijan via located_in).
	if want := []string{"russia", "caucasus"}; !slices.Equal(ctx, want) && !slices.Equal(ctx, []string{"caucasus", "russia"}) {
		t.Errorf("context = %v, want %v", ctx, want)
	}
	if len(p.Links) != 3 { // conflict armenia–azerbaijan; energy_deal and cooperation azerbaijan–turkey
		t.Errorf("path links = %d, want 3", len(p.Links))
	}
	if _, err := ShortestPathView(g, actor(t, g, "csto"), actor(t, g, "csto")); err != nil {
		t.Errorf("a path from an actor to itself: %v", err)
	}
	filtered, err := g.Filter(graph.Filter{Kinds: []string{"pipeline"}})
	if err != nil {
		t.Fatal(err)
	}
	var np *NoPathError
	if _, err := ShortestPathView(filtered, actor(t, g, "baku"), actor(t, g, "russia")); !errors.As(err, &np) || np.From != "baku" || np.To != "russia" {
		t.Errorf("a path to an actor outside the view: %v", err)
	}
}
