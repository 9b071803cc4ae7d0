package graph

import (
	"errors"
	"fmt"
	"slices"
)

// Filter selects a snapshot of a graph. The zero Filter selects everything.
//
// Time: At keeps the graph as it stood on a date — lasting links whose [start, end] span overlaps the
// date (a partial date covers its whole year or month) and events that happened on or before it.
// Since and Until keep lasting links whose span overlaps the window [Since, Until] and events inside it.
// Undated links are kept by every time filter; a link with only an end is taken to have been in force
// since the beginning, one with only a start to be still in force.
//
// Kinds: Kinds keeps only links of the listed kinds, ExcludeKinds drops the listed kinds.
//
// Level: after the other filters, Level rolls the graph up to an actor kind (see Graph.LevelOf): every
// actor counts as its nearest ancestor of that kind, or as itself when it has none, the way Sphere
// counts an actor's people, ministries, firms, units and capital as the actor — through stands_for,
// and through in for people, companies, organisations and military units, not for places and regions
// that merely lie in another — so that a question about countries can be asked of data that records
// people, ministries and firms. Each link keeps its id, kind, dates, roles and sources and joins the actors its ends
// count as (Link.Recorded keeps the recorded ends); parallel links stay apart; a link whose two ends
// count as the same actor (a minister's post in his own country, a company's located_in link) is
// dropped. Actors that count as another are not present.
//
// Actors: with no filter every actor is present. A time filter leaves out actors whose own start/end
// lie outside the window unless a kept link touches them or names them in a role; a kind filter also
// leaves out actors that no kept link touches or names.
type Filter struct {
	At           Date
	Since, Until Date
	Kinds        []string
	ExcludeKinds []string
	Level        string
}

// IsZero reports whether f selects everything.
func (f Filter) IsZero() bool {
	return f.At == 0 && f.Since == 0 && f.Until == 0 && len(f.Kinds) == 0 && len(f.ExcludeKinds) == 0 && f.Level == ""
}

// ErrFilter is wrapped by errors about a Filter's settings.
var ErrFilter = errors.New("bad filter")

// ErrAbsent is wrapped by the errors of questions about an actor that has no links in a graph: one
// left out by a Filter, or without links at all.
var ErrAbsent = errors.New("not in the graph under the current filter")

// Filter returns the snapshot of g that f selects. g is not modified; the result shares g's actors and
// out-of-line link data. It fails when f names an unknown kind or combines At with Since/Until.
// O(actors + links).
func (g *Graph) Filter(f Filter) (*Graph, error) {
	if f.IsZero() {
		return g, nil
	}
	if f.Level != "" {
		rest := f
		rest.Level = ""
		v, err := g.Filter(rest)
		if err != nil {
			return nil, err
		}
		return v.rollUp(f.Level)
	}
	if f.At != 0 && (f.Since != 0 || f.Until != 0) {
		return nil, fmt.Errorf("%w: use --at or --since/--until, not both", ErrFilter)
	}
	if f.Since != 0 && f.Until != 0 && f.Until.Hi() < f.Since.Lo() {
		return nil, fmt.Errorf("%w: --until %s is before --since %s", ErrFilter, f.Until, f.Since)
	}
	kinds := g.u.kinds
	var keepKind []bool
	if len(f.Kinds) > 0 || len(f.ExcludeKinds) > 0 {
		keepKind = make([]bool, len(kinds.links))
		for i := range keepKind {
			keepKind[i] = len(f.Kinds) == 0
		}
		set := func(names []string, v bool) error {
			for _, n := range names {
				i, ok := kinds.linkIdx[n]
				if !ok {
					hint := ""
					if s := Suggest(n, slices.Values(kinds.LinkKindNames())); s != "" {
						hint = fmt.Sprintf(" (did you mean %q?)", s)
					}
					return fmt.Errorf("%w: unknown link kind %q%s", ErrFilter, n, hint)
				}
				keepKind[i] = v
			}
			return nil
		}
		if err := set(f.Kinds, true); err != nil {
			return nil, err
		}
		if err := set(f.ExcludeKinds, false); err != nil {
			return nil, err
		}
	}
	w, onlyBefore := Window{From: f.Since, To: f.Until}, false
	if f.At != 0 {
		w, onlyBefore = At(f.At), true
	}
	timed := !w.IsZero()

	links := make([]linkRec, 0, len(g.links))
	var kept []int32 // the links kept, when g is rolled up and their recorded ends must follow
	for i := range g.links {
		r := &g.links[i]
		if keepKind != nil && !keepKind[r.kind] {
			continue
		}
		if timed {
			if r.flags&flagEvent != 0 {
				if !w.admitsEvent(r.start, onlyBefore) {
					continue
				}
			} else if !w.admitsSpan(r.start, r.end) {
				continue
			}
		}
		links = append(links, *r)
		if g.up != nil {
			kept = append(kept, int32(i))
		}
	}
	links = slices.Clip(links)

	present := make([]bool, len(g.u.actors))
	for i := range g.u.actors {
		if !g.Present(int32(i)) || keepKind != nil {
			continue
		}
		a := &g.u.actors[i]
		present[i] = !timed || w.admitsSpan(a.Start, a.End)
	}
	for i := range links {
		r := &links[i]
		present[r.from] = true
		present[r.to] = true
		if r.extra >= 0 {
			for _, ro := range g.u.extras[r.extra].roles {
				if a, ok := g.roleActor(&ro); ok {
					present[a] = true
				}
			}
		}
	}
	out := newGraph(g.u, links, present)
	if g.up != nil {
		// Filtering a rolled-up graph keeps it rolled up, with the recorded ends of the links kept.
		rec := make([]ends32, len(kept))
		for j, i := range kept {
			rec[j] = g.up.recorded[i]
		}
		out.up = &rollup{level: g.up.level, rep: g.up.rep, recorded: rec}
	}
	return out, nil
}
