package answer

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// unknownActorKind is the *InputError of an actor kind the graph does not have.
func unknownActorKind(g *graph.Graph, kind string) error {
	hint := ""
	if s := graph.Suggest(kind, slices.Values(g.Kinds().ActorKindNames())); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	return inputf("unknown actor kind %q%s; kinds: %s", kind, hint, strings.Join(g.Kinds().ActorKindNames(), ", "))
}

// Actors is the answer of 'actors': the actors of the view that match a search, by id.
type Actors struct {
	View   View
	Actors []graph.Actor
}

// Actors lists the actors present in the view whose id, name or an alias contains search (compared
// as graph.Normalize does: case and diacritics ignored), of the given kind when kind is not empty.
func (v View) Actors(search, kind string) (*Actors, error) {
	g := v.Graph
	if kind != "" && !g.Kinds().HasActor(kind) {
		return nil, unknownActorKind(g, kind)
	}
	search = graph.Normalize(search)
	var found []graph.Actor
	for _, i := range g.PresentActors() {
		ac := g.Actor(i)
		if kind != "" && ac.Kind != kind {
			continue
		}
		if search != "" && !actorMatches(ac, search) {
			continue
		}
		found = append(found, *ac)
	}
	slices.SortFunc(found, func(x, y graph.Actor) int { return strings.Compare(x.ID, y.ID) })
	return &Actors{View: v, Actors: found}, nil
}

// actorMatches reports whether the normalised search is part of ac's id, name or an alias.
func actorMatches(ac *graph.Actor, search string) bool {
	if strings.Contains(graph.Normalize(ac.ID), search) || strings.Contains(graph.Normalize(ac.Name), search) {
		return true
	}
	for _, al := range ac.Aliases {
		if strings.Contains(graph.Normalize(al), search) {
			return true
		}
	}
	return false
}

// JSON returns the answer's --json shape.
func (a *Actors) JSON() any { return jsonout.ActorList{Actors: jsonout.FromActors(a.Actors)} }

// Text writes the answer for a person.
func (a *Actors) Text(w io.Writer) error { return text.Actors(w, a.Actors) }

// Neighbors is the answer of 'neighbors': an actor's ego network.
type Neighbors struct {
	View   View
	Actor  int32
	Depth  int
	Result query.NeighborhoodResult
}

// Neighbors returns the actors within depth links of the named actor, with the links that reach them.
func (v View) Neighbors(name string, depth int) (*Neighbors, error) {
	if depth < 1 {
		return nil, inputf("the depth must be 1 or more")
	}
	id, err := v.Resolve(name)
	if err != nil {
		return nil, err
	}
	return &Neighbors{View: v, Actor: id, Depth: depth, Result: query.Neighborhood(v.Graph, id, depth)}, nil
}

// JSON returns the answer's --json shape.
func (a *Neighbors) JSON() any { return jsonout.FromNeighborhood(&a.Result) }

// Text writes the answer for a person.
func (a *Neighbors) Text(w io.Writer) error {
	return text.Neighbours(w, a.View.Graph, a.Actor, a.Depth, a.Result, a.View.Filter)
}

// Rank is the answer of 'rank'.
type Rank struct {
	View   View
	Result query.RankResult
}

// Rank scores the view's actors by a measure (query.Rank) and keeps the top ones (all when top ≤ 0),
// of the given actor kind when kind is not empty (the scores still use the whole view).
func (v View) Rank(by string, top int, kind string) (*Rank, error) {
	g := v.Graph
	res, err := query.Rank(g, by, 0)
	if err != nil {
		return nil, &InputError{err}
	}
	if kind != "" {
		if !g.Kinds().HasActor(kind) {
			return nil, unknownActorKind(g, kind)
		}
		keep := []query.Score{}
		for _, s := range res.Actors {
			if i, _ := g.ActorIndex(s.Actor); g.Actor(i).Kind == kind {
				keep = append(keep, s)
			}
		}
		res.Actors = keep
	}
	if top > 0 && len(res.Actors) > top {
		res.Actors = res.Actors[:top]
	}
	return &Rank{View: v, Result: res}, nil
}

// JSON returns the answer's --json shape.
func (a *Rank) JSON() any { return jsonout.FromRank(&a.Result) }

// Text writes the answer for a person.
func (a *Rank) Text(w io.Writer) error {
	return text.Rank(w, a.View.Graph, a.Result, a.Result.By, a.View.Filter)
}

// Chokepoints is the answer of 'chokepoints' without actors: articulation points and bridges.
type Chokepoints struct {
	View   View
	Result query.ChokepointsResult
}

// Chokepoints returns the view's articulation points and bridges.
func (v View) Chokepoints() *Chokepoints {
	return &Chokepoints{View: v, Result: query.Chokepoints(v.Graph)}
}

// JSON returns the answer's --json shape.
func (a *Chokepoints) JSON() any { return jsonout.FromChokepoints(&a.Result) }

// Text writes the answer for a person.
func (a *Chokepoints) Text(w io.Writer) error {
	return text.Chokepoints(w, a.View.Graph, a.Result, a.View.Filter)
}

// Cut is the answer of 'chokepoints A B': a smallest set of actors whose removal separates them.
type Cut struct {
	View     View
	From, To int32
	Result   query.CutResult
	// Message says why there is no answer (an actor without links under the filters), or "".
	Message string
}

// Cut returns a smallest set of actors whose removal disconnects the two named actors, following link
// directions from a to b when directed.
func (v View) Cut(a, b string, directed bool) (*Cut, error) {
	from, to, err := v.ResolvePair(a, b)
	if err != nil {
		return nil, err
	}
	res, err := query.Cut(v.Graph, from, to, directed)
	msg, err := v.Outcome(err)
	if err != nil {
		return nil, err
	}
	return &Cut{View: v, From: from, To: to, Result: res, Message: msg}, nil
}

// JSON returns the answer's --json shape.
func (a *Cut) JSON() any {
	return struct {
		jsonout.Cut
		Message string `json:"message,omitempty"`
	}{jsonout.FromCut(&a.Result), a.Message}
}

// Text writes the answer for a person.
func (a *Cut) Text(w io.Writer) error {
	return text.Cut(w, a.View.Graph, a.From, a.To, a.Result, a.Message, a.View.Filter)
}

// Balance is the answer of 'balance'.
type Balance struct {
	View   View
	Result query.BalanceResult
}

// Balance measures the structural balance of the view, listing up to top unbalanced triangles (all
// when top ≤ 0).
func (v View) Balance(top int) *Balance {
	return &Balance{View: v, Result: query.Balance(v.Graph, top)}
}

// JSON returns the answer's --json shape.
func (a *Balance) JSON() any { return jsonout.FromBalance(&a.Result) }

// Text writes the answer for a person.
func (a *Balance) Text(w io.Writer) error {
	return text.Balance(w, a.View.Graph, a.Result, a.View.Filter)
}
