package answer

import (
	"io"
	"slices"

	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// Connect is the answer of 'connect'.
type Connect struct {
	View   View
	Result query.ConnectResult
	// Note says which named places stood for which actors; Message why there is no answer.
	Note, Message string
}

// Connect answers how two actors are connected (query.Connect): direct links, common neighbours,
// brokers and shortest paths between their spheres (see Side for who counts as each).
func (v View) Connect(a, b string, literal bool, opts query.ConnectOptions) (*Connect, error) {
	g := v.Graph
	sides, err := v.sides([]string{a, b}, literal)
	if err != nil {
		return nil, err
	}
	if sides[0].Root == sides[1].Root {
		return nil, inputf("connect needs two different actors (%s and %s are both %s)", a, b, g.Actor(sides[0].Root).Name)
	}
	// An actor in both spheres (rare) stays with A.
	var bset []int32
	for _, x := range sides[1].Set {
		if !slices.Contains(sides[0].Set, x) {
			bset = append(bset, x)
		}
	}
	res, err := query.Connect(g, sides[0].Root, sides[0].Set, sides[1].Root, bset, opts)
	msg, err := v.Outcome(err)
	if err != nil {
		return nil, err
	}
	return &Connect{View: v, Result: res, Note: v.StandsNote(sides...), Message: msg}, nil
}

// JSON returns the answer's --json shape.
func (a *Connect) JSON() any {
	return struct {
		jsonout.ConnectResult
		Note    string `json:"note,omitempty"`
		Message string `json:"message,omitempty"`
	}{jsonout.FromConnectResult(&a.Result), a.Note, a.Message}
}

// Text writes the answer for a person.
func (a *Connect) Text(w io.Writer) error {
	return text.Connect(w, a.View.Graph, a.Result, a.Note, a.Message, a.View.Filter)
}
