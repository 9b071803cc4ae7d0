package query

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
)

// Score is an actor's score in a ranking.
type Score struct {
	Actor string
	Score float64
}

// Rank measures; see Rank.
const (
	ByDegree      = "degree"
	ByBetweenness = "betweenness"
	ByPageRank    = "pagerank"
)

// ExactBetweennessLimit is the number of present actors up to which Rank computes betweenness exactly;
// above it Rank samples BetweennessPivots pivots with a fixed seed.
const (
	ExactBetweennessLimit = 5000
	BetweennessPivots     = 1000
	BetweennessSeed       = 1
)

// RankResult is the answer of Rank.
type RankResult struct {
	By string
	// Method says how the scores were computed ("exact", "sampled: 1000 pivots, seed 1"…).
	Method string
	Actors []Score
}

// Rank scores the present actors and returns the top ones (all when top ≤ 0), best first, ties by id.
//   - degree: the number of distinct actors an actor is linked to;
//   - betweenness: the share of pairs of other actors whose shortest paths pass through it (links
//     undirected, normalised as NetworkX does), exact up to ExactBetweennessLimit actors, estimated from
//     BetweennessPivots pivots above;
//   - pagerank: PageRank (damping 0.85) following link directions, undirected kinds both ways.
func Rank(g *graph.Graph, by string, top int) (RankResult, error) {
	res := RankResult{By: by, Method: "exact", Actors: []Score{}}
	present := g.PresentActors()
	var scores []float64
	switch by {
	case ByDegree:
		c := g.Project(graph.ProjectOptions{})
		scores = make([]float64, g.NumActors())
		for u := range int32(len(scores)) {
			scores[u] = float64(len(c.Neighbors(u)))
		}
	case ByBetweenness:
		c := g.Project(graph.ProjectOptions{})
		opts := algo.BetweennessOptions{}
		if len(present) > ExactBetweennessLimit {
			opts.Pivots, opts.Seed = BetweennessPivots, BetweennessSeed
			res.Method = fmt.Sprintf("sampled: %d pivots, seed %d (more than %d actors)", BetweennessPivots, BetweennessSeed, ExactBetweennessLimit)
		}
		raw := algo.Betweenness(c, opts)
		// Normalise over the present actors only (absent slots are isolated and take no part).
		n := float64(len(present))
		scale := 0.0
		if n > 2 {
			scale = 2 / ((n - 1) * (n - 2))
		}
		scores = raw
		for i := range scores {
			scores[i] *= scale
		}
	case ByPageRank:
		scores = algo.PageRank(g.Project(graph.ProjectOptions{Directed: true}), 0.85, 1e-10, 200)
		res.Method = "damping 0.85, directed"
	default:
		return res, fmt.Errorf("unknown ranking %q (want degree, betweenness or pagerank)", by)
	}
	for _, x := range present {
		// Rounded to 12 decimals: sums taken in another actor order differ in the last bits, and the
		// same graph must give the same answer however it was loaded.
		res.Actors = append(res.Actors, Score{Actor: g.Actor(x).ID, Score: math.Round(scores[x]*1e12) / 1e12})
	}
	slices.SortFunc(res.Actors, func(x, y Score) int { return cmp.Or(cmp.Compare(y.Score, x.Score), strings.Compare(x.Actor, y.Actor)) })
	if top > 0 && len(res.Actors) > top {
		res.Actors = res.Actors[:top]
	}
	return res, nil
}
