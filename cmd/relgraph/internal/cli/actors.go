package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
)

func (a *app) newActorsCmd() *cobra.Command {
	var kind string
	cmd := &cobra.Command{
		Use:   "actors [QUERY]",
		Short: "List or search actors",
		Long: `List the actors of the dataset, or those whose id, name or alias contains QUERY (ignoring case
and diacritics). With --at/--since/--until or kind filters, only actors present in that snapshot.`,
		Example: `  relgraph actors
  relgraph actors --kind organization
  relgraph actors pipeline
  relgraph actors --json turk`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, g, err := a.graph()
			if err != nil {
				return err
			}
			if kind != "" && !g.Kinds().HasActor(kind) {
				hint := ""
				if s := graph.Suggest(kind, slices.Values(g.Kinds().ActorKindNames())); s != "" {
					hint = fmt.Sprintf(" (did you mean %q?)", s)
				}
				return usagef("unknown actor kind %q%s; kinds: %s", kind, hint, strings.Join(g.Kinds().ActorKindNames(), ", "))
			}
			query := ""
			if len(args) == 1 {
				query = graph.Normalize(args[0])
			}
			var found []graph.Actor
			for _, i := range g.PresentActors() {
				ac := g.Actor(i)
				if kind != "" && ac.Kind != kind {
					continue
				}
				if query != "" && !actorMatches(ac, query) {
					continue
				}
				found = append(found, *ac)
			}
			slices.SortFunc(found, func(x, y graph.Actor) int { return strings.Compare(x.ID, y.ID) })
			return a.emit(jsonout.ActorList{Actors: jsonout.FromActors(found)}, func(w io.Writer) error { return text.Actors(w, found) })
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "only actors of this `kind` (country, city, company, person, organization…)")
	_ = cmd.RegisterFlagCompletionFunc("kind", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		g, err := a.load()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return g.Kinds().ActorKindNames(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func actorMatches(ac *graph.Actor, query string) bool {
	if strings.Contains(graph.Normalize(ac.ID), query) || strings.Contains(graph.Normalize(ac.Name), query) {
		return true
	}
	for _, al := range ac.Aliases {
		if strings.Contains(graph.Normalize(al), query) {
			return true
		}
	}
	return false
}

// nonNil returns s, or an empty slice for nil, so JSON shows [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
