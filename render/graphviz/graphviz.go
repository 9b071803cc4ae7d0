package graphviz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"unicode/utf8"

	gv "github.com/goccy/go-graphviz"
)

// FontName is the font that DOT text drawn by this package should name in its
// fontname attributes; the package documentation explains the choice.
const FontName = "Helvetica"

// DefaultMaxNodes is the node limit used when [Options.MaxNodes] is zero.
// Layout time grows fast with size (about 6 s for 1000 nodes with dot), and a
// drawing of more than a few hundred actors is unreadable anyway.
const DefaultMaxNodes = 1500

// Layout names a Graphviz layout engine.
type Layout string

// The layout engines that Render accepts, and sfdp, which it refuses.
const (
	LayoutDot   Layout = "dot"   // hierarchical, for directed graphs
	LayoutNeato Layout = "neato" // spring model (stress majorisation)
	LayoutFDP   Layout = "fdp"   // spring model (force-directed)
	LayoutCirco Layout = "circo" // circular
	LayoutTwopi Layout = "twopi" // radial
	// LayoutSFDP is refused: in this build of Graphviz it crowds every node
	// into a small box (26×24 pt for 1000 nodes), and overlap removal other
	// than uniform scaling needs a triangulation library that the build lacks.
	LayoutSFDP Layout = "sfdp"
)

// Layouts lists the layout engines that Render accepts, in a stable order.
func Layouts() []Layout {
	return []Layout{LayoutDot, LayoutNeato, LayoutFDP, LayoutCirco, LayoutTwopi}
}

// Format names an output format.
type Format string

// The output formats of Render.
const (
	FormatSVG Format = "svg"
	FormatPNG Format = "png"
	// FormatDOT is DOT text with the computed layout: positions of nodes,
	// spline control points of edges and the bounding box.
	FormatDOT Format = "dot"
)

// Formats lists the output formats that Render accepts, in a stable order.
func Formats() []Format {
	return []Format{FormatSVG, FormatPNG, FormatDOT}
}

// DefaultScale is the PNG resolution used when [Options.Scale] is zero: two
// pixels per point, that is 144 dots per inch.
const DefaultScale = 2.0

// Options says how to lay out and draw a graph. The zero value draws an SVG
// with the dot layout and the default node limit.
type Options struct {
	// Layout is the layout engine; empty means LayoutDot. It overrides the
	// layout attribute of the DOT text.
	Layout Layout
	// Format is the output format; empty means FormatSVG.
	Format Format
	// MaxNodes refuses graphs with more nodes, before layout; zero means
	// DefaultMaxNodes and a negative value means no limit.
	MaxNodes int
	// Scale is the PNG resolution in pixels per point (1/72 inch); zero means
	// DefaultScale. A picture that would exceed MaxPixels is drawn at a
	// smaller scale so that it fits.
	Scale float64
}

// MaxPixels bounds the size of a PNG (width × height): 24 million pixels,
// about 100 MB of memory while drawing and a few seconds of work. A larger
// picture is drawn at a smaller scale; the whole dataset's diagram (about
// 10000 × 2000 pt) comes out at about 1 pixel per point.
const MaxPixels = 24_000_000

// ErrTooLarge is returned (wrapped) when a graph has more nodes than
// Options.MaxNodes.
var ErrTooLarge = errors.New("graph too large to draw")

// ErrUnsupported is returned (wrapped) for a layout or format that Render does
// not offer.
var ErrUnsupported = errors.New("unsupported")

// ErrInvalidDOT is returned (wrapped) when the input is not a DOT graph.
var ErrInvalidDOT = errors.New("invalid dot")

// lib serialises every use of the go-graphviz library. The library keeps one
// WebAssembly module per process, shared by all its instances and not safe
// for concurrent use, so its lock has to be per process as well.
var lib sync.Mutex

// Renderer lays out and draws graphs. Create one per process with New, use
// it from any number of goroutines (calls are serialised) and Close it when
// done.
type Renderer struct {
	gv     *gv.Graphviz
	closed bool
}

// New creates a Renderer with its own Graphviz context. (The WebAssembly
// module itself is compiled when the process starts, by the library.)
func New(ctx context.Context) (r *Renderer, err error) {
	lib.Lock()
	defer lib.Unlock()
	defer recoverInto(&err, "start graphviz")
	g, err := gv.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	return &Renderer{gv: g}, nil
}

// Close releases the Graphviz context. Calling Close more than once is
// harmless; Render fails after Close.
//
// Graphviz answers the release with the number of diagnostics it issued over
// the context's life, which the library turns into an error carrying the last
// message (for example a non-fatal note about overlap removal during an
// earlier layout). Such stale diagnostics are not failures of Close and are
// not returned; only a crash of the library is.
func (r *Renderer) Close() (err error) {
	lib.Lock()
	defer lib.Unlock()
	if r.closed {
		return nil
	}
	r.closed = true
	defer recoverInto(&err, "close graphviz")
	_ = r.gv.Close() // see above
	return nil
}

// Render lays out the graph described by dot and writes it to w in
// opts.Format. Only the first graph of dot is drawn. Nothing is written to w
// unless drawing succeeded.
//
// Errors: ErrInvalidDOT for input that does not parse, ErrTooLarge for a graph
// with more than opts.MaxNodes nodes (checked before layout), ErrUnsupported
// for an unknown or refused layout or format. Layout time grows faster than
// the graph (dot: about 0.4 s for 150 nodes and 250 edges, 6 s for 1000
// nodes; neato is slower). ctx is checked before layout, which itself cannot
// be interrupted.
func (r *Renderer) Render(ctx context.Context, dot []byte, opts Options, w io.Writer) error {
	layout, format, err := opts.check()
	if err != nil {
		return err
	}
	dot = bytes.TrimPrefix(dot, []byte("\ufeff")) // Graphviz rejects a byte-order mark
	if !utf8.Valid(dot) {
		return fmt.Errorf("%w: input is not valid UTF-8", ErrInvalidDOT)
	}
	if ok, err := scanDOT(dot); err != nil {
		return err
	} else if !ok {
		return fmt.Errorf("%w: no graph in input", ErrInvalidDOT)
	}
	outFormat := format
	if format == FormatPNG {
		outFormat = FormatSVG
	}
	out, err := r.layout(ctx, dot, layout, outFormat, opts.maxNodes())
	if err != nil {
		return err
	}
	if format == FormatPNG {
		var png bytes.Buffer
		if err := rasterize(out, opts.scale(), &png); err != nil {
			return fmt.Errorf("draw png: %w", err)
		}
		out = png.Bytes()
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	return nil
}

// layout parses, checks, lays out and renders dot under the library lock.
func (r *Renderer) layout(ctx context.Context, dot []byte, layout Layout, format Format, maxNodes int) (out []byte, err error) {
	lib.Lock()
	defer lib.Unlock()
	if r.closed {
		return nil, errors.New("renderer is closed")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer recoverInto(&err, "graphviz")

	g, err := gv.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidDOT, err)
	}
	if g == nil {
		return nil, fmt.Errorf("%w: no graph in input", ErrInvalidDOT)
	}
	// Freeing a graph cannot fail in a way that matters once it is drawn, but go-graphviz reports
	// Graphviz's last message as Close's error when the call returns non-zero — typically a
	// warning from the layout ("no value for width of non-ASCII character"). Like Renderer.Close,
	// ignore it: the output is complete.
	defer func() { _ = g.Close() }()
	n, err := g.NodeNum()
	if err != nil {
		return nil, fmt.Errorf("count nodes: %w", err)
	}
	if maxNodes >= 0 && n > maxNodes {
		return nil, fmt.Errorf("%w: %d nodes, more than the limit of %d; draw a smaller view (--focus ACTOR --depth N, --path A B, --kinds, --at) or raise --max-nodes",
			ErrTooLarge, n, maxNodes)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Graphviz lets a layout attribute in the graph override the engine
	// asked for (which would let DOT text choose sfdp): make them agree.
	if err := g.SafeSet("layout", string(layout), ""); err != nil {
		return nil, fmt.Errorf("set layout: %w", err)
	}
	var buf bytes.Buffer
	r.gv.SetLayout(gv.Layout(layout))
	if err := r.gv.Render(ctx, g, gv.Format(format), &buf); err != nil {
		return nil, fmt.Errorf("layout %s: %w", layout, err)
	}
	if buf.Len() == 0 {
		return nil, fmt.Errorf("layout %s: graphviz produced no output", layout)
	}
	return buf.Bytes(), nil
}

// scanDOT checks the lexical structure of dot before Graphviz sees it. It
// reports whether dot holds anything besides white space, comments and
// preprocessor lines (all that the DOT grammar skips), and returns an error
// for a comment, quoted string or HTML-like string that is not terminated.
//
// Both checks protect the library's state: Graphviz keeps only its last
// message, so input without a graph, which fails without a message of its
// own, would be reported with an earlier message; and its lexer stays inside
// an unterminated comment or string after the input ends, so every later
// parse in the process would fail as well. O(len(dot)).
func scanDOT(dot []byte) (hasGraph bool, err error) {
	line, lineStart := 1, true
	for i := 0; i < len(dot); {
		c := dot[i]
		switch {
		case c == '\n':
			line++
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '#' && lineStart, bytes.HasPrefix(dot[i:], []byte("//")):
			if j := bytes.IndexByte(dot[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(dot)
			}
			continue
		case bytes.HasPrefix(dot[i:], []byte("/*")):
			j := bytes.Index(dot[i+2:], []byte("*/"))
			if j < 0 {
				return false, fmt.Errorf("%w: line %d: comment /* is not closed", ErrInvalidDOT, line)
			}
			line += bytes.Count(dot[i:i+2+j], []byte("\n"))
			i += 2 + j + 2
		case c == '"':
			start := line
			for i++; ; i++ {
				if i >= len(dot) {
					return false, fmt.Errorf("%w: line %d: quoted string is not closed", ErrInvalidDOT, start)
				}
				if dot[i] == '\\' && i+1 < len(dot) {
					i++ // \" and \\ are escapes; a backslash-newline continues the line
				} else if dot[i] == '"' {
					i++
					break
				}
				if dot[i] == '\n' {
					line++
				}
			}
			hasGraph = true
		case c == '<':
			// An HTML-like string; Graphviz counts angle brackets only.
			start, depth := line, 0
			for ; ; i++ {
				if i >= len(dot) {
					return false, fmt.Errorf("%w: line %d: HTML-like string <…> is not closed", ErrInvalidDOT, start)
				}
				switch dot[i] {
				case '<':
					depth++
				case '>':
					depth--
				case '\n':
					line++
				}
				if depth == 0 {
					i++
					break
				}
			}
			hasGraph = true
		default:
			hasGraph = true
			i++
		}
		lineStart = false
	}
	return hasGraph, nil
}

// check validates the options and fills in defaults.
func (o Options) check() (Layout, Format, error) {
	layout, format := o.Layout, o.Format
	if layout == "" {
		layout = LayoutDot
	}
	if format == "" {
		format = FormatSVG
	}
	switch {
	case layout == LayoutSFDP:
		return "", "", fmt.Errorf("layout %q: %w: this build of Graphviz crowds every node of an sfdp layout into a small box, and without a triangulation library it cannot spread them apart without losing the structure; use neato or fdp for a spring layout", layout, ErrUnsupported)
	case !slices.Contains(Layouts(), layout):
		return "", "", fmt.Errorf("layout %q: %w; use one of %v", layout, ErrUnsupported, Layouts())
	case !slices.Contains(Formats(), format):
		return "", "", fmt.Errorf("format %q: %w; use one of %v", format, ErrUnsupported, Formats())
	case o.Scale < 0:
		return "", "", fmt.Errorf("scale %v: must be positive", o.Scale)
	}
	return layout, format, nil
}

func (o Options) maxNodes() int {
	if o.MaxNodes == 0 {
		return DefaultMaxNodes
	}
	return o.MaxNodes
}

func (o Options) scale() float64 {
	if o.Scale == 0 {
		return DefaultScale
	}
	return o.Scale
}

// recoverInto turns a panic inside the library into an error in *err.
func recoverInto(err *error, what string) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("%s: internal error: %v", what, p)
	}
}
