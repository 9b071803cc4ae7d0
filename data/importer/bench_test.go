package importer_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/importer"
)

// benchSizes are the generated inputs: rows of links over rows/10 actors (at least 100).
var benchSizes = []struct {
	name string
	rows int
}{{"1k", 1_000}, {"100k", 100_000}, {"1M", 1_000_000}}

// sizes returns the benchmark sizes: all of them, or with -short only the smallest (CI runs every
// benchmark once that way).
func sizes() []struct {
	name string
	rows int
} {
	if testing.Short() {
		return benchSizes[:1]
	}
	return benchSizes
}

// generate returns a CSV of n arms transfers "supplier,recipient,year,value" between n/10 actors,
// from a fixed seed, so every run reads the same file.
func generate(n int) []byte {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	actors := max(n/10, 100)
	var b bytes.Buffer
	b.Grow(n * 24)
	b.WriteString("supplier,recipient,year,value\n")
	for range n {
		from := rng.IntN(actors)
		to := rng.IntN(actors - 1)
		if to >= from {
			to++
		}
		fmt.Fprintf(&b, "c%d,c%d,%d,%d\n", from, to, 1950+rng.IntN(72), 1+rng.IntN(500))
	}
	return b.Bytes()
}

// reportCPU reports the process CPU time per operation as cpu-ms/op; call its result when the loop ends.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if d := cpuTime() - start; d > 0 && b.N > 0 {
			b.ReportMetric(float64(d.Milliseconds())/float64(b.N), "cpu-ms/op")
		}
	}
}

func benchMapping() *importer.Mapping {
	return &importer.Mapping{Links: []importer.LinkSpec{{Source: importer.Source{File: "links.csv"},
		From: importer.Columns{"supplier"}, To: importer.Columns{"recipient"}, Kind: "arms_sale", On: "year", Weight: "value"}}}
}

// memOpen serves src as every input file, with its size known as for a file on disk.
func memOpen(src []byte) func(string) (io.ReadCloser, error) {
	fsys := fstest.MapFS{"f": {Data: src}}
	return func(string) (io.ReadCloser, error) { return fsys.Open("f") }
}

// BenchmarkImport reads a generated file into a Dataset.
func BenchmarkImport(b *testing.B) {
	for _, size := range sizes() {
		src := generate(size.rows)
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			defer reportCPU(b)()
			for b.Loop() {
				if _, err := importer.Run(benchMapping(), importer.Options{Open: memOpen(src)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportBuild reads a generated file and builds the graph: import + load in one step.
func BenchmarkImportBuild(b *testing.B) {
	for _, size := range sizes() {
		src := generate(size.rows)
		b.Run(size.name, func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				ds, err := importer.Run(benchMapping(), importer.Options{Open: memOpen(src)})
				if err != nil {
					b.Fatal(err)
				}
				g, err := ds.Build()
				if err != nil {
					b.Fatal(err)
				}
				if g.NumLinks() != ds.NumLinks() {
					b.Fatalf("graph has %d links, dataset %d", g.NumLinks(), ds.NumLinks())
				}
			}
		})
	}
}

// BenchmarkBuild builds the graph of an imported Dataset.
func BenchmarkBuild(b *testing.B) {
	for _, size := range sizes() {
		ds, err := importer.Run(benchMapping(), importer.Options{Open: memOpen(generate(size.rows))})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(size.name, func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				if _, err := ds.Build(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteCSV writes an imported Dataset as the native CSV pair.
func BenchmarkWriteCSV(b *testing.B) {
	for _, size := range sizes() {
		ds, err := importer.Run(benchMapping(), importer.Options{Open: memOpen(generate(size.rows))})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(size.name, func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				if err := ds.WriteActors(io.Discard); err != nil {
					b.Fatal(err)
				}
				if err := ds.WriteLinks(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadCSV loads the CSV pair an import wrote with data.Load: the load side of import+load.
func BenchmarkLoadCSV(b *testing.B) {
	for _, size := range sizes() {
		ds, err := importer.Run(benchMapping(), importer.Options{Open: memOpen(generate(size.rows))})
		if err != nil {
			b.Fatal(err)
		}
		files, err := ds.Files()
		if err != nil {
			b.Fatal(err)
		}
		fsys := mapFS(files)
		b.Run(size.name, func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				g, err := data.Load(data.Input{Label: "bench", FS: fsys})
				if err != nil {
					b.Fatal(firstLines(err.Error(), 5))
				}
				if g.NumLinks() != ds.NumLinks() {
					b.Fatalf("loaded %d links, imported %d", g.NumLinks(), ds.NumLinks())
				}
			}
		})
	}
}

// BenchmarkLongRoute imports one row whose --via route passes through 100,000 new places.
func BenchmarkLongRoute(b *testing.B) {
	var src bytes.Buffer
	src.WriteString("from,to,via\na,b,\"")
	for i := range 100_000 {
		fmt.Fprintf(&src, "place%d,", i)
	}
	src.WriteString("c\"\n")
	m := &importer.Mapping{Links: []importer.LinkSpec{{Source: importer.Source{File: "f"}, From: importer.Columns{"from"},
		To: importer.Columns{"to"}, Via: "via", Kind: "pipeline"}}}
	defer reportCPU(b)()
	for b.Loop() {
		ds, err := importer.Run(m, importer.Options{Open: memOpen(src.Bytes())})
		if err != nil {
			b.Fatal(err)
		}
		if ds.NumLinks() != 100_002 {
			b.Fatalf("%d links", ds.NumLinks())
		}
	}
}
