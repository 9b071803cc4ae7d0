package answer

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/text"
)

// View is what a question is asked of: the graph as the filters select it (rolled up to a level
// when one is asked for) and a description of those filters for messages ("at 2016; kinds
// pipeline"), or "".
type View struct {
	Graph  *graph.Graph
	Filter string
}

// InputError is an error in what the user asked: two names for one actor, settings that contradict
// each other, an unknown measure. The command line exits 2 on it, the server answers 400.
type InputError struct{ Err error }

// Error implements error.
func (e *InputError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// inputf returns an *InputError with a formatted message.
func inputf(format string, args ...any) error {
	return &InputError{fmt.Errorf(format, args...)}
}

// NameError is a name that resolves to no actor, or to several: it wraps the graph's
// *graph.UnknownActorError or *graph.AmbiguousNameError, and adds the search command to run when
// there is no single suggestion.
type NameError struct {
	Name string
	Err  error
}

// Error implements error.
func (e *NameError) Error() string {
	var ue *graph.UnknownActorError
	if errors.As(e.Err, &ue) && len(ue.Suggestions) != 1 {
		return fmt.Sprintf("%v (search with: relgraph actors %s)", e.Err, ShellWord(e.Name))
	}
	return e.Err.Error()
}

// Unwrap returns the graph's error.
func (e *NameError) Unwrap() error { return e.Err }

// Resolve turns a user's actor name into the number of the actor it counts as in the view: the actor
// named or, when the view is rolled up to a level, the actor of that level it belongs to.
func (v View) Resolve(name string) (int32, error) {
	i, err := v.Graph.Resolve(name)
	if err != nil {
		return -1, &NameError{Name: name, Err: err}
	}
	return v.Graph.LevelOf(i), nil
}

// ResolvePair resolves the two actor names of a two-actor question.
func (v View) ResolvePair(a, b string) (from, to int32, err error) {
	if from, err = v.Resolve(a); err != nil {
		return -1, -1, err
	}
	if to, err = v.Resolve(b); err != nil {
		return -1, -1, err
	}
	if g := v.Graph; from == to && g.Level() != "" {
		return -1, -1, inputf("%s and %s both count as %s at the %s level", a, b, g.Actor(from).Name, g.Level())
	}
	return from, to, nil
}

// Side is one side of a relationship question: the actor named, the actor it stands for, and the
// actors that count as it.
type Side struct {
	Named, Root int32
	Set         []int32
}

// Side resolves a name for a relationship question. Unless literal, a place that stands for an actor
// (a capital) is replaced by that actor, and the actor's sphere (graph.Sphere) counts as it; in a view
// rolled up to a level the side is the actor the name counts as, and literal is refused (the two ask
// at different levels).
func (v View) Side(name string, literal bool) (Side, error) {
	g := v.Graph
	if literal && g.Level() != "" {
		return Side{}, inputf("--literal asks about the actors as recorded, --level %s about what they count as at that level: give one of them", g.Level())
	}
	named, err := g.Resolve(name)
	if err != nil {
		return Side{}, &NameError{Name: name, Err: err}
	}
	switch {
	case literal:
		return Side{Named: named, Root: named, Set: []int32{named}}, nil
	case g.Level() != "":
		root := g.LevelOf(named)
		return Side{Named: named, Root: root, Set: []int32{root}}, nil
	}
	root := g.StandsFor(named)
	return Side{Named: named, Root: root, Set: g.Sphere(root)}, nil
}

// sides resolves the names of a relationship question.
func (v View) sides(names []string, literal bool) ([]Side, error) {
	out := make([]Side, len(names))
	for i, name := range names {
		var err error
		if out[i], err = v.Side(name, literal); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// StandsNote says which named places stood for which actors ("Baku stands for Azerbaijan"), or, in a
// view rolled up to a level, which named actors count as which ("Vladimir Putin counts as Russia at
// the country level"), or "".
func (v View) StandsNote(sides ...Side) string {
	stands := make([]text.Stand, len(sides))
	for i, s := range sides {
		stands[i] = text.Stand{Named: s.Named, Root: s.Root}
	}
	if l := v.Graph.Level(); l != "" {
		return text.LevelNote(v.Graph, l, stands...)
	}
	return text.StandsNote(v.Graph, stands...)
}

// Outcome sorts a query's error: the same actor twice is an *InputError; an actor without links
// under the filters is a message (the question found nothing, and says why); anything else is an
// error as it stands.
func (v View) Outcome(err error) (msg string, _ error) {
	switch {
	case err == nil:
		return "", nil
	case errors.Is(err, query.ErrSameActor):
		return "", &InputError{err}
	case errors.Is(err, graph.ErrAbsent):
		return v.absentMessage(err), nil
	}
	return "", err
}

// absentMessage explains that an actor has no links under the filters.
func (v View) absentMessage(err error) string {
	msg := err.Error()
	var ae *query.AbsentError
	if errors.As(err, &ae) {
		msg = fmt.Sprintf("%q has no links", ae.Actor)
	}
	if v.Filter != "" {
		return msg + " under the current filter (" + v.Filter + "); nothing to search"
	}
	return msg + "; nothing to search"
}

// ShellWord quotes s for a POSIX shell when it needs quoting, so that a command suggested in a message
// runs when pasted.
func ShellWord(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_.,:@%+=/", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
