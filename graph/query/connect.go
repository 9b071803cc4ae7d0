package query

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
)

// Common is an actor linked to both sides of a Connect query.
type Common struct {
	Actor  string
	AKinds []string
	BKinds []string
	ALinks []graph.Link
	BLinks []graph.Link
}

// Broker is an actor through which short paths between the two sides of a Connect query pass.
type Broker struct {
	Actor string
	// Score is the share of the short paths that pass through the actor.
	Score float64
	// Paths is the number of short paths through the actor, each path counted once per choice of
	// link along it.
	Paths float64
}

// ConnectOptions tunes Connect.
type ConnectOptions struct {
	// Paths is how many shortest paths to list (default 5).
	Paths int
	// Brokers is how many brokers to list (default 10).
	Brokers int
	// MaxSteps bounds the work of the search for the best paths, as PathOptions.MaxSteps does (0 means
	// DefaultMaxSteps).
	MaxSteps int64
}

// ConnectResult is the answer of Connect.
type ConnectResult struct {
	A string
	B string
	// ASide and BSide list the actors counted as A and B (the actor and its sphere).
	ASide []string
	BSide []string
	// Direct holds the links between the two sides.
	Direct []graph.Link
	// Common holds the actors linked to both sides.
	Common []Common
	// Distance is the number of hops of the shortest path between the sides (-1: none).
	Distance int
	// ShortPaths is the number of paths of length Distance and Distance+1 between the sides, each
	// counted once per choice of link along it (a hop made of three links gives three paths).
	ShortPaths float64
	// Brokers ranks the actors by their share of those paths.
	Brokers []Broker
	// Paths are the best paths between the sides: the shortest, the strongest (most links) first
	// among equally short ones.
	Paths []Path
	// Stopped is StopSteps when the search for the best paths used up its steps: Paths are then the
	// best of the paths it found, and others may be as short and stronger.
	Stopped StopReason
	// MaxSteps is the number of steps that search was allowed, when it used them up.
	MaxSteps int64
}

// Connect answers "who connects A and B": the direct links between the two sides, the actors linked to
// both, the brokers — actors ranked by the share of the shortest and near-shortest (one hop longer)
// paths between the sides that pass through them, a path counted once per choice of link along it, so
// that an intermediary tied to both sides by many links weighs more than one tied by a single link —
// and the shortest paths. aSide and bSide are the actors that count as a and b (a sphere, see graph.Graph.Sphere;
// a and b themselves are added when missing). Each side is a set of
// actors (for example an actor and its sphere) merged into one node; links inside a side do not count.
// The graph is taken as undirected. O(N + E) plus Yen's algorithm for the paths.
func Connect(g *graph.Graph, a int32, aSide []int32, b int32, bSide []int32, opts ConnectOptions) (ConnectResult, error) {
	if opts.Paths <= 0 {
		opts.Paths = 5
	}
	if opts.Brokers <= 0 {
		opts.Brokers = 10
	}
	withRoot := func(r int32, side []int32) []int32 {
		if !slices.Contains(side, r) {
			side = append([]int32{r}, side...)
		}
		return side
	}
	aSide, bSide = withRoot(a, aSide), withRoot(b, bSide)
	res := ConnectResult{A: g.Actor(a).ID, B: g.Actor(b).ID, Direct: []graph.Link{}, Common: []Common{}, Brokers: []Broker{}, Paths: []Path{}, Distance: -1}
	if a == b {
		return res, fmt.Errorf("%w (%s)", ErrSameActor, res.A)
	}
	side := make(map[int32]byte, len(aSide)+len(bSide))
	for _, x := range aSide {
		side[x] = 'a'
	}
	for _, x := range bSide {
		if side[x] == 'a' {
			return res, fmt.Errorf("%w: %s belongs to both %s and %s", ErrSameActor, g.Actor(x).ID, res.A, res.B)
		}
		side[x] = 'b'
	}
	res.ASide, res.BSide = ids(g, aSide), ids(g, bSide)
	if degreeOf(g, aSide) == 0 || degreeOf(g, bSide) == 0 {
		x := a
		if degreeOf(g, aSide) != 0 {
			x = b
		}
		return res, &AbsentError{Actor: g.Actor(x).ID}
	}

	direct := g.LinksAcross(aSide, bSide, false)
	sortByWhen(g, direct)
	for _, l := range direct {
		res.Direct = append(res.Direct, g.Link(l))
	}

	// Common neighbours: actors outside both sides linked to each side.
	touch := func(set []int32) map[int32][]int32 {
		m := map[int32][]int32{}
		for _, l := range g.LinksAcross(set, nil, false) {
			from, to := g.Ends(l)
			for _, x := range []int32{from, to} {
				if side[x] == 0 {
					m[x] = append(m[x], l)
				}
			}
		}
		return m
	}
	ta, tb := touch(aSide), touch(bSide)
	for _, x := range slices.Sorted(mapKeys(ta)) {
		lb, ok := tb[x]
		if !ok {
			continue
		}
		la := ta[x]
		sortByWhen(g, la)
		sortByWhen(g, lb)
		res.Common = append(res.Common, Common{Actor: g.Actor(x).ID, AKinds: kindsOf(g, la), BKinds: kindsOf(g, lb), ALinks: materialise(g, la), BLinks: materialise(g, lb)})
	}
	slices.SortStableFunc(res.Common, func(x, y Common) int {
		return cmp.Or(cmp.Compare(len(y.ALinks)+len(y.BLinks), len(x.ALinks)+len(x.BLinks)), strings.Compare(x.Actor, y.Actor))
	})

	// Brokers and paths on the projection with each side merged into its first actor.
	merge := make([]int32, g.NumActors())
	for i := range merge {
		merge[i] = int32(i)
	}
	for x, s := range side {
		if s == 'a' {
			merge[x] = a
		} else {
			merge[x] = b
		}
	}
	// One projection serves both: with multiplicities for counting paths, without for Yen.
	var cm *algo.CSR
	if len(aSide) == 1 && len(bSide) == 1 {
		cm = g.Project(graph.ProjectOptions{Multiplicity: true})
	} else {
		cm = g.ProjectMerged(graph.ProjectOptions{Multiplicity: true}, merge)
	}
	c := cm.Unweighted()
	pc := g.Searcher(cm).PathCountsMultiplied(a, b, 1)
	res.Distance = pc.Dist
	if pc.Dist < 0 {
		return res, nil
	}
	res.ShortPaths = pc.Total
	for x, share := range pc.Shares {
		if share > 0 && int32(x) != a && int32(x) != b {
			res.Brokers = append(res.Brokers, Broker{Actor: g.Actor(int32(x)).ID, Score: share, Paths: pc.Through[x]})
		}
	}
	slices.SortFunc(res.Brokers, func(x, y Broker) int { return cmp.Or(cmp.Compare(y.Score, x.Score), strings.Compare(x.Actor, y.Actor)) })
	if len(res.Brokers) > opts.Brokers {
		res.Brokers = res.Brokers[:opts.Brokers]
	}
	// The best paths: the shortest, and among equally short ones those made of the most links (the
	// product of the number of links of each hop), then by the ids along them. The candidates are every
	// path of at most Distance+1 hops (bounded), or Yen's shortest paths when those are too few.
	strength := func(np []int32) float64 {
		s := 1.0
		for i := 1; i < len(np); i++ {
			s *= cm.PathCost(np[i-1 : i+1]) // the number of links of the hop
		}
		return s
	}
	budget := algo.NewBudget(maxSteps(opts.MaxSteps))
	var cands [][]int32
	stop := algo.AllSimplePathsFunc(c, a, b, pc.Dist+1, budget, func(np []int32) bool {
		cands = append(cands, slices.Clone(np))
		return len(cands) < maxConnectCandidates
	})
	// Yen's algorithm finds the shortest path whatever is left of the budget, so that there is always
	// one to show.
	if len(cands) < opts.Paths && (stop != algo.OutOfSteps || len(cands) == 0) {
		var yen [][]int32
		stop = algo.KShortestPathsFunc(c, a, b, budget, func(np []int32) bool {
			yen = append(yen, np)
			return len(yen) < opts.Paths
		})
		if len(yen) > len(cands) {
			cands = yen
		}
	}
	if stop == algo.OutOfSteps {
		res.Stopped, res.MaxSteps = StopSteps, budget.Max()
	}
	type scored struct {
		np  []int32
		str float64
		ids string
	}
	sc := make([]scored, len(cands))
	for i, np := range cands {
		var ids strings.Builder
		for _, x := range np {
			ids.WriteString(g.Actor(x).ID)
			ids.WriteByte(0)
		}
		sc[i] = scored{np, strength(np), ids.String()}
	}
	slices.SortFunc(sc, func(x, y scored) int {
		return cmp.Or(cmp.Compare(len(x.np), len(y.np)), cmp.Compare(y.str, x.str), strings.Compare(x.ids, y.ids))
	})
	groups := map[int32][]int32{a: aSide, b: bSide}
	for _, p := range sc[:min(len(sc), opts.Paths)] {
		res.Paths = append(res.Paths, pathOf(g, p.np, groups, graph.ProjectOptions{}, c))
	}
	return res, nil
}

// maxConnectCandidates bounds the paths Connect ranks to choose its best paths.
const maxConnectCandidates = 5000
