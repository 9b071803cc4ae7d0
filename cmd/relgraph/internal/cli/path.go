package cli

import (
	"io"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/answer"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Bounds of the path and connect count flags.
const (
	maxK         = 10_000    // --k: Yen's algorithm keeps every path it lists
	maxLimit     = 1_000_000 // --limit: the paths are written as they are found
	maxPathsShow = 1_000     // connect --paths: the best paths are ranked in memory
)

// pathOptions are the flags and arguments of 'relgraph path'.
type pathOptions struct {
	data *dataset
	out  *printer

	query  query.PathOptions
	steps  int
	maxLen bool // --max-len was given
	actors [2]string
}

func newPathCmd(f *factory) *cobra.Command {
	opts := &pathOptions{data: f.data, out: f.out}
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "Shortest path(s) between two actors, with each hop's links and dates",
		Long: `Find the shortest path from A to B by hops, links taken as undirected, and show every link that
makes each hop with its kind, direction, dates and sources.

  --directed      follow link directions (supplier→recipient, member→organisation…)
  --weighted      cost of a hop = 1/weight of its strongest link (Dijkstra)
  --k N           the N shortest loopless paths (Yen's algorithm), N up to 10000
  --all           every simple path of at most --max-len hops, at most --limit of them (up to
                  1000000), written as they are found

A search for several paths (--k, --all) takes at most --max-steps steps — an edge examined or a
node of a path built is a step, a link listed is 100 — so that it ends in seconds even on a dense
graph, where the paths may number in the billions. When the steps run out, the answer lists the
paths found so far (the first ones of the order asked for) and says so, with exit status 0: raise
--max-steps to look further.`,
		Example: `  relgraph path Ankara Yerevan
  relgraph path baku ceyhan --kinds pipeline --directed
  relgraph path azerbaijan russia --k 3 --exclude-kinds located_in
  relgraph path azerbaijan russia --all --max-len 2 --json
  relgraph path azerbaijan russia --all --max-len 6 --limit 100000 --max-steps 1e9 -o paths.txt`,
		Args:              exactArgs(2, "two actors, A and B"),
		ValidArgsFunction: f.data.completeActors,
		PreRunE:           checkCounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.maxLen = cmd.Flags().Changed("max-len")
			opts.actors = [2]string{args[0], args[1]}
			return runPath(opts)
		},
	}
	fl := cmd.Flags()
	q := &opts.query
	fl.BoolVar(&q.Directed, "directed", false, "follow link directions")
	fl.BoolVar(&q.Weighted, "weighted", false, "cost of a hop = 1/weight of its strongest link; links of weight 0 are not crossed")
	countFlag(fl, &q.K, "k", 1, 1, maxK, "list fewer paths, or use --all with --limit", "the `N` shortest loopless paths (at most 10000)")
	fl.BoolVar(&q.All, "all", false, "every simple path up to --max-len hops")
	countFlag(fl, &q.MaxLen, "max-len", 4, 1, 0, "", "with --all, the longest path in `hops`")
	countFlag(fl, &q.Limit, "limit", 100, 1, maxLimit, "narrow the search with --max-len or the filters", "with --all, stop after `N` paths (at most 1000000)")
	stepsFlag(fl, &opts.steps)
	return cmd
}

func runPath(opts *pathOptions) error {
	q := opts.query
	if q.All && q.K > 1 {
		return usagef("--all and --k ask for different things; use one")
	}
	if opts.maxLen && !q.All {
		return usagef("--max-len needs --all")
	}
	q.MaxSteps = int64(opts.steps)
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	from, to, err := v.ResolvePair(opts.actors[0], opts.actors[1])
	if err != nil {
		return err
	}
	return opts.out.stream(!opts.out.isJSON(), func(w io.Writer) error {
		return writePathAnswer(w, v, opts.out.isJSON(), from, to, q)
	})
}

// stepsFlag defines --max-steps, the work budget of a search for several paths.
func stepsFlag(f *pflag.FlagSet, p *int) {
	countFlag(f, p, "max-steps", query.DefaultMaxSteps, 1, 0, "",
		"the most `steps` a search for several paths may take (an edge examined is one, a link listed 100)")
}

// writePathAnswer runs a path query on the view v and writes its answer to w as the paths are found:
// text, or JSON (asJSON) in the layout of answer.Paths.
func writePathAnswer(w io.Writer, v answer.View, asJSON bool, from, to int32, opts query.PathOptions) error {
	g := v.Graph
	// answer is the JSON shape: the paths streamed into its list, the rest written around them.
	type answer struct {
		jsonout.PathResult
		Message string `json:"message,omitempty"`
	}
	res := query.PathResult{From: g.Actor(from).ID, To: g.Actor(to).ID}
	var msg string
	shape := func() answer {
		out := answer{PathResult: jsonout.FromPathResult(&res), Message: msg}
		out.Paths = []jsonout.Path{}
		return out
	}
	var add func(query.Path) error
	var end func() error
	if asJSON {
		jl := &jsonout.List{W: w, Field: "paths"}
		add = func(p query.Path) error {
			if err := jl.Begin(shape()); err != nil {
				return err
			}
			return jl.Add(jsonout.FromPath(&p))
		}
		end = func() error { return jl.End(shape()) }
	} else {
		pw := text.NewPathWriter(w, g, opts, g.Actor(from).Name, g.Actor(to).Name, v.Filter)
		add = pw.Add
		end = func() error { return pw.End(res, msg) }
	}
	r, err := query.EachPath(g, from, to, opts, add)
	m, err := v.Outcome(err)
	if err != nil {
		return err
	}
	// The paths went out as they were found; the answer around them holds none.
	r.Paths = nil
	res, msg = r, m
	return end()
}
