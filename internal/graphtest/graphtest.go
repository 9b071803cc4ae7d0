// Package graphtest holds the graphs and helpers that the tests of several packages share: a small
// hand-built multigraph, loading a dataset directory, and finding an actor by id.
package graphtest

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
)

// Small returns a small multigraph with a triangle of signed ties, a pipeline route and a pendant.
//
//	russia ==(arms, alliance)== armenia —(conflict)— azerbaijan ==(arms, trade, dispute)== russia
//	baku → tbilisi → ceyhan (pipeline), baku in azerbaijan, moscow in russia; iran — azerbaijan (trade)
func Small(t testing.TB) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder(nil)
	for _, a := range []graph.Actor{
		{ID: "russia", Name: "Russia", Kind: "country"},
		{ID: "moscow", Name: "Moscow", Kind: "city", In: "russia", StandsFor: "russia"},
		{ID: "armenia", Name: "Armenia", Kind: "country"},
		{ID: "azerbaijan", Name: "Azerbaijan", Kind: "country"},
		{ID: "baku", Name: "Baku", Kind: "city", In: "azerbaijan", StandsFor: "azerbaijan"},
		{ID: "socar", Name: "SOCAR", Kind: "company", In: "azerbaijan"},
		{ID: "tbilisi", Name: "Tbilisi", Kind: "city"},
		{ID: "ceyhan", Name: "Ceyhan", Kind: "city"},
		{ID: "iran", Name: "Iran", Kind: "country"},
		{ID: "btc", Name: "BTC", Kind: "infrastructure", Route: []string{"baku", "tbilisi", "ceyhan"}, RouteKind: "pipeline"},
	} {
		b.AddActor(a)
	}
	for _, l := range []graph.Link{
		{Kind: "arms_sale", From: "russia", To: "armenia", Sign: 1},
		{Kind: "alliance", From: "russia", To: "armenia", Sign: 1},
		{Kind: "arms_sale", From: "russia", To: "azerbaijan", Sign: 1},
		{Kind: "trade", From: "russia", To: "azerbaijan", Sign: 1},
		{Kind: "dispute", From: "russia", To: "azerbaijan", Sign: -1},
		{Kind: "conflict", From: "armenia", To: "azerbaijan", Sign: -1},
		{Kind: "trade", From: "iran", To: "azerbaijan", Sign: 1},
		{Kind: "energy_deal", From: "socar", To: "iran", Sign: 1},
	} {
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Actor returns the number of the actor with the given id, failing the test when there is none.
func Actor(t testing.TB, g *graph.Graph, id string) int32 {
	t.Helper()
	i, ok := g.ActorIndex(id)
	if !ok {
		t.Fatalf("no actor %q", id)
	}
	return i
}

// Load loads the dataset in dir (YAML, native CSV or a snapshot), failing the test on any problem.
func Load(t testing.TB, dir string) *graph.Graph {
	t.Helper()
	in, err := data.PathInput(dir)
	if err != nil {
		t.Fatal(err)
	}
	g, err := data.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Random builds a random typed graph of n actors and m links with a fixed seed: a few kinds, dates
// over 1990–2024, a mix of events and lasting links.
func Random(tb testing.TB, n, m int) *graph.Graph {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	b := graph.NewBuilder(nil)
	for i := range n {
		b.AddActor(graph.Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Actor %d", i), Kind: "country"})
	}
	kinds := []string{"arms_sale", "trade", "alliance", "conflict", "visit", "dispute"}
	signs := []int8{1, 1, 1, -1, 1, -1}
	b.Grow(m)
	var l graph.Link
	for range m {
		from := r.IntN(n)
		to := r.IntN(n - 1)
		if to >= from {
			to++
		}
		k := r.IntN(len(kinds))
		l = graph.Link{Kind: kinds[k], Sign: signs[k], From: fmt.Sprintf("a%d", from), To: fmt.Sprintf("a%d", to)}
		y := 1990 + r.IntN(35)
		if k == 4 {
			l.On = graph.NewDate(y, 1+r.IntN(12), 1+r.IntN(28))
		} else {
			l.Start = graph.NewDate(y, 1+r.IntN(12), 0)
			if r.IntN(2) == 0 {
				l.End = graph.NewDate(y+r.IntN(10), 0, 0)
			}
		}
		// A generated multigraph repeats kind, ends and date now and then: give those an explicit id.
		l.ID = fmt.Sprintf("l%d", r.Uint64())
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// benchSizes are the sizes of the benchmark graphs: (actors, links).
var benchSizes = []Size{{100, 1000}, {10_000, 100_000}, {100_000, 1_000_000}}

// Size is the size of a benchmark graph.
type Size struct{ N, M int }

// The graphs built for benchmarks, kept for the life of the test binary so that each size is built
// once however many benchmarks use it.
var (
	benchOnce   sync.Map // size → *graph.Graph
	benchBuildM sync.Mutex
)

// BenchGraph returns the random graph of n actors and m links, built once per test binary.
func BenchGraph(b *testing.B, n, m int) *graph.Graph {
	benchBuildM.Lock()
	defer benchBuildM.Unlock()
	key := fmt.Sprint(n, m)
	if g, ok := benchOnce.Load(key); ok {
		return g.(*graph.Graph)
	}
	g := Random(b, n, m)
	benchOnce.Store(key, g)
	return g
}

// Sizes returns the benchmark sizes: all of them, or with -short only the smallest (CI runs every
// benchmark once that way, so that none can break unnoticed).
func Sizes() []Size {
	if testing.Short() {
		return benchSizes[:1]
	}
	return benchSizes
}

// ForSizes runs f as a sub-benchmark "links=M" on the graph of each size.
func ForSizes(b *testing.B, f func(b *testing.B, g *graph.Graph)) {
	for _, s := range Sizes() {
		b.Run(fmt.Sprintf("links=%d", s.M), func(b *testing.B) {
			g := BenchGraph(b, s.N, s.M)
			b.ResetTimer()
			f(b, g)
		})
	}
}
