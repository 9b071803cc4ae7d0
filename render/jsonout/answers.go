package jsonout

import (
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
)

// The shapes below mirror the answers of package graph/query and graph.Diff field for field. Lists
// that the question leaves nil stay null here; the envelopes of the commands decide where a list must
// be [].

// linksOrNil converts links, keeping nil as nil.
func linksOrNil(ls []graph.Link) []Link {
	if ls == nil {
		return nil
	}
	return FromLinks(ls)
}

// actorsOrNil converts actors, keeping nil as nil.
func actorsOrNil(as []graph.Actor) []Actor {
	if as == nil {
		return nil
	}
	return FromActors(as)
}

// mapSlice converts each element of s with f, keeping nil as nil.
func mapSlice[T, U any](s []T, f func(*T) U) []U {
	if s == nil {
		return nil
	}
	out := make([]U, len(s))
	for i := range s {
		out[i] = f(&s[i])
	}
	return out
}

// Hop is the JSON shape of a query.Hop.
type Hop struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Links []Link `json:"links"`
}

// Path is the JSON shape of a query.Path.
type Path struct {
	Length int      `json:"length"`
	Cost   float64  `json:"cost,omitempty"`
	Actors []string `json:"actors"`
	Links  []Link   `json:"links"`
	Hops   []Hop    `json:"hops"`
}

// FromPath converts a path.
func FromPath(p *query.Path) Path {
	return Path{Length: p.Length, Cost: p.Cost, Actors: p.Actors, Links: linksOrNil(p.Links),
		Hops: mapSlice(p.Hops, func(h *query.Hop) Hop { return Hop{From: h.From, To: h.To, Links: linksOrNil(h.Links)} })}
}

// PathResult is the JSON shape of a query.PathResult.
type PathResult struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Paths     []Path `json:"paths"`
	Truncated bool   `json:"truncated,omitempty"`
	Stopped   string `json:"stopped,omitempty"`
	MaxSteps  int64  `json:"max_steps,omitempty"`
}

// FromPathResult converts the answer of query.Paths.
func FromPathResult(r *query.PathResult) PathResult {
	return PathResult{From: r.From, To: r.To, Paths: mapSlice(r.Paths, FromPath), Truncated: r.Truncated,
		Stopped: string(r.Stopped), MaxSteps: r.MaxSteps}
}

// Common is the JSON shape of a query.Common.
type Common struct {
	Actor  string   `json:"actor"`
	AKinds []string `json:"a_kinds"`
	BKinds []string `json:"b_kinds"`
	ALinks []Link   `json:"a_links"`
	BLinks []Link   `json:"b_links"`
}

// Broker is the JSON shape of a query.Broker.
type Broker struct {
	Actor string  `json:"actor"`
	Score float64 `json:"score"`
	Paths float64 `json:"paths"`
}

// ConnectResult is the JSON shape of a query.ConnectResult.
type ConnectResult struct {
	A          string   `json:"a"`
	B          string   `json:"b"`
	ASide      []string `json:"a_side"`
	BSide      []string `json:"b_side"`
	Direct     []Link   `json:"direct"`
	Common     []Common `json:"common"`
	Distance   int      `json:"distance"`
	ShortPaths float64  `json:"short_paths"`
	Brokers    []Broker `json:"brokers"`
	Paths      []Path   `json:"paths"`
	Stopped    string   `json:"stopped,omitempty"`
	MaxSteps   int64    `json:"max_steps,omitempty"`
}

// FromConnectResult converts the answer of query.Connect.
func FromConnectResult(r *query.ConnectResult) ConnectResult {
	return ConnectResult{
		A: r.A, B: r.B, ASide: r.ASide, BSide: r.BSide, Direct: linksOrNil(r.Direct),
		Common: mapSlice(r.Common, func(c *query.Common) Common {
			return Common{Actor: c.Actor, AKinds: c.AKinds, BKinds: c.BKinds, ALinks: linksOrNil(c.ALinks), BLinks: linksOrNil(c.BLinks)}
		}),
		Distance: r.Distance, ShortPaths: r.ShortPaths,
		Brokers: mapSlice(r.Brokers, func(b *query.Broker) Broker { return Broker(*b) }),
		Paths:   mapSlice(r.Paths, FromPath), Stopped: string(r.Stopped), MaxSteps: r.MaxSteps,
	}
}

// Neighbor is the JSON shape of a query.Neighbor.
type Neighbor struct {
	Actor    string   `json:"actor"`
	Distance int      `json:"distance"`
	Via      []string `json:"via"`
	Kinds    []string `json:"kinds"`
	Links    []Link   `json:"links"`
}

// Neighborhood is the JSON shape of a query.NeighborhoodResult.
type Neighborhood struct {
	Actor     string     `json:"actor"`
	Depth     int        `json:"depth"`
	Neighbors []Neighbor `json:"neighbors"`
}

// FromNeighborhood converts the answer of query.Neighborhood.
func FromNeighborhood(r *query.NeighborhoodResult) Neighborhood {
	return Neighborhood{Actor: r.Actor, Depth: r.Depth, Neighbors: mapSlice(r.Neighbors, func(n *query.Neighbor) Neighbor {
		return Neighbor{Actor: n.Actor, Distance: n.Distance, Via: n.Via, Kinds: n.Kinds, Links: linksOrNil(n.Links)}
	})}
}

// Score is the JSON shape of a query.Score.
type Score struct {
	Actor string  `json:"actor"`
	Score float64 `json:"score"`
}

// Rank is the JSON shape of a query.RankResult.
type Rank struct {
	By     string  `json:"by"`
	Method string  `json:"method"`
	Actors []Score `json:"actors"`
}

// FromRank converts the answer of query.Rank.
func FromRank(r *query.RankResult) Rank {
	return Rank{By: r.By, Method: r.Method, Actors: mapSlice(r.Actors, func(s *query.Score) Score { return Score(*s) })}
}

// Bridge is the JSON shape of a query.Bridge.
type Bridge struct {
	Ends  [2]string `json:"ends"`
	Links []Link    `json:"links"`
}

// Chokepoints is the JSON shape of a query.ChokepointsResult.
type Chokepoints struct {
	ArticulationPoints []string    `json:"articulation_points"`
	Bridges            [][2]string `json:"bridges"`
	BridgeLinks        []Bridge    `json:"bridge_links"`
}

// FromChokepoints converts the answer of query.Chokepoints.
func FromChokepoints(r *query.ChokepointsResult) Chokepoints {
	return Chokepoints{ArticulationPoints: r.ArticulationPoints, Bridges: r.Bridges,
		BridgeLinks: mapSlice(r.BridgeLinks, func(b *query.Bridge) Bridge { return Bridge{Ends: b.Ends, Links: linksOrNil(b.Links)} })}
}

// Cut is the JSON shape of a query.CutResult.
type Cut struct {
	A         string   `json:"a"`
	B         string   `json:"b"`
	Cut       []string `json:"cut"`
	Through   []string `json:"through"`
	Adjacent  bool     `json:"adjacent"`
	Connected bool     `json:"connected"`
}

// FromCut converts the answer of query.Cut.
func FromCut(r *query.CutResult) Cut { return Cut(*r) }

// Triad is the JSON shape of a query.Triad.
type Triad struct {
	Actors [3]string `json:"actors"`
	Signs  [3]int8   `json:"signs"`
	Links  int       `json:"links"`
}

// Balance is the JSON shape of a query.BalanceResult.
type Balance struct {
	Index      float64 `json:"index"`
	Balanced   int     `json:"balanced"`
	Unbalanced int     `json:"unbalanced_count"`
	Triads     []Triad `json:"unbalanced"`
}

// FromBalance converts the answer of query.Balance.
func FromBalance(r *query.BalanceResult) Balance {
	return Balance{Index: r.Index, Balanced: r.Balanced, Unbalanced: r.Unbalanced,
		Triads: mapSlice(r.Triads, func(t *query.Triad) Triad { return Triad(*t) })}
}

// Changes is the JSON shape of a graph.Changes, the answer of graph.Diff.
type Changes struct {
	Actors ActorChanges `json:"actors"`
	Links  LinkChanges  `json:"links"`
}

// ActorChanges is the JSON shape of a graph.ActorChanges.
type ActorChanges struct {
	Added   []Actor       `json:"added"`
	Removed []Actor       `json:"removed"`
	Changed []ActorChange `json:"changed"`
}

// ActorChange is the JSON shape of a graph.ActorChange.
type ActorChange struct {
	ID     string   `json:"id"`
	Before Actor    `json:"before"`
	After  Actor    `json:"after"`
	Fields []string `json:"fields"`
}

// LinkChanges is the JSON shape of a graph.LinkChanges.
type LinkChanges struct {
	Added   []Link       `json:"added"`
	Removed []Link       `json:"removed"`
	Changed []LinkChange `json:"changed"`
}

// LinkChange is the JSON shape of a graph.LinkChange.
type LinkChange struct {
	ID     string   `json:"id"`
	Before Link     `json:"before"`
	After  Link     `json:"after"`
	Fields []string `json:"fields"`
}

// FromChanges converts the answer of graph.Diff.
func FromChanges(c *graph.Changes) Changes {
	return Changes{
		Actors: ActorChanges{
			Added: actorsOrNil(c.Actors.Added), Removed: actorsOrNil(c.Actors.Removed),
			Changed: mapSlice(c.Actors.Changed, func(ch *graph.ActorChange) ActorChange {
				return ActorChange{ID: ch.ID, Before: FromActor(&ch.Before), After: FromActor(&ch.After), Fields: ch.Fields}
			}),
		},
		Links: LinkChanges{
			Added: linksOrNil(c.Links.Added), Removed: linksOrNil(c.Links.Removed),
			Changed: mapSlice(c.Links.Changed, func(ch *graph.LinkChange) LinkChange {
				return LinkChange{ID: ch.ID, Before: FromLink(&ch.Before), After: FromLink(&ch.After), Fields: ch.Fields}
			}),
		},
	}
}

// KindCount is the JSON shape of a query.KindCount.
type KindCount struct {
	Kind    string `json:"kind"`
	Added   int    `json:"added"`
	Removed int    `json:"removed"`
	Changed int    `json:"changed"`
}

// DiffCounts is the JSON shape of a query.DiffCounts, the summary of a diff.
type DiffCounts struct {
	Actors KindCount   `json:"actors"`
	Links  []KindCount `json:"links"`
	Total  KindCount   `json:"total"`
}

// FromDiffCounts converts the answer of query.CountChanges.
func FromDiffCounts(s *query.DiffCounts) DiffCounts {
	return DiffCounts{Actors: KindCount(s.Actors), Total: KindCount(s.Total),
		Links: mapSlice(s.Links, func(k *query.KindCount) KindCount { return KindCount(*k) })}
}
