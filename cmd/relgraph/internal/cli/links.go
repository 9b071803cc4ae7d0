package cli

import (
	"io"

	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
)

func (a *app) newLinksCmd() *cobra.Command {
	var literal bool
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
		ValidArgsFunction: a.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			full, g, err := a.graph()
			if err != nil {
				return err
			}
			var ids []int32
			var note string
			switch len(args) {
			case 0:
				for i := range g.NumLinks() {
					ids = append(ids, int32(i))
				}
			default:
				sides := make([]side, len(args))
				sets := make([][]int32, len(args))
				for i, name := range args {
					if sides[i], err = a.resolveSide(full, g, name, literal); err != nil {
						return err
					}
					sets[i] = sides[i].set
				}
				note = standsNote(g, sides...)
				if len(args) == 1 {
					ids = g.LinksAcross(sets[0], nil, false)
				} else {
					ids = g.LinksAcross(sets[0], sets[1], false)
				}
			}
			sortChrono(g, ids)
			ls := links(g, ids)
			return a.emit(jsonout.LinkList{Links: jsonout.FromLinks(ls)}, func(w io.Writer) error {
				return text.Links(w, g, ls, note, a.filterDesc())
			})
		},
	}
	cmd.Flags().BoolVar(&literal, "literal", false, "match only the named actors, not their capitals, cities, companies or people")
	return cmd
}

// underFilter returns " (at 2016; kinds …)" when filters are active, else "".
func (a *app) underFilter() string {
	return text.UnderFilter(a.filterDesc())
}
