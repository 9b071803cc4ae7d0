package text

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Card writes the card of actor id: its fields, then its links ls grouped by kind. filter describes
// the active filters ("at 2016; kinds pipeline"), or is empty.
func Card(w io.Writer, g *graph.Graph, id int32, ls []graph.Link, filter string) error {
	ac := g.Actor(id)
	fmt.Fprintf(w, "%s  (%s · %s)\n", ac.Name, ac.ID, ac.Kind)
	field := func(name, val string) {
		if val != "" {
			fmt.Fprintf(w, "  %-11s %s\n", name+":", val)
		}
	}
	field("aliases", strings.Join(ac.Aliases, ", "))
	if ac.In != "" {
		field("in", ActorName(g, ac.In))
	}
	if ac.StandsFor != "" {
		field("stands for", ActorName(g, ac.StandsFor))
	}
	if ac.Start != 0 || ac.End != 0 {
		field("exists", Span(&graph.Link{Start: ac.Start, End: ac.End}))
	}
	if len(ac.Route) > 0 {
		names := make([]string, len(ac.Route))
		for i, r := range ac.Route {
			names[i] = ActorName(g, r)
		}
		field("route", strings.Join(names, " → ")+" ("+ac.RouteKind+")")
	}
	for _, k := range slices.Sorted(maps.Keys(ac.Attrs)) {
		field(k, ac.Attrs[k])
	}
	for _, s := range ac.Sources {
		field("source", SourceRef(s)+": "+s.Note)
	}
	fmt.Fprintf(w, "\n%d link(s)%s\n", len(ls), UnderFilter(filter))
	if !g.Present(id) && len(ls) == 0 {
		fmt.Fprintln(w, "  (not present under the current filter)")
	}
	byKind := map[string][]graph.Link{}
	for _, l := range ls {
		byKind[l.Kind] = append(byKind[l.Kind], l)
	}
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		fmt.Fprintf(w, "\n  %s (%d)\n", k, len(byKind[k]))
		if err := LinkTable(w, g, byKind[k], "    ", false); err != nil {
			return err
		}
	}
	return nil
}
