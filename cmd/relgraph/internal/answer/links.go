package answer

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// sortChrono orders links oldest first (by the first day of their On or Start date), undated links
// last, then by kind and id.
func sortChrono(g *graph.Graph, ids []int32) {
	slices.SortFunc(ids, func(x, y int32) int {
		dx, dy := g.WhenOf(x).Lo(), g.WhenOf(y).Lo()
		if (dx == 0) != (dy == 0) {
			if dx == 0 {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(dx, dy), strings.Compare(g.KindOf(x).ID, g.KindOf(y).ID), strings.Compare(g.LinkID(x), g.LinkID(y)))
	})
}

// materialise returns the links ids in full, in order.
func materialise(g *graph.Graph, ids []int32) []graph.Link {
	out := make([]graph.Link, len(ids))
	for i, id := range ids {
		out[i] = g.Link(id)
	}
	return out
}

// Links is the answer of 'links': the links of the view, of one actor or between two, oldest first.
type Links struct {
	View  View
	Links []graph.Link
	// Note says which named places stood for which actors, or "".
	Note string
}

// Links lists the view's links: all of them with no names, those one actor took part in with one
// (as an end or in a role), those that join two actors with two (see graph.LinksInvolving). Unless
// literal, an actor's capital, people, firms and units count as the actor.
func (v View) Links(names []string, literal bool) (*Links, error) {
	g := v.Graph
	if len(names) > 2 {
		return nil, inputf("links takes at most two actors")
	}
	var ids []int32
	var note string
	if len(names) == 0 {
		ids = make([]int32, g.NumLinks())
		for i := range ids {
			ids[i] = int32(i)
		}
	} else {
		sides, err := v.sides(names, literal)
		if err != nil {
			return nil, err
		}
		note = v.StandsNote(sides...)
		if len(sides) == 1 {
			ids = g.LinksInvolving(sides[0].Set, nil)
		} else {
			ids = g.LinksInvolving(sides[0].Set, sides[1].Set)
		}
	}
	sortChrono(g, ids)
	return &Links{View: v, Links: materialise(g, ids), Note: note}, nil
}

// JSON returns the answer's --json shape.
func (a *Links) JSON() any { return jsonout.LinkList{Links: jsonout.FromLinks(a.Links)} }

// Text writes the answer for a person.
func (a *Links) Text(w io.Writer) error {
	return text.Links(w, a.View.Graph, a.Links, a.Note, a.View.Filter)
}

// Timeline is the answer of 'timeline': the dated links of an actor or a relationship.
type Timeline struct {
	View View
	// Names are the display names of the actors asked about (what they stand for).
	Names []string
	Links []graph.Link
	Note  string
}

// Timeline returns the links of one actor, or between two, oldest first (see Links for who counts).
func (v View) Timeline(names []string, literal bool) (*Timeline, error) {
	g := v.Graph
	if len(names) < 1 || len(names) > 2 {
		return nil, inputf("timeline takes one or two actors")
	}
	sides, err := v.sides(names, literal)
	if err != nil {
		return nil, err
	}
	var ids []int32
	if len(sides) == 1 {
		ids = g.LinksInvolving(sides[0].Set, nil)
	} else {
		if sides[0].Root == sides[1].Root {
			return nil, inputf("timeline needs two different actors (%s and %s are the same)", names[0], names[1])
		}
		ids = g.LinksInvolving(sides[0].Set, sides[1].Set)
	}
	sortChrono(g, ids)
	out := &Timeline{View: v, Links: materialise(g, ids), Note: v.StandsNote(sides...)}
	for _, s := range sides {
		out.Names = append(out.Names, g.Actor(s.Root).Name)
	}
	return out, nil
}

// JSON returns the answer's --json shape.
func (a *Timeline) JSON() any { return jsonout.Timeline{Events: jsonout.FromLinks(a.Links)} }

// Text writes the answer for a person.
func (a *Timeline) Text(w io.Writer) error {
	return text.TimelineAnswer(w, a.View.Graph, a.Names, a.Links, a.Note, a.View.Filter)
}

// Card is the answer of 'show': an actor with the links it took part in.
type Card struct {
	View  View
	Actor int32
	Links []graph.Link
}

// Show returns the card of the named actor: its fields and every link it is an end of or has a role
// in, oldest first.
func (v View) Show(name string) (*Card, error) {
	id, err := v.Resolve(name)
	if err != nil {
		return nil, err
	}
	ids := v.Graph.LinksInvolving([]int32{id}, nil)
	sortChrono(v.Graph, ids)
	return &Card{View: v, Actor: id, Links: materialise(v.Graph, ids)}, nil
}

// JSON returns the answer's --json shape.
func (a *Card) JSON() any { return jsonout.NewCard(a.View.Graph.Actor(a.Actor), a.Links) }

// Text writes the answer for a person.
func (a *Card) Text(w io.Writer) error {
	return text.Card(w, a.View.Graph, a.Actor, a.Links, a.View.Filter)
}
