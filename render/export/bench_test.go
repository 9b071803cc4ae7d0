package export_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/export"
)

// benchGraph builds a graph of n links among n/10 actors, half of them with an attribute and a source.
func benchGraph(b *testing.B, n int) *graph.Graph {
	b.Helper()
	nActors := max(n/10, 10)
	bl := graph.NewBuilder(nil)
	bl.AddDocument(graph.Document{ID: "d", Title: "D"})
	for i := range nActors {
		bl.AddActor(graph.Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Actor %d", i), Kind: "country"})
	}
	kinds := []string{"trade", "arms_sale", "alliance", "visit"}
	for i := range n {
		l := graph.Link{Kind: kinds[i%4], From: fmt.Sprintf("a%d", i%nActors), To: fmt.Sprintf("a%d", (i%nActors+i/nActors+1)%nActors), Sign: 1}
		if l.Kind == "visit" {
			l.On = graph.NewDate(1000+i%1000, 1+i%12, 1+i%28)
		} else {
			l.Start, l.End = graph.NewDate(1000+i%1000, 0, 0), graph.NewDate(2000+i%24, 1+i%12, 0)
		}
		if i%2 == 0 {
			l.Attrs = map[string]string{"value": fmt.Sprint(i)}
			l.Sources = []graph.Source{{Doc: "d", Para: i % 50, Note: "a note, with a comma"}}
		}
		bl.AddLink(&l)
	}
	g, err := bl.Build()
	if err != nil {
		b.Fatal(err)
	}
	return g
}

func BenchmarkExport(b *testing.B) {
	n := 100_000
	if testing.Short() { // CI runs every benchmark once, small
		n = 1_000
	}
	g := benchGraph(b, n)
	v := export.Whole(g)
	for _, f := range export.Formats() {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				var err error
				switch f {
				case export.GraphML:
					err = export.WriteGraphML(io.Discard, v, export.Options{})
				case export.GEXF:
					err = export.WriteGEXF(io.Discard, v, export.Options{})
				case export.Cytoscape:
					err = export.WriteCytoscape(io.Discard, v)
				case export.Neo4j:
					_, err = export.WriteNeo4j(v)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
