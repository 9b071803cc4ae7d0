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
//	                [--max-nodes N] [--scale S] [--timeout D] < graph.dot > graph.svg
//	relgraph-render --version
//
// Example:
//
//	$ relgraph render --as dot | relgraph-render --layout neato --format png > region.png
//
// A layout runs in WebAssembly and cannot be interrupted from inside, so when
// --timeout runs out, or on an interrupt or a termination signal, the program
// gives up at once and exits without writing a picture.
//
// Errors go to standard error, and the exit status is 1 (2 for bad flags).
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/relgraph/relgraph/internal/version"
	"github.com/relgraph/relgraph/render/graphviz"
)

const name = "relgraph-render"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program with its streams passed in; it returns the exit
// status. When ctx is done or --timeout runs out it returns at once, leaving
// the layout running in a goroutine for the process's exit to end.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	layout := fs.String("layout", string(graphviz.LayoutDot), "layout engine: dot, neato, fdp, circo or twopi")
	format := fs.String("format", string(graphviz.FormatSVG), "output format: svg, png or dot (DOT with positions)")
	maxNodes := fs.Int("max-nodes", graphviz.DefaultMaxNodes, "refuse graphs with more nodes (0: no limit)")
	scale := fs.Float64("scale", graphviz.DefaultScale, "PNG pixels per point (2 = 144 dpi)")
	timeout := fs.Duration("timeout", 0, "give up after this `duration`, layout included (0: no limit)")
	showVersion := fs.Bool("version", false, "print the build's version and exit")
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
	if *showVersion {
		fmt.Fprintln(stdout, version.Read(name).String())
		return 0
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
	if *timeout < 0 {
		fmt.Fprintf(stderr, "%s: --timeout %v: want 0 (no limit) or more\n", name, *timeout)
		return 2
	}
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	type result struct {
		pic []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		var pic bytes.Buffer
		err := render(ctx, stdin, opts, &pic)
		done <- result{pic.Bytes(), err}
	}()
	var res result
	finished := false
	select {
	case res = <-done:
		finished = true
	case <-ctx.Done():
	}
	switch {
	case finished && res.err == nil:
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		fmt.Fprintf(stderr, "%s: the layout did not finish within %v: draw a smaller graph, or allow more time with --timeout\n", name, *timeout)
		return 1
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "%s: interrupted\n", name)
		return 1
	case res.err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", name, res.err)
		return 1
	}
	if _, err := stdout.Write(res.pic); err != nil {
		fmt.Fprintf(stderr, "%s: write standard output: %v\n", name, err)
		return 1
	}
	return 0
}

// render draws the DOT graph read from stdin to w.
func render(ctx context.Context, stdin io.Reader, opts graphviz.Options, w io.Writer) (err error) {
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
	return r.Render(ctx, dot, opts, w)
}
