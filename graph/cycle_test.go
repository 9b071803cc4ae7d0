package graph

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
)

// buildProblems builds the actors and returns the problems as text.
func buildProblems(t *testing.T, actors []Actor) []string {
	t.Helper()
	b := NewBuilder(nil)
	for _, a := range actors {
		b.AddActor(a)
	}
	_, err := b.Build()
	var ps Problems
	if err != nil && !errors.As(err, &ps) {
		t.Fatalf("Build: %v", err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

// TestReferenceCycles: actors that are in themselves, or stand for themselves, through other actors are
// problems, one per cycle, at the cycle's actor added first; chains that end, or run into a cycle, are
// not.
func TestReferenceCycles(t *testing.T) {
	c := func(id, in string) Actor { return Actor{ID: id, Kind: "city", In: in} }
	s := func(id, standsFor string) Actor { return Actor{ID: id, Kind: "city", StandsFor: standsFor} }
	tests := []struct {
		name   string
		actors []Actor
		want   []string
	}{
		{"chain", []Actor{c("a", "b"), c("b", "c"), c("c", "")}, nil},
		{"two", []Actor{c("a", "b"), c("b", "a")}, []string{`actors[0].in: actor "a" is in itself through "b"`}},
		{"three, found from the middle", []Actor{c("x", "b"), c("a", "b"), c("b", "c"), c("c", "a")},
			[]string{`actors[1].in: actor "a" is in itself through "b", "c"`}},
		{"listed from the actor added first", []Actor{c("z", "y"), c("y", "x"), c("x", "z")},
			[]string{`actors[0].in: actor "z" is in itself through "y", "x"`}},
		{"two cycles", []Actor{c("a", "b"), c("b", "a"), c("p", "q"), c("q", "r"), c("r", "p")},
			[]string{`actors[0].in: actor "a" is in itself through "b"`, `actors[2].in: actor "p" is in itself through "q", "r"`}},
		{"itself", []Actor{c("a", "a")}, []string{`actors[0].in: actor "a" refers to itself`}},
		{"stands for", []Actor{s("baku", "az"), s("az", "baku")},
			[]string{`actors[0].stands_for: actor "baku" stands for itself through "az"`}},
		{"in and stands for apart", []Actor{{ID: "a", Kind: "city", In: "b", StandsFor: "b"}, {ID: "b", Kind: "country", StandsFor: "a"}},
			[]string{`actors[0].stands_for: actor "a" stands for itself through "b"`}},
		{"unknown end", []Actor{c("a", "b"), c("b", "nowhere")}, []string{`actors[1].in: unknown actor "nowhere"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := buildProblems(t, tt.actors); !slices.Equal(got, tt.want) {
				t.Errorf("problems %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestReferenceCyclesLinear: a chain of 200,000 actors each in the next, closed into one cycle, is
// checked in one pass.
func TestReferenceCyclesLinear(t *testing.T) {
	const n = 200_000
	actors := make([]Actor, n)
	for i := range actors {
		actors[i] = Actor{ID: fmt.Sprintf("a%d", i), Kind: "city", In: fmt.Sprintf("a%d", (i+1)%n)}
	}
	start := time.Now()
	got := buildProblems(t, actors)
	want := `actors[0].in: actor "a0" is in itself through "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10" and 199989 more`
	if !slices.Equal(got, []string{want}) {
		t.Fatalf("problems %.300q\nwant %q", got, want)
	}
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v", el)
	}
}

// TestKindCheck: the checks of kind declarations, with the field at fault.
func TestKindCheck(t *testing.T) {
	for _, tt := range []struct {
		lk    LinkKind
		field string
	}{
		{LinkKind{ID: "patrol"}, ""},
		{LinkKind{ID: "patrol", Color: "#1f77b4"}, ""},
		{LinkKind{ID: "patrol", Color: "#1F77B480"}, ""},
		{LinkKind{ID: "patrol", Color: "steelblue"}, ""},
		{LinkKind{ID: "patrol", Color: "red; x"}, "color"},
		{LinkKind{ID: "patrol", Color: "#12345"}, "color"},
		{LinkKind{ID: "patrol", Color: "Red"}, "color"},
		{LinkKind{ID: "patrol", Color: `"/><script>`}, "color"},
		{LinkKind{ID: "patrol", Style: "wavy"}, "style"},
		{LinkKind{ID: "patrol", Sign: 2}, "sign"},
		{LinkKind{ID: "Patrol"}, "id"},
		{LinkKind{ID: ""}, "id"},
	} {
		err := tt.lk.Check()
		var ke *KindError
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%+v: %v", tt.lk, err)
		case tt.field != "" && (!errors.As(err, &ke) || ke.Field != tt.field || ke.Kind != tt.lk.ID):
			t.Errorf("%+v: %v, want a KindError in %s", tt.lk, err, tt.field)
		}
		if k := NewKinds(); (k.AddLink(tt.lk) == nil) != (tt.field == "") {
			t.Errorf("%+v: AddLink disagrees with Check", tt.lk)
		}
	}
	var ke *KindError
	if err := (ActorKind{ID: "Militia"}).Check(); !errors.As(err, &ke) || ke.Field != "id" {
		t.Errorf("actor kind: %v", err)
	}
	if err := NewKinds().AddActor(ActorKind{ID: "militia"}); err != nil {
		t.Errorf("actor kind: %v", err)
	}
	k := NewKinds()
	_ = k.AddLink(LinkKind{ID: "patrol"})
	if err := k.AddLink(LinkKind{ID: "patrol", Directed: true}); !errors.As(err, &ke) || ke.Field != "" {
		t.Errorf("redeclaration: %v", err)
	}
}
