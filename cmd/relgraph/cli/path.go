package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
	"github.com/spf13/cobra"
)

func (a *app) newPathCmd() *cobra.Command {
	var opts graph.PathOptions
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "Shortest path(s) between two actors, with each hop's links and dates",
		Long: `Find the shortest path from A to B by hops, links taken as undirected, and show every link that
makes each hop with its kind, direction, dates and sources.

  --directed      follow link directions (supplier→recipient, member→organisation…)
  --weighted      cost of a hop = 1/weight of its strongest link (Dijkstra)
  --k N           the N shortest loopless paths (Yen's algorithm)
  --all           every simple path of at most --max-len hops, at most --limit of them`,
		Example: `  relgraph path Ankara Yerevan
  relgraph path baku ceyhan --kinds pipeline --directed
  relgraph path azerbaijan russia --k 3 --exclude-kinds located_in
  relgraph path azerbaijan russia --all --max-len 2 --json`,
		Args:              exactArgs(2, "two actors, A and B"),
		ValidArgsFunction: a.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.K < 0 || opts.MaxLen < 0 || opts.Limit < 0 {
				return usagef("--k, --max-len and --limit must not be negative")
			}
			if opts.All && opts.K > 1 {
				return usagef("--all and --k ask for different things; use one")
			}
			if cmd.Flags().Changed("max-len") && !opts.All {
				return usagef("--max-len needs --all")
			}
			full, g, err := a.graph()
			if err != nil {
				return err
			}
			from, to, err := a.resolvePair(full, args)
			if err != nil {
				return err
			}
			res, err := g.Paths(from, to, opts)
			msg, err := a.queryOutcome(err)
			if err != nil {
				return err
			}
			out := struct {
				graph.PathResult
				Message string `json:"message,omitempty"`
			}{res, msg}
			return a.emit(out, func(w io.Writer) error {
				return a.writePaths(w, g, res, from, to, opts, msg)
			})
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Directed, "directed", false, "follow link directions")
	f.BoolVar(&opts.Weighted, "weighted", false, "cost of a hop = 1/weight of its strongest link")
	f.IntVar(&opts.K, "k", 1, "the `N` shortest loopless paths")
	f.BoolVar(&opts.All, "all", false, "every simple path up to --max-len hops")
	f.IntVar(&opts.MaxLen, "max-len", 4, "with --all, the longest path in `hops`")
	f.IntVar(&opts.Limit, "limit", 100, "with --all, stop after `N` paths")
	return cmd
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
	case errors.Is(err, graph.ErrSameActor):
		return "", usageError{err}
	case errors.Is(err, graph.ErrAbsent):
		return a.absentMessage(err), nil
	}
	return "", err
}

// absentMessage explains that an actor has no links under the filters.
func (a *app) absentMessage(err error) string {
	msg := strings.TrimSuffix(err.Error(), ": "+graph.ErrAbsent.Error())
	if d := a.filterDesc(); d != "" {
		return msg + " under the current filter (" + d + "); nothing to search"
	}
	return msg + "; nothing to search"
}

func (a *app) writePaths(w io.Writer, g *graph.Graph, res graph.PathResult, from, to int32, opts graph.PathOptions, msg string) error {
	fa, ta := g.Actor(from), g.Actor(to)
	if msg != "" {
		_, err := fmt.Fprintln(w, msg)
		return err
	}
	if len(res.Paths) == 0 {
		how := "no path"
		if opts.Directed {
			how = "no directed path"
		}
		if opts.All {
			how = fmt.Sprintf("no path of at most %d hops", opts.MaxLen)
		}
		_, err := fmt.Fprintf(w, "%s from %s to %s%s\n", how, fa.Name, ta.Name, a.underFilter())
		return err
	}
	what := "Shortest path"
	switch {
	case opts.All:
		what = fmt.Sprintf("All paths of at most %d hops", opts.MaxLen)
	case opts.K > 1:
		what = fmt.Sprintf("The %d shortest paths", opts.K)
	case opts.Weighted:
		what = "Cheapest path"
	}
	fmt.Fprintf(w, "%s from %s to %s%s: %d found\n", what, fa.Name, ta.Name, a.underFilter(), len(res.Paths))
	for i, p := range res.Paths {
		fmt.Fprintln(w)
		if err := writePath(w, g, i+1, p); err != nil {
			return err
		}
	}
	if res.Truncated {
		fmt.Fprintf(w, "\nstopped after %d paths (--limit); there are more\n", len(res.Paths))
	}
	return nil
}

// maxHopLinks is how many links of one hop a text path shows before summing up the rest by kind.
const maxHopLinks = 6

// writePath writes one path: a headline of actor names, then each hop with its links.
func writePath(w io.Writer, g *graph.Graph, n int, p graph.Path) error {
	names := make([]string, len(p.Actors))
	for i, id := range p.Actors {
		names[i] = actorName(g, id)
	}
	head := fmt.Sprintf("%d. %s  (%d hop", n, strings.Join(names, " → "), p.Length)
	if p.Length != 1 {
		head += "s"
	}
	if p.Cost > 0 {
		head += fmt.Sprintf(", cost %.3g", p.Cost)
	}
	fmt.Fprintln(w, head+")")
	tw := newTable(w)
	for _, h := range p.Hops {
		shown := h.Links
		if len(shown) > maxHopLinks {
			shown = shown[:maxHopLinks-1]
		}
		for j, l := range shown {
			hop := ""
			if j == 0 {
				hop = actorName(g, h.From) + " – " + actorName(g, h.To)
			}
			arrow := "—"
			if l.Directed {
				arrow = "→"
			}
			line := fmt.Sprintf("   %s\t%s\t%s\t%s %s %s\t%s", hop, l.Kind, render.Span(&l), actorName(g, l.From), arrow, actorName(g, l.To), linkDetails(g, &l))
			fmt.Fprintln(tw, line)
		}
		if rest := h.Links[len(shown):]; len(rest) > 0 {
			counts := map[string]int{}
			for _, l := range rest {
				counts[l.Kind]++
			}
			var parts []string
			for _, k := range sortedKeys(counts) {
				parts = append(parts, fmt.Sprintf("%s ×%d", k, counts[k]))
			}
			fmt.Fprintf(tw, "   \t\t\t\t… %d more: %s\n", len(rest), strings.Join(parts, ", "))
		}
	}
	return tw.Flush()
}
