package graph

import "encoding/json"

// MarshalJSON encodes l in the shape of DESIGN §4: absent dates are null, attrs an object and sources
// a list even when empty.
func (l Link) MarshalJSON() ([]byte, error) {
	type plain Link
	p := plain(l)
	if p.Attrs == nil {
		p.Attrs = map[string]string{}
	}
	if p.Sources == nil {
		p.Sources = []Source{}
	}
	return json.Marshal(p)
}

// MarshalJSON encodes a in the shape of DESIGN §4: aliases a list even when empty, in null when unset.
func (a Actor) MarshalJSON() ([]byte, error) {
	type plain Actor
	out := struct {
		plain
		In *string `json:"in"`
	}{plain: plain(a)}
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	if a.In != "" {
		out.In = &a.In
	}
	return json.Marshal(out)
}
