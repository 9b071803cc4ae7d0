package cli

import (
	"bytes"
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/answer"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/draw"
	"github.com/spf13/cobra"
)

// drawLimits are the flags --max-actors, --max-edges and --timeout, which render and diff share
// (addDrawFlags); answer.Draw checks them.
type drawLimits = answer.DrawLimits

// addDrawFlags defines the drawing limits' flags on cmd and checks them before it runs.
func addDrawFlags(cmd *cobra.Command, l *drawLimits) {
	f := cmd.Flags()
	countFlag(f, &l.MaxActors, "max-actors", 0, 0, 0, "",
		"refuse to lay out more than `N` actors (default 400 for dot, 300 for twopi, 250 for neato, fdp and circo)")
	countFlag(f, &l.MaxEdges, "max-edges", 0, 0, 0, "",
		"refuse to lay out more than `N` lines, parallel links merged (default 800 for dot, 1000 for neato, 300 for circo, 2000 for fdp and twopi)")
	f.DurationVar(&l.Timeout, "timeout", answer.DefaultDrawTimeout, "stop the layout after `DURATION` such as 30s or 5m (0: no limit)")
	prev := cmd.PreRunE
	cmd.PreRunE = func(cmd *cobra.Command, args []string) error {
		if prev != nil {
			if err := prev(cmd, args); err != nil {
				return err
			}
		}
		if l.Timeout < 0 {
			return usagef("--timeout must not be negative (got %v)", l.Timeout)
		}
		return checkCounts(cmd, args)
	}
}

// renderLayouts are the layout engines render offers, in the order help lists them.
var renderLayouts = answer.Layouts

// renderFormats maps -o's file extensions to formats.
var renderFormats = map[string]string{".svg": "svg", ".png": "png", ".dot": "dot", ".gv": "dot"}

// renderOptions are the flags and arguments of 'relgraph render'.
type renderOptions struct {
	data *dataset
	out  *printer
	ctx  context.Context

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
	depthSet bool // --depth was given
	titleSet bool // --title was given
	actors   []string
}

func newRenderCmd(f *factory) *cobra.Command {
	o := &renderOptions{data: f.data, out: f.out}
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
		ValidArgsFunction: f.data.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ctx = cmd.Context()
			o.depthSet, o.titleSet = cmd.Flags().Changed("depth"), cmd.Flags().Changed("title")
			o.actors = args
			return runRender(o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.focus, "focus", "", "draw the ego network of `ACTOR`")
	fl.IntVar(&o.depth, "depth", 1, "with --focus, how many links away from the actor to go")
	fl.BoolVar(&o.path, "path", false, "draw a shortest path between the two actors given as arguments")
	fl.StringVar(&o.cluster, "cluster", "", "group actors: 'country' draws each country's actors in a box")
	fl.StringVar(&o.layout, "layout", "dot", "Graphviz layout `engine`: "+strings.Join(renderLayouts, ", "))
	fl.StringVar(&o.as, "as", "", "output `format`: svg, png or dot (default: from -o's extension, else svg)")
	fl.StringVar(&o.title, "title", "", "the diagram's title (default: says what is drawn; \"\" for none)")
	fl.BoolVar(&o.noLegend, "no-legend", false, "leave out the legend")
	fl.StringVar(&o.labels, "labels", "auto", "`which` links carry a label: auto (small views only), none, kind, full (kind and dates)")
	addDrawFlags(cmd, &o.limits)
	_ = cmd.RegisterFlagCompletionFunc("focus", f.data.completeActors)
	_ = cmd.RegisterFlagCompletionFunc("layout", cobra.FixedCompletions(append(renderLayouts, "sfdp"), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("as", cobra.FixedCompletions([]string{"svg", "png", "dot"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("cluster", cobra.FixedCompletions([]string{"country"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// renderFormat decides the output format from --as and the extension of -o's output.
func renderFormat(as, output string) (string, error) {
	fromExt := ""
	if output != "" && output != "-" {
		ext := strings.ToLower(filepath.Ext(output))
		fromExt = renderFormats[ext]
		if fromExt == "" && as == "" {
			return "", usagef("cannot tell the format from %q: name a .svg, .png or .dot file, or use --as svg|png|dot", output)
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
			return "", usagef("--as %s contradicts the extension of %q", as, output)
		}
		return as, nil
	}
	return "", usagef("unknown --as %q (want svg, png or dot)", as)
}

func runRender(o *renderOptions) error {
	args := o.actors
	if o.out.isJSON() {
		return usagef("render draws pictures; --json and --format json do not apply (use --as svg|png|dot)")
	}
	format, err := renderFormat(o.as, o.out.output)
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
	case o.depthSet && o.focus == "":
		return usagef("--depth applies to --focus")
	case o.depth < 0:
		return usagef("--depth must be 0 or more")
	}
	labels, err := render.ParseEdgeLabels(o.labels)
	if err != nil {
		return usagef("--labels: %w", err)
	}
	if format == "png" && !o.out.toFile() && o.out.stdoutIsTerminal() {
		return usagef("not writing a PNG to a terminal: use -o FILE.png or redirect the output")
	}

	v, err := o.data.view()
	if err != nil {
		return err
	}
	pic := answer.Picture{Layout: o.layout, Cluster: o.cluster, NoLegend: o.noLegend, Labels: labels}
	switch {
	case o.path:
		pic.From, pic.To = args[0], args[1]
	case o.focus != "":
		pic.Focus, pic.Depth = o.focus, o.depth
	}
	if o.titleSet {
		pic.Title = &o.title
	}
	d, err := v.Diagram(pic)
	if err != nil {
		return err
	}
	narrow := "--focus ACTOR --depth 1, --path A B, --kinds K1,K2 or --at DATE"
	return drawDiagram(o.ctx, o.out, d, o.layout, format, o.limits, narrow)
}

// drawDiagram writes d as DOT, or has the relgraph-render helper draw it as SVG or PNG, through out.
// It is where render and diff enforce the limits of a drawing: a view with more actors or lines than
// lim allows for the layout engine is refused before layout, and the helper is stopped when it runs
// past lim's timeout. narrow lists the flags of the command that draw less. DOT is written whatever
// the size of the view, as a stream.
func drawDiagram(ctx context.Context, out *printer, d *render.Diagram, layout, format string, lim drawLimits, narrow string) error {
	if format == "dot" {
		return out.stream(false, d.WriteDOT)
	}
	getenv := out.getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	// An interrupt stops the helper too: it runs in a process group of its own, which the terminal's
	// Ctrl-C does not reach.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	var pic bytes.Buffer
	if err := answer.Draw(ctx, d, layout, format, lim, narrow, draw.DefaultLocator(getenv, os.Executable), &pic); err != nil {
		return err
	}
	return out.writeOutput(pic.Bytes())
}
