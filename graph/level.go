package graph

import (
	"fmt"
	"slices"
	"strings"
)

// rollup is what a graph rolled up to a level (Filter.Level) keeps beside its links.
type rollup struct {
	level string
	// rep[a] is the actor that actor a rolls up to: a itself, or its nearest ancestor of the level.
	rep []int32
	// recorded holds, for each link, its ends as the data records them (the ends of the universe's
	// link), which its id is derived from.
	recorded []ends32
}

// ends32 are two actor numbers.
type ends32 struct{ from, to int32 }

// Level returns the actor kind g is rolled up to (Filter.Level), or "" when g is at the recorded
// level.
func (g *Graph) Level() string {
	if g.up == nil {
		return ""
	}
	return g.up.level
}

// LevelOf returns the actor that actor a counts as in g: in a graph rolled up to a level, its nearest
// ancestor of that kind through stands_for and, for people, companies, organisations and military
// units, in (or a itself when it has none); otherwise a. O(1).
func (g *Graph) LevelOf(a int32) int32 {
	if g.up == nil {
		return a
	}
	return g.up.rep[a]
}

// RecordedEnds returns the actor numbers at the ends of link i as the data records them: its Ends,
// unless g is rolled up to a level and moved them.
func (g *Graph) RecordedEnds(i int32) (from, to int32) { return g.idEnds(int(i)) }

// idEnds returns the ends link i's derived id is made of: the recorded ones.
func (g *Graph) idEnds(i int) (from, to int32) {
	if g.up != nil {
		e := g.up.recorded[i]
		return e.from, e.to
	}
	return g.links[i].from, g.links[i].to
}

// roleActor returns the number of the actor a role names, as it counts in g (LevelOf), and whether
// the graph has it.
func (g *Graph) roleActor(ro *Role) (int32, bool) {
	a, ok := g.u.byID[ro.Actor]
	if !ok {
		return -1, false
	}
	return g.LevelOf(a), true
}

// parentOf returns the actor that actor a rolls up into, as Sphere counts it: the one it stands for
// (a capital's country), else, for a person, company, organisation or military unit, the one it is
// in; else -1. A place or a region that merely lies in another does not roll up: a breakaway region
// is not its country, and a pipeline's town is not its owner.
func (u *universe) parentOf(a int32) int32 {
	ac := &u.actors[a]
	if p, ok := u.byID[ac.StandsFor]; ok && p != a {
		return p
	}
	if p, ok := u.byID[ac.In]; ok && p != a && agentKinds[ac.Kind] {
		return p
	}
	return -1
}

// rollUp returns g rolled up to the actor kind level, as Filter describes for Filter.Level: every
// actor counts as its nearest ancestor of that kind along the chain of parentOf (an actor of the kind
// counts as itself, one with no such ancestor stays itself). O(actors·depth + links).
func (g *Graph) rollUp(level string) (*Graph, error) {
	u := g.u
	if !u.kinds.HasActor(level) {
		hint := ""
		if s := Suggest(level, slices.Values(u.kinds.ActorKindNames())); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		return nil, fmt.Errorf("%w: unknown actor kind %q for the level%s; the kinds are %s", ErrFilter, level, hint, strings.Join(u.kinds.ActorKindNames(), ", "))
	}
	if g.up != nil {
		return nil, fmt.Errorf("%w: the graph is already rolled up to %s", ErrFilter, g.up.level)
	}
	n := len(u.actors)
	rep := make([]int32, n)
	for a := range int32(n) {
		rep[a] = a
		// Walk up to the first ancestor of the level. A Builder refused cycles of `in` and of
		// `stands_for`; the step bound guards against a cycle that mixes the two.
		for x, steps := a, 0; x >= 0 && steps <= n; x, steps = u.parentOf(x), steps+1 {
			if u.actors[x].Kind == level {
				rep[a] = x
				break
			}
		}
	}
	links := make([]linkRec, 0, len(g.links))
	recorded := make([]ends32, 0, len(g.links))
	for i := range g.links {
		r := g.links[i]
		f, t := rep[r.from], rep[r.to]
		if f == t {
			continue // both ends count as one actor: nothing between actors of the level
		}
		recorded = append(recorded, ends32{r.from, r.to})
		r.from, r.to = f, t
		links = append(links, r)
	}
	present := make([]bool, n)
	for a := range n {
		if g.Present(int32(a)) {
			present[rep[a]] = true
		}
	}
	for i := range links {
		present[links[i].from], present[links[i].to] = true, true
	}
	out := newGraph(u, slices.Clip(links), present)
	out.up = &rollup{level: level, rep: rep, recorded: slices.Clip(recorded)}
	return out, nil
}
