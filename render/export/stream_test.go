package export_test

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/export"
)

// streamGraph builds a graph of n links among n/10 actors, each link with an attribute and a source.
func streamGraph(t testing.TB, n int) *graph.Graph {
	t.Helper()
	nActors := max(n/10, 10)
	b := graph.NewBuilder(nil)
	b.AddDocument(graph.Document{ID: "d", Title: "D"})
	for i := range nActors {
		b.AddActor(graph.Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Actor %d", i), Kind: "country"})
	}
	for i := range n {
		l := graph.Link{ID: fmt.Sprintf("l%d", i), Kind: "trade", From: fmt.Sprintf("a%d", i%nActors),
			To: fmt.Sprintf("a%d", (i%nActors+i/nActors+1)%nActors), Sign: 1, Weight: 1,
			Start:   graph.NewDate(1990+i%30, 0, 0),
			Attrs:   map[string]string{"value": fmt.Sprint(i), "share": "a tenth"},
			Sources: []graph.Source{{Doc: "d", Para: i % 50, Note: "a note of some length, which the graph keeps once"}}}
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// heapSampler is a writer that measures the live heap every few writes.
type heapSampler struct {
	every, n int
	total    int
	peak     uint64
}

func (s *heapSampler) Write(p []byte) (int, error) {
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

// TestExportsStream checks that the single-file formats are written as they go: in buffer-sized
// writes, holding no copy of the links (nor of their attributes and sources) while they write.
func TestExportsStream(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a graph of 40000 links")
	}
	const n = 40_000
	g := streamGraph(t, n)
	v := export.Whole(g)
	for _, tt := range []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"graphml", func(w io.Writer) error { return export.WriteGraphML(w, v, export.Options{}) }},
		{"gexf", func(w io.Writer) error { return export.WriteGEXF(w, v, export.Options{Mixed: true}) }},
		{"cytoscape", func(w io.Writer) error { return export.WriteCytoscape(w, v) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			base := liveHeap()
			w := &heapSampler{every: 8}
			if err := tt.write(w); err != nil {
				t.Fatal(err)
			}
			perLink := (float64(w.peak) - float64(base)) / n
			t.Logf("%d MiB in %d writes, %.0f bytes of live heap per link", w.total>>20, w.n, perLink)
			if w.n < 10 || w.total/w.n > 64<<10 {
				t.Errorf("%d bytes in %d writes: want writes of at most 64 KiB", w.total, w.n)
			}
			if perLink > 32 {
				t.Errorf("holds %.0f bytes per link while it writes, want at most 32", perLink)
			}
		})
	}
}
