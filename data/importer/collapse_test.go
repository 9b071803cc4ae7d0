package importer

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixSort checks the radix sort against a stable comparison sort, with many equal keys.
func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1000, 70000, 200000} {
		keys := make([]sortKey, n)
		for i := range keys {
			keys[i] = sortKey{uint64(rng.IntN(3))<<48 | uint64(rng.IntN(50))<<16, uint64(rng.IntN(40))<<32 | uint64(rng.Uint32N(1<<20)), uint32(i)}
			if i%7 == 0 && i > 0 {
				keys[i].k1, keys[i].k2 = keys[i-1].k1, keys[i-1].k2
			}
		}
		want := slices.Clone(keys)
		slices.SortStableFunc(want, func(x, y sortKey) int { return cmp.Or(cmp.Compare(x.k1, y.k1), cmp.Compare(x.k2, y.k2)) })
		radixSort(keys)
		if !slices.Equal(keys, want) {
			t.Errorf("n=%d: radix sort differs from a stable sort", n)
		}
	}
}
