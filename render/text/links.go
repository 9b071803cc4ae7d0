package text

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// ActorName returns the display name of actor id in g, on one line, or id itself when g has no such
// actor.
func ActorName(g *graph.Graph, id string) string {
	if i, ok := g.ActorIndex(id); ok {
		return oneLine(g.Actor(i).Name)
	}
	return id
}

// oneLine replaces line breaks and tabs in text meant for one cell of a table.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
}

// LinkColumn is one column of a link line.
type LinkColumn uint8

// The columns of a link line.
const (
	ColSpan    LinkColumn = iota // when the link holds (Span)
	ColEnds                      // its ends with the direction: "Baku → Moscow", "Armenia — Russia"
	ColKind                      // its kind
	ColDetails                   // qualifiers, attributes and sources (LinkDetails)
)

// LinkLine formats link l of g as one line of a table: the columns cols, in that order, separated by
// tabs. Every answer that lists links writes them with it.
func LinkLine(g *graph.Graph, l *graph.Link, cols ...LinkColumn) string {
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			b.WriteByte('\t')
		}
		switch c {
		case ColSpan:
			b.WriteString(Span(l))
		case ColEnds:
			b.WriteString(ActorName(g, l.From) + " " + Arrow(l, l.From) + " " + ActorName(g, l.To))
		case ColKind:
			b.WriteString(l.Kind)
		case ColDetails:
			b.WriteString(LinkDetails(g, l))
		}
	}
	return b.String()
}

// LinkDetails is the free-text tail of a link line: qualifiers, attributes and sources.
func LinkDetails(g *graph.Graph, l *graph.Link) string {
	var parts []string
	if q := Qualifiers(g, l); q != "" {
		parts = append(parts, "("+q+")")
	}
	if l.Recorded != nil {
		arrow := "—"
		if l.Directed {
			arrow = "→"
		}
		parts = append(parts, "[recorded "+ActorName(g, l.Recorded.From)+" "+arrow+" "+ActorName(g, l.Recorded.To)+"]")
	}
	if ro := Roles(g, l.Roles); ro != "" {
		parts = append(parts, ro)
	}
	if at := Attrs(l.Attrs, "derived"); at != "" {
		parts = append(parts, at)
	}
	if s := SourceRefs(l.Sources); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, "  ")
}

// LinkTable writes links one per line, aligned in columns: date span, the two ends with the direction,
// the kind (when withKind), and the details. Each line starts with indent.
func LinkTable(w io.Writer, g *graph.Graph, ls []graph.Link, indent string, withKind bool) error {
	cols := []LinkColumn{ColSpan, ColEnds, ColDetails}
	if withKind {
		cols = []LinkColumn{ColSpan, ColEnds, ColKind, ColDetails}
	}
	tw := NewTable(w)
	for i := range ls {
		fmt.Fprintf(tw, "%s%s\n", indent, LinkLine(g, &ls[i], cols...))
	}
	return tw.Flush()
}

// Links writes the answer of a list of links: the note (when there is one), the links, and their
// number. filter describes the active filters ("at 2016; kinds pipeline"), or is empty.
func Links(w io.Writer, g *graph.Graph, ls []graph.Link, note, filter string) error {
	if note != "" {
		fmt.Fprintln(w, note+"\n")
	}
	if len(ls) == 0 {
		_, err := fmt.Fprintln(w, "no links"+UnderFilter(filter))
		return err
	}
	if err := LinkTable(w, g, ls, "", true); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d link(s)%s\n", len(ls), UnderFilter(filter))
	return err
}

// Stand is a named place and the actor it stands for (a capital and its country).
type Stand struct{ Named, Root int32 }

// StandsNote says which named places stood for which actors ("Baku stands for Azerbaijan"), or "" when
// every actor named stood for itself.
func StandsNote(g *graph.Graph, stands ...Stand) string {
	var parts []string
	for _, s := range stands {
		if s.Named != s.Root {
			parts = append(parts, g.Actor(s.Named).Name+" stands for "+g.Actor(s.Root).Name)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + " (use --literal to ask about the places themselves)"
}

// LevelNote says which named actors count as which in a graph rolled up to a level ("Vladimir Putin
// counts as Russia at the country level"), or "" when every actor named is of the level.
func LevelNote(g *graph.Graph, level string, stands ...Stand) string {
	var parts []string
	for _, s := range stands {
		if s.Named != s.Root {
			parts = append(parts, g.Actor(s.Named).Name+" counts as "+g.Actor(s.Root).Name)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + " at the " + level + " level"
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

// Roles formats a link's roles by actor name, one role kind after another in the order given:
// "host: Ilham Aliyev; place: Baku", or "" when there are none.
func Roles(g *graph.Graph, roles []graph.Role) string {
	var b strings.Builder
	for i, r := range roles {
		switch {
		case i > 0 && r.Name == roles[i-1].Name:
			b.WriteString(", ")
		case i > 0:
			b.WriteString("; ")
			fallthrough
		default:
			b.WriteString(r.Name + ": ")
		}
		b.WriteString(ActorName(g, r.Actor))
	}
	return b.String()
}
