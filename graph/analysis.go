package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph/algo"
)

// Neighbor is an actor of an ego network.
type Neighbor struct {
	Actor string `json:"actor"`
	// Distance is the number of hops from the centre.
	Distance int `json:"distance"`
	// Via lists the actors one hop closer to the centre that it is linked to.
	Via []string `json:"via"`
	// Kinds lists the kinds of those links.
	Kinds []string `json:"kinds"`
	// Links are the links to the actors in Via.
	Links []Link `json:"links"`
}

// Neighborhood is the ego network of an actor.
type Neighborhood struct {
	Actor     string     `json:"actor"`
	Depth     int        `json:"depth"`
	Neighbors []Neighbor `json:"neighbors"`
}

// Neighborhood returns the actors within depth hops of actor a (links taken as undirected), nearest
// first, then those tied by more links to the previous ring, then by name. O(N + E).
func (g *Graph) Neighborhood(a int32, depth int) Neighborhood {
	res := Neighborhood{Actor: g.u.actors[a].ID, Depth: depth, Neighbors: []Neighbor{}}
	dist := algo.ReachableWithin(g.Project(ProjectOptions{}), a, depth)
	var nodes []int32
	for x, d := range dist {
		if d > 0 {
			nodes = append(nodes, int32(x))
		}
	}
	slices.SortFunc(nodes, func(x, y int32) int {
		return cmp.Or(cmp.Compare(dist[x], dist[y]), strings.Compare(g.u.actors[x].Name, g.u.actors[y].Name), strings.Compare(g.u.actors[x].ID, g.u.actors[y].ID))
	})
	for _, x := range nodes {
		n := Neighbor{Actor: g.u.actors[x].ID, Distance: int(dist[x]), Via: []string{}, Links: []Link{}}
		var ls []int32
		for _, l := range g.LinksOf(x) {
			if o := g.Other(l, x); dist[o] == dist[x]-1 {
				ls = append(ls, l)
				n.Via = append(n.Via, g.u.actors[o].ID)
			}
		}
		slices.Sort(n.Via)
		n.Via = slices.Compact(n.Via)
		g.sortByWhen(ls)
		n.Kinds = g.kindsOf(ls)
		n.Links = g.materialise(ls)
		res.Neighbors = append(res.Neighbors, n)
	}
	slices.SortStableFunc(res.Neighbors, func(x, y Neighbor) int {
		return cmp.Or(cmp.Compare(x.Distance, y.Distance), cmp.Compare(len(y.Links), len(x.Links)))
	})
	return res
}

// Score is an actor's score in a ranking.
type Score struct {
	Actor string  `json:"actor"`
	Score float64 `json:"score"`
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
	By string `json:"by"`
	// Method says how the scores were computed ("exact", "sampled: 1000 pivots, seed 1"…).
	Method string  `json:"method"`
	Actors []Score `json:"actors"`
}

// Rank scores the present actors and returns the top ones (all when top ≤ 0), best first, ties by id.
//   - degree: the number of distinct actors an actor is linked to;
//   - betweenness: the share of pairs of other actors whose shortest paths pass through it (links
//     undirected, normalised as NetworkX does), exact up to ExactBetweennessLimit actors, estimated from
//     BetweennessPivots pivots above;
//   - pagerank: PageRank (damping 0.85) following link directions, undirected kinds both ways.
func (g *Graph) Rank(by string, top int) (RankResult, error) {
	res := RankResult{By: by, Method: "exact", Actors: []Score{}}
	present := g.PresentActors()
	var scores []float64
	switch by {
	case ByDegree:
		c := g.Project(ProjectOptions{})
		scores = make([]float64, c.NumNodes())
		for u := range c.NumNodes() {
			scores[u] = float64(c.Degree(int32(u)))
		}
	case ByBetweenness:
		c := g.Project(ProjectOptions{})
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
		scores = algo.PageRank(g.Project(ProjectOptions{Directed: true}), 0.85, 1e-10, 200)
		res.Method = "damping 0.85, directed"
	default:
		return res, fmt.Errorf("unknown ranking %q (want degree, betweenness or pagerank)", by)
	}
	for _, x := range present {
		// Rounded to 12 decimals: sums taken in another actor order differ in the last bits, and the
		// same graph must give the same answer however it was loaded.
		res.Actors = append(res.Actors, Score{Actor: g.u.actors[x].ID, Score: math.Round(scores[x]*1e12) / 1e12})
	}
	slices.SortFunc(res.Actors, func(x, y Score) int { return cmp.Or(cmp.Compare(y.Score, x.Score), strings.Compare(x.Actor, y.Actor)) })
	if top > 0 && len(res.Actors) > top {
		res.Actors = res.Actors[:top]
	}
	return res, nil
}

// Bridge is a pair of actors whose links are the only tie between two parts of the graph.
type Bridge struct {
	Ends  [2]string `json:"ends"`
	Links []Link    `json:"links"`
}

// Chokepoints is the answer of Chokepoints.
type Chokepoints struct {
	// ArticulationPoints are the actors whose removal splits the graph, by id.
	ArticulationPoints []string `json:"articulation_points"`
	// Bridges are the pairs whose links, removed, split the graph, as id pairs sorted.
	Bridges [][2]string `json:"bridges"`
	// BridgeLinks gives the links of each bridge, parallel to Bridges.
	BridgeLinks []Bridge `json:"bridge_links"`
}

// Chokepoints returns the articulation points and bridges of g with links taken as undirected.
// O(N + E).
func (g *Graph) Chokepoints() Chokepoints {
	c := g.Project(ProjectOptions{})
	res := Chokepoints{ArticulationPoints: []string{}, Bridges: [][2]string{}, BridgeLinks: []Bridge{}}
	for _, x := range algo.ArticulationPoints(c) {
		res.ArticulationPoints = append(res.ArticulationPoints, g.u.actors[x].ID)
	}
	slices.Sort(res.ArticulationPoints)
	for _, e := range algo.Bridges(c) {
		ends := [2]string{g.u.actors[e[0]].ID, g.u.actors[e[1]].ID}
		if ends[1] < ends[0] {
			ends[0], ends[1] = ends[1], ends[0]
		}
		ls := g.LinksBetween(e[0], e[1])
		g.sortByWhen(ls)
		res.Bridges = append(res.Bridges, ends)
		res.BridgeLinks = append(res.BridgeLinks, Bridge{Ends: ends, Links: g.materialise(ls)})
	}
	slices.SortFunc(res.BridgeLinks, func(x, y Bridge) int {
		return cmp.Or(strings.Compare(x.Ends[0], y.Ends[0]), strings.Compare(x.Ends[1], y.Ends[1]))
	})
	for i, b := range res.BridgeLinks {
		res.Bridges[i] = b.Ends
	}
	return res
}

// Cut is the answer of Cut.
type Cut struct {
	A string `json:"a"`
	B string `json:"b"`
	// Cut is a smallest set of actors whose removal disconnects A from B, by id; empty when A and B
	// are not connected at all or are directly linked (see Adjacent).
	Cut []string `json:"cut"`
	// Through lists, in path order, every actor that lies on all paths from A to B: each one alone
	// is a chokepoint.
	Through []string `json:"through"`
	// Adjacent reports that A and B are linked directly, so that no set of other actors separates them.
	Adjacent bool `json:"adjacent"`
	// Connected reports whether a path joins A and B at all.
	Connected bool `json:"connected"`
}

// Cut returns a minimum set of actors whose removal disconnects a from b (links undirected, or
// followed from a to b with directed) — among minimum cuts the one closest to a — and every actor
// that lies on all paths from a to b. O(N + E) for the cut plus O(L·(N + E)) for the L inner actors of
// a shortest path.
func (g *Graph) Cut(a, b int32, directed bool) (Cut, error) {
	res := Cut{A: g.u.actors[a].ID, B: g.u.actors[b].ID, Cut: []string{}, Through: []string{}}
	if err := g.checkPair(a, b); err != nil {
		return res, err
	}
	c := g.Project(ProjectOptions{Directed: directed})
	path := g.Searcher(c).ShortestPath(a, b)
	res.Connected = path != nil
	if !res.Connected {
		return res, nil
	}
	// An actor on every path lies on this one: test each inner actor of it.
	seen := make([]int32, c.NumNodes())
	for i, v := range path[1 : len(path)-1] {
		if !reachableAvoiding(c, a, b, v, seen, int32(i+1)) {
			res.Through = append(res.Through, g.u.actors[v].ID)
		}
	}
	cut, ok := algo.MinVertexCut(c, a, b)
	res.Adjacent = !ok
	for _, x := range cut {
		res.Cut = append(res.Cut, g.u.actors[x].ID)
	}
	slices.Sort(res.Cut)
	return res, nil
}

// reachableAvoiding reports whether t can be reached from s without passing through avoid. seen is
// scratch space of c.N entries; stamp must differ from every value it held before. O(N + E).
func reachableAvoiding(c *algo.CSR, s, t, avoid int32, seen []int32, stamp int32) bool {
	queue := []int32{s}
	seen[s], seen[avoid] = stamp, stamp
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, v := range c.Neighbors(u) {
			if v == t {
				return true
			}
			if seen[v] != stamp {
				seen[v] = stamp
				queue = append(queue, v)
			}
		}
	}
	return false
}

// Triad is an unbalanced triangle of the signed graph, with the links behind each of its three ties.
type Triad struct {
	// Actors are the three actors in id order.
	Actors [3]string `json:"actors"`
	// Signs are the net signs of the ties Actors[0]–Actors[1], Actors[0]–Actors[2], Actors[1]–Actors[2].
	Signs [3]int8 `json:"signs"`
	// Links counts the links behind the three ties.
	Links int `json:"links"`
}

// BalanceResult is the answer of Balance.
type BalanceResult struct {
	// Index is the share of signed triangles that are balanced (1 when there are none).
	Index      float64 `json:"index"`
	Balanced   int     `json:"balanced"`
	Unbalanced int     `json:"unbalanced_count"`
	// Triads lists unbalanced triangles, those held by the most links first.
	Triads []Triad `json:"unbalanced"`
}

// maxTriadsExamined bounds how many unbalanced triangles Balance collects to rank; counts stay exact.
const maxTriadsExamined = 100000

// Balance measures the structural balance of g's signed graph. Each pair of linked actors gets the
// net sign of its links — the sign of the sum of their signs (neutral links count 0), so a pair with
// more cooperative than hostile links is a positive tie — and pairs whose sum is 0 are left out. A
// triangle of signed ties is balanced when the product of its signs is positive (the friend of a
// friend, or the enemy of an enemy, is a friend), unbalanced otherwise (Cartwright and Harary). The
// balance index is the share of balanced triangles. Up to top unbalanced triangles are listed (all when
// top ≤ 0), those backed by the most links first. O(E^1.5).
func (g *Graph) Balance(top int) BalanceResult {
	c := g.Project(ProjectOptions{})
	sign := make([]int8, c.NumEntries())
	acc := make([]int32, c.NumNodes())
	for u := range int32(c.NumNodes()) {
		for _, l := range g.Out(u) {
			acc[g.links[l].to] += int32(g.links[l].sign)
		}
		for _, l := range g.In(u) {
			acc[g.links[l].from] += int32(g.links[l].sign)
		}
		first := c.RowStart(u)
		for i, v := range c.Neighbors(u) {
			k := first + i
			switch {
			case acc[v] > 0:
				sign[k] = 1
			case acc[v] < 0:
				sign[k] = -1
			}
			acc[v] = 0
		}
	}
	tc, err := algo.Triads(c, sign, maxTriadsExamined)
	if err != nil { // unreachable: the projection is undirected
		return BalanceResult{Index: 1, Triads: []Triad{}}
	}
	res := BalanceResult{Index: tc.Index(), Balanced: tc.Balanced, Unbalanced: tc.Unbalanced, Triads: []Triad{}}
	for _, t := range tc.List {
		n := t.Nodes
		tr := Triad{Actors: [3]string{g.u.actors[n[0]].ID, g.u.actors[n[1]].ID, g.u.actors[n[2]].ID}, Signs: t.Signs,
			Links: len(g.LinksBetween(n[0], n[1])) + len(g.LinksBetween(n[0], n[2])) + len(g.LinksBetween(n[1], n[2]))}
		// Order the actors by id, keeping each sign with its pair.
		res.Triads = append(res.Triads, orderTriad(tr))
	}
	slices.SortFunc(res.Triads, func(x, y Triad) int {
		return cmp.Or(cmp.Compare(y.Links, x.Links), strings.Compare(strings.Join(x.Actors[:], ","), strings.Join(y.Actors[:], ",")))
	})
	if top > 0 && len(res.Triads) > top {
		res.Triads = res.Triads[:top]
	}
	return res
}

// orderTriad sorts a triad's actors by id and permutes its pair signs to match.
func orderTriad(t Triad) Triad {
	pairSign := map[[2]string]int8{}
	pairs := [3][2]int{{0, 1}, {0, 2}, {1, 2}}
	for i, p := range pairs {
		pairSign[[2]string{t.Actors[p[0]], t.Actors[p[1]]}] = t.Signs[i]
		pairSign[[2]string{t.Actors[p[1]], t.Actors[p[0]]}] = t.Signs[i]
	}
	slices.Sort(t.Actors[:])
	for i, p := range pairs {
		t.Signs[i] = pairSign[[2]string{t.Actors[p[0]], t.Actors[p[1]]}]
	}
	return t
}
