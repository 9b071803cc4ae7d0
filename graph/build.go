package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Build checks what was added, derives the links implied by actors (located_in from `in`, transport
// segments from routes) and returns the graph. When anything is wrong it returns every problem found as
// Problems and no graph. Build may be called once.
func (b *Builder) Build() (*Graph, error) {
	if b.built {
		return nil, fmt.Errorf("graph: Build called twice")
	}
	b.built = true
	b.resolvePending()
	b.checkActors()
	b.checkLinkSources()
	b.checkRoleActors()
	b.deriveLinks()
	b.checkDuplicateIDs()
	if len(b.problems) > 0 {
		slices.SortStableFunc(b.problems, func(x, y *Problem) int {
			return cmp.Or(cmp.Compare(sectionOrder(x.Section), sectionOrder(y.Section)), cmp.Compare(x.Index, y.Index))
		})
		return nil, b.problems
	}
	b.renumber()
	g := newGraph(b.u, b.links, nil)
	b.links, b.pending = nil, nil
	return g, nil
}

// renumber puts the actors in id order, so that a graph's actor numbers, and with them every
// tie-break of the algorithms (smaller number first), do not depend on the order of the input: the same
// dataset gives the same answers whether it comes from YAML files, CSV or a snapshot. O(N log N + L).
func (b *Builder) renumber() {
	n := len(b.u.actors)
	order := b.idOrder() // order[new] = old
	if slices.IsSorted(order) {
		return
	}
	newOf := make([]int32, n)
	actors := make([]Actor, n)
	for nw, old := range order {
		newOf[old] = int32(nw)
		actors[nw] = b.u.actors[old]
		b.u.byID[actors[nw].ID] = int32(nw)
	}
	b.u.actors = actors
	for i := range b.links {
		r := &b.links[i]
		r.from, r.to = newOf[r.from], newOf[r.to]
	}
}

// idOrder returns the actors' numbers sorted by their ids, computed once: both the duplicate check and
// renumber use it.
func (b *Builder) idOrder() []int32 {
	if len(b.order) == len(b.u.actors) {
		return b.order
	}
	order := make([]int32, len(b.u.actors))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.u.actors[x].ID, b.u.actors[y].ID) })
	b.order = order
	return order
}

func sectionOrder(s string) int {
	switch s {
	case "sources":
		return 0
	case "actors":
		return 1
	}
	return 2
}

func (b *Builder) resolvePending() {
	if len(b.pending) == 0 {
		return
	}
	positions := slices.Sorted(func(yield func(int32) bool) {
		for p := range b.pending {
			if !yield(p) {
				return
			}
		}
	})
	for _, pos := range positions {
		p := b.pending[pos]
		r := &b.links[pos]
		// An unknown end stays -1, so that no later check mistakes it for actor 0.
		from, ok1 := b.u.byID[p.from]
		to, ok2 := b.u.byID[p.to]
		r.from, r.to = -1, -1
		if ok1 && ok2 {
			r.from, r.to = from, to
		}
		if !ok1 {
			b.problem("links", p.index, "from", "unknown actor %q%s", p.from, b.hint(p.from, b.actorIDs))
		}
		if !ok2 {
			b.problem("links", p.index, "to", "unknown actor %q%s", p.to, b.hint(p.to, b.actorIDs))
		}
		if ok1 && ok2 && r.from == r.to {
			b.problem("links", p.index, "to", "link from %q to itself", p.from)
		}
	}
}

func (b *Builder) checkSourceDocs(section string, idx int, srcs []Source) {
	for j, s := range srcs {
		if _, ok := b.u.docIdx[s.Doc]; !ok {
			b.problem(section, idx, fmt.Sprintf("sources[%d].doc", j), "unknown document %q%s", s.Doc, b.hint(s.Doc, b.docIDs))
		}
	}
}

func (b *Builder) checkLinkSources() {
	for pos := range b.links {
		if x := b.links[pos].extra; x >= 0 {
			b.checkSourceDocs("links", int(b.linkIndex[pos]), b.u.extras[x].sources)
		}
	}
}

// checkRoleActors checks that every actor a link's roles name exists.
func (b *Builder) checkRoleActors() {
	for pos := range b.links {
		x := b.links[pos].extra
		if x < 0 {
			continue
		}
		for _, ro := range b.u.extras[x].roles {
			if _, ok := b.u.byID[ro.Actor]; !ok {
				b.problem("links", int(b.linkIndex[pos]), "roles."+ro.Name, "unknown actor %q%s", ro.Actor, b.hint(ro.Actor, b.actorIDs))
			}
		}
	}
}

func (b *Builder) checkActors() {
	b.checkCycles("in", "is in", func(a *Actor) string { return a.In })
	b.checkCycles("stands_for", "stands for", func(a *Actor) string { return a.StandsFor })
	for i := range b.u.actors {
		a := &b.u.actors[i]
		idx := int(b.actorIndex[i])
		b.checkSourceDocs("actors", idx, a.Sources)
		for _, ref := range []struct{ field, id string }{{"in", a.In}, {"stands_for", a.StandsFor}} {
			if ref.id == "" {
				continue
			}
			switch _, ok := b.u.byID[ref.id]; {
			case !ok:
				b.problem("actors", idx, ref.field, "unknown actor %q%s", ref.id, b.hint(ref.id, b.actorIDs))
			case ref.id == a.ID:
				b.problem("actors", idx, ref.field, "actor %q refers to itself", a.ID)
			}
		}
		if len(a.Route) == 0 {
			if a.RouteKind != "" {
				b.problem("actors", idx, "route_kind", "route_kind without a route")
			}
			continue
		}
		lk, ok := b.u.kinds.Link(a.RouteKind)
		switch {
		case a.RouteKind == "":
			b.problem("actors", idx, "route", "a route needs a route_kind (pipeline, railway, road or bridge)")
		case !ok:
			b.problem("actors", idx, "route_kind", "unknown link kind %q%s", a.RouteKind, b.hint(a.RouteKind, transportKinds(b.u.kinds)))
		case !lk.Transport:
			b.problem("actors", idx, "route_kind", "link kind %q is not a transport kind (pipeline, railway, road, bridge)", a.RouteKind)
		}
		if len(a.Route) < 2 {
			b.problem("actors", idx, "route", "a route needs at least two places")
		}
		for j, p := range a.Route {
			if _, ok := b.u.byID[p]; !ok {
				b.problem("actors", idx, fmt.Sprintf("route[%d]", j), "route through unknown place %q%s", p, b.hint(p, b.actorIDs))
			} else if j > 0 && a.Route[j-1] == p {
				b.problem("actors", idx, fmt.Sprintf("route[%d]", j), "route repeats %q", p)
			}
		}
	}
}

// maxCycleNames bounds the actors a cycle's problem names.
const maxCycleNames = 10

// checkCycles reports every cycle of the references that ref reads from each actor (its `in`, or its
// `stands_for`): actors that, following the field from one to the next, come back to themselves. Each
// cycle is reported once, at the actor of the cycle added first, as `actor "x" <verb> itself through
// "y", "z"` (naming at most maxCycleNames others). A reference of an actor to itself is reported elsewhere. Every actor has at most one such
// reference, so one walk along each chain, marking the actors it passes, finds them all: O(N).
func (b *Builder) checkCycles(field, verb string, ref func(a *Actor) string) {
	n := len(b.u.actors)
	next := make([]int32, n) // the actor a reference leads to, or -1
	for i := range b.u.actors {
		next[i] = -1
		if id := ref(&b.u.actors[i]); id != "" {
			if j, ok := b.u.byID[id]; ok && int(j) != i {
				next[i] = j
			}
		}
	}
	walk := make([]int32, n) // the walk that first reached each actor; 0 for none yet
	for start := range int32(n) {
		if walk[start] != 0 {
			continue
		}
		w := start + 1
		j := start
		for j >= 0 && walk[j] == 0 {
			walk[j] = w
			j = next[j]
		}
		if j < 0 || walk[j] != w {
			continue // the chain ends, or joins one walked before
		}
		// j lies on a cycle that this walk closed: list it from its actor added first.
		cycle := []int32{j}
		for k := next[j]; k != j; k = next[k] {
			cycle = append(cycle, k)
		}
		first := 0
		for c := range cycle {
			if b.actorIndex[cycle[c]] < b.actorIndex[cycle[first]] {
				first = c
			}
		}
		var through []string
		for c := 1; c < len(cycle) && c <= maxCycleNames; c++ {
			through = append(through, strconv.Quote(b.u.actors[cycle[(first+c)%len(cycle)]].ID))
		}
		more := ""
		if n := len(cycle) - 1 - len(through); n > 0 {
			more = fmt.Sprintf(" and %d more", n)
		}
		a := cycle[first]
		b.problem("actors", int(b.actorIndex[a]), field, "actor %q %s itself through %s%s", b.u.actors[a].ID, verb, strings.Join(through, ", "), more)
	}
}

func transportKinds(k *Kinds) func(func(string) bool) {
	return func(yield func(string) bool) {
		for _, lk := range k.links {
			if lk.Transport && !yield(lk.ID) {
				return
			}
		}
	}
}

// deriveLinks adds located_in links for actors with `in` and transport segments for routes. It runs only
// on input without problems so far in the referenced fields; broken references are skipped.
func (b *Builder) deriveLinks() {
	locIdx := b.u.kinds.linkIdx[KindLocatedIn]
	for i := range b.u.actors {
		a := &b.u.actors[i]
		if a.In != "" {
			if to, ok := b.u.byID[a.In]; ok && to != int32(i) {
				// The id leaves out the dates: an actor lies in one place, whenever it existed.
				b.appendDerived(linkRec{from: int32(i), to: to, kind: locIdx, weight: 1, sign: b.u.kinds.links[locIdx].Sign, start: a.Start, end: a.End},
					linkExtra{id: DeriveLinkID(KindLocatedIn, a.ID, a.In, true, 0), attrs: map[string]string{"derived": "in"}, sources: a.Sources}, i)
			}
		}
		ki, ok := b.u.kinds.linkIdx[a.RouteKind]
		if len(a.Route) < 2 || !ok || !b.u.kinds.links[ki].Transport {
			continue
		}
		seen := map[string]bool{}
		for j := 1; j < len(a.Route); j++ {
			from, ok1 := b.u.byID[a.Route[j-1]]
			to, ok2 := b.u.byID[a.Route[j]]
			if !ok1 || !ok2 || from == to {
				continue
			}
			lk := &b.u.kinds.links[ki]
			id := DeriveLinkID(lk.ID, a.Route[j-1], a.Route[j], lk.Directed, 0) + "@" + a.ID
			if seen[id] {
				b.problem("actors", int(b.actorIndex[i]), fmt.Sprintf("route[%d]", j), "route passes %s–%s twice", a.Route[j-1], a.Route[j])
				continue
			}
			seen[id] = true
			b.appendDerived(linkRec{from: from, to: to, kind: ki, weight: 1, sign: lk.Sign,
				start: a.Start, end: a.End, flags: uint8(a.Certainty) & certMask},
				linkExtra{id: id, attrs: map[string]string{"via": a.ID}, sources: a.Sources}, i)
		}
	}
}

func (b *Builder) appendDerived(r linkRec, x linkExtra, actor int) {
	r.flags |= flagDerived
	r.extra = int32(len(b.u.extras))
	b.u.extras = append(b.u.extras, x)
	b.links = append(b.links, r)
	// Problems about a derived link point at the actor it came from.
	b.linkIndex = append(b.linkIndex, -1-b.actorIndex[actor])
}

// checkDuplicateIDs finds links that share an id: explicit ids through a map, derived ids by sorting the
// records on the fields the id is made of (cheaper than building a million strings).
func (b *Builder) checkDuplicateIDs() {
	explicit := map[string]int{}
	// rank orders actors by id, so that sorting on ranks groups links exactly as their derived ids do.
	order := b.idOrder()
	rank := make([]int32, len(order))
	for r, a := range order {
		rank[a] = int32(r)
	}
	// Group the links by the first end of their id with a counting sort, carrying each link's other
	// id fields along, then sort each group, which is small, on (kind, second end, date): O(L + Σ g log
	// g) rather than one sort of L multi-field keys, and no random reads of link records.
	n := len(b.u.actors)
	off := make([]int32, n+2)
	derived := 0
	for pos := range b.links {
		r := &b.links[pos]
		if r.from < 0 || r.to < 0 {
			continue
		}
		if r.extra >= 0 && b.u.extras[r.extra].id != "" {
			id := b.u.extras[r.extra].id
			if prev, dup := explicit[id]; dup {
				b.linkProblem(pos, "id", "duplicate link id %q", id)
				b.problems[len(b.problems)-1].Other = b.ref(prev)
			} else {
				explicit[id] = pos
			}
			continue
		}
		f := r.from
		if !b.u.kinds.links[r.kind].Directed && rank[r.to] < rank[f] {
			f = r.to
		}
		off[f+2]++
		derived++
	}
	if derived < 2 {
		return
	}
	for i := 2; i <= n+1; i++ {
		off[i] += off[i-1]
	}
	// off[f+1] is now where group f starts; it advances as the group fills, ending where it ends.
	keys := make([]idKey, derived)
	for pos := range b.links {
		r := &b.links[pos]
		if r.from < 0 || r.to < 0 || (r.extra >= 0 && b.u.extras[r.extra].id != "") {
			continue
		}
		f, t := r.from, r.to
		if !b.u.kinds.links[r.kind].Directed && rank[t] < rank[f] {
			f, t = t, f
		}
		keys[off[f+1]] = idKey{uint64(r.kind)<<32 | uint64(uint32(t)), r.start, int32(pos)}
		off[f+1]++
	}
	// Sort the groups in two halves at once; each half reports the duplicates it finds.
	mid := n / 2
	for mid < n && int(off[mid]) < derived/2 {
		mid++
	}
	var dups [2][][2]int32
	var wg sync.WaitGroup
	for h, r := range [2][2]int{{0, mid}, {mid, n}} {
		wg.Go(func() { dups[h] = duplicateKeys(keys, off[r[0]:r[1]+1]) })
	}
	wg.Wait()
	for _, half := range dups {
		for _, d := range half {
			b.linkProblem(int(d[1]), "", "duplicate link id %q: give one of the two links an explicit id", b.linkIDOf(int(d[1])))
			b.problems[len(b.problems)-1].Other = b.ref(int(d[0]))
		}
	}
}

// idKey holds the fields of a link's derived id, except its first end, and the link's position.
type idKey struct {
	kindEnd uint64 // kind<<32 | second end
	date    Date
	pos     int32
}

// duplicateKeys sorts each group keys[bounds[i]:bounds[i+1]] and returns the pairs (first, other) of
// link positions whose keys are equal.
func duplicateKeys(keys []idKey, bounds []int32) [][2]int32 {
	var dups [][2]int32
	for i := 0; i+1 < len(bounds); i++ {
		group := keys[bounds[i]:bounds[i+1]]
		if len(group) < 2 {
			continue
		}
		slices.SortFunc(group, func(x, y idKey) int {
			return cmp.Or(cmp.Compare(x.kindEnd, y.kindEnd), cmp.Compare(x.date, y.date), cmp.Compare(x.pos, y.pos))
		})
		for j := 1; j < len(group); j++ {
			if x, y := group[j-1], group[j]; x.kindEnd == y.kindEnd && x.date == y.date {
				dups = append(dups, [2]int32{x.pos, y.pos})
			}
		}
	}
	return dups
}

func (b *Builder) linkIDOf(pos int) string {
	r := &b.links[pos]
	lk := &b.u.kinds.links[r.kind]
	return DeriveLinkID(lk.ID, b.u.actors[r.from].ID, b.u.actors[r.to].ID, lk.Directed, r.start)
}

// ref names the input item behind stored link pos: the link, or the actor it was derived from.
func (b *Builder) ref(pos int) *Ref {
	if idx := b.linkIndex[pos]; idx >= 0 {
		return &Ref{Section: "links", Index: int(idx)}
	}
	return &Ref{Section: "actors", Index: int(-1 - b.linkIndex[pos])}
}

func (b *Builder) linkProblem(pos int, field, format string, args ...any) {
	if idx := b.linkIndex[pos]; idx >= 0 {
		b.problem("links", int(idx), field, format, args...)
		return
	}
	b.problem("actors", int(-1-b.linkIndex[pos]), "", format, args...)
}
