package query

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// denseFixture is a complete graph of n countries, every pair tied by three trade links (2000, 2001,
// 2002): the paths between two of them number (n-2)! and more.
func denseFixture(t testing.TB, n int) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder(nil)
	for i := range n {
		b.AddActor(graph.Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("A%d", i), Kind: "country"})
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			for y := range 3 {
				b.AddLink(&graph.Link{Kind: "trade", From: fmt.Sprintf("a%d", i), To: fmt.Sprintf("a%d", j), On: graph.NewDate(2000+y, 0, 0)})
			}
		}
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func actorsOf(ps []Path) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = p.Actors
	}
	return out
}

// TestPathsMaxSteps checks that a search for several paths stops when its steps run out, says so, and
// returns the first paths of the order asked for.
func TestPathsMaxSteps(t *testing.T) {
	g := denseFixture(t, 12)
	a, b := idx(t, g, "a0"), idx(t, g, "a1")
	tests := []struct {
		name      string
		opts      PathOptions
		full      PathOptions // the same search with steps to spare
		stopped   StopReason
		truncated bool
	}{
		{"all, steps run out", PathOptions{All: true, MaxLen: 6, Limit: 5000, MaxSteps: 200_000}, PathOptions{All: true, MaxLen: 6, Limit: 5000, MaxSteps: 1 << 40}, StopSteps, true},
		{"all, limit first", PathOptions{All: true, MaxLen: 3, Limit: 20, MaxSteps: 1 << 40}, PathOptions{All: true, MaxLen: 3, Limit: 20}, StopLimit, true},
		{"k, steps run out", PathOptions{K: 500, MaxSteps: 100_000}, PathOptions{K: 500, MaxSteps: 1 << 40}, StopSteps, true},
		{"k, enough steps", PathOptions{K: 50}, PathOptions{K: 50, MaxSteps: 1 << 40}, "", false},
		{"k, one step: the shortest path still", PathOptions{K: 50, MaxSteps: 1}, PathOptions{K: 50}, StopSteps, true},
	}
	for _, tt := range tests {
		res, err := Paths(g, a, b, tt.opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		full, err := Paths(g, a, b, tt.full)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if res.Stopped != tt.stopped || res.Truncated != tt.truncated {
			t.Errorf("%s: stopped %q truncated %v, want %q %v", tt.name, res.Stopped, res.Truncated, tt.stopped, tt.truncated)
		}
		wantSteps := int64(0)
		if tt.stopped == StopSteps {
			wantSteps = tt.opts.MaxSteps
		}
		if res.MaxSteps != wantSteps {
			t.Errorf("%s: MaxSteps %d, want %d", tt.name, res.MaxSteps, wantSteps)
		}
		if len(res.Paths) == 0 || len(res.Paths) > len(full.Paths) ||
			!slices.EqualFunc(actorsOf(res.Paths), actorsOf(full.Paths[:len(res.Paths)]), slices.Equal) {
			t.Errorf("%s: %d paths, not the first of the %d found with more steps", tt.name, len(res.Paths), len(full.Paths))
		}
		if tt.stopped == StopSteps && len(res.Paths) >= len(full.Paths) {
			t.Errorf("%s: %d paths, as many as with more steps", tt.name, len(res.Paths))
		}
	}
}

// TestEachPath checks that EachPath delivers the paths of Paths, in order, and stops at the first
// error of its yield function, returning it.
func TestEachPath(t *testing.T) {
	g := denseFixture(t, 8)
	a, b := idx(t, g, "a0"), idx(t, g, "a1")
	opts := PathOptions{All: true, MaxLen: 5, Limit: 200}
	want, err := Paths(g, a, b, opts)
	if err != nil || len(want.Paths) != 200 || !want.Truncated {
		t.Fatalf("Paths: %d paths, truncated %v, %v", len(want.Paths), want.Truncated, err)
	}
	var got []Path
	res, err := EachPath(g, a, b, opts, func(p Path) error {
		got = append(got, p)
		return nil
	})
	if err != nil || len(res.Paths) != 0 || res.Stopped != StopLimit || !slices.EqualFunc(actorsOf(got), actorsOf(want.Paths), slices.Equal) {
		t.Errorf("EachPath: %d paths delivered, %d in the result, stopped %q, %v", len(got), len(res.Paths), res.Stopped, err)
	}
	errFull := errors.New("disk full")
	for _, o := range []PathOptions{opts, {K: 100}} {
		calls := 0
		_, err = EachPath(g, a, b, o, func(Path) error {
			calls++
			if calls == 3 {
				return errFull
			}
			return nil
		})
		if !errors.Is(err, errFull) || calls != 3 {
			t.Errorf("%+v: yield error: %v after %d calls, want %v after 3", o, err, calls, errFull)
		}
	}
}

// TestConnectMaxSteps checks that Connect's search for the best paths stops when its steps run out
// and says so, and that it does not when they suffice.
func TestConnectMaxSteps(t *testing.T) {
	g := denseFixture(t, 12)
	a, b := idx(t, g, "a0"), idx(t, g, "a1")
	tests := []struct {
		opts    ConnectOptions
		stopped StopReason
		steps   int64
		paths   int
	}{
		{ConnectOptions{Paths: 200}, "", 0, 200},
		{ConnectOptions{Paths: 200, MaxSteps: 2000}, StopSteps, 2000, -1},
		{ConnectOptions{Paths: 5, MaxSteps: 1}, StopSteps, 1, -1},
	}
	for _, tt := range tests {
		res, err := Connect(g, a, nil, b, nil, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if res.Stopped != tt.stopped || res.MaxSteps != tt.steps || (tt.paths >= 0 && len(res.Paths) != tt.paths) {
			t.Errorf("%+v: stopped %q after %d steps with %d paths; want %q, %d, %d", tt.opts, res.Stopped, res.MaxSteps, len(res.Paths), tt.stopped, tt.steps, tt.paths)
		}
		if len(res.Paths) == 0 || res.Paths[0].Length != 1 {
			t.Errorf("%+v: the direct link must come first: %d paths", tt.opts, len(res.Paths))
		}
	}
}
