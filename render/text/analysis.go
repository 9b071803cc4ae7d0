package text

import (
	"fmt"
	"io"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
)

// The answers of the structural questions: neighbours, rankings, chokepoints, cuts and balance. In
// each, filter describes the active filters ("at 2016; kinds pipeline"), or is empty.

// Neighbours writes the ego network of actor a within depth hops: the actors by distance, each with
// its links, their kinds and the actors it is reached through.
func Neighbours(w io.Writer, g *graph.Graph, a int32, depth int, res query.NeighborhoodResult, filter string) error {
	name := g.Actor(a).Name
	fmt.Fprintf(w, "%s: %d actor(s) within %d hop(s)%s\n", name, len(res.Neighbors), depth, UnderFilter(filter))
	if len(res.Neighbors) == 0 {
		_, err := fmt.Fprintln(w, "no neighbours")
		return err
	}
	tw := NewTable(w)
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
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", ActorName(g, n.Actor), Plural(float64(len(n.Links)), "link"), capList(n.Kinds, 4), via)
	}
	return tw.Flush()
}

// Rank writes a ranking of actors by the measure by (query.ByDegree, …), best first.
func Rank(w io.Writer, g *graph.Graph, res query.RankResult, by, filter string) error {
	method := res.Method
	if filter != "" {
		method += "; " + filter
	}
	fmt.Fprintf(w, "Top %d by %s (%s)\n", len(res.Actors), by, method)
	tw := NewTable(w)
	for i, s := range res.Actors {
		score := fmt.Sprintf("%.4f", s.Score)
		if by == query.ByDegree {
			score = fmt.Sprintf("%.0f", s.Score)
		}
		i2, _ := g.ActorIndex(s.Actor)
		fmt.Fprintf(tw, "%3d.\t%s\t%s\t%s\n", i+1, g.Actor(i2).Name, g.Actor(i2).Kind, score)
	}
	return tw.Flush()
}

// Chokepoints writes the articulation points and the bridges of a graph.
func Chokepoints(w io.Writer, g *graph.Graph, res query.ChokepointsResult, filter string) error {
	fmt.Fprintf(w, "Articulation points (%d)%s\n", len(res.ArticulationPoints), UnderFilter(filter))
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
	tw := NewTable(w)
	for _, b := range res.BridgeLinks {
		var kinds []string
		for _, l := range b.Links {
			kinds = append(kinds, l.Kind)
		}
		fmt.Fprintf(tw, "  %s – %s\t%s\n", ActorName(g, b.Ends[0]), ActorName(g, b.Ends[1]), strings.Join(uniq(kinds), ", "))
	}
	return tw.Flush()
}

// Cut writes the actors whose removal cuts actor a from actor b. msg replaces the answer when there is
// nothing to search.
func Cut(w io.Writer, g *graph.Graph, a, b int32, res query.CutResult, msg, filter string) error {
	an, bn := g.Actor(a).Name, g.Actor(b).Name
	under := UnderFilter(filter)
	switch {
	case msg != "":
		fmt.Fprintln(w, msg)
	case !res.Connected:
		fmt.Fprintf(w, "%s and %s are not connected%s: nothing to cut\n", an, bn, under)
	case res.Adjacent:
		fmt.Fprintf(w, "%s and %s are linked directly%s: no set of other actors separates them\n", an, bn, under)
	case len(res.Through) > 0:
		fmt.Fprintf(w, "Every path from %s to %s%s passes through %s:\n", an, bn, under, Plural(float64(len(res.Through)), "actor"))
		for _, id := range res.Through {
			fmt.Fprintf(w, "  %s\n", describeActor(g, id))
		}
		fmt.Fprintln(w, "Each of them alone is a chokepoint.")
	default:
		fmt.Fprintf(w, "Removing %s cuts %s from %s%s:\n", Plural(float64(len(res.Cut)), "actor"), an, bn, under)
		for _, id := range res.Cut {
			fmt.Fprintf(w, "  %s\n", describeActor(g, id))
		}
		fmt.Fprintln(w, "No single actor lies on every path.")
	}
	return nil
}

// Balance writes the balance index of the signed graph and its unbalanced triangles.
func Balance(w io.Writer, g *graph.Graph, res query.BalanceResult, filter string) error {
	total := res.Balanced + res.Unbalanced
	fmt.Fprintf(w, "Balance index %.3f: %d of %d signed triangles are balanced%s\n", res.Index, res.Balanced, total, UnderFilter(filter))
	if res.Unbalanced == 0 {
		_, err := fmt.Fprintln(w, "no unbalanced triangles")
		return err
	}
	fmt.Fprintf(w, "\nUnbalanced triangles (%d; showing %d)\n", res.Unbalanced, len(res.Triads))
	tw := NewTable(w)
	pairs := [3][2]int{{0, 1}, {0, 2}, {1, 2}}
	for _, t := range res.Triads {
		var ties []string
		for i, p := range pairs {
			ties = append(ties, fmt.Sprintf("%s %s %s", ActorName(g, t.Actors[p[0]]), signSymbol(t.Signs[i]), ActorName(g, t.Actors[p[1]])))
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t(%d links)\n", ties[0], ties[1], ties[2], t.Links)
	}
	return tw.Flush()
}

// signSymbol writes the sign of a tie: "(+)" or "(−)".
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
		in = ", in " + ActorName(g, ac.In)
	}
	return fmt.Sprintf("%s (%s%s)", ac.Name, ac.Kind, in)
}
