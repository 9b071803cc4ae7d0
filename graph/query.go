package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph/algo"
)

// ErrSameActor is returned by two-actor queries asked about one actor.
var ErrSameActor = errors.New("the two actors are the same")

// ErrAbsent is wrapped by queries about an actor that has no links under the current filter.
var ErrAbsent = errors.New("not in the graph under the current filter")

// Hop is one step of a path with every link that makes it.
type Hop struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Links []Link `json:"links"`
}

// Path is a route between two actors.
type Path struct {
	// Length is the number of hops.
	Length int `json:"length"`
	// Cost is the sum of edge costs for weighted queries (0 otherwise).
	Cost float64 `json:"cost,omitempty"`
	// Actors lists the actors along the path, ends included.
	Actors []string `json:"actors"`
	// Links lists every link along the path, hop by hop.
	Links []Link `json:"links"`
	// Hops groups Links by hop.
	Hops []Hop `json:"hops"`
}

// PathOptions selects the paths Paths returns.
type PathOptions struct {
	ProjectOptions
	// K > 1 asks for the K shortest loopless paths (Yen's algorithm).
	K int
	// All asks for every simple path of at most MaxLen hops (default 4), at most Limit of them
	// (default 100).
	All    bool
	MaxLen int
	Limit  int
	// MaxSteps bounds the work of a search for several paths (K > 1 or All) in steps: an edge the
	// search examines or a node of a path it builds is a step, and a link of a path it returns is
	// StepsPerLink steps. 0 means DefaultMaxSteps; when the steps run out the search stops and the
	// result says so (Stopped).
	MaxSteps int64
}

// StepsPerLink is what a link of a path returned costs of a search's steps (PathOptions.MaxSteps):
// materialising and writing out a link takes about a hundred times as long as examining an edge.
const StepsPerLink = 100

// DefaultMaxSteps is the number of steps a search for several paths (PathOptions.MaxSteps,
// ConnectOptions.MaxSteps) may take when the caller sets none: a fraction of a second of searching, or
// 100,000 links listed, several times what a query on a sparse graph of a million links needs; on a
// dense graph, where the paths may number in the billions, it runs out long before they do.
const DefaultMaxSteps = 10_000_000

// StopReason says why a search returned fewer paths than it was asked for although more may exist.
type StopReason string

const (
	// StopLimit means the search found as many paths as it was allowed (PathOptions.Limit) and at
	// least one more exists.
	StopLimit StopReason = "limit"
	// StopSteps means the search used up its steps (PathOptions.MaxSteps): the paths returned are the
	// first ones of the order asked for, and more may exist.
	StopSteps StopReason = "max_steps"
)

// PathResult is the answer of Paths.
type PathResult struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Paths []Path `json:"paths"`
	// Truncated reports that the search stopped before it had every path asked for (see Stopped).
	Truncated bool `json:"truncated,omitempty"`
	// Stopped says why, when Truncated.
	Stopped StopReason `json:"stopped,omitempty"`
	// MaxSteps is the number of steps the search was allowed, when it used them up.
	MaxSteps int64 `json:"max_steps,omitempty"`
}

// maxSteps returns the step budget of opts.
func maxSteps(n int64) int64 {
	if n <= 0 {
		return DefaultMaxSteps
	}
	return n
}

func (g *Graph) checkPair(a, b int32) error {
	if a == b {
		return fmt.Errorf("%w (%s)", ErrSameActor, g.u.actors[a].ID)
	}
	for _, x := range []int32{a, b} {
		if !g.Present(x) || g.Degree(x) == 0 {
			return fmt.Errorf("%q has no links: %w", g.u.actors[x].ID, ErrAbsent)
		}
	}
	return nil
}

// Paths finds paths from actor a to actor b: the shortest by hops (or by cost with Weighted), the K
// shortest, or all simple paths up to a length. An empty Paths means b cannot be reached from a (or,
// when Stopped, that the search ran out of steps first).
func (g *Graph) Paths(a, b int32, opts PathOptions) (PathResult, error) {
	var paths []Path
	res, err := g.EachPath(a, b, opts, func(p Path) error {
		paths = append(paths, p)
		return nil
	})
	res.Paths = append(res.Paths, paths...)
	return res, err
}

// EachPath is Paths delivering each path to yield as soon as it is found, in the order of Paths,
// instead of collecting them, so that a long answer is never held in memory: the result it returns
// has an empty Paths and says whether the search stopped early. An error from yield stops the search
// and is returned as it is. The work of K > 1 and All is bounded by opts.MaxSteps, the links listed
// included.
func (g *Graph) EachPath(a, b int32, opts PathOptions, yield func(Path) error) (PathResult, error) {
	res := PathResult{From: g.u.actors[a].ID, To: g.u.actors[b].ID, Paths: []Path{}}
	if err := g.checkPair(a, b); err != nil {
		return res, err
	}
	c := g.Project(opts.ProjectOptions)
	budget := algo.NewBudget(maxSteps(opts.MaxSteps))
	var yerr error
	deliver := func(np []int32) bool {
		p := g.pathOf(np, nil, opts.ProjectOptions, c)
		budget.Spend(int64(len(p.Links)) * StepsPerLink)
		if yerr = yield(p); yerr != nil {
			return false
		}
		return true
	}
	stop := algo.Finished
	switch {
	case opts.All:
		maxLen, limit := opts.MaxLen, opts.Limit
		if maxLen <= 0 {
			maxLen = 4
		}
		if limit <= 0 {
			limit = 100
		}
		n := 0
		stop = algo.AllSimplePathsFunc(c, a, b, maxLen, budget, func(np []int32) bool {
			if n == limit {
				res.Truncated, res.Stopped = true, StopLimit
				return false
			}
			n++
			return deliver(np)
		})
	case opts.K > 1:
		n := 0
		stop = algo.KShortestPathsFunc(c, a, b, budget, func(np []int32) bool {
			n++
			return deliver(np) && n < opts.K
		})
	case opts.Weighted:
		if p, _ := g.Searcher(c).Dijkstra(a, b); p != nil {
			deliver(p)
		}
	default:
		if p := g.Searcher(c).ShortestPath(a, b); p != nil {
			deliver(p)
		}
	}
	if yerr != nil {
		return res, yerr
	}
	if stop == algo.OutOfSteps {
		res.Truncated, res.Stopped, res.MaxSteps = true, StopSteps, budget.Max()
	}
	return res, nil
}

// pathOf materialises a node path; groups, when set, gives the actors each merged node stands for.
func (g *Graph) pathOf(np []int32, groups map[int32][]int32, opts ProjectOptions, c *algo.CSR) Path {
	p := Path{Length: len(np) - 1, Actors: make([]string, len(np)), Hops: make([]Hop, 0, len(np)-1)}
	if opts.Weighted {
		p.Cost = c.PathCost(np)
	}
	n := 0
	for i, x := range np {
		p.Actors[i] = g.u.actors[x].ID
		if i == 0 {
			continue
		}
		from, to := np[i-1:i], np[i:i+1]
		if s, ok := groups[np[i-1]]; ok {
			from = s
		}
		if s, ok := groups[x]; ok {
			to = s
		}
		h := Hop{From: p.Actors[i-1], To: p.Actors[i]}
		ids := g.LinksAcross(from, to, opts.Directed)
		g.sortByWhen(ids)
		h.Links = make([]Link, len(ids))
		for j, l := range ids {
			h.Links[j] = g.Link(l)
		}
		n += len(ids)
		p.Hops = append(p.Hops, h)
	}
	p.Links = make([]Link, 0, n)
	for _, h := range p.Hops {
		p.Links = append(p.Links, h.Links...)
	}
	return p
}

// sortByWhen orders links by kind, then date, then id, for stable, readable output.
func (g *Graph) sortByWhen(ids []int32) {
	slices.SortFunc(ids, func(x, y int32) int {
		return cmp.Or(strings.Compare(g.KindOf(x).ID, g.KindOf(y).ID), cmp.Compare(g.WhenOf(x).Lo(), g.WhenOf(y).Lo()), strings.Compare(g.LinkID(x), g.LinkID(y)))
	})
}

// Common is an actor linked to both sides of a Connect query.
type Common struct {
	Actor  string   `json:"actor"`
	AKinds []string `json:"a_kinds"`
	BKinds []string `json:"b_kinds"`
	ALinks []Link   `json:"a_links"`
	BLinks []Link   `json:"b_links"`
}

// Broker is an actor through which short paths between the two sides of a Connect query pass.
type Broker struct {
	Actor string `json:"actor"`
	// Score is the share of the short paths that pass through the actor.
	Score float64 `json:"score"`
	// Paths is the number of short paths through the actor, each path counted once per choice of
	// link along it.
	Paths float64 `json:"paths"`
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
	A string `json:"a"`
	B string `json:"b"`
	// ASide and BSide list the actors counted as A and B (the actor and its sphere).
	ASide []string `json:"a_side"`
	BSide []string `json:"b_side"`
	// Direct holds the links between the two sides.
	Direct []Link `json:"direct"`
	// Common holds the actors linked to both sides.
	Common []Common `json:"common"`
	// Distance is the number of hops of the shortest path between the sides (-1: none).
	Distance int `json:"distance"`
	// ShortPaths is the number of paths of length Distance and Distance+1 between the sides, each
	// counted once per choice of link along it (a hop made of three links gives three paths).
	ShortPaths float64 `json:"short_paths"`
	// Brokers ranks the actors by their share of those paths.
	Brokers []Broker `json:"brokers"`
	// Paths are the best paths between the sides: the shortest, the strongest (most links) first
	// among equally short ones.
	Paths []Path `json:"paths"`
	// Stopped is StopSteps when the search for the best paths used up its steps: Paths are then the
	// best of the paths it found, and others may be as short and stronger.
	Stopped StopReason `json:"stopped,omitempty"`
	// MaxSteps is the number of steps that search was allowed, when it used them up.
	MaxSteps int64 `json:"max_steps,omitempty"`
}

// Connect answers "who connects A and B": the direct links between the two sides, the actors linked to
// both, the brokers — actors ranked by the share of the shortest and near-shortest (one hop longer)
// paths between the sides that pass through them, a path counted once per choice of link along it, so
// that an intermediary tied to both sides by many links weighs more than one tied by a single link —
// and the shortest paths. aSide and bSide are the actors that count as a and b (a sphere, see Sphere;
// a and b themselves are added when missing). Each side is a set of
// actors (for example an actor and its sphere) merged into one node; links inside a side do not count.
// The graph is taken as undirected. O(N + E) plus Yen's algorithm for the paths.
func (g *Graph) Connect(a int32, aSide []int32, b int32, bSide []int32, opts ConnectOptions) (ConnectResult, error) {
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
	res := ConnectResult{A: g.u.actors[a].ID, B: g.u.actors[b].ID, Direct: []Link{}, Common: []Common{}, Brokers: []Broker{}, Paths: []Path{}, Distance: -1}
	if a == b {
		return res, fmt.Errorf("%w (%s)", ErrSameActor, res.A)
	}
	side := make(map[int32]byte, len(aSide)+len(bSide))
	for _, x := range aSide {
		side[x] = 'a'
	}
	for _, x := range bSide {
		if side[x] == 'a' {
			return res, fmt.Errorf("%w: %s belongs to both %s and %s", ErrSameActor, g.u.actors[x].ID, res.A, res.B)
		}
		side[x] = 'b'
	}
	res.ASide, res.BSide = g.ids(aSide), g.ids(bSide)
	if g.degreeOf(aSide) == 0 || g.degreeOf(bSide) == 0 {
		x := a
		if g.degreeOf(aSide) != 0 {
			x = b
		}
		return res, fmt.Errorf("%q has no links: %w", g.u.actors[x].ID, ErrAbsent)
	}

	direct := g.LinksAcross(aSide, bSide, false)
	g.sortByWhen(direct)
	for _, l := range direct {
		res.Direct = append(res.Direct, g.Link(l))
	}

	// Common neighbours: actors outside both sides linked to each side.
	touch := func(set []int32) map[int32][]int32 {
		m := map[int32][]int32{}
		for _, l := range g.LinksAcross(set, nil, false) {
			from, to := g.links[l].from, g.links[l].to
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
		g.sortByWhen(la)
		g.sortByWhen(lb)
		res.Common = append(res.Common, Common{Actor: g.u.actors[x].ID, AKinds: g.kindsOf(la), BKinds: g.kindsOf(lb), ALinks: g.materialise(la), BLinks: g.materialise(lb)})
	}
	slices.SortStableFunc(res.Common, func(x, y Common) int {
		return cmp.Or(cmp.Compare(len(y.ALinks)+len(y.BLinks), len(x.ALinks)+len(x.BLinks)), strings.Compare(x.Actor, y.Actor))
	})

	// Brokers and paths on the projection with each side merged into its first actor.
	merge := make([]int32, len(g.u.actors))
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
		cm = g.Project(ProjectOptions{Multiplicity: true})
	} else {
		cm = g.ProjectMerged(ProjectOptions{Multiplicity: true}, merge)
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
			res.Brokers = append(res.Brokers, Broker{Actor: g.u.actors[x].ID, Score: share, Paths: pc.Through[x]})
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
			s *= cm.Cost(cm.EdgeIndex(np[i-1], np[i]))
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
			ids.WriteString(g.u.actors[x].ID)
			ids.WriteByte(0)
		}
		sc[i] = scored{np, strength(np), ids.String()}
	}
	slices.SortFunc(sc, func(x, y scored) int {
		return cmp.Or(cmp.Compare(len(x.np), len(y.np)), cmp.Compare(y.str, x.str), strings.Compare(x.ids, y.ids))
	})
	groups := map[int32][]int32{a: aSide, b: bSide}
	for _, p := range sc[:min(len(sc), opts.Paths)] {
		res.Paths = append(res.Paths, g.pathOf(p.np, groups, ProjectOptions{}, c))
	}
	return res, nil
}

// maxConnectCandidates bounds the paths Connect ranks to choose its best paths.
const maxConnectCandidates = 5000

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func (g *Graph) degreeOf(set []int32) int {
	n := 0
	for _, x := range set {
		n += g.Degree(x)
	}
	return n
}

func (g *Graph) ids(set []int32) []string {
	out := make([]string, len(set))
	for i, x := range set {
		out[i] = g.u.actors[x].ID
	}
	slices.Sort(out)
	return out
}

func (g *Graph) kindsOf(ls []int32) []string {
	var out []string
	for _, l := range ls {
		out = append(out, g.KindOf(l).ID)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (g *Graph) materialise(ls []int32) []Link {
	out := make([]Link, len(ls))
	for i, l := range ls {
		out[i] = g.Link(l)
	}
	return out
}
