package answer

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// DateSide returns one side of a diff given as @DATE: the graph full as it stood on DATE, with the
// kind filters and level of f (its dates do not apply: the argument sets its own). label names the
// dataset ("caucasus").
func DateSide(full *graph.Graph, arg, label string, f graph.Filter) (text.DiffSide, error) {
	rest, ok := strings.CutPrefix(arg, "@")
	d, err := graph.ParseDate(rest)
	if !ok || err != nil || d == 0 {
		return text.DiffSide{}, inputf("%s: want @DATE with DATE as YYYY, YYYY-MM or YYYY-MM-DD", arg)
	}
	g, err := full.Filter(graph.Filter{At: d, Kinds: f.Kinds, ExcludeKinds: f.ExcludeKinds, Level: f.Level})
	if err != nil {
		return text.DiffSide{}, &InputError{err}
	}
	desc := label + " at " + d.String()
	if f.Level != "" {
		desc += ", at " + f.Level + " level"
	}
	return text.DiffSide{Arg: arg, Desc: desc, Graph: g}, nil
}

// Diff is the answer of 'diff': what changed from one graph to another.
type Diff struct {
	Old, New text.DiffSide
	Changes  graph.Changes
	// View holds the ids of the actors a focus kept (nil: every actor); Focus describes it, or "".
	View  map[string]bool
	Focus string
}

// NewDiff compares old and new. With a focus actor it keeps only the changes to the actors within
// depth links of it in either graph, and to the links between them. filter describes the filters,
// for the message of a focus found in neither graph.
func NewDiff(old, new text.DiffSide, focus string, depth int, filter string) (*Diff, error) {
	d := &Diff{Old: old, New: new, Changes: graph.Diff(old.Graph, new.Graph)}
	if focus == "" {
		return d, nil
	}
	if depth < 0 {
		return nil, inputf("the depth must be 0 or more")
	}
	view := map[string]bool{}
	var firstErr error
	display := ""
	for _, g := range []*graph.Graph{new.Graph, old.Graph} {
		id, err := (View{Graph: g}).Resolve(focus)
		if err != nil {
			firstErr = cmp.Or(firstErr, err)
			continue
		}
		display = cmp.Or(display, g.Actor(id).Name)
		for _, x := range query.Ego(g, id, depth) {
			view[g.Actor(x).ID] = true
		}
	}
	if display == "" {
		return nil, firstErr
	}
	if len(view) == 0 {
		return nil, fmt.Errorf("%s is in neither snapshot%s", display, text.UnderFilter(filter))
	}
	d.View, d.Changes = view, focusChanges(d.Changes, view)
	d.Focus = fmt.Sprintf("the actors within %d link(s) of %s", depth, display)
	return d, nil
}

// focusChanges keeps the changes to actors in view and to links with both ends in it.
func focusChanges(c graph.Changes, view map[string]bool) graph.Changes {
	keepActor := func(x graph.Actor) bool { return view[x.ID] }
	keepLink := func(l graph.Link) bool { return view[l.From] && view[l.To] }
	return graph.Changes{
		Actors: graph.ActorChanges{Added: keep(c.Actors.Added, keepActor), Removed: keep(c.Actors.Removed, keepActor),
			Changed: keep(c.Actors.Changed, func(ch graph.ActorChange) bool { return view[ch.ID] })},
		Links: graph.LinkChanges{Added: keep(c.Links.Added, keepLink), Removed: keep(c.Links.Removed, keepLink),
			Changed: keep(c.Links.Changed, func(ch graph.LinkChange) bool { return keepLink(ch.Before) || keepLink(ch.After) })},
	}
}

// keep returns the elements of s for which ok holds, [] when none does.
func keep[T any](s []T, ok func(T) bool) []T {
	out := []T{}
	for _, x := range s {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// JSON returns the answer's --json shape.
func (a *Diff) JSON() any {
	return struct {
		Old string `json:"old"`
		New string `json:"new"`
		jsonout.Changes
	}{a.Old.Arg, a.New.Arg, jsonout.FromChanges(&a.Changes)}
}

// Text writes the answer for a person.
func (a *Diff) Text(w io.Writer) error {
	text.DiffHeader(w, a.Old, a.New, a.Focus)
	return text.Diff(w, a.Old.Graph, a.New.Graph, a.Changes)
}

// SummaryJSON returns the --json shape of the answer of 'diff --summary': counts per kind.
func (a *Diff) SummaryJSON() any {
	s := query.CountChanges(&a.Changes)
	return struct {
		Old     string             `json:"old"`
		New     string             `json:"new"`
		Summary jsonout.DiffCounts `json:"summary"`
	}{a.Old.Arg, a.New.Arg, jsonout.FromDiffCounts(&s)}
}

// SummaryText writes the answer of 'diff --summary' for a person.
func (a *Diff) SummaryText(w io.Writer) error {
	text.DiffHeader(w, a.Old, a.New, a.Focus)
	s := query.CountChanges(&a.Changes)
	return text.DiffSummaryTable(w, s)
}
