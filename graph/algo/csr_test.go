package algo

import (
	"errors"
	"slices"
	"testing"
)

func TestFromEdges(t *testing.T) {
	tests := []struct {
		name     string
		n        int
		directed bool
		edges    [][2]int32
		w        []float64
		off      []int32
		nbr      []int32
		wantW    []float64
	}{
		{name: "empty", n: 0, off: []int32{0}, nbr: []int32{}},
		{name: "isolated", n: 3, off: []int32{0, 0, 0, 0}, nbr: []int32{}},
		{name: "undirected both ways", n: 3, edges: [][2]int32{{2, 0}, {0, 1}},
			off: []int32{0, 2, 3, 4}, nbr: []int32{1, 2, 0, 0}},
		{name: "loops and duplicates dropped", n: 3, edges: [][2]int32{{1, 1}, {0, 1}, {1, 0}, {0, 1}},
			off: []int32{0, 1, 2, 2}, nbr: []int32{1, 0}},
		{name: "directed keeps direction", n: 3, directed: true, edges: [][2]int32{{0, 1}, {1, 0}, {2, 0}, {0, 1}},
			off: []int32{0, 1, 2, 3}, nbr: []int32{1, 0, 0}},
		{name: "minimum weight kept", n: 2, edges: [][2]int32{{0, 1}, {1, 0}, {0, 1}}, w: []float64{5, 2, 7},
			off: []int32{0, 1, 2}, nbr: []int32{1, 0}, wantW: []float64{2, 2}},
		{name: "directed weights", n: 3, directed: true, edges: [][2]int32{{0, 2}, {0, 1}, {0, 2}, {2, 2}},
			w: []float64{4, 1, 3, 9}, off: []int32{0, 2, 2, 2}, nbr: []int32{1, 2}, wantW: []float64{1, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := FromEdges(tt.n, tt.directed, tt.edges, tt.w)
			assertValid(t, g)
			if !slices.Equal(g.off, tt.off) || !slices.Equal(g.nbr, tt.nbr) || !slices.Equal(g.w, tt.wantW) {
				t.Errorf("got Off %v Nbr %v W %v, want %v %v %v", g.off, g.nbr, g.w, tt.off, tt.nbr, tt.wantW)
			}
		})
	}
}

func TestFromEdgesPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"node out of range": func() { FromEdges(2, false, [][2]int32{{0, 2}}, nil) },
		"negative node":     func() { FromEdges(2, false, [][2]int32{{-1, 0}}, nil) },
		"weights mismatch":  func() { FromEdges(2, false, [][2]int32{{0, 1}}, []float64{}) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			f()
		})
	}
}

func TestReverseAndUndirected(t *testing.T) {
	g := FromEdges(4, true, [][2]int32{{0, 1}, {0, 2}, {2, 1}, {3, 0}, {1, 0}}, []float64{1, 2, 3, 4, 5})
	r := g.Reverse()
	assertValid(t, r)
	if want := []int32{0, 2, 4, 5, 5}; !slices.Equal(r.off, want) {
		t.Errorf("reverse Off = %v, want %v", r.off, want)
	}
	if want := []int32{1, 3, 0, 2, 0}; !slices.Equal(r.nbr, want) {
		t.Errorf("reverse Nbr = %v, want %v", r.nbr, want)
	}
	if want := []float64{5, 4, 1, 3, 2}; !slices.Equal(r.w, want) {
		t.Errorf("reverse W = %v, want %v", r.w, want)
	}
	u := g.Undirected()
	assertValid(t, u)
	if want := []int32{1, 2, 3, 0, 2, 0, 1, 0}; !slices.Equal(u.nbr, want) {
		t.Errorf("undirected Nbr = %v, want %v", u.nbr, want)
	}
	// 0–1 costs min(1, 5).
	if want := []float64{1, 2, 4, 1, 3, 2, 3, 4}; !slices.Equal(u.w, want) {
		t.Errorf("undirected W = %v, want %v", u.w, want)
	}
	und := path5.csr()
	if und.Reverse() != und || und.Undirected() != und {
		t.Error("an undirected graph should be its own reverse and undirected view")
	}
	if g.NumEdges() != 5 || und.NumEdges() != 4 {
		t.Errorf("NumEdges = %d, %d, want 5, 4", g.NumEdges(), und.NumEdges())
	}
}

func TestDegrees(t *testing.T) {
	g := FromEdges(3, true, [][2]int32{{0, 1}, {0, 2}, {1, 2}, {2, 0}}, nil)
	if got, want := OutDegrees(g), []int32{2, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("OutDegrees = %v, want %v", got, want)
	}
	if got, want := InDegrees(g), []int32{1, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("InDegrees = %v, want %v", got, want)
	}
	if got, want := Degrees(g), []int32{3, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("Degrees = %v, want %v", got, want)
	}
	if got, want := Degrees(star5.csr()), []int32{4, 1, 1, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("Degrees(star) = %v, want %v", got, want)
	}
}

func TestNewCSR(t *testing.T) {
	type arrays struct {
		n        int
		off, nbr []int32
		w        []float64
		directed bool
	}
	bad := []arrays{
		{n: 2, off: []int32{0, 1}, nbr: []int32{1}},
		{n: 2, off: []int32{0, 1, 1}, nbr: []int32{1}},                                  // one direction only
		{n: 2, off: []int32{0, 1, 2}, nbr: []int32{0, 0}, directed: true},               // self loop
		{n: 2, off: []int32{0, 2, 2}, nbr: []int32{1, 1}, directed: true},               // duplicate
		{n: 2, off: []int32{0, 1, 1}, nbr: []int32{5}, directed: true},                  // out of range
		{n: 2, off: []int32{0, 1, 2}, nbr: []int32{1, 0}, w: []float64{1, 2}},           // asymmetric cost
		{n: 2, off: []int32{0, 1, 1}, nbr: []int32{1}, w: []float64{0}, directed: true}, // zero cost
		{n: 2, off: []int32{0, 1, 1}, nbr: []int32{1}, w: []float64{}, directed: true},  // costs missing
	}
	for i, a := range bad {
		if g, err := NewCSR(a.n, a.off, a.nbr, a.w, a.directed); !errors.Is(err, ErrInvalidCSR) || g != nil {
			t.Errorf("graph %d: NewCSR(%+v) = %v, %v, want ErrInvalidCSR", i, a, g, err)
		}
	}
	g, err := NewCSR(3, []int32{0, 2, 3, 4}, []int32{1, 2, 0, 0}, []float64{2, 5, 2, 5}, false)
	if err != nil {
		t.Fatal(err)
	}
	if g.NumNodes() != 3 || g.Directed() || !g.Weighted() || g.NumEdges() != 2 || g.NumEntries() != 4 {
		t.Errorf("NumNodes %d Directed %v Weighted %v NumEdges %d NumEntries %d", g.NumNodes(), g.Directed(), g.Weighted(), g.NumEdges(), g.NumEntries())
	}
	if !slices.Equal(g.Neighbors(0), []int32{1, 2}) || g.Degree(0) != 2 || g.Degree(2) != 1 || g.RowStart(2) != 3 {
		t.Errorf("Neighbors(0) %v Degree(0) %d Degree(2) %d RowStart(2) %d", g.Neighbors(0), g.Degree(0), g.Degree(2), g.RowStart(2))
	}
	if i := g.EdgeIndex(2, 0); i != 3 || g.Cost(i) != 5 {
		t.Errorf("EdgeIndex(2, 0) = %d with cost %v, want 3 and 5", i, g.Cost(i))
	}
	if g.EdgeIndex(1, 2) != -1 || g.HasEdge(1, 2) || !g.HasEdge(1, 0) {
		t.Error("edge 1–2 found, or edge 1–0 missing")
	}
	if c, ok := g.EdgeCost(0, 1); c != 2 || !ok {
		t.Errorf("EdgeCost(0, 1) = %v, %v, want 2, true", c, ok)
	}
	if c, ok := g.EdgeCost(1, 2); ok {
		t.Errorf("EdgeCost(1, 2) = %v, %v, want no edge", c, ok)
	}
	if u := g.Unweighted(); u.Weighted() || u.Cost(0) != 1 || !slices.Equal(u.Neighbors(0), g.Neighbors(0)) {
		t.Error("Unweighted kept costs or lost edges")
	}
}

func TestNewCSRUnchecked(t *testing.T) {
	// Not checked: a one-way undirected edge is taken as given, and Validate finds it.
	g := NewCSRUnchecked(2, []int32{0, 1, 1}, []int32{1}, nil, false)
	if g.NumEntries() != 1 || !errors.Is(g.Validate(), ErrInvalidCSR) {
		t.Errorf("NumEntries %d, Validate %v", g.NumEntries(), g.Validate())
	}
}

func TestPathCost(t *testing.T) {
	g := FromEdges(3, false, [][2]int32{{0, 1}, {1, 2}}, []float64{2.5, 4})
	if c := g.PathCost([]int32{0, 1, 2}); c != 6.5 {
		t.Errorf("PathCost = %v, want 6.5", c)
	}
	if c := g.PathCost([]int32{0, 2}); c != -1 {
		t.Errorf("PathCost of a non-path = %v, want -1", c)
	}
	if c := path5.csr().PathCost([]int32{0, 1, 2, 3}); c != 3 {
		t.Errorf("unweighted PathCost = %v, want 3", c)
	}
}

func FuzzFromEdges(f *testing.F) {
	f.Add(uint8(5), false, []byte{0, 1, 1, 2, 2, 2, 4, 0})
	f.Add(uint8(3), true, []byte{0, 1, 1, 0, 0, 1})
	f.Add(uint8(1), false, []byte{})
	f.Fuzz(func(t *testing.T, n8 uint8, directed bool, raw []byte) {
		n := int(n8%32) + 1
		var edges [][2]int32
		var w []float64
		for i := 0; i+1 < len(raw); i += 2 {
			edges = append(edges, [2]int32{int32(raw[i]) % int32(n), int32(raw[i+1]) % int32(n)})
			w = append(w, float64(1+(raw[i]^raw[i+1])%7))
		}
		g := FromEdges(n, directed, edges, w)
		if err := g.Validate(); err != nil {
			t.Fatal(err)
		}
		// Every input edge is present with a cost no larger than its own, and nothing else is.
		want := map[[2]int32]float64{}
		for i, e := range edges {
			if e[0] == e[1] {
				continue
			}
			keys := [][2]int32{e}
			if !directed {
				keys = append(keys, [2]int32{e[1], e[0]})
			}
			for _, k := range keys {
				if c, ok := want[k]; !ok || w[i] < c {
					want[k] = w[i]
				}
			}
		}
		if len(g.nbr) != len(want) {
			t.Fatalf("%d entries, want %d", len(g.nbr), len(want))
		}
		for u := range int32(n) {
			for i := g.off[u]; i < g.off[u+1]; i++ {
				if c, ok := want[[2]int32{u, g.nbr[i]}]; !ok || c != g.w[i] {
					t.Fatalf("edge %d→%d cost %v, want %v (present %v)", u, g.nbr[i], g.w[i], c, ok)
				}
			}
		}
		if directed {
			if err := g.Reverse().Validate(); err != nil {
				t.Fatal(err)
			}
			if err := g.Undirected().Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
