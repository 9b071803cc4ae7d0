package graph

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Changes is what Diff finds between two graphs: actors that appeared or disappeared, and links that
// were added, removed or changed. Its JSON form is the "actors" and "links" parts of the diff shape of
// DESIGN §4.
type Changes struct {
	Actors ActorChanges
	Links  LinkChanges
}

// ActorChanges lists the actors present in only one of two graphs, and those present in both with
// different contents, each sorted by kind, then id.
type ActorChanges struct {
	// Added are present in the new graph only.
	Added []Actor
	// Removed are present in the old graph only.
	Removed []Actor
	// Changed are present in both with different contents (two snapshots of a dataset that was edited
	// in between). Two snapshots of one loaded dataset never differ here.
	Changed []ActorChange
}

// ActorChange is an actor whose id is in both graphs with different contents.
type ActorChange struct {
	// ID is the actor's id.
	ID string
	// Before and After are the actor in the old and the new graph.
	Before Actor
	After  Actor
	// Fields names what differs, in this order: name, kind, aliases, in, stands_for, start, end,
	// route, route_kind, certainty, attrs, sources.
	Fields []string
}

// LinkChanges lists the links of only one graph, and those of both that differ; each list is sorted by
// kind, then id.
type LinkChanges struct {
	// Added are in the new graph only (by link id).
	Added []Link
	// Removed are in the old graph only.
	Removed []Link
	// Changed are in both with different contents.
	Changed []LinkChange
}

// LinkChange is a link whose id is in both graphs with different contents.
type LinkChange struct {
	// ID is the link's id.
	ID string
	// Before and After are the link in the old and the new graph.
	Before Link
	After  Link
	// Fields names what differs, in this order: kind, from, to, start, end, on, certainty, sign,
	// weight, roles, attrs, sources. Kind, from and to only change when an explicit link id is reused for
	// another relationship: a derived id is made of them.
	Fields []string
}

// Empty reports whether c holds no change at all.
func (c *Changes) Empty() bool {
	return len(c.Actors.Added) == 0 && len(c.Actors.Removed) == 0 && len(c.Actors.Changed) == 0 &&
		len(c.Links.Added) == 0 && len(c.Links.Removed) == 0 && len(c.Links.Changed) == 0
}

// derivedKey identifies a link without an explicit id by what its id is made of (DeriveLinkID): the
// kind, the two ends (ordered by actor id for undirected kinds) and the date. Comparing keys is
// comparing ids, without building a million strings.
type derivedKey struct {
	kind     uint16
	from, to int32
	date     Date
}

// Diff compares two graphs — typically two snapshots of the same dataset, or two loads of it — and
// returns what changed from old to new. Actors are matched by id among the actors present in each
// graph; an actor present in both is changed when any of its fields differ. Links are matched by link
// id (explicit, or derived as DeriveLinkID describes); a link whose id is in both graphs is changed
// when its dates, certainty, sign, weight, attributes or sources differ, or, for an explicit id, its
// kind or ends (for undirected kinds the order of the ends does not count). An actor whose id changed
// is removed and added, and so are its links. The lists of the result are never nil.
//
// The graphs may come from different loads: actors and kinds are matched by name. Records are compared
// in their compact form and only the links that differ are materialised, so diffing two graphs of a
// million links is O(actors + links) time (a hash index of the new graph's links) and memory.
func Diff(old, new *Graph) Changes {
	c := Changes{Links: LinkChanges{Added: []Link{}, Removed: []Link{}, Changed: []LinkChange{}}}
	c.Actors = diffActors(old, new)

	// Translate old actor numbers and kind indexes into new ones (-1: not in the new graph).
	actorMap := make([]int32, len(old.u.actors))
	for i := range old.u.actors {
		if old.u == new.u {
			actorMap[i] = int32(i)
		} else if j, ok := new.u.byID[old.u.actors[i].ID]; ok {
			actorMap[i] = j
		} else {
			actorMap[i] = -1
		}
	}
	kindMap := make([]int32, len(old.u.kinds.links))
	for i, lk := range old.u.kinds.links {
		kindMap[i] = -1
		if j, ok := new.u.kinds.linkIdx[lk.ID]; ok {
			kindMap[i] = int32(j)
		}
	}

	// Index the new graph's links: explicit ids by string, derived ids by key. Explicit ids never
	// look like derived ones (a derived id holds ':', which explicit ids may not; the ids of route
	// segments hold '@'), so the two indexes cannot match the same id.
	explicit := 0
	for j := range new.links {
		if new.explicitID(&new.links[j]) != "" {
			explicit++
		}
	}
	byKey := make(map[derivedKey]int32, len(new.links)-explicit)
	byID := make(map[string]int32, explicit)
	for j := range new.links {
		r := &new.links[j]
		if id := new.explicitID(r); id != "" {
			if _, dup := byID[id]; !dup {
				byID[id] = int32(j)
			}
			continue
		}
		k := derivedKey{kind: r.kind, date: r.start}
		rf, rt := new.idEnds(j)
		k.from, k.to = new.idOrder(r.kind, rf, rt)
		if _, dup := byKey[k]; !dup {
			byKey[k] = int32(j)
		}
	}

	matched := make([]bool, len(new.links))
	for i := range old.links {
		r := &old.links[i]
		j, ok := int32(-1), false
		if id := old.explicitID(r); id != "" {
			j, ok = byID[id]
		} else {
			// The ends in the order the old id names them, then in the new graph's numbers.
			rf, rt := old.idEnds(i)
			f, t := old.idOrder(r.kind, rf, rt)
			if k := kindMap[r.kind]; k >= 0 && actorMap[f] >= 0 && actorMap[t] >= 0 {
				j, ok = byKey[derivedKey{kind: uint16(k), from: actorMap[f], to: actorMap[t], date: r.start}]
			}
		}
		if !ok || matched[j] {
			c.Links.Removed = append(c.Links.Removed, old.Link(int32(i)))
			continue
		}
		matched[j] = true
		if sameLink(old, new, r, &new.links[j], actorMap, kindMap) {
			continue
		}
		before, after := old.Link(int32(i)), new.Link(j)
		c.Links.Changed = append(c.Links.Changed, LinkChange{ID: before.ID, Before: before, After: after, Fields: changedFields(&before, &after)})
	}
	for j := range new.links {
		if !matched[j] {
			c.Links.Added = append(c.Links.Added, new.Link(int32(j)))
		}
	}
	sortLinks(c.Links.Added)
	sortLinks(c.Links.Removed)
	slices.SortFunc(c.Links.Changed, func(x, y LinkChange) int {
		return cmp.Or(strings.Compare(x.After.Kind, y.After.Kind), strings.Compare(x.ID, y.ID))
	})
	return c
}

// explicitID returns the stored id of a link record: an explicit id or a route segment's, "" when the
// id is derived.
func (g *Graph) explicitID(r *linkRec) string {
	if r.extra >= 0 {
		return g.u.extras[r.extra].id
	}
	return ""
}

// idOrder returns the ends of a link of the given kind in the order its derived id names them: as
// given for directed kinds, by actor id for undirected ones.
func (g *Graph) idOrder(kind uint16, from, to int32) (int32, int32) {
	// Actors are numbered in id order (Builder.renumber), so comparing numbers compares ids.
	if !g.u.kinds.links[kind].Directed && to < from {
		return to, from
	}
	return from, to
}

// sameLink compares two link records of old and new without materialising them.
func sameLink(old, new *Graph, a, b *linkRec, actorMap, kindMap []int32) bool {
	if a.start != b.start || a.end != b.end || a.flags != b.flags || a.sign != b.sign || !sameWeight(a.weight, b.weight) {
		return false
	}
	if kindMap[a.kind] != int32(b.kind) {
		return false
	}
	f, t := actorMap[a.from], actorMap[a.to]
	if f != b.from || t != b.to {
		if new.u.kinds.links[b.kind].Directed || f != b.to || t != b.from {
			return false
		}
	}
	var xa, xb *linkExtra
	if a.extra >= 0 {
		xa = &old.u.extras[a.extra]
	}
	if b.extra >= 0 {
		xb = &new.u.extras[b.extra]
	}
	switch {
	case xa == nil && xb == nil:
		return true
	case xa == nil:
		return len(xb.attrs) == 0 && len(xb.sources) == 0 && len(xb.roles) == 0
	case xb == nil:
		return len(xa.attrs) == 0 && len(xa.sources) == 0 && len(xa.roles) == 0
	}
	return maps.Equal(xa.attrs, xb.attrs) && slices.Equal(xa.sources, xb.sources) && slices.Equal(xa.roles, xb.roles)
}

// sameWeight compares weights, taking two NaNs as equal so that a graph never differs from itself.
func sameWeight(a, b float64) bool { return a == b || (a != a && b != b) }

// changedFields names the fields in which two versions of a link differ, in LinkChange.Fields order.
func changedFields(a, b *Link) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	sameEnds := a.From == b.From && a.To == b.To
	if !sameEnds && a.Kind == b.Kind && !b.Directed {
		sameEnds = a.From == b.To && a.To == b.From
	}
	add("kind", a.Kind != b.Kind)
	add("from", !sameEnds && a.From != b.From)
	add("to", !sameEnds && a.To != b.To)
	add("start", a.Start != b.Start)
	add("end", a.End != b.End)
	add("on", a.On != b.On)
	add("certainty", a.Certainty != b.Certainty)
	add("sign", a.Sign != b.Sign)
	add("weight", !sameWeight(a.Weight, b.Weight))
	add("roles", !slices.Equal(a.Roles, b.Roles))
	add("attrs", !maps.Equal(a.Attrs, b.Attrs))
	add("sources", !slices.Equal(a.Sources, b.Sources))
	return out
}

// diffActors finds the actors present in only one of the two graphs, and those that changed.
func diffActors(old, new *Graph) ActorChanges {
	c := ActorChanges{Added: []Actor{}, Removed: []Actor{}, Changed: []ActorChange{}}
	presentIn := func(g *Graph, id string) bool {
		i, ok := g.u.byID[id]
		return ok && g.Present(i)
	}
	for i := range old.u.actors {
		a := &old.u.actors[i]
		if !old.Present(int32(i)) {
			continue
		}
		if !presentIn(new, a.ID) {
			c.Removed = append(c.Removed, cloneActor(a))
			continue
		}
		if old.u == new.u {
			continue // one actor table: nothing can differ
		}
		b := &new.u.actors[new.u.byID[a.ID]]
		if fields := changedActorFields(a, b); len(fields) > 0 {
			c.Changed = append(c.Changed, ActorChange{ID: a.ID, Before: cloneActor(a), After: cloneActor(b), Fields: fields})
		}
	}
	for i := range new.u.actors {
		if new.Present(int32(i)) && !presentIn(old, new.u.actors[i].ID) {
			c.Added = append(c.Added, cloneActor(&new.u.actors[i]))
		}
	}
	byKindID := func(x, y Actor) int { return cmp.Or(strings.Compare(x.Kind, y.Kind), strings.Compare(x.ID, y.ID)) }
	slices.SortFunc(c.Added, byKindID)
	slices.SortFunc(c.Removed, byKindID)
	slices.SortFunc(c.Changed, func(x, y ActorChange) int { return byKindID(x.After, y.After) })
	return c
}

// changedActorFields names the fields in which two versions of an actor differ, in ActorChange.Fields
// order.
func changedActorFields(a, b *Actor) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("name", a.Name != b.Name)
	add("kind", a.Kind != b.Kind)
	add("aliases", !slices.Equal(a.Aliases, b.Aliases))
	add("in", a.In != b.In)
	add("stands_for", a.StandsFor != b.StandsFor)
	add("start", a.Start != b.Start)
	add("end", a.End != b.End)
	add("route", !slices.Equal(a.Route, b.Route))
	add("route_kind", a.RouteKind != b.RouteKind)
	add("certainty", a.Certainty != b.Certainty)
	add("attrs", !maps.Equal(a.Attrs, b.Attrs))
	add("sources", !slices.Equal(a.Sources, b.Sources))
	return out
}

func sortLinks(ls []Link) {
	slices.SortFunc(ls, func(x, y Link) int { return cmp.Or(strings.Compare(x.Kind, y.Kind), strings.Compare(x.ID, y.ID)) })
}

// cloneActor returns a copy of a that shares no slice or map with it.
func cloneActor(a *Actor) Actor {
	c := *a
	c.Aliases = slices.Clone(a.Aliases)
	c.Route = slices.Clone(a.Route)
	c.Attrs = maps.Clone(a.Attrs)
	c.Sources = slices.Clone(a.Sources)
	return c
}

// The accessors below read one field of a link without materialising it (Link copies its maps and
// slices and formats its id). They serve loops over millions of links, such as writing a snapshot.

// AppendLinkID appends the id of link i, as LinkID returns it, to b.
func (g *Graph) AppendLinkID(b []byte, i int32) []byte {
	r := &g.links[i]
	if id := g.explicitID(r); id != "" {
		return append(b, id...)
	}
	k := &g.u.kinds.links[r.kind]
	fi, ti := g.idEnds(int(i))
	from, to := g.u.actors[fi].ID, g.u.actors[ti].ID
	if !k.Directed && to < from {
		from, to = to, from
	}
	b = append(b, k.ID...)
	b = append(append(b, ':'), from...)
	b = append(append(b, ':'), to...)
	if r.start != 0 {
		b = r.start.appendText(append(b, ':'))
	}
	return b
}

// appendText appends d as String formats it, without fmt.
func (d Date) appendText(b []byte) []byte {
	b = appendPadded(b, d.Year(), 4)
	if d.Month() != 0 {
		b = appendPadded(append(b, '-'), d.Month(), 2)
		if d.Day() != 0 {
			b = appendPadded(append(b, '-'), d.Day(), 2)
		}
	}
	return b
}

// appendPadded appends v with leading zeros to width digits.
func appendPadded(b []byte, v, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(v), 10)
	for n := len(s); n < width; n++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// SpanOf returns the dates of link i: start and end for a lasting link (zero when open), on for an event.
func (g *Graph) SpanOf(i int32) (start, end, on Date) {
	r := &g.links[i]
	if r.flags&flagEvent != 0 {
		return 0, 0, r.start
	}
	return r.start, r.end, 0
}

// CertaintyOf returns the certainty of link i.
func (g *Graph) CertaintyOf(i int32) Certainty { return Certainty(g.links[i].flags & certMask) }

// AttrsOf returns the attributes of link i (nil when it has none). The map is shared with the graph:
// callers must not modify it.
func (g *Graph) AttrsOf(i int32) map[string]string {
	if x := g.links[i].extra; x >= 0 {
		return g.u.extras[x].attrs
	}
	return nil
}

// SourcesOf returns the sources of link i. The slice is shared with the graph: callers must not
// modify it.
func (g *Graph) SourcesOf(i int32) []Source {
	if x := g.links[i].extra; x >= 0 {
		return g.u.extras[x].sources
	}
	return nil
}
