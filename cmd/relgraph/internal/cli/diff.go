package cli

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/spf13/cobra"
)

type diffOpts struct {
	summary bool
	focus   string
	depth   int
	as      string
	layout  string
	limits  drawLimits
}

func (a *app) newDiffCmd() *cobra.Command {
	var o diffOpts
	cmd := &cobra.Command{
		Use:   "diff OLD NEW [--summary] [--focus ACTOR [--depth N]] [-o FILE.svg|png|dot]",
		Short: "What changed between two snapshots: actors and links added, removed and changed",
		Long: `Compare two snapshots of a graph. OLD and NEW are each

  @DATE   the dataset (--data, else the embedded one) as it stood on DATE (like --at DATE)
  PATH    a dataset directory, a CSV file or a snapshot file written by 'relgraph snapshot'

Actors are matched by id, links by link id (explicit, or derived from kind, ends and date, so the same
relationship keeps its id across snapshots). The output reads like a unified diff, grouped by link
kind: '-' a link or actor only in OLD, '+' only in NEW, '~' in both with other dates, certainty,
sign, weight, attributes or sources, followed by each changed field as 'field: old → new'. An actor
renamed to a new id shows as removed and added. --kinds and --exclude-kinds apply to both sides;
--at, --since and --until apply to PATH arguments only (an @DATE argument sets its own date).

--summary prints counts per kind; --json the changes in full. With -o FILE.svg, .png or .dot the
union of both snapshots is drawn: added in green, removed in red, changed in orange, unchanged in
grey; --focus ACTOR --depth N draws only the actors within N links of ACTOR in either snapshot (and
also cuts the text and JSON output down to them). Exit status 0 also when nothing changed.`,
		Example: `  relgraph diff @2016 @2020
  relgraph diff @2020 @2024 --summary
  relgraph diff @2020 @2024 --kinds alliance,energy_deal,membership
  relgraph diff old.json new.json --json
  relgraph diff @2012 @2024 --focus azerbaijan --depth 1 -o azerbaijan-2012-2024.svg`,
		Args: exactArgs(2, "OLD and NEW"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runDiff(cmd, o, args)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.summary, "summary", false, "print only the number of changes per kind")
	f.StringVar(&o.focus, "focus", "", "only the changes around `ACTOR`")
	f.IntVar(&o.depth, "depth", 1, "with --focus, how many links away from the actor to go")
	f.StringVar(&o.as, "as", "", "draw the changes: `format` svg, png or dot (default: from -o's extension)")
	f.StringVar(&o.layout, "layout", "dot", "Graphviz layout `engine` of the drawing: "+strings.Join(renderLayouts, ", "))
	addDrawFlags(cmd, &o.limits)
	_ = cmd.RegisterFlagCompletionFunc("focus", a.completeActors)
	_ = cmd.RegisterFlagCompletionFunc("as", cobra.FixedCompletions([]string{"svg", "png", "dot"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// diffSide is one side of a diff: the argument, what it stands for, and the graph.
type diffSide struct {
	arg  string
	desc string // "caucasus at 2016", "old.json"
	g    *graph.Graph
}

func (a *app) runDiff(cmd *cobra.Command, o diffOpts, args []string) error {
	format := ""
	if o.as != "" || isPictureFile(a.output) {
		var err error
		if format, err = a.renderFormat(o.as); err != nil {
			return err
		}
	}
	switch {
	case format != "" && a.format == "json":
		return usagef("--json does not apply to a drawing (-o %s)", a.output)
	case format != "" && o.summary:
		return usagef("--summary does not apply to a drawing (-o %s)", a.output)
	case cmd.Flags().Changed("depth") && o.focus == "":
		return usagef("--depth applies to --focus")
	case o.depth < 0:
		return usagef("--depth must be 0 or more")
	case !slices.Contains(renderLayouts, o.layout):
		return usagef("unknown --layout %q (want %s)", o.layout, strings.Join(renderLayouts, ", "))
	case format == "png" && (a.output == "" || a.output == "-") && a.env.IsTerminal != nil && a.env.IsTerminal(a.env.Stdout):
		return usagef("not writing a PNG to a terminal: use -o FILE.png or redirect the output")
	}
	f, err := a.filter()
	if err != nil {
		return err
	}
	timed := f.At != 0 || f.Since != 0 || f.Until != 0
	if timed && (strings.HasPrefix(args[0], "@") || strings.HasPrefix(args[1], "@")) {
		return usagef("an @DATE argument sets its own date: use --at, --since and --until only with dataset or snapshot paths")
	}
	var sides [2]diffSide
	for i, arg := range args {
		if sides[i], err = a.diffSide(arg, f); err != nil {
			return err
		}
	}
	old, new := sides[0], sides[1]
	c := graph.Diff(old.g, new.g)

	var view map[string]bool // actor ids kept by --focus; nil keeps everything
	focusDesc := ""
	if o.focus != "" {
		var name string
		if view, name, err = a.diffFocus(old.g, new.g, o.focus, o.depth); err != nil {
			return err
		}
		c = focusChanges(c, view)
		focusDesc = fmt.Sprintf("the actors within %d link(s) of %s", o.depth, name)
	}
	if format != "" {
		return a.drawDiff(cmd, old, new, c, view, focusDesc, format, o)
	}
	if o.summary {
		s := summarise(c)
		return a.emit(struct {
			Old     string      `json:"old"`
			New     string      `json:"new"`
			Summary diffSummary `json:"summary"`
		}{old.arg, new.arg, s}, func(w io.Writer) error {
			writeDiffHeader(w, old, new, focusDesc)
			return writeDiffSummary(w, s)
		})
	}
	var style func([]byte) []byte
	if a.colour() {
		style = colourDiff
	}
	return a.emitStyled(struct {
		Old string `json:"old"`
		New string `json:"new"`
		jsonout.Changes
	}{old.arg, new.arg, jsonout.FromChanges(&c)}, func(w io.Writer) error {
		writeDiffHeader(w, old, new, focusDesc)
		return writeDiff(w, old.g, new.g, c)
	}, style)
}

// colourDiff colours the lines of a text diff as a terminal shows them: added green, removed red,
// changed yellow, the header bold.
func colourDiff(text []byte) []byte {
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

// isPictureFile reports whether -o names a drawing (.svg, .png, .dot, .gv).
func isPictureFile(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	dot := strings.LastIndexByte(name, '.')
	return dot >= 0 && renderFormats[strings.ToLower(name[dot:])] != ""
}

// diffSide loads one side of a diff: @DATE is the loaded dataset at DATE (with the kind filters of f),
// anything else a dataset or snapshot path (with every filter of f).
func (a *app) diffSide(arg string, f graph.Filter) (diffSide, error) {
	if rest, ok := strings.CutPrefix(arg, "@"); ok {
		d, err := graph.ParseDate(rest)
		if err != nil || d == 0 {
			return diffSide{}, usagef("%s: want @DATE with DATE as YYYY, YYYY-MM or YYYY-MM-DD", arg)
		}
		full, err := a.load()
		if err != nil {
			return diffSide{}, err
		}
		g, err := full.Filter(graph.Filter{At: d, Kinds: f.Kinds, ExcludeKinds: f.ExcludeKinds})
		if err != nil {
			return diffSide{}, usageError{err}
		}
		ins, err := a.inputs()
		if err != nil {
			return diffSide{}, err
		}
		var labels []string
		for _, in := range ins {
			labels = append(labels, inputLabel(in))
		}
		return diffSide{arg: arg, desc: strings.Join(labels, ", ") + " at " + d.String(), g: g}, nil
	}
	in, err := a.pathInput(arg)
	if err != nil {
		if d, derr := graph.ParseDate(arg); derr == nil && d != 0 && errors.Is(err, os.ErrNotExist) {
			return diffSide{}, usagef("no dataset or snapshot %q; for the dataset at a date write @%s", arg, arg)
		}
		return diffSide{}, err
	}
	full, err := data.Load(in)
	if err != nil {
		var ps data.Problems
		if errors.As(err, &ps) {
			return diffSide{}, fmt.Errorf("%s has %d problem(s):\n%w", arg, len(ps), firstProblems(ps, 20))
		}
		return diffSide{}, fmt.Errorf("%s: %w", arg, err)
	}
	g, err := full.Filter(f)
	if err != nil {
		if errors.Is(err, graph.ErrFilter) {
			return diffSide{}, usageError{fmt.Errorf("%s: %w", arg, err)}
		}
		return diffSide{}, err
	}
	desc := ""
	if in.File != "" && strings.EqualFold(filepath.Ext(in.File), ".json") {
		if h, err := data.ReadSnapshotHeader(in.FS, in.File); err == nil {
			desc = "snapshot of " + strings.Join(h.Datasets, ", ")
			if fd := describeFilters(h.Filters); fd != "" {
				desc += " " + fd
			}
		}
	}
	if d := a.filterDesc(); d != "" {
		desc = joinNonEmpty("; ", desc, d)
	}
	return diffSide{arg: arg, desc: desc, g: g}, nil
}

// describeFilters says what a snapshot's filters selected: "at 2016, kinds alliance".
func describeFilters(fs []graph.Filter) string {
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
	}
	return strings.Join(parts, ", ")
}

// joinNonEmpty joins the non-empty strings with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// diffFocus returns the ids of the actors within depth links of the named actor in either graph, and
// the actor's name.
func (a *app) diffFocus(old, new *graph.Graph, name string, depth int) (map[string]bool, string, error) {
	view := map[string]bool{}
	var firstErr error
	display := ""
	for _, g := range []*graph.Graph{new, old} {
		id, err := a.resolve(g, name)
		if err != nil {
			firstErr = cmp.Or(firstErr, err)
			continue
		}
		display = cmp.Or(display, g.Actor(id).Name)
		for _, x := range query.Ego(g, id, depth) {
			view[g.Actor(x).ID] = true
		}
	}
	if display == "" {
		return nil, "", firstErr
	}
	if len(view) == 0 {
		return nil, "", fmt.Errorf("%s is in neither snapshot%s", display, a.underFilter())
	}
	return view, display, nil
}

// focusChanges keeps the changes to actors in view and to links with both ends in it.
func focusChanges(c graph.Changes, view map[string]bool) graph.Changes {
	keepActor := func(x graph.Actor) bool { return view[x.ID] }
	keepLink := func(l graph.Link) bool { return view[l.From] && view[l.To] }
	out := graph.Changes{
		Actors: graph.ActorChanges{Added: filter(c.Actors.Added, keepActor), Removed: filter(c.Actors.Removed, keepActor),
			Changed: filter(c.Actors.Changed, func(ch graph.ActorChange) bool { return view[ch.ID] })},
		Links: graph.LinkChanges{Added: filter(c.Links.Added, keepLink), Removed: filter(c.Links.Removed, keepLink),
			Changed: filter(c.Links.Changed, func(ch graph.LinkChange) bool { return keepLink(ch.Before) || keepLink(ch.After) })},
	}
	return out
}

func filter[T any](s []T, keep func(T) bool) []T {
	out := []T{}
	for _, x := range s {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func writeDiffHeader(w io.Writer, old, new diffSide, focus string) {
	side := func(s diffSide) string {
		return joinNonEmpty(": ", s.desc, fmt.Sprintf("%d actors, %d links", s.g.NumPresent(), s.g.NumLinks()))
	}
	fmt.Fprintf(w, "--- %s  (%s)\n+++ %s  (%s)\n", old.arg, side(old), new.arg, side(new))
	if focus != "" {
		fmt.Fprintf(w, "only %s\n", focus)
	}
}

// kindCount is the number of changes of one kind.
type kindCount struct {
	Kind    string `json:"kind"`
	Added   int    `json:"added"`
	Removed int    `json:"removed"`
	Changed int    `json:"changed"`
}

// diffSummary counts changes: actors, and links per kind.
type diffSummary struct {
	Actors kindCount   `json:"actors"`
	Links  []kindCount `json:"links"`
	Total  kindCount   `json:"total"`
}

func summarise(c graph.Changes) diffSummary {
	s := diffSummary{Actors: kindCount{Kind: "actors", Added: len(c.Actors.Added), Removed: len(c.Actors.Removed), Changed: len(c.Actors.Changed)},
		Total: kindCount{Kind: "links"}, Links: []kindCount{}}
	byKind := map[string]*kindCount{}
	count := func(kind string) *kindCount {
		if byKind[kind] == nil {
			byKind[kind] = &kindCount{Kind: kind}
		}
		return byKind[kind]
	}
	for _, l := range c.Links.Added {
		count(l.Kind).Added++
		s.Total.Added++
	}
	for _, l := range c.Links.Removed {
		count(l.Kind).Removed++
		s.Total.Removed++
	}
	for _, ch := range c.Links.Changed {
		count(ch.After.Kind).Changed++
		s.Total.Changed++
	}
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		s.Links = append(s.Links, *byKind[k])
	}
	return s
}

func writeDiffSummary(w io.Writer, s diffSummary) error {
	if s.Actors.Added+s.Actors.Removed+s.Actors.Changed+s.Total.Added+s.Total.Removed+s.Total.Changed == 0 {
		_, err := fmt.Fprintln(w, "\nno differences")
		return err
	}
	fmt.Fprintln(w)
	tw := newTable(w)
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

// writeDiff writes the changes like a unified diff: actors first, then the links grouped by kind, in
// each group the removed links, then the added, then the changed, each oldest first.
func writeDiff(w io.Writer, old, new *graph.Graph, c graph.Changes) error {
	if c.Empty() {
		_, err := fmt.Fprintln(w, "\nno differences")
		return err
	}
	s := summarise(c)
	fmt.Fprintf(w, "\n%s\n", summaryLine(s))
	if n := len(c.Actors.Added) + len(c.Actors.Removed) + len(c.Actors.Changed); n > 0 {
		fmt.Fprintf(w, "\nactors (%s)\n", counts(s.Actors))
		tw := newTable(w)
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
		tw := newTable(w)
		for _, e := range entries {
			writeLinkLine(tw, e)
			if e.change != nil {
				for _, line := range changeLines(old, new, e.change) {
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
func summaryLine(s diffSummary) string {
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
	var out []string
	for _, p := range []string{
		phrase("links", s.Total.Added, s.Total.Removed, s.Total.Changed),
		phrase("actors", s.Actors.Added, s.Actors.Removed, s.Actors.Changed),
	} {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "; ")
}

// counts formats "+3 -1 ~2", leaving out zeros.
func counts(k kindCount) string {
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

func writeActorLine(w io.Writer, mark string, g *graph.Graph, x *graph.Actor) {
	details := x.Kind
	if x.In != "" {
		details += ", in " + actorName(g, x.In)
	}
	if x.Start != 0 || x.End != 0 {
		details += ", " + render.Span(&graph.Link{Start: x.Start, End: x.End})
	}
	fmt.Fprintf(w, "%s %s\t(%s · %s)\n", mark, x.Name, x.ID, details)
}

func writeLinkLine(w io.Writer, e diffEntry) {
	l := e.link
	arrow := "—"
	if l.Directed {
		arrow = "→"
	}
	ends := actorName(e.g, l.From) + " " + arrow + " " + actorName(e.g, l.To)
	details := ""
	switch {
	case e.route != nil:
		names := make([]string, len(e.route.Route))
		for i, id := range e.route.Route {
			names[i] = actorName(e.g, id)
		}
		ends = e.route.Name + ": " + strings.Join(names, " "+arrow+" ")
		details = joinNonEmpty("  ", parenthesised(render.Qualifiers(e.g, l)), render.Attrs(l.Attrs, "via", "derived"), render.SourceRefs(l.Sources))
	case e.change == nil:
		details = linkDetails(e.g, l)
	}
	line := fmt.Sprintf("%s %s\t%s\t%s", e.mark, render.Span(l), ends, details)
	fmt.Fprintln(w, strings.TrimRight(line, "\t "))
}

func parenthesised(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// changeLines describes each changed field of a link as "field: old → new".
func changeLines(old, new *graph.Graph, ch *graph.LinkChange) []string {
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
			line(f, actorName(old, b.From), actorName(new, a.From))
		case "to":
			line(f, actorName(old, b.To), actorName(new, a.To))
		case "start":
			line(f, date(b.Start), date(a.Start))
		case "end":
			line(f, date(b.End), date(a.End))
		case "on":
			line(f, date(b.On), date(a.On))
		case "certainty":
			line(f, b.Certainty.String(), a.Certainty.String())
		case "sign":
			line(f, render.SignWord(b.Sign), render.SignWord(a.Sign))
		case "weight":
			line(f, strconv.FormatFloat(b.Weight, 'g', -1, 64), strconv.FormatFloat(a.Weight, 'g', -1, 64))
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
			out[i] = actorName(g, id)
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
			line(f, or(actorName(old, b.In)), or(actorName(new, a.In)))
		case "stands_for":
			line("stands for", or(actorName(old, b.StandsFor)), or(actorName(new, a.StandsFor)))
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
	b, a := render.SourceRefs(before), render.SourceRefs(after)
	if b == a {
		return "sources: notes reworded"
	}
	return "sources: " + cmp.Or(b, "none") + " → " + cmp.Or(a, "none")
}

// drawDiff draws the union of both graphs (or the part of it in view) with the diff colours.
func (a *app) drawDiff(cmd *cobra.Command, old, new diffSide, c graph.Changes, view map[string]bool, focusDesc, format string, o diffOpts) error {
	title := fmt.Sprintf("Changes from %s to %s", cmp.Or(old.desc, old.arg), cmp.Or(new.desc, new.arg))
	if focusDesc != "" {
		title += ": " + focusDesc
	}
	d := render.NewDiagram(render.DOTOptions{Title: title, Layout: o.layout})
	inView := func(id string) bool { return view == nil || view[id] }
	status := map[string]render.Status{}
	for _, l := range c.Links.Added {
		status[l.ID] = render.StatusAdded
	}
	for _, ch := range c.Links.Changed {
		status[ch.ID] = render.StatusChanged
	}
	actorStatus := map[string]render.Status{}
	for _, x := range c.Actors.Added {
		actorStatus[x.ID] = render.StatusAdded
	}
	for _, x := range c.Actors.Removed {
		actorStatus[x.ID] = render.StatusRemoved
	}
	// Actors first, so that every drawn actor carries its status, then the links of NEW (added,
	// changed, unchanged) and those only in OLD (removed).
	addActors := func(g *graph.Graph, links func(yield func(int32) bool)) {
		for l := range links {
			from, to := g.Ends(l)
			for _, x := range []int32{from, to} {
				id := g.Actor(x).ID
				st := actorStatus[id]
				if st == render.StatusNone {
					st = render.StatusUnchanged
				}
				d.AddActor(g, x, st)
			}
		}
	}
	newLinks := func(yield func(int32) bool) {
		for l := range int32(new.g.NumLinks()) {
			from, to := new.g.Ends(l)
			if inView(new.g.Actor(from).ID) && inView(new.g.Actor(to).ID) && !yield(l) {
				return
			}
		}
	}
	removed := map[string]bool{}
	for _, l := range c.Links.Removed {
		removed[l.ID] = true
	}
	oldLinks := func(yield func(int32) bool) {
		for l := range int32(old.g.NumLinks()) {
			from, to := old.g.Ends(l)
			if inView(old.g.Actor(from).ID) && inView(old.g.Actor(to).ID) && removed[old.g.LinkID(l)] && !yield(l) {
				return
			}
		}
	}
	addActors(new.g, newLinks)
	addActors(old.g, oldLinks)
	for _, x := range c.Actors.Added {
		if i, ok := new.g.ActorIndex(x.ID); ok && inView(x.ID) {
			d.AddActor(new.g, i, render.StatusAdded)
		}
	}
	for _, x := range c.Actors.Removed {
		if i, ok := old.g.ActorIndex(x.ID); ok && inView(x.ID) {
			d.AddActor(old.g, i, render.StatusRemoved)
		}
	}
	for l := range newLinks {
		st := status[new.g.LinkID(l)]
		if st == render.StatusNone {
			st = render.StatusUnchanged
		}
		d.AddLink(new.g, l, st)
	}
	for l := range oldLinks {
		d.AddLink(old.g, l, render.StatusRemoved)
	}
	for i := range c.Links.Changed {
		ch := &c.Links.Changed[i]
		d.Note(ch.ID, strings.Join(changeLines(old.g, new.g, ch), "\n"))
	}
	if d.NumActors() == 0 {
		return errors.New("nothing to draw: neither snapshot has a link in view")
	}
	return a.drawDiagram(cmd.Context(), d, o.layout, format, o.limits, "--focus ACTOR --depth 1 or --kinds K1,K2")
}
