package native

import (
	"reflect"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// FuzzRolesCell: any cell either fails to parse or parses to roles that RolesCell writes back to a
// cell giving the same roles; a cell of valid role=actor slugs survives byte for byte.
func FuzzRolesCell(f *testing.F) {
	for _, s := range []string{"", "host=ilham-aliyev|place=baku", " host = a | b=c ", "host", "=x", "a=b=c", "a=|b=c", "||"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		roles, err := ParseRolesCell(s)
		if err != nil {
			return
		}
		again, err := ParseRolesCell(RolesCell(roles))
		if err != nil {
			t.Fatalf("%q: the cell written from %v does not parse: %v", s, roles, err)
		}
		if len(roles) == 0 && len(again) == 0 {
			return
		}
		if !reflect.DeepEqual(again, roles) {
			t.Fatalf("%q: %v written and read back is %v", s, roles, again)
		}
		valid := true
		for _, r := range roles {
			valid = valid && graph.IsSlug(r.Name) && graph.IsSlug(r.Actor)
		}
		if valid && RolesCell(roles) != RolesCell(again) {
			t.Fatalf("%q: not stable", s)
		}
	})
}
