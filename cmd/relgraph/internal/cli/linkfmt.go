package cli

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
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

// actorName returns the display name of an actor id, on one line.
func actorName(g *graph.Graph, id string) string {
	if i, ok := g.ActorIndex(id); ok {
		return oneLine(g.Actor(i).Name)
	}
	return id
}

// oneLine replaces line breaks and tabs in text meant for one cell of a text table.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
}

// writeLinkTable writes links one per line: date span, the two ends with the direction, kind,
// qualifiers, attributes and source references, aligned in columns.
func writeLinkTable(w io.Writer, g *graph.Graph, ls []graph.Link, indent string, withKind bool) error {
	tw := newTable(w)
	for i := range ls {
		l := &ls[i]
		arrow := "—"
		if l.Directed {
			arrow = "→"
		}
		cols := []string{render.Span(l), actorName(g, l.From) + " " + arrow + " " + actorName(g, l.To)}
		if withKind {
			cols = append(cols, l.Kind)
		}
		cols = append(cols, linkDetails(g, l))
		fmt.Fprintf(tw, "%s%s\n", indent, strings.Join(cols, "\t"))
	}
	return tw.Flush()
}

// linkDetails is the free-text tail of a link line: qualifiers, attributes and sources.
func linkDetails(g *graph.Graph, l *graph.Link) string {
	var parts []string
	if q := render.Qualifiers(g, l); q != "" {
		parts = append(parts, "("+q+")")
	}
	if at := render.Attrs(l.Attrs, "derived"); at != "" {
		parts = append(parts, at)
	}
	if s := render.SourceRefs(l.Sources); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, "  ")
}

// side is one end of a relationship question: the actor named, the actor it stands for, and the
// actors that count as it.
type side struct {
	named, root int32
	set         []int32
}

// resolveSide resolves a name for a relationship question. Unless literal, a place that stands for an
// actor (a capital) is replaced by that actor, and the actor's sphere (graph.Sphere) counts as it.
func (a *app) resolveSide(full, g *graph.Graph, name string, literal bool) (side, error) {
	id, err := a.resolve(full, name)
	if err != nil {
		return side{}, err
	}
	if literal {
		return side{named: id, root: id, set: []int32{id}}, nil
	}
	root := g.StandsFor(id)
	return side{named: id, root: root, set: g.Sphere(root)}, nil
}

// standsNote says which named places stood for which actors ("Baku stands for Azerbaijan"), or "".
func standsNote(g *graph.Graph, sides ...side) string {
	var parts []string
	for _, s := range sides {
		if s.named != s.root {
			parts = append(parts, g.Actor(s.named).Name+" stands for "+g.Actor(s.root).Name)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + " (use --literal to ask about the places themselves)"
}
