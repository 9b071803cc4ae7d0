package cli

import (
	"io"

	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
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
		Long: `List links oldest first. With one actor, the links that touch it; with two, the links between
them. Places that stand for an actor and actors that belong to it (its capital, cities, companies,
people) count as that actor unless --literal: 'links Baku Moscow' lists Azerbaijan–Russia links.`,
		Example: `  relgraph links azerbaijan russia --kinds arms_sale
  relgraph links Baku Moscow --since 2020
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
	_, g, err := opts.data.graph()
	if err != nil {
		return err
	}
	var ids []int32
	var note string
	switch len(opts.actors) {
	case 0:
		for i := range g.NumLinks() {
			ids = append(ids, int32(i))
		}
	default:
		sides := make([]side, len(opts.actors))
		sets := make([][]int32, len(opts.actors))
		for i, name := range opts.actors {
			if sides[i], err = resolveSide(g, name, opts.literal); err != nil {
				return err
			}
			sets[i] = sides[i].set
		}
		note = standsNote(g, sides...)
		if len(opts.actors) == 1 {
			ids = g.LinksInvolving(sets[0], nil)
		} else {
			ids = g.LinksInvolving(sets[0], sets[1])
		}
	}
	sortChrono(g, ids)
	ls := links(g, ids)
	return opts.out.emit(jsonout.LinkList{Links: jsonout.FromLinks(ls)}, func(w io.Writer) error {
		return text.Links(w, g, ls, note, opts.data.filterDesc())
	})
}
