package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/relgraph/relgraph/graph"
)

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func TestLoadCSVPair(t *testing.T) {
	g, err := Load(PathInputMust(t, "testdata/csv/good"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	actor := func(id string) *graph.Actor {
		i, ok := g.ActorIndex(id)
		if !ok {
			t.Fatalf("no actor %q", id)
		}
		return g.Actor(i)
	}
	ru := actor("russia")
	if ru.Name != "Russia" || ru.Kind != "country" || !reflect.DeepEqual(ru.Aliases, []string{"Russian Federation", "RF"}) ||
		!reflect.DeepEqual(ru.Attrs, map[string]string{"capital": "Moscow"}) {
		t.Errorf("russia = %+v", *ru)
	}
	if q := actor("quoted"); q.Name != "A \"quoted\", <odd> & \nmulti-line name" || !reflect.DeepEqual(q.Aliases, []string{"with|bar", " spaced "}) ||
		!reflect.DeepEqual(q.Attrs, map[string]string{"name": "an attribute called name", "empty": ""}) {
		t.Errorf("quoted = %q %q %q", q.Name, q.Aliases, q.Attrs)
	}
	if b := actor("baku"); b.In != "azerbaijan" || b.StandsFor != "azerbaijan" || b.Name != "Baku" {
		t.Errorf("baku = %+v", *b)
	}
	btc := actor("btc")
	if !reflect.DeepEqual(btc.Route, []string{"baku", "ceyhan"}) || btc.RouteKind != "pipeline" || btc.Start != graph.NewDate(2006, 0, 0) ||
		btc.Certainty != graph.Confirmed || !reflect.DeepEqual(btc.Sources, []graph.Source{{Doc: "doc-a", Para: 2, Note: "oil, westward"}}) {
		t.Errorf("btc = %+v", *btc)
	}

	byID := map[string]graph.Link{}
	for i := range g.NumLinks() {
		l := g.Link(int32(i))
		byID[l.ID] = l
	}
	want := []graph.Link{
		{ID: "arms_sale:russia:azerbaijan:2010", Kind: "arms_sale", From: "russia", To: "azerbaijan", Directed: true, Sign: 1,
			Start: graph.NewDate(2010, 0, 0), End: graph.NewDate(2013, 0, 0), Certainty: graph.Alleged, Weight: 1,
			Attrs:   map[string]string{"value": "$4 billion"},
			Sources: []graph.Source{{Doc: "doc-a", Para: 1, Note: "Arms deliveries, \"alleged\"."}}},
		{ID: "summit-2016", Kind: "visit", From: "russia", To: "azerbaijan", Directed: true, Sign: -1,
			On: graph.NewDate(2016, 8, 8), Certainty: graph.Confirmed, Weight: 2.5},
		{ID: "military_exercise:russia:turkey:2020", Kind: "military_exercise", From: "russia", To: "turkey", Sign: 1,
			On: graph.NewDate(2020, 0, 0), Weight: 1},
		{ID: "located_in:baku:azerbaijan", Kind: "located_in", From: "baku", To: "azerbaijan", Directed: true, Weight: 1,
			Attrs: map[string]string{"derived": "in"}},
		{ID: "pipeline:baku:ceyhan@btc", Kind: "pipeline", From: "baku", To: "ceyhan", Directed: true, Weight: 1,
			Start: graph.NewDate(2006, 0, 0), Certainty: graph.Confirmed, Attrs: map[string]string{"via": "btc"},
			Sources: []graph.Source{{Doc: "doc-a", Para: 2, Note: "oil, westward"}}},
	}
	for _, w := range want {
		got, ok := byID[w.ID]
		if !ok {
			t.Errorf("no link %q; have %v", w.ID, keys(byID))
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("link %s:\n got %+v\nwant %+v", w.ID, got, w)
		}
	}
	if g.NumLinks() != 7 { // 3 rows + located_in ×3 (baku, ceyhan, quoted) + 1 route segment
		t.Errorf("NumLinks = %d, want 7", g.NumLinks())
	}
}

func keys(m map[string]graph.Link) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// PathInputMust is PathInput for tests.
func PathInputMust(t *testing.T, p string) Input {
	t.Helper()
	in, err := PathInput(p)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func TestLoadLoneLinksCSV(t *testing.T) {
	fsys := mapFS(map[string]string{
		"base.yaml": baseYAML,
		"links.csv": "kind,from,to,on\nvisit,russia,armenia,2013-12\nvisit,rusia,armenia,2014\n",
	})
	_, err := Load(Input{Label: "ds", FS: fsys})
	want := `ds/links.csv:3:2: unknown actor "rusia" (did you mean "russia"?)`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	fsys["links.csv"] = &fstest.MapFile{Data: []byte("kind,from,to,on\nvisit,russia,armenia,2013-12\n")}
	g, err := Load(Input{Label: "ds", FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	if g.NumLinks() != 1 || g.LinkID(0) != "visit:russia:armenia:2013-12" {
		t.Errorf("links = %d, first %q", g.NumLinks(), g.LinkID(0))
	}
}

func TestLoadCSVProblems(t *testing.T) {
	const actors = "id,name,kind,in,aliases\nrussia,Russia,country,,\narmenia,Armenia,country,,\n"
	tests := []struct {
		name   string
		actors string // "" = the default above
		links  string // "" = no links.csv
		want   []string
	}{
		{"unknown link kind", "", "kind,from,to\narms_sales,russia,armenia\n",
			[]string{`ds/links.csv:2:1: unknown link kind "arms_sales" (did you mean "arms_sale"?)`}},
		{"unknown actor in to", "", "kind,from,to,start\nalliance,russia,armenya,2010\n",
			[]string{`ds/links.csv:2:3: unknown actor "armenya" (did you mean "armenia"?)`}},
		{"bad date", "", "kind,from,to,start,end\nalliance,russia,armenia,2016-13,\n",
			[]string{`ds/links.csv:2:4: bad date "2016-13": month 13 does not exist`}},
		{"impossible day", "", "kind,from,to,on\nvisit,russia,armenia,2015-02-29\n",
			[]string{`ds/links.csv:2:4: bad date "2015-02-29": 2015-02 has no day 29`}},
		{"end before start", "", "kind,from,to,start,end\nalliance,russia,armenia,2016-08,2016-07\n",
			[]string{`ds/links.csv:2:5: end 2016-07 is before start 2016-08`}},
		{"on and start", "", "kind,from,to,start,on\nalliance,russia,armenia,2016,2017\n",
			[]string{`ds/links.csv:2:5: a link has either on (an event) or start/end (a lasting link), not both`}},
		{"self link", "", "kind,from,to\nalliance,russia,russia\n",
			[]string{`ds/links.csv:2:3: link from "russia" to itself`}},
		{"bad sign weight certainty", "", "kind,from,to,sign,weight,certainty\nalliance,russia,armenia,2,-1,rumoured\n",
			[]string{`ds/links.csv:2:4: sign "2" is not -1, 0 or 1`, `ds/links.csv:2:5: weight "-1" is not a non-negative number`,
				`ds/links.csv:2:6: unknown certainty "rumoured" (want reported, alleged, confirmed or planned)`}},
		{"unknown document", "", "kind,from,to,sources\nalliance,russia,armenia,\"[{\"\"doc\"\":\"\"dok\"\",\"\"para\"\":1}]\"\n",
			[]string{`ds/links.csv:2:4: unknown document "dok" (did you mean "doc"?)`}},
		{"bad sources", "", "kind,from,to,sources\nalliance,russia,armenia,\"[{\"\"doc\"\":\"\"doc\"\",\"\"page\"\":1}]\"\n",
			[]string{`ds/links.csv:2:4: sources: want a JSON list like [{"doc":"d","para":3,"note":"…"}]: json: unknown field "page"`}},
		{"missing link fields", "", "kind,from,to\nalliance,,\n",
			[]string{`ds/links.csv:2:2: a link needs from`, `ds/links.csv:2:3: a link needs to`}},
		{"missing column with hint", "", "kind,form,to\nalliance,russia,armenia\n",
			[]string{`ds/links.csv:1:1: a links file needs a "from" column (is "form" a misspelling?)`}},
		{"duplicate column", "", "kind,from,to,From\nalliance,russia,armenia,x\n",
			[]string{`ds/links.csv:1:4: duplicate column "From"`}},
		{"unnamed column", "", "kind,from,to,\nalliance,russia,armenia,x\n",
			[]string{`ds/links.csv:1:4: column 4 has no name`}},
		{"field count", "", "kind,from,to\nalliance,russia\nalliance,russia,armenia,extra\nalliance,russia,armenia\n",
			[]string{`ds/links.csv:2:1: the row has 2 fields, the header has 3`, `ds/links.csv:3:1: the row has 4 fields, the header has 3`}},
		{"bare quote", "", "kind,from,to\nalliance,rus\"sia,armenia\n",
			[]string{`ds/links.csv:2:13: malformed CSV: bare " in non-quoted-field`}},
		{"position after a multi-line field", "", "kind,from,to,note\nalliance,russia,armenia,\"two\nlines\"\nalliance,russia,armenya,x\n",
			[]string{`ds/links.csv:4:3: unknown actor "armenya" (did you mean "armenia"?)`}},
		{"duplicate derived link id", "", "kind,from,to,start\nalliance,russia,armenia,2010\nalliance,armenia,russia,2010\n",
			[]string{`ds/links.csv:3:1: duplicate link id "alliance:armenia:russia:2010": give one of the two links an explicit id (the other is at ds/links.csv:2:1)`}},
		{"duplicate actor", "id,name,kind\nrussia,Russia,country\nrussia,Russia again,country\n", "",
			[]string{`ds/actors.csv:3:1: duplicate actor id "russia"`}},
		{"unknown actor kind", "id,kind\nx,contry\n", "",
			[]string{`ds/actors.csv:2:2: unknown actor kind "contry" (did you mean "country"?)`}},
		{"unknown in", "id,kind,in\nx,city,rusia\nrussia,country,\n", "",
			[]string{`ds/actors.csv:2:3: unknown actor "rusia" (did you mean "russia"?)`}},
		{"route through unknown place", "id,kind,route,route_kind\nbaku,city,,\nbtc,infrastructure,baku|ceyhan,pipeline\n", "",
			[]string{`ds/actors.csv:3:3: route through unknown place "ceyhan"`}},
		{"bad route JSON", "id,kind,route,route_kind\nbtc,infrastructure,\"[\"\"baku\"\",\",pipeline\n", "",
			[]string{`ds/actors.csv:2:3: want items separated by '|' or a JSON list of strings: unexpected end of JSON input`}},
		{"actor without id", "id,kind\n,country\n", "", []string{`ds/actors.csv:2:1: an actor needs an id`}},
		{"attribute twice", "id,kind,attrs,capital\nx,country,\"{\"\"capital\"\":\"\"a\"\"}\",b\n", "",
			[]string{`ds/actors.csv:2:4: attribute "capital" is given both in its column and in attrs`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"sources.yaml": "sources:\n  - {id: doc, title: D}\n", "actors.csv": actors}
			if tt.actors != "" {
				files["actors.csv"] = tt.actors
			}
			if tt.links != "" {
				files["links.csv"] = tt.links
			}
			_, err := Load(Input{Label: "ds", FS: mapFS(files)})
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err = %v, want Problems", err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Error())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParseCSVFileProblems(t *testing.T) {
	tests := []struct {
		name, base, src string
		want            string
	}{
		{"binary", "links.csv", "kind,from\x00", "x.csv:1:10: not a CSV file: it holds binary data (a NUL byte)"},
		{"binary on a later line", "links.csv", "kind,from,to\nvisit,\"é\nx\x00", "x.csv:3:2: not a CSV file: it holds binary data (a NUL byte)"},
		{"invalid utf-8", "links.csv", "kind,from,to\n\xff,a,b\n", "x.csv:2:1: not a CSV file: it holds invalid UTF-8 (byte 0xff); save it as UTF-8"},
		{"invalid utf-8 before a NUL", "links.csv", "kind,from,to\nvisit,é\xe9,b\x00\n", "x.csv:2:8: not a CSV file: it holds invalid UTF-8 (byte 0xe9); save it as UTF-8"},
		{"empty", "actors.csv", " \n\n", "x.csv: empty file: a CSV dataset file starts with a header row naming its columns"},
		{"unknown shape", "people.csv", "name,age\nx,1\n", "x.csv:1:1: cannot tell whether this file holds actors or links: name it actors.csv or links.csv"},
		{"bad header quote", "links.csv", "kind,\"from\n", "x.csv:1:6: malformed CSV: the quoted field that starts here is not closed before the end of the file"},
		{"text after a closing quote", "links.csv", "kind,\"from\"x,to\n", "x.csv:1:12: malformed CSV: extraneous or missing \" in quoted-field"},
		{"header too long", "links.csv", "kind,from,to,x" + strings.Repeat("x", 64<<20) + "\n", "x.csv:1: the record is longer than 64 MiB, the most one CSV record may hold; nothing after it was read"},
		{"header too wide", "links.csv", "kind,from,to" + strings.Repeat(",x", 1<<16) + "\n", "x.csv:1: the record has more than 65536 fields, the most one CSV record may have; nothing after it was read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ps := parseCSV("x.csv", tt.base, []byte(tt.src))
			if c != nil || len(ps) != 1 || ps[0].Error() != tt.want {
				t.Errorf("parseCSV = %v, %q; want nil, %q", c != nil, ps, tt.want)
			}
		})
	}
	// A file named otherwise is recognised by its header, and a UTF-8 byte order mark is ignored.
	c, ps := parseCSV("x.csv", "export.csv", []byte("\uFEFFKind , From,TO\nvisit,a,b\n"))
	if len(ps) != 0 || c == nil || !c.isLinks || len(c.links) != 1 || c.col["to"] != 3 {
		t.Errorf("header detection: %v %v", ps, c)
	}
}

// genCSV writes a dataset of n links among nActors actors: actors.csv and links.csv.
func genCSV(n, nActors int) (actors, links []byte) {
	var a bytes.Buffer
	a.WriteString("id,name,kind,in,aliases\n")
	for i := range nActors {
		fmt.Fprintf(&a, "a%d,Actor %d,country,,\n", i, i)
	}
	var l bytes.Buffer
	l.Grow(n * 60)
	l.WriteString("kind,from,to,start,end,on,sign,weight,certainty\n")
	kinds := []string{"trade", "arms_sale", "alliance", "visit"}
	for i := range n {
		// Link i joins a(i mod nActors) to the actor i/nActors+1 places on, so no two links share a
		// derived id (kind, ends and date).
		from, to := i%nActors, (i%nActors+i/nActors+1)%nActors
		k := kinds[i%len(kinds)]
		if k == "visit" {
			fmt.Fprintf(&l, "%s,a%d,a%d,,,%04d-%02d-%02d,,,\n", k, from, to, 1000+i%1000, 1+i%12, 1+i%28)
		} else {
			fmt.Fprintf(&l, "%s,a%d,a%d,%04d,%04d-%02d,,,%d,confirmed\n", k, from, to, 1000+i%1000, 2000+i%24, 1+i%12, 1+i%3)
		}
	}
	return a.Bytes(), l.Bytes()
}

// BenchmarkLoadCSV loads generated CSV pairs. The target at a million links over 100,000 actors is
// 1 s on two cores (a links file that large is parsed on both).
func BenchmarkLoadCSV(b *testing.B) {
	sizes := []struct{ n, actors int }{{100_000, 10_000}, {1_000_000, 10_000}, {1_000_000, 100_000}}
	if testing.Short() { // CI runs every benchmark once, small
		sizes = []struct{ n, actors int }{{10_000, 1_000}}
	}
	for _, size := range sizes {
		n := size.n
		actors, links := genCSV(n, size.actors)
		fsys := fstest.MapFS{"actors.csv": {Data: actors}, "links.csv": {Data: links}}
		b.Run(fmt.Sprintf("links=%d/actors=%d", n, size.actors), func(b *testing.B) {
			b.SetBytes(int64(len(links)))
			for b.Loop() {
				g, err := Load(Input{FS: fsys})
				if err != nil {
					b.Fatal(err)
				}
				if g.NumLinks() != n {
					b.Fatalf("NumLinks = %d", g.NumLinks())
				}
			}
		})
	}
}

func BenchmarkParseCSVLinks(b *testing.B) {
	n := 1_000_000
	if testing.Short() {
		n = 10_000
	}
	_, links := genCSV(n, 10_000)
	b.SetBytes(int64(len(links)))
	for b.Loop() {
		c, ps := parseCSV("links.csv", "links.csv", links)
		if len(ps) > 0 || len(c.links) != n {
			b.Fatal(ps)
		}
	}
}

// FuzzCSV loads arbitrary actors.csv and links.csv files: it must never panic, every problem must have
// a position inside the file it names, and a dataset that loads must have as many links as rows read.
func FuzzCSV(f *testing.F) {
	for _, dir := range []string{"testdata/csv/good"} {
		a, _ := os.ReadFile(filepath.Join(dir, "actors.csv"))
		l, _ := os.ReadFile(filepath.Join(dir, "links.csv"))
		f.Add(a, l)
	}
	f.Add([]byte("id,kind\nx,country\ny,country\n"), []byte("kind,from,to,on,sources\nvisit,x,y,2016,\"[{\"\"doc\"\":\"\"d\"\"}]\"\n"))
	f.Add([]byte("id,kind,route,route_kind\nx,city,,\ny,city,,\np,infrastructure,x|y,pipeline\n"), []byte("kind,from,to\n\"a\nb\",x,y\n"))
	f.Add([]byte("\uFEFFid,kind,aliases\nx,country,\"[\"\"a|b\"\"]\"\n"), []byte("kind,from,to,weight,sign\ntrade,x,y,1e400,+1\n"))
	f.Fuzz(func(t *testing.T, actors, links []byte) {
		fsys := fstest.MapFS{"actors.csv": {Data: actors}, "links.csv": {Data: links}, "d.yaml": {Data: []byte("sources: [{id: d, title: D}]\n")}}
		g, err := Load(Input{Label: "ds", FS: fsys})
		var ps Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				var src []byte
				switch p.File {
				case "ds/actors.csv":
					src = actors
				case "ds/links.csv":
					src = links
				case "ds/d.yaml", "(dataset)":
					continue
				default:
					t.Fatalf("problem in unknown file: %v", p)
				}
				if p.Line < 0 || p.Line > bytes.Count(src, []byte("\n"))+1 || p.Col < 0 {
					t.Fatalf("problem outside its file: %v", p)
				}
			}
			return
		}
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		if c, _ := parseCSV("links.csv", "links.csv", links); c != nil && g.NumLinks() < len(c.links) {
			t.Fatalf("loaded %d links from %d rows", g.NumLinks(), len(c.links))
		}
		if strings.Contains(string(actors), "\x00") {
			t.Fatalf("binary file loaded")
		}
	})
}
