package importer_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/relgraph/relgraph/data/importer"
)

// run imports m with its files taken from files (name → content).
func run(t testing.TB, m *importer.Mapping, files map[string]string) (*importer.Dataset, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, content := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	return importer.Run(m, importer.Options{Open: func(name string) (io.ReadCloser, error) { return fsys.Open(name) }})
}

func mustRun(t testing.TB, m *importer.Mapping, files map[string]string) *importer.Dataset {
	t.Helper()
	ds, err := run(t, m, files)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return ds
}

// linksText returns links.csv without its header, one line per link.
func linksText(t testing.TB, ds *importer.Dataset) string {
	t.Helper()
	var b bytes.Buffer
	if err := ds.WriteLinks(&b); err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(b.String(), "\n")
	return rest
}

func actorsText(t testing.TB, ds *importer.Dataset) string {
	t.Helper()
	var b bytes.Buffer
	if err := ds.WriteActors(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func links(file string, spec importer.LinkSpec) *importer.Mapping {
	spec.File = file
	return &importer.Mapping{Links: []importer.LinkSpec{spec}}
}

func cols(c ...string) importer.Columns { return importer.Columns(c) }

// TestLinkMapping checks each field of a link mapping on a small file: the links.csv rows it gives
// (kind,from,to,start,end,on,sign,weight,certainty, then attributes).
func TestLinkMapping(t *testing.T) {
	const transfers = "supplier,recipient,year,value,hostile,status,note\n" +
		"Russia,Armenia,2016,100,0,Operating,first\n" +
		"Russia,Azerbaijan, 2016 ,5.5,1,Proposed,\n" +
		"Israel,Azerbaijan,2016.0,--,,Operating,NA\n"
	tests := []struct {
		name string
		spec importer.LinkSpec
		file string
		want string
	}{
		{"kind and on", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", On: "year"}, transfers,
			"arms_sale,israel,azerbaijan,,,2016,,,\narms_sale,russia,armenia,,,2016,,,\narms_sale,russia,azerbaijan,,,2016,,,\n"},
		{"weight, missing weight is 1", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", Weight: "value"}, transfers,
			"arms_sale,israel,azerbaijan,,,,,,\narms_sale,russia,armenia,,,,,100,\narms_sale,russia,azerbaijan,,,,,5.5,\n"},
		{"constant sign", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", Sign: "-1"}, transfers,
			"arms_sale,israel,azerbaijan,,,,-1,,\narms_sale,russia,armenia,,,,-1,,\narms_sale,russia,azerbaijan,,,,-1,,\n"},
		{"sign from a column with a value map", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "trade", Sign: "hostile:1=-1,0=1"}, transfers,
			"trade,armenia,russia,,,,,,\ntrade,azerbaijan,israel,,,,,,\ntrade,azerbaijan,russia,,,,-1,,\n"},
		{"constant certainty", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", Certainty: "alleged"}, transfers,
			"arms_sale,israel,azerbaijan,,,,,,alleged\narms_sale,russia,armenia,,,,,,alleged\narms_sale,russia,azerbaijan,,,,,,alleged\n"},
		{"certainty map", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", Certainty: "status:Operating=confirmed,Proposed=planned"}, transfers,
			"arms_sale,israel,azerbaijan,,,,,,confirmed\narms_sale,russia,armenia,,,,,,confirmed\narms_sale,russia,azerbaijan,,,,,,planned\n"},
		{"attrs, renamed, missing left out", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", Attrs: []string{"note=comment", "value"}}, transfers,
			"arms_sale,israel,azerbaijan,,,,,,,,\narms_sale,russia,armenia,,,,,,,first,100\narms_sale,russia,azerbaijan,,,,,,,,5.5\n"},
		{"where keeps", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", Source: importer.Source{Where: []string{"supplier=russia"}}}, transfers,
			"arms_sale,russia,armenia,,,,,,\narms_sale,russia,azerbaijan,,,,,,\n"},
		{"where drops", importer.LinkSpec{From: cols("supplier"), To: cols("recipient"), Kind: "arms_sale", Source: importer.Source{Where: []string{"status!=Proposed,Cancelled"}}}, transfers,
			"arms_sale,israel,azerbaijan,,,,,,\narms_sale,russia,armenia,,,,,,\n"},
		{"kind from a column", importer.LinkSpec{From: cols("a"), To: cols("b"), KindCol: "k"}, "a,b,k\nx,y,Trade\nx,z,conflict\n",
			"conflict,x,z,,,,,,\ntrade,x,y,,,,,,\n"},
		{"kind column with a value map", importer.LinkSpec{From: cols("a"), To: cols("b"), KindCol: "k", KindFrom: []string{"k:war=conflict"}}, "a,b,k\nx,y,war\nx,z,trade\n",
			"conflict,x,y,,,,,,\ntrade,x,z,,,,,,\n"},
		{"indicator columns give one link each", importer.LinkSpec{From: cols("a"), To: cols("b"), On: "year",
			KindFrom: []string{"def=alliance", "off=alliance", "consul=trade"}}, "a,b,year,def,off,consul\nx,y,2001,1,1,1\nx,z,2001,0,0,0\nx,w,2001,0,true,no\n",
			"alliance,w,x,,,2001,,,\nalliance,x,y,,,2001,,,\ntrade,x,y,,,2001,,,\n"},
		{"value rules", importer.LinkSpec{From: cols("a"), To: cols("b"), KindFrom: []string{"t:A=trade", "t:B=conflict"}}, "a,b,t\nx,y,a\nx,z,C\n",
			"trade,x,y,,,,,,\n"},
		{"start and end, month precision", importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "alliance", Start: "s", End: "e", Precision: "month"},
			"a,b,s,e\nx,y,1991-12-01,2016-12-01\nx,z,1991-12-01T00:00:00,\nv,w,,2001/02/03\n",
			"alliance,v,w,,2001-02,,,,\nalliance,x,y,1991-12,2016-12,,,,\nalliance,x,z,1991-12,,,,,\n"},
		{"year precision", importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "visit", On: "d", Precision: "year"}, "a,b,d\nx,y,2016-08-08\n",
			"visit,x,y,,,2016,,,\n"},
		{"semicolons and quotes", importer.LinkSpec{Source: importer.Source{Delimiter: ";"}, From: cols("Start"), To: cols("End"), Kind: "pipeline", Attrs: []string{"Parent"}},
			"Start;End;Parent\nRussia;Turkey;\"Gazprom (50%); Botas (50%)\"\n", "pipeline,russia,turkey,,,,,,,Gazprom (50%); Botas (50%)\n"},
		{"tab delimiter", importer.LinkSpec{Source: importer.Source{Delimiter: "tab"}, From: cols("a"), To: cols("b"), Kind: "trade"}, "a\tb\nx y\tz\n",
			"trade,x-y,z,,,,,,\n"},
		{"missing values", importer.LinkSpec{Source: importer.Source{Missing: []string{"?"}}, From: cols("a"), To: cols("b"), Kind: "alliance", Start: "s"},
			"a,b,s\nx,y,?\n", "alliance,x,y,,,,,,\n"},
		{"via splits into segments", importer.LinkSpec{Source: importer.Source{Delimiter: ";"}, From: cols("from"), To: cols("to"), Via: "countries", Kind: "pipeline", Start: "year"},
			"from;to;countries;year\nAzerbaijan;Turkey;Azerbaijan, Georgia, Turkey;2006.0\nRussia;Armenia;Russia,Georgia,Armenia;1965\n",
			"pipeline,azerbaijan,georgia,2006,,,,,\npipeline,georgia,armenia,1965,,,,,\npipeline,georgia,turkey,2006,,,,,\npipeline,russia,georgia,1965,,,,,\n"},
		{"via with its own separator", importer.LinkSpec{From: cols("from"), To: cols("to"), Via: "v", ViaSep: "|", Kind: "railway"}, "from,to,v\na,c,b|d\n",
			"railway,a,b,,,,,,\nrailway,b,d,,,,,,\nrailway,c,d,,,,,,\n"},
		{"links to self are dropped", importer.LinkSpec{Source: importer.Source{Delimiter: ";"}, From: cols("from"), To: cols("to"), Kind: "pipeline"},
			"from;to\nUSA;USA\nUSA;Canada\n", "pipeline,usa,canada,,,,,,\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := mustRun(t, links("f.csv", tt.spec), map[string]string{"f.csv": tt.file})
			if got := linksText(t, ds); got != tt.want {
				t.Errorf("links.csv:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestStats(t *testing.T) {
	spec := importer.LinkSpec{From: cols("a"), To: cols("b"), On: "y", KindFrom: []string{"d=alliance"}, Source: importer.Source{Where: []string{"keep=1"}}}
	const file = "a,b,y,d,keep\nx,y,2001,1,1\ny,x,2001,1,1\nx,x,2002,1,1\nx,z,2003,0,1\nx,w,2004,1,0\n"
	ds := mustRun(t, links("f.csv", spec), map[string]string{"f.csv": file})
	// z (no kind) and w (filtered out) never become actors.
	want := importer.Stats{Files: 1, Bytes: int64(len(file)), Rows: 5, Filtered: 1, NoKind: 1, SelfLinks: 1, Mirrored: 1, Actors: 2, Links: 1}
	if ds.Stats != want {
		t.Errorf("stats %+v\nwant  %+v", ds.Stats, want)
	}
}

const states = "stateabb,ccode,statenme,styear\n" +
	"RUS,365,Russia,1816\n" +
	"ARM,371,Armenia,1991\n" +
	"AZE,373,Azerbaijan,1991\n" +
	"GRG,372,Georgia,1991\n" +
	"GRG,372,Georgia,1992\n" +
	"YAR,678,Yemen Arab Republic,1926\n" +
	"YEM,679,Yemen,1990\n" +
	"GMY,255,Germany,1816\n" +
	"GFR,260,German Federal Republic,1955\n" +
	"GMY,255,Germany,1990\n" +
	"XXX,999,Russia,2000\n"

// TestActorTables checks actor tables: ids are slugs of names made unique with the key, the key is kept
// in attrs, a repeated key keeps its last name, and lookup tables only keep the actors links use.
func TestActorTables(t *testing.T) {
	t.Run("import actors", func(t *testing.T) {
		m := &importer.Mapping{Actors: []importer.ActorSpec{{Source: importer.Source{File: "s.csv"}, ID: "ccode", Name: "statenme", Attrs: []string{"stateabb=abb"}}}}
		ds := mustRun(t, m, map[string]string{"s.csv": states})
		want := "id,name,kind,in,aliases,abb,ccode\n" +
			"armenia,Armenia,country,,,ARM,371\n" +
			"azerbaijan,Azerbaijan,country,,,AZE,373\n" +
			"georgia,Georgia,country,,,GRG,372\n" +
			"german-federal-republic,German Federal Republic,country,,,GFR,260\n" +
			"germany,Germany,country,,,GMY,255\n" +
			"russia,Russia,country,,,RUS,365\n" +
			"russia-999,Russia,country,,,XXX,999\n" +
			"yemen,Yemen,country,,,YEM,679\n" +
			"yemen-arab-republic,Yemen Arab Republic,country,,,YAR,678\n"
		if got := actorsText(t, ds); got != want {
			t.Errorf("actors.csv:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("last name wins, earlier names are aliases", func(t *testing.T) {
		m := &importer.Mapping{Actors: []importer.ActorSpec{{Source: importer.Source{File: "s.csv"}, ID: "code", Name: "name", KindCol: "kind"}}}
		ds := mustRun(t, m, map[string]string{"s.csv": "code,name,kind\n1,Zaire,country\n1,Congo (Kinshasa),country\n2,OSCE,Organization\n"})
		want := "id,name,kind,in,aliases,code\ncongo-kinshasa,Congo (Kinshasa),country,,Zaire,1\nosce,OSCE,organization,,,2\n"
		if got := actorsText(t, ds); got != want {
			t.Errorf("actors.csv:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("lookup table by code and by name", func(t *testing.T) {
		m := &importer.Mapping{
			Actors: []importer.ActorSpec{{Source: importer.Source{File: "s.csv"}, ID: "ccode", Name: "statenme", Lookup: true},
				{Source: importer.Source{File: "aka.csv"}, ID: "ccode", Name: "name", Lookup: true}},
			Links: []importer.LinkSpec{{Source: importer.Source{File: "l.csv"}, From: cols("a"), To: cols("b"), Kind: "trade"}},
		}
		ds := mustRun(t, m, map[string]string{"s.csv": states, "aka.csv": "ccode,name\n373,Azərbaycan\n", "l.csv": "a,b\n365,AZƏRBAYCAN\nGeorgia,371\n"})
		if got, want := linksText(t, ds), "trade,armenia,georgia,,,,,,\ntrade,azerbaijan,russia,,,,,,\n"; got != want {
			t.Errorf("links.csv:\n%s\nwant:\n%s", got, want)
		}
		want := "id,name,kind,in,aliases,ccode\narmenia,Armenia,country,,,371\nazerbaijan,Azerbaijan,country,,Azərbaycan,373\n" +
			"georgia,Georgia,country,,,372\nrussia,Russia,country,,,365\n"
		if got := actorsText(t, ds); got != want {
			t.Errorf("actors.csv:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("several end columns and new actors", func(t *testing.T) {
		m := &importer.Mapping{
			Actors: []importer.ActorSpec{{Source: importer.Source{File: "s.csv"}, ID: "ccode", Name: "statenme", Lookup: true}},
			Links: []importer.LinkSpec{{Source: importer.Source{File: "l.csv"}, From: cols("sc", "sn"), To: cols("rc", "rn"), Kind: "arms_sale",
				NewActors: true, ActorKind: "organization"}},
		}
		ds := mustRun(t, m, map[string]string{"s.csv": states, "l.csv": "sc,sn,rc,rn\n365,Soviet Union,373,Azerbaijan\nNA,Unknown supplier(s),NA,NATO**\n"})
		if got, want := linksText(t, ds), "arms_sale,russia,azerbaijan,,,,,,\narms_sale,unknown-supplier-s,nato,,,,,,\n"; got != want {
			t.Errorf("links.csv:\n%s\nwant:\n%s", got, want)
		}
		if got := actorsText(t, ds); !strings.Contains(got, "nato,NATO**,organization,,,\n") {
			t.Errorf("actors.csv lacks the new actor nato:\n%s", got)
		}
	})
	t.Run("unknown keys are bad rows without new_actors", func(t *testing.T) {
		m := &importer.Mapping{
			Actors: []importer.ActorSpec{{Source: importer.Source{File: "s.csv"}, ID: "ccode", Name: "statenme", Lookup: true}},
			Links:  []importer.LinkSpec{{Source: importer.Source{File: "l.csv"}, From: cols("a"), To: cols("b"), Kind: "trade"}},
		}
		_, err := run(t, m, map[string]string{"s.csv": states, "l.csv": "a,b\n365,373\n365,NA\n365,324\n"})
		want := "2 bad row(s):\nl.csv:3: column \"b\": missing to actor\n" +
			"l.csv:4: column \"b\": unknown actor \"324\": no actor table has it as a key or name"
		if err == nil || err.Error() != want {
			t.Errorf("error:\n%v\nwant:\n%s", err, want)
		}
	})
}

// TestCollapseYears checks that consecutive years merge into spells, gaps split them, a pair listed in
// both directions gives one link, and open_end leaves the data's horizon open.
func TestCollapseYears(t *testing.T) {
	const atop = "ccode1,ccode2,year,atop_defense,atop_consul\n" +
		"373,365,1993,1,0\n365,373,1993,1,0\n" +
		"373,365,1994,1,1\n365,373,1994,1,1\n" +
		"373,365,1995,1,1\n365,373,1995,1,1\n" +
		"373,365,1998,1,1\n365,373,1998,1,1\n" + // a gap: 1996-1997
		"373,365,1999,1,1\n365,373,1999,1,1\n" +
		"371,373,2001,1,0\n" +
		"371,373,2003,1,0\n"
	tests := []struct {
		name string
		spec importer.LinkSpec
		file string
		want string
	}{
		{"spells", importer.LinkSpec{From: cols("ccode1"), To: cols("ccode2"), On: "year", CollapseYears: true,
			KindFrom: []string{"atop_defense=alliance", "atop_consul=trade"}}, atop,
			"alliance,365,373,1993,1995,,,,\nalliance,365,373,1998,1999,,,,\nalliance,371,373,2001,2001,,,,\nalliance,371,373,2003,2003,,,,\n" +
				"trade,365,373,1994,1995,,,,\ntrade,365,373,1998,1999,,,,\n"},
		{"open end at the horizon", importer.LinkSpec{From: cols("ccode1"), To: cols("ccode2"), On: "year", CollapseYears: true, OpenEnd: true,
			KindFrom: []string{"atop_defense=alliance"}}, atop,
			"alliance,365,373,1993,1995,,,,\nalliance,365,373,1998,1999,,,,\nalliance,371,373,2001,2001,,,,\nalliance,371,373,2003,,,,,\n"},
		{"without collapsing, both directions still give one link", importer.LinkSpec{From: cols("ccode1"), To: cols("ccode2"), On: "year",
			KindFrom: []string{"atop_defense=alliance"}, Source: importer.Source{Where: []string{"year=1993,1994"}}}, atop,
			"alliance,365,373,,,1993,,,\nalliance,365,373,,,1994,,,\n"},
		{"directed kinds keep both directions", importer.LinkSpec{From: cols("ccode1"), To: cols("ccode2"), On: "year", CollapseYears: true,
			Kind: "arms_sale", Source: importer.Source{Where: []string{"year=1993,1994"}}}, atop,
			"arms_sale,365,373,1993,1994,,,,\narms_sale,373,365,1993,1994,,,,\n"},
		{"the spell keeps the largest weight and the latest attributes", importer.LinkSpec{From: cols("a"), To: cols("b"), On: "y", CollapseYears: true,
			Kind: "trade", Weight: "w", Attrs: []string{"n"}}, "a,b,y,w,n\nx,y,2001,5,first\nx,y,2002,9,second\nx,y,2003,2,third\n",
			"trade,x,y,2001,2003,,,9,,third\n"},
		{"overlapping and adjacent spans merge", importer.LinkSpec{From: cols("a"), To: cols("b"), Start: "s", End: "e", CollapseYears: true, Kind: "alliance"},
			"a,b,s,e\nx,y,2001-01,2001-06\nx,y,2001-07,2001-09\nx,y,2001-08,2002\nx,y,2004,\nx,y,2006,2007\n",
			"alliance,x,y,2001-01,2002,,,,\nalliance,x,y,2004,,,,,\n"},
		{"different signs do not merge", importer.LinkSpec{From: cols("a"), To: cols("b"), On: "y", CollapseYears: true, Kind: "trade", Sign: "s"},
			"a,b,y,s\nx,y,2001,1\nx,y,2002,-1\nx,y,2003,-1\n",
			"trade,x,y,2001,2001,,,,\ntrade,x,y,2002,2003,,-1,,\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := mustRun(t, links("atop.csv", tt.spec), map[string]string{"atop.csv": tt.file})
			if got := linksText(t, ds); got != tt.want {
				t.Errorf("links.csv:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestDuplicates checks that rows giving the same link merge into one: their weights add up, equal or
// not, and differing attributes are joined.
func TestDuplicates(t *testing.T) {
	spec := importer.LinkSpec{From: cols("a"), To: cols("b"), Kind: "pipeline", Start: "y", Weight: "w", Attrs: []string{"name"}}
	file := "a,b,y,w,name\nx,y,2006,1,SCP\nx,y,2006,1,SCP\nx,y,2006,2,BTC\nx,z,2001,1,A\nx,z,2002,1,B\n"
	ds := mustRun(t, links("f.csv", spec), map[string]string{"f.csv": file})
	want := "pipeline,x,y,2006,,,,4,,SCP; BTC\npipeline,x,z,2001,,,,,,A\npipeline,x,z,2002,,,,,,B\n"
	if got := linksText(t, ds); got != want {
		t.Errorf("links.csv:\n%s\nwant:\n%s", got, want)
	}
	if ds.Stats.Repeated != 2 || ds.Stats.RepeatedLinks != 1 || ds.Stats.Mirrored != 0 {
		t.Errorf("repeated %d into %d links, mirrored %d; want 2 into 1, 0", ds.Stats.Repeated, ds.Stats.RepeatedLinks, ds.Stats.Mirrored)
	}
}

// TestBadRows checks that bad rows are reported with their line numbers, the first 20 and a count, and
// that skip_bad skips them.
func TestBadRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("from,to,year,value\n")
	for i := range 30 {
		switch {
		case i%3 == 1:
			fmt.Fprintf(&b, "x,y%d,20x%d,1\n", i, i)
		case i == 3:
			b.WriteString("x,y,2000\n")
		case i == 6:
			b.WriteString("x,,2000,1\n")
		case i == 9:
			b.WriteString("x,y9,2000,-4\n")
		default:
			fmt.Fprintf(&b, "x,y%d,%d,1\n", i, 2000+i)
		}
	}
	spec := importer.LinkSpec{From: cols("from"), To: cols("to"), Kind: "trade", On: "year", Weight: "value"}
	files := map[string]string{"f.csv": b.String()}

	_, err := run(t, links("f.csv", spec), files)
	var br *importer.BadRows
	if !errors.As(err, &br) {
		t.Fatalf("error %v, want *BadRows", err)
	}
	if br.Count != 13 || len(br.Problems) != 13 {
		t.Fatalf("count %d, %d problems; want 13", br.Count, len(br.Problems))
	}
	wantFirst := []string{
		`f.csv:3: column "year": bad date "20x1": want a year, YYYY-MM or YYYY-MM-DD`,
		`f.csv:5: 3 fields, but the header has 4`,
		`f.csv:6: column "year": bad date "20x4": want a year, YYYY-MM or YYYY-MM-DD`,
		`f.csv:8: column "to": missing to actor`,
		`f.csv:9: column "year": bad date "20x7": want a year, YYYY-MM or YYYY-MM-DD`,
		`f.csv:11: column "value": weight "-4" is negative`,
	}
	for i, w := range wantFirst {
		if got := br.Problems[i].String(); got != w {
			t.Errorf("problem %d: %s\nwant        %s", i, got, w)
		}
	}

	// With skip_bad the good rows are imported and the bad ones listed.
	m := links("f.csv", spec)
	m.SkipBad = true
	ds := mustRun(t, m, files)
	if ds.Stats.Bad != 13 || ds.NumLinks() != 17 || len(ds.Skipped) != 13 || ds.Skipped[1].Line != 5 {
		t.Errorf("skip_bad: %d bad, %d links, %d skipped (second at line %d); want 13, 17, 13, 5",
			ds.Stats.Bad, ds.NumLinks(), len(ds.Skipped), ds.Skipped[1].Line)
	}

	// Only the first 20 are kept with their messages; the rest are counted.
	var many strings.Builder
	many.WriteString("from,to,year\n")
	for i := range 45 {
		fmt.Fprintf(&many, "x,y,bad%d\n", i)
	}
	_, err = run(t, links("f.csv", importer.LinkSpec{From: cols("from"), To: cols("to"), Kind: "trade", On: "year"}), map[string]string{"f.csv": many.String()})
	if !errors.As(err, &br) || br.Count != 45 || len(br.Problems) != importer.MaxReported || br.Problems[19].Line != 21 {
		t.Fatalf("error %v, want 45 bad rows with the first 20 listed", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "45 bad row(s):\nf.csv:2: ") || !strings.HasSuffix(msg, "\n… and 25 more") {
		t.Errorf("message:\n%s", msg)
	}
}
