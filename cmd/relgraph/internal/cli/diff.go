package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/answer"
	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
)

// diffOptions are the flags and arguments of 'relgraph diff'.
type diffOptions struct {
	data *dataset
	out  *printer
	ctx  context.Context

	summary  bool
	brokers  bool
	exitCode bool // exit 1 when something changed
	quiet    bool // print nothing; implies exitCode
	focus    string
	depth    int
	as       string
	layout   string
	limits   drawLimits
	depthSet bool      // --depth was given
	args     [2]string // OLD and NEW
}

func newDiffCmd(f *factory) *cobra.Command {
	o := &diffOptions{data: f.data, out: f.out}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW [--summary] [--focus ACTOR [--depth N]] [-o FILE.svg|png|dot]",
		Short: "What changed between two snapshots: actors and links added, removed and changed",
		Long: `Compare two snapshots of a graph. OLD and NEW are each

  @DATE   the dataset (--data, else the embedded one) as it stood on DATE (like --at DATE)
  PATH    a dataset directory, a CSV file or a snapshot file written by 'relgraph snapshot'

Actors are matched by id, links by link id (explicit, or derived from kind, ends and date, so the same
relationship keeps its id across snapshots). The output reads like a unified diff, grouped by link
kind: '-' a link or actor only in OLD, '+' only in NEW, '~' in both with other dates, certainty,
sign, weight, roles, attributes or sources, followed by each changed field as 'field: old → new'. An actor
renamed to a new id shows as removed and added. --kinds and --exclude-kinds apply to both sides;
--at, --since and --until apply to PATH arguments only (an @DATE argument sets its own date).

--summary prints counts per kind; --json the changes in full. --brokers answers how brokerage
changed instead: the actors that became or stopped being articulation points, the ties that became
or stopped being bridges, the biggest risers and fallers in betweenness, and the groups of actors
that lost or gained their only connection, each with the added or removed links that did it. With -o FILE.svg, .png or .dot the
union of both snapshots is drawn: added in green, removed in red, changed in orange, unchanged in
grey; --focus ACTOR --depth N draws only the actors within N links of ACTOR in either snapshot (and
also cuts the text and JSON output down to them).

Exit status: 0, also when something changed. With --exit-code, as with diff(1) and 'git diff
--exit-code': 0 when nothing changed, 1 when something did, 2 on any error. --quiet prints nothing and
implies --exit-code, for scripts: 'relgraph diff old.json new.json --quiet || echo changed'.`,
		Example: `  relgraph diff @2016 @2020
  relgraph diff @2020 @2024 --summary
  relgraph diff @2012 @2024 --brokers --level country
  relgraph diff @2020 @2024 --kinds alliance,energy_deal,membership
  relgraph diff old.json new.json --json
  relgraph diff @2012 @2024 --focus azerbaijan --depth 1 -o azerbaijan-2012-2024.svg
  relgraph diff snapshot-may.json snapshot-june.json --quiet && echo unchanged`,
		Args: exactArgs(2, "OLD and NEW"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ctx = cmd.Context()
			o.depthSet = cmd.Flags().Changed("depth")
			o.args = [2]string{args[0], args[1]}
			if o.quiet {
				o.exitCode = true
			}
			err := runDiff(o)
			var ue usageError
			if err != nil && o.exitCode && !errors.Is(err, errDifferent) && !errors.As(err, &ue) {
				return troubleError{err}
			}
			return err
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&o.summary, "summary", false, "print only the number of changes per kind")
	fl.BoolVar(&o.brokers, "brokers", false, "how brokerage changed: articulation points, bridges, betweenness and who can reach whom, with the links that did it")
	fl.BoolVar(&o.exitCode, "exit-code", false, "exit 1 when something changed, 0 when nothing did (2 on errors)")
	fl.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing; the exit status says whether something changed (implies --exit-code)")
	fl.StringVar(&o.focus, "focus", "", "only the changes around `ACTOR`")
	fl.IntVar(&o.depth, "depth", 1, "with --focus, how many links away from the actor to go")
	fl.StringVar(&o.as, "as", "", "draw the changes: `format` svg, png or dot (default: from -o's extension)")
	fl.StringVar(&o.layout, "layout", "dot", "Graphviz layout `engine` of the drawing: "+strings.Join(renderLayouts, ", "))
	addDrawFlags(cmd, &o.limits)
	_ = cmd.RegisterFlagCompletionFunc("focus", f.data.completeActors)
	_ = cmd.RegisterFlagCompletionFunc("as", cobra.FixedCompletions([]string{"svg", "png", "dot"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runDiff(o *diffOptions) error {
	args, out := o.args, o.out
	format := ""
	if o.as != "" || isPictureFile(out.output) {
		var err error
		if format, err = renderFormat(o.as, out.output); err != nil {
			return err
		}
	}
	switch {
	case format != "" && out.isJSON():
		return usagef("--json does not apply to a drawing (-o %s)", out.output)
	case format != "" && o.summary:
		return usagef("--summary does not apply to a drawing (-o %s)", out.output)
	case o.depthSet && o.focus == "":
		return usagef("--depth applies to --focus")
	case o.depth < 0:
		return usagef("--depth must be 0 or more")
	case o.quiet && (format != "" || out.toFile() || out.isJSON() || o.summary):
		return usagef("--quiet prints nothing: it does not go with -o, --as, --json or --summary")
	case !slices.Contains(renderLayouts, o.layout):
		return usagef("unknown --layout %q (want %s)", o.layout, strings.Join(renderLayouts, ", "))
	case format == "png" && !out.toFile() && out.stdoutIsTerminal():
		return usagef("not writing a PNG to a terminal: use -o FILE.png or redirect the output")
	}
	f, err := o.data.filter()
	if err != nil {
		return err
	}
	timed := f.At != 0 || f.Since != 0 || f.Until != 0
	if timed && (strings.HasPrefix(args[0], "@") || strings.HasPrefix(args[1], "@")) {
		return usagef("an @DATE argument sets its own date: use --at, --since and --until only with dataset or snapshot paths")
	}
	var sides [2]text.DiffSide
	for i, arg := range args {
		if sides[i], err = diffSide(o.data, arg, f); err != nil {
			return err
		}
	}
	if o.brokers {
		if o.summary || o.focus != "" || format != "" || o.quiet {
			return usagef("--brokers is an answer of its own: it does not go with --summary, --focus, --quiet or a drawing")
		}
		b, err := answer.NewBrokers(sides[0], sides[1])
		if err != nil {
			return err
		}
		return o.out.emit(b.JSON(), b.Text)
	}
	ans, err := answer.NewDiff(sides[0], sides[1], o.focus, o.depth, o.data.filterDesc())
	if err != nil {
		return err
	}
	if o.quiet {
		return o.differences(&ans.Changes)
	}
	if err := writeDiffAnswer(o, ans, format); err != nil {
		return err
	}
	return o.differences(&ans.Changes)
}

// differences is what --exit-code makes of the changes c: errDifferent when there are any.
func (o *diffOptions) differences(c *graph.Changes) error {
	if o.exitCode && !c.Empty() {
		return errDifferent
	}
	return nil
}

// writeDiffAnswer writes the changes c between old and new: drawn in format, counted (--summary), or
// in full as text or JSON.
func writeDiffAnswer(o *diffOptions, ans *answer.Diff, format string) error {
	out := o.out
	if format != "" {
		return drawDiff(o, ans.Old, ans.New, ans.Changes, ans.View, ans.Focus, format)
	}
	if o.summary {
		return out.emit(ans.SummaryJSON(), ans.SummaryText)
	}
	var style func([]byte) []byte
	if out.colour() {
		style = text.ColourDiff
	}
	return out.emitStyled(ans.JSON(), ans.Text, style)
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
func diffSide(ds *dataset, arg string, f graph.Filter) (text.DiffSide, error) {
	if strings.HasPrefix(arg, "@") {
		full, err := ds.load()
		if err != nil {
			return text.DiffSide{}, err
		}
		ins, err := ds.inputs()
		if err != nil {
			return text.DiffSide{}, err
		}
		var labels []string
		for _, in := range ins {
			labels = append(labels, inputLabel(in))
		}
		return answer.DateSide(full, arg, strings.Join(labels, ", "), f)
	}
	in, err := ds.pathInput(arg)
	if err != nil {
		if d, derr := graph.ParseDate(arg); derr == nil && d != 0 && errors.Is(err, os.ErrNotExist) {
			return text.DiffSide{}, usagef("no dataset or snapshot %q; for the dataset at a date write @%s", arg, arg)
		}
		return text.DiffSide{}, err
	}
	full, err := ds.loadInput(arg, in)
	if err != nil {
		var ps data.Problems
		if errors.As(err, &ps) {
			return text.DiffSide{}, fmt.Errorf("%s has %d problem(s):\n%w", arg, len(ps), firstProblems(ps, 20))
		}
		return text.DiffSide{}, fmt.Errorf("%s: %w", arg, err)
	}
	g, err := full.Filter(f)
	if err != nil {
		if errors.Is(err, graph.ErrFilter) {
			return text.DiffSide{}, usageError{fmt.Errorf("%s: %w", arg, err)}
		}
		return text.DiffSide{}, err
	}
	desc := ""
	if in.File != "" && strings.EqualFold(filepath.Ext(in.File), ".json") {
		if h, err := data.ReadSnapshotHeader(in.FS, in.File); err == nil {
			desc = "snapshot of " + strings.Join(h.Datasets, ", ")
			if fd := text.DescribeFilters(h.Filters); fd != "" {
				desc += " " + fd
			}
		}
	}
	if d := ds.filterDesc(); d != "" {
		desc = text.JoinNonEmpty("; ", desc, d)
	}
	return text.DiffSide{Arg: arg, Desc: desc, Graph: g}, nil
}

// drawDiff draws the union of both graphs (or the part of it in view) with the diff colours.
func drawDiff(o *diffOptions, old, new text.DiffSide, c graph.Changes, view map[string]bool, focusDesc, format string) error {
	title := fmt.Sprintf("Changes from %s to %s", cmp.Or(old.Desc, old.Arg), cmp.Or(new.Desc, new.Arg))
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
		for l := range int32(new.Graph.NumLinks()) {
			from, to := new.Graph.Ends(l)
			if inView(new.Graph.Actor(from).ID) && inView(new.Graph.Actor(to).ID) && !yield(l) {
				return
			}
		}
	}
	removed := map[string]bool{}
	for _, l := range c.Links.Removed {
		removed[l.ID] = true
	}
	oldLinks := func(yield func(int32) bool) {
		for l := range int32(old.Graph.NumLinks()) {
			from, to := old.Graph.Ends(l)
			if inView(old.Graph.Actor(from).ID) && inView(old.Graph.Actor(to).ID) && removed[old.Graph.LinkID(l)] && !yield(l) {
				return
			}
		}
	}
	addActors(new.Graph, newLinks)
	addActors(old.Graph, oldLinks)
	for _, x := range c.Actors.Added {
		if i, ok := new.Graph.ActorIndex(x.ID); ok && inView(x.ID) {
			d.AddActor(new.Graph, i, render.StatusAdded)
		}
	}
	for _, x := range c.Actors.Removed {
		if i, ok := old.Graph.ActorIndex(x.ID); ok && inView(x.ID) {
			d.AddActor(old.Graph, i, render.StatusRemoved)
		}
	}
	for l := range newLinks {
		st := status[new.Graph.LinkID(l)]
		if st == render.StatusNone {
			st = render.StatusUnchanged
		}
		d.AddLink(new.Graph, l, st)
	}
	for l := range oldLinks {
		d.AddLink(old.Graph, l, render.StatusRemoved)
	}
	for i := range c.Links.Changed {
		ch := &c.Links.Changed[i]
		d.Note(ch.ID, strings.Join(text.LinkChangeLines(old.Graph, new.Graph, ch), "\n"))
	}
	if d.NumActors() == 0 {
		return errors.New("nothing to draw: neither snapshot has a link in view")
	}
	return drawDiagram(o.ctx, o.out, d, o.layout, format, o.limits, "--focus ACTOR --depth 1 or --kinds K1,K2")
}
