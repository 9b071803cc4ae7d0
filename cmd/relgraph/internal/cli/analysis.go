package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/spf13/cobra"
)

func (a *app) newNeighborsCmd() *cobra.Command {
	var depth int
	cmd := &cobra.Command{
		Use:     "neighbors ACTOR",
		Aliases: []string{"neighbours"},
		Short:   "The ego network: actors within --depth hops, with the links that reach them",
		Example: `  relgraph neighbors azerbaijan
  relgraph neighbors gazprom --depth 2
  relgraph neighbors armenia --kinds arms_sale,alliance,troop_base --json`,
		Args:              exactArgs(1, "ACTOR"),
		ValidArgsFunction: a.completeActors,
		PreRunE:           checkCounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			full, g, err := a.graph()
			if err != nil {
				return err
			}
			id, err := a.resolve(full, args[0])
			if err != nil {
				return err
			}
			res := query.Neighborhood(g, id, depth)
			return a.emit(jsonout.FromNeighborhood(&res), func(w io.Writer) error {
				name := g.Actor(id).Name
				fmt.Fprintf(w, "%s: %d actor(s) within %d hop(s)%s\n", name, len(res.Neighbors), depth, a.underFilter())
				if len(res.Neighbors) == 0 {
					_, err := fmt.Fprintln(w, "no neighbours")
					return err
				}
				tw := newTable(w)
				level := 0
				for _, n := range res.Neighbors {
					if n.Distance != level {
						level = n.Distance
						fmt.Fprintf(tw, "\nat %d hop(s)\t\t\n", level)
					}
					via := ""
					if level > 1 {
						via = "via " + joinNames(g, n.Via, "")
					}
					fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", actorName(g, n.Actor), plural(float64(len(n.Links)), "link"), capList(n.Kinds, 4), via)
				}
				return tw.Flush()
			})
		},
	}
	countFlag(cmd.Flags(), &depth, "depth", 1, 1, 0, "", "how many `hops` out")
	return cmd
}

func (a *app) newRankCmd() *cobra.Command {
	var by string
	var top int
	var kind string
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
			_, g, err := a.graph()
			if err != nil {
				return err
			}
			res, err := query.Rank(g, by, 0)
			if err != nil {
				return usageError{err}
			}
			if kind != "" {
				if !g.Kinds().HasActor(kind) {
					return usagef("unknown actor kind %q (kinds: %s)", kind, strings.Join(g.Kinds().ActorKindNames(), ", "))
				}
				var keep []query.Score
				for _, s := range res.Actors {
					if i, _ := g.ActorIndex(s.Actor); g.Actor(i).Kind == kind {
						keep = append(keep, s)
					}
				}
				res.Actors = nonNil(keep)
			}
			if top > 0 && len(res.Actors) > top {
				res.Actors = res.Actors[:top]
			}
			return a.emit(jsonout.FromRank(&res), func(w io.Writer) error {
				method := res.Method
				if d := a.filterDesc(); d != "" {
					method += "; " + d
				}
				fmt.Fprintf(w, "Top %d by %s (%s)\n", len(res.Actors), by, method)
				tw := newTable(w)
				for i, s := range res.Actors {
					score := fmt.Sprintf("%.4f", s.Score)
					if by == query.ByDegree {
						score = fmt.Sprintf("%.0f", s.Score)
					}
					i2, _ := g.ActorIndex(s.Actor)
					fmt.Fprintf(tw, "%3d.\t%s\t%s\t%s\n", i+1, g.Actor(i2).Name, g.Actor(i2).Kind, score)
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().StringVar(&by, "by", "betweenness", "`measure`: degree, betweenness or pagerank")
	countFlag(cmd.Flags(), &top, "top", 20, 0, 0, "", "show the best `N` (0: all)")
	cmd.Flags().StringVar(&kind, "kind", "", "only rank actors of this `kind` (scores still use the whole graph)")
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{"degree", "betweenness", "pagerank"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) newChokepointsCmd() *cobra.Command {
	var directed bool
	cmd := &cobra.Command{
		Use:   "chokepoints [A B]",
		Short: "Articulation points and bridges; with A and B, the actors whose removal cuts A from B",
		Long: `Without arguments: the articulation points (actors whose removal splits the filtered graph) and
the bridges (ties whose removal splits it). With A and B: a smallest set of actors whose removal
disconnects A from B — the chokepoints between them. Links are taken as undirected unless
--directed. Filter by kind to ask about one network, e.g. --kinds pipeline,railway.`,
		Example: `  relgraph chokepoints --kinds pipeline,railway
  relgraph chokepoints baku trieste --kinds pipeline
  relgraph chokepoints azerbaijan russia --exclude-kinds located_in --json`,
		Args:              rangeArgs(0, 2, "no actors, or two"),
		ValidArgsFunction: a.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				return usagef("chokepoints takes no actors, or two (A and B)")
			}
			full, g, err := a.graph()
			if err != nil {
				return err
			}
			if len(args) == 0 {
				res := query.Chokepoints(g)
				return a.emit(jsonout.FromChokepoints(&res), func(w io.Writer) error { return a.writeChokepoints(w, g, res) })
			}
			from, to, err := a.resolvePair(full, args)
			if err != nil {
				return err
			}
			res, err := query.Cut(g, from, to, directed)
			msg, err := a.queryOutcome(err)
			if err != nil {
				return err
			}
			out := struct {
				jsonout.Cut
				Message string `json:"message,omitempty"`
			}{jsonout.FromCut(&res), msg}
			return a.emit(out, func(w io.Writer) error {
				an, bn := g.Actor(from).Name, g.Actor(to).Name
				switch {
				case msg != "":
					fmt.Fprintln(w, msg)
				case !res.Connected:
					fmt.Fprintf(w, "%s and %s are not connected%s: nothing to cut\n", an, bn, a.underFilter())
				case res.Adjacent:
					fmt.Fprintf(w, "%s and %s are linked directly%s: no set of other actors separates them\n", an, bn, a.underFilter())
				default:
					if len(res.Through) > 0 {
						fmt.Fprintf(w, "Every path from %s to %s%s passes through %s:\n", an, bn, a.underFilter(), plural(float64(len(res.Through)), "actor"))
						for _, id := range res.Through {
							fmt.Fprintf(w, "  %s\n", describeActor(g, id))
						}
						fmt.Fprintln(w, "Each of them alone is a chokepoint.")
					} else {
						fmt.Fprintf(w, "Removing %s cuts %s from %s%s:\n", plural(float64(len(res.Cut)), "actor"), an, bn, a.underFilter())
						for _, id := range res.Cut {
							fmt.Fprintf(w, "  %s\n", describeActor(g, id))
						}
						fmt.Fprintln(w, "No single actor lies on every path.")
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&directed, "directed", false, "with A and B, follow link directions from A to B")
	return cmd
}

func (a *app) writeChokepoints(w io.Writer, g *graph.Graph, res query.ChokepointsResult) error {
	fmt.Fprintf(w, "Articulation points (%d)%s\n", len(res.ArticulationPoints), a.underFilter())
	if len(res.ArticulationPoints) == 0 {
		fmt.Fprintln(w, "  none: no single actor splits the graph")
	}
	for _, id := range res.ArticulationPoints {
		i, _ := g.ActorIndex(id)
		fmt.Fprintf(w, "  %s (%s)\n", g.Actor(i).Name, g.Actor(i).Kind)
	}
	fmt.Fprintf(w, "\nBridges (%d)\n", len(res.BridgeLinks))
	if len(res.BridgeLinks) == 0 {
		fmt.Fprintln(w, "  none")
	}
	tw := newTable(w)
	for _, b := range res.BridgeLinks {
		var kinds []string
		for _, l := range b.Links {
			kinds = append(kinds, l.Kind)
		}
		fmt.Fprintf(tw, "  %s – %s\t%s\n", actorName(g, b.Ends[0]), actorName(g, b.Ends[1]), strings.Join(uniq(kinds), ", "))
	}
	return tw.Flush()
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func (a *app) newBalanceCmd() *cobra.Command {
	var top int
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
			_, g, err := a.graph()
			if err != nil {
				return err
			}
			res := query.Balance(g, top)
			return a.emit(jsonout.FromBalance(&res), func(w io.Writer) error {
				total := res.Balanced + res.Unbalanced
				fmt.Fprintf(w, "Balance index %.3f: %d of %d signed triangles are balanced%s\n", res.Index, res.Balanced, total, a.underFilter())
				if res.Unbalanced == 0 {
					_, err := fmt.Fprintln(w, "no unbalanced triangles")
					return err
				}
				fmt.Fprintf(w, "\nUnbalanced triangles (%d; showing %d)\n", res.Unbalanced, len(res.Triads))
				tw := newTable(w)
				pairs := [3][2]int{{0, 1}, {0, 2}, {1, 2}}
				for _, t := range res.Triads {
					var ties []string
					for i, p := range pairs {
						ties = append(ties, fmt.Sprintf("%s %s %s", actorName(g, t.Actors[p[0]]), signSymbol(t.Signs[i]), actorName(g, t.Actors[p[1]])))
					}
					fmt.Fprintf(tw, "  %s\t%s\t%s\t(%d links)\n", ties[0], ties[1], ties[2], t.Links)
				}
				return tw.Flush()
			})
		},
	}
	countFlag(cmd.Flags(), &top, "top", 20, 0, 0, "", "list at most `N` unbalanced triangles (0: all)")
	return cmd
}

func signSymbol(s int8) string {
	if s > 0 {
		return "(+)"
	}
	return "(−)"
}

// describeActor formats an actor as "Name (kind, in Country)".
func describeActor(g *graph.Graph, id string) string {
	i, _ := g.ActorIndex(id)
	ac := g.Actor(i)
	in := ""
	if ac.In != "" {
		in = ", in " + actorName(g, ac.In)
	}
	return fmt.Sprintf("%s (%s%s)", ac.Name, ac.Kind, in)
}

// capList joins at most n items, summing up the rest as "+k more".
func capList(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" +%d more", len(items)-n)
}
