package native

import (
	"reflect"
	"testing"
)

func TestListCellAndAttrColumns(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"a", "b c"}, "a|b c"},
		{[]string{"a|b"}, `["a|b"]`},
		{[]string{"[x]"}, `["[x]"]`},
		{[]string{"x", "[y]"}, "x|[y]"},
		{[]string{" padded"}, `[" padded"]`},
		{[]string{""}, `[""]`},
		{[]string{"cr\r\nlf"}, "cr\r\nlf"}, // the reader keeps a CRLF inside quotes
	}
	for _, tt := range tests {
		if got := listCell(tt.in, Options{}); got != tt.want {
			t.Errorf("listCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := listCell([]string{"a|b", " c"}, Options{Import: true}); got != "a|b| c" {
		t.Errorf("listCell in the import dialect = %q", got)
	}
	cols, viaJSON := attrColumns([]string{"", " x", "Kind", "Value", "attrs", "value", "troops"}, linkColumns(Options{}), Options{})
	if !reflect.DeepEqual(cols, []string{"Value", "troops"}) ||
		!reflect.DeepEqual(viaJSON, map[string]bool{"": true, " x": true, "Kind": true, "attrs": true, "value": true}) {
		t.Errorf("attrColumns = %q, %v", cols, viaJSON)
	}
}

// TestSchemaLayouts pins the order of the fields in every layout: each is part of a file format.
func TestSchemaLayouts(t *testing.T) {
	for _, tt := range []struct {
		got, want []string
	}{
		{ActorNames(CSV), []string{"id", "name", "kind", "in", "aliases", "stands_for", "start", "end", "route", "route_kind", "certainty", "sources", "attrs"}},
		{ActorNames(YAML), []string{"id", "name", "kind", "aliases", "in", "stands_for", "start", "end", "route", "route_kind", "certainty", "attrs", "sources"}},
		{ActorNames(Snapshot), []string{"id", "name", "kind", "aliases", "in", "stands_for", "start", "end", "route", "route_kind", "certainty", "attrs", "sources"}},
		{LinkNames(CSV), []string{"kind", "from", "to", "start", "end", "on", "sign", "weight", "certainty", "id", "sources", "attrs", "roles"}},
		{LinkNames(YAML), []string{"id", "kind", "from", "to", "start", "end", "on", "certainty", "sign", "weight", "roles", "attrs", "sources"}},
		{LinkNames(Snapshot), []string{"id", "kind", "from", "to", "directed", "sign", "start", "end", "on", "certainty", "weight", "roles", "attrs", "sources"}},
		{actorColumns(Options{Import: true}), []string{"id", "name", "kind", "in", "aliases"}},
		{linkColumns(Options{Import: true}), []string{"kind", "from", "to", "start", "end", "on", "sign", "weight", "certainty"}},
		{RequiredActorColumns(), []string{"id", "kind"}},
		{RequiredLinkColumns(), []string{"kind", "from", "to"}},
	} {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
