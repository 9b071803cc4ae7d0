// Command relgraph-render lays out a DOT graph read from standard input and
// writes it as SVG, PNG or laid-out DOT to standard output.
//
// relgraph runs it to draw diagrams, so that only drawing pays for starting
// Graphviz; install it beside relgraph with
//
//	go install ./cmd/...
//
// Usage:
//
//	relgraph-render [--layout dot|neato|fdp|circo|twopi] [--format svg|png|dot]
//	                [--max-nodes N] [--scale S] < graph.dot > graph.svg
//
// Example:
//
//	$ relgraph render --as dot | relgraph-render --layout neato --format png > region.png
//
// Errors go to standard error, and the exit status is 1 (2 for bad flags).
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/relgraph/relgraph/render/graphviz"
)

const name = "relgraph-render"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program with its streams passed in; it returns the exit
// status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	layout := fs.String("layout", string(graphviz.LayoutDot), "layout engine: dot, neato, fdp, circo or twopi")
	format := fs.String("format", string(graphviz.FormatSVG), "output format: svg, png or dot (DOT with positions)")
	maxNodes := fs.Int("max-nodes", graphviz.DefaultMaxNodes, "refuse graphs with more nodes (0: no limit)")
	scale := fs.Float64("scale", graphviz.DefaultScale, "PNG pixels per point (2 = 144 dpi)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, `usage: %s [flags] < graph.dot > picture

Lays out the DOT graph on standard input with Graphviz and writes it to
standard output. relgraph runs this program to draw diagrams.

Example:
  $ relgraph render --as dot | %s --layout neato --format png > region.png

Flags:
`, name, name)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q: the graph is read from standard input\n", name, fs.Arg(0))
		return 2
	}
	opts := graphviz.Options{
		Layout:   graphviz.Layout(*layout),
		Format:   graphviz.Format(*format),
		MaxNodes: *maxNodes,
		Scale:    *scale,
	}
	if *maxNodes == 0 {
		opts.MaxNodes = -1 // 0 would mean the default to the library
	}
	if err := render(ctx, stdin, opts, stdout); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 1
	}
	return 0
}

func render(ctx context.Context, stdin io.Reader, opts graphviz.Options, stdout io.Writer) (err error) {
	dot, err := io.ReadAll(stdin)
	if err != nil {
		return fmt.Errorf("read standard input: %w", err)
	}
	r, err := graphviz.New(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := r.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriter(stdout)
	if err := r.Render(ctx, dot, opts, w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write standard output: %w", err)
	}
	return nil
}
