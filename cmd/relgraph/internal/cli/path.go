package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/relgraph/relgraph/graph"
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

func (a *app) newPathCmd() *cobra.Command {
	var opts query.PathOptions
	var steps int
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
		ValidArgsFunction: a.completeActors,
		PreRunE:           checkCounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.All && opts.K > 1 {
				return usagef("--all and --k ask for different things; use one")
			}
			if cmd.Flags().Changed("max-len") && !opts.All {
				return usagef("--max-len needs --all")
			}
			opts.MaxSteps = int64(steps)
			full, g, err := a.graph()
			if err != nil {
				return err
			}
			from, to, err := a.resolvePair(full, args)
			if err != nil {
				return err
			}
			return a.stream(a.format != "json", func(w io.Writer) error {
				return a.writePathAnswer(w, g, from, to, opts)
			})
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Directed, "directed", false, "follow link directions")
	f.BoolVar(&opts.Weighted, "weighted", false, "cost of a hop = 1/weight of its strongest link; links of weight 0 are not crossed")
	countFlag(f, &opts.K, "k", 1, 1, maxK, "list fewer paths, or use --all with --limit", "the `N` shortest loopless paths (at most 10000)")
	f.BoolVar(&opts.All, "all", false, "every simple path up to --max-len hops")
	countFlag(f, &opts.MaxLen, "max-len", 4, 1, 0, "", "with --all, the longest path in `hops`")
	countFlag(f, &opts.Limit, "limit", 100, 1, maxLimit, "narrow the search with --max-len or the filters", "with --all, stop after `N` paths (at most 1000000)")
	stepsFlag(f, &steps)
	return cmd
}

// stepsFlag defines --max-steps, the work budget of a search for several paths.
func stepsFlag(f *pflag.FlagSet, p *int) {
	countFlag(f, p, "max-steps", query.DefaultMaxSteps, 1, 0, "",
		"the most `steps` a search for several paths may take (an edge examined is one, a link listed 100)")
}

// resolvePair resolves the two actor arguments of a two-actor query.
func (a *app) resolvePair(full *graph.Graph, args []string) (from, to int32, err error) {
	if from, err = a.resolve(full, args[0]); err != nil {
		return -1, -1, err
	}
	if to, err = a.resolve(full, args[1]); err != nil {
		return -1, -1, err
	}
	return from, to, nil
}

// queryOutcome sorts a query's error into what the command does with it: the same actor twice is a
// usage error (exit 2); an actor without links under the filters is a message printed with exit 0 (the
// query found nothing, and says why); anything else is an error as it stands.
func (a *app) queryOutcome(err error) (msg string, _ error) {
	switch {
	case errors.Is(err, query.ErrSameActor):
		return "", usageError{err}
	case errors.Is(err, graph.ErrAbsent):
		return a.absentMessage(err), nil
	}
	return "", err
}

// absentMessage explains that an actor has no links under the filters.
func (a *app) absentMessage(err error) string {
	msg := err.Error()
	var ae *query.AbsentError
	if errors.As(err, &ae) {
		msg = fmt.Sprintf("%q has no links", ae.Actor)
	}
	if d := a.filterDesc(); d != "" {
		return msg + " under the current filter (" + d + "); nothing to search"
	}
	return msg + "; nothing to search"
}

// writePathAnswer runs a path query and writes its answer to w as the paths are found: text, or JSON
// in emit's layout.
func (a *app) writePathAnswer(w io.Writer, g *graph.Graph, from, to int32, opts query.PathOptions) error {
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
	if a.format == "json" {
		jl := &jsonout.List{W: w, Field: "paths"}
		add = func(p query.Path) error {
			if err := jl.Begin(shape()); err != nil {
				return err
			}
			return jl.Add(jsonout.FromPath(&p))
		}
		end = func() error { return jl.End(shape()) }
	} else {
		pw := text.NewPathWriter(w, g, opts, g.Actor(from).Name, g.Actor(to).Name, a.filterDesc())
		add = pw.Add
		end = func() error { return pw.End(res, msg) }
	}
	r, err := query.EachPath(g, from, to, opts, add)
	m, err := a.queryOutcome(err)
	if err != nil {
		return err
	}
	// The paths went out as they were found; the answer around them holds none.
	r.Paths = nil
	res, msg = r, m
	return end()
}
