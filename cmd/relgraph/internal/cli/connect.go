package cli

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/spf13/cobra"
)

func (a *app) newConnectCmd() *cobra.Command {
	var literal bool
	var opts query.ConnectOptions
	var steps int
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
		ValidArgsFunction: a.completeActors,
		PreRunE:           checkCounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.MaxSteps = int64(steps)
			full, g, err := a.graph()
			if err != nil {
				return err
			}
			var sides [2]side
			for i, name := range args {
				if sides[i], err = a.resolveSide(full, g, name, literal); err != nil {
					return err
				}
			}
			if sides[0].root == sides[1].root {
				return usagef("connect needs two different actors (%s and %s are both %s)", args[0], args[1], g.Actor(sides[0].root).Name)
			}
			// An actor in both spheres (rare) stays with A.
			var bset []int32
			for _, x := range sides[1].set {
				if !slices.Contains(sides[0].set, x) {
					bset = append(bset, x)
				}
			}
			res, err := query.Connect(g, sides[0].root, sides[0].set, sides[1].root, bset, opts)
			msg, err := a.queryOutcome(err)
			if err != nil {
				return err
			}
			out := struct {
				jsonout.ConnectResult
				Note    string `json:"note,omitempty"`
				Message string `json:"message,omitempty"`
			}{jsonout.FromConnectResult(&res), standsNote(g, sides[:]...), msg}
			return a.emit(out, func(w io.Writer) error {
				return a.writeConnect(w, g, res, out.Note, msg)
			})
		},
	}
	cmd.Flags().BoolVar(&literal, "literal", false, "ask about the named actors alone, not what they stand for or contain")
	countFlag(cmd.Flags(), &opts.Paths, "paths", 5, 1, maxPathsShow, "for a longer list, use 'relgraph path --k' or 'relgraph path --all'", "how many shortest paths to show (at most 1000)")
	countFlag(cmd.Flags(), &opts.Brokers, "brokers", 10, 1, 0, "", "how many brokers to show")
	stepsFlag(cmd.Flags(), &steps)
	return cmd
}

func (a *app) writeConnect(w io.Writer, g *graph.Graph, res query.ConnectResult, note, msg string) error {
	an, bn := actorName(g, res.A), actorName(g, res.B)
	fmt.Fprintf(w, "Who connects %s and %s%s\n", an, bn, a.underFilter())
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
			fmt.Fprintf(w, "%s counts with: %s\n", s.name, wrap(joinNames(g, s.ids, s.name), 80, "  "))
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
	for _, k := range sortedKeys(byKind) {
		fmt.Fprintf(w, "  %s (%d)\n", k, len(byKind[k]))
		sortLinksChrono(byKind[k])
		if err := writeLinkTable(w, g, byKind[k], "    ", false); err != nil {
			return err
		}
	}

	fmt.Fprintf(w, "\nCommon neighbours (%d)\n", len(res.Common))
	if len(res.Common) == 0 {
		fmt.Fprintln(w, "  none")
	}
	tw := newTable(w)
	for _, c := range res.Common {
		fmt.Fprintf(tw, "  %s\twith %s: %s\twith %s: %s\n", actorName(g, c.Actor), an, strings.Join(c.AKinds, ", "), bn, strings.Join(c.BKinds, ", "))
	}
	tw.Flush()

	if res.Distance < 0 {
		_, err := fmt.Fprintf(w, "\nNo path joins %s and %s.\n", an, bn)
		return err
	}
	fmt.Fprintf(w, "\nBrokers: share of the %s paths of %d–%d hops between them (a path for each choice of link on the way)\n", formatCount(res.ShortPaths), res.Distance, res.Distance+1)
	if len(res.Brokers) == 0 {
		fmt.Fprintln(w, "  none: every short path is a direct link")
	}
	tw = newTable(w)
	for i, b := range res.Brokers {
		fmt.Fprintf(tw, "  %2d. %s\t%5.1f%%\t%s\n", i+1, actorName(g, b.Actor), 100*b.Score, plural(b.Paths, "path"))
	}
	tw.Flush()

	fmt.Fprintf(w, "\nBest paths: shortest first, then those made of the most links (%d)\n", len(res.Paths))
	for i, p := range res.Paths {
		if p.Length == 1 {
			fmt.Fprintf(w, "%d. %s → %s  (1 hop): the %s above\n", i+1, an, bn, plural(float64(len(res.Direct)), "direct link"))
			continue
		}
		if err := writePath(w, g, i+1, p); err != nil {
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
		if n := actorName(g, id); n != skip {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// formatCount prints a path count: exact when small, else in scientific notation.
func formatCount(f float64) string {
	if f < 1e15 {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.3g", f)
}

// sortLinksChrono orders materialised links oldest first, undated last, then by id.
func sortLinksChrono(ls []graph.Link) {
	key := func(l *graph.Link) graph.Date {
		if d := l.When(); d != 0 {
			return d.Lo()
		}
		return graph.NewDate(9999, 12, 31)
	}
	slices.SortStableFunc(ls, func(x, y graph.Link) int {
		return cmp.Or(cmp.Compare(key(&x), key(&y)), strings.Compare(x.ID, y.ID))
	})
}

// plural formats a count with its noun: "1 path", "3 paths".
func plural(n float64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return formatCount(n) + " " + noun + "s"
}
