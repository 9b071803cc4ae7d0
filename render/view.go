package render

import "github.com/relgraph/relgraph/graph"

// This file holds the one view render cuts out of a graph itself: the country an actor belongs to (for
// --cluster country). The ego network and shortest path a diagram may show are package graph/query's
// (query.Ego, query.ShortestPathView).

// CountryOf returns the country actor a belongs to: a itself when it is a country, else the first
// country met following `in` upwards. ok is false when the chain reaches no country.
func CountryOf(g *graph.Graph, a int32) (country int32, ok bool) {
	for steps := 0; steps <= g.NumActors(); steps++ { // bounded: `in` chains may not loop, but be safe
		ac := g.Actor(a)
		if ac.Kind == "country" {
			return a, true
		}
		if ac.In == "" {
			return -1, false
		}
		next, found := g.ActorIndex(ac.In)
		if !found {
			return -1, false
		}
		a = next
	}
	return -1, false
}
