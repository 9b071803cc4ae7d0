package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/server"
	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/render/draw"
	"github.com/spf13/cobra"
)

// serveOptions are the flags of 'relgraph serve'.
type serveOptions struct {
	data   *dataset
	global *globalOptions
	stderr io.Writer
	getenv func(string) string
	ctx    context.Context

	addr    string
	open    bool
	timeout time.Duration
	maxDoc  int64
	limits  drawLimits
}

func newServeCmd(f *factory) *cobra.Command {
	opts := &serveOptions{data: f.data, global: f.global, stderr: f.stderr, getenv: f.out.getenv, maxDoc: int64(data.DefaultMaxDocumentSize)}
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--open]",
		Short: "Explore the graph in a browser: search, expand, paths, evidence, a time slider and diffs",
		Long: `Serve the dataset (--data, else the embedded one) to a web browser: a page to search actors, expand
their neighbours, ask for paths and connections, read the evidence of a link (with the cited passage
when --corpus is given), move through time with a slider, compare two dates, and download the view.
The page needs no network: everything it uses is in the relgraph binary.

The same questions answer under /api/ as JSON, in the shapes of --json (see the README): /api/show,
/api/neighbors, /api/links, /api/timeline, /api/path, /api/connect, /api/why, /api/rank,
/api/chokepoints, /api/balance, /api/diff, /api/actors, /api/graph and /api/meta, each taking the
filters at, since, until, kinds, exclude_kinds and level as parameters.

The server listens on the local machine only unless --addr names another address, and it is
read-only. Ctrl-C stops it.`,
		Example: `  relgraph serve
  relgraph serve --open
  relgraph serve --addr 127.0.0.1:9000 --corpus ./articles
  curl 'http://127.0.0.1:8080/api/path?from=Baku&to=Moscow'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ctx = cmd.Context()
			return runServe(opts)
		},
	}
	cmd.Flags().StringVar(&opts.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0 picks a free one)")
	cmd.Flags().BoolVar(&opts.open, "open", false, "open the page in the default browser")
	cmd.Flags().DurationVar(&opts.timeout, "request-timeout", server.DefaultTimeout, "stop a question that runs longer than `DURATION`")
	cmd.Flags().Var(sizeValue{&opts.maxDoc}, "max-doc-size", "with --corpus, the largest document `size` read (64MiB, 1GiB…)")
	addDrawFlags(cmd, &opts.limits)
	return cmd
}

func runServe(opts *serveOptions) error {
	g := opts.global
	if g.at != "" || g.since != "" || g.until != "" || len(g.kinds) > 0 || len(g.exclude) > 0 || g.level != "" {
		return usagef("serve takes its filters with each question (the page's slider, kinds and level): start it without --at, --since, --until, --kinds, --exclude-kinds or --level")
	}
	if opts.timeout <= 0 {
		return usagef("--request-timeout must be positive (got %v)", opts.timeout)
	}
	host, _, err := net.SplitHostPort(opts.addr)
	if err != nil {
		return usagef("--addr %q: %v (want HOST:PORT, such as 127.0.0.1:8080)", opts.addr, err)
	}
	full, err := opts.data.load()
	if err != nil {
		return err
	}
	var corpus fs.FS
	if g.corpus != "" {
		st, err := os.Stat(g.corpus)
		if err != nil || !st.IsDir() {
			return fmt.Errorf("--corpus %s: not a directory", g.corpus)
		}
		dir, err := disk.Dir(g.corpus, opts.maxDoc)
		if err != nil {
			return fmt.Errorf("--corpus %s: %w", g.corpus, err)
		}
		defer dir.Close()
		corpus = dir
	}
	getenv := opts.getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	hosts := serveHosts(host)
	h, err := server.New(server.Options{
		Graph: full, Datasets: opts.data.loaded, Corpus: corpus,
		Locator: draw.DefaultLocator(getenv, os.Executable), Draw: opts.limits,
		Timeout: opts.timeout, Hosts: hosts,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", opts.addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: opts.timeout + time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	url := "http://" + displayAddr(ln.Addr().(*net.TCPAddr), host) + "/"
	fmt.Fprintf(opts.stderr, "relgraph: serving %s (%d actors, %d links) at %s — Ctrl-C stops\n",
		strings.Join(opts.data.loaded, ", "), full.NumActors(), full.NumLinks(), url)
	if hosts == nil {
		fmt.Fprintf(opts.stderr, "relgraph: listening on every interface: anyone who can reach this machine can read the data\n")
	}
	if opts.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(opts.stderr, "relgraph: could not open a browser (%v); open %s yourself\n", err, url)
		}
	}
	ctx, stop := signal.NotifyContext(opts.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shut)
	fmt.Fprintln(opts.stderr, "relgraph: stopped")
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// serveHosts returns the host names the server answers to when it listens on host: the machine's own
// names for a loopback address, those and host for another, and nil (any) for every interface.
func serveHosts(host string) []string {
	switch host {
	case "", "0.0.0.0", "::":
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() || host == "localhost" {
		return server.LocalHosts
	}
	return append([]string{host}, server.LocalHosts...)
}

// displayAddr is the address to print for a listener on addr, asked for as host.
func displayAddr(addr *net.TCPAddr, host string) string {
	switch host {
	case "", "0.0.0.0", "::":
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, fmt.Sprint(addr.Port))
}

// openBrowser opens url in the desktop's default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	return cmd.Start()
}
