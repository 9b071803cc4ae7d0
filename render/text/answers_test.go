package text_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/text"
)

func TestPath(t *testing.T) {
	g := caucasus(t)
	sale, ally := linkOf(t, g, "arms_sale"), linkOf(t, g, "alliance")
	p := query.Path{Length: 2, Actors: []string{"azerbaijan", "russia", "armenia"}, Links: []graph.Link{sale, ally},
		Hops: []query.Hop{{From: "azerbaijan", To: "russia", Links: []graph.Link{sale}}, {From: "russia", To: "armenia", Links: []graph.Link{ally}}}}
	var b bytes.Buffer
	if err := text.Path(&b, g, 1, p); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"1. Azerbaijan → Russia → Armenia  (2 hops)\n" +
		"   Azerbaijan – Russia  arms_sale  2010 – 2013  Russia → Azerbaijan  (alleged)  value: $4 billion  [doc ¶3]\n" +
		"   Russia – Armenia     alliance   undated      Armenia — Russia\n"
	if b.String() != want {
		t.Errorf("Path =\n%s\nwant\n%s", b.String(), want)
	}
}

// TestPathWriter checks the answers of a path search: paths held back under their count, nothing
// found, a search stopped by its budget, and a message instead of an answer.
func TestPathWriter(t *testing.T) {
	g := caucasus(t)
	ally := linkOf(t, g, "alliance")
	p := query.Path{Length: 1, Actors: []string{"armenia", "russia"}, Links: []graph.Link{ally},
		Hops: []query.Hop{{From: "armenia", To: "russia", Links: []graph.Link{ally}}}}
	for _, tt := range []struct {
		name   string
		opts   query.PathOptions
		paths  []query.Path
		res    query.PathResult
		msg    string
		filter string
		want   string
	}{
		{"one", query.PathOptions{}, []query.Path{p}, query.PathResult{}, "", "at 2016", "" +
			"Shortest path from Armenia to Russia (at 2016): 1 found\n\n" +
			"1. Armenia → Russia  (1 hop)\n" +
			"   Armenia – Russia  alliance  undated  Armenia — Russia\n"},
		{"none", query.PathOptions{ProjectOptions: graph.ProjectOptions{Directed: true}}, nil, query.PathResult{}, "", "", "no directed path from Armenia to Russia\n"},
		{"none of a length", query.PathOptions{All: true, MaxLen: 3}, nil, query.PathResult{}, "", "", "no path of at most 3 hops from Armenia to Russia\n"},
		{"out of steps", query.PathOptions{K: 5}, []query.Path{p}, query.PathResult{Truncated: true, Stopped: query.StopSteps, MaxSteps: 100}, "", "", "" +
			"The 5 shortest paths from Armenia to Russia: 1 found\n\n" +
			"1. Armenia → Russia  (1 hop)\n" +
			"   Armenia – Russia  alliance  undated  Armenia — Russia\n\n" +
			"stopped after 1 path: the search used up its budget of 100 steps, and there may be more (raise it with --max-steps)\n"},
		{"message", query.PathOptions{}, nil, query.PathResult{}, "Armenia has no links; nothing to search", "", "Armenia has no links; nothing to search\n"},
	} {
		var b bytes.Buffer
		pw := text.NewPathWriter(&b, g, tt.opts, "Armenia", "Russia", tt.filter)
		for _, p := range tt.paths {
			if err := pw.Add(p); err != nil {
				t.Fatal(err)
			}
		}
		if err := pw.End(tt.res, tt.msg); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, b.String(), tt.want)
		}
	}
}

func TestTimeline(t *testing.T) {
	g := caucasus(t)
	ls := []graph.Link{linkOf(t, g, "arms_sale"), linkOf(t, g, "alliance"), linkOf(t, g, "conflict"), linkOf(t, g, "trade")}
	var b bytes.Buffer
	if err := text.Timeline(&b, g, ls); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"2010        arms_sale (to 2013)  Russia → Azerbaijan   (alleged)  value: $4 billion  [doc ¶3]\n" +
		"2013        arms_sale ends       Russia → Azerbaijan   (in force since 2010)\n" +
		"2020-09-27  conflict             Armenia — Azerbaijan\n" +
		"2022-02     trade begins         Azerbaijan — Armenia  (hostile)\n" +
		"undated     alliance             Armenia — Russia\n"
	if b.String() != want {
		t.Errorf("Timeline =\n%s\nwant\n%s", b.String(), want)
	}
}

func TestDiff(t *testing.T) {
	old := caucasus(t)
	new := buildGraph(t, map[string]string{"russia": "Russia", "azerbaijan": "Azerbaijan", "armenia": "Armenia", "odd": "Two\nlines"},
		[]graph.Link{
			{Kind: "arms_sale", From: "russia", To: "azerbaijan", Sign: 1, Weight: 1, Start: date(t, "2010"), End: date(t, "2013"), Certainty: graph.Reported,
				Attrs: map[string]string{"value": "$5 billion"}, Sources: []graph.Source{{Doc: "doc", Para: 3, Note: "the sale"}}},
			{Kind: "alliance", From: "armenia", To: "russia", Sign: 1, Weight: 1},
			{Kind: "conflict", From: "armenia", To: "azerbaijan", Sign: -1, Weight: 1, On: date(t, "2023-09-19")},
		})
	c := graph.Diff(old, new)
	var b bytes.Buffer
	text.DiffHeader(&b, text.DiffSide{Arg: "old", Graph: old}, text.DiffSide{Arg: "new", Desc: "caucasus at 2024", Graph: new}, "")
	if err := text.Diff(&b, old, new, c); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"--- old  (4 actors, 5 links)\n" +
		"+++ new  (caucasus at 2024: 4 actors, 3 links)\n" +
		"\n" +
		"links: 1 added, 3 removed, 1 changed\n" +
		"\n" +
		"arms_sale (~1)\n" +
		"~ 2010 – 2013  Russia → Azerbaijan\n" +
		"                   certainty: alleged → reported\n" +
		"                   value: $4 billion → $5 billion\n" +
		"\n" +
		"conflict (+1 -1)\n" +
		"- 2020-09-27  Armenia — Azerbaijan\n" +
		"+ 2023-09-19  Armenia — Azerbaijan\n" +
		"\n" +
		"trade (-1)\n" +
		"- since 2022-02  Azerbaijan — Armenia  (hostile)\n" +
		"\n" +
		"visit (-1)\n" +
		"- 2016-08  Two lines → Russia  [doc]\n"
	if b.String() != want {
		t.Errorf("Diff =\n%s\nwant\n%s", b.String(), want)
	}
	var s bytes.Buffer
	if err := text.DiffSummaryTable(&s, query.CountChanges(&c)); err != nil {
		t.Fatal(err)
	}
	wantSummary := "" +
		"\n" +
		"           ADDED  REMOVED  CHANGED\n" +
		"actors     0      0        0\n" +
		"arms_sale  0      0        1\n" +
		"conflict   1      1        0\n" +
		"trade      0      1        0\n" +
		"visit      0      1        0\n" +
		"all links  1      3        1\n"
	if s.String() != wantSummary {
		t.Errorf("DiffSummaryTable =\n%s\nwant\n%s", s.String(), wantSummary)
	}
}

func TestValidation(t *testing.T) {
	for _, tt := range []struct {
		c    text.DatasetCounts
		want string
	}{
		{text.DatasetCounts{Actors: 3, Links: 2, Documents: 1}, "ok: 3 actors, 2 links, 1 documents; every link has a source\n"},
		{text.DatasetCounts{Actors: 3, Links: 2, Documents: 1, Unsourced: 1}, "ok: 3 actors, 2 links, 1 documents; 1 link(s) without a source\n"},
		{text.DatasetCounts{Actors: 1}, "ok: 1 actors, 0 links, 0 documents\n"},
	} {
		var b bytes.Buffer
		if err := text.Validation(&b, nil, tt.c); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("Validation(%+v) = %q, want %q", tt.c, b.String(), tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n    float64
		want string
	}{{0, "0 paths"}, {1, "1 path"}, {2, "2 paths"}, {1e15, "1e+15 paths"}} {
		if got := text.Plural(tt.n, "path"); got != tt.want {
			t.Errorf("Plural(%v) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got := text.UnderFilter(""); got != "" || !strings.HasPrefix(text.UnderFilter("at 2016"), " (at 2016)") {
		t.Errorf("UnderFilter: %q, %q", got, text.UnderFilter("at 2016"))
	}
}
