package query

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// This file holds what the questions share: the step budget, the check of a pair of
// actors, and the ordering and materialising of links for an answer.

// maxSteps returns the step budget n, or DefaultMaxSteps when n is not positive.
func maxSteps(n int64) int64 {
	if n <= 0 {
		return DefaultMaxSteps
	}
	return n
}

// checkPair checks that a and b are two different actors, both with links in g.
func checkPair(g *graph.Graph, a, b int32) error {
	if a == b {
		return fmt.Errorf("%w (%s)", ErrSameActor, g.Actor(a).ID)
	}
	for _, x := range []int32{a, b} {
		if !g.Present(x) || g.Degree(x) == 0 {
			return &AbsentError{Actor: g.Actor(x).ID}
		}
	}
	return nil
}

// sortByWhen orders links by kind, then date, then id, for stable, readable output.
func sortByWhen(g *graph.Graph, ids []int32) {
	slices.SortFunc(ids, func(x, y int32) int {
		return cmp.Or(strings.Compare(g.KindOf(x).ID, g.KindOf(y).ID), cmp.Compare(g.WhenOf(x).Lo(), g.WhenOf(y).Lo()), strings.Compare(g.LinkID(x), g.LinkID(y)))
	})
}

// mapKeys iterates over the keys of m, in no particular order.
func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// degreeOf returns the number of links touching the actors of set (a link inside set counts twice).
func degreeOf(g *graph.Graph, set []int32) int {
	n := 0
	for _, x := range set {
		n += g.Degree(x)
	}
	return n
}

// ids returns the ids of the actors of set, sorted.
func ids(g *graph.Graph, set []int32) []string {
	out := make([]string, len(set))
	for i, x := range set {
		out[i] = g.Actor(x).ID
	}
	slices.Sort(out)
	return out
}

// kindsOf returns the distinct kinds of the links ls, sorted.
func kindsOf(g *graph.Graph, ls []int32) []string {
	var out []string
	for _, l := range ls {
		out = append(out, g.KindOf(l).ID)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// materialise returns the links ls in full, in order.
func materialise(g *graph.Graph, ls []int32) []graph.Link {
	out := make([]graph.Link, len(ls))
	for i, l := range ls {
		out[i] = g.Link(l)
	}
	return out
}
