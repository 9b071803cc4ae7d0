package answer

import (
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
)

// Paths is the answer of 'path', collected whole (the command line streams its paths instead, with
// EachPath and Outcome).
type Paths struct {
	View     View
	From, To int32
	Result   query.PathResult
	// Message says why there is no answer (an actor without links under the filters), or "".
	Message string
}

// Paths finds the paths opts asks for between the two named actors (query.Paths), within the step
// budget of opts.
func (v View) Paths(a, b string, opts query.PathOptions) (*Paths, error) {
	from, to, err := v.ResolvePair(a, b)
	if err != nil {
		return nil, err
	}
	res, err := query.Paths(v.Graph, from, to, opts)
	msg, err := v.Outcome(err)
	if err != nil {
		return nil, err
	}
	if msg != "" {
		res = query.PathResult{From: v.Graph.Actor(from).ID, To: v.Graph.Actor(to).ID}
	}
	return &Paths{View: v, From: from, To: to, Result: res, Message: msg}, nil
}

// JSON returns the answer's --json shape.
func (a *Paths) JSON() any {
	out := struct {
		jsonout.PathResult
		Message string `json:"message,omitempty"`
	}{jsonout.FromPathResult(&a.Result), a.Message}
	if out.Paths == nil {
		out.Paths = []jsonout.Path{}
	}
	return out
}
