package graph_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/relgraph/relgraph/graph"
)

func date(t testing.TB, s string) graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// diffActors are the actors of the hand-made pairs.
func diffActors(t testing.TB) []graph.Actor {
	return []graph.Actor{
		{ID: "russia", Name: "Russia", Kind: "country"},
		{ID: "moscow", Name: "Moscow", Kind: "city", In: "russia", StandsFor: "russia"},
		{ID: "azerbaijan", Name: "Azerbaijan", Kind: "country"},
		{ID: "baku", Name: "Baku", Kind: "city", In: "azerbaijan"},
		{ID: "turkey", Name: "Turkey", Kind: "country"},
		{ID: "ceyhan", Name: "Ceyhan", Kind: "city"},
		{ID: "btc", Name: "BTC", Kind: "infrastructure", Route: []string{"baku", "ceyhan"}, RouteKind: "pipeline", Start: date(t, "2006")},
		{ID: "eeu", Name: "Eurasian Economic Union", Kind: "organization", Start: date(t, "2015")},
	}
}

// diffLinks are the links of the hand-made pairs; the first has an explicit id.
func diffLinks(t testing.TB) []graph.Link {
	return []graph.Link{
		{ID: "arms-deal", Kind: "arms_sale", From: "russia", To: "azerbaijan", Sign: 1, Start: date(t, "2010"), End: date(t, "2013"),
			Certainty: graph.Alleged, Weight: 2, Attrs: map[string]string{"value": "$4 billion"}, Sources: []graph.Source{{Doc: "doc", Para: 1, Note: "n"}}},
		{Kind: "visit", From: "russia", To: "azerbaijan", Sign: 1, On: date(t, "2016-08-08")},
		{Kind: "alliance", From: "russia", To: "azerbaijan", Sign: 1, Start: date(t, "2022-02-22")},
		{Kind: "trade", From: "azerbaijan", To: "turkey", Sign: 1, Attrs: map[string]string{"share": "10%"}},
		{Kind: "dispute", From: "russia", To: "turkey", Sign: -1, Start: date(t, "2015-11"), End: date(t, "2016-06")},
	}
}

func buildGraph(t testing.TB, actors []graph.Actor, links []graph.Link) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder(nil)
	b.AddDocument(graph.Document{ID: "doc", Title: "Doc"})
	b.AddDocument(graph.Document{ID: "doc2", Title: "Doc 2"})
	for _, a := range actors {
		b.AddActor(a)
	}
	for i := range links {
		b.AddLink(&links[i])
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// summary is a Changes in short: ids of added and removed actors and links, and "id: fields" of changes.
type summary struct {
	ActorsAdded, ActorsRemoved, ActorsChanged []string
	Added, Removed, Changed                   []string
}

func summarise(c graph.Changes) summary {
	var s summary
	for _, a := range c.Actors.Added {
		s.ActorsAdded = append(s.ActorsAdded, a.ID)
	}
	for _, a := range c.Actors.Removed {
		s.ActorsRemoved = append(s.ActorsRemoved, a.ID)
	}
	for _, ch := range c.Actors.Changed {
		s.ActorsChanged = append(s.ActorsChanged, fmt.Sprintf("%s: %v", ch.ID, ch.Fields))
	}
	for _, l := range c.Links.Added {
		s.Added = append(s.Added, l.ID)
	}
	for _, l := range c.Links.Removed {
		s.Removed = append(s.Removed, l.ID)
	}
	for _, ch := range c.Links.Changed {
		s.Changed = append(s.Changed, fmt.Sprintf("%s: %v", ch.ID, ch.Fields))
	}
	return s
}

func TestDiffHandMadePairs(t *testing.T) {
	tests := []struct {
		name   string
		actors func(a []graph.Actor) []graph.Actor // edits the new graph's actors (nil: same)
		links  func(l []graph.Link) []graph.Link   // edits the new graph's links (nil: same)
		want   summary
	}{
		{name: "identical"},
		{name: "link added", links: func(l []graph.Link) []graph.Link {
			return append(l, graph.Link{Kind: "energy_deal", From: "baku", To: "moscow", Sign: 1, On: date(t, "2019")})
		}, want: summary{Added: []string{"energy_deal:baku:moscow:2019"}}},
		{name: "link removed", links: func(l []graph.Link) []graph.Link { return slices.Delete(l, 1, 2) },
			want: summary{Removed: []string{"visit:russia:azerbaijan:2016-08-08"}}},
		{name: "start changed", links: func(l []graph.Link) []graph.Link { l[0].Start = date(t, "2011"); return l },
			want: summary{Changed: []string{"arms-deal: [start]"}}},
		{name: "end changed", links: func(l []graph.Link) []graph.Link { l[4].End = date(t, "2016-07"); return l },
			want: summary{Changed: []string{"dispute:russia:turkey:2015-11: [end]"}}},
		{name: "end removed", links: func(l []graph.Link) []graph.Link { l[0].End = 0; return l },
			want: summary{Changed: []string{"arms-deal: [end]"}}},
		{name: "lasting link becomes an event", links: func(l []graph.Link) []graph.Link {
			l[0].Start, l[0].End, l[0].On = 0, 0, date(t, "2012")
			return l
		}, want: summary{Changed: []string{"arms-deal: [start end on]"}}},
		{name: "certainty changed", links: func(l []graph.Link) []graph.Link { l[0].Certainty = graph.Confirmed; return l },
			want: summary{Changed: []string{"arms-deal: [certainty]"}}},
		{name: "sign changed", links: func(l []graph.Link) []graph.Link { l[3].Sign = 0; return l },
			want: summary{Changed: []string{"trade:azerbaijan:turkey: [sign]"}}},
		{name: "weight changed", links: func(l []graph.Link) []graph.Link { l[0].Weight = 3; return l },
			want: summary{Changed: []string{"arms-deal: [weight]"}}},
		{name: "weight 0 is a weight, not the default 1", links: func(l []graph.Link) []graph.Link { l[3].Weight = 1; return l },
			want: summary{Changed: []string{"trade:azerbaijan:turkey: [weight]"}}},
		{name: "attr value changed", links: func(l []graph.Link) []graph.Link { l[3].Attrs = map[string]string{"share": "12%"}; return l },
			want: summary{Changed: []string{"trade:azerbaijan:turkey: [attrs]"}}},
		{name: "attrs dropped", links: func(l []graph.Link) []graph.Link { l[3].Attrs = nil; return l },
			want: summary{Changed: []string{"trade:azerbaijan:turkey: [attrs]"}}},
		{name: "empty attrs equal none", links: func(l []graph.Link) []graph.Link { l[1].Attrs = map[string]string{}; return l }},
		{name: "source added", links: func(l []graph.Link) []graph.Link {
			l[2].Sources = []graph.Source{{Doc: "doc2", Para: 4, Note: "declaration"}}
			return l
		}, want: summary{Changed: []string{"alliance:azerbaijan:russia:2022-02-22: [sources]"}}},
		{name: "source note changed", links: func(l []graph.Link) []graph.Link {
			l[0].Sources = []graph.Source{{Doc: "doc", Para: 1, Note: "other words"}}
			return l
		}, want: summary{Changed: []string{"arms-deal: [sources]"}}},
		{name: "explicit id reused for another relationship", links: func(l []graph.Link) []graph.Link {
			l[0].Kind, l[0].From, l[0].To = "energy_deal", "baku", "turkey"
			return l
		}, want: summary{Changed: []string{"arms-deal: [kind from to]"}}},
		{name: "explicit id with one end changed", links: func(l []graph.Link) []graph.Link { l[0].To = "baku"; return l },
			want: summary{Changed: []string{"arms-deal: [to]"}}},
		{name: "undirected ends swapped is no change", links: func(l []graph.Link) []graph.Link {
			l[2].From, l[2].To = l[2].To, l[2].From
			return l
		}},
		{name: "directed ends swapped is another link", links: func(l []graph.Link) []graph.Link {
			l[1].From, l[1].To = l[1].To, l[1].From
			return l
		}, want: summary{Added: []string{"visit:azerbaijan:russia:2016-08-08"}, Removed: []string{"visit:russia:azerbaijan:2016-08-08"}}},
		{name: "derived id date changed is another link", links: func(l []graph.Link) []graph.Link { l[2].Start = date(t, "2022-02"); return l },
			want: summary{Added: []string{"alliance:azerbaijan:russia:2022-02"}, Removed: []string{"alliance:azerbaijan:russia:2022-02-22"}}},
		{name: "actor removed with its links", actors: func(a []graph.Actor) []graph.Actor { return slices.Delete(a, 7, 8) },
			want: summary{ActorsRemoved: []string{"eeu"}}},
		{name: "renamed actor is removed and added", actors: func(a []graph.Actor) []graph.Actor {
			a[4].ID = "turkiye"
			return a
		}, links: func(l []graph.Link) []graph.Link {
			l[3].To, l[4].To = "turkiye", "turkiye"
			return l
		}, want: summary{
			ActorsAdded: []string{"turkiye"}, ActorsRemoved: []string{"turkey"},
			Added:   []string{"dispute:russia:turkiye:2015-11", "trade:azerbaijan:turkiye"},
			Removed: []string{"dispute:russia:turkey:2015-11", "trade:azerbaijan:turkey"},
		}},
		{name: "actor's in changed moves its derived link", actors: func(a []graph.Actor) []graph.Actor { a[5].In = "turkey"; return a },
			want: summary{ActorsChanged: []string{"ceyhan: [in]"}, Added: []string{"located_in:ceyhan:turkey"}}},
		{name: "route dates change the segments", actors: func(a []graph.Actor) []graph.Actor { a[6].End = date(t, "2030"); return a },
			want: summary{ActorsChanged: []string{"btc: [end]"}, Changed: []string{"pipeline:baku:ceyhan@btc: [end]"}}},
		{name: "actor renamed and retyped, same id", actors: func(a []graph.Actor) []graph.Actor {
			a[4].Name, a[4].Kind, a[4].Aliases = "Türkiye", "region", []string{"Turkey"}
			a[0].Attrs = map[string]string{"capital": "Moscow"}
			return a
		}, want: summary{ActorsChanged: []string{"russia: [attrs]", "turkey: [name kind aliases]"}}},
		{name: "sorted by kind then id", links: func(l []graph.Link) []graph.Link {
			return append(l,
				graph.Link{Kind: "visit", From: "turkey", To: "russia", Sign: 1, On: date(t, "2020")},
				graph.Link{Kind: "alliance", From: "turkey", To: "baku", Sign: 1},
				graph.Link{ID: "a-visit", Kind: "visit", From: "turkey", To: "moscow", Sign: 1},
				graph.Link{Kind: "alliance", From: "ceyhan", To: "baku", Sign: 1})
		}, want: summary{Added: []string{"alliance:baku:ceyhan", "alliance:baku:turkey", "a-visit", "visit:turkey:russia:2020"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := buildGraph(t, diffActors(t), diffLinks(t))
			actors, links := diffActors(t), diffLinks(t)
			if tt.actors != nil {
				actors = tt.actors(actors)
			}
			if tt.links != nil {
				links = tt.links(links)
			}
			new := buildGraph(t, actors, links)
			c := graph.Diff(old, new)
			if got := summarise(c); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff:\n got %+v\nwant %+v", got, tt.want)
			}
			if c.Empty() != reflect.DeepEqual(tt.want, summary{}) {
				t.Errorf("Empty() = %v", c.Empty())
			}
			// The reverse diff swaps added and removed, and before and after.
			r := graph.Diff(new, old)
			if len(r.Links.Added) != len(c.Links.Removed) || len(r.Links.Removed) != len(c.Links.Added) ||
				len(r.Actors.Added) != len(c.Actors.Removed) || len(r.Links.Changed) != len(c.Links.Changed) ||
				len(r.Actors.Changed) != len(c.Actors.Changed) {
				t.Errorf("reverse diff %+v does not mirror %+v", summarise(r), summarise(c))
			}
			for i, ch := range r.Links.Changed {
				if !reflect.DeepEqual(ch.Before, c.Links.Changed[i].After) || !reflect.DeepEqual(ch.Fields, c.Links.Changed[i].Fields) {
					t.Errorf("reverse change %d = %+v, want the mirror of %+v", i, ch, c.Links.Changed[i])
				}
			}
		})
	}
}

func TestDiffChangeValues(t *testing.T) {
	old := buildGraph(t, diffActors(t), diffLinks(t))
	links := diffLinks(t)
	links[0].End, links[0].Certainty = date(t, "2014"), graph.Confirmed
	new := buildGraph(t, diffActors(t), links)
	c := graph.Diff(old, new)
	if len(c.Links.Changed) != 1 {
		t.Fatalf("changed = %+v, want one change", c.Links.Changed)
	}
	ch := c.Links.Changed[0]
	if ch.ID != "arms-deal" || ch.Before.End != date(t, "2013") || ch.After.End != date(t, "2014") ||
		ch.Before.Certainty != graph.Alleged || ch.After.Certainty != graph.Confirmed || ch.After.Attrs["value"] != "$4 billion" {
		t.Errorf("change = %+v", ch)
	}
}

func TestDiffEmptyAndFull(t *testing.T) {
	empty := buildGraph(t, nil, nil)
	full := buildGraph(t, diffActors(t), diffLinks(t))
	c := graph.Diff(empty, full)
	if len(c.Actors.Added) != full.NumActors() || len(c.Links.Added) != full.NumLinks() || len(c.Actors.Removed)+len(c.Links.Removed)+len(c.Links.Changed) != 0 {
		t.Errorf("empty → full: %+v", summarise(c))
	}
	c = graph.Diff(full, empty)
	if len(c.Actors.Removed) != full.NumActors() || len(c.Links.Removed) != full.NumLinks() || len(c.Actors.Added)+len(c.Links.Added) != 0 {
		t.Errorf("full → empty: %+v", summarise(c))
	}
	// Kinds sort first: city actors before country ones.
	if c.Actors.Removed[0].Kind != "city" || c.Actors.Removed[0].ID != "baku" {
		t.Errorf("first removed actor = %+v, want baku (cities sort first)", c.Actors.Removed[0])
	}
	if c := graph.Diff(empty, empty); !c.Empty() {
		t.Errorf("empty → empty: %+v", summarise(c))
	}
}

func TestDiffSnapshotsOfOneGraph(t *testing.T) {
	g := buildGraph(t, diffActors(t), diffLinks(t))
	at := func(y string) *graph.Graph {
		v, err := g.Filter(graph.Filter{At: date(t, y)})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	c := graph.Diff(at("2012"), at("2016"))
	want := summary{
		ActorsAdded: []string{"eeu"},
		Added:       []string{"dispute:russia:turkey:2015-11", "visit:russia:azerbaijan:2016-08-08"},
		Removed:     []string{"arms-deal"},
	}
	if got := summarise(c); !reflect.DeepEqual(got, want) {
		t.Errorf("@2012 → @2016:\n got %+v\nwant %+v", got, want)
	}
	if c := graph.Diff(g, g); !c.Empty() {
		t.Errorf("a graph differs from itself: %+v", summarise(c))
	}
	// The same data loaded twice (two universes) has no difference either.
	if c := graph.Diff(g, buildGraph(t, diffActors(t), diffLinks(t))); !c.Empty() {
		t.Errorf("two loads differ: %+v", summarise(c))
	}
}

// genGraph builds a graph of n links among n/10 actors, half with explicit ids, half with derived
// ones. With variant, one link in a hundred differs: one in three of those is left out, one in three
// gets another end date, one in three gets another id.
func genGraph(tb testing.TB, n int, variant bool) *graph.Graph {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	nActors := max(n/10, 2)
	b := graph.NewBuilder(nil)
	b.AddDocument(graph.Document{ID: "doc", Title: "Doc"})
	ids := make([]string, nActors)
	for i := range ids {
		ids[i] = "a" + strconv.Itoa(i)
		b.AddActor(graph.Actor{ID: ids[i], Name: "Actor " + strconv.Itoa(i), Kind: "country"})
	}
	kinds := []string{"trade", "arms_sale", "energy_deal", "visit"}
	b.Grow(n)
	for i := range n {
		from := rng.IntN(nActors)
		to := (from + 1 + rng.IntN(nActors-1)) % nActors
		l := graph.Link{Kind: kinds[i%len(kinds)], From: ids[from], To: ids[to], Sign: 1,
			Start: graph.NewDate(1990+i%30, 0, 0), End: graph.NewDate(2020+i%5, 0, 0)}
		if i%2 == 0 { // half the links have explicit ids, half derived ones
			l.ID = "l" + strconv.Itoa(i)
		}
		if i%7 == 0 {
			l.Sources = []graph.Source{{Doc: "doc", Para: i % 50}}
		}
		if variant && i%100 == i/100%2 { // one link in a hundred, explicit or derived

			switch i / 100 % 3 {
			case 0:
				continue
			case 1:
				l.End = graph.NewDate(2030, 0, 0)
			case 2: // another id
				if l.ID != "" {
					l.ID = "new" + strconv.Itoa(i)
				} else {
					l.Start = graph.NewDate(1980, 1, 1)
				}
			}
		}
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestDiffGenerated(t *testing.T) {
	old, new := genGraph(t, 30000, false), genGraph(t, 30000, true)
	c := graph.Diff(old, new)
	// 300 links differ: 100 left out, 100 changed, 100 replaced (removed + added).
	if len(c.Links.Removed) != 200 || len(c.Links.Added) != 100 || len(c.Links.Changed) != 100 || len(c.Actors.Added)+len(c.Actors.Removed) != 0 {
		t.Errorf("got %d removed, %d added, %d changed", len(c.Links.Removed), len(c.Links.Added), len(c.Links.Changed))
	}
	for _, ch := range c.Links.Changed {
		if !slices.Equal(ch.Fields, []string{"end"}) {
			t.Fatalf("change %s: fields %v, want [end]", ch.ID, ch.Fields)
		}
	}
}

// BenchmarkDiff diffs two graphs of a million links each that differ in 1% of their links, built
// separately (as two loaded snapshots are). Besides time it reports the median of the runs, the heap
// the two graphs hold (graphs-MB) and what one diff allocates (diff-MB): the peak heap is at most their
// sum. Target: 2 s.
func BenchmarkDiff(b *testing.B) {
	n := 1_000_000
	if testing.Short() { // CI runs every benchmark once, small
		n = 10_000
	}
	old, new := genGraph(b, n, false), genGraph(b, n, true)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var c graph.Changes
	var alloc uint64
	var times []time.Duration
	for b.Loop() {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		c = graph.Diff(old, new)
		times = append(times, time.Since(start))
		runtime.ReadMemStats(&m1)
		alloc = max(alloc, m1.TotalAlloc-m0.TotalAlloc)
	}
	// Every hundredth old link differs: it is removed or changed.
	if got := len(c.Links.Changed) + len(c.Links.Removed); got != n/100 {
		b.Fatalf("diff found %d changed or removed links, want %d", got, n/100)
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "median-ms")
	b.ReportMetric(float64(base.HeapAlloc)/1e6, "graphs-MB")
	b.ReportMetric(float64(alloc)/1e6, "diff-MB")
}

func TestLinkAccessors(t *testing.T) {
	g := buildGraph(t, diffActors(t), diffLinks(t))
	for i := range int32(g.NumLinks()) {
		l := g.Link(i)
		if got := string(g.AppendLinkID([]byte("x"), i)); got != "x"+l.ID {
			t.Errorf("AppendLinkID(%d) = %q, want %q", i, got, "x"+l.ID)
		}
		start, end, on := g.SpanOf(i)
		if start != l.Start || end != l.End || on != l.On || g.CertaintyOf(i) != l.Certainty ||
			!maps.Equal(g.AttrsOf(i), l.Attrs) || !slices.Equal(g.SourcesOf(i), l.Sources) {
			t.Errorf("accessors of link %d disagree with %+v", i, l)
		}
	}
	// Dates of every width format as Date.String does.
	b := graph.NewBuilder(nil)
	for _, id := range []string{"a", "b"} {
		b.AddActor(graph.Actor{ID: id, Kind: "country"})
	}
	for _, d := range []graph.Date{graph.NewDate(7, 0, 0), graph.NewDate(987, 3, 0), graph.NewDate(2016, 8, 8), graph.NewDate(2016, 12, 31)} {
		b.AddLink(&graph.Link{Kind: "visit", From: "a", To: "b", On: d})
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for i := range int32(g.NumLinks()) {
		if got, want := string(g.AppendLinkID(nil, i)), g.LinkID(i); got != want {
			t.Errorf("AppendLinkID = %q, want %q", got, want)
		}
	}
}

// ExampleDiff compares the graph as it stood in 2020 with the graph of 2024.
func ExampleDiff() {
	b := graph.NewBuilder(nil)
	b.AddDocument(graph.Document{ID: "article", Title: "An article"})
	for _, a := range []graph.Actor{
		{ID: "azerbaijan", Name: "Azerbaijan", Kind: "country"},
		{ID: "russia", Name: "Russia", Kind: "country"},
		{ID: "brics", Name: "BRICS", Kind: "organization", Start: graph.NewDate(2009, 0, 0)},
	} {
		b.AddActor(a)
	}
	for _, l := range []graph.Link{
		{Kind: "trade", From: "azerbaijan", To: "russia", Sign: 1, Start: graph.NewDate(2020, 8, 0), End: graph.NewDate(2020, 9, 0)},
		{Kind: "alliance", From: "azerbaijan", To: "russia", Sign: 1, Start: graph.NewDate(2022, 2, 22),
			Attrs: map[string]string{"instrument": "Declaration on Allied Interaction"}},
		{Kind: "membership", From: "azerbaijan", To: "brics", Sign: 1, Start: graph.NewDate(2024, 8, 20), Certainty: graph.Planned},
	} {
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	at2020, _ := g.Filter(graph.Filter{At: graph.NewDate(2020, 0, 0)})
	at2024, _ := g.Filter(graph.Filter{At: graph.NewDate(2024, 0, 0)})

	c := graph.Diff(at2020, at2024)
	for _, l := range c.Links.Added {
		fmt.Println("+", l.ID, l.Certainty)
	}
	for _, l := range c.Links.Removed {
		fmt.Println("-", l.ID)
	}
	fmt.Println("actors added:", len(c.Actors.Added), "removed:", len(c.Actors.Removed))
	// Output:
	// + alliance:azerbaijan:russia:2022-02-22 reported
	// + membership:azerbaijan:brics:2024-08-20 planned
	// - trade:azerbaijan:russia:2020-08
	// actors added: 0 removed: 0
}
