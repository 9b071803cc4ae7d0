package data

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/relgraph/relgraph/graph"
)

const baseYAML = `sources:
  - id: doc
    title: A document
    file: a.txt
actors:
  - id: russia
    name: Russia
    kind: country
  - id: armenia
    name: Armenia
    kind: country
`

func loadMap(t *testing.T, files map[string]string) error {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	_, err := Load(Input{Label: "ds", FS: fsys})
	return err
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name string
		file string // content of ds/x.yaml, loaded together with ds/base.yaml
		want []string
	}{
		{"unknown actor", `links:
  - kind: arms_sale
    from: rusia
    to: armenia
    sources: [{doc: doc, para: 1, note: n}]
`, []string{`ds/x.yaml:3:11: unknown actor "rusia" (did you mean "russia"?)`}},
		{"unknown role actor", `links:
  - kind: visit
    from: russia
    to: armenia
    roles: {host: armenai}
`, []string{`ds/x.yaml:5:19: unknown actor "armenai" (did you mean "armenia"?)`}},
		{"unknown role actor in a list", `links:
  - kind: visit
    from: russia
    to: armenia
    roles:
      participant: [armenia, rusia]
`, []string{`ds/x.yaml:6:20: unknown actor "rusia" (did you mean "russia"?)`}},
		{"unknown role", `links:
  - kind: visit
    from: russia
    to: armenia
    roles: {hots: armenia}
`, []string{`ds/x.yaml:5:19: unknown role "hots" (did you mean "host"?)`}},
		{"role given twice", `links:
  - kind: visit
    from: russia
    to: armenia
    roles: {participant: [armenia, armenia]}
`, []string{`ds/x.yaml:5:26: participant "armenia" is given twice`}},
		{"role not a mapping", `links:
  - kind: visit
    from: russia
    to: armenia
    roles: [armenia]
`, []string{`ds/x.yaml:5:12: want a mapping, found a list`}},
		{"unknown link kind", `links:
  - kind: arms_sales
    from: russia
    to: armenia
`, []string{`ds/x.yaml:2:11: unknown link kind "arms_sales" (did you mean "arms_sale"?)`}},
		{"unknown actor kind", `actors:
  - id: x
    kind: contry
`, []string{`ds/x.yaml:3:11: unknown actor kind "contry" (did you mean "country"?)`}},
		{"duplicate actor id", `actors:
  - id: russia
    kind: country
`, []string{`ds/x.yaml:2:9: duplicate actor id "russia"`}},
		{"bad month", `links:
  - kind: alliance
    from: russia
    to: armenia
    start: 2016-13
`, []string{`ds/x.yaml:5:12: bad date "2016-13": month 13 does not exist`}},
		{"impossible day", `links:
  - kind: visit
    from: russia
    to: armenia
    on: 2015-02-29
`, []string{`ds/x.yaml:5:9: bad date "2015-02-29": 2015-02 has no day 29`}},
		{"end before start", `links:
  - kind: alliance
    from: russia
    to: armenia
    start: 2016-08
    end: 2016-07
`, []string{`ds/x.yaml:6:10: end 2016-07 is before start 2016-08`}},
		{"self link", `links:
  - kind: visit
    from: russia
    to: russia
    on: 2016
`, []string{`ds/x.yaml:4:9: link from "russia" to itself`}},
		{"route through unknown place", `actors:
  - id: pipe
    kind: infrastructure
    route: [russia, armnia]
    route_kind: pipeline
`, []string{`ds/x.yaml:4:21: route through unknown place "armnia" (did you mean "armenia"?)`}},
		{"unknown document", `links:
  - kind: trade
    from: russia
    to: armenia
    sources:
      - doc: dco
        para: 3
        note: x
`, []string{`ds/x.yaml:6:14: unknown document "dco" (did you mean "doc"?)`}},
		{"unknown field", `links:
  - kind: trade
    form: russia
    to: armenia
`, []string{`ds/x.yaml:2:5: a link needs from:`, `ds/x.yaml:3:5: unknown field "form" (did you mean "from"?)`}},
		{"unknown section", `link:
  - kind: trade
`, []string{`ds/x.yaml:1:1: unknown field "link" (did you mean "links"?)`}},
		{"duplicate field", `links:
  - kind: trade
    from: russia
    from: armenia
    to: armenia
`, []string{`ds/x.yaml:4:5: duplicate field "from"`}},
		{"duplicate derived link id", `links:
  - kind: conflict
    from: russia
    to: armenia
    on: 2016-04
  - kind: conflict
    from: armenia
    to: russia
    on: 2016-04
`, []string{`ds/x.yaml:6:5: duplicate link id "conflict:armenia:russia:2016-04": give one of the two links an explicit id (the other is at ds/x.yaml:2:5)`}},
		{"malformed YAML", "links:\n  - kind: trade\n    from: [russia\n", []string{`ds/x.yaml:2: malformed YAML: did not find expected ',' or ']'`}},
		{"bad indentation", "links:\n  - kind: trade\n   from: x\n", []string{`ds/x.yaml:1: malformed YAML: did not find expected '-' indicator`}},
		{"not a mapping", "- a\n- b\n", []string{`ds/x.yaml:1:1: a dataset file is a mapping of sections (actors:, links:, sources:, kinds:), not a list`}},
		{"empty", "  \n", []string{`ds/x.yaml: empty file: a dataset file holds sections actors:, links:, sources: or kinds:`}},
		{"binary", "\x00\x01\x02PNG", []string{`ds/x.yaml:1:1: not a YAML file: it holds binary data (a NUL byte)`}},
		{"plain text", "hello world, this is not yaml", []string{`ds/x.yaml:1:1: a dataset file is a mapping of sections (actors:, links:, sources:, kinds:), not a scalar`}},
		{"wrong shape", "links: {kind: trade}\n", []string{`ds/x.yaml:1:8: want a list of links, found a mapping`}},
		{"bad sign", `links:
  - kind: trade
    from: russia
    to: armenia
    sign: 2
`, []string{`ds/x.yaml:5:11: sign 2 is not -1, 0 or 1`}},
		{"bad certainty", `links:
  - kind: trade
    from: russia
    to: armenia
    certainty: rumoured
`, []string{`ds/x.yaml:5:16: unknown certainty "rumoured" (want reported, alleged, confirmed or planned)`}},
		{"bad paragraph", `links:
  - kind: trade
    from: russia
    to: armenia
    sources: [{doc: doc, para: three}]
`, []string{`ds/x.yaml:5:32: paragraph "three" is not a whole number`}},
		{"in unknown", `actors:
  - id: gyumri
    kind: city
    in: armena
`, []string{`ds/x.yaml:4:9: unknown actor "armena" (did you mean "armenia"?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := loadMap(t, map[string]string{"base.yaml": baseYAML, "x.yaml": tt.file})
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Load error = %v, want Problems", err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLoadGood(t *testing.T) {
	in, err := PathInput("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load(in)
	if err != nil {
		t.Fatal(err)
	}
	if g.NumActors() != 7 || g.NumLinks() != 7 {
		t.Errorf("loaded %d actors, %d links; want 7, 7", g.NumActors(), g.NumLinks())
	}
	lk, ok := g.Kinds().Link("military_exercise")
	if !ok || lk.Directed || lk.Sign != 1 {
		t.Errorf("declared kind = %+v, %v", lk, ok)
	}
	ru, _ := g.ActorIndex("russia")
	tr, _ := g.ActorIndex("turkey")
	ls := g.LinksBetween(ru, tr)
	if len(ls) != 1 || g.Link(ls[0]).Sign != 1 {
		t.Errorf("the sign of a declared kind applies by default")
	}
}

func TestLoadMergesFilesAndInputs(t *testing.T) {
	a := fstest.MapFS{"a.yaml": {Data: []byte(baseYAML)}}
	b := fstest.MapFS{"b.yaml": {Data: []byte("links:\n  - {kind: trade, from: russia, to: armenia, sources: [{doc: doc, para: 2, note: n}]}\n")}}
	g, err := Load(Input{Label: "a", FS: a}, Input{Label: "b", FS: b})
	if err != nil {
		t.Fatal(err)
	}
	if g.NumLinks() != 1 || g.Link(0).Sources[0].Para != 2 {
		t.Errorf("merge failed: %d links", g.NumLinks())
	}
	// A problem in the second input is reported in its file.
	c := fstest.MapFS{"c.yaml": {Data: []byte("links:\n  - {kind: trade, from: russia, to: armnia}\n")}}
	_, err = Load(Input{Label: "a", FS: a}, Input{Label: "c", FS: c})
	if err == nil || err.Error() != `c/c.yaml:2:37: unknown actor "armnia" (did you mean "armenia"?)` {
		t.Errorf("error = %v", err)
	}
}

func TestPassage(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("Title\n\nFirst para.\n  \nSecond para.\nThird.")}}
	for _, tt := range []struct {
		para int
		want string
	}{{1, "Title"}, {2, "First para."}, {3, "Second para."}, {4, "Third."}} {
		if got, err := Passage(fsys, "a.txt", tt.para); err != nil || got != tt.want {
			t.Errorf("Passage(%d) = %q, %v", tt.para, got, err)
		}
	}
	if _, err := Passage(fsys, "a.txt", 5); err == nil || err.Error() != "a.txt has 4 paragraphs, not 5" {
		t.Errorf("Passage(5) error = %v", err)
	}
}

func FuzzLoadYAML(f *testing.F) {
	f.Add([]byte(baseYAML))
	f.Add([]byte("links:\n  - kind: trade\n    from: russia\n    to: armenia\n    start: 2016-13\n"))
	f.Add([]byte("actors: [{id: a, kind: country, route: [a, b], route_kind: pipeline}]"))
	f.Add([]byte("kinds: {links: [{id: x, directed: true, sign: -1}]}\nlinks: [{kind: x, from: russia, to: armenia}]"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"base.yaml": {Data: []byte(baseYAML)}, "x.yaml": {Data: src}}
		g, err := Load(Input{Label: "ds", FS: fsys})
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not Problems: %v", err)
			}
			for _, p := range ps {
				if !strings.HasPrefix(p.File, "ds/") || p.Message == "" {
					t.Fatalf("problem without a file or message: %+v", p)
				}
			}
			return
		}
		if g.NumActors() < 2 {
			t.Fatalf("lost actors of base.yaml")
		}
	})
}

// TestEmbeddedSnapshotCurrent checks that the embedded snapshot was generated from the YAML sources as
// they are (run `go generate ./data` after editing data/caucasus).
func TestEmbeddedSnapshotCurrent(t *testing.T) {
	var want bytes.Buffer
	if err := WriteEmbeddedSnapshot(&want); err != nil {
		t.Fatal(err)
	}
	got, err := fs.ReadFile(caucasusSnapshot, EmbeddedSnapshotFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("%s is stale: run go generate ./data", EmbeddedSnapshotFile)
	}
	// And it loads into the same graph as the sources.
	a, err := Load(EmbeddedInput())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Load(EmbeddedSourceInput())
	if d := graph.Diff(b, a); a.NumActors() != b.NumActors() || a.NumLinks() != b.NumLinks() || len(d.Links.Added)+len(d.Links.Removed)+len(d.Links.Changed)+len(d.Actors.Added)+len(d.Actors.Removed)+len(d.Actors.Changed) != 0 {
		t.Errorf("the snapshot loads %d actors and %d links, the sources %d and %d; diff %+v", a.NumActors(), a.NumLinks(), b.NumActors(), b.NumLinks(), d)
	}
}
