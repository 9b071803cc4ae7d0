package text_test

import (
	"bytes"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/text"
)

// buildGraph builds a graph of the actors (id → name) and links given, with one document "doc".
func buildGraph(t testing.TB, actors map[string]string, links []graph.Link) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder(nil)
	b.AddDocument(graph.Document{ID: "doc", Title: "A document"})
	for id, name := range actors {
		b.AddActor(graph.Actor{ID: id, Name: name, Kind: "country"})
	}
	for i := range links {
		b.AddLink(&links[i])
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func date(t testing.TB, s string) graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// caucasus is a small graph: Russia sells arms to Azerbaijan (alleged, with a value and a source),
// Armenia and Russia are allies (undated), Armenia and Azerbaijan fought in 2020 and signed a hostile
// "trade" deal, and an actor whose name holds a line break visits Russia.
func caucasus(t testing.TB) *graph.Graph {
	return buildGraph(t, map[string]string{"russia": "Russia", "azerbaijan": "Azerbaijan", "armenia": "Armenia", "odd": "Two\nlines"},
		[]graph.Link{
			{Kind: "arms_sale", From: "russia", To: "azerbaijan", Sign: 1, Weight: 1, Start: date(t, "2010"), End: date(t, "2013"), Certainty: graph.Alleged,
				Attrs: map[string]string{"value": "$4 billion"}, Sources: []graph.Source{{Doc: "doc", Para: 3, Note: "the sale"}}},
			{Kind: "alliance", From: "armenia", To: "russia", Sign: 1, Weight: 1},
			{Kind: "conflict", From: "armenia", To: "azerbaijan", Sign: -1, Weight: 1, On: date(t, "2020-09-27")},
			{Kind: "trade", From: "azerbaijan", To: "armenia", Sign: -1, Weight: 1, Start: date(t, "2022-02")},
			{Kind: "visit", From: "odd", To: "russia", Sign: 1, Weight: 1, On: date(t, "2016-08"), Sources: []graph.Source{{Doc: "doc"}}},
		})
}

// linkOf returns the link of kind in g.
func linkOf(t testing.TB, g *graph.Graph, kind string) graph.Link {
	t.Helper()
	for i := range g.NumLinks() {
		if l := g.Link(int32(i)); l.Kind == kind {
			return l
		}
	}
	t.Fatalf("no %s link", kind)
	return graph.Link{}
}

func TestLinkLine(t *testing.T) {
	g := caucasus(t)
	all := []text.LinkColumn{text.ColSpan, text.ColEnds, text.ColKind, text.ColDetails}
	for _, tt := range []struct {
		kind string
		cols []text.LinkColumn
		want string
	}{
		{"arms_sale", all, "2010 – 2013\tRussia → Azerbaijan\tarms_sale\t(alleged)  value: $4 billion  [doc ¶3]"},
		{"alliance", all, "undated\tArmenia — Russia\talliance\t"},
		{"conflict", all, "2020-09-27\tArmenia — Azerbaijan\tconflict\t"},
		{"trade", all, "since 2022-02\tAzerbaijan — Armenia\ttrade\t(hostile)"},
		// A line break in a name would break the table: the name is kept on one line.
		{"visit", all, "2016-08\tTwo lines → Russia\tvisit\t[doc]"},
		// Columns in the order asked for, as a path's hop lists them.
		{"arms_sale", []text.LinkColumn{text.ColKind, text.ColSpan, text.ColEnds}, "arms_sale\t2010 – 2013\tRussia → Azerbaijan"},
		{"arms_sale", []text.LinkColumn{text.ColEnds}, "Russia → Azerbaijan"},
		{"arms_sale", nil, ""},
	} {
		l := linkOf(t, g, tt.kind)
		if got := text.LinkLine(g, &l, tt.cols...); got != tt.want {
			t.Errorf("LinkLine(%s, %v) = %q, want %q", tt.kind, tt.cols, got, tt.want)
		}
	}
}

func TestLinks(t *testing.T) {
	g := caucasus(t)
	ls := []graph.Link{linkOf(t, g, "arms_sale"), linkOf(t, g, "alliance")}
	for _, tt := range []struct {
		name         string
		ls           []graph.Link
		note, filter string
		want         string
	}{
		{"two", ls, "", "", "" +
			"2010 – 2013  Russia → Azerbaijan  arms_sale  (alleged)  value: $4 billion  [doc ¶3]\n" +
			"undated      Armenia — Russia     alliance\n" +
			"2 link(s)\n"},
		{"filtered with a note", ls[1:], "Yerevan stands for Armenia", "at 2016", "" +
			"Yerevan stands for Armenia\n\n" +
			"undated  Armenia — Russia  alliance\n" +
			"1 link(s) (at 2016)\n"},
		{"none", nil, "", "kinds pipeline", "no links (kinds pipeline)\n"},
	} {
		var b bytes.Buffer
		if err := text.Links(&b, g, tt.ls, tt.note, tt.filter); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, b.String(), tt.want)
		}
	}
}

// TestTableEscapes checks that control characters in cells are escaped before the columns are
// measured, and that lines keep no trailing spaces.
func TestTableEscapes(t *testing.T) {
	var b bytes.Buffer
	tw := text.NewTable(&b)
	for _, row := range []string{"a\x1b\tx\t\n", "abcdef\ty\t\n", "\u202e\tz\n"} {
		if _, err := tw.Write([]byte(row)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "a\\x1b   x\nabcdef  y\n\\u202e  z\n"
	if b.String() != want {
		t.Errorf("table =\n%q\nwant\n%q", b.String(), want)
	}
}

func TestDescribe(t *testing.T) {
	g := caucasus(t)
	for _, tt := range []struct{ kind, want string }{
		{"arms_sale", "Russia → Azerbaijan  arms_sale (alleged)"},
		{"alliance", "Armenia — Russia  alliance"},
		{"trade", "Azerbaijan — Armenia  trade (hostile)"},
	} {
		l := linkOf(t, g, tt.kind)
		if got := text.Describe(g, &l); got != tt.want {
			t.Errorf("Describe(%s) = %q, want %q", tt.kind, got, tt.want)
		}
	}
}

func TestStandsNote(t *testing.T) {
	g := caucasus(t)
	ru, _ := g.ActorIndex("russia")
	az, _ := g.ActorIndex("azerbaijan")
	if got := text.StandsNote(g, text.Stand{Named: ru, Root: ru}); got != "" {
		t.Errorf("no place stands for another: %q", got)
	}
	want := "Russia stands for Azerbaijan (use --literal to ask about the places themselves)"
	if got := text.StandsNote(g, text.Stand{Named: az, Root: az}, text.Stand{Named: ru, Root: az}); got != want {
		t.Errorf("StandsNote = %q, want %q", got, want)
	}
}
