package answer

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/jsonout"
)

// Whole is the view as a whole, for a page to draw: its actors and links, cut down to the best
// connected actors when it holds more links than asked for.
type Whole struct {
	View   View
	Actors []int32
	Links  []int32
	// Truncated says that the view was cut down; Message says how.
	Truncated bool
	Message   string
}

// Whole returns the view's present actors and its links, or, when it holds more than maxLinks links,
// the actors taken in the order of their number of links, each kept when the links it adds to those
// kept stay within maxLinks (and those links), saying so. maxLinks ≤ 0 means no limit. O(actors log actors + links).
func (v View) Whole(maxLinks int) *Whole {
	g := v.Graph
	w := &Whole{View: v}
	if maxLinks <= 0 || g.NumLinks() <= maxLinks {
		for _, a := range g.PresentActors() {
			if g.Degree(a) > 0 {
				w.Actors = append(w.Actors, a)
			}
		}
		w.Links = make([]int32, g.NumLinks())
		for i := range w.Links {
			w.Links[i] = int32(i)
		}
		return w
	}
	actors := g.PresentActors()
	slices.SortStableFunc(actors, func(x, y int32) int { return cmp.Compare(g.Degree(y), g.Degree(x)) })
	kept := make([]bool, g.NumActors())
	n := 0
	for _, a := range actors {
		// The links a brings in: those to actors already kept.
		add := 0
		for _, l := range g.LinksOf(a) {
			if o := g.Other(l, a); kept[o] && o != a {
				add++
			}
		}
		if n+add > maxLinks {
			continue // a smaller actor may still fit
		}
		kept[a], n = true, n+add
		w.Actors = append(w.Actors, a)
	}
	for l := range int32(g.NumLinks()) {
		if f, t := g.Ends(l); kept[f] && kept[t] {
			w.Links = append(w.Links, l)
		}
	}
	slices.Sort(w.Actors)
	w.Truncated = true
	w.Message = fmt.Sprintf("the view holds %d links, more than the %d drawn: showing the %d best connected actors and the %d links among them; narrow it with a date, kinds or an actor",
		g.NumLinks(), maxLinks, len(w.Actors), len(w.Links))
	return w
}

// JSON returns the answer's JSON shape.
func (w *Whole) JSON() any {
	g := w.View.Graph
	out := struct {
		Actors    []jsonout.Actor `json:"actors"`
		Links     []jsonout.Link  `json:"links"`
		Truncated bool            `json:"truncated"`
		Message   string          `json:"message"`
	}{Actors: make([]jsonout.Actor, len(w.Actors)), Links: make([]jsonout.Link, len(w.Links)), Truncated: w.Truncated, Message: w.Message}
	for i, a := range w.Actors {
		out.Actors[i] = jsonout.FromActor(g.Actor(a))
	}
	for i, l := range w.Links {
		link := g.Link(l)
		out.Links[i] = jsonout.FromLink(&link)
	}
	return out
}

// Meta describes a dataset for a page: its size, the years its links span and its kinds with the
// colours and shapes of the diagrams.
func Meta(g *graph.Graph, datasets []string, corpus bool) any {
	type linkKind struct {
		jsonout.LinkKind
		Color string `json:"color"`
	}
	type actorKind struct {
		jsonout.ActorKind
		Color string `json:"color"`
		Fill  string `json:"fill"`
		Shape string `json:"shape"`
	}
	out := struct {
		Datasets   []string           `json:"datasets"`
		Actors     int                `json:"actors"`
		Links      int                `json:"links"`
		FirstYear  int                `json:"first_year"`
		LastYear   int                `json:"last_year"`
		Corpus     bool               `json:"corpus"`
		LinkKinds  []linkKind         `json:"link_kinds"`
		ActorKinds []actorKind        `json:"actor_kinds"`
		Roles      []jsonout.RoleKind `json:"roles"`
	}{Datasets: datasets, Actors: g.NumActors(), Links: g.NumLinks(), Corpus: corpus}
	if out.Datasets == nil {
		out.Datasets = []string{}
	}
	// The years a time slider spans: from the first date to the last start or event, and to the
	// last end that is not in the future (a lease running to 2044 does not stretch it).
	now := time.Now().Year()
	for l := range int32(g.NumLinks()) {
		start, end, on := g.SpanOf(l)
		for _, d := range []graph.Date{start, on, end} {
			if d == 0 {
				continue
			}
			y := d.Year()
			if d == end && y > now {
				continue
			}
			if out.FirstYear == 0 || y < out.FirstYear {
				out.FirstYear = y
			}
			out.LastYear = max(out.LastYear, y)
		}
	}
	used := map[string]bool{}
	for l := range int32(g.NumLinks()) {
		used[g.KindOf(l).ID] = true
	}
	for _, lk := range g.Kinds().LinkKinds() {
		if used[lk.ID] {
			out.LinkKinds = append(out.LinkKinds, linkKind{jsonout.FromLinkKind(lk), render.LinkColor(&lk)})
		}
	}
	present := map[string]bool{}
	for i := range int32(g.NumActors()) {
		present[g.Actor(i).Kind] = true
	}
	for _, ak := range g.Kinds().ActorKinds() {
		if present[ak.ID] {
			st := render.StyleOfActorKind(ak.ID)
			out.ActorKinds = append(out.ActorKinds, actorKind{jsonout.FromActorKind(ak), st.Line, st.Fill, st.Shape})
		}
	}
	for _, rk := range g.Kinds().RoleKinds() {
		out.Roles = append(out.Roles, jsonout.FromRoleKind(rk))
	}
	return out
}
