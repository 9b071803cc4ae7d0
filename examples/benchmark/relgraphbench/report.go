package main

// This file prints the table that compares the tools' Results, with the targets and the answer checks.

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
)

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
