package answer

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// Brokers is the answer of 'diff --brokers': how the brokerage of the graph changed from one side of
// a diff to the other.
type Brokers struct {
	Old, New text.DiffSide
	// BecameCut and StoppedCut are the actors that became or stopped being articulation points.
	BecameCut, StoppedCut []ActorChange
	// BridgesGained and BridgesLost are the ties that became or stopped being bridges.
	BridgesGained, BridgesLost []TieChange
	// Risers and Fallers are the actors whose betweenness rose or fell most, largest change first.
	Risers, Fallers []ScoreChange
	// Method says how betweenness was computed on each side.
	Method string
	// Split lists the groups of actors that could reach each other before and no longer can; Joined
	// those that could not and now can.
	Split, Joined []Reach
}

// ActorChange is an actor whose role changed, with the links added and removed that touch it.
type ActorChange struct {
	Actor          string
	Added, Removed []graph.Link
}

// TieChange is a pair of actors whose tie changed, with the links added and removed between them or
// at either end.
type TieChange struct {
	Ends           [2]string
	Added, Removed []graph.Link
}

// ScoreChange is an actor's betweenness on both sides.
type ScoreChange struct {
	Actor    string
	Old, New float64
}

// Reach is a set of actors that lost (or gained) every connection to another set: Groups are the
// parts, Links the links removed (or added) between them.
type Reach struct {
	Groups [][]string
	Links  []graph.Link
}

// brokerTop is how many risers and fallers an answer lists.
const brokerTop = 5

// NewBrokers compares the brokerage of old and new: articulation points, bridges, betweenness and who
// can reach whom (links taken as undirected). Actors are matched by id. O(N + E) plus betweenness on
// both sides (exact up to query.ExactBetweennessLimit actors, sampled above).
func NewBrokers(old, new text.DiffSide) (*Brokers, error) {
	b := &Brokers{Old: old, New: new}
	c := graph.Diff(old.Graph, new.Graph)
	added, removed := byActor(c.Links.Added), byActor(c.Links.Removed)
	co, cn := query.Chokepoints(old.Graph), query.Chokepoints(new.Graph)
	for _, id := range minus(cn.ArticulationPoints, co.ArticulationPoints) {
		b.BecameCut = append(b.BecameCut, ActorChange{id, added[id], removed[id]})
	}
	for _, id := range minus(co.ArticulationPoints, cn.ArticulationPoints) {
		b.StoppedCut = append(b.StoppedCut, ActorChange{id, added[id], removed[id]})
	}
	tie := func(e [2]string) TieChange {
		t := TieChange{Ends: e}
		for _, m := range []struct {
			src map[string][]graph.Link
			dst *[]graph.Link
		}{{added, &t.Added}, {removed, &t.Removed}} {
			seen := map[string]bool{}
			for _, id := range e {
				for _, l := range m.src[id] {
					if !seen[l.ID] {
						seen[l.ID] = true
						*m.dst = append(*m.dst, l)
					}
				}
			}
		}
		return t
	}
	key := func(e [2]string) string { return e[0] + "\x00" + e[1] }
	oldBridges, newBridges := map[string]bool{}, map[string]bool{}
	for _, e := range co.Bridges {
		oldBridges[key(e)] = true
	}
	for _, e := range cn.Bridges {
		newBridges[key(e)] = true
		if !oldBridges[key(e)] {
			b.BridgesGained = append(b.BridgesGained, tie(e))
		}
	}
	for _, e := range co.Bridges {
		if !newBridges[key(e)] {
			b.BridgesLost = append(b.BridgesLost, tie(e))
		}
	}
	ro, err := query.Rank(old.Graph, query.ByBetweenness, 0)
	if err != nil {
		return nil, err
	}
	rn, err := query.Rank(new.Graph, query.ByBetweenness, 0)
	if err != nil {
		return nil, err
	}
	b.Method = ro.Method
	if rn.Method != ro.Method {
		b.Method = ro.Method + " / " + rn.Method
	}
	scores := map[string]*ScoreChange{}
	for _, s := range ro.Actors {
		scores[s.Actor] = &ScoreChange{Actor: s.Actor, Old: s.Score}
	}
	for _, s := range rn.Actors {
		if sc := scores[s.Actor]; sc != nil {
			sc.New = s.Score
		} else {
			scores[s.Actor] = &ScoreChange{Actor: s.Actor, New: s.Score}
		}
	}
	var all []ScoreChange
	for _, sc := range scores {
		if d := sc.New - sc.Old; math.Abs(d) > 1e-9 {
			all = append(all, *sc)
		}
	}
	delta := func(s ScoreChange) float64 { return s.New - s.Old }
	slices.SortFunc(all, func(x, y ScoreChange) int {
		return cmp.Or(cmp.Compare(math.Abs(delta(y)), math.Abs(delta(x))), strings.Compare(x.Actor, y.Actor))
	})
	for _, s := range all {
		if delta(s) > 0 && len(b.Risers) < brokerTop {
			b.Risers = append(b.Risers, s)
		} else if delta(s) < 0 && len(b.Fallers) < brokerTop {
			b.Fallers = append(b.Fallers, s)
		}
	}
	b.Split = splits(old.Graph, new.Graph, c.Links.Removed)
	b.Joined = splits(new.Graph, old.Graph, c.Links.Added)
	return b, nil
}

// byActor indexes links by the ids of their ends.
func byActor(ls []graph.Link) map[string][]graph.Link {
	out := map[string][]graph.Link{}
	for _, l := range ls {
		out[l.From] = append(out[l.From], l)
		if l.To != l.From {
			out[l.To] = append(out[l.To], l)
		}
	}
	return out
}

// minus returns the ids of a not in b, in a's order (both sorted).
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			out = append(out, x)
		}
	}
	return out
}

// components returns the component of every actor id present with a link in g.
func components(g *graph.Graph) map[string]int32 {
	comp, _ := algo.Components(g.Project(graph.ProjectOptions{}))
	out := map[string]int32{}
	for _, a := range g.PresentActors() {
		if g.Degree(a) > 0 {
			out[g.Actor(a).ID] = comp[a]
		}
	}
	return out
}

// splits finds the actors, present with links in both graphs, that were connected in a and are not in
// b: each component of a whose actors fall into several components of b gives a Reach of those groups,
// with the links of changed (the links only in a) that ran between two of them. A Reach may have no
// such link: its groups were joined through actors that are only in a.
func splits(a, b *graph.Graph, changed []graph.Link) []Reach {
	ca, cb := components(a), components(b)
	groups := map[int32]map[int32][]string{} // a's component → b's component → actors
	for id, x := range ca {
		y, ok := cb[id]
		if !ok {
			continue
		}
		if groups[x] == nil {
			groups[x] = map[int32][]string{}
		}
		groups[x][y] = append(groups[x][y], id)
	}
	var out []Reach
	for _, parts := range groups {
		if len(parts) < 2 {
			continue
		}
		r := Reach{}
		part := map[string]int32{}
		for y, ids := range parts {
			slices.Sort(ids)
			r.Groups = append(r.Groups, ids)
			for _, id := range ids {
				part[id] = y
			}
		}
		for _, l := range changed {
			pf, okf := part[l.From]
			pt, okt := part[l.To]
			if okf && okt && pf != pt {
				r.Links = append(r.Links, l)
			}
		}
		slices.SortFunc(r.Groups, func(p, q []string) int { return cmp.Or(cmp.Compare(len(q), len(p)), strings.Compare(p[0], q[0])) })
		out = append(out, r)
	}
	slices.SortFunc(out, func(p, q Reach) int { return strings.Compare(p.Groups[0][0], q.Groups[0][0]) })
	return out
}

// JSON returns the answer's --json shape.
func (b *Brokers) JSON() any {
	type actor struct {
		Actor   string         `json:"actor"`
		Added   []jsonout.Link `json:"added"`
		Removed []jsonout.Link `json:"removed"`
	}
	type tie struct {
		Ends    [2]string      `json:"ends"`
		Added   []jsonout.Link `json:"added"`
		Removed []jsonout.Link `json:"removed"`
	}
	type score struct {
		Actor string  `json:"actor"`
		Old   float64 `json:"old"`
		New   float64 `json:"new"`
	}
	type reach struct {
		Groups [][]string     `json:"groups"`
		Links  []jsonout.Link `json:"links"`
	}
	actors := func(cs []ActorChange) []actor {
		out := []actor{}
		for _, c := range cs {
			out = append(out, actor{c.Actor, jsonout.FromLinks(c.Added), jsonout.FromLinks(c.Removed)})
		}
		return out
	}
	ties := func(cs []TieChange) []tie {
		out := []tie{}
		for _, c := range cs {
			out = append(out, tie{c.Ends, jsonout.FromLinks(c.Added), jsonout.FromLinks(c.Removed)})
		}
		return out
	}
	scoresOf := func(cs []ScoreChange) []score {
		out := []score{}
		for _, c := range cs {
			out = append(out, score{c.Actor, c.Old, c.New})
		}
		return out
	}
	reaches := func(rs []Reach) []reach {
		out := []reach{}
		for _, r := range rs {
			out = append(out, reach{r.Groups, jsonout.FromLinks(r.Links)})
		}
		return out
	}
	return struct {
		Old                 string  `json:"old"`
		New                 string  `json:"new"`
		BecameArticulation  []actor `json:"became_articulation_points"`
		StoppedArticulation []actor `json:"stopped_articulation_points"`
		BridgesGained       []tie   `json:"bridges_gained"`
		BridgesLost         []tie   `json:"bridges_lost"`
		BetweennessMethod   string  `json:"betweenness_method"`
		BetweennessRisers   []score `json:"betweenness_risers"`
		BetweennessFallers  []score `json:"betweenness_fallers"`
		ConnectionsLost     []reach `json:"connections_lost"`
		ConnectionsGained   []reach `json:"connections_gained"`
	}{b.Old.Arg, b.New.Arg, actors(b.BecameCut), actors(b.StoppedCut), ties(b.BridgesGained), ties(b.BridgesLost),
		b.Method, scoresOf(b.Risers), scoresOf(b.Fallers), reaches(b.Split), reaches(b.Joined)}
}

// Text writes the answer for a person.
func (b *Brokers) Text(w io.Writer) error {
	text.DiffHeader(w, b.Old, b.New, "")
	name := func(id string) string {
		if n := text.ActorName(b.New.Graph, id); n != id {
			return n
		}
		return text.ActorName(b.Old.Graph, id)
	}
	links := func(added, removed []graph.Link, indent string) error {
		if err := text.LinkTable(w, b.New.Graph, added, indent+"+ ", true); err != nil {
			return err
		}
		return text.LinkTable(w, b.Old.Graph, removed, indent+"- ", true)
	}
	section := func(title string, n int) {
		fmt.Fprintf(w, "\n%s (%d)\n", title, n)
	}
	for _, s := range []struct {
		title string
		cs    []ActorChange
	}{{"Became articulation points", b.BecameCut}, {"Stopped being articulation points", b.StoppedCut}} {
		if len(s.cs) == 0 {
			continue
		}
		section(s.title, len(s.cs))
		for _, c := range s.cs {
			fmt.Fprintf(w, "  %s\n", name(c.Actor))
			if len(c.Added)+len(c.Removed) == 0 {
				fmt.Fprintln(w, "      (its own links did not change: changes elsewhere did it)")
			}
			if err := links(c.Added, c.Removed, "      "); err != nil {
				return err
			}
		}
	}
	for _, s := range []struct {
		title string
		ts    []TieChange
	}{{"Bridges gained", b.BridgesGained}, {"Bridges lost", b.BridgesLost}} {
		if len(s.ts) == 0 {
			continue
		}
		section(s.title, len(s.ts))
		for _, t := range s.ts {
			fmt.Fprintf(w, "  %s — %s\n", name(t.Ends[0]), name(t.Ends[1]))
			if err := links(t.Added, t.Removed, "      "); err != nil {
				return err
			}
		}
	}
	for _, s := range []struct {
		title string
		cs    []ScoreChange
	}{{"Betweenness risers", b.Risers}, {"Betweenness fallers", b.Fallers}} {
		if len(s.cs) == 0 {
			continue
		}
		section(s.title+", "+b.Method, len(s.cs))
		tw := text.NewTable(w)
		for _, c := range s.cs {
			fmt.Fprintf(tw, "  %s\t%.4f → %.4f\t(%+.4f)\n", name(c.Actor), c.Old, c.New, c.New-c.Old)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, s := range []struct {
		title, verb string
		rs          []Reach
		added       bool
	}{{"Connections lost", "no longer reach", b.Split, false}, {"Connections gained", "now reach", b.Joined, true}} {
		if len(s.rs) == 0 {
			continue
		}
		section(s.title, len(s.rs))
		for _, r := range s.rs {
			parts := make([]string, len(r.Groups))
			for i, g := range r.Groups {
				parts[i] = groupWords(g, name)
			}
			fmt.Fprintf(w, "  %s\n", strings.Join(parts, " | "))
			if len(r.Links) == 0 {
				fmt.Fprintf(w, "      these %d groups %s each other, through actors that are only on one side\n", len(r.Groups), s.verb)
				continue
			}
			fmt.Fprintf(w, "      these %d groups %s each other; the links between them:\n", len(r.Groups), s.verb)
			var err error
			if s.added {
				err = links(r.Links, nil, "      ")
			} else {
				err = links(nil, r.Links, "      ")
			}
			if err != nil {
				return err
			}
		}
	}
	if len(b.BecameCut)+len(b.StoppedCut)+len(b.BridgesGained)+len(b.BridgesLost)+len(b.Risers)+len(b.Fallers)+len(b.Split)+len(b.Joined) == 0 {
		fmt.Fprintln(w, "\nno change in brokerage")
	}
	return nil
}

// groupWords names up to five actors of a group and counts the rest.
func groupWords(ids []string, name func(string) string) string {
	var names []string
	for i, id := range ids {
		if i == 5 {
			names = append(names, fmt.Sprintf("and %d more", len(ids)-5))
			break
		}
		names = append(names, name(id))
	}
	return strings.Join(names, ", ")
}
