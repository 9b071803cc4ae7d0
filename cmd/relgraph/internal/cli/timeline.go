package cli

import (
	"io"

	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
)

// timelineOptions are the flags and arguments of 'relgraph timeline'.
type timelineOptions struct {
	data *dataset
	out  *printer

	literal bool
	actors  []string // one or two
}

func newTimelineCmd(f *factory) *cobra.Command {
	opts := &timelineOptions{data: f.data, out: f.out}
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
		ValidArgsFunction: f.data.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.actors = args
			return runTimeline(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.literal, "literal", false, "only the named actors, not their capitals, cities, companies or people")
	return cmd
}

func runTimeline(opts *timelineOptions) error {
	_, g, err := opts.data.graph()
	if err != nil {
		return err
	}
	args := opts.actors
	var names []string
	sides := make([]side, len(args))
	sets := make([][]int32, len(args))
	for i, name := range args {
		if sides[i], err = resolveSide(g, name, opts.literal); err != nil {
			return err
		}
		sets[i] = sides[i].set
		names = append(names, g.Actor(sides[i].root).Name)
	}
	var ids []int32
	if len(args) == 1 {
		ids = g.LinksInvolving(sets[0], nil)
	} else {
		if sides[0].root == sides[1].root {
			return usagef("timeline needs two different actors (%s and %s are the same)", args[0], args[1])
		}
		ids = g.LinksInvolving(sets[0], sets[1])
	}
	sortChrono(g, ids)
	ls := links(g, ids)
	return opts.out.emit(jsonout.Timeline{Events: jsonout.FromLinks(ls)}, func(w io.Writer) error {
		return text.TimelineAnswer(w, g, names, ls, standsNote(g, sides...), opts.data.filterDesc())
	})
}
