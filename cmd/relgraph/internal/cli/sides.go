package cli

import (
	"cmp"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/text"
)

// sortChrono orders links oldest first (by the first day of their On or Start date), undated links
// last, then by kind and id.
func sortChrono(g *graph.Graph, ids []int32) {
	slices.SortFunc(ids, func(x, y int32) int {
		dx, dy := g.WhenOf(x).Lo(), g.WhenOf(y).Lo()
		if (dx == 0) != (dy == 0) {
			if dx == 0 {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(dx, dy), strings.Compare(g.KindOf(x).ID, g.KindOf(y).ID), strings.Compare(g.LinkID(x), g.LinkID(y)))
	})
}

// links materialises link numbers.
func links(g *graph.Graph, ids []int32) []graph.Link {
	out := make([]graph.Link, len(ids))
	for i, id := range ids {
		out[i] = g.Link(id)
	}
	return out
}

// side is one end of a relationship question: the actor named, the actor it stands for, and the
// actors that count as it.
type side struct {
	named, root int32
	set         []int32
	level       string // the level the graph is rolled up to, when it is
}

// standsNote says which named places stood for which actors ("Baku stands for Azerbaijan"), or, in a
// graph rolled up to a level, which named actors count as which ("Vladimir Putin counts as Russia at
// the country level"), or "".
func standsNote(g *graph.Graph, sides ...side) string {
	stands := make([]text.Stand, len(sides))
	for i, s := range sides {
		stands[i] = text.Stand{Named: s.named, Root: s.root}
	}
	if g.Level() != "" {
		return text.LevelNote(g, g.Level(), stands...)
	}
	return text.StandsNote(g, stands...)
}
