package data

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/relgraph/relgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files of snapshot tests")

// snapshotBytes writes g as a snapshot with a fixed header.
func snapshotBytes(t testing.TB, g *graph.Graph, filters ...graph.Filter) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSnapshot(&buf, g, SnapshotHeader{Tool: "relgraph test", Datasets: []string{"ds"}, Filters: filters}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// loadSnapshot loads snapshot bytes as the file snap.json.
func loadSnapshot(src []byte) (*graph.Graph, error) {
	return Load(Input{Label: "dir", FS: fstest.MapFS{"snap.json": {Data: src}}, File: "snap.json"})
}

func mustFilter(t testing.TB, g *graph.Graph, f graph.Filter) *graph.Graph {
	t.Helper()
	v, err := g.Filter(f)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSnapshotRoundTrip(t *testing.T) {
	good, err := PathInput("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) graph.Date { v, _ := graph.ParseDate(s); return v }
	filters := []struct {
		name string
		f    graph.Filter
	}{
		{"all", graph.Filter{}},
		{"at 2016", graph.Filter{At: d("2016")}},
		{"at 2003", graph.Filter{At: d("2003")}},
		{"at 2022-02", graph.Filter{At: d("2022-02")}},
		{"since 2010 until 2015", graph.Filter{Since: d("2010"), Until: d("2015")}},
		{"kinds pipeline", graph.Filter{Kinds: []string{"pipeline"}}},
		{"kinds alliance,membership", graph.Filter{Kinds: []string{"alliance", "membership"}}},
		{"without located_in", graph.Filter{ExcludeKinds: []string{"located_in"}}},
		{"without pipeline at 2020", graph.Filter{At: d("2020"), ExcludeKinds: []string{"pipeline"}}},
		{"at country level", graph.Filter{Level: "country"}},
		{"at country level at 2016", graph.Filter{At: d("2016"), Level: "country"}},
	}
	for _, in := range []Input{good, EmbeddedInput()} {
		g, err := Load(in)
		if err != nil {
			t.Fatalf("%s: %v", in.Label, err)
		}
		for _, tt := range filters {
			t.Run(in.Label+"/"+tt.name, func(t *testing.T) {
				view, err := g.Filter(tt.f)
				if err != nil {
					t.Skip(err) // a kind the dataset does not have
				}
				first := snapshotBytes(t, view, tt.f)
				g2, err := loadSnapshot(first)
				if err != nil {
					t.Fatalf("loading the snapshot: %v", err)
				}
				second := snapshotBytes(t, g2, tt.f)
				if !bytes.Equal(first, second) {
					t.Fatalf("snapshot → load → snapshot changed the bytes:\n%s", firstDiff(first, second))
				}
				// Nothing of the view is lost: the loaded graph has the same present actors and links.
				c := graph.Diff(view, g2)
				if len(c.Links.Added)+len(c.Links.Removed)+len(c.Links.Changed) > 0 {
					t.Errorf("links differ after the round trip: +%d -%d ~%d", len(c.Links.Added), len(c.Links.Removed), len(c.Links.Changed))
				}
				// The actor of a kept route comes along even when a kind filter left it out.
				for _, a := range c.Actors.Added {
					if len(a.Route) == 0 {
						t.Errorf("actor %q appeared in the round trip", a.ID)
					}
				}
				if len(c.Actors.Removed) > 0 {
					t.Errorf("actors lost in the round trip: %v", c.Actors.Removed)
				}
				// What a snapshot cannot hold: references to actors outside it, and routes whose
				// segments are not in it (loading would derive them).
				for _, ch := range c.Actors.Changed {
					for _, f := range ch.Fields {
						if !slices.Contains([]string{"in", "stands_for", "route", "route_kind"}, f) {
							t.Errorf("actor %q changed %s in the round trip", ch.ID, f)
						}
					}
				}
				if g2.NumLinks() != view.NumLinks() {
					t.Errorf("%d links after the round trip, want %d", g2.NumLinks(), view.NumLinks())
				}
			})
		}
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return "(no difference)"
}

func TestSnapshotGolden(t *testing.T) {
	in, err := PathInput("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load(in)
	if err != nil {
		t.Fatal(err)
	}
	at2016, _ := graph.ParseDate("2016")
	for _, tt := range []struct {
		file string
		f    graph.Filter
	}{
		{"good.json", graph.Filter{}},
		{"good-at-2016.json", graph.Filter{At: at2016}},
		{"good-pipeline.json", graph.Filter{Kinds: []string{"pipeline"}}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			got := snapshotBytes(t, mustFilter(t, g, tt.f), tt.f)
			golden := filepath.Join("testdata", "snapshot", tt.file)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("snapshot differs from %s (go test -update rewrites it):\n%s", golden, firstDiff(want, got))
			}
		})
	}
}

func TestSnapshotLoadsFromDisk(t *testing.T) {
	in, err := PathInput("testdata/snapshot/good.json")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load(in)
	if err != nil {
		t.Fatal(err)
	}
	i, ok := g.ActorIndex("baku")
	if !ok || g.Actor(i).In != "azerbaijan" || g.Actor(i).StandsFor != "azerbaijan" {
		t.Errorf("baku = %+v, want in and stands_for azerbaijan", g.Actor(i))
	}
	btc, _ := g.ActorIndex("btc")
	if a := g.Actor(btc); !slices.Equal(a.Route, []string{"baku", "ceyhan"}) || a.RouteKind != "pipeline" {
		t.Errorf("btc = %+v, want its route", a)
	}
	if lk, ok := g.Kinds().Link("military_exercise"); !ok || lk.Sign != 1 || lk.Meaning != "joint exercises" {
		t.Errorf("declared kind military_exercise = %+v, %v", lk, ok)
	}
	var ids []string
	for l := range int32(g.NumLinks()) {
		ids = append(ids, g.LinkID(l))
	}
	slices.Sort(ids)
	want := []string{
		"arms_sale:russia:azerbaijan:2010",
		"located_in:baku:azerbaijan",
		"located_in:ceyhan:turkey",
		"located_in:moscow:russia",
		"military_exercise:russia:turkey:2020",
		"pipeline:baku:ceyhan@btc",
		"visit:russia:azerbaijan:2016-08-08",
	}
	if !slices.Equal(ids, want) {
		t.Errorf("link ids = %q\nwant %q", ids, want)
	}
}

// TestSnapshotLoadsBackTheFilteredGraph checks that nothing is lost: a snapshot of a filtered graph
// loads back into that graph — the same present actors, whole (with their `in`, `stands_for` and
// routes), and the same links.
func TestSnapshotLoadsBackTheFilteredGraph(t *testing.T) {
	for _, in := range []Input{goodInput(t), EmbeddedInput()} {
		g, err := Load(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []graph.Filter{
			{Kinds: []string{"pipeline"}},
			{At: graph.NewDate(2016, 0, 0)},
			{At: graph.NewDate(2012, 0, 0), ExcludeKinds: []string{"located_in"}},
			{Since: graph.NewDate(2020, 0, 0), Kinds: []string{"pipeline", "railway", "visit"}},
		} {
			want := mustFilter(t, g, f)
			var buf bytes.Buffer
			if err := WriteSnapshot(&buf, want, SnapshotHeader{Tool: "t", Datasets: []string{in.Label}, Filters: []graph.Filter{f}}); err != nil {
				t.Fatal(err)
			}
			got, err := loadSnapshot(buf.Bytes())
			if err != nil {
				t.Fatalf("%s %+v: %v", in.Label, f, err)
			}
			d := graph.Diff(want, got)
			if n := len(d.Actors.Added) + len(d.Actors.Removed) + len(d.Actors.Changed) + len(d.Links.Added) + len(d.Links.Removed) + len(d.Links.Changed); n != 0 {
				t.Errorf("%s %+v: the snapshot loads back with %d differences: %+v", in.Label, f, n, d)
			}
			if got.NumPresent() != want.NumPresent() || got.NumLinks() != want.NumLinks() {
				t.Errorf("%s %+v: %d actors, %d links; want %d, %d", in.Label, f, got.NumPresent(), got.NumLinks(), want.NumPresent(), want.NumLinks())
			}
			for _, a := range want.PresentActors() {
				j, _ := got.ActorIndex(want.Actor(a).ID)
				wa, ga := want.Actor(a), got.Actor(j)
				if wa.In != ga.In || wa.StandsFor != ga.StandsFor || !slices.Equal(wa.Route, ga.Route) {
					t.Errorf("%s %+v: actor %s lost fields: %+v", in.Label, f, wa.ID, ga)
				}
			}
		}
	}
}

func TestSnapshotHeader(t *testing.T) {
	at, _ := graph.ParseDate("2016-08")
	h := SnapshotHeader{Tool: "relgraph v9", Datasets: []string{"caucasus", "extra/dir"},
		Filters: []graph.Filter{{At: at, Kinds: []string{"alliance"}}, {}, {ExcludeKinds: []string{"visit", "trade"}}}}
	g, err := Load(EmbeddedInput())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSnapshot(&buf, g, h); err != nil {
		t.Fatal(err)
	}
	got, err := ReadSnapshotHeader(fstest.MapFS{"s.json": {Data: buf.Bytes()}}, "s.json")
	if err != nil {
		t.Fatal(err)
	}
	want := h
	want.Filters = []graph.Filter{h.Filters[0], h.Filters[2]} // the zero filter is left out
	if got.Tool != want.Tool || !slices.Equal(got.Datasets, want.Datasets) || len(got.Filters) != 2 ||
		got.Filters[0].At != at || !slices.Equal(got.Filters[0].Kinds, []string{"alliance"}) ||
		!slices.Equal(got.Filters[1].ExcludeKinds, []string{"visit", "trade"}) {
		t.Errorf("header = %+v, want %+v", got, want)
	}
	_, err = ReadSnapshotHeader(fstest.MapFS{"p.json": {Data: []byte(`{"name": "x", "version": "1.0"}`)}}, "p.json")
	if !errors.Is(err, ErrNotSnapshot) || err.Error() != `p.json:1:2: not a relgraph snapshot: its first field is "name", not "format"` {
		t.Errorf("foreign file: %v", err)
	}
}

func TestSnapshotBroken(t *testing.T) {
	good, err := os.ReadFile("testdata/snapshot/good.json")
	if err != nil {
		t.Fatal(err)
	}
	text := string(good)
	// replace returns the good snapshot with one edit, which must apply.
	replace := func(old, new string) string {
		if !strings.Contains(text, old) {
			t.Fatalf("good.json has no %q", old)
		}
		return strings.Replace(text, old, new, 1)
	}
	tests := []struct {
		name, src, want string
	}{
		{"empty file", "", "dir/snap.json:1:1: empty file: not a relgraph snapshot"},
		{"white space", "  \n ", "dir/snap.json:1:1: empty file: not a relgraph snapshot"},
		{"a list", "[1, 2]", `dir/snap.json:1:1: not a relgraph snapshot: a snapshot is a JSON object starting with "format": "relgraph-snapshot"`},
		{"binary", "\x00\x01\x02", `dir/snap.json:1:1: not a relgraph snapshot: a snapshot is a JSON object starting with "format": "relgraph-snapshot"`},
		{"another JSON file", "{\n  \"name\": \"my-package\",\n  \"version\": \"1.0.0\"\n}\n", `dir/snap.json:2:3: not a relgraph snapshot: its first field is "name", not "format"`},
		{"empty object", "{}", `dir/snap.json:1:1: not a relgraph snapshot: it has no "format" field`},
		{"other format", `{"format": "geojson"}`, `dir/snap.json:1:12: not a relgraph snapshot: format is "geojson", not "relgraph-snapshot"`},
		{"wrong version", replace(`"version": 1,`, `"version": 2,`), "dir/snap.json:3:14: snapshot version 2 is not supported (this relgraph reads version 1)"},
		{"version as text", replace(`"version": 1,`, `"version": "1",`), "dir/snap.json:3:14: want a number, found a string"},
		{"no version", `{"format": "relgraph-snapshot"}`, `dir/snap.json:1:31: snapshot: missing "version"`},
		{"version not second", `{"format": "relgraph-snapshot", "links": []}`, `dir/snap.json:1:33: snapshot: want "version" after "format", found "links"`},
		{"truncated", text[:len(text)/2], "dir/snap.json:"},
		{"truncated in a string", text[:strings.Index(text, `"Russia"`)+3], "unterminated string: the file ends inside it (is it truncated?)"},
		{"truncated after an item", text[:strings.LastIndex(text, `"links": [`)+len(`"links": [`)+1], "dir/snap.json:27:1: want a link, found the end of the file (is it truncated?)"},
		{"missing link id", replace(`{"id": "arms_sale:russia:azerbaijan:2010", `, `{`), `a link needs "id"`},
		{"missing actor id", replace(`{"id": "azerbaijan", `, `{`), `an actor needs "id"`},
		{"unknown field", replace(`"certainty": "alleged"`, `"certainity": "alleged"`), `unknown field "certainity" in a link (did you mean "certainty"?)`},
		{"duplicate field", replace(`"directed": false, "sign": 1, "start": null`, `"directed": false, "sign": 1, "sign": 1`), `duplicate field "sign" in a link`},
		{"bad date", replace(`"on": "2016-08-08"`, `"on": "2016-08-32"`), `bad date "2016-08-32": 2016-08 has no day 32`},
		{"bad sign", replace(`"sign": 1`, `"sign": 2`), "sign 2 is not -1, 0 or 1"},
		{"bad certainty", replace(`"certainty": "alleged"`, `"certainty": "rumoured"`), `unknown certainty "rumoured"`},
		{"trailing comma", replace("}\n  ]\n}", "},\n  ]\n}"), "dir/snap.json:30:3: want a link, found ']'"},
		{"trailing data", text + "{}", "unexpected data after the end of the snapshot"},
		{"unknown actor", replace(`"from": "russia", "to": "azerbaijan", "directed": true, "sign": 1, "start": "2010"`, `"from": "rusia", "to": "azerbaijan", "directed": true, "sign": 1, "start": "2010"`), `unknown actor "rusia" (did you mean "russia"?)`},
		{"bad escape", replace(`"Russia"`, `"Rus\qsia"`), `bad escape \q in a string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadSnapshot([]byte(tt.src))
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error %v is not Problems", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to contain\n%s", err, tt.want)
			}
			if ps[0].Line == 0 || ps[0].Col == 0 {
				t.Errorf("problem %v has no line:col", ps[0])
			}
		})
	}
}

func TestSnapshotPositions(t *testing.T) {
	// A problem the builder finds points at the field in the snapshot file.
	src := `{
  "format": "relgraph-snapshot",
  "version": 1,
  "actors": [
    {"id": "a", "kind": "country"},
    {"id": "b", "kind": "country", "sources": [{"doc": "d", "para": 1, "note": "x"}, {"doc": "nodoc"}]}
  ],
  "links": [
    {"id": "l1", "kind": "trade", "from": "a", "to": "c"}
  ]
}
`
	_, err := loadSnapshot([]byte(src))
	want := "dir/snap.json:6:56: unknown document \"d\"\n" +
		"dir/snap.json:6:94: unknown document \"nodoc\"\n" +
		"dir/snap.json:9:54: unknown actor \"c\" (did you mean \"a\"?)"
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n%v\nwant\n%s", err, want)
	}
}

func TestSnapshotStrings(t *testing.T) {
	// Names with quotes, backslashes, control characters and non-ASCII survive the round trip.
	b := graph.NewBuilder(nil)
	b.AddDocument(graph.Document{ID: "d", Title: "Quote \" back \\ tab \t nl \n bell \x07 é 😀"})
	b.AddActor(graph.Actor{ID: "x", Name: "Türkiye \"the\" <b>&", Kind: "country", Aliases: []string{"a\u2028b"}, Attrs: map[string]string{"k\"": "v\\"}})
	b.AddActor(graph.Actor{ID: "y", Name: "Y", Kind: "country"})
	b.AddLink(&graph.Link{Kind: "trade", From: "x", To: "y", Weight: 0.125, Sources: []graph.Source{{Doc: "d", Para: 3, Note: "«quoted»"}}})
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	first := snapshotBytes(t, g)
	g2, err := loadSnapshot(first)
	if err != nil {
		t.Fatalf("%v\n%s", err, first)
	}
	if d, _ := g2.Document("d"); d.Title != "Quote \" back \\ tab \t nl \n bell \x07 é 😀" {
		t.Errorf("title = %q", d.Title)
	}
	if i, _ := g2.ActorIndex("x"); g2.Actor(i).Name != "Türkiye \"the\" <b>&" || g2.Actor(i).Attrs["k\""] != "v\\" {
		t.Errorf("actor = %+v", g2.Actor(i))
	}
	if l := g2.Link(0); l.Weight != 0.125 || l.Sources[0].Note != "«quoted»" {
		t.Errorf("link = %+v", l)
	}
	if second := snapshotBytes(t, g2); !bytes.Equal(first, second) {
		t.Errorf("round trip changed the bytes:\n%s", firstDiff(first, second))
	}
}

func FuzzSnapshot(f *testing.F) {
	for _, name := range []string{"good.json", "good-at-2016.json", "good-pipeline.json"} {
		src, err := os.ReadFile(filepath.Join("testdata", "snapshot", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(`{"format": "relgraph-snapshot", "version": 1, "actors": [{"id": "a", "kind": "country", "name": "\ud83d\ude00"}]}`))
	f.Add([]byte(`{"format": "relgraph-snapshot", "version": 1, "links": [{"id": "x", "kind": "trade", "from": "a", "to": "b", "weight": 1e400}]}`))
	f.Add([]byte(`[[[[[[[[[[`))
	f.Fuzz(func(t *testing.T, src []byte) {
		g, err := loadSnapshot(src)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error is not Problems: %v", err)
			}
			for _, p := range ps {
				if p.File != "dir/snap.json" || p.Line < 1 || p.Col < 1 {
					t.Fatalf("problem without a position: %v", p)
				}
			}
			return
		}
		// Whatever loads writes out canonically, and the canonical form is a fixed point.
		var first bytes.Buffer
		if err := WriteSnapshot(&first, g, SnapshotHeader{Tool: "t"}); err != nil {
			return // e.g. a route only partly in the graph cannot be written; that is reported
		}
		g2, err := loadSnapshot(first.Bytes())
		if err != nil {
			t.Fatalf("the canonical form of a loaded snapshot does not load: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := WriteSnapshot(&second, g2, SnapshotHeader{Tool: "t"}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("canonical form is not stable:\n%s", firstDiff(first.Bytes(), second.Bytes()))
		}
	})
}

// genGraph builds a graph of n links among n/10 actors, like a bulk import: most links have derived
// ids, one in ten an explicit id, one in seven a source.
func genGraph(tb testing.TB, n int) *graph.Graph {
	tb.Helper()
	nActors := max(n/10, 2)
	b := graph.NewBuilder(nil)
	b.AddDocument(graph.Document{ID: "doc", Title: "Doc"})
	ids := make([]string, nActors)
	for i := range ids {
		ids[i] = "a" + strconv.Itoa(i)
		a := graph.Actor{ID: ids[i], Name: "Actor " + strconv.Itoa(i), Kind: "country"}
		if i > 0 {
			a.In = ids[i/2]
		}
		b.AddActor(a)
	}
	kinds := []string{"trade", "arms_sale", "energy_deal", "visit"}
	b.Grow(n)
	for i := range n {
		// Distinct (kind, from, to, date) for every link: ends and year follow from i.
		from := i % nActors
		to := (from + 1 + i/nActors) % nActors
		l := graph.Link{Kind: kinds[i/nActors%len(kinds)], From: ids[from], To: ids[to], Sign: 1,
			Start: graph.NewDate(1990+i/nActors/len(kinds), 1+i%12, 0), End: graph.NewDate(2030, 0, 0)}
		if i%10 == 0 {
			l.ID = "l" + strconv.Itoa(i)
		}
		if i%7 == 0 {
			l.Sources = []graph.Source{{Doc: "doc", Para: i % 50, Note: "a short note"}}
			l.Attrs = map[string]string{"value": "$" + strconv.Itoa(i)}
		}
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestSnapshotGenerated(t *testing.T) {
	g := genGraph(t, 20000)
	first := snapshotBytes(t, g)
	g2, err := loadSnapshot(first)
	if err != nil {
		t.Fatal(err)
	}
	if c := graph.Diff(g, g2); !c.Empty() {
		t.Errorf("round trip of a generated graph differs: +%d -%d ~%d links", len(c.Links.Added), len(c.Links.Removed), len(c.Links.Changed))
	}
	if second := snapshotBytes(t, g2); !bytes.Equal(first, second) {
		t.Errorf("round trip changed the bytes:\n%s", firstDiff(first, second))
	}
}

// BenchmarkSnapshot writes and reads back a snapshot of a million links (plus their derived located_in
// links) and reports the median of each (and of the parse alone, without building the graph), the file
// size and the heap after loading.
func BenchmarkSnapshot(b *testing.B) {
	n := 1_000_000
	if testing.Short() { // CI runs every benchmark once, small
		n = 10_000
	}
	g := genGraph(b, n)
	var buf bytes.Buffer
	buf.Grow(400 << 20) // the file is about 270 MB: measure encoding, not the buffer's growth
	var writes, reads, parses []time.Duration
	var heap uint64
	for b.Loop() {
		buf.Reset()
		start := time.Now()
		if err := WriteSnapshot(&buf, g, SnapshotHeader{Tool: "bench"}); err != nil {
			b.Fatal(err)
		}
		writes = append(writes, time.Since(start))
		start = time.Now()
		g2, err := loadSnapshot(buf.Bytes())
		if err != nil {
			b.Fatal(err)
		}
		reads = append(reads, time.Since(start))
		start = time.Now()
		if _, ps := parseSnapshot("x", buf.Bytes()); ps != nil {
			b.Fatal(ps)
		}
		parses = append(parses, time.Since(start))
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = max(heap, m.HeapAlloc)
		if g2.NumLinks() != g.NumLinks() {
			b.Fatalf("%d links read back, want %d", g2.NumLinks(), g.NumLinks())
		}
	}
	median := func(ds []time.Duration) float64 {
		slices.Sort(ds)
		return float64(ds[len(ds)/2].Milliseconds())
	}
	b.ReportMetric(median(writes), "write-ms")
	b.ReportMetric(median(reads), "read-ms")
	b.ReportMetric(median(parses), "parse-ms")
	b.ReportMetric(float64(buf.Len())/1e6, "file-MB")
	b.ReportMetric(float64(heap)/1e6, "heap-MB")
}

func goodInput(t testing.TB) Input {
	t.Helper()
	in, err := PathInput("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestSnapshotLayoutIsCanonical: every link WriteSnapshot writes is read by the canonical fast path,
// and its actors list their fields in the schema's snapshot order, so the writer and the reader agree
// on the layout of the native schema.
func TestSnapshotLayoutIsCanonical(t *testing.T) {
	src := snapshotBytes(t, genGraph(t, 200))
	p := &snapParser{out: &snapshotFile{}}
	n := 0
	for _, line := range bytes.Split(src, []byte("\n")) {
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(line, []byte(`{"id": `)) && bytes.Contains(line, []byte(`, "directed": `)):
			p.sc = newScanner(line, 0)
			l := graph.Link{}
			if !p.canonicalLink(&l) {
				t.Fatalf("link not in the canonical layout: %s", line)
			}
			n++
		case bytes.HasPrefix(line, []byte(`{"id": `)) && bytes.Contains(line, []byte(`, "route_kind": `)):
			at := 0
			for _, f := range snapActorFields {
				i := bytes.Index(line, []byte(`"`+f+`": `))
				if i < at {
					t.Fatalf("actor field %q out of the schema's order: %s", f, line)
				}
				at = i
			}
		}
	}
	if n == 0 {
		t.Fatal("no links read")
	}
}
