package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/draw"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
)

// Limits of a drawing. A layout's time grows with its actors and faster still with its lines (times
// measured on two busy cores): with dot, 60 actors take 1 s with 400 lines and 10–20 s with 800, a complete graph of 60 actors (1770
// lines) more than two minutes; neato's time follows the actors (20–50 s for 250 actors, whatever the
// lines); circo's explodes on dense blocks (3 s at 100 lines among 60 actors, 17 s at 200, 100 s at
// 300), while fdp and twopi, which draw straight lines, lay out 2000 lines in about a second. The
// defaults below refuse what is unreadable or would run for minutes, before any layout, and the
// time budget stops the rest.

// defaultMaxActors is how many actors each layout engine is asked to place by default.
func defaultMaxActors(layout string) int {
	switch layout {
	case "dot":
		return 400
	case "twopi":
		return 300
	}
	return 250
}

// defaultMaxEdges is how many lines (links after merging, see render.Diagram.NumEdges) each layout
// engine is asked to route by default.
func defaultMaxEdges(layout string) int {
	switch layout {
	case "dot":
		return 800
	case "neato":
		return 1000
	case "circo":
		return 300
	}
	return 2000 // fdp, twopi
}

// defaultDrawTimeout is the default of --timeout: how long the helper may take to lay out and draw.
const defaultDrawTimeout = time.Minute

// drawLimits bound a drawing: the flags --max-actors, --max-edges and --timeout, which render and diff
// share (addDrawFlags), checked in one place (drawDiagram).
type drawLimits struct {
	maxActors, maxEdges int           // 0: the layout engine's default
	timeout             time.Duration // 0: none
}

// addDrawFlags defines the drawing limits' flags on cmd and checks them before it runs.
func addDrawFlags(cmd *cobra.Command, l *drawLimits) {
	f := cmd.Flags()
	countFlag(f, &l.maxActors, "max-actors", 0, 0, 0, "",
		"refuse to lay out more than `N` actors (default 400 for dot, 300 for twopi, 250 for neato, fdp and circo)")
	countFlag(f, &l.maxEdges, "max-edges", 0, 0, 0, "",
		"refuse to lay out more than `N` lines, parallel links merged (default 800 for dot, 1000 for neato, 300 for circo, 2000 for fdp and twopi)")
	f.DurationVar(&l.timeout, "timeout", defaultDrawTimeout, "stop the layout after `DURATION` such as 30s or 5m (0: no limit)")
	prev := cmd.PreRunE
	cmd.PreRunE = func(cmd *cobra.Command, args []string) error {
		if prev != nil {
			if err := prev(cmd, args); err != nil {
				return err
			}
		}
		if l.timeout < 0 {
			return usagef("--timeout must not be negative (got %v)", l.timeout)
		}
		return checkCounts(cmd, args)
	}
}

// limits returns the actor and line limits for a layout engine: the flags, or the engine's defaults.
func (l drawLimits) limits(layout string) (actors, edges int) {
	actors, edges = defaultMaxActors(layout), defaultMaxEdges(layout)
	if l.maxActors > 0 {
		actors = l.maxActors
	}
	if l.maxEdges > 0 {
		edges = l.maxEdges
	}
	return actors, edges
}

// renderLayouts are the layout engines render offers, in the order help lists them.
var renderLayouts = []string{"dot", "neato", "fdp", "circo", "twopi"}

// renderFormats maps -o's file extensions to formats.
var renderFormats = map[string]string{".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot"}

type renderOpts struct {
	focus    string
	depth    int
	path     bool
	cluster  string
	layout   string
	as       string
	title    string
	noLegend bool
	labels   string
	limits   drawLimits
}

func (a *app) newRenderCmd() *cobra.Command {
	var o renderOpts
	cmd := &cobra.Command{
		Use:   "render [--focus ACTOR [--depth N] | --path A B] [--layout L] [--as svg|png|dot] [-o FILE]",
		Short: "Draw the graph, an actor's ego network or a path as SVG, PNG or DOT",
		Long: `Draw a diagram of the graph with Graphviz. Without --focus or --path it draws every actor that has a
link in the current view (the filters --at, --since, --until, --kinds and --exclude-kinds apply).

  --focus A --depth N   A and the actors within N links of it (default depth 1), and their links
  --path A B            a shortest path from A to B (fewest links, any kind), drawn bold, with the
                        actors linked to two or more of its actors around it, faded

Actors are drawn by kind (country: box, region: dashed rounded box, city: oval, organization: hexagon,
company: tabbed box, person: egg, infrastructure: arrow, military-unit: house) and links by kind
(colour); hostile links are dashed, alleged ones dotted, planned ones dashed and paler. Links of one
kind between the same two actors are merged into one thicker line. A legend lists what is drawn, and
in an SVG every actor and line has a tooltip with its dates, attributes and sources.

The format comes from -o's extension (.svg, .png, .dot or .gv) or --as; the default is SVG on
standard output. SVG and PNG are drawn by the companion program relgraph-render, installed beside
relgraph by 'go install ./cmd/...' (or named by RELGRAPH_RENDER); --as dot needs no helper.

A layout's time grows fast with what it draws, so SVG and PNG are refused before layout above
--max-actors actors or --max-edges lines (links of one kind between two actors count once), and
the layout is stopped after --timeout (default 1m). The defaults depend on the engine:

  layout   actors  lines
  dot        400    800
  neato      250   1000
  fdp        250   2000
  circo      250    300
  twopi      300   2000

--as dot writes any view, whatever its size.`,
		Example: `  relgraph render -o region.svg
  relgraph render --focus azerbaijan --depth 1 -o azerbaijan.png
  relgraph render --path Baku Moscow -o baku-moscow.svg
  relgraph render --kinds pipeline,railway,energy_deal --cluster country -o energy.svg
  relgraph render --focus russia --layout neato --at 2016 --as dot > russia-2016.dot`,
		Args:              rangeArgs(0, 2, "no arguments, or two actors with --path"),
		ValidArgsFunction: a.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runRender(cmd, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.focus, "focus", "", "draw the ego network of `ACTOR`")
	f.IntVar(&o.depth, "depth", 1, "with --focus, how many links away from the actor to go")
	f.BoolVar(&o.path, "path", false, "draw a shortest path between the two actors given as arguments")
	f.StringVar(&o.cluster, "cluster", "", "group actors: 'country' draws each country's actors in a box")
	f.StringVar(&o.layout, "layout", "dot", "Graphviz layout `engine`: "+strings.Join(renderLayouts, ", "))
	f.StringVar(&o.as, "as", "", "output `format`: svg, png or dot (default: from -o's extension, else svg)")
	f.StringVar(&o.title, "title", "", "the diagram's title (default: says what is drawn; \"\" for none)")
	f.BoolVar(&o.noLegend, "no-legend", false, "leave out the legend")
	f.StringVar(&o.labels, "labels", "auto", "`which` links carry a label: auto (small views only), none, kind, full (kind and dates)")
	addDrawFlags(cmd, &o.limits)
	_ = cmd.RegisterFlagCompletionFunc("focus", a.completeActors)
	_ = cmd.RegisterFlagCompletionFunc("layout", cobra.FixedCompletions(append(renderLayouts, "sfdp"), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("as", cobra.FixedCompletions([]string{"svg", "png", "dot"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("cluster", cobra.FixedCompletions([]string{"country"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// renderFormat decides the output format from --as and -o's extension.
func (a *app) renderFormat(as string) (string, error) {
	fromExt := ""
	if a.output != "" && a.output != "-" {
		ext := strings.ToLower(filepath.Ext(a.output))
		fromExt = renderFormats[ext]
		if fromExt == "" && as == "" {
			return "", usagef("cannot tell the format from %q: name a .svg, .png or .dot file, or use --as svg|png|dot", a.output)
		}
	}
	switch as {
	case "":
		if fromExt == "" {
			return "svg", nil
		}
		return fromExt, nil
	case "svg", "png", "dot":
		if fromExt != "" && fromExt != as {
			return "", usagef("--as %s contradicts the extension of %q", as, a.output)
		}
		return as, nil
	}
	return "", usagef("unknown --as %q (want svg, png or dot)", as)
}

func (a *app) runRender(cmd *cobra.Command, o renderOpts, args []string) error {
	if a.format == "json" {
		return usagef("render draws pictures; --json and --format json do not apply (use --as svg|png|dot)")
	}
	format, err := a.renderFormat(o.as)
	if err != nil {
		return err
	}
	switch {
	case o.layout == "sfdp":
		return usagef("--layout sfdp is not offered: the Graphviz build relgraph uses crowds every node of an sfdp layout into a small box; use neato or fdp for a spring layout")
	case !slices.Contains(renderLayouts, o.layout):
		return usagef("unknown --layout %q (want %s)", o.layout, strings.Join(renderLayouts, ", "))
	case o.cluster != "" && o.cluster != render.ClusterCountry:
		return usagef("unknown --cluster %q (want country)", o.cluster)
	case o.path && o.focus != "":
		return usagef("use --focus or --path, not both")
	case o.path && len(args) != 2:
		return usagef("--path takes two actors as arguments: relgraph render --path A B")
	case !o.path && len(args) > 0:
		return usagef("render takes actors only with --path (did you mean --path %s or --focus %s?)", strings.Join(args, " "), args[0])
	case cmd.Flags().Changed("depth") && o.focus == "":
		return usagef("--depth applies to --focus")
	case o.depth < 0:
		return usagef("--depth must be 0 or more")
	}
	labels, err := render.ParseEdgeLabels(o.labels)
	if err != nil {
		return usagef("--labels: %w", err)
	}
	if format == "png" && (a.output == "" || a.output == "-") && a.env.IsTerminal != nil && a.env.IsTerminal(a.env.Stdout) {
		return usagef("not writing a PNG to a terminal: use -o FILE.png or redirect the output")
	}

	full, g, err := a.graph()
	if err != nil {
		return err
	}
	opts := render.DOTOptions{Layout: o.layout, Cluster: o.cluster, NoLegend: o.noLegend, Labels: labels}
	var what string
	switch {
	case o.path:
		from, err := a.presentActor(full, g, args[0])
		if err != nil {
			return err
		}
		to, err := a.presentActor(full, g, args[1])
		if err != nil {
			return err
		}
		p, err := query.ShortestPathView(g, from, to)
		var np *query.NoPathError
		if errors.As(err, &np) {
			return fmt.Errorf("no path between %s and %s%s: nothing to draw", g.Actor(from).Name, g.Actor(to).Name, a.underFilter())
		}
		if err != nil {
			return err
		}
		opts.Actors, opts.Highlight, opts.HighlightLinks = p.Actors(), p.Path, p.Links
		opts.Focus = []int32{from, to}
		what = fmt.Sprintf("%s to %s: a shortest path, %s", g.Actor(from).Name, g.Actor(to).Name, text.Plural(float64(len(p.Path)-1), "link"))
	case o.focus != "":
		id, err := a.presentActor(full, g, o.focus)
		if err != nil {
			return err
		}
		opts.Actors, opts.Focus = query.Ego(g, id, o.depth), []int32{id}
		what = fmt.Sprintf("%s and the actors within %s", g.Actor(id).Name, text.Plural(float64(o.depth), "link"))
		if o.depth == 1 {
			what = g.Actor(id).Name + " and its neighbours"
		}
	default:
		what = "All actors and links"
	}
	if d := a.filterDesc(); d != "" {
		what += " — " + strings.ReplaceAll(d, ",", ", ")
	}
	opts.Title = what
	if cmd.Flags().Changed("title") {
		opts.Title = o.title
	}

	d := render.NewDiagram(opts)
	d.AddGraph(g)
	if d.NumActors() == 0 {
		return fmt.Errorf("nothing to draw: no actor has a link%s", a.underFilter())
	}
	narrow := "--focus ACTOR --depth 1, --path A B, --kinds K1,K2 or --at DATE"
	return a.drawDiagram(cmd.Context(), d, o.layout, format, o.limits, narrow)
}

// drawDiagram writes d as DOT, or has the relgraph-render helper draw it as SVG or PNG, to the output.
// It is where render and diff enforce the limits of a drawing: a view with more actors or lines than
// lim allows for the layout engine is refused before layout, and the helper is stopped when it runs
// past lim's timeout. narrow lists the flags of the command that draw less. DOT is written whatever
// the size of the view, as a stream.
func (a *app) drawDiagram(ctx context.Context, d *render.Diagram, layout, format string, lim drawLimits, narrow string) error {
	if format == "dot" {
		return a.stream(false, d.WriteDOT)
	}
	maxActors, maxEdges := lim.limits(layout)
	if n := d.NumActors(); n > maxActors {
		return fmt.Errorf("%d actors are too many to draw legibly with %s (the limit is %d): narrow the view with %s, or raise --max-actors",
			n, layout, maxActors, narrow)
	}
	edges := d.NumEdges()
	if edges > maxEdges {
		other := "try --layout fdp or twopi, "
		if layout == "fdp" || layout == "twopi" {
			other = ""
		}
		return fmt.Errorf("%d lines are too many for %s to lay out in reasonable time (the limit is %d; %d actors, links of one kind between two actors counted once): narrow the view with %s, %sor raise --max-edges",
			edges, layout, maxEdges, d.NumActors(), narrow, other)
	}
	var dot bytes.Buffer
	if err := d.WriteDOT(&dot); err != nil {
		return err
	}
	getenv := a.env.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	// An interrupt stops the helper too: it runs in a process group of its own, which the terminal's
	// Ctrl-C does not reach.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	var pic bytes.Buffer
	err := draw.Draw(ctx, dot.Bytes(), draw.Options{
		Layout:   layout,
		Format:   format,
		MaxNodes: -1, // checked above
		Timeout:  lim.timeout,
		Locator:  draw.DefaultLocator(getenv, os.Executable),
	}, &pic)
	var he *draw.HelperError
	var te *draw.TimeoutError
	switch {
	case errors.As(err, &te):
		return fmt.Errorf("the %s layout of %d actors and %d lines did not finish within %v and was stopped: narrow the view with %s, lower --max-edges to refuse views this size at once, or allow more time with --timeout",
			layout, d.NumActors(), edges, te.Timeout, narrow)
	case errors.As(err, &he):
		return errors.New(he.Message) // it names the helper already
	case errors.Is(err, context.Canceled):
		return errors.New("interrupted: the drawing was stopped and nothing was written")
	case err != nil:
		return err
	}
	return a.writeOutput(pic.Bytes())
}

// presentActor resolves a name and checks that the actor is part of the filtered view.
func (a *app) presentActor(full, g *graph.Graph, name string) (int32, error) {
	id, err := a.resolve(full, name)
	if err != nil {
		return -1, err
	}
	if !g.Present(id) {
		return -1, fmt.Errorf("%s is not in the view%s", full.Actor(id).Name, a.underFilter())
	}
	return id, nil
}
