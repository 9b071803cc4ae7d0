package cli

import (
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// neighborsOptions are the flags and argument of 'relgraph neighbors'.
type neighborsOptions struct {
	data *dataset
	out  *printer

	depth int
	actor string
}

func newNeighborsCmd(f *factory) *cobra.Command {
	opts := &neighborsOptions{data: f.data, out: f.out}
	cmd := &cobra.Command{
		Use:     "neighbors ACTOR",
		Aliases: []string{"neighbours"},
		Short:   "The ego network: actors within --depth hops, with the links that reach them",
		Example: `  relgraph neighbors azerbaijan
  relgraph neighbors gazprom --depth 2
  relgraph neighbors armenia --kinds arms_sale,alliance,troop_base --json`,
		Args:              exactArgs(1, "ACTOR"),
		ValidArgsFunction: f.data.completeActors,
		PreRunE:           checkCounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.actor = args[0]
			return runNeighbors(opts)
		},
	}
	countFlag(cmd.Flags(), &opts.depth, "depth", 1, 1, 0, "", "how many `hops` out")
	return cmd
}

func runNeighbors(opts *neighborsOptions) error {
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	ans, err := v.Neighbors(opts.actor, opts.depth)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}

// rankOptions are the flags of 'relgraph rank'.
type rankOptions struct {
	data *dataset
	out  *printer

	by   string
	top  int
	kind string
	over overOptions
}

func newRankCmd(f *factory) *cobra.Command {
	opts := &rankOptions{data: f.data, out: f.out}
	cmd := &cobra.Command{
		Use:   "rank",
		Short: "Central actors by degree, betweenness or PageRank",
		Long: `Rank the actors of the (filtered) graph:
  degree        how many distinct actors each is linked to
  betweenness   the share of pairs of other actors whose shortest paths pass through it (links
                undirected); exact up to 5000 actors, estimated from 1000 pivots (seed 1) above,
                and the output says which
  pagerank      PageRank with damping 0.85, following link directions`,
		Example: `  relgraph rank --by betweenness --top 10
  relgraph rank --by degree --exclude-kinds located_in
  relgraph rank --by pagerank --kinds arms_sale --kind country --json`,
		Args:    cobra.NoArgs,
		PreRunE: checkCounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRank(opts)
		},
	}
	cmd.Flags().StringVar(&opts.by, "by", "betweenness", "`measure`: degree, betweenness or pagerank")
	countFlag(cmd.Flags(), &opts.top, "top", 20, 0, 0, "", "show the best `N` (0: all)")
	cmd.Flags().StringVar(&opts.kind, "kind", "", "only rank actors of this `kind` (scores still use the whole graph)")
	addOverFlags(cmd, &opts.over)
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{"degree", "betweenness", "pagerank"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runRank(opts *rankOptions) error {
	if opts.over.span != "" {
		o, err := opts.data.over(opts.over)
		if err != nil {
			return err
		}
		ans, err := o.Rank(opts.by, opts.top, opts.kind)
		if err != nil {
			return err
		}
		if strings.EqualFold(filepath.Ext(opts.out.output), ".svg") {
			if opts.out.isJSON() {
				return usagef("-o %s draws a chart; --json does not apply", opts.out.output)
			}
			return writeFileStream(opts.out.output, ans.Chart(opts.top).WriteSVG)
		}
		return opts.out.emit(ans.JSON(), ans.Text)
	}
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	ans, err := v.Rank(opts.by, opts.top, opts.kind)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}

// chokepointsOptions are the flags and arguments of 'relgraph chokepoints'.
type chokepointsOptions struct {
	data *dataset
	out  *printer

	directed bool
	actors   []string // none, or A and B
	over     overOptions
}

func newChokepointsCmd(f *factory) *cobra.Command {
	opts := &chokepointsOptions{data: f.data, out: f.out}
	cmd := &cobra.Command{
		Use:   "chokepoints [A B]",
		Short: "Articulation points and bridges; with A and B, the actors whose removal cuts A from B",
		Long: `Without arguments: the articulation points (actors whose removal splits the filtered graph) and
the bridges (ties whose removal splits it). With A and B: a smallest set of actors whose removal
disconnects A from B — the chokepoints between them. Links are taken as undirected unless
--directed. Filter by kind to ask about one network, e.g. --kinds pipeline,railway.`,
		Example: `  relgraph chokepoints --kinds pipeline,railway
  relgraph chokepoints baku ceyhan --kinds pipeline
  relgraph chokepoints azerbaijan russia --exclude-kinds located_in --json`,
		Args:              rangeArgs(0, 2, "no actors, or two"),
		ValidArgsFunction: f.data.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.actors = args
			return runChokepoints(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.directed, "directed", false, "with A and B, follow link directions from A to B")
	addOverFlags(cmd, &opts.over)
	return cmd
}

func runChokepoints(opts *chokepointsOptions) error {
	if len(opts.actors) == 1 {
		return usagef("chokepoints takes no actors, or two (A and B)")
	}
	if opts.over.span != "" {
		if len(opts.actors) > 0 {
			return usagef("chokepoints --over lists the articulation points at each step; it takes no actors")
		}
		o, err := opts.data.over(opts.over)
		if err != nil {
			return err
		}
		ans := o.Chokepoints()
		return opts.out.emit(ans.JSON(), ans.Text)
	}
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	if len(opts.actors) == 0 {
		ans := v.Chokepoints()
		return opts.out.emit(ans.JSON(), ans.Text)
	}
	ans, err := v.Cut(opts.actors[0], opts.actors[1], opts.directed)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}

// balanceOptions are the flags of 'relgraph balance'.
type balanceOptions struct {
	data *dataset
	out  *printer

	top  int
	over overOptions
}

func newBalanceCmd(f *factory) *cobra.Command {
	opts := &balanceOptions{data: f.data, out: f.out}
	cmd := &cobra.Command{
		Use:   "balance",
		Short: "Structural balance of the signed graph: unbalanced triads and a balance index",
		Long: `Treat each pair of linked actors as one tie whose sign is the net sign of its links (the sign of
the sum: cooperative +1, neutral 0, hostile -1; ties that sum to 0 are left out). A triangle of
ties is balanced when the product of its signs is positive — the friend of a friend, or the enemy of
an enemy, is a friend — and unbalanced otherwise (Cartwright and Harary, 1956): for example a
supplier arming two parties in conflict with each other. The balance index is the share of
balanced triangles. Unbalanced triangles are listed with those held by the most links first.`,
		Example: `  relgraph balance
  relgraph balance --exclude-kinds located_in,leads --top 5
  relgraph balance --at 2016 --json`,
		Args:    cobra.NoArgs,
		PreRunE: checkCounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBalance(opts)
		},
	}
	countFlag(cmd.Flags(), &opts.top, "top", 20, 0, 0, "", "list at most `N` unbalanced triangles (0: all)")
	addOverFlags(cmd, &opts.over)
	return cmd
}

func runBalance(opts *balanceOptions) error {
	if opts.over.span != "" {
		o, err := opts.data.over(opts.over)
		if err != nil {
			return err
		}
		ans := o.Balance()
		return opts.out.emit(ans.JSON(), ans.Text)
	}
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	ans := v.Balance(opts.top)
	return opts.out.emit(ans.JSON(), ans.Text)
}
