package graph

import (
	"maps"
	"slices"
	"sync"
)

// linkRec is the compact, fixed-size form of a link. Text (id, attributes, sources) lives out of line
// in universe.extras.
type linkRec struct {
	from, to   int32
	start, end Date // events store their date in start and have flagEvent set
	weight     float64
	extra      int32 // index into universe.extras, -1 when the link has none
	kind       uint16
	sign       int8
	flags      uint8 // low 2 bits: Certainty; flagEvent
}

const (
	certMask    = 0x03
	flagEvent   = 0x04
	flagDerived = 0x08 // made by the Builder from an actor's `in` or route
)

// linkExtra holds the variable-size parts of a link.
type linkExtra struct {
	id      string // explicit or special derived id; "" = derive from the record
	attrs   map[string]string
	sources []Source
	roles   []Role
}

// universe is the immutable data a graph shares with every graph filtered from it.
type universe struct {
	kinds  *Kinds
	actors []Actor
	byID   map[string]int32
	extras []linkExtra
	docs   []Document
	docIdx map[string]int

	namesOnce sync.Once
	names     map[string][]int32 // normalised id, name and aliases → actors
}

// Graph is an immutable typed, dated multigraph. Actors are numbered densely from 0 to NumActors()-1 and
// keep their numbers in every graph filtered from this one; links are numbered from 0 to NumLinks()-1
// within each graph. Any number of links may join two actors.
//
// A Graph is safe for concurrent use.
type Graph struct {
	u       *universe
	links   []linkRec
	present []bool // nil: every actor is present

	outOff, outAdj []int32 // links by source actor (CSR)
	inOff, inAdj   []int32 // links by target actor (CSR)
	kindOff        []int32 // links by kind index (CSR over kind)
	kindAdj        []int32

	up    *rollup     // nil unless the graph is rolled up to a level (Filter.Level)
	proj  projections // cached simple-graph projections
	roles roleIndex   // the links each actor has a role in, built on first use
}

func newGraph(u *universe, links []linkRec, present []bool) *Graph {
	g := &Graph{u: u, links: links, present: present}
	n := len(u.actors)
	g.outOff, g.outAdj = csr(n, links, func(r *linkRec) int32 { return r.from })
	g.inOff, g.inAdj = csr(n, links, func(r *linkRec) int32 { return r.to })
	g.kindOff, g.kindAdj = csr(len(u.kinds.links), links, func(r *linkRec) int32 { return int32(r.kind) })
	return g
}

// csr groups link indexes by key with a counting sort: the links of key k are adj[off[k]:off[k+1]], in
// increasing link order. O(n + len(links)).
func csr(n int, links []linkRec, key func(*linkRec) int32) (off, adj []int32) {
	off = make([]int32, n+1)
	for i := range links {
		off[key(&links[i])+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	adj = make([]int32, len(links))
	next := slices.Clone(off[:n])
	for i := range links {
		k := key(&links[i])
		adj[next[k]] = int32(i)
		next[k]++
	}
	return off, adj
}

// Kinds returns the graph's kind table. Callers must not modify it.
func (g *Graph) Kinds() *Kinds { return g.u.kinds }

// NumActors returns the number of actor slots: actors are numbered 0..NumActors()-1. In a filtered graph
// some slots are not Present.
func (g *Graph) NumActors() int { return len(g.u.actors) }

// NumPresent returns the number of actors present in g.
func (g *Graph) NumPresent() int {
	if g.present == nil {
		return len(g.u.actors)
	}
	n := 0
	for _, p := range g.present {
		if p {
			n++
		}
	}
	return n
}

// NumLinks returns the number of links in g.
func (g *Graph) NumLinks() int { return len(g.links) }

// Actor returns actor i. The result is shared; callers must not modify it.
func (g *Graph) Actor(i int32) *Actor { return &g.u.actors[i] }

// ActorIndex returns the number of the actor with the given id.
func (g *Graph) ActorIndex(id string) (int32, bool) {
	i, ok := g.u.byID[id]
	return i, ok
}

// Present reports whether actor i is part of g (filters leave out actors outside their time window or,
// under a kind filter, actors without a kept link).
func (g *Graph) Present(i int32) bool { return g.present == nil || g.present[i] }

// PresentActors returns the numbers of the present actors in increasing order.
func (g *Graph) PresentActors() []int32 {
	out := make([]int32, 0, g.NumPresent())
	for i := range g.u.actors {
		if g.Present(int32(i)) {
			out = append(out, int32(i))
		}
	}
	return out
}

// Documents returns the source documents, in the order they were added.
func (g *Graph) Documents() []Document { return slices.Clone(g.u.docs) }

// Document returns the document with the given id.
func (g *Graph) Document(id string) (Document, bool) {
	i, ok := g.u.docIdx[id]
	if !ok {
		return Document{}, false
	}
	return g.u.docs[i], true
}

// Ends returns the actor numbers at the two ends of link i.
func (g *Graph) Ends(i int32) (from, to int32) { r := &g.links[i]; return r.from, r.to }

// KindOf returns the kind of link i.
func (g *Graph) KindOf(i int32) *LinkKind { return &g.u.kinds.links[g.links[i].kind] }

// SignOf returns the sign of link i.
func (g *Graph) SignOf(i int32) int8 { return g.links[i].sign }

// WeightOf returns the weight of link i.
func (g *Graph) WeightOf(i int32) float64 { return g.links[i].weight }

// IsDerived reports whether link i was derived from an actor (a located_in link from its `in`, a
// transport segment from its route) rather than given as a link.
func (g *Graph) IsDerived(i int32) bool { return g.links[i].flags&flagDerived != 0 }

// WhenOf returns the date link i is ordered by in a timeline (its On or Start date; zero when undated).
func (g *Graph) WhenOf(i int32) Date { return g.links[i].start }

// LinkID returns the identity of link i (explicit, or derived as DeriveLinkID describes).
func (g *Graph) LinkID(i int32) string {
	r := &g.links[i]
	if r.extra >= 0 {
		if id := g.u.extras[r.extra].id; id != "" {
			return id
		}
	}
	k := &g.u.kinds.links[r.kind]
	from, to := g.idEnds(int(i))
	return DeriveLinkID(k.ID, g.u.actors[from].ID, g.u.actors[to].ID, k.Directed, r.start)
}

// Link returns link i in full. The maps and slices of the result are copies the caller may keep.
func (g *Graph) Link(i int32) Link {
	r := &g.links[i]
	k := &g.u.kinds.links[r.kind]
	l := Link{
		ID:        g.LinkID(i),
		Kind:      k.ID,
		From:      g.u.actors[r.from].ID,
		To:        g.u.actors[r.to].ID,
		Directed:  k.Directed,
		Sign:      r.sign,
		Certainty: Certainty(r.flags & certMask),
		Weight:    r.weight,
	}
	if r.flags&flagEvent != 0 {
		l.On = r.start
	} else {
		l.Start, l.End = r.start, r.end
	}
	if r.extra >= 0 {
		x := &g.u.extras[r.extra]
		l.Attrs = maps.Clone(x.attrs)
		l.Sources = slices.Clone(x.sources)
		l.Roles = slices.Clone(x.roles)
	}
	if from, to := g.idEnds(int(i)); from != r.from || to != r.to {
		l.Recorded = &Ends{From: g.u.actors[from].ID, To: g.u.actors[to].ID}
	}
	return l
}

// RolesOf returns the roles of link i (see Link.Roles). The slice is shared; do not modify it.
func (g *Graph) RolesOf(i int32) []Role {
	if x := g.links[i].extra; x >= 0 {
		return g.u.extras[x].roles
	}
	return nil
}

// Out returns the links whose From is actor a, in increasing order. The slice is shared; do not modify it.
func (g *Graph) Out(a int32) []int32 { return g.outAdj[g.outOff[a]:g.outOff[a+1]] }

// In returns the links whose To is actor a, in increasing order. The slice is shared; do not modify it.
func (g *Graph) In(a int32) []int32 { return g.inAdj[g.inOff[a]:g.inOff[a+1]] }

// Degree returns the number of links that touch actor a (a link is counted once).
func (g *Graph) Degree(a int32) int { return len(g.Out(a)) + len(g.In(a)) }

// LinksOf returns every link that touches actor a, in increasing order.
func (g *Graph) LinksOf(a int32) []int32 {
	out := make([]int32, 0, g.Degree(a))
	out = append(out, g.Out(a)...)
	out = append(out, g.In(a)...)
	slices.Sort(out)
	return out
}

// LinksBetween returns every link between actors a and b in either direction, in increasing order.
// It scans the shorter of the two actors' link lists: O(min(deg a, deg b)).
func (g *Graph) LinksBetween(a, b int32) []int32 {
	var out []int32
	if g.Degree(a) > g.Degree(b) {
		a, b = b, a
	}
	for _, i := range g.Out(a) {
		if g.links[i].to == b {
			out = append(out, i)
		}
	}
	for _, i := range g.In(a) {
		if g.links[i].from == b && g.links[i].to != b {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// LinksOfKind returns the links of the given kind, in increasing order (nil for an unknown kind).
func (g *Graph) LinksOfKind(kind string) []int32 {
	k, ok := g.u.kinds.linkIdx[kind]
	if !ok {
		return nil
	}
	return g.kindAdj[g.kindOff[k]:g.kindOff[k+1]]
}

// Other returns the actor at the other end of link i from actor a.
func (g *Graph) Other(i, a int32) int32 {
	r := &g.links[i]
	if r.from == a {
		return r.to
	}
	return r.from
}
