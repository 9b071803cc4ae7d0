package text

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
)

// Connect writes the answer of "who connects A and B": the direct links by kind, the common
// neighbours, the brokers and the best paths. note says which named places stood for which actors
// (StandsNote), msg replaces the answer when there is nothing to search, and filter describes the
// active filters ("at 2016; kinds pipeline"); each may be empty.
func Connect(w io.Writer, g *graph.Graph, res query.ConnectResult, note, msg, filter string) error {
	an, bn := ActorName(g, res.A), ActorName(g, res.B)
	fmt.Fprintf(w, "Who connects %s and %s%s\n", an, bn, UnderFilter(filter))
	if note != "" {
		fmt.Fprintln(w, note)
	}
	if msg != "" {
		_, err := fmt.Fprintln(w, msg)
		return err
	}
	for _, s := range []struct {
		name string
		ids  []string
	}{{an, res.ASide}, {bn, res.BSide}} {
		if len(s.ids) > 1 {
			fmt.Fprintf(w, "%s counts with: %s\n", s.name, Wrap(joinNames(g, s.ids, s.name), 80, "  "))
		}
	}

	fmt.Fprintf(w, "\nDirect links (%d)\n", len(res.Direct))
	if len(res.Direct) == 0 {
		fmt.Fprintln(w, "  none")
	}
	byKind := map[string][]graph.Link{}
	for _, l := range res.Direct {
		byKind[l.Kind] = append(byKind[l.Kind], l)
	}
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		fmt.Fprintf(w, "  %s (%d)\n", k, len(byKind[k]))
		sortLinksChrono(byKind[k])
		if err := LinkTable(w, g, byKind[k], "    ", false); err != nil {
			return err
		}
	}

	fmt.Fprintf(w, "\nCommon neighbours (%d)\n", len(res.Common))
	if len(res.Common) == 0 {
		fmt.Fprintln(w, "  none")
	}
	tw := NewTable(w)
	for _, c := range res.Common {
		fmt.Fprintf(tw, "  %s\twith %s: %s\twith %s: %s\n", ActorName(g, c.Actor), an, strings.Join(c.AKinds, ", "), bn, strings.Join(c.BKinds, ", "))
	}
	tw.Flush()

	if res.Distance < 0 {
		_, err := fmt.Fprintf(w, "\nNo path joins %s and %s.\n", an, bn)
		return err
	}
	fmt.Fprintf(w, "\nBrokers: share of the %s paths of %d–%d hops between them (a path for each choice of link on the way)\n", FormatCount(res.ShortPaths), res.Distance, res.Distance+1)
	if len(res.Brokers) == 0 {
		fmt.Fprintln(w, "  none: every short path is a direct link")
	}
	tw = NewTable(w)
	for i, b := range res.Brokers {
		fmt.Fprintf(tw, "  %2d. %s\t%5.1f%%\t%s\n", i+1, ActorName(g, b.Actor), 100*b.Score, Plural(b.Paths, "path"))
	}
	tw.Flush()

	fmt.Fprintf(w, "\nBest paths: shortest first, then those made of the most links (%d)\n", len(res.Paths))
	for i, p := range res.Paths {
		if p.Length == 1 {
			fmt.Fprintf(w, "%d. %s → %s  (1 hop): the %s above\n", i+1, an, bn, Plural(float64(len(res.Direct)), "direct link"))
			continue
		}
		if err := Path(w, g, i+1, p); err != nil {
			return err
		}
	}
	if res.Stopped == query.StopSteps {
		_, err := fmt.Fprintf(w, "\nthe search for paths used up its budget of %d steps: these are the best of the paths it found, and there may be stronger ones (raise it with --max-steps)\n", res.MaxSteps)
		return err
	}
	return nil
}

// joinNames lists actor names, leaving out the one named skip.
func joinNames(g *graph.Graph, ids []string, skip string) string {
	var names []string
	for _, id := range ids {
		if n := ActorName(g, id); n != skip {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
