package query

import (
	"errors"
	"fmt"

	"github.com/relgraph/relgraph/graph"
)

// ErrSameActor is wrapped by the error of a two-actor question asked about one actor, or about two
// sides that share an actor.
var ErrSameActor = errors.New("the two actors are the same")

// AbsentError is the error of a question about an actor that has no links in the graph asked (under
// its filter). It matches graph.ErrAbsent with errors.Is.
type AbsentError struct {
	// Actor is the id of the actor.
	Actor string
}

// Error says which actor has no links.
func (e *AbsentError) Error() string {
	return fmt.Sprintf("%q has no links: %s", e.Actor, graph.ErrAbsent)
}

// Unwrap returns graph.ErrAbsent.
func (e *AbsentError) Unwrap() error { return graph.ErrAbsent }

// NoPathError is the error of ShortestPathView when no path joins the two actors: one cannot be
// reached from the other, or one of them is not present in the graph.
type NoPathError struct {
	// From and To are the ids of the two actors.
	From, To string
}

// Error names the two actors.
func (e *NoPathError) Error() string { return fmt.Sprintf("no path between %q and %q", e.From, e.To) }
