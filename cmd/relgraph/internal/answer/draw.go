package answer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/draw"
	"github.com/relgraph/relgraph/render/text"
)

// Limits of a drawing. A layout's time grows with its actors and faster still with its lines (times
// measured on two busy cores): with dot, 60 actors take 1 s with 400 lines and 10–20 s with 800, a
// complete graph of 60 actors (1770 lines) more than two minutes; neato's time follows the actors
// (20–50 s for 250 actors, whatever the lines); circo's explodes on dense blocks (3 s at 100 lines
// among 60 actors, 17 s at 200, 100 s at 300), while fdp and twopi, which draw straight lines, lay out
// 2000 lines in about a second. The defaults below refuse what is unreadable or would run for minutes,
// before any layout, and the time budget stops the rest.

// Layouts are the Graphviz layout engines offered, in the order help lists them.
var Layouts = []string{"dot", "neato", "fdp", "circo", "twopi"}

// DefaultMaxActors is how many actors each layout engine is asked to place by default.
func DefaultMaxActors(layout string) int {
	switch layout {
	case "dot":
		return 400
	case "twopi":
		return 300
	}
	return 250
}

// DefaultMaxEdges is how many lines (links after merging, see render.Diagram.NumEdges) each layout
// engine is asked to route by default.
func DefaultMaxEdges(layout string) int {
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

// DefaultDrawTimeout is how long the helper may take to lay out and draw by default.
const DefaultDrawTimeout = time.Minute

// DrawLimits bound a drawing.
type DrawLimits struct {
	MaxActors, MaxEdges int           // 0: the layout engine's default
	Timeout             time.Duration // 0: none
}

// For returns the actor and line limits for a layout engine: those set, or the engine's defaults.
func (l DrawLimits) For(layout string) (actors, edges int) {
	actors, edges = DefaultMaxActors(layout), DefaultMaxEdges(layout)
	if l.MaxActors > 0 {
		actors = l.MaxActors
	}
	if l.MaxEdges > 0 {
		edges = l.MaxEdges
	}
	return actors, edges
}

// Picture says what to draw of a view: everything, an actor's ego network (Focus, Depth) or a
// shortest path (From, To), and how.
type Picture struct {
	Focus    string
	Depth    int
	From, To string
	// Layout is the Graphviz engine (see Layouts); Cluster groups actors ("country" or "").
	Layout, Cluster string
	NoLegend        bool
	Labels          render.EdgeLabels
	// Title replaces the title that says what is drawn, when not nil.
	Title *string
}

// present resolves a name and checks that the actor is part of the view.
func (v View) present(name string) (int32, error) {
	id, err := v.Resolve(name)
	if err != nil {
		return -1, err
	}
	if !v.Graph.Present(id) {
		return -1, fmt.Errorf("%s is not in the view%s", v.Graph.Actor(id).Name, text.UnderFilter(v.Filter))
	}
	return id, nil
}

// Diagram returns the diagram of what p asks to draw of the view, titled with what it shows.
func (v View) Diagram(p Picture) (*render.Diagram, error) {
	g := v.Graph
	opts := render.DOTOptions{Layout: p.Layout, Cluster: p.Cluster, NoLegend: p.NoLegend, Labels: p.Labels}
	var what string
	switch {
	case p.From != "" || p.To != "":
		from, err := v.present(p.From)
		if err != nil {
			return nil, err
		}
		to, err := v.present(p.To)
		if err != nil {
			return nil, err
		}
		sp, err := query.ShortestPathView(g, from, to)
		var np *query.NoPathError
		if errors.As(err, &np) {
			return nil, fmt.Errorf("no path between %s and %s%s: nothing to draw", g.Actor(from).Name, g.Actor(to).Name, text.UnderFilter(v.Filter))
		}
		if err != nil {
			return nil, err
		}
		opts.Actors, opts.Highlight, opts.HighlightLinks = sp.Actors(), sp.Path, sp.Links
		opts.Focus = []int32{from, to}
		what = fmt.Sprintf("%s to %s: a shortest path, %s", g.Actor(from).Name, g.Actor(to).Name, text.Plural(float64(len(sp.Path)-1), "link"))
	case p.Focus != "":
		if p.Depth < 0 {
			return nil, inputf("the depth must be 0 or more")
		}
		id, err := v.present(p.Focus)
		if err != nil {
			return nil, err
		}
		opts.Actors, opts.Focus = query.Ego(g, id, p.Depth), []int32{id}
		what = fmt.Sprintf("%s and the actors within %s", g.Actor(id).Name, text.Plural(float64(p.Depth), "link"))
		if p.Depth == 1 {
			what = g.Actor(id).Name + " and its neighbours"
		}
	default:
		what = "All actors and links"
	}
	if v.Filter != "" {
		what += " — " + strings.ReplaceAll(v.Filter, ",", ", ")
	}
	opts.Title = what
	if p.Title != nil {
		opts.Title = *p.Title
	}
	d := render.NewDiagram(opts)
	d.AddGraph(g)
	if d.NumActors() == 0 {
		return nil, fmt.Errorf("nothing to draw: no actor has a link%s", text.UnderFilter(v.Filter))
	}
	return d, nil
}

// DrawError is a drawing refused for its size or stopped for its time; its message says how to draw
// less.
type DrawError struct{ Err error }

// Error implements error.
func (e *DrawError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *DrawError) Unwrap() error { return e.Err }

// Draw writes d to w as DOT, or has the relgraph-render helper (found by loc) draw it as SVG or PNG.
// A view with more actors or lines than lim allows for the layout engine is refused before layout,
// and the helper is stopped past lim's timeout or when ctx ends; narrow says how to draw less, for the
// messages. Nothing is written to w unless the drawing succeeds.
func Draw(ctx context.Context, d *render.Diagram, layout, format string, lim DrawLimits, narrow string, loc draw.Locator, w io.Writer) error {
	if format == "dot" {
		return d.WriteDOT(w)
	}
	maxActors, maxEdges := lim.For(layout)
	if n := d.NumActors(); n > maxActors {
		return &DrawError{fmt.Errorf("%d actors are too many to draw legibly with %s (the limit is %d): narrow the view with %s, or raise --max-actors",
			n, layout, maxActors, narrow)}
	}
	edges := d.NumEdges()
	if edges > maxEdges {
		other := "try --layout fdp or twopi, "
		if layout == "fdp" || layout == "twopi" {
			other = ""
		}
		return &DrawError{fmt.Errorf("%d lines are too many for %s to lay out in reasonable time (the limit is %d; %d actors, links of one kind between two actors counted once): narrow the view with %s, %sor raise --max-edges",
			edges, layout, maxEdges, d.NumActors(), narrow, other)}
	}
	var dot bytes.Buffer
	if err := d.WriteDOT(&dot); err != nil {
		return err
	}
	var pic bytes.Buffer
	err := draw.Draw(ctx, dot.Bytes(), draw.Options{
		Layout:   layout,
		Format:   format,
		MaxNodes: -1, // checked above
		Timeout:  lim.Timeout,
		Locator:  loc,
	}, &pic)
	var he *draw.HelperError
	var te *draw.TimeoutError
	switch {
	case errors.As(err, &te):
		return &DrawError{fmt.Errorf("the %s layout of %d actors and %d lines did not finish within %v and was stopped: narrow the view with %s, lower --max-edges to refuse views this size at once, or allow more time with --timeout",
			layout, d.NumActors(), edges, te.Timeout, narrow)}
	case errors.As(err, &he):
		return err // its message names the helper already
	case errors.Is(err, context.Canceled):
		return errors.New("interrupted: the drawing was stopped and nothing was written")
	case err != nil:
		return err
	}
	_, err = w.Write(pic.Bytes())
	return err
}
