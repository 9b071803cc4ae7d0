package native

import (
	"fmt"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// RolesCell returns the CSV cell of a link's roles: role=actor items joined by '|'
// (host=ilham-aliyev|place=baku), or "" when there are none. Role names and actor ids are slugs in
// any graph a Builder made, so neither '=' nor '|' can occur in them.
func RolesCell(roles []graph.Role) string {
	if len(roles) == 0 {
		return ""
	}
	var b strings.Builder
	for i, r := range roles {
		if i > 0 {
			b.WriteString(ListSeparator)
		}
		b.WriteString(r.Name)
		b.WriteByte('=')
		b.WriteString(r.Actor)
	}
	return b.String()
}

// ParseRolesCell parses what RolesCell writes; spaces around items, names and ids are ignored, and an
// empty cell has no roles. Whether the role and actor exist is for the graph's Builder to check.
func ParseRolesCell(s string) ([]graph.Role, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	items := strings.Split(s, ListSeparator)
	out := make([]graph.Role, 0, len(items))
	for j, item := range items {
		name, actor, ok := strings.Cut(item, "=")
		name, actor = strings.TrimSpace(name), strings.TrimSpace(actor)
		if !ok || name == "" || actor == "" {
			return nil, fmt.Errorf("roles: item %d (%q) is not role=actor; want items like host=ilham-aliyev|place=baku", j+1, strings.TrimSpace(item))
		}
		out = append(out, graph.Role{Name: name, Actor: actor})
	}
	return out, nil
}
