package render

// This file turns a diagram's links into the lines it draws: one edge per kind and pair of actors,
// bundled when a pair has many kinds, in a deterministic order.

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// edge is one drawn line: the links of one kind between the same two actors that look alike.
type edge struct {
	from, to  string // actor ids; for undirected kinds from < to
	kind      *graph.LinkKind
	pattern   string
	status    Status
	highlight bool
	links     []*dlink // sorted by date, then id
	// bundle lists the kinds of a bundle edge (links of several kinds), sorted by id; nil otherwise.
	bundle []*graph.LinkKind
	// fromRank, toRank and kindRank order ends and kind as their ids do (see Diagram.actorRanks).
	fromRank, toRank, kindRank int32
}

// bundleKind is the kind id of a bundle edge; it cannot clash with a link kind, which is a slug.
const bundleKind = "~bundle"

// compareEdges orders drawn edges: by ends, kind, pattern, status and highlight.
func compareEdges(a, b *edge) int {
	return cmp.Or(strings.Compare(a.from, b.from), strings.Compare(a.to, b.to), strings.Compare(a.kind.ID, b.kind.ID),
		strings.Compare(a.pattern, b.pattern), cmp.Compare(a.status, b.status), compareBool(a.highlight, b.highlight))
}

// edges groups the diagram's links into drawn edges, in a fixed order. Links of one kind between the
// same two actors (in the same direction, for directed kinds) with the same line pattern, status and
// highlight are merged: a multigraph of visits, summits and deals would otherwise draw dozens of
// parallel lines of one colour between two capitals. Links of different kinds stay separate edges,
// because a line's colour tells its kind — except between two actors tied by many kinds in a large
// view, where they become one bundle (see DOTOptions.Bundle).
//
// The links are sorted once by their edge's key, then date and id, so that every edge is a run of
// the sorted links: no map of groups, and no copy of a link. O(links log links).
func (d *Diagram) edges() []*edge {
	ids, ranks := d.actorRanks()
	kinds := d.kindRanks()
	type keyed struct {
		from, to  int32 // actor ranks; for undirected kinds from < to
		kind      int32 // kind rank
		pattern   uint8
		status    Status
		highlight bool
		lo        graph.Date
		l         *dlink
	}
	ks := make([]keyed, 0, len(d.links))
	for i := range d.links {
		l := &d.links[i]
		if d.hidden(l) {
			continue
		}
		k := l.kind()
		f, t := l.g.Ends(l.i)
		from, to := ranks[l.g][f], ranks[l.g][t]
		if !k.Directed && to < from {
			from, to = to, from
		}
		ks = append(ks, keyed{from, to, kinds[k], patternRank(LinePattern(l.g.SignOf(l.i), l.certainty())), l.status,
			l.highlight, l.g.WhenOf(l.i).Lo(), l})
	}
	sameEdge := func(a, b *keyed) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), cmp.Compare(a.kind, b.kind),
			cmp.Compare(a.pattern, b.pattern), cmp.Compare(a.status, b.status), compareBool(a.highlight, b.highlight))
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := sameEdge(&a, &b); c != 0 { // cmp.Or would compare the ids every time
			return c
		}
		if c := cmp.Compare(a.lo, b.lo); c != 0 {
			return c
		}
		return strings.Compare(a.l.id, b.l.id)
	})
	order := make([]*dlink, len(ks))
	for i := range ks {
		order[i] = ks[i].l
	}
	n := 0
	for i := range ks {
		if i == 0 || sameEdge(&ks[i-1], &ks[i]) != 0 {
			n++
		}
	}
	store := make([]edge, 0, n)
	out := make([]*edge, 0, n)
	for lo := 0; lo < len(ks); {
		hi := lo + 1
		first := lo // the link with the smallest id gives the edge its kind
		for hi < len(ks) && sameEdge(&ks[lo], &ks[hi]) == 0 {
			if ks[hi].l.id < ks[first].l.id {
				first = hi
			}
			hi++
		}
		k := &ks[lo]
		store = append(store, edge{from: ids[k.from], to: ids[k.to], kind: ks[first].l.kind(),
			pattern: patternOfRank(k.pattern), status: k.status, highlight: k.highlight, links: order[lo:hi:hi],
			fromRank: k.from, toRank: k.to, kindRank: k.kind})
		out = append(out, &store[len(store)-1])
		lo = hi
	}
	return d.bundle(out)
}

// patternRank numbers the line patterns in the order of their names; patternOfRank undoes it.
func patternRank(p string) uint8 {
	switch p {
	case patternDashed:
		return 0
	case patternDotted:
		return 1
	}
	return 2
}

// patternOfRank returns the line pattern numbered r by patternRank.
func patternOfRank(r uint8) string {
	switch r {
	case 0:
		return patternDashed
	case 1:
		return patternDotted
	}
	return patternSolid
}

// actorRanks returns the ids of the diagram's actors in increasing order and, for every graph its
// links come from, the rank of each of the graph's actors in that order (-1 for one not drawn), so
// that drawn edges are sorted by numbers rather than strings. O(actors log actors).
func (d *Diagram) actorRanks() (ids []string, ranks map[*graph.Graph][]int32) {
	ids = slices.Sorted(maps.Keys(d.nodes))
	ranks = map[*graph.Graph][]int32{}
	for i := range d.links {
		g := d.links[i].g
		if ranks[g] != nil {
			continue
		}
		r := make([]int32, g.NumActors())
		for j := range r {
			r[j] = -1
		}
		for k, id := range ids {
			if a, ok := g.ActorIndex(id); ok {
				r[a] = int32(k)
			}
		}
		ranks[g] = r
	}
	return ids, ranks
}

// kindRanks numbers the link kinds of the diagram's links in the order of their ids; kinds of several
// graphs with the same id share a number.
func (d *Diagram) kindRanks() map[*graph.LinkKind]int32 {
	ranks := map[*graph.LinkKind]int32{}
	for i := range d.links {
		ranks[d.links[i].kind()] = 0
	}
	byID := map[string][]*graph.LinkKind{}
	for k := range ranks {
		byID[k.ID] = append(byID[k.ID], k)
	}
	for r, id := range slices.Sorted(maps.Keys(byID)) {
		for _, k := range byID[id] {
			ranks[k] = int32(r)
		}
	}
	return ranks
}

// bundle replaces, between every two actors tied by more kinds than the Bundle option allows, their
// unmarked edges (no status, no highlight) by one bundle edge. edges are in compareEdges order, and so
// is the result. O(edges log edges).
func (d *Diagram) bundle(edges []*edge) []*edge {
	limit := d.opts.Bundle
	if limit == 0 {
		if len(edges) <= AutoKindLabels {
			return edges
		}
		limit = AutoBundleKinds
	}
	if limit < 0 {
		return edges
	}
	// Only unmarked and unchanged edges are bundled: an added, removed, changed or highlighted link
	// keeps its own line.
	type member struct {
		a, b, kind int32 // ranks: the two actors (a < b) and the kind
		status     Status
		e          *edge
	}
	var ms []member
	for _, e := range edges {
		if e.highlight || (e.status != StatusNone && e.status != StatusUnchanged) {
			continue
		}
		ms = append(ms, member{min(e.fromRank, e.toRank), max(e.fromRank, e.toRank), e.kindRank, e.status, e})
	}
	group := func(x, y *member) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b), cmp.Compare(x.status, y.status))
	}
	slices.SortFunc(ms, func(x, y member) int {
		return cmp.Or(group(&x, &y), cmp.Compare(x.kind, y.kind))
	})
	bundleOf := map[*edge]*edge{}
	for lo := 0; lo < len(ms); {
		hi, kinds := lo+1, 1
		for hi < len(ms) && group(&ms[lo], &ms[hi]) == 0 {
			if ms[hi].kind != ms[hi-1].kind {
				kinds++
			}
			hi++
		}
		if kinds > limit {
			m := &ms[lo]
			from, to := m.e.from, m.e.to
			if m.e.toRank < m.e.fromRank {
				from, to = to, from
			}
			b := &edge{from: from, to: to, kind: &graph.LinkKind{ID: bundleKind}, pattern: patternSolid, status: m.status,
				fromRank: m.a, toRank: m.b, kindRank: -1}
			for i := lo; i < hi; i++ {
				if i == lo || ms[i].kind != ms[i-1].kind {
					b.bundle = append(b.bundle, ms[i].e.kind)
				}
				b.links = append(b.links, ms[i].e.links...)
				bundleOf[ms[i].e] = b
			}
			slices.SortFunc(b.links, func(x, y *dlink) int {
				return cmp.Or(cmp.Compare(x.g.WhenOf(x.i).Lo(), y.g.WhenOf(y.i).Lo()), strings.Compare(x.id, y.id))
			})
		}
		lo = hi
	}
	if len(bundleOf) == 0 {
		return edges
	}
	out := edges[:0:0]
	added := map[*edge]bool{}
	for _, e := range edges {
		b := bundleOf[e]
		switch {
		case b == nil:
			out = append(out, e)
		case !added[b]:
			added[b] = true
			out = append(out, b)
		}
	}
	slices.SortFunc(out, compareEdges)
	return out
}

// hidden reports whether a link is left out of the drawing: a located_in link inside one country's box
// (the box already says it), unless it is marked.
func (d *Diagram) hidden(l *dlink) bool {
	if d.opts.Cluster != ClusterCountry || l.highlight || (l.status != StatusNone && l.status != StatusUnchanged) ||
		l.kind().ID != graph.KindLocatedIn {
		return false
	}
	from, to := l.ends()
	a, b := d.nodes[from], d.nodes[to]
	return a != nil && b != nil && a.country != "" && a.country == b.country
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
