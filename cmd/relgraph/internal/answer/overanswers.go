package answer

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// RankOver is the answer of 'rank --over': the ranking at each step.
type RankOver struct {
	Over   *OverTime
	By     string
	Method string
	// Rows are the actors in the top at some step, best first; scores and ranks by step (NaN and 0
	// where the actor is not in the view).
	Rows []RankRow
}

// RankRow is one actor's scores and ranks over the steps; tied scores share a rank.
type RankRow struct {
	Actor  string
	Name   string
	Scores []float64
	Ranks  []int
}

// Rank ranks the actors at each step and keeps those in the top at some step (all with top ≤ 0),
// of the given actor kind when kind is not empty.
func (o *OverTime) Rank(by string, top int, kind string) (*RankOver, error) {
	out := &RankOver{Over: o, By: by}
	rows := map[string]*RankRow{}
	n := len(o.Steps)
	for i, v := range o.Views {
		r, err := v.Rank(by, 0, kind)
		if err != nil {
			return nil, err
		}
		out.Method = r.Result.Method
		ranks := competitionRanks(r.Result.Actors)
		for pos, s := range r.Result.Actors {
			row := rows[s.Actor]
			if row == nil {
				if top > 0 && pos >= top {
					continue
				}
				a, _ := v.Graph.ActorIndex(s.Actor)
				row = &RankRow{Actor: s.Actor, Name: v.Graph.Actor(a).Name, Scores: make([]float64, n), Ranks: make([]int, n)}
				for j := range row.Scores {
					row.Scores[j] = math.NaN()
				}
				rows[s.Actor] = row
			}
			row.Scores[i], row.Ranks[i] = s.Score, ranks[pos]
		}
	}
	// An actor that entered the top late has its earlier scores too: fill them from every step.
	for i, v := range o.Views {
		r, _ := v.Rank(by, 0, kind)
		ranks := competitionRanks(r.Result.Actors)
		for pos, s := range r.Result.Actors {
			if row := rows[s.Actor]; row != nil && row.Ranks[i] == 0 {
				row.Scores[i], row.Ranks[i] = s.Score, ranks[pos]
			}
		}
	}
	for _, row := range rows {
		out.Rows = append(out.Rows, *row)
	}
	best := func(r *RankRow) int {
		b := math.MaxInt
		for _, x := range r.Ranks {
			if x > 0 {
				b = min(b, x)
			}
		}
		return b
	}
	last := func(r *RankRow) float64 {
		for i := len(r.Scores) - 1; i >= 0; i-- {
			if !math.IsNaN(r.Scores[i]) {
				return r.Scores[i]
			}
		}
		return 0
	}
	slices.SortFunc(out.Rows, func(x, y RankRow) int {
		return cmp.Or(cmp.Compare(best(&x), best(&y)), cmp.Compare(last(&y), last(&x)), strings.Compare(x.Actor, y.Actor))
	})
	return out, nil
}

// competitionRanks returns the rank of each score of a ranking, best first: one more than the number
// of scores above it, so that tied actors share a rank (1, 2, 2, 4).
func competitionRanks(scores []query.Score) []int {
	out := make([]int, len(scores))
	for i := range scores {
		if i > 0 && scores[i].Score == scores[i-1].Score {
			out[i] = out[i-1]
		} else {
			out[i] = i + 1
		}
	}
	return out
}

// JSON returns the answer's --json shape: the steps, and per actor its score and rank at each (null
// where it is not in the view).
func (a *RankOver) JSON() any {
	type row struct {
		Actor  string     `json:"actor"`
		Scores []*float64 `json:"scores"`
		Ranks  []*int     `json:"ranks"`
	}
	out := struct {
		By     string   `json:"by"`
		Method string   `json:"method"`
		Steps  []string `json:"steps"`
		Actors []row    `json:"actors"`
	}{By: a.By, Method: a.Method, Steps: a.Over.labels(), Actors: []row{}}
	for _, r := range a.Rows {
		jr := row{Actor: r.Actor, Scores: make([]*float64, len(r.Scores)), Ranks: make([]*int, len(r.Ranks))}
		for i := range r.Scores {
			if r.Ranks[i] > 0 {
				s, k := r.Scores[i], r.Ranks[i]
				jr.Scores[i], jr.Ranks[i] = &s, &k
			}
		}
		out.Actors = append(out.Actors, jr)
	}
	return out
}

// Text writes the answer for a person: per actor a sparkline of its score (scaled to the highest
// score of the table) and its rank at each step.
func (a *RankOver) Text(w io.Writer) error {
	desc := a.Method
	if len(a.Over.Views) > 0 && a.Over.Views[0].Filter != "" {
		desc += "; " + a.Over.Views[0].Filter
	}
	fmt.Fprintf(w, "%s at each step, %s (%s)\n", strings.ToUpper(a.By[:1])+a.By[1:], a.Over.span(), desc)
	if len(a.Rows) == 0 {
		_, err := fmt.Fprintln(w, "no actor at any step")
		return err
	}
	hi := 0.0
	for _, r := range a.Rows {
		for _, s := range r.Scores {
			if !math.IsNaN(s) {
				hi = math.Max(hi, s)
			}
		}
	}
	// One narrow column per step, right-aligned, so that 34 yearly steps fit a wide terminal.
	heads := stepHeads(a.Over.Steps)
	width := 2
	for _, h := range heads {
		width = max(width, len(h))
	}
	cols := func(cells []string) string {
		var b strings.Builder
		for _, c := range cells {
			b.WriteString(strings.Repeat(" ", width+1-len([]rune(c))))
			b.WriteString(c)
		}
		return b.String()
	}
	tw := text.NewTable(w)
	fmt.Fprintf(tw, "\t%s\t%s\n", strings.Repeat(" ", len(a.Over.Steps)), cols(heads))
	for _, r := range a.Rows {
		ranks := make([]string, len(r.Ranks))
		for i, k := range r.Ranks {
			ranks[i] = "·"
			if k > 0 {
				ranks[i] = fmt.Sprint(k)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, text.Sparkline(r.Scores, hi), cols(ranks))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(ranks at each step; the line shows the %s score, scaled to the highest, %.4g)\n", a.By, hi)
	return err
}

// stepHeads returns the column heads of the steps: "91" for a year, else the date.
func stepHeads(steps []graph.Date) []string {
	out := make([]string, len(steps))
	years := true
	for _, d := range steps {
		years = years && d.Month() == 0
	}
	for i, d := range steps {
		out[i] = d.String()
		if years {
			out[i] = fmt.Sprintf("%02d", d.Year()%100)
		}
	}
	return out
}

// BalanceOver is the answer of 'balance --over': the balance at each step and the triangles that
// changed between steps.
type BalanceOver struct {
	Over    *OverTime
	Results []query.BalanceResult
	// Changes are the triangles that became unbalanced, or stopped being unbalanced, from one step to
	// the next, each with the links added or removed on the ties whose net sign changed.
	Changes []TriadChange
}

// TriadChange is a triangle whose balance changed between two steps, with the links that changed it.
type TriadChange struct {
	Step    graph.Date
	Actors  [3]string
	Became  string // "unbalanced", "balanced", or "unsigned" (a tie went, or its signs cancel out)
	Added   []graph.Link
	Removed []graph.Link
}

// Balance measures the balance at each step and finds the triangles that changed.
func (o *OverTime) Balance() *BalanceOver {
	out := &BalanceOver{Over: o}
	var prev map[[3]string]bool
	for i, v := range o.Views {
		res := query.Balance(v.Graph, 0)
		cur := map[[3]string]bool{}
		for _, t := range res.Triads {
			cur[t.Actors] = true
		}
		res.Triads = res.Triads[:min(len(res.Triads), 5)]
		out.Results = append(out.Results, res)
		if i > 0 {
			before, after := o.Views[i-1].Graph, v.Graph
			for t := range cur {
				if !prev[t] {
					out.Changes = append(out.Changes, triadChange(before, after, o.Steps[i], t, "unbalanced"))
				}
			}
			for t := range prev {
				if !cur[t] {
					became := "unsigned"
					if s, ok := triadSign(after, t); ok && s > 0 {
						became = "balanced"
					}
					out.Changes = append(out.Changes, triadChange(before, after, o.Steps[i], t, became))
				}
			}
		}
		prev = cur
	}
	slices.SortFunc(out.Changes, func(x, y TriadChange) int {
		return cmp.Or(cmp.Compare(x.Step, y.Step), strings.Compare(x.Became, y.Became),
			strings.Compare(strings.Join(x.Actors[:], " "), strings.Join(y.Actors[:], " ")))
	})
	return out
}

// triadSign returns the product of the net signs of the three ties of t in g, and whether all three
// ties exist with a sign.
func triadSign(g *graph.Graph, t [3]string) (int, bool) {
	prod := 1
	for _, p := range [][2]int{{0, 1}, {0, 2}, {1, 2}} {
		a, ok1 := g.ActorIndex(t[p[0]])
		b, ok2 := g.ActorIndex(t[p[1]])
		if !ok1 || !ok2 {
			return 0, false
		}
		sum := 0
		for _, l := range g.LinksBetween(a, b) {
			sum += int(g.SignOf(l))
		}
		switch {
		case sum > 0:
		case sum < 0:
			prod = -prod
		default:
			return 0, false
		}
	}
	return prod, true
}

// triadChange lists the links added or removed from before to after on the ties of t whose net sign
// changed: the links that changed the triangle.
func triadChange(before, after *graph.Graph, step graph.Date, t [3]string, became string) TriadChange {
	ch := TriadChange{Step: step, Actors: t, Became: became}
	for _, p := range [][2]int{{0, 1}, {0, 2}, {1, 2}} {
		pb, sb := pairLinks(before, t[p[0]], t[p[1]])
		pa, sa := pairLinks(after, t[p[0]], t[p[1]])
		if sign(sb) == sign(sa) {
			continue
		}
		for _, id := range sortedKeys(pa) {
			if _, ok := pb[id]; !ok {
				ch.Added = append(ch.Added, after.Link(pa[id]))
			}
		}
		for _, id := range sortedKeys(pb) {
			if _, ok := pa[id]; !ok {
				ch.Removed = append(ch.Removed, before.Link(pb[id]))
			}
		}
	}
	return ch
}

// pairLinks returns the links between the actors a and b of g by id, and the sum of their signs.
func pairLinks(g *graph.Graph, a, b string) (map[string]int32, int) {
	out := map[string]int32{}
	x, ok1 := g.ActorIndex(a)
	y, ok2 := g.ActorIndex(b)
	if !ok1 || !ok2 {
		return out, 0
	}
	sum := 0
	for _, l := range g.LinksBetween(x, y) {
		out[g.LinkID(l)] = l
		sum += int(g.SignOf(l))
	}
	return out, sum
}

// sign returns -1, 0 or 1 by the sign of n.
func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// JSON returns the answer's --json shape.
func (a *BalanceOver) JSON() any {
	type step struct {
		Step       string  `json:"step"`
		Index      float64 `json:"index"`
		Balanced   int     `json:"balanced"`
		Unbalanced int     `json:"unbalanced"`
	}
	type change struct {
		Step    string         `json:"step"`
		Actors  [3]string      `json:"actors"`
		Became  string         `json:"became"`
		Added   []jsonout.Link `json:"added"`
		Removed []jsonout.Link `json:"removed"`
	}
	out := struct {
		Steps   []step   `json:"steps"`
		Changes []change `json:"changes"`
	}{Steps: []step{}, Changes: []change{}}
	for i, r := range a.Results {
		out.Steps = append(out.Steps, step{a.Over.Steps[i].String(), math.Round(r.Index*1e6) / 1e6, r.Balanced, r.Unbalanced})
	}
	for _, c := range a.Changes {
		out.Changes = append(out.Changes, change{c.Step.String(), c.Actors, c.Became, jsonout.FromLinks(c.Added), jsonout.FromLinks(c.Removed)})
	}
	return out
}

// Text writes the answer for a person.
func (a *BalanceOver) Text(w io.Writer) error {
	desc := ""
	if len(a.Over.Views) > 0 && a.Over.Views[0].Filter != "" {
		desc = " (" + a.Over.Views[0].Filter + ")"
	}
	fmt.Fprintf(w, "Structural balance at each step, %s%s\n", a.Over.span(), desc)
	idx := make([]float64, len(a.Results))
	for i, r := range a.Results {
		idx[i] = r.Index
	}
	fmt.Fprintf(w, "index %s  (from %.3f to %.3f)\n\n", text.Sparkline(idx, 1), idx[0], idx[len(idx)-1])
	tw := text.NewTable(w)
	fmt.Fprintln(tw, "step\tindex\tbalanced\tunbalanced")
	for i, r := range a.Results {
		fmt.Fprintf(tw, "%s\t%.3f\t%d\t%d\n", a.Over.Steps[i], r.Index, r.Balanced, r.Unbalanced)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(a.Changes) == 0 {
		_, err := fmt.Fprintln(w, "\nno triangle changed its balance")
		return err
	}
	fmt.Fprintf(w, "\nTriangles that changed (%d)\n", len(a.Changes))
	g := a.Over.Views[len(a.Over.Views)-1].Graph
	for _, c := range a.Changes {
		names := make([]string, 3)
		for i, id := range c.Actors {
			names[i] = text.ActorName(g, id)
		}
		became := "became " + c.Became
		if c.Became == "unsigned" {
			became = "no longer a signed triangle (a tie went, or its signs cancel out)"
		}
		fmt.Fprintf(w, "  %s  %s: %s\n", c.Step, strings.Join(names, " – "), became)
		if err := text.LinkTable(w, g, c.Added, "      + ", true); err != nil {
			return err
		}
		if err := text.LinkTable(w, g, c.Removed, "      - ", true); err != nil {
			return err
		}
	}
	return nil
}

// ChokepointsOver is the answer of 'chokepoints --over': the articulation points at each step.
type ChokepointsOver struct {
	Over    *OverTime
	Results []query.ChokepointsResult
}

// Chokepoints finds the articulation points and bridges at each step.
func (o *OverTime) Chokepoints() *ChokepointsOver {
	out := &ChokepointsOver{Over: o}
	for _, v := range o.Views {
		out.Results = append(out.Results, query.Chokepoints(v.Graph))
	}
	return out
}

// JSON returns the answer's --json shape.
func (a *ChokepointsOver) JSON() any {
	type step struct {
		Step               string      `json:"step"`
		ArticulationPoints []string    `json:"articulation_points"`
		Bridges            [][2]string `json:"bridges"`
	}
	out := struct {
		Steps []step `json:"steps"`
	}{Steps: []step{}}
	for i, r := range a.Results {
		out.Steps = append(out.Steps, step{a.Over.Steps[i].String(), r.ArticulationPoints, r.Bridges})
	}
	return out
}

// Text writes the answer for a person: per actor that is an articulation point at some step, a strip
// marking the steps where it is one.
func (a *ChokepointsOver) Text(w io.Writer) error {
	desc := ""
	if len(a.Over.Views) > 0 && a.Over.Views[0].Filter != "" {
		desc = " (" + a.Over.Views[0].Filter + ")"
	}
	fmt.Fprintf(w, "Articulation points at each step, %s%s\n", a.Over.span(), desc)
	at := map[string][]bool{}
	for i, r := range a.Results {
		for _, id := range r.ArticulationPoints {
			if at[id] == nil {
				at[id] = make([]bool, len(a.Results))
			}
			at[id][i] = true
		}
	}
	if len(at) == 0 {
		_, err := fmt.Fprintln(w, "no articulation point at any step")
		return err
	}
	ids := sortedKeys(at)
	count := func(id string) int {
		n := 0
		for _, b := range at[id] {
			if b {
				n++
			}
		}
		return n
	}
	slices.SortStableFunc(ids, func(x, y string) int { return cmp.Compare(count(y), count(x)) })
	g := a.Over.Views[len(a.Over.Views)-1].Graph
	tw := text.NewTable(w)
	for _, id := range ids {
		var strip strings.Builder
		for _, b := range at[id] {
			if b {
				strip.WriteString("█")
			} else {
				strip.WriteString("·")
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\n", text.ActorName(g, id), strip.String(), count(id))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(one mark per step from %s to %s: █ where the actor is an articulation point, whose removal splits the graph of that step)\n",
		a.Over.Steps[0], a.Over.Steps[len(a.Over.Steps)-1])
	return err
}

// Chart returns the line chart of the scores of the first top rows (ten at most).
func (a *RankOver) Chart(top int) *render.LineChart {
	c := &render.LineChart{
		Title:  fmt.Sprintf("%s at each step, %s", strings.ToUpper(a.By[:1])+a.By[1:], a.Over.span()),
		Steps:  a.Over.labels(),
		YLabel: a.By,
	}
	if f := a.Over.Views; len(f) > 0 && f[0].Filter != "" {
		c.Title += " (" + f[0].Filter + ")"
	}
	for i, r := range a.Rows {
		if i >= min(top, 10) && top > 0 || i >= 10 {
			break
		}
		c.Series = append(c.Series, render.Series{Name: r.Name, Values: r.Scores})
	}
	return c
}
