package algo

import (
	"math"
	"slices"
	"testing"
)

func closeTo(a, b, rel float64) bool {
	return math.Abs(a-b) <= rel*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func assertClose(t *testing.T, what string, got, want []float64, rel float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !closeTo(got[i], want[i], rel) {
			t.Fatalf("%s: node %d = %v, want %v (all: %v)", what, i, got[i], want[i], got)
		}
	}
}

func TestBetweennessSmall(t *testing.T) {
	tests := []struct {
		f    fixture
		want []float64
	}{
		// Path 0–1–2–3–4: node 1 lies between 0 and {2,3,4}: 3; node 2 between {0,1} and {3,4}: 4.
		{path5, []float64{0, 3, 4, 3, 0}},
		// Star: the centre is on every path between two of the 4 leaves: C(4,2) = 6.
		{star5, []float64{6, 0, 0, 0, 0}},
		// Cycle of 6: by symmetry each node gets the same; pairs at distance 2 (6) give 1 each to the
		// middle node, pairs at distance 3 (3) give 1/2 to each of 4 inner nodes: (6 + 6)/6 = 2.
		{cycle6, []float64{2, 2, 2, 2, 2, 2}},
		// Bowtie: node 2 separates {0,1} from {3,4}: 4 pairs.
		{bowtie, []float64{0, 0, 4, 0, 0}},
		// Barbell: 2 and 3 each separate 2 nodes from 3 others: 2·3 = 6.
		{barbell, []float64{0, 0, 6, 6, 0, 0}},
		{islands, []float64{0, 1, 0, 0, 0, 0}},
		{single, []float64{0}},
		// Directed cycle of 4: every ordered pair at distance d puts d-1 nodes in between:
		// 4 pairs·(0+1+2) / 4 nodes = 3.
		{dcycle, []float64{3, 3, 3, 3}},
		// Diamond: 0–3 splits over 1 and 2 (½ each) and 1–2 over 0 and 3 (½ each); 0 also carries
		// 1–4 and 2–4, 3 carries 1–5 and 2–5, 4 carries 0–5 and 5 carries 4–3.
		{diamond, []float64{2.5, 0.5, 0.5, 2.5, 1, 1}},
	}
	for _, tt := range tests {
		got := Betweenness(tt.f.csr(), BetweennessOptions{})
		assertClose(t, tt.f.name, got, tt.want, 1e-12)
	}
}

// Expected values from NetworkX 3.6.1:
//
//	G = networkx.karate_club_graph()
//	networkx.betweenness_centrality(G, normalized=False)   # and normalized=True
//	D = networkx.DiGraph(smallDigraph edges); networkx.betweenness_centrality(D, normalized=False)
var (
	karateBetweenness = []float64{231.0714285714286, 28.478571428571424, 75.85079365079366, 6.288095238095237,
		0.3333333333333333, 15.833333333333334, 15.833333333333332, 0.0, 29.529365079365082, 0.44761904761904764,
		0.3333333333333333, 0.0, 0.0, 24.215873015873015, 0.0, 0.0, 0.0, 0.0, 0.0, 17.1468253968254, 0.0, 0.0, 0.0,
		9.299999999999999, 1.1666666666666665, 2.0277777777777777, 0.0, 11.79206349206349, 0.9476190476190476,
		1.5428571428571427, 7.609523809523807, 73.00952380952378, 76.69047619047619, 160.5515873015873}
	karateBetweennessNormalized = []float64{0.43763528138528146, 0.053936688311688304, 0.14365680615680618,
		0.011909271284271283, 0.0006313131313131313, 0.02998737373737374, 0.029987373737373736, 0.0,
		0.05592682780182781, 0.0008477633477633478, 0.0006313131313131313, 0.0, 0.0, 0.04586339586339586, 0.0, 0.0,
		0.0, 0.0, 0.0, 0.03247504810004811, 0.0, 0.0, 0.0, 0.017613636363636363, 0.0022095959595959595,
		0.0038404882154882154, 0.0, 0.02233345358345358, 0.0017947330447330447, 0.0029220779220779218,
		0.014411976911976909, 0.13827561327561325, 0.145247113997114, 0.30407497594997596}
	digraphBetweenness = []float64{2, 7, 7, 10, 9, 1, 6, 0}
)

func TestBetweennessNetworkX(t *testing.T) {
	g := karate.csr()
	assertClose(t, "karate", Betweenness(g, BetweennessOptions{}), karateBetweenness, 1e-12)
	assertClose(t, "karate normalized", Betweenness(g, BetweennessOptions{Normalized: true}), karateBetweennessNormalized, 1e-12)
	assertClose(t, "digraph", Betweenness(smallDigraph.csr(), BetweennessOptions{}), digraphBetweenness, 1e-12)
}

// refBetweenness is the O(N·E) textbook computation: from each source, count shortest paths forwards
// and accumulate dependencies over predecessor lists.
func refBetweenness(g *CSR, sources []int32) []float64 {
	bc := make([]float64, g.n)
	for _, s := range sources {
		// Breadth-first order: nodes by distance from s.
		dist := make([]int32, g.n)
		for i := range dist {
			dist[i] = -1
		}
		dist[s] = 0
		order := []int32{s}
		for h := 0; h < len(order); h++ {
			for _, x := range g.Neighbors(order[h]) {
				if dist[x] < 0 {
					dist[x] = dist[order[h]] + 1
					order = append(order, x)
				}
			}
		}
		sigma := make([]float64, g.n)
		preds := make([][]int32, g.n)
		sigma[s] = 1
		for _, v := range order {
			for _, x := range g.Neighbors(v) {
				if dist[x] == dist[v]+1 {
					sigma[x] += sigma[v]
					preds[x] = append(preds[x], v)
				}
			}
		}
		delta := make([]float64, g.n)
		for i := len(order) - 1; i >= 0; i-- {
			x := order[i]
			for _, v := range preds[x] {
				delta[v] += sigma[v] / sigma[x] * (1 + delta[x])
			}
			if x != s {
				bc[x] += delta[x]
			}
		}
	}
	if !g.directed {
		for i := range bc {
			bc[i] /= 2
		}
	}
	return bc
}

func TestBetweennessCrossCheck(t *testing.T) {
	for _, c := range []struct {
		n, m     int
		directed bool
		seed     uint64
	}{
		{2000, 2600, false, 1}, // sparse: trees, long paths, many components
		{2000, 12000, false, 2},
		{1500, 4000, true, 3},
		{150, 3000, false, 4}, // dense
	} {
		g := randomGraph(c.n, c.m, c.directed, 0, c.seed)
		all := make([]int32, g.n)
		for i := range all {
			all[i] = int32(i)
		}
		want := refBetweenness(g, all)
		got := Betweenness(g, BetweennessOptions{})
		assertClose(t, "exact", got, want, 1e-9)

		// Sampled: the reference over the same pivots, scaled by N/k.
		piv := pivots(g.n, 100, 7)
		want = refBetweenness(g, piv)
		for i := range want {
			want[i] *= float64(g.n) / 100
		}
		got = Betweenness(g, BetweennessOptions{Pivots: 100, Seed: 7})
		assertClose(t, "sampled", got, want, 1e-9)
	}
}

func TestBetweennessDeterministic(t *testing.T) {
	g := randomGraph(3000, 15000, false, 0, 5)
	base := Betweenness(g, BetweennessOptions{Pivots: 300, Seed: 9, Workers: 1})
	for _, w := range []int{2, 3, 8} {
		if got := Betweenness(g, BetweennessOptions{Pivots: 300, Seed: 9, Workers: w}); !slices.Equal(got, base) {
			t.Fatalf("%d workers give different scores than 1", w)
		}
	}
	if got := Betweenness(g, BetweennessOptions{Pivots: 300, Seed: 10}); slices.Equal(got, base) {
		t.Fatal("a different seed gives the same scores")
	}
	p := pivots(3000, 300, 9)
	if len(p) != 300 || !slices.IsSorted(p) || len(slices.Compact(slices.Clone(p))) != 300 {
		t.Fatalf("pivots not 300 distinct sorted nodes")
	}
}
