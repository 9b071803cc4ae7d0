package cli

import (
	"github.com/spf13/cobra"
)

// linksOptions are the flags and arguments of 'relgraph links'.
type linksOptions struct {
	data *dataset
	out  *printer

	literal bool
	actors  []string // none, one or two
}

func newLinksCmd(f *factory) *cobra.Command {
	opts := &linksOptions{data: f.data, out: f.out}
	cmd := &cobra.Command{
		Use:   "links [ACTOR [ACTOR]]",
		Short: "List the links of one actor, between two, or all",
		Long: `List links oldest first. With one actor, the links it took part in: as one of their ends or in a
role (the host of a visit, its place, the body that announced it); with two, the links between them:
one at an end and the other at the other end or in a role. Places that stand for an actor and actors
that belong to it (its capital, companies, ministries, people) count as that actor unless --literal:
'links Baku Moscow' lists Azerbaijan–Russia links, Putin's visits among them.`,
		Example: `  relgraph links azerbaijan russia --kinds arms_sale
  relgraph links Baku Moscow --since 2020
  relgraph links "Vladimir Putin" Azerbaijan --literal
  relgraph links putin "ilham aliyev"
  relgraph links --kinds pipeline --json`,
		Args:              rangeArgs(0, 2, "at most two actors"),
		ValidArgsFunction: f.data.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.actors = args
			return runLinks(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.literal, "literal", false, "match only the named actors, not their capitals, cities, companies or people")
	return cmd
}

func runLinks(opts *linksOptions) error {
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	ans, err := v.Links(opts.actors, opts.literal)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}
