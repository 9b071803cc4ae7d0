package export

import (
	"reflect"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

func TestCypherString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `'plain'`},
		{`it's`, `'it\'s'`},
		{`back\slash`, `'back\\slash'`},
		{"two\nlines\r\tand\x1f", `'two\nlines\r\tand\u001F'`},
		{`"double"`, `'"double"'`},
		{"Türkiye", `'Türkiye'`},
	}
	for _, tt := range tests {
		if got := cypherString(tt.in); got != tt.want {
			t.Errorf("cypherString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := cypherIdent("we`ird name"); got != "`we``ird name`" {
		t.Errorf("cypherIdent = %s", got)
	}
}

func TestNeo4jNames(t *testing.T) {
	for in, want := range map[string]string{"country": "Country", "military-unit": "MilitaryUnit", "ethnic_group": "EthnicGroup", "a-": "A"} {
		if got := neo4jLabel(in); got != want {
			t.Errorf("neo4jLabel(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"arms_sale": "ARMS_SALE", "military-exercise": "MILITARY_EXERCISE"} {
		if got := neo4jType(in); got != want {
			t.Errorf("neo4jType(%q) = %q, want %q", in, got, want)
		}
	}
	got := neo4jPropNames([]string{"value", "Name", "a b", "a:b", "attr_a_b", "9lives", ""}, []string{"name", "kind"})
	want := map[string]string{"value": "value", "Name": "attr_Name", "a b": "attr_a_b_2", "a:b": "attr_a_b_3", "attr_a_b": "attr_a_b",
		"9lives": "attr_9lives", "": "attr_"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("neo4jPropNames = %q, want %q", got, want)
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in         string
		r, g, b, a uint8
		ok         bool
	}{
		{"#d62728", 0xd6, 0x27, 0x28, 0xff, true},
		{"#D6272880", 0xd6, 0x27, 0x28, 0x80, true},
		{"red", 255, 0, 0, 255, true},
		{"#12345", 0, 0, 0, 0, false},
		{"#gggggg", 0, 0, 0, 0, false},
		{"", 0, 0, 0, 0, false},
	}
	for _, tt := range tests {
		r, g, b, a, ok := parseColor(tt.in)
		if [4]uint8{r, g, b, a} != [4]uint8{tt.r, tt.g, tt.b, tt.a} || ok != tt.ok {
			t.Errorf("parseColor(%q) = %d %d %d %d %v", tt.in, r, g, b, a, ok)
		}
	}
}

func TestIsDerived(t *testing.T) {
	b := graph.NewBuilder(nil)
	b.AddActor(graph.Actor{ID: "x", Kind: "country"})
	b.AddActor(graph.Actor{ID: "c", Kind: "city", In: "x"})
	b.AddActor(graph.Actor{ID: "d", Kind: "city"})
	b.AddActor(graph.Actor{ID: "p", Kind: "infrastructure", Route: []string{"c", "d"}, RouteKind: "pipeline"})
	// Links that look derived but are not: another target, a date, an extra attribute.
	b.AddLink(&graph.Link{Kind: "located_in", From: "d", To: "x", Attrs: map[string]string{"derived": "in"}})
	b.AddLink(&graph.Link{Kind: "located_in", From: "c", To: "x", On: graph.NewDate(2000, 0, 0), Attrs: map[string]string{"derived": "in"}})
	b.AddLink(&graph.Link{ID: "via-like", Kind: "pipeline", From: "c", To: "d", Attrs: map[string]string{"via": "p"}})
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for i := range int32(g.NumLinks()) {
		got[g.LinkID(i)] = g.IsDerived(i)
	}
	want := map[string]bool{"located_in:d:x": false, "located_in:c:x:2000": false, "via-like": false,
		"located_in:c:x": true, "pipeline:c:d@p": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("IsDerived = %v, want %v", got, want)
	}
}

func TestDateText(t *testing.T) {
	for _, d := range []graph.Date{0, graph.NewDate(1, 0, 0), graph.NewDate(2016, 0, 0), graph.NewDate(2016, 8, 0),
		graph.NewDate(2016, 8, 8), graph.NewDate(9999, 12, 31), graph.NewDate(10000, 1, 1), -20160808} {
		if got, want := dateText(d), d.String(); got != want {
			t.Errorf("dateText(%d) = %q, want %q", d, got, want)
		}
	}
}
