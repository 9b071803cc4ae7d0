package graph

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// genGraph builds a random typed graph of n actors and m links with a fixed seed: a few kinds, dates
// over 1990–2024, a mix of events and lasting links.
func genGraph(tb testing.TB, n, m int) *Graph {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	b := NewBuilder(nil)
	for i := range n {
		b.AddActor(Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Actor %d", i), Kind: "country"})
	}
	kinds := []string{"arms_sale", "trade", "alliance", "conflict", "visit", "dispute"}
	signs := []int8{1, 1, 1, -1, 1, -1}
	b.Grow(m)
	var l Link
	for range m {
		from := r.IntN(n)
		to := r.IntN(n - 1)
		if to >= from {
			to++
		}
		k := r.IntN(len(kinds))
		l = Link{Kind: kinds[k], Sign: signs[k], From: fmt.Sprintf("a%d", from), To: fmt.Sprintf("a%d", to)}
		y := 1990 + r.IntN(35)
		if k == 4 {
			l.On = NewDate(y, 1+r.IntN(12), 1+r.IntN(28))
		} else {
			l.Start = NewDate(y, 1+r.IntN(12), 0)
			if r.IntN(2) == 0 {
				l.End = NewDate(y+r.IntN(10), 0, 0)
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

var (
	benchOnce   sync.Map // size → *Graph
	benchSizes  = []struct{ n, m int }{{100, 1000}, {10_000, 100_000}, {100_000, 1_000_000}}
	benchBuildM sync.Mutex
)

func benchGraph(b *testing.B, n, m int) *Graph {
	benchBuildM.Lock()
	defer benchBuildM.Unlock()
	key := fmt.Sprint(n, m)
	if g, ok := benchOnce.Load(key); ok {
		return g.(*Graph)
	}
	g := genGraph(b, n, m)
	benchOnce.Store(key, g)
	return g
}

// sizes returns the benchmark sizes: all of them, or with -short only the smallest (CI runs every
// benchmark once that way, so that none can break unnoticed).
func sizes() []struct{ n, m int } {
	if testing.Short() {
		return benchSizes[:1]
	}
	return benchSizes
}

func forSizes(b *testing.B, f func(b *testing.B, g *Graph)) {
	for _, s := range sizes() {
		b.Run(fmt.Sprintf("links=%d", s.m), func(b *testing.B) {
			g := benchGraph(b, s.n, s.m)
			b.ResetTimer()
			f(b, g)
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, s := range sizes()[:min(2, len(sizes()))] {
		b.Run(fmt.Sprintf("links=%d", s.m), func(b *testing.B) {
			for b.Loop() {
				genGraph(b, s.n, s.m)
			}
		})
	}
}

func BenchmarkFilterAt(b *testing.B) {
	forSizes(b, func(b *testing.B, g *Graph) {
		for b.Loop() {
			if _, err := g.Filter(Filter{At: NewDate(2016, 0, 0)}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkProject(b *testing.B) {
	forSizes(b, func(b *testing.B, g *Graph) {
		for b.Loop() {
			g.project(ProjectOptions{}, nil)
		}
	})
}
