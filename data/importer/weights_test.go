package importer_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/importer"
	"github.com/relgraph/relgraph/graph"
)

// TestRepeatedRows checks how rows giving the same link combine: repeats add up whether or not their
// weights are equal, a pair listed the other way round (undirected kinds) counts once, and a weight of
// 0 is kept.
func TestRepeatedRows(t *testing.T) {
	arms := importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "arms_sale", On: "y", Weight: "w"}
	trade := importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "trade", On: "y", Weight: "w"}
	tests := []struct {
		name string
		spec importer.LinkSpec
		file string
		want string // links.csv without its header
		// repeated rows, the links they made, and mirrored rows
		repeated, repeatedLinks, mirrored int
	}{
		{"two equal transfers add up", arms, "a,b,y,w\nru,am,2010,2\nru,am,2010,2\n",
			"arms_sale,ru,am,,,2010,,4,\n", 1, 1, 0},
		{"two different transfers add up", arms, "a,b,y,w\nru,am,2010,2\nru,am,2010,3\n",
			"arms_sale,ru,am,,,2010,,5,\n", 1, 1, 0},
		{"three rows, two equal", arms, "a,b,y,w\nru,am,2010,2\nru,am,2010,3\nru,am,2010,2\n",
			"arms_sale,ru,am,,,2010,,7,\n", 2, 1, 0},
		{"repeats without a weight column count one each", importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "arms_sale", On: "y"},
			"a,b,y\nru,am,2010\nru,am,2010\n", "arms_sale,ru,am,,,2010,,2,\n", 1, 1, 0},
		{"a missing weight is 1, a zero is 0", arms, "a,b,y,w\nru,am,2010,0\nru,am,2011,\nru,am,2012,NA\nru,am,2013,0\nru,am,2013,0\n",
			"arms_sale,ru,am,,,2010,,0,\narms_sale,ru,am,,,2011,,,\narms_sale,ru,am,,,2012,,,\narms_sale,ru,am,,,2013,,0,\n", 1, 1, 0},
		{"a zero adds nothing", arms, "a,b,y,w\nru,am,2010,0\nru,am,2010,2\n", "arms_sale,ru,am,,,2010,,2,\n", 1, 1, 0},
		{"directed kinds keep both directions apart", arms, "a,b,y,w\nru,am,2010,2\nam,ru,2010,2\n",
			"arms_sale,am,ru,,,2010,,2,\narms_sale,ru,am,,,2010,,2,\n", 0, 0, 0},
		{"an undirected pair listed both ways counts once", trade, "a,b,y,w\nru,am,2010,2\nam,ru,2010,2\n",
			"trade,am,ru,,,2010,,2,\n", 0, 0, 1},
		{"listings that disagree: the larger total", trade, "a,b,y,w\nru,am,2010,2\nam,ru,2010,3\n",
			"trade,am,ru,,,2010,,3,\n", 0, 0, 1},
		{"repeats on each side of a mirrored pair", trade, "a,b,y,w\nru,am,2010,2\nru,am,2010,2\nam,ru,2010,4\n",
			"trade,am,ru,,,2010,,4,\n", 1, 1, 1},
		{"undirected repeats written the same way add up", trade, "a,b,y,w\nru,am,2010,2\nru,am,2010,2\n",
			"trade,am,ru,,,2010,,4,\n", 1, 1, 0},
		{"different dates stay apart", arms, "a,b,y,w\nru,am,2010,2\nru,am,2011,2\n",
			"arms_sale,ru,am,,,2010,,2,\narms_sale,ru,am,,,2011,,2,\n", 0, 0, 0},
		{"a route's repeated segments add up", importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "pipeline", Via: "v", Weight: "w"},
			"a,b,v,w\nx,z,y,2\nx,y,,3\n", "pipeline,x,y,,,,,5,\npipeline,y,z,,,,,2,\n", 1, 1, 0},
		{"collapsed years: a year's repeats add up, the spell keeps its largest year",
			importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "trade", On: "y", Weight: "w", CollapseYears: true},
			"a,b,y,w\nx,y,2001,2\nx,y,2001,2\nx,y,2002,3\ny,x,2002,3\nx,y,2003,0\n", "trade,x,y,2001,2003,,,4,\n", 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := mustRun(t, links("f.csv", tt.spec), map[string]string{"f.csv": tt.file})
			if got := linksText(t, ds); got != tt.want {
				t.Errorf("links.csv:\n%s\nwant:\n%s", got, tt.want)
			}
			st := ds.Stats
			if st.Repeated != tt.repeated || st.RepeatedLinks != tt.repeatedLinks || st.Mirrored != tt.mirrored {
				t.Errorf("repeated %d into %d links, mirrored %d; want %d into %d, %d",
					st.Repeated, st.RepeatedLinks, st.Mirrored, tt.repeated, tt.repeatedLinks, tt.mirrored)
			}
		})
	}
}

// TestRepeatedAttributes checks that the attributes of repeated rows are joined once per distinct value,
// in row order, and that a group of many rows is merged in linear time.
func TestRepeatedAttributes(t *testing.T) {
	spec := importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "arms_sale", On: "y", Weight: "w", Attrs: []string{"item", "note"}}
	file := "a,b,y,w,item,note\nru,am,2010,1,tanks,x\nru,am,2010,1,guns,x\nru,am,2010,1,tanks,\n"
	ds := mustRun(t, links("f.csv", spec), map[string]string{"f.csv": file})
	if got, want := linksText(t, ds), "arms_sale,ru,am,,,2010,,3,,tanks; guns,x\n"; got != want {
		t.Errorf("links.csv:\n%s\nwant:\n%s", got, want)
	}

	const n = 100_000
	var b strings.Builder
	b.WriteString("a,b,y,w,item,note\n")
	for i := range n {
		b.WriteString("ru,am,2010,1,item" + strconv.Itoa(i) + ",same\n")
	}
	start := time.Now()
	ds = mustRun(t, links("f.csv", spec), map[string]string{"f.csv": b.String()})
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("%d repeated rows with distinct attributes took %s", n, d)
	}
	l := ds.Link(0)
	if ds.NumLinks() != 1 || l.Weight != n || strings.Count(l.Attrs["item"], "; ") != n-1 || l.Attrs["note"] != "same" {
		t.Errorf("%d links, weight %v, %d items, note %q", ds.NumLinks(), l.Weight, strings.Count(l.Attrs["item"], "; ")+1, l.Attrs["note"])
	}
}

// supplierTotals sums the value column of a SIPRI-shaped CSV by supplier.
func supplierTotals(t *testing.T, src []byte) map[string]float64 {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(src)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]float64{}
	for _, r := range recs[1:] {
		w, err := strconv.ParseFloat(r[3], 64)
		if err != nil {
			t.Fatalf("value %q: %v", r[3], err)
		}
		sums[r[0]] += w
	}
	return sums
}

// graphTotals sums the weights of the links of g by the name of their first end.
func graphTotals(g *graph.Graph) map[string]float64 {
	sums := map[string]float64{}
	for i := range int32(g.NumLinks()) {
		l := g.Link(i)
		from, _ := g.ActorIndex(l.From)
		sums[g.Actor(from).Name] += l.Weight
	}
	return sums
}

// TestWeightsAddUpAsInTheFile imports the SIPRI sample (with its transfers of TIV 0) and the same
// sample with every row given twice, and checks that each supplier's total is the file's, in the
// imported dataset, in the native CSV it writes, and in a snapshot of it.
func TestWeightsAddUpAsInTheFile(t *testing.T) {
	sample, err := os.ReadFile("testdata/sipri.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, rows, _ := bytes.Cut(sample, []byte("\n"))
	twice := append(append([]byte{}, sample...), rows...)
	spec := importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", On: "year", Weight: "value"}
	for _, tt := range []struct {
		name string
		src  []byte
	}{{"sample", sample}, {"every row twice", twice}} {
		t.Run(tt.name, func(t *testing.T) {
			want := supplierTotals(t, tt.src)
			ds := mustRun(t, links("sipri.csv", spec), map[string]string{"sipri.csv": string(tt.src)})
			g, err := ds.Build()
			if err != nil {
				t.Fatal(err)
			}
			files, err := ds.Files()
			if err != nil {
				t.Fatal(err)
			}
			fromCSV, err := data.Load(data.Input{Label: "csv", FS: mapFS(files)})
			if err != nil {
				t.Fatal(err)
			}
			var snap bytes.Buffer
			if err := data.WriteSnapshot(&snap, g, data.SnapshotHeader{Tool: "test"}); err != nil {
				t.Fatal(err)
			}
			fromSnap, err := data.Load(data.Input{Label: "snap", FS: mapFS(map[string][]byte{"s.json": snap.Bytes()}), File: "s.json"})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				what string
				g    *graph.Graph
			}{{"import", g}, {"links.csv", fromCSV}, {"snapshot", fromSnap}} {
				got := graphTotals(c.g)
				if len(got) != len(want) {
					t.Errorf("%s: %d suppliers, want %d", c.what, len(got), len(want))
				}
				for s, w := range want {
					if got[s] != w {
						t.Errorf("%s: %s supplied %v, the file says %v", c.what, s, got[s], w)
					}
				}
			}
			zeros := 0
			for i := range int32(fromCSV.NumLinks()) {
				if fromCSV.WeightOf(i) == 0 {
					zeros++
				}
			}
			if zeros != 3 {
				t.Errorf("%d links of weight 0 after loading links.csv, want the sample's 3", zeros)
			}
		})
	}
}
