// Command relgraphbench is the relgraph side of the cross-tool benchmark in examples/benchmark: it
// generates a synthetic dataset in relgraph's native CSV format, times relgraph's queries on it through
// the library, and prints the table that compares them with the same questions asked of NetworkX and
// python-igraph (peers.py). run.sh drives the three steps:
//
//	relgraphbench gen DIR ACTORS LINKS      # DIR/a and DIR/b: two snapshots 1% of links apart; DIR/pairs.txt
//	relgraphbench run DIR OUT.json          # times relgraph on DIR, writes the results
//	relgraphbench report A.json B.json...   # prints the Markdown table of medians and ratios
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
	"github.com/relgraph/relgraph/graph/query"
)

func main() {
	if err := dispatch(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "relgraphbench:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  relgraphbench gen DIR ACTORS LINKS
  relgraphbench run [-rows ROW,...] [-cpuprofile ROW=FILE] DIR OUT.json
  relgraphbench report RESULT.json...`

func dispatch(args []string) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	switch args[0] {
	case "gen":
		if len(args) != 4 {
			return errors.New(usage)
		}
		n, err1 := strconv.Atoi(args[2])
		m, err2 := strconv.Atoi(args[3])
		if err := errors.Join(err1, err2); err != nil || n < 20 || m < n {
			return fmt.Errorf("want ACTORS ≥ 20 and LINKS ≥ ACTORS: %q %q", args[2], args[3])
		}
		return generate(args[1], n, m)
	case "run":
		rest := args[1:]
		opts := runOptions{prof: map[string]string{}}
		for len(rest) > 1 && strings.HasPrefix(rest[0], "-") {
			switch rest[0] {
			case "-cpuprofile":
				row, file, ok := strings.Cut(rest[1], "=")
				if !ok {
					return fmt.Errorf("-cpuprofile wants ROW=FILE, not %q", rest[1])
				}
				opts.prof[row] = file
			case "-rows":
				opts.only = strings.Split(rest[1], ",")
			default:
				return fmt.Errorf("unknown flag %q\n%s", rest[0], usage)
			}
			rest = rest[2:]
		}
		if len(rest) != 2 {
			return errors.New(usage)
		}
		return runRelgraph(rest[0], rest[1], opts)
	case "report":
		if len(args) < 2 {
			return errors.New(usage)
		}
		return report(os.Stdout, args[1:])
	}
	return errors.New(usage)
}

// ---------------------------------------------------------------------------------------------------
// Generation

// genKind is a link kind the generator draws, with its share of the links (out of 100).
type genKind struct {
	name     string
	directed bool
	share    int
}

// The kinds of the generated links: 80% of undirected kinds. All the benchmark's questions take links
// as undirected, so the three tools answer the same questions.
var genKinds = []genKind{
	{"trade", false, 30}, {"alliance", false, 10}, {"conflict", false, 10}, {"dispute", false, 15},
	{"energy_deal", false, 15}, {"arms_sale", true, 10}, {"visit", true, 10},
}

// genLink is one generated link.
type genLink struct {
	from, to int32
	kind     uint8
	year     int16
	month    int8
	day      int8 // > 0 only for events (visits): the date is then the on column
	endYear  int16
	weight   int16 // 0: no weight
}

// key identifies a link as its derived id does, with the ends unordered for every kind: the generator
// keeps keys unique, so a derived id never repeats and the peers can diff by unordered ends.
type genKey struct {
	a, b  int32
	kind  uint8
	year  int16
	month int8
	day   int8
}

func (l *genLink) key() genKey {
	a, b := l.from, l.to
	if b < a {
		a, b = b, a
	}
	return genKey{a, b, l.kind, l.year, l.month, l.day}
}

// generator draws links with a fixed seed.
type generator struct {
	r     *rand.Rand
	n     int // actors
	core  int // actors [0, core) form the core; the rest is the periphery
	keys  map[genKey]struct{}
	kinds []uint8 // a kind index per percent
}

func newGenerator(n, m int) *generator {
	g := &generator{r: rand.New(rand.NewPCG(1, 2)), n: n, core: n - n/10, keys: make(map[genKey]struct{}, m+m/100)}
	for i, k := range genKinds {
		for range k.share {
			g.kinds = append(g.kinds, uint8(i))
		}
	}
	return g
}

// coreActor draws a core actor: uniformly seven times in ten, else skewed toward low numbers (a
// density falling as x^-2/3), which makes hubs of a few thousand links at a million links.
func (g *generator) coreActor() int32 {
	if g.r.IntN(10) < 3 {
		u := g.r.Float64()
		return int32(float64(g.core) * u * u * u)
	}
	return int32(g.r.IntN(g.core))
}

// link draws a link between from and to with a fresh key (it redraws the date on a collision, and
// reports false when ten dates collide).
func (g *generator) link(from, to int32) (genLink, bool) {
	k := g.kinds[g.r.IntN(len(g.kinds))]
	for range 10 {
		l := genLink{from: from, to: to, kind: k, year: int16(1990 + g.r.IntN(35)), month: int8(1 + g.r.IntN(12))}
		if genKinds[k].name == "visit" {
			l.day = int8(1 + g.r.IntN(28))
		} else if g.r.IntN(2) == 0 {
			l.endYear = l.year + int16(g.r.IntN(10))
		}
		if genKinds[k].name == "trade" {
			l.weight = int16(1 + g.r.IntN(100))
		}
		if _, dup := g.keys[l.key()]; !dup {
			g.keys[l.key()] = struct{}{}
			return l, true
		}
	}
	return genLink{}, false
}

// coreLink draws a link between two distinct core actors.
func (g *generator) coreLink() genLink {
	for {
		a, b := g.coreActor(), g.coreActor()
		if a == b {
			continue
		}
		if l, ok := g.link(a, b); ok {
			return l
		}
	}
}

// generate writes the dataset: DIR/a (n actors, m links), DIR/b (the same with 0.5% of the links
// removed and as many new ones added: 1% of links differ) and DIR/pairs.txt (five pairs of actors
// for the two-actor questions).
//
// The graph has a core of 90% of the actors, linked at random with a pull toward a few hubs, and a
// periphery of 10% tied by one or two links to the core or to another peripheral actor, which gives
// the chokepoints question articulation points and bridges to find.
func generate(dir string, n, m int) error {
	g := newGenerator(n, m)
	links := make([]genLink, 0, m)
	for x := int32(g.core); x < int32(n); x++ {
		ties := 1 + g.r.IntN(5)/3 // 1 (60%) or 2 (40%)
		for range ties {
			to := int32(g.r.IntN(g.core))
			if x > int32(g.core) && g.r.IntN(5) == 0 {
				to = int32(g.core + g.r.IntN(int(x)-g.core))
			}
			if l, ok := g.link(x, to); ok {
				links = append(links, l)
			}
		}
	}
	periphery := len(links)
	for len(links) < m {
		links = append(links, g.coreLink())
	}

	// Snapshot b: drop m/200 core links, add as many new ones.
	changes := max(1, m/200)
	drop := map[int]bool{}
	for len(drop) < changes {
		drop[periphery+g.r.IntN(m-periphery)] = true
	}
	var linksB []genLink
	for i, l := range links {
		if !drop[i] {
			linksB = append(linksB, l)
		}
	}
	for range changes {
		linksB = append(linksB, g.coreLink())
	}

	var pairs [][2]int32
	for len(pairs) < 5 {
		a, b := int32(g.r.IntN(g.core)), int32(g.r.IntN(g.core))
		if a != b {
			pairs = append(pairs, [2]int32{a, b})
		}
	}

	for _, snap := range []struct {
		name  string
		links []genLink
	}{{"a", links}, {"b", linksB}} {
		d := filepath.Join(dir, snap.name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		if err := writeActors(filepath.Join(d, "actors.csv"), n); err != nil {
			return err
		}
		if err := writeLinks(filepath.Join(d, "links.csv"), snap.links); err != nil {
			return err
		}
	}
	var sb strings.Builder
	for _, p := range pairs {
		fmt.Fprintf(&sb, "a%d a%d\n", p[0], p[1])
	}
	return os.WriteFile(filepath.Join(dir, "pairs.txt"), []byte(sb.String()), 0o644)
}

// writeFile creates path and hands a buffered writer to fill.
func writeFile(path string, fill func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fill(w)
	return errors.Join(w.Flush(), f.Close())
}

func writeActors(path string, n int) error {
	kinds := []string{"country", "country", "country", "company", "company", "organization", "person"}
	return writeFile(path, func(w *bufio.Writer) {
		w.WriteString("id,name,kind\n")
		for i := range n {
			fmt.Fprintf(w, "a%d,Actor %d,%s\n", i, i, kinds[i%len(kinds)])
		}
	})
}

func writeLinks(path string, links []genLink) error {
	return writeFile(path, func(w *bufio.Writer) {
		w.WriteString("kind,from,to,start,end,on,sign,weight,certainty\n")
		var b []byte
		for _, l := range links {
			b = append(b[:0], genKinds[l.kind].name...)
			b = append(append(b, ",a"...), strconv.Itoa(int(l.from))...)
			b = append(append(b, ",a"...), strconv.Itoa(int(l.to))...)
			date := fmt.Appendf(nil, "%04d-%02d", l.year, l.month)
			if l.day > 0 {
				date = fmt.Appendf(date, "-%02d", l.day)
				b = append(append(append(b, ",,,"...), date...), ',') // start, end empty; on
			} else {
				b = append(append(append(b, ','), date...), ',') // start
				if l.endYear > 0 {
					b = strconv.AppendInt(b, int64(l.endYear), 10)
				}
				b = append(b, ",,"...) // on empty
			}
			b = append(b, ',') // sign: the kind's default
			if l.weight > 0 {
				b = strconv.AppendInt(b, int64(l.weight), 10)
			}
			b = append(b, ",\n"...) // certainty: reported
			w.Write(b)
		}
	})
}

// ---------------------------------------------------------------------------------------------------
// Results, shared with peers.py

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

// reportRows are the rows of the table, in order.
var reportRows = []struct{ key, label string }{
	{"load", "load (CSV → graph)"},
	{"path", "shortest path (5 pairs × 20)"},
	{"connect", "connect (5 pairs)"},
	{"betweenness", "betweenness, 1,000 pivots"},
	{"chokepoints", "articulation points + bridges"},
	{"diff", "diff of two snapshots (1% of links apart)"},
}

// fewerFactor is how many times more pivots the betweenness row asks for than the betweenness_fewer
// row that peers.py runs when the whole row exceeds its limit.
const fewerFactor = 20

func formatSeconds(s float64) string {
	switch {
	case s >= 600:
		return fmt.Sprintf("%.0f min", s/60)
	case s <= 0:
		return "0"
	case s < 0.00001:
		return fmt.Sprintf("%.1f µs", s*1e6)
	case s < 0.001:
		return fmt.Sprintf("%.0f µs", s*1e6)
	case s < 0.01:
		return fmt.Sprintf("%.1f ms", s*1000)
	case s < 1:
		return fmt.Sprintf("%.0f ms", s*1000)
	case s < 10:
		return fmt.Sprintf("%.2f s", s)
	}
	return fmt.Sprintf("%.1f s", s)
}

// formatRatio formats how many times slower a peer is than relgraph.
func formatRatio(r float64) string {
	if r >= 10 {
		return fmt.Sprintf("%.0f×", r)
	}
	return fmt.Sprintf("%.1f×", r)
}

// cell formats one tool's row: the median, or why there is none.
func cell(res *Result, key string) (text string, med float64, lower bool) {
	if res == nil {
		return "—", 0, false
	}
	if res.Missing != "" {
		return "not installed", 0, false
	}
	r, ok := res.Rows[key]
	if !ok {
		return "—", 0, false
	}
	if r.NA != "" {
		return "n/a", 0, false
	}
	if f := res.Rows["betweenness_fewer"]; key == "betweenness" && len(r.Times) == 0 && f != nil {
		// peers.py times a twentieth of the pivots when all of them exceed the limit.
		if len(f.Times) > 0 {
			est := f.Times[0] * fewerFactor
			return "≈ " + formatSeconds(est) + " (from 50 pivots)", est, false
		}
		if f.Exceeded > 0 {
			bound := f.Exceeded * fewerFactor
			return "> " + formatSeconds(bound) + " (50 pivots > limit)", bound, true
		}
	}
	if len(r.Times) == 0 && r.Exceeded > 0 {
		return fmt.Sprintf("> %.0f s", r.Exceeded), r.Exceeded, true
	}
	med = median(r.Times)
	text = formatSeconds(med)
	if want := runs[key]; want > 0 && len(r.Times) < want {
		text += fmt.Sprintf(" (%d of %d runs)", len(r.Times), want)
	}
	return text, med, false
}

func report(w *os.File, files []string) error {
	byTool := map[string]*Result{}
	var order []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var r Result
		if err := json.Unmarshal(src, &r); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		byTool[r.Tool] = &r
		order = append(order, r.Tool)
	}
	rg := byTool["relgraph"]
	if rg == nil {
		return errors.New("no relgraph result to compare with")
	}
	nx, ig := byTool["networkx"], byTool["igraph"]

	fmt.Fprintf(w, "%d actors with links, %d links\n\n", rg.Answers.Actors, rg.Answers.Links)
	fmt.Fprintln(w, "| question | relgraph | NetworkX | igraph | NetworkX / relgraph | igraph / relgraph |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
	for _, row := range reportRows {
		rt, rm, _ := cell(rg, row.key)
		nt, nm, nlow := cell(nx, row.key)
		it, im, ilow := cell(ig, row.key)
		ratio := func(m float64, lower bool) string {
			if m == 0 || rm == 0 {
				return "—"
			}
			if lower {
				return "> " + formatRatio(m/rm)
			}
			return formatRatio(m / rm)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", row.label, rt, nt, it, ratio(nm, nlow), ratio(im, ilow))
	}
	rss := func(r *Result) string {
		if r == nil || r.Missing != "" || r.RSSMiB == 0 {
			return "—"
		}
		return fmt.Sprintf("%.0f MiB", r.RSSMiB)
	}
	rssRatio := func(r *Result) string {
		if r == nil || r.Missing != "" || r.RSSMiB == 0 {
			return "—"
		}
		return formatRatio(r.RSSMiB / rg.RSSMiB)
	}
	fmt.Fprintf(w, "| peak RSS of the process after load | %s | %s | %s | %s | %s |\n\n", rss(rg), rss(nx), rss(ig), rssRatio(nx), rssRatio(ig))

	if r := rg.Rows["projection"]; r != nil {
		fmt.Fprintf(w, "- relgraph builds the simple-graph projection that path, connect, betweenness and chokepoints share on the first of them (cached on the graph): %s, not counted above.\n", formatSeconds(median(r.Times)))
	}
	if r := rg.Rows["betweenness_1core"]; r != nil {
		fmt.Fprintf(w, "- relgraph's betweenness uses both cores; on one (Workers: 1) it takes %s.\n", formatSeconds(median(r.Times)))
	}
	for _, name := range order {
		r := byTool[name]
		if r.Missing != "" {
			fmt.Fprintf(w, "- %s: %s\n", name, r.Missing)
			continue
		}
		for _, key := range []string{"load", "path", "connect", "betweenness", "chokepoints", "diff"} {
			if row := r.Rows[key]; row != nil && row.NA != "" {
				fmt.Fprintf(w, "- %s, %s: n/a — %s\n", name, key, row.NA)
			}
		}
		for _, n := range r.Notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
	var versions []string
	for _, name := range order {
		if v := byTool[name].Version; v != "" {
			versions = append(versions, name+": "+v)
		}
	}
	fmt.Fprintf(w, "\nVersions: %s.\n\n", strings.Join(versions, "; "))
	checkAnswers(w, rg, order, byTool)
	if rg.Answers.Links >= 1_000_000 {
		targets(w, rg, nx, ig)
	}
	return nil
}

// A target is a speed or memory goal of the scale issue, set for a million links.
type target struct {
	what string
	key  string  // the row, or "rss"
	max  float64 // seconds, or MiB for rss
}

var targets1M = []target{
	{"load from CSV ≤ 1 s", "load", 1},
	{"peak RSS ≤ 400 MiB", "rss", 400},
	{"path ≤ 20 ms after load", "path", 0.020},
	{"connect ≤ 100 ms", "connect", 0.100},
	{"chokepoints ≤ 200 ms", "chokepoints", 0.200},
	{"sampled betweenness (1,000 pivots) ≤ 2 s", "betweenness", 2},
	{"diff of two 1M-link snapshots ≤ 2 s", "diff", 2},
}

// targets prints the goals of the scale issue with what this run measured and whether they are met.
func targets(w *os.File, rg, nx, ig *Result) {
	yes := map[bool]string{true: "yes", false: "**no**"}
	fmt.Fprintln(w, "\n| target (1M links) | measured | met? |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, t := range targets1M {
		if t.key == "rss" {
			fmt.Fprintf(w, "| %s | %.0f MiB | %s |\n", t.what, rg.RSSMiB, yes[rg.RSSMiB <= t.max])
			continue
		}
		text, med, _ := cell(rg, t.key)
		fmt.Fprintf(w, "| %s | %s | %s |\n", t.what, text, yes[med > 0 && med <= t.max])
	}
	// ratios compares relgraph with a peer on every timed row: the rows where the peer's time divided
	// by relgraph's is at least min, and the others.
	ratios := func(peer *Result, min float64, keys []string) (ok, short []string) {
		for _, key := range keys {
			_, rm, _ := cell(rg, key)
			_, pm, lower := cell(peer, key)
			if rm == 0 || pm == 0 {
				continue
			}
			r := fmt.Sprintf("%s %s", key, formatRatio(pm/rm))
			if lower {
				r = fmt.Sprintf("%s > %s", key, formatRatio(pm/rm))
			}
			if pm/rm >= min {
				ok = append(ok, r)
			} else {
				short = append(short, r)
			}
		}
		return ok, short
	}
	all := []string{"load", "path", "connect", "betweenness", "chokepoints", "diff"}
	if nx != nil && nx.Missing == "" {
		ok, short := ratios(nx, 10, all)
		fmt.Fprintf(w, "| ≥ 10× NetworkX on every row | %s | %s |\n", strings.Join(append(ok, short...), ", "), yes[len(short) == 0])
	}
	if ig != nil && ig.Missing == "" {
		ok, short := ratios(ig, 1, []string{"load"})
		fmt.Fprintf(w, "| no slower than igraph on load | %s | %s |\n", strings.Join(append(ok, short...), ", "), yes[len(short) == 0])
		ok, short = ratios(ig, 1/1.5, all[1:])
		fmt.Fprintf(w, "| within 1.5× of igraph on the algorithm rows | %s | %s |\n", strings.Join(append(ok, short...), ", "), yes[len(short) == 0])
	}
}

// checkAnswers prints whether the tools agree on the answers that do not depend on sampling.
func checkAnswers(w *os.File, rg *Result, order []string, byTool map[string]*Result) {
	a := rg.Answers
	fmt.Fprintf(w, "Answers (relgraph): path hops %v; connect distance/common neighbours %v; %d articulation points, %d single-link bridges (%d bridge pairs); top betweenness %s; diff +%d −%d.\n",
		a.Path, a.Connect, a.ArticulationPoints, a.Bridges, a.BridgePairs, a.Top, a.Added, a.Removed)
	for _, name := range order {
		r := byTool[name]
		if name == "relgraph" || r.Missing != "" {
			continue
		}
		b := r.Answers
		var diffs []string
		check := func(what string, same bool, got any) {
			if !same {
				diffs = append(diffs, fmt.Sprintf("%s %v", what, got))
			}
		}
		// A row cut short by the time limit has its answer when one run finished, except the
		// two-actor rows, which need every pair.
		asked := func(key string, all bool) bool {
			row := r.Rows[key]
			return row != nil && row.NA == "" && len(row.Times) > 0 && (!all || len(row.Times) == runs[key])
		}
		if asked("path", true) {
			check("path hops", slices.Equal(a.Path, b.Path), b.Path)
		}
		if asked("connect", true) {
			check("connect", slices.EqualFunc(a.Connect, b.Connect, slices.Equal[[]int]), b.Connect)
		}
		if asked("chokepoints", false) {
			check("articulation points", a.ArticulationPoints == b.ArticulationPoints, b.ArticulationPoints)
			check("bridges", a.Bridges == b.Bridges, b.Bridges)
		}
		if asked("diff", false) {
			check("diff", a.Added == b.Added && a.Removed == b.Removed, fmt.Sprintf("+%d −%d", b.Added, b.Removed))
		}
		top := ""
		if b.Top != "" {
			top = fmt.Sprintf(" (its top betweenness: %s)", b.Top)
		}
		if len(diffs) == 0 {
			fmt.Fprintf(w, "%s gives the same answers%s.\n", name, top)
		} else {
			slices.SortFunc(diffs, cmp.Compare)
			fmt.Fprintf(w, "%s DIFFERS: %s%s.\n", name, strings.Join(diffs, "; "), top)
		}
	}
}
