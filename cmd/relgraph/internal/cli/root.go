// Package cli implements the relgraph command line. Every command writes only to the streams it is
// given, so the whole command runs in-process in tests.
package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes of the relgraph command.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// Env is what a run of the command may touch of the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads environment variables (RELGRAPH_DATA).
	Getenv func(string) string
	// Now is the clock (used for --stats timings).
	Now func() time.Time
	// IsTerminal reports whether a stream is a terminal (for progress bars); nil means never.
	IsTerminal func(io.Writer) bool
}

// System returns the Env of a real process.
func System() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now,
		IsTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		}}
}

// usageError marks errors in how the command was called (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// Main runs the command with args and returns the exit code.
func Main(args []string, env Env) int {
	// Everything written to standard error is text for a person (messages, hints, stats) and may quote
	// a dataset: it goes through a control-character escaper. Only the progress line, which is
	// relgraph's own, writes to the raw stream.
	stderr := text.NewControlEscaper(env.Stderr)
	defer stderr.Flush()
	app := &app{env: env, rawStderr: env.Stderr}
	app.env.Stderr = stderr
	env = app.env
	root := app.newRoot()
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.ExecuteContext(context.Background())
	if err == nil {
		return ExitOK
	}
	var se silentError
	if !errors.As(err, &se) {
		fmt.Fprintln(env.Stderr, "relgraph: "+strings.ReplaceAll(err.Error(), "\n", "\n  "))
	}
	var ue usageError
	if errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitError
}

// app holds the global options and what a run has loaded.
type app struct {
	env Env
	// rawStderr is standard error without escaping, for the progress line only; env.Stderr escapes
	// control characters.
	rawStderr io.Writer

	dataPaths    []string
	at           string
	since, until string
	kinds        []string
	exclude      []string
	format       string
	jsonOut      bool
	output       string
	corpus       string
	noColor      bool
	stats        bool
	maxFile      int64 // the largest dataset file read, in bytes

	full     *graph.Graph  // the loaded dataset, unfiltered
	loadTime time.Duration // how long loading took
	loaded   []string      // labels of the datasets loaded
}

const rootLong = `relgraph explores a typed, dated relationship graph: actors (countries, cities, companies, people,
organisations, infrastructure, military units) and the links between them (arms sales, pipelines,
alliances, bases, energy deals, conflicts, visits, mediation, trade…), each link with its dates and
its sources.

With no --data, relgraph answers from its embedded dataset on the South Caucasus (the
Azerbaijan–Russia relationship and everyone around it, built from five articles of 2013–2024).

Actor names resolve by id, name or alias, ignoring case and diacritics (turkiye, Türkiye, Turkey).
Exit status: 0 on success (also when a query finds nothing), 1 on errors, 2 on usage errors.`

func (a *app) newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "relgraph",
		Short:         "Explore a typed, dated relationship graph",
		Long:          rootLong,
		SilenceUsage:  true,
		SilenceErrors: true,
		Example: `  relgraph show russia
  relgraph timeline azerbaijan russia
  relgraph links Baku Moscow --kinds energy_deal,trade
  relgraph why azerbaijan russia --corpus ./articles
  relgraph validate ./mydataset`,
	}
	root.CompletionOptions.HiddenDefaultCmd = true
	root.Version = strings.TrimPrefix(toolVersion(), "relgraph ")
	pf := root.PersistentFlags()
	pf.StringArrayVar(&a.dataPaths, "data", nil, "dataset directory or `PATH` of a file (repeatable; default: $RELGRAPH_DATA or the embedded dataset)")
	pf.StringVar(&a.at, "at", "", "the graph as it stood on `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	pf.StringVar(&a.since, "since", "", "keep links in force and events from `DATE` on")
	pf.StringVar(&a.until, "until", "", "keep links in force and events up to `DATE`")
	pf.StringSliceVar(&a.kinds, "kinds", nil, "keep only these link `kinds` (comma-separated)")
	pf.StringSliceVar(&a.exclude, "exclude-kinds", nil, "drop these link `kinds` (comma-separated)")
	pf.StringVar(&a.format, "format", "text", "output `format`: text or json")
	pf.BoolVar(&a.jsonOut, "json", false, "short for --format json")
	pf.StringVarP(&a.output, "output", "o", "", "write the output to `FILE` instead of standard output, all at once and as a shell's > would: an existing file keeps its permissions, a symbolic link is written through to its target, a read-only file is refused")
	a.maxFile = data.DefaultMaxFileSize
	pf.Var(sizeValue{&a.maxFile}, "max-file-size", "the largest dataset file read, as a `size` (64MiB, 2GiB)")
	pf.StringVar(&a.corpus, "corpus", "", "`DIR` holding the source documents, for quoting evidence")
	pf.BoolVar(&a.noColor, "no-color", false, "never colour the output (diff colours its lines on a terminal; NO_COLOR also turns it off)")
	pf.BoolVar(&a.stats, "stats", false, "print load time, counts and memory to standard error")
	_ = root.RegisterFlagCompletionFunc("kinds", a.completeKinds)
	_ = root.RegisterFlagCompletionFunc("exclude-kinds", a.completeKinds)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w\nrun '%s --help' for usage", err, c.CommandPath())}
	})
	root.PersistentPostRun = func(*cobra.Command, []string) {
		if a.stats && a.full != nil {
			a.writeStats()
		}
	}
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		switch {
		case a.jsonOut && c.Flags().Changed("format") && a.format != "json":
			return usagef("--json and --format %s contradict each other", a.format)
		case a.jsonOut:
			a.format = "json"
		case a.format != "text" && a.format != "json":
			return usagef("unknown --format %q (want text or json)", a.format)
		}
		return nil
	}
	root.AddCommand(
		a.newActorsCmd(),
		a.newShowCmd(),
		a.newLinksCmd(),
		a.newTimelineCmd(),
		a.newValidateCmd(),
		a.newWhyCmd(),
		a.newRenderCmd(),
		a.newPathCmd(),
		a.newConnectCmd(),
		a.newNeighborsCmd(),
		a.newRankCmd(),
		a.newChokepointsCmd(),
		a.newBalanceCmd(),
		a.newImportCmd(),
		a.newExportCmd(),
		a.newSnapshotCmd(),
		a.newDiffCmd(),
	)
	// Flags before the command are parsed by the command they belong to, so that an unknown one is
	// reported as such (`relgraph --bogus show russia` would otherwise take "show" as --bogus's value).
	root.TraverseChildren = true
	root.SuggestionsMinimumDistance = 2
	// The root runs only to say that a command is missing or unknown: cobra then checks its arguments
	// like any command's, instead of failing with an untyped error.
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf("unknown command %q", args[0])
		if sug := c.SuggestionsFor(args[0]); len(sug) > 0 {
			msg += fmt.Sprintf(" (did you mean %q?)", sug[0])
		}
		return usagef("%s\nrun 'relgraph --help' for the commands", msg)
	}
	root.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	usageArgs(root)
	return root
}

// usageArgs makes every argument check of c and its subcommands fail with a usage error (exit 2),
// whichever validator a command uses.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(c *cobra.Command, args []string) error {
			err := check(c, args)
			var ue usageError
			if err == nil || errors.As(err, &ue) {
				return err
			}
			return usageError{fmt.Errorf("%w\nrun '%s --help' for usage", err, c.CommandPath())}
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

// colour reports whether text output may carry colours: standard output is a terminal, output is not
// going to a file, and neither --no-color nor the NO_COLOR environment variable says otherwise.
func (a *app) colour() bool {
	if a.noColor || (a.output != "" && a.output != "-") || a.env.IsTerminal == nil || !a.env.IsTerminal(a.env.Stdout) {
		return false
	}
	return a.env.Getenv == nil || a.env.Getenv("NO_COLOR") == ""
}

// inputs returns the datasets to load: --data, else $RELGRAPH_DATA (a list separated like PATH), else
// the embedded dataset.
func (a *app) inputs() ([]data.Input, error) {
	paths := a.dataPaths
	if slices.Contains(paths, "") {
		return nil, usagef("--data needs a path")
	}
	if len(paths) == 0 && a.env.Getenv != nil {
		if v := a.env.Getenv("RELGRAPH_DATA"); v != "" {
			// Empty entries (a stray separator) name nothing; a list of only those is a mistake.
			paths = slices.DeleteFunc(filepath.SplitList(v), func(p string) bool { return p == "" })
			if len(paths) == 0 {
				return nil, usagef("RELGRAPH_DATA=%q names no dataset (paths separated by %q)", v, string(filepath.ListSeparator))
			}
		}
	}
	if len(paths) == 0 {
		return []data.Input{data.EmbeddedInput()}, nil
	}
	var ins []data.Input
	for _, p := range paths {
		in, err := a.pathInput(p)
		if err != nil {
			return nil, err
		}
		ins = append(ins, in)
	}
	return ins, nil
}

// pathInput opens a dataset path with the file size limit of --max-file-size.
func (a *app) pathInput(p string) (data.Input, error) {
	return data.PathInputLimit(p, a.maxFile)
}

// load loads the dataset once per run.
func (a *app) load() (*graph.Graph, error) {
	if a.full != nil {
		return a.full, nil
	}
	ins, err := a.inputs()
	if err != nil {
		return nil, err
	}
	start := a.now()
	stop := a.loadProgress(ins)
	g, err := data.Load(ins...)
	stop()
	a.loadTime = a.now().Sub(start)
	for _, in := range ins {
		a.loaded = append(a.loaded, in.Label)
	}
	if err != nil {
		var ps data.Problems
		if errors.As(err, &ps) {
			return nil, fmt.Errorf("the dataset has %d problem(s):\n%w\n(run 'relgraph validate' for the full list)", len(ps), firstProblems(ps, 20))
		}
		return nil, err
	}
	a.full = g
	return g, nil
}

// loadProgress shows, on a terminal, how long a load has been running once it passes a second, and
// returns the function that stops it and clears the line. Elsewhere (pipes, CI, tests) it does nothing.
func (a *app) loadProgress(ins []data.Input) (stop func()) {
	if !a.stderrIsTerminal() {
		return func() {}
	}
	var labels []string
	for _, in := range ins {
		labels = append(labels, inputLabel(in))
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := a.now()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(a.rawStderr, "\r\033[K")
				}
				return
			case <-tick.C:
				if el := a.now().Sub(start); el >= time.Second {
					shown = true
					fmt.Fprintf(a.rawStderr, "\r\033[Kloading %s … %.1f s", text.EscapeControlsString(strings.Join(labels, ", ")), el.Seconds())
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// stderrIsTerminal reports whether standard error is a terminal (for progress lines).
func (a *app) stderrIsTerminal() bool {
	return a.env.IsTerminal != nil && a.rawStderr != nil && a.env.IsTerminal(a.rawStderr)
}

func (a *app) now() time.Time {
	if a.env.Now == nil {
		return time.Now()
	}
	return a.env.Now()
}

// writeStats prints what --stats shows after a command: what was loaded, how long it took and the
// memory the process used.
func (a *app) writeStats() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	g := a.full
	fmt.Fprintf(a.env.Stderr, "stats: loaded %s: %d actors, %d links, %d documents in %s\n",
		strings.Join(a.loaded, ", "), g.NumActors(), g.NumLinks(), len(g.Documents()), a.loadTime.Round(time.Microsecond))
	fmt.Fprintf(a.env.Stderr, "stats: heap in use %.1f MiB", float64(ms.HeapInuse)/(1<<20))
	if rss := peakRSS(); rss > 0 {
		fmt.Fprintf(a.env.Stderr, ", peak RSS %.1f MiB", float64(rss)/(1<<20))
	}
	fmt.Fprintln(a.env.Stderr)
}

func firstProblems(ps data.Problems, n int) error {
	if len(ps) <= n {
		return ps
	}
	return fmt.Errorf("%w\n… and %d more", ps[:n], len(ps)-n)
}

// filter returns the graph filter of the global flags.
func (a *app) filter() (graph.Filter, error) {
	var f graph.Filter
	for _, d := range []struct {
		flag, val string
		dst       *graph.Date
	}{{"--at", a.at, &f.At}, {"--since", a.since, &f.Since}, {"--until", a.until, &f.Until}} {
		v, err := graph.ParseDate(d.val)
		if err != nil {
			return f, usagef("%s: %w", d.flag, err)
		}
		*d.dst = v
	}
	f.Kinds, f.ExcludeKinds = splitList(a.kinds), splitList(a.exclude)
	return f, nil
}

func splitList(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// graph loads the dataset and applies the global filters. It returns the full graph too: actor names
// resolve against it, so an actor outside the filter is reported as such rather than as unknown.
func (a *app) graph() (full, view *graph.Graph, err error) {
	full, err = a.load()
	if err != nil {
		return nil, nil, err
	}
	f, err := a.filter()
	if err != nil {
		return nil, nil, err
	}
	view, err = full.Filter(f)
	if err != nil {
		if errors.Is(err, graph.ErrFilter) {
			return nil, nil, usageError{err}
		}
		return nil, nil, err
	}
	return full, view, nil
}

// filterDesc describes the active filters for headers ("at 2016; kinds pipeline,railway"), or "".
func (a *app) filterDesc() string {
	var parts []string
	if a.at != "" {
		parts = append(parts, "at "+a.at)
	}
	if a.since != "" {
		parts = append(parts, "since "+a.since)
	}
	if a.until != "" {
		parts = append(parts, "until "+a.until)
	}
	if k := splitList(a.kinds); len(k) > 0 {
		parts = append(parts, "kinds "+strings.Join(k, ","))
	}
	if k := splitList(a.exclude); len(k) > 0 {
		parts = append(parts, "without "+strings.Join(k, ","))
	}
	return strings.Join(parts, "; ")
}

// resolve turns a user's actor name into an actor number.
func (a *app) resolve(g *graph.Graph, name string) (int32, error) {
	i, err := g.Resolve(name)
	if err != nil {
		// Without a single actor to suggest, point to the search.
		var ue *graph.UnknownActorError
		if errors.As(err, &ue) && len(ue.Suggestions) != 1 {
			return -1, fmt.Errorf("%w (try 'relgraph actors %s' to search)", err, name)
		}
		return -1, err
	}
	return i, nil
}

// emit writes a command's result: JSON when --format json, else the text the write function produces,
// with control characters escaped (text.EscapeControls). With -o the output goes to a file, written
// in full or not at all.
func (a *app) emit(v any, text func(w io.Writer) error) error {
	return a.emitStyled(v, text, nil)
}

// emitStyled is emit with a style function (colours) applied to the text after it has been escaped,
// so that the style's own escape sequences are the only ones that reach the terminal.
func (a *app) emitStyled(v any, write func(w io.Writer) error, style func([]byte) []byte) error {
	var buf bytes.Buffer
	if a.format == "json" {
		if err := jsonout.Encode(&buf, v); err != nil {
			return err
		}
		return a.writeOutput(buf.Bytes())
	}
	if err := write(&buf); err != nil {
		return err
	}
	out := text.EscapeControls(buf.Bytes())
	if style != nil {
		out = style(out)
	}
	return a.writeOutput(out)
}

// writeOutput writes b to -o's file (atomically: a temporary file renamed into place) or to stdout.
func (a *app) writeOutput(b []byte) error {
	if a.output == "" || a.output == "-" {
		_, err := a.env.Stdout.Write(b)
		return err
	}
	return writeFileAtomic(a.output, b)
}

func writeFileAtomic(name string, b []byte) error {
	return writeFileStream(name, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// completeActors completes actor ids for shell completion.
func (a *app) completeActors(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	g, err := a.load()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	p := graph.Normalize(prefix)
	for i := range g.NumActors() {
		ac := g.Actor(int32(i))
		if strings.HasPrefix(ac.ID, p) || strings.HasPrefix(graph.Normalize(ac.Name), p) {
			out = append(out, ac.ID+"\t"+ac.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func (a *app) completeKinds(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	g, err := a.load()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	return g.Kinds().LinkKindNames(), cobra.ShellCompDirectiveNoFileComp
}
