package importer_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/importer"
)

// fullMapping sets every field of a mapping, for round trips.
func fullMapping() *importer.Mapping {
	return &importer.Mapping{
		Kinds: importer.KindDecls{
			Links:  []importer.LinkKindDecl{{ID: "pact", Sign: 1, Meaning: "a pact"}, {ID: "flow", Directed: true, Color: "#123456", Style: "dashed", Transport: true}},
			Actors: []importer.ActorKindDecl{{ID: "bloc", Meaning: "a bloc"}},
		},
		Actors: []importer.ActorSpec{{Source: importer.Source{File: "cow/states.csv", Delimiter: ";", Missing: []string{"-9"}, Where: []string{"version=2016"}},
			ID: "ccode", Name: "statenme", Kind: "country", Attrs: []string{"stateabb=abb"}, Lookup: true}},
		Links: []importer.LinkSpec{
			{Source: importer.Source{File: "atop.csv.gz"}, From: cols("ccode1"), To: cols("ccode2"), KindFrom: []string{"atop_defense=alliance", "atop_consul=pact"},
				On: "year", CollapseYears: true, OpenEnd: true},
			{Source: importer.Source{File: "gem.csv", Delimiter: "tab"}, From: cols("code", "name"), To: cols("to"), KindCol: "k", KindFrom: []string{"k:gas=flow"},
				Start: "s", End: "e", Precision: "month", Weight: "w", Sign: "hostile:yes=-1", Certainty: "Status:Proposed=planned",
				Attrs: []string{"PipelineName=name"}, Via: "Countries", ViaSep: "|", ActorKind: "region", NewActors: true},
		},
		SkipBad: true,
	}
}

func TestMappingYAMLRoundTrip(t *testing.T) {
	m := fullMapping()
	y, err := m.YAML()
	if err != nil {
		t.Fatal(err)
	}
	if !importer.IsMapping(y) {
		t.Errorf("IsMapping(YAML()) = false")
	}
	back, err := importer.ParseMapping(y)
	if err != nil {
		t.Fatalf("ParseMapping: %v\n%s", err, y)
	}
	if !reflect.DeepEqual(back, m) {
		t.Errorf("round trip changed the mapping:\n%s\n%+v\nwant\n%+v", y, back, m)
	}
	again, _ := back.YAML()
	if !bytes.Equal(again, y) {
		t.Errorf("second YAML differs:\n%s\nfirst:\n%s", again, y)
	}
}

func TestParseMapping(t *testing.T) {
	tests := []struct {
		name, src string
		want      *importer.Mapping
		err       string
	}{
		{"one spec as a mapping, columns as a scalar", "import:\n  links: {file: a.csv, from: x, to: 'y,z', kind: trade}\n",
			&importer.Mapping{Links: []importer.LinkSpec{{Source: importer.Source{File: "a.csv"}, From: cols("x"), To: cols("y", "z"), Kind: "trade"}}}, ""},
		{"on needs no quotes", "import:\n  links:\n    - {file: a.csv, from: x, to: y, kind: visit, on: year}\n",
			&importer.Mapping{Links: []importer.LinkSpec{{Source: importer.Source{File: "a.csv"}, From: cols("x"), To: cols("y"), Kind: "visit", On: "year"}}}, ""},
		{"unknown field", "import:\n  links:\n    - file: a.csv\n      form: x\n", nil, `line 4: unknown field "form" (did you mean "from"?)`},
		{"nothing to import", "import: {}\n", nil, "nothing to import"},
		{"missing kind", "import:\n  links: [{file: a.csv, from: x, to: y}]\n", nil, "links[0]: the links need a kind"},
		{"unknown kind with a hint", "import:\n  links: [{file: a.csv, from: x, to: y, kind: alliances}]\n", nil, `unknown link kind "alliances" (did you mean "alliance"?)`},
		{"declared kind", "import:\n  kinds: {links: [{id: pact, directed: false, sign: 1}]}\n  links: [{file: a.csv, from: x, to: y, kind: pact}]\n",
			&importer.Mapping{Kinds: importer.KindDecls{Links: []importer.LinkKindDecl{{ID: "pact", Sign: 1}}},
				Links: []importer.LinkSpec{{Source: importer.Source{File: "a.csv"}, From: cols("x"), To: cols("y"), Kind: "pact"}}}, ""},
		{"on and start", "import:\n  links: [{file: a.csv, from: x, to: y, kind: trade, on: a, start: b}]\n", nil, "on (events) excludes start/end"},
		{"collapse without dates", "import:\n  links: [{file: a.csv, from: x, to: y, kind: trade, collapse_years: true}]\n", nil, "collapse_years needs dates"},
		{"bad rule", "import:\n  links: [{file: a.csv, from: x, to: y, kind_from: [defense]}]\n", nil, `kind_from "defense": want COL=kind`},
		{"bad delimiter", "import:\n  links: [{file: a.csv, from: x, to: y, kind: trade, delimiter: '::'}]\n", nil, `delimiter "::"`},
		{"attribute with a reserved name", "import:\n  links: [{file: a.csv, from: x, to: y, kind: trade, attrs: [year=start]}]\n", nil, `attribute "start" has the name of a links.csv column`},
		{"bad sign map", "import:\n  links: [{file: a.csv, from: x, to: y, kind: trade, sign: 'h:yes=2'}]\n", nil, `sign "2" is not -1, 0 or 1`},
		{"bad certainty", "import:\n  links: [{file: a.csv, from: x, to: y, kind: trade, certainty: 's:a=sure'}]\n", nil, `unknown certainty "sure"`},
		{"actor table needs a key", "import:\n  actors: [{file: s.csv, name: n}]\n", nil, "actors[0]: id: (the key column) is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := importer.ParseMapping([]byte(tt.src))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(m, tt.want) {
				t.Errorf("got  %+v\nwant %+v", m, tt.want)
			}
		})
	}
}

func TestIsMapping(t *testing.T) {
	for src, want := range map[string]bool{
		"import:\n  links: []\n":                 true,
		"# a mapping\nimport:\n":                 true,
		"actors:\n  - id: x\n":                   false,
		"links:\n  - {kind: x, note: 'import:'}": false,
	} {
		if got := importer.IsMapping([]byte(src)); got != want {
			t.Errorf("IsMapping(%q) = %v", src, got)
		}
	}
}

func TestUnknownColumn(t *testing.T) {
	_, err := run(t, links("f.csv", importer.LinkSpec{From: cols("suplier"), To: cols("recipient"), Kind: "trade"}), map[string]string{"f.csv": "supplier,recipient\nx,y\n"})
	if !errors.Is(err, importer.ErrMapping) || !strings.Contains(err.Error(), `from: no column "suplier" (did you mean "supplier"?) (columns: supplier, recipient)`) {
		t.Errorf("error %v", err)
	}
	// Columns match ignoring case and punctuation.
	ds := mustRun(t, links("f.csv", importer.LinkSpec{From: cols("SUPPLIER"), To: cols("recipient id"), Kind: "trade"}), map[string]string{"f.csv": "Supplier,Recipient_ID\nx,y\n"})
	if ds.NumLinks() != 1 {
		t.Errorf("%d links, want 1", ds.NumLinks())
	}
}

func TestGzipInput(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte("ccode1,ccode2,year,dyadigos\n365,373,2001,40\n365,373,2002,41\n"))
	zw.Close()
	spec := importer.LinkSpec{From: cols("ccode1"), To: cols("ccode2"), Kind: "trade", On: "year", Weight: "dyadigos", CollapseYears: true}
	ds := mustRun(t, links("igo.csv.gz", spec), map[string]string{"igo.csv.gz": b.String()})
	if got, want := linksText(t, ds), "trade,365,373,2001,2002,,,41,\n"; got != want {
		t.Errorf("links.csv %q, want %q", got, want)
	}
	if ds.Stats.Bytes != int64(b.Len()) {
		t.Errorf("bytes %d, want the compressed size %d", ds.Stats.Bytes, b.Len())
	}
}

func TestProgress(t *testing.T) {
	var calls int
	var last int64
	m := links("f.csv", importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "trade"})
	fsys := fstest.MapFS{"f.csv": {Data: []byte("a,b\n" + strings.Repeat("x,y\n", 10000))}}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.csv"), fsys["f.csv"].Data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := importer.Run(m, importer.Options{Dir: dir, Progress: func(file string, done, total int64) {
		calls++
		last = done
		if total != int64(len(fsys["f.csv"].Data)) || file != "f.csv" {
			t.Errorf("progress(%q, %d, %d)", file, done, total)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 3 || last != int64(len(fsys["f.csv"].Data)) {
		t.Errorf("%d progress calls, last at %d", calls, last)
	}
}

func TestWriteDir(t *testing.T) {
	m := &importer.Mapping{
		Kinds: importer.KindDecls{Links: []importer.LinkKindDecl{{ID: "pact", Sign: 1}}},
		Links: []importer.LinkSpec{{Source: importer.Source{File: "f.csv"}, From: cols("a"), To: cols("b"), Kind: "pact", Attrs: []string{"n"}}},
	}
	ds := mustRun(t, m, map[string]string{"f.csv": "a,b,n\nx,\"Y, Inc.\",\"say \"\"hi\"\"\"\n"})
	out := filepath.Join(t.TempDir(), "out")
	if err := ds.WriteDir(out); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"actors.csv": "id,name,kind,in,aliases\nx,x,country,,\ny-inc,\"Y, Inc.\",country,,\n",
		"links.csv":  "kind,from,to,start,end,on,sign,weight,certainty,n\npact,x,y-inc,,,,,,,\"say \"\"hi\"\"\"\n",
		"kinds.yaml": "kinds:\n  links:\n    - id: pact\n      directed: false\n      sign: 1\n",
	} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || string(got) != want {
			t.Errorf("%s: %q (%v)\nwant %q", name, got, err, want)
		}
	}
	// It loads as a dataset, attributes and all.
	g, err := data.Load(data.Input{Label: out, FS: os.DirFS(out)})
	if err != nil {
		t.Fatal(err)
	}
	if l := g.Link(0); l.Kind != "pact" || l.Attrs["n"] != `say "hi"` || g.Actor(1).Name != "Y, Inc." {
		t.Errorf("loaded %+v", l)
	}
	// Writing again replaces the directory; a directory holding other files is refused.
	if err := ds.WriteDir(out); err != nil {
		t.Errorf("rewriting: %v", err)
	}
	os.WriteFile(filepath.Join(out, "notes.txt"), nil, 0o644)
	if err := ds.WriteDir(out); err == nil || !strings.Contains(err.Error(), `holds "notes.txt"`) {
		t.Errorf("replacing a foreign directory: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary directories left behind: %v", entries)
	}
}

// TestOpenAsDataset checks the hook that lets a mapping file load as a dataset: Open imports it into an
// in-memory dataset directory that data.Load reads.
func TestOpenAsDataset(t *testing.T) {
	fsys := fstest.MapFS{
		"m/region.yaml": {Data: []byte("import:\n  kinds: {links: [{id: pact, sign: 1}]}\n  links:\n    - {file: ../src/a.csv, from: a, to: b, kind: pact, on: y}\n")},
		"src/a.csv":     {Data: []byte("a,b,y\nArmenia,Russia,2001\n")},
	}
	sub, err := importer.Open(fsys, "m/region.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	g, err := data.Load(data.Input{Label: "m/region.yaml", FS: sub})
	if err != nil {
		t.Fatal(err)
	}
	if g.NumLinks() != 1 || g.Link(0).ID != "pact:armenia:russia:2001" {
		t.Errorf("loaded %d links: %+v", g.NumLinks(), g.Link(0))
	}
	// A file outside the file system needs the directory it was made from.
	fsys["m/out.yaml"] = &fstest.MapFile{Data: []byte("import:\n  links: [{file: ../../a.csv, from: a, to: b, kind: trade}]\n")}
	if _, err := importer.Open(fsys, "m/out.yaml", ""); err == nil || !strings.Contains(err.Error(), "outside the dataset directory") {
		t.Errorf("error %v", err)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "x", "m"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("a,b\np,q\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "x", "m", "out.yaml"), fsys["m/out.yaml"].Data, 0o644)
	sub, err = importer.Open(os.DirFS(filepath.Join(dir, "x")), "m/out.yaml", filepath.Join(dir, "x"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := fsReadFile(sub, "links.csv"); !strings.Contains(b, "trade,p,q") {
		t.Errorf("links.csv %q", b)
	}
}
