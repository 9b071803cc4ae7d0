package cli

import (
	"github.com/spf13/cobra"
)

// actorsOptions are the flags and argument of 'relgraph actors'.
type actorsOptions struct {
	data *dataset
	out  *printer

	kind  string
	query string // the search; "" lists every actor
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
				opts.query = args[0]
			}
			return runActors(opts)
		},
	}
	cmd.Flags().StringVar(&opts.kind, "kind", "", "only actors of this `kind` (country, city, company, person, organization…)")
	_ = cmd.RegisterFlagCompletionFunc("kind", f.data.completeActorKinds)
	return cmd
}

func runActors(opts *actorsOptions) error {
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	ans, err := v.Actors(opts.query, opts.kind)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}

// nonNil returns s, or an empty slice for nil, so JSON shows [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
