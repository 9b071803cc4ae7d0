package importer_test

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/data/importer"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
)

// examples is the directory of the real-data recipes, whose mapping files these tests run.
const examples = "../../examples/real-data"

// sharedDatasets is where the full datasets live next to a checkout (see examples/real-data/README.md).
const sharedDatasets = "../../../shared/datasets"

// sliceNames maps the file names the recipes use to the slices in testdata.
var sliceNames = map[string]string{
	"atop_alliance.csv":           "atop_alliance.csv",
	"cow_states.csv":              "cow_states.csv",
	"sipri-exports-processed.csv": "sipri.csv",
	"pipelines.csv":               "pipelines.csv",
	"cow_contdir.csv":             "cow_contdir.csv",
	"td_rivalries.csv":            "td_rivalries.csv",
	"cow_igo_ndy.csv.gz":          "cow_igo_ndy.csv.gz",
}

// runRecipe imports an example mapping file, reading the shared datasets it names from dir (the
// testdata slices, or slices cut at test time) and its own small files from the examples directory.
func runRecipe(t *testing.T, mappingFile, dir string) *graph.Graph {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(examples, mappingFile))
	if err != nil {
		t.Fatal(err)
	}
	m, err := importer.ParseMapping(src)
	if err != nil {
		t.Fatal(err)
	}
	open := func(name string) (io.ReadCloser, error) {
		if strings.Contains(name, "shared/datasets/") {
			slice, ok := sliceNames[path.Base(name)]
			if !ok {
				t.Fatalf("no slice of %s", name)
			}
			return os.Open(filepath.Join(dir, slice))
		}
		return os.Open(filepath.Join(examples, name))
	}
	ds, err := importer.Run(m, importer.Options{Open: open})
	if err != nil {
		t.Fatalf("%s: %v", mappingFile, err)
	}
	g, err := ds.Build()
	if err != nil {
		t.Fatalf("%s: %v", mappingFile, err)
	}
	return g
}

// linksBetween lists the links between two actors as "kind start–end" (or "kind @on"), sorted.
func linksBetween(t *testing.T, g *graph.Graph, a, b string) []string {
	t.Helper()
	ia, ok1 := g.ActorIndex(a)
	ib, ok2 := g.ActorIndex(b)
	if !ok1 || !ok2 {
		t.Fatalf("actors %q (%v) or %q (%v) missing", a, ok1, b, ok2)
	}
	var out []string
	for _, i := range g.LinksBetween(ia, ib) {
		l := g.Link(i)
		if l.On != 0 {
			out = append(out, l.Kind+" @"+l.On.String())
		} else {
			out = append(out, l.Kind+" "+l.Start.String()+"–"+l.End.String())
		}
	}
	slices.Sort(out)
	return out
}

func filter(t *testing.T, g *graph.Graph, f graph.Filter) *graph.Graph {
	t.Helper()
	v, err := g.Filter(f)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkRegion asserts what the recipes' questions need, on a graph of the region.
func checkRegion(t *testing.T, g *graph.Graph, full bool) {
	// ATOP, collapsed: one alliance spell for a dyad listed both ways, and the Azerbaijan–Russia
	// alliance in force in 2018.
	want := "alliance 1995–2018"
	if full {
		want = "alliance 1993–2018"
	}
	if got := linksBetween(t, filter(t, g, graph.Filter{Kinds: []string{"alliance"}}), "azerbaijan", "russia"); !slices.Equal(got, []string{want}) {
		t.Errorf("Azerbaijan–Russia alliances %q, want %q", got, want)
	}
	at2018 := filter(t, g, graph.Filter{At: graph.NewDate(2018, 0, 0), Kinds: []string{"alliance"}})
	az, _ := at2018.ActorIndex("azerbaijan")
	ru, _ := at2018.ActorIndex("russia")
	if len(at2018.LinksBetween(az, ru)) != 1 {
		t.Errorf("no Azerbaijan–Russia alliance in 2018")
	}
	// SIPRI: Russia's customers 2010–2021 include Armenia and Azerbaijan; Soviet transfers are Russia's.
	arms := filter(t, g, graph.Filter{Kinds: []string{"arms_sale"}, Since: graph.NewDate(2010, 0, 0), Until: graph.NewDate(2021, 0, 0)})
	ru, _ = arms.ActorIndex("russia")
	customers := map[string]bool{}
	for _, i := range arms.Out(ru) {
		customers[arms.Link(i).To] = true
	}
	for _, c := range []string{"armenia", "azerbaijan"} {
		if !customers[c] {
			t.Errorf("Russia's arms customers 2010–2021 lack %s: %v", c, customers)
		}
	}
	if _, ok := g.ActorIndex("soviet-union"); ok {
		t.Errorf("SIPRI's Soviet Union became an actor of its own; code 365 should make it Russia")
	}
	// GEM: the South Caucasus Pipeline runs Azerbaijan → Georgia → Turkey, so Georgia is among the
	// chokepoints between Azerbaijan and Turkey in 2018.
	if got := linksBetween(t, g, "azerbaijan", "georgia"); !slices.Contains(got, "pipeline 2006–") {
		t.Errorf("Azerbaijan–Georgia links %q lack the 2006 pipeline", got)
	}
	pipes := filter(t, g, graph.Filter{Kinds: []string{"pipeline"}, At: graph.NewDate(2018, 0, 0)})
	az, _ = pipes.ActorIndex("azerbaijan")
	tr, _ := pipes.ActorIndex("turkey")
	if cut, err := query.Cut(pipes, az, tr, true); err != nil || !slices.Contains(cut.Cut, "georgia") {
		t.Errorf("pipeline chokepoints between Azerbaijan and Turkey %v (%v) lack georgia", cut.Cut, err)
	}
	// Contiguity (both directions, one link) and rivalries (open-ended at the data's horizon).
	if got := linksBetween(t, g, "armenia", "azerbaijan"); !slices.Contains(got, "contiguity 1991-12–") || !slices.Contains(got, "rivalry 1991–") {
		t.Errorf("Armenia–Azerbaijan links %q lack the border and the rivalry", got)
	}
}

func TestRecipesOnSlices(t *testing.T) {
	g := runRecipe(t, "region.yaml", "testdata")
	checkRegion(t, g, false)
	for _, f := range []string{"states.yaml", "atop.yaml", "sipri.yaml", "gem.yaml", "contiguity.yaml", "rivalries.yaml"} {
		if g := runRecipe(t, f, "testdata"); g.NumActors() == 0 {
			t.Errorf("%s: no actors", f)
		}
	}
	// IGO, collapsed and yearly.
	collapsed := runRecipe(t, "igo.yaml", "testdata")
	yearly := runRecipe(t, "igo-yearly.yaml", "testdata")
	if yearly.NumLinks() != 200 || collapsed.NumLinks() >= yearly.NumLinks() {
		t.Errorf("IGO: %d yearly links (want 200), %d collapsed", yearly.NumLinks(), collapsed.NumLinks())
	}
}

// TestRecipesOnCutSlices cuts slices of the full datasets at test time (the first lines of each file and
// the rows of the region's states) and runs the recipes on them. It is skipped where the datasets are
// not next to the checkout.
func TestRecipesOnCutSlices(t *testing.T) {
	if _, err := os.Stat(sharedDatasets); err != nil {
		t.Skipf("the full datasets are not at %s", sharedDatasets)
	}
	dir := t.TempDir()
	region := []string{"365", "371", "372", "373", "630", "640"}
	regionNames := []string{"Russia", "Armenia", "Georgia", "Azerbaijan", "Iran", "Turkey"}
	cut := func(src, slice string, keep func(line string) bool) {
		in, err := os.Open(filepath.Join(sharedDatasets, src))
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		var r io.Reader = in
		var w io.Writer
		out, err := os.Create(filepath.Join(dir, slice))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		w = out
		if strings.HasSuffix(src, ".gz") {
			zr, err := gzip.NewReader(in)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
			zw := gzip.NewWriter(out)
			defer zw.Close()
			w = zw
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 1<<20)
		for n := 0; sc.Scan(); n++ {
			if line := sc.Text(); n <= 50 || keep(line) {
				io.WriteString(w, line+"\n")
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	// Rows whose first two comma-separated fields are both region codes.
	dyad := func(line string) bool {
		f := strings.SplitN(line, ",", 3)
		return len(f) == 3 && slices.Contains(region, f[0]) && slices.Contains(region, f[1])
	}
	cut("atop/atop_alliance.csv", "atop_alliance.csv", dyad)
	cut("cow/cow_states.csv", "cow_states.csv", func(string) bool { return true })
	cut("cow/cow_contdir.csv", "cow_contdir.csv", dyad)
	cut("cow/cow_igo_ndy.csv.gz", "cow_igo_ndy.csv.gz", dyad)
	cut("rivalries/td_rivalries.csv", "td_rivalries.csv", func(line string) bool {
		f := strings.Split(line, ",")
		return len(f) > 3 && (slices.Contains(region, f[2]) || slices.Contains(region, f[3]))
	})
	cut("sipri/sipri-exports-processed.csv", "sipri.csv", func(line string) bool {
		return strings.HasPrefix(line, "Russia,") || strings.HasPrefix(line, "Soviet Union,")
	})
	cut("gem/pipelines.csv", "pipelines.csv", func(line string) bool {
		return slices.ContainsFunc(regionNames, func(n string) bool { return strings.Contains(line, ";"+n+";") })
	})
	g := runRecipe(t, "region.yaml", dir)
	checkRegion(t, g, true)
}
