package query

import (
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
)

// Hop is one step of a path with every link that makes it.
type Hop struct {
	From  string
	To    string
	Links []graph.Link
}

// Path is a route between two actors.
type Path struct {
	// Length is the number of hops.
	Length int
	// Cost is the sum of edge costs for weighted queries (0 otherwise).
	Cost float64
	// Actors lists the actors along the path, ends included.
	Actors []string
	// Links lists every link along the path, hop by hop.
	Links []graph.Link
	// Hops groups Links by hop.
	Hops []Hop
}

// PathOptions selects the paths Paths returns.
type PathOptions struct {
	graph.ProjectOptions
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
	From  string
	To    string
	Paths []Path
	// Truncated reports that the search stopped before it had every path asked for (see Stopped).
	Truncated bool
	// Stopped says why, when Truncated.
	Stopped StopReason
	// MaxSteps is the number of steps the search was allowed, when it used them up.
	MaxSteps int64
}

// Paths finds paths from actor a to actor b: the shortest by hops (or by cost with Weighted), the K
// shortest, or all simple paths up to a length. An empty Paths means b cannot be reached from a (or,
// when Stopped, that the search ran out of steps first).
func Paths(g *graph.Graph, a, b int32, opts PathOptions) (PathResult, error) {
	var paths []Path
	res, err := EachPath(g, a, b, opts, func(p Path) error {
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
func EachPath(g *graph.Graph, a, b int32, opts PathOptions, yield func(Path) error) (PathResult, error) {
	res := PathResult{From: g.Actor(a).ID, To: g.Actor(b).ID, Paths: []Path{}}
	if err := checkPair(g, a, b); err != nil {
		return res, err
	}
	c := g.Project(opts.ProjectOptions)
	budget := algo.NewBudget(maxSteps(opts.MaxSteps))
	var yerr error
	deliver := func(np []int32) bool {
		p := pathOf(g, np, nil, opts.ProjectOptions, c)
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
		if p := shortestPath(g, a, b, opts.ProjectOptions); p != nil {
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
func pathOf(g *graph.Graph, np []int32, groups map[int32][]int32, opts graph.ProjectOptions, c *algo.CSR) Path {
	p := Path{Length: len(np) - 1, Actors: make([]string, len(np)), Hops: make([]Hop, 0, len(np)-1)}
	if opts.Weighted {
		p.Cost = c.PathCost(np)
	}
	n := 0
	for i, x := range np {
		p.Actors[i] = g.Actor(x).ID
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
		ls := g.LinksAcross(from, to, opts.Directed)
		sortByWhen(g, ls)
		h.Links = make([]graph.Link, len(ls))
		for j, l := range ls {
			h.Links[j] = g.Link(l)
		}
		n += len(ls)
		p.Hops = append(p.Hops, h)
	}
	p.Links = make([]graph.Link, 0, n)
	for _, h := range p.Hops {
		p.Links = append(p.Links, h.Links...)
	}
	return p
}
