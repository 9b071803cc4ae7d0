package algo

import (
	"slices"
	"testing"
	"time"
)

// complete returns the complete graph on n nodes, with unit costs when weighted.
func complete(n int, weighted bool) *CSR {
	var edges [][2]int32
	var w []float64
	for i := range int32(n) {
		for j := i + 1; j < int32(n); j++ {
			edges = append(edges, [2]int32{i, j})
			w = append(w, 1)
		}
	}
	if !weighted {
		w = nil
	}
	return FromEdges(n, false, edges, w)
}

// collect runs a path search that delivers paths one at a time and returns copies of the first max
// paths (all when max ≤ 0) and how it ended.
func collect(search func(*Budget, func([]int32) bool) Stop, budget *Budget, max int) ([][]int32, Stop) {
	var paths [][]int32
	stop := search(budget, func(p []int32) bool {
		paths = append(paths, slices.Clone(p))
		return max <= 0 || len(paths) < max
	})
	return paths, stop
}

func TestBudget(t *testing.T) {
	var none *Budget
	if !none.Spend(1<<40) || none.Exhausted() || none.Used() != 0 || none.Max() != -1 {
		t.Errorf("a nil budget must allow anything: %v %v %v", none.Exhausted(), none.Used(), none.Max())
	}
	b := NewBudget(10)
	tests := []struct {
		spend     int64
		ok, exhst bool
		used      int64
	}{
		{4, true, false, 4},
		{6, true, false, 10},
		{1, false, true, 11},
		{0, false, true, 11},
	}
	for _, tt := range tests {
		if ok := b.Spend(tt.spend); ok != tt.ok || b.Exhausted() != tt.exhst || b.Used() != tt.used {
			t.Errorf("Spend(%d) = %v, exhausted %v, used %d; want %v, %v, %d", tt.spend, ok, b.Exhausted(), b.Used(), tt.ok, tt.exhst, tt.used)
		}
	}
	if b.Max() != 10 {
		t.Errorf("Max = %d, want 10", b.Max())
	}
}

// TestPathSearchBudget checks that a search stopped by its budget has delivered exactly the first
// paths of its order, that it used about as many steps as it was given (it may overrun by a unit of
// work: the reverse search, a row of edges, or a spur search on a graph of n nodes), and that a larger
// budget finds more.
func TestPathSearchBudget(t *testing.T) {
	const n = 12
	searches := []struct {
		name    string
		search  func(g *CSR) func(*Budget, func([]int32) bool) Stop
		overrun int64
	}{
		{"all simple paths", func(g *CSR) func(*Budget, func([]int32) bool) Stop {
			return func(b *Budget, y func([]int32) bool) Stop { return AllSimplePathsFunc(g, 0, 1, 6, b, y) }
		}, n * n},
		{"yen", func(g *CSR) func(*Budget, func([]int32) bool) Stop {
			return func(b *Budget, y func([]int32) bool) Stop { return KShortestPathsFunc(g, 0, 1, b, y) }
		}, 4 * n * n},
	}
	for _, weighted := range []bool{false, true} {
		g := complete(n, weighted)
		for _, s := range searches {
			if s.name == "all simple paths" && weighted {
				continue
			}
			search := s.search(g)
			all, stop := collect(search, nil, 20000)
			if stop != Stopped || len(all) != 20000 {
				t.Fatalf("%s: unlimited search gave %d paths, %v", s.name, len(all), stop)
			}
			prev := 0
			for _, steps := range []int64{1, 50, 1000, 20000, 200000} {
				b := NewBudget(steps)
				got, stop := collect(search, b, 20000)
				if stop != OutOfSteps {
					t.Errorf("%s weighted=%v budget %d: stop %v, want OutOfSteps", s.name, weighted, steps, stop)
				}
				if !slices.EqualFunc(got, all[:len(got)], slices.Equal) {
					t.Errorf("%s weighted=%v budget %d: the %d paths found are not the first of the order", s.name, weighted, steps, len(got))
				}
				if b.Used() > steps+s.overrun {
					t.Errorf("%s weighted=%v budget %d: used %d steps", s.name, weighted, steps, b.Used())
				}
				if len(got) < prev {
					t.Errorf("%s weighted=%v budget %d: %d paths, fewer than %d with a smaller budget", s.name, weighted, steps, len(got), prev)
				}
				prev = len(got)
			}
			if prev == 0 {
				t.Errorf("%s weighted=%v: no budget found a path", s.name, weighted)
			}
		}
	}
}

// TestKShortestPathsFirstPathAlways checks that Yen's algorithm delivers the shortest path whatever
// its budget, and that without a budget it finishes with the number of paths there are.
func TestKShortestPathsFirstPathAlways(t *testing.T) {
	g := diamond.csr()
	got, stop := collect(func(b *Budget, y func([]int32) bool) Stop { return KShortestPathsFunc(g, 0, 3, b, y) }, NewBudget(0), 0)
	if !equalPaths(got, [][]int32{{0, 1, 3}}) || stop != OutOfSteps {
		t.Errorf("budget 0: %v %v, want [[0 1 3]] OutOfSteps", got, stop)
	}
	got, stop = collect(func(b *Budget, y func([]int32) bool) Stop { return KShortestPathsFunc(g, 0, 3, b, y) }, nil, 0)
	if len(got) != 3 || stop != Finished {
		t.Errorf("no budget: %v %v, want 3 paths, Finished", got, stop)
	}
	got, stop = collect(func(b *Budget, y func([]int32) bool) Stop { return KShortestPathsFunc(g, 0, 3, b, y) }, nil, 2)
	if len(got) != 2 || stop != Stopped {
		t.Errorf("yield stops: %v %v, want 2 paths, Stopped", got, stop)
	}
	got, stop = collect(func(b *Budget, y func([]int32) bool) Stop { return KShortestPathsFunc(g, 2, 2, b, y) }, nil, 0)
	if !equalPaths(got, [][]int32{{2}}) || stop != Finished {
		t.Errorf("s == t: %v %v", got, stop)
	}
}

func TestAllSimplePathsFuncStops(t *testing.T) {
	g := diamond.csr()
	tests := []struct {
		maxLen, max int
		budget      *Budget
		want        [][]int32
		stop        Stop
	}{
		{3, 0, nil, [][]int32{{0, 1, 3}, {0, 2, 3}, {0, 4, 5, 3}}, Finished},
		{3, 1, nil, [][]int32{{0, 1, 3}}, Stopped},
		{3, 0, NewBudget(0), nil, OutOfSteps},
		{1, 0, NewBudget(0), nil, Finished}, // no path of 1 hop: the distance bound says so at once
		// A length far beyond N-1 is N-1: no buffer of that size is made.
		{1 << 50, 0, nil, [][]int32{{0, 1, 3}, {0, 2, 3}, {0, 4, 5, 3}}, Finished},
	}
	for _, tt := range tests {
		got, stop := collect(func(b *Budget, y func([]int32) bool) Stop { return AllSimplePathsFunc(g, 0, 3, tt.maxLen, b, y) }, tt.budget, tt.max)
		if !equalPaths(got, tt.want) || stop != tt.stop {
			t.Errorf("maxLen %d, max %d: %v %v, want %v %v", tt.maxLen, tt.max, got, stop, tt.want, tt.stop)
		}
	}
}

// TestDenseSearchesEnd runs both searches on a complete graph of 60 nodes, where the paths between
// two nodes number in the billions, with a budget of a million steps: each must end promptly.
func TestDenseSearchesEnd(t *testing.T) {
	g := complete(60, false)
	for name, search := range map[string]func(*Budget, func([]int32) bool) Stop{
		"all simple paths": func(b *Budget, y func([]int32) bool) Stop { return AllSimplePathsFunc(g, 0, 1, 59, b, y) },
		"yen":              func(b *Budget, y func([]int32) bool) Stop { return KShortestPathsFunc(g, 0, 1, b, y) },
	} {
		start := time.Now()
		b := NewBudget(1_000_000)
		n := 0
		stop := search(b, func([]int32) bool { n++; return true })
		if el := time.Since(start); stop != OutOfSteps || el > 5*time.Second || n == 0 {
			t.Errorf("%s: %v after %d paths in %v", name, stop, n, el)
		}
	}
}
