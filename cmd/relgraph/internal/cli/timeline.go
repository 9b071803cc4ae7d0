package cli

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/spf13/cobra"
)

func (a *app) newTimelineCmd() *cobra.Command {
	var literal bool
	cmd := &cobra.Command{
		Use:   "timeline ACTOR [ACTOR]",
		Short: "The dated links and events of an actor or a relationship, oldest first",
		Long: `Print the history of an actor, or of the relationship between two actors, oldest first: events on
their day, lasting links at their start (and again at their end, marked "ends"). Undated links
come last. An actor's capital, cities, companies and people count as the actor unless --literal, so
'timeline azerbaijan russia' includes Putin's visits to Baku and SOCAR's deals with Rosneft.
--since/--until cut the window.`,
		Example: `  relgraph timeline azerbaijan russia
  relgraph timeline azerbaijan russia --since 2016 --until 2020
  relgraph timeline nagorno-karabakh --json`,
		Args:              rangeArgs(1, 2, "one or two actors"),
		ValidArgsFunction: a.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			full, g, err := a.graph()
			if err != nil {
				return err
			}
			var names []string
			sides := make([]side, len(args))
			sets := make([][]int32, len(args))
			for i, name := range args {
				if sides[i], err = a.resolveSide(full, g, name, literal); err != nil {
					return err
				}
				sets[i] = sides[i].set
				names = append(names, g.Actor(sides[i].root).Name)
			}
			var ids []int32
			if len(args) == 1 {
				ids = g.LinksAcross(sets[0], nil, false)
			} else {
				if sides[0].root == sides[1].root {
					return usagef("timeline needs two different actors (%s and %s are the same)", args[0], args[1])
				}
				ids = g.LinksAcross(sets[0], sets[1], false)
			}
			sortChrono(g, ids)
			ls := links(g, ids)
			return a.emit(jsonout.Timeline{Events: jsonout.FromLinks(ls)}, func(w io.Writer) error {
				title := "Timeline of " + strings.Join(names, " – ")
				fmt.Fprintf(w, "%s: %d entries%s\n", title, len(ls), a.underFilter())
				if note := standsNote(g, sides...); note != "" {
					fmt.Fprintln(w, note)
				}
				fmt.Fprintln(w)
				if len(ls) == 0 {
					_, err := fmt.Fprintln(w, "nothing dated or undated links them under these filters")
					return err
				}
				return writeTimeline(w, g, ls)
			})
		},
	}
	cmd.Flags().BoolVar(&literal, "literal", false, "only the named actors, not their capitals, cities, companies or people")
	return cmd
}

// timelineEntry is one line of a timeline: a link at its start (or on its day), or at its end.
type timelineEntry struct {
	date graph.Date
	end  bool
	link *graph.Link
}

func writeTimeline(w io.Writer, g *graph.Graph, ls []graph.Link) error {
	var entries, undated []timelineEntry
	for i := range ls {
		l := &ls[i]
		switch {
		case l.When() != 0:
			entries = append(entries, timelineEntry{date: l.When(), link: l})
		case l.End == 0:
			undated = append(undated, timelineEntry{link: l})
		}
		if l.End != 0 && l.On == 0 {
			entries = append(entries, timelineEntry{date: l.End, end: true, link: l})
		}
	}
	sortEntries(entries)
	tw := newTable(w)
	for _, e := range entries {
		writeEntry(tw, g, e)
	}
	for _, e := range undated {
		writeEntry(tw, g, e)
	}
	return tw.Flush()
}

func writeEntry(tw io.Writer, g *graph.Graph, e timelineEntry) {
	l := e.link
	date := e.date.String()
	kind := l.Kind
	switch {
	case e.end:
		kind += " ends"
	case l.On == 0 && l.Start != 0 && l.End != 0:
		kind += " (to " + l.End.String() + ")"
	case l.On == 0 && l.Start != 0:
		kind += " begins"
	case e.date == 0 && l.End == 0 && l.On == 0:
		date = "undated"
	}
	arrow := "—"
	if l.Directed {
		arrow = "→"
	}
	details := linkDetails(g, l)
	if e.end {
		details = "(in force since " + l.Start.String() + ")"
		if l.Start == 0 {
			details = ""
		}
	}
	line := fmt.Sprintf("%s\t%s\t%s %s %s\t%s", date, kind, actorName(g, l.From), arrow, actorName(g, l.To), details)
	fmt.Fprintln(tw, line)
}

func sortEntries(es []timelineEntry) {
	slices.SortStableFunc(es, func(x, y timelineEntry) int { return cmp.Compare(x.date.Lo(), y.date.Lo()) })
}
