package graph

import (
	"math"
	"testing"
)

// TestAddLinkWeight checks that a Builder keeps the weight it is given, 0 included, and reports weights
// that are not finite non-negative numbers.
func TestAddLinkWeight(t *testing.T) {
	tests := []struct {
		weight  float64
		problem string // "" when the weight is kept
	}{
		{0, ""},
		{1, ""},
		{2.5, ""},
		{1e-300, ""},
		{math.MaxFloat64, ""},
		{-1, `links[0].weight: weight -1 is negative`},
		{math.Inf(1), `links[0].weight: weight +Inf is not a finite number`},
		{math.Inf(-1), `links[0].weight: weight -Inf is not a finite number`},
		{math.NaN(), `links[0].weight: weight NaN is not a finite number`},
	}
	for _, tt := range tests {
		b := NewBuilder(nil)
		b.AddActor(Actor{ID: "a", Kind: "country"})
		b.AddActor(Actor{ID: "b", Kind: "country"})
		b.AddLink(&Link{Kind: "trade", From: "a", To: "b", Weight: tt.weight})
		g, err := b.Build()
		switch {
		case tt.problem == "" && err != nil:
			t.Errorf("weight %v: %v", tt.weight, err)
		case tt.problem == "" && g.Link(0).Weight != tt.weight:
			t.Errorf("weight %v came back as %v", tt.weight, g.Link(0).Weight)
		case tt.problem != "" && (err == nil || err.Error() != tt.problem):
			t.Errorf("weight %v: error %v, want %s", tt.weight, err, tt.problem)
		}
	}
}
