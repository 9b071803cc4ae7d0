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

// actorsOptions are the flags and argument of 'relgraph actors'.
type actorsOptions struct {
	data *dataset
	out  *printer

	kind  string
	query string // the search, normalised; "" lists every actor
}

func newActorsCmd(f *factory) *cobra.Command {
	opts := &actorsOptions{data: f.data, out: f.out}
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
			if len(args) == 1 {
				opts.query = graph.Normalize(args[0])
			}
			return runActors(opts)
		},
	}
	cmd.Flags().StringVar(&opts.kind, "kind", "", "only actors of this `kind` (country, city, company, person, organization…)")
	_ = cmd.RegisterFlagCompletionFunc("kind", f.data.completeActorKinds)
	return cmd
}

func runActors(opts *actorsOptions) error {
	_, g, err := opts.data.graph()
	if err != nil {
		return err
	}
	kind := opts.kind
	if kind != "" && !g.Kinds().HasActor(kind) {
		hint := ""
		if s := graph.Suggest(kind, slices.Values(g.Kinds().ActorKindNames())); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		return usagef("unknown actor kind %q%s; kinds: %s", kind, hint, strings.Join(g.Kinds().ActorKindNames(), ", "))
	}
	var found []graph.Actor
	for _, i := range g.PresentActors() {
		ac := g.Actor(i)
		if kind != "" && ac.Kind != kind {
			continue
		}
		if opts.query != "" && !actorMatches(ac, opts.query) {
			continue
		}
		found = append(found, *ac)
	}
	slices.SortFunc(found, func(x, y graph.Actor) int { return strings.Compare(x.ID, y.ID) })
	return opts.out.emit(jsonout.ActorList{Actors: jsonout.FromActors(found)}, func(w io.Writer) error { return text.Actors(w, found) })
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
