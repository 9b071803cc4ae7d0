package cli

import (
	"github.com/relgraph/relgraph/graph/query"
	"github.com/spf13/cobra"
)

// connectOptions are the flags and arguments of 'relgraph connect'.
type connectOptions struct {
	data *dataset
	out  *printer

	literal bool
	query   query.ConnectOptions
	steps   int
	actors  [2]string
}

func newConnectCmd(f *factory) *cobra.Command {
	opts := &connectOptions{data: f.data, out: f.out}
	cmd := &cobra.Command{
		Use:   "connect A B",
		Short: "Who connects A and B: direct links, common neighbours, brokers and paths",
		Long: `Answer "who connects A and B?":
  - the direct links between them, by kind, with dates and sources;
  - their common neighbours, with the kinds of links on each side;
  - the brokers: actors ranked by the share of the shortest and near-shortest paths (one hop
    longer) between A and B that pass through them;
  - the best few paths.
A place that stands for an actor (a capital) stands for it, and an actor's sphere — its capital,
cities, companies, people and units — counts as the actor: 'connect Baku Moscow' is about
Azerbaijan and Russia and says so. --literal asks about the named actors alone.

The search for the best paths takes at most --max-steps steps (see 'relgraph path --help'); when
they run out, the paths shown are the best of those found, and the answer says so.`,
		Example: `  relgraph connect Baku Moscow
  relgraph connect azerbaijan russia --at 2016
  relgraph connect armenia turkey --exclude-kinds located_in --json
  relgraph connect Baku Moscow --literal`,
		Args:              exactArgs(2, "two actors, A and B"),
		ValidArgsFunction: f.data.completeActors,
		PreRunE:           checkCounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.actors = [2]string{args[0], args[1]}
			return runConnect(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.literal, "literal", false, "ask about the named actors alone, not what they stand for or contain")
	countFlag(cmd.Flags(), &opts.query.Paths, "paths", 5, 1, maxPathsShow, "for a longer list, use 'relgraph path --k' or 'relgraph path --all'", "how many shortest paths to show (at most 1000)")
	countFlag(cmd.Flags(), &opts.query.Brokers, "brokers", 10, 1, 0, "", "how many brokers to show")
	stepsFlag(cmd.Flags(), &opts.steps)
	return cmd
}

func runConnect(opts *connectOptions) error {
	q := opts.query
	q.MaxSteps = int64(opts.steps)
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	ans, err := v.Connect(opts.actors[0], opts.actors[1], opts.literal, q)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}
