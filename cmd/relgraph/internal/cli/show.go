package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/spf13/cobra"
)

func (a *app) newShowCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show ACTOR",
		Short: "Show an actor card: attributes, links grouped by kind with dates, sources",
		Example: `  relgraph show russia
  relgraph show "Heydar Aliyev"
  relgraph show azerbaijan --at 2016 --kinds arms_sale,alliance
  relgraph show socar --json`,
		Args:              exactArgs(1, "ACTOR"),
		ValidArgsFunction: a.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			full, g, err := a.graph()
			if err != nil {
				return err
			}
			id, err := a.resolve(full, args[0])
			if err != nil {
				return err
			}
			ac := g.Actor(id)
			ids := g.LinksOf(id)
			sortChrono(g, ids)
			ls := links(g, ids)
			return a.emit(jsonout.NewCard(ac, ls), func(w io.Writer) error { return a.writeCard(w, g, id, ls) })
		},
	}
}

func (a *app) writeCard(w io.Writer, g *graph.Graph, id int32, ls []graph.Link) error {
	ac := g.Actor(id)
	fmt.Fprintf(w, "%s  (%s · %s)\n", ac.Name, ac.ID, ac.Kind)
	field := func(name, val string) {
		if val != "" {
			fmt.Fprintf(w, "  %-11s %s\n", name+":", val)
		}
	}
	field("aliases", strings.Join(ac.Aliases, ", "))
	if ac.In != "" {
		field("in", actorName(g, ac.In))
	}
	if ac.StandsFor != "" {
		field("stands for", actorName(g, ac.StandsFor))
	}
	if ac.Start != 0 || ac.End != 0 {
		field("exists", render.Span(&graph.Link{Start: ac.Start, End: ac.End}))
	}
	if len(ac.Route) > 0 {
		names := make([]string, len(ac.Route))
		for i, r := range ac.Route {
			names[i] = actorName(g, r)
		}
		field("route", strings.Join(names, " → ")+" ("+ac.RouteKind+")")
	}
	for _, k := range sortedKeys(ac.Attrs) {
		field(k, ac.Attrs[k])
	}
	for _, s := range ac.Sources {
		field("source", render.SourceRef(s)+": "+s.Note)
	}
	if desc := a.filterDesc(); desc != "" {
		fmt.Fprintf(w, "\n%d link(s) (%s)\n", len(ls), desc)
	} else {
		fmt.Fprintf(w, "\n%d link(s)\n", len(ls))
	}
	if !g.Present(id) && len(ls) == 0 {
		fmt.Fprintln(w, "  (not present under the current filter)")
	}
	byKind := map[string][]graph.Link{}
	for _, l := range ls {
		byKind[l.Kind] = append(byKind[l.Kind], l)
	}
	for _, k := range sortedKeys(byKind) {
		fmt.Fprintf(w, "\n  %s (%d)\n", k, len(byKind[k]))
		if err := writeLinkTable(w, g, byKind[k], "    ", false); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// exactArgs is cobra.ExactArgs with a message that names the arguments.
func exactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s takes %s (got %d argument(s))\nrun '%s --help' for usage", cmd.Name(), names, len(args), cmd.CommandPath())
		}
		return nil
	}
}

// rangeArgs is cobra.RangeArgs with a message that names the arguments.
func rangeArgs(lo, hi int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < lo || len(args) > hi {
			return usagef("%s takes %s (got %d argument(s))\nrun '%s --help' for usage", cmd.Name(), names, len(args), cmd.CommandPath())
		}
		return nil
	}
}
