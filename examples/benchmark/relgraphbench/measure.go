package main

// This file times relgraph's answers to the benchmark's questions and records them as a Result.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
	"github.com/relgraph/relgraph/graph/query"
)

// Result is what one tool measured: the times of each row and the answers, to check that the tools
// answered the same questions.
type Result struct {
	Tool    string          `json:"tool"`
	Version string          `json:"version"`
	Missing string          `json:"missing,omitempty"` // why the tool could not run
	RSSMiB  float64         `json:"rss_mib"`           // peak RSS of the process after the first load
	Rows    map[string]*Row `json:"rows"`
	Answers Answers         `json:"answers"`
	Notes   []string        `json:"notes,omitempty"`
}

// Row is the measurement of one question.
type Row struct {
	// Times are the durations of the runs, in seconds.
	Times []float64 `json:"times"`
	// Exceeded is the time limit, in seconds, when the runs were cut short by it (0 otherwise).
	Exceeded float64 `json:"exceeded,omitempty"`
	// NA explains why the question could not be asked of the tool.
	NA string `json:"na,omitempty"`
}

// Answers are the answers of the tools, compared by the report.
type Answers struct {
	Actors  int     `json:"actors"`
	Links   int     `json:"links"`
	Path    []int   `json:"path"`    // hops of the shortest path of each pair (-1: none)
	Connect [][]int `json:"connect"` // distance and number of common neighbours of each pair
	// ArticulationPoints is the number of articulation points.
	ArticulationPoints int `json:"articulation_points"`
	// Bridges is the number of single links whose removal splits the graph.
	Bridges int `json:"bridges"`
	// BridgePairs is the number of actor pairs whose links, together, are the only tie between two
	// parts of the graph (relgraph's bridges; a pair with parallel links counts).
	BridgePairs int    `json:"bridge_pairs,omitempty"`
	Top         string `json:"betweenness_top"` // the actor of highest sampled betweenness
	Added       int    `json:"diff_added"`
	Removed     int    `json:"diff_removed"`
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ---------------------------------------------------------------------------------------------------
// relgraph's measurements

// pathRounds is the number of times the path row asks for each pair's path, in round-robin, since a
// single search takes microseconds. peers.py does the same.
const pathRounds = 20

// runs is the number of runs of each row: 3 for the slow ones, 5 for the fast ones.
var runs = map[string]int{"load": 3, "path": 5 * pathRounds, "connect": 5, "betweenness": 3, "chokepoints": 5, "diff": 5}

func readPairs(dir string) ([][2]string, error) {
	src, err := os.ReadFile(filepath.Join(dir, "pairs.txt"))
	if err != nil {
		return nil, err
	}
	var pairs [][2]string
	for line := range strings.Lines(string(src)) {
		if f := strings.Fields(line); len(f) == 2 {
			pairs = append(pairs, [2]string{f[0], f[1]})
		}
	}
	return pairs, nil
}

// runOptions are the flags of the run command.
type runOptions struct {
	// prof maps a row to the file that receives a CPU profile of its runs.
	prof map[string]string
	// only, when set, lists the rows to run (load always runs).
	only []string
}

// timer runs a row and records its times; with a profile file it profiles the row's runs.
type timer struct {
	res  *Result
	opts runOptions
}

// profile starts a CPU profile of the named row when one was asked for; stop ends it.
func (t timer) profile(name string) (stop func(), err error) {
	file, ok := t.opts.prof[name]
	if !ok {
		return func() {}, nil
	}
	out, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		out.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		out.Close()
	}, nil
}

// row times n runs of f, with a garbage collection before each run.
func (t timer) row(name string, n int, f func(i int)) error { return t.timeRow(name, n, true, f) }

// quickRow times n runs of f without collecting garbage between them: for questions that take
// microseconds, a collection before each would measure cold caches rather than the question.
func (t timer) quickRow(name string, n int, f func(i int)) error { return t.timeRow(name, n, false, f) }

func (t timer) timeRow(name string, n int, collect bool, f func(i int)) error {
	if t.opts.only != nil && !slices.Contains(t.opts.only, strings.TrimSuffix(name, "_1core")) {
		return nil
	}
	r := &Row{}
	t.res.Rows[name] = r
	stop, err := t.profile(name)
	if err != nil {
		return err
	}
	defer stop()
	for i := range n {
		if collect {
			runtime.GC()
		}
		start := time.Now()
		f(i)
		r.Times = append(r.Times, time.Since(start).Seconds())
	}
	fmt.Fprintf(os.Stderr, "relgraph %-20s median %s\n", name, formatSeconds(median(r.Times)))
	return nil
}

func runRelgraph(dir, out string, opts runOptions) error {
	res := &Result{Tool: "relgraph", Version: runtime.Version() + fmt.Sprintf(", GOMAXPROCS=%d", runtime.GOMAXPROCS(0)), Rows: map[string]*Row{}}
	t := timer{res, opts}
	pairs, err := readPairs(dir)
	if err != nil {
		return err
	}
	inA, err := data.PathInput(filepath.Join(dir, "a"))
	if err != nil {
		return err
	}
	inB, err := data.PathInput(filepath.Join(dir, "b"))
	if err != nil {
		return err
	}

	// Load, three times; the peak RSS is taken after the first, before anything else ran. The first
	// query on a loaded graph builds its simple-graph projection (cached on the graph): that is timed
	// apart, once per load.
	var g *graph.Graph
	load, project := &Row{}, &Row{}
	stop, err := t.profile("load")
	if err != nil {
		return err
	}
	for i := range runs["load"] {
		g = nil
		runtime.GC()
		start := time.Now()
		g, err = data.Load(inA)
		load.Times = append(load.Times, time.Since(start).Seconds())
		if err != nil {
			return err
		}
		if i == 0 {
			res.RSSMiB = peakRSSMiB()
		}
		start = time.Now()
		g.Project(graph.ProjectOptions{})
		project.Times = append(project.Times, time.Since(start).Seconds())
	}
	stop()
	res.Rows["load"] = load
	fmt.Fprintf(os.Stderr, "relgraph %-20s median %s\n", "load", formatSeconds(median(load.Times)))
	res.Rows["projection"] = project
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.Notes = append(res.Notes, fmt.Sprintf("relgraph: live heap after load and projection %.0f MiB", float64(ms.HeapAlloc)/(1<<20)))
	res.Answers.Actors, res.Answers.Links = g.NumPresent(), g.NumLinks()

	ends := make([][2]int32, len(pairs))
	for i, p := range pairs {
		a, ok1 := g.ActorIndex(p[0])
		b, ok2 := g.ActorIndex(p[1])
		if !ok1 || !ok2 {
			return fmt.Errorf("pair %q–%q: unknown actor", p[0], p[1])
		}
		ends[i] = [2]int32{a, b}
	}

	res.Answers.Path = make([]int, len(ends))
	if err := t.quickRow("path", len(ends)*pathRounds, func(i int) {
		i %= len(ends)
		pr, err := query.Paths(g, ends[i][0], ends[i][1], query.PathOptions{})
		res.Answers.Path[i] = -1
		if err == nil && len(pr.Paths) > 0 {
			res.Answers.Path[i] = pr.Paths[0].Length
		}
	}); err != nil {
		return err
	}

	res.Answers.Connect = make([][]int, len(ends))
	if err := t.row("connect", len(ends), func(i int) {
		cr, err := query.Connect(g, ends[i][0], nil, ends[i][1], nil, query.ConnectOptions{})
		if err != nil {
			res.Answers.Connect[i] = []int{-2, 0}
			return
		}
		res.Answers.Connect[i] = []int{cr.Distance, len(cr.Common)}
	}); err != nil {
		return err
	}

	// Sampled betweenness, 1,000 pivots: Rank samples above ExactBetweennessLimit actors, and the
	// algorithm is called directly on smaller graphs.
	sampled := g.NumPresent() > query.ExactBetweennessLimit
	if err := t.row("betweenness", runs["betweenness"], func(int) {
		if sampled {
			rr, err := query.Rank(g, query.ByBetweenness, 1)
			if err == nil && len(rr.Actors) > 0 {
				res.Answers.Top = rr.Actors[0].Actor
			}
			return
		}
		bc := algo.Betweenness(g.Project(graph.ProjectOptions{}), algo.BetweennessOptions{Pivots: query.BetweennessPivots, Seed: query.BetweennessSeed})
		res.Answers.Top = g.Actor(int32(argmax(bc))).ID
	}); err != nil {
		return err
	}
	// The same on one core, for comparison with the single-threaded peers.
	if err := t.row("betweenness_1core", 1, func(int) {
		algo.Betweenness(g.Project(graph.ProjectOptions{}), algo.BetweennessOptions{Pivots: query.BetweennessPivots, Seed: query.BetweennessSeed, Workers: 1})
	}); err != nil {
		return err
	}

	if err := t.row("chokepoints", runs["chokepoints"], func(int) {
		cp := query.Chokepoints(g)
		single := 0
		for _, b := range cp.BridgeLinks {
			if len(b.Links) == 1 {
				single++
			}
		}
		res.Answers.ArticulationPoints, res.Answers.Bridges, res.Answers.BridgePairs = len(cp.ArticulationPoints), single, len(cp.Bridges)
	}); err != nil {
		return err
	}

	var gb *graph.Graph
	if opts.only == nil || slices.Contains(opts.only, "diff") {
		if gb, err = data.Load(inB); err != nil {
			return err
		}
	}
	if err := t.row("diff", runs["diff"], func(int) {
		c := graph.Diff(g, gb)
		res.Answers.Added, res.Answers.Removed = len(c.Links.Added), len(c.Links.Removed)
		if n := len(c.Links.Changed); n > 0 {
			res.Notes = append(res.Notes, fmt.Sprintf("relgraph: diff found %d changed links", n))
		}
	}); err != nil {
		return err
	}

	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

func argmax(xs []float64) int {
	best := 0
	for i, x := range xs {
		if x > xs[best] {
			best = i
		}
	}
	return best
}

// ---------------------------------------------------------------------------------------------------
// Report
