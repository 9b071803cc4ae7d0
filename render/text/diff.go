package text

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
)

// The text of a diff between two snapshots reads like a unified diff: a header naming both sides,
// then the actors, then the links grouped by kind, each line marked '-' (only in the old snapshot),
// '+' (only in the new) or '~' (in both, changed), a changed one followed by its changed fields as
// "field: old → new".

// DiffSide is one side of a diff: the argument that named it, what it stands for ("caucasus at 2016",
// "snapshot of caucasus"; may be empty), and its graph.
type DiffSide struct {
	Arg   string
	Desc  string
	Graph *graph.Graph
}

// DiffHeader writes the header of a diff: both sides with their sizes, and what focus keeps (when not
// empty).
func DiffHeader(w io.Writer, old, new DiffSide, focus string) {
	side := func(s DiffSide) string {
		return JoinNonEmpty(": ", s.Desc, fmt.Sprintf("%d actors, %d links", s.Graph.NumPresent(), s.Graph.NumLinks()))
	}
	fmt.Fprintf(w, "--- %s  (%s)\n+++ %s  (%s)\n", old.Arg, side(old), new.Arg, side(new))
	if focus != "" {
		fmt.Fprintf(w, "only %s\n", focus)
	}
}

// ColourDiff colours the lines of a text diff as a terminal shows them: added green, removed red,
// changed yellow, the header bold. It is applied to text whose control characters are already
// escaped, so that its own escape sequences are the only ones in the result.
func ColourDiff(text []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(text, []byte("\n")) {
		body := bytes.TrimSuffix(line, []byte("\n"))
		code := ""
		switch {
		case bytes.HasPrefix(body, []byte("+++ ")), bytes.HasPrefix(body, []byte("--- ")):
			code = "1"
		case bytes.HasPrefix(body, []byte("+")):
			code = "32"
		case bytes.HasPrefix(body, []byte("-")):
			code = "31"
		case bytes.HasPrefix(body, []byte("~")):
			code = "33"
		}
		if code == "" || len(body) == 0 {
			out.Write(line)
			continue
		}
		fmt.Fprintf(&out, "\033[%sm%s\033[0m%s", code, body, line[len(body):])
	}
	return out.Bytes()
}

// DescribeFilters says what a snapshot's filters selected: "at 2016, kinds alliance".
func DescribeFilters(fs []graph.Filter) string {
	var parts []string
	for _, f := range fs {
		for _, p := range []struct {
			word string
			d    graph.Date
		}{{"at", f.At}, {"since", f.Since}, {"until", f.Until}} {
			if p.d != 0 {
				parts = append(parts, p.word+" "+p.d.String())
			}
		}
		if len(f.Kinds) > 0 {
			parts = append(parts, "kinds "+strings.Join(f.Kinds, ","))
		}
		if len(f.ExcludeKinds) > 0 {
			parts = append(parts, "without "+strings.Join(f.ExcludeKinds, ","))
		}
		if f.Level != "" {
			parts = append(parts, "at "+f.Level+" level")
		}
	}
	return strings.Join(parts, ", ")
}

// DiffSummaryTable writes the counts of a diff as a table: actors, each link kind, all links.
func DiffSummaryTable(w io.Writer, s query.DiffCounts) error {
	if s.Actors.Added+s.Actors.Removed+s.Actors.Changed+s.Total.Added+s.Total.Removed+s.Total.Changed == 0 {
		_, err := fmt.Fprintln(w, "\nno differences")
		return err
	}
	fmt.Fprintln(w)
	tw := NewTable(w)
	fmt.Fprintln(tw, "\tADDED\tREMOVED\tCHANGED")
	fmt.Fprintf(tw, "actors\t%d\t%d\t%d\n", s.Actors.Added, s.Actors.Removed, s.Actors.Changed)
	for _, k := range s.Links {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", k.Kind, k.Added, k.Removed, k.Changed)
	}
	fmt.Fprintf(tw, "all links\t%d\t%d\t%d\n", s.Total.Added, s.Total.Removed, s.Total.Changed)
	return tw.Flush()
}

// diffEntry is one line of the text diff: a link added, removed or changed, or a whole route.
type diffEntry struct {
	mark   string // "+", "-", "~"
	link   *graph.Link
	g      *graph.Graph // the graph the link's names are looked up in
	change *graph.LinkChange
	// route is the actor whose whole route was added or removed; link is then its first segment.
	route *graph.Actor
}

// routeEntries makes the entries of links added or removed: one per link, except that the segments of
// a route that are all there make one entry for the route ("Southern Gas Corridor: Baku → Tbilisi →
// Erzurum…") rather than one line per segment.
func routeEntries(mark string, g *graph.Graph, ls []graph.Link) []diffEntry {
	byVia := map[string][]int{}
	for i := range ls {
		if v := ls[i].Attrs["via"]; v != "" {
			byVia[v] = append(byVia[v], i)
		}
	}
	whole := map[int]bool{}
	var out []diffEntry
	for _, v := range slices.Sorted(maps.Keys(byVia)) {
		idx := byVia[v]
		a, ok := g.ActorIndex(v)
		if !ok {
			continue
		}
		ac := g.Actor(a)
		if len(ac.Route) < 2 || len(idx) != len(ac.Route)-1 || ls[idx[0]].Kind != ac.RouteKind {
			continue
		}
		for _, i := range idx {
			whole[i] = true
		}
		out = append(out, diffEntry{mark: mark, link: &ls[idx[0]], g: g, route: ac})
	}
	for i := range ls {
		if !whole[i] {
			out = append(out, diffEntry{mark: mark, link: &ls[i], g: g})
		}
	}
	return out
}

// Diff writes the changes c from old to new like a unified diff: a summary line, the actors, then the
// links grouped by kind, in each group the removed links, then the added, then the changed, each
// oldest first.
func Diff(w io.Writer, old, new *graph.Graph, c graph.Changes) error {
	if c.Empty() {
		_, err := fmt.Fprintln(w, "\nno differences")
		return err
	}
	s := query.CountChanges(&c)
	fmt.Fprintf(w, "\n%s\n", summaryLine(s))
	if n := len(c.Actors.Added) + len(c.Actors.Removed) + len(c.Actors.Changed); n > 0 {
		fmt.Fprintf(w, "\nactors (%s)\n", counts(s.Actors))
		tw := NewTable(w)
		for _, x := range c.Actors.Removed {
			writeActorLine(tw, "-", old, &x)
		}
		for _, x := range c.Actors.Added {
			writeActorLine(tw, "+", new, &x)
		}
		for _, ch := range c.Actors.Changed {
			writeActorLine(tw, "~", new, &ch.After)
			for _, line := range actorChangeLines(old, new, &ch) {
				fmt.Fprintf(tw, "\t    %s\n", line)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	byKind := map[string][]diffEntry{}
	for _, e := range routeEntries("-", old, c.Links.Removed) {
		byKind[e.link.Kind] = append(byKind[e.link.Kind], e)
	}
	for _, e := range routeEntries("+", new, c.Links.Added) {
		byKind[e.link.Kind] = append(byKind[e.link.Kind], e)
	}
	for i := range c.Links.Changed {
		ch := &c.Links.Changed[i]
		byKind[ch.After.Kind] = append(byKind[ch.After.Kind], diffEntry{mark: "~", link: &ch.After, g: new, change: ch})
	}
	markOrder := map[string]int{"-": 0, "+": 1, "~": 2}
	for _, k := range s.Links {
		entries := byKind[k.Kind]
		slices.SortStableFunc(entries, func(x, y diffEntry) int {
			return cmp.Or(cmp.Compare(markOrder[x.mark], markOrder[y.mark]), compareWhen(x.link, y.link))
		})
		fmt.Fprintf(w, "\n%s (%s)\n", k.Kind, counts(k))
		tw := NewTable(w)
		for _, e := range entries {
			writeLinkLine(tw, e)
			if e.change != nil {
				for _, line := range LinkChangeLines(old, new, e.change) {
					fmt.Fprintf(tw, "\t    %s\n", line)
				}
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// compareWhen orders links oldest first (undated last), then by id.
func compareWhen(x, y *graph.Link) int {
	dx, dy := x.When().Lo(), y.When().Lo()
	if (dx == 0) != (dy == 0) {
		if dx == 0 {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(dx, dy), strings.Compare(x.ID, y.ID))
}

// summaryLine says in words how many things changed: "3 links added, 1 removed; 2 actors added".
func summaryLine(s query.DiffCounts) string {
	phrase := func(what string, added, removed, changed int) string {
		var parts []string
		for _, p := range []struct {
			n    int
			verb string
		}{{added, "added"}, {removed, "removed"}, {changed, "changed"}} {
			if p.n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", p.n, p.verb))
			}
		}
		if len(parts) == 0 {
			return ""
		}
		return what + ": " + strings.Join(parts, ", ")
	}
	return JoinNonEmpty("; ",
		phrase("links", s.Total.Added, s.Total.Removed, s.Total.Changed),
		phrase("actors", s.Actors.Added, s.Actors.Removed, s.Actors.Changed))
}

// counts formats "+3 -1 ~2", leaving out zeros.
func counts(k query.KindCount) string {
	var parts []string
	for _, c := range []struct {
		mark string
		n    int
	}{{"+", k.Added}, {"-", k.Removed}, {"~", k.Changed}} {
		if c.n > 0 {
			parts = append(parts, c.mark+strconv.Itoa(c.n))
		}
	}
	return strings.Join(parts, " ")
}

// writeActorLine writes one actor of a diff: "+ Name	(id · kind, in X, 2010 – 2013)".
func writeActorLine(w io.Writer, mark string, g *graph.Graph, x *graph.Actor) {
	details := x.Kind
	if x.In != "" {
		details += ", in " + ActorName(g, x.In)
	}
	if x.Start != 0 || x.End != 0 {
		details += ", " + Span(&graph.Link{Start: x.Start, End: x.End})
	}
	fmt.Fprintf(w, "%s %s\t(%s · %s)\n", mark, x.Name, x.ID, details)
}

// writeLinkLine writes one link of a diff, marked: its link line, a whole route on one line, or (for a
// changed link, whose changed fields follow) the span and the ends only.
func writeLinkLine(w io.Writer, e diffEntry) {
	l := e.link
	var line string
	switch {
	case e.route != nil:
		names := make([]string, len(e.route.Route))
		for i, id := range e.route.Route {
			names[i] = ActorName(e.g, id)
		}
		ends := e.route.Name + ": " + strings.Join(names, " "+Arrow(l, l.From)+" ")
		details := JoinNonEmpty("  ", parenthesised(Qualifiers(e.g, l)), Attrs(l.Attrs, "via", "derived"), SourceRefs(l.Sources))
		line = e.mark + " " + Span(l) + "\t" + ends + "\t" + details
	case e.change == nil:
		line = e.mark + " " + LinkLine(e.g, l, ColSpan, ColEnds, ColDetails)
	default:
		line = e.mark + " " + LinkLine(e.g, l, ColSpan, ColEnds)
	}
	fmt.Fprintln(w, strings.TrimRight(line, "\t "))
}

func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// LinkChangeLines describes each changed field of a link as "field: old → new", names looked up in
// the graph of their side.
func LinkChangeLines(old, new *graph.Graph, ch *graph.LinkChange) []string {
	b, a := &ch.Before, &ch.After
	date := func(d graph.Date) string {
		if d == 0 {
			return "none"
		}
		return d.String()
	}
	var out []string
	line := func(field, from, to string) { out = append(out, field+": "+from+" → "+to) }
	for _, f := range ch.Fields {
		switch f {
		case "kind":
			line(f, b.Kind, a.Kind)
		case "from":
			line(f, ActorName(old, b.From), ActorName(new, a.From))
		case "to":
			line(f, ActorName(old, b.To), ActorName(new, a.To))
		case "start":
			line(f, date(b.Start), date(a.Start))
		case "end":
			line(f, date(b.End), date(a.End))
		case "on":
			line(f, date(b.On), date(a.On))
		case "certainty":
			line(f, b.Certainty.String(), a.Certainty.String())
		case "sign":
			line(f, SignWord(b.Sign), SignWord(a.Sign))
		case "weight":
			line(f, strconv.FormatFloat(b.Weight, 'g', -1, 64), strconv.FormatFloat(a.Weight, 'g', -1, 64))
		case "roles":
			line(f, cmp.Or(Roles(old, b.Roles), "none"), cmp.Or(Roles(new, a.Roles), "none"))
		case "attrs":
			out = append(out, attrChanges(b.Attrs, a.Attrs)...)
		case "sources":
			out = append(out, sourceChange(b.Sources, a.Sources))
		}
	}
	return out
}

// actorChangeLines describes each changed field of an actor as "field: old → new".
func actorChangeLines(old, new *graph.Graph, ch *graph.ActorChange) []string {
	b, a := &ch.Before, &ch.After
	or := func(s string) string { return cmp.Or(s, "none") }
	date := func(d graph.Date) string { return or(d.String()) }
	names := func(g *graph.Graph, ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = ActorName(g, id)
		}
		return or(strings.Join(out, " → "))
	}
	var out []string
	line := func(field, from, to string) { out = append(out, field+": "+from+" → "+to) }
	for _, f := range ch.Fields {
		switch f {
		case "name":
			line(f, b.Name, a.Name)
		case "kind":
			line(f, b.Kind, a.Kind)
		case "aliases":
			line(f, or(strings.Join(b.Aliases, ", ")), or(strings.Join(a.Aliases, ", ")))
		case "in":
			line(f, or(ActorName(old, b.In)), or(ActorName(new, a.In)))
		case "stands_for":
			line("stands for", or(ActorName(old, b.StandsFor)), or(ActorName(new, a.StandsFor)))
		case "start":
			line(f, date(b.Start), date(a.Start))
		case "end":
			line(f, date(b.End), date(a.End))
		case "route":
			line(f, names(old, b.Route), names(new, a.Route))
		case "route_kind":
			line("route kind", or(b.RouteKind), or(a.RouteKind))
		case "certainty":
			line(f, b.Certainty.String(), a.Certainty.String())
		case "attrs":
			out = append(out, attrChanges(b.Attrs, a.Attrs)...)
		case "sources":
			out = append(out, sourceChange(b.Sources, a.Sources))
		}
	}
	return out
}

// attrChanges describes changed attributes, one line per key: "value: $1 billion → $2 billion".
func attrChanges(before, after map[string]string) []string {
	keys := append(slices.Collect(maps.Keys(before)), slices.Collect(maps.Keys(after))...)
	slices.Sort(keys)
	var out []string
	for _, k := range slices.Compact(keys) {
		bv, bok := before[k]
		av, aok := after[k]
		switch {
		case !bok:
			out = append(out, k+": none → "+av)
		case !aok:
			out = append(out, k+": "+bv+" → none")
		case av != bv:
			out = append(out, k+": "+bv+" → "+av)
		}
	}
	return out
}

// sourceChange describes changed sources by their references, or says that only notes changed.
func sourceChange(before, after []graph.Source) string {
	b, a := SourceRefs(before), SourceRefs(after)
	if b == a {
		return "sources: notes reworded"
	}
	return "sources: " + cmp.Or(b, "none") + " → " + cmp.Or(a, "none")
}
