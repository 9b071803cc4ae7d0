package render_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
)

// buildGraph builds a graph of countries a0…a(n-1) (and the cities given in cities, each in a
// country) with the given links.
func buildGraph(t testing.TB, n int, cities map[string]string, links []graph.Link) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder(nil)
	b.AddDocument(graph.Document{ID: "d", Title: "A document"})
	for i := range n {
		b.AddActor(graph.Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("A%d", i), Kind: "country"})
	}
	for id, in := range cities {
		b.AddActor(graph.Actor{ID: id, Name: id, Kind: "city", In: in})
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

// link returns a link of the given kind between two actors on a year (0: undated).
func link(kind, from, to string, year int) graph.Link {
	l := graph.Link{Kind: kind, From: from, To: to, Sign: 1, Weight: 1}
	if year != 0 {
		l.On = graph.NewDate(year, 0, 0)
	}
	return l
}

// complete returns k links of kind for every pair of n actors, dated from 2000 on.
func complete(n, k int, kind string) []graph.Link {
	var out []graph.Link
	for i := range n {
		for j := i + 1; j < n; j++ {
			for m := range k {
				out = append(out, link(kind, fmt.Sprintf("a%d", i), fmt.Sprintf("a%d", j), 2000+m))
			}
		}
	}
	return out
}

// TestNumEdges checks that a diagram counts the lines it draws, not its links: parallel links of one
// kind merged, kinds apart, many kinds between two actors bundled, links inside a country box left
// out — the same lines its DOT holds.
func TestNumEdges(t *testing.T) {
	tests := []struct {
		name              string
		n                 int
		cities            map[string]string
		links             []graph.Link
		opts              render.DOTOptions
		wantLinks, wantEd int
	}{
		{"parallel links of one kind merge", 2, nil,
			[]graph.Link{link("trade", "a0", "a1", 2001), link("trade", "a1", "a0", 2002), link("trade", "a0", "a1", 2003)},
			render.DOTOptions{}, 3, 1},
		{"kinds stay apart", 2, nil,
			[]graph.Link{link("trade", "a0", "a1", 2001), link("visit", "a0", "a1", 2001), link("arms_sale", "a0", "a1", 2001)},
			render.DOTOptions{}, 3, 3},
		{"a directed kind both ways is two lines", 2, nil,
			[]graph.Link{link("visit", "a0", "a1", 2001), link("visit", "a1", "a0", 2002), link("visit", "a1", "a0", 2003)},
			render.DOTOptions{}, 3, 2},
		{"complete graph of 60 actors, 3 links a pair", 60, nil, complete(60, 3, "trade"),
			render.DOTOptions{}, 5310, 1770},
		{"many kinds between two actors bundle", 2, nil,
			[]graph.Link{link("trade", "a0", "a1", 2001), link("visit", "a0", "a1", 2001), link("arms_sale", "a0", "a1", 2001)},
			render.DOTOptions{Bundle: 2}, 3, 1},
		{"a country box stands for located_in", 1, map[string]string{"c0": "a0", "c1": "a0"},
			[]graph.Link{link("trade", "c0", "c1", 2001)},
			render.DOTOptions{Cluster: render.ClusterCountry}, 3, 1},
		{"without boxes located_in is drawn", 1, map[string]string{"c0": "a0", "c1": "a0"},
			[]graph.Link{link("trade", "c0", "c1", 2001)},
			render.DOTOptions{}, 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := buildGraph(t, tt.n, tt.cities, tt.links)
			d := render.NewDiagram(tt.opts)
			d.AddGraph(g)
			if d.NumLinks() != tt.wantLinks || d.NumEdges() != tt.wantEd {
				t.Errorf("NumLinks %d, NumEdges %d; want %d and %d", d.NumLinks(), d.NumEdges(), tt.wantLinks, tt.wantEd)
			}
			var b strings.Builder
			if err := d.WriteDOT(&b); err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(b.String(), " -> "); got != d.NumEdges() {
				t.Errorf("the DOT has %d edges, NumEdges says %d", got, d.NumEdges())
			}
		})
	}
}

// chunkWriter records the sizes of the writes it receives and fails once it has taken failAfter
// bytes (when failAfter > 0).
type chunkWriter struct {
	writes, largest, total, failAfter int
}

var errFull = errors.New("disk full")

func (w *chunkWriter) Write(p []byte) (int, error) {
	if w.failAfter > 0 && w.total >= w.failAfter {
		return 0, errFull
	}
	w.writes++
	w.largest = max(w.largest, len(p))
	w.total += len(p)
	return len(p), nil
}

// TestWriteDOTStreams checks that WriteDOT hands its text to the writer in buffer-sized pieces as it
// goes, never as one document held in memory, and stops at the writer's first error.
func TestWriteDOTStreams(t *testing.T) {
	g := buildGraph(t, 60, nil, complete(60, 3, "trade"))
	d := render.NewDiagram(render.DOTOptions{})
	d.AddGraph(g)
	var w chunkWriter
	if err := d.WriteDOT(&w); err != nil {
		t.Fatal(err)
	}
	if w.total < 256<<10 || w.writes < 4 || w.largest > 64<<10 {
		t.Errorf("%d bytes in %d writes, the largest %d bytes; want over 256 KiB in writes of at most 64 KiB", w.total, w.writes, w.largest)
	}
	full := w.total

	w = chunkWriter{failAfter: 100 << 10}
	if err := d.WriteDOT(&w); !errors.Is(err, errFull) {
		t.Fatalf("error %v, want the writer's", err)
	}
	if w.total >= full/2 {
		t.Errorf("went on after the writer failed: %d of %d bytes taken", w.total, full)
	}
}

// TestDOTMemoryPerLink measures the memory a large drawing holds while its DOT is written: the
// diagram and its edges, not copies of the links nor the text. Live heap is sampled (after a
// collection) every few writes.
func TestDOTMemoryPerLink(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a graph of 50000 links")
	}
	var links []graph.Link
	for i := range 50_000 {
		l := link("trade", fmt.Sprintf("a%d", i%5000), fmt.Sprintf("a%d", (i*7+1)%5000), 1990+i%30)
		l.ID = fmt.Sprintf("trade-%d", i)
		l.Attrs = map[string]string{"value": fmt.Sprint(i)}
		l.Sources = []graph.Source{{Doc: "d", Note: "a note of some length, kept once by the graph"}}
		links = append(links, l)
	}
	g := buildGraph(t, 5000, nil, links)
	base := liveHeap()
	w := &sampler{every: 16}
	d := render.NewDiagram(render.DOTOptions{})
	d.AddGraph(g)
	if err := d.WriteDOT(w); err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(d)
	perLink := float64(w.peak-base) / float64(len(links))
	t.Logf("%.0f bytes of live heap per link while writing %d MiB of DOT", perLink, w.total>>20)
	if perLink > 200 {
		t.Errorf("the drawing holds %.0f bytes per link while it is written, want at most 200", perLink)
	}
}

// sampler is a writer that measures the live heap every few writes.
type sampler struct {
	every, n int
	total    int
	peak     uint64
}

func (s *sampler) Write(p []byte) (int, error) {
	s.n++
	s.total += len(p)
	if s.n%s.every == 1 {
		s.peak = max(s.peak, liveHeap())
	}
	return len(p), nil
}

// liveHeap returns the bytes of heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
