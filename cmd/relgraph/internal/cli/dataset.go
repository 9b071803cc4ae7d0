package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/answer"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
)

// dataset is what a run of the command loads: the datasets the global flags name, loaded once, the
// view of them the filters select, and how long loading took (for --stats). A dataset file named
// again (a diff argument) is loaded once too. Actor names resolve against it.
type dataset struct {
	opts     *globalOptions
	getenv   func(string) string
	progress *progressStream

	full     *graph.Graph            // the loaded dataset, unfiltered
	loadTime time.Duration           // how long loading took
	loaded   []string                // labels of the datasets loaded
	byPath   map[string]*graph.Graph // datasets loaded by loadInput, by path
}

// newDataset returns the dataset of the global options o.
func newDataset(o *globalOptions, getenv func(string) string, progress *progressStream) *dataset {
	return &dataset{opts: o, getenv: getenv, progress: progress}
}

// inputs returns the datasets to load: --data, else $RELGRAPH_DATA (a list separated like PATH), else
// the embedded dataset.
func (d *dataset) inputs() ([]data.Input, error) {
	return d.inputsOf(d.opts.dataPaths)
}

// inputsOf is inputs with paths in place of --data.
func (d *dataset) inputsOf(paths []string) ([]data.Input, error) {
	if slices.Contains(paths, "") {
		return nil, usagef("--data needs a path")
	}
	if len(paths) == 0 && d.getenv != nil {
		if v := d.getenv("RELGRAPH_DATA"); v != "" {
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
	var seen []os.FileInfo // the files and directories given so far
	for _, p := range paths {
		// The same dataset given twice (also as "./x" and "x", or through a link) loads once: loading
		// it again would only report every actor and link as a duplicate.
		if st, err := os.Stat(p); err == nil {
			if slices.ContainsFunc(seen, func(s os.FileInfo) bool { return os.SameFile(s, st) }) {
				continue
			}
			seen = append(seen, st)
		}
		in, err := d.pathInput(p)
		if err != nil {
			return nil, err
		}
		ins = append(ins, in)
	}
	return ins, nil
}

// pathInput opens a dataset path with the file size limit of --max-file-size.
func (d *dataset) pathInput(p string) (data.Input, error) {
	return data.PathInputLimit(p, d.opts.maxFile)
}

// load loads the dataset once per run.
func (d *dataset) load() (*graph.Graph, error) {
	if d.full != nil {
		return d.full, nil
	}
	ins, err := d.inputs()
	if err != nil {
		return nil, err
	}
	start := d.progress.now()
	stop := d.progress.loading(ins)
	g, err := data.Load(ins...)
	stop()
	d.loadTime = d.progress.now().Sub(start)
	for _, in := range ins {
		d.loaded = append(d.loaded, in.Label)
	}
	if err != nil {
		var ps data.Problems
		if errors.As(err, &ps) {
			return nil, fmt.Errorf("the dataset has %d problem(s):\n%w\n(run 'relgraph validate' for the full list)", len(ps), firstProblems(ps, 20))
		}
		return nil, err
	}
	d.full = g
	if len(d.opts.dataPaths) == 1 {
		// The same path given again as an argument (diff) is this dataset.
		d.remember(d.opts.dataPaths[0], g)
	}
	return g, nil
}

// loadInput loads in, opened from path p (pathInput), on its own, once per run: a path given twice
// is loaded once. Errors are the loader's, for the caller to word.
func (d *dataset) loadInput(p string, in data.Input) (*graph.Graph, error) {
	if g, ok := d.byPath[p]; ok {
		return g, nil
	}
	g, err := data.Load(in)
	if err != nil {
		return nil, err
	}
	d.remember(p, g)
	return g, nil
}

// remember keeps g as the dataset loaded from path p.
func (d *dataset) remember(p string, g *graph.Graph) {
	if d.byPath == nil {
		d.byPath = map[string]*graph.Graph{}
	}
	d.byPath[p] = g
}

func firstProblems(ps data.Problems, n int) error {
	if len(ps) <= n {
		return ps
	}
	return fmt.Errorf("%w\n… and %d more", ps[:n], len(ps)-n)
}

// filter returns the graph filter of the global flags.
func (d *dataset) filter() (graph.Filter, error) { return d.opts.filter() }

// filterDesc describes the active filters for headers ("at 2016; kinds pipeline,railway"), or "".
func (d *dataset) filterDesc() string { return d.opts.filterDesc() }

// underFilter returns " (at 2016; kinds …)" when filters are active, else "".
func (d *dataset) underFilter() string { return text.UnderFilter(d.filterDesc()) }

// graph loads the dataset and applies the global filters. It returns the full graph too: actor names
// resolve against it, so an actor outside the filter is reported as such rather than as unknown.
func (d *dataset) graph() (full, view *graph.Graph, err error) {
	full, err = d.load()
	if err != nil {
		return nil, nil, err
	}
	f, err := d.filter()
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

// view loads the dataset, applies the global filters and returns the view questions are asked of.
func (d *dataset) view() (answer.View, error) {
	_, g, err := d.graph()
	if err != nil {
		return answer.View{}, err
	}
	return answer.View{Graph: g, Filter: d.filterDesc()}, nil
}

// resolve turns a user's actor name into the number of the actor it counts as in g (answer.View.Resolve).
func resolve(g *graph.Graph, name string) (int32, error) {
	return answer.View{Graph: g}.Resolve(name)
}

// presentActor resolves a name and checks that the actor is part of the filtered view g.
func (d *dataset) presentActor(full, g *graph.Graph, name string) (int32, error) {
	id, err := resolve(g, name)
	if err != nil {
		return -1, err
	}
	if !g.Present(id) {
		return -1, fmt.Errorf("%s is not in the view%s", full.Actor(id).Name, d.underFilter())
	}
	return id, nil
}

// writeStats prints what --stats shows after a command: what was loaded, how long it took and the
// memory the process used. It prints nothing when nothing was loaded.
func (d *dataset) writeStats(w io.Writer) {
	g := d.full
	if g == nil {
		return
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(w, "stats: loaded %s: %d actors, %d links, %d documents in %s\n",
		strings.Join(d.loaded, ", "), g.NumActors(), g.NumLinks(), len(g.Documents()), d.loadTime.Round(time.Microsecond))
	fmt.Fprintf(w, "stats: heap in use %.1f MiB", float64(ms.HeapInuse)/(1<<20))
	if rss := peakRSS(); rss > 0 {
		fmt.Fprintf(w, ", peak RSS %.1f MiB", float64(rss)/(1<<20))
	}
	fmt.Fprintln(w)
}

// completeActors completes actor ids for shell completion.
func (d *dataset) completeActors(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	g, err := d.load()
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

// completeKinds completes link kinds for shell completion.
func (d *dataset) completeKinds(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	g, err := d.load()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	return g.Kinds().LinkKindNames(), cobra.ShellCompDirectiveNoFileComp
}

// completeActorKinds completes actor kinds for shell completion.
func (d *dataset) completeActorKinds(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	g, err := d.load()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	return g.Kinds().ActorKindNames(), cobra.ShellCompDirectiveNoFileComp
}
