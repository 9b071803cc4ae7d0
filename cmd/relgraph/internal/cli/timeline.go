package cli

import (
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
come last. An actor's capital, companies, ministries and people count as the actor unless --literal,
so 'timeline azerbaijan russia' includes Putin's visits to Baku and SOCAR's deals with Rosneft; a
link an actor had a role in (host, place…) is part of its timeline. --since/--until cut the window.`,
		Example: `  relgraph timeline azerbaijan russia
  relgraph timeline "Ilham Aliyev"
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
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	ans, err := v.Timeline(opts.actors, opts.literal)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}
