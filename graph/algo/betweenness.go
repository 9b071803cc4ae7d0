package algo

import (
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// BetweennessOptions selects how Betweenness is computed.
type BetweennessOptions struct {
	// Pivots, when in 1..N-1, estimates betweenness from shortest paths out of that many source nodes
	// drawn without replacement (with Seed) and scales the sums by N/Pivots; 0 or ≥ N computes it
	// exactly from every node.
	Pivots int
	// Seed seeds the draw of pivots: the same seed gives the same pivots and the same scores.
	Seed uint64
	// Normalized divides the scores by the number of ordered pairs of other nodes, (N-1)(N-2), for a
	// directed graph and by the number of unordered pairs, (N-1)(N-2)/2, for an undirected one, so
	// that a score is the share of pairs whose shortest paths pass through the node (as NetworkX does).
	Normalized bool
	// Workers bounds the number of goroutines; 0 means runtime.GOMAXPROCS(0). The scores do not
	// depend on it.
	Workers int
}

// Betweenness returns the shortest-path betweenness centrality of every node: the sum over pairs of
// other nodes (s, t) of the share of the shortest s→t paths that pass through it. Paths are counted by
// hops (edge costs are ignored) and follow edge directions in a directed graph; in an undirected graph
// each unordered pair is counted once. With opts.Pivots the scores are the sampled estimate described
// there; opts.Normalized rescales them to shares of pairs.
//
// It is Brandes' algorithm: a breadth-first search from each source counts shortest paths, and a pass
// over the nodes in reverse order accumulates their dependencies. Sources are searched in batches of up
// to 64 at once by bit-parallel breadth-first search (one scan of a node's edges serves every source of
// the batch that has the node on its frontier), which divides the random memory accesses that dominate
// on large graphs by up to the batch size. The batches are fixed by the sources alone; they run in
// parallel, each worker with its own buffers, and their sums are added in batch order, so the result is
// bit-for-bit the same for any number of workers. O(P·(N+E)) time for P sources, and O(W·N·64) memory
// (at most about 64 MiB per worker) for W workers.
func Betweenness(g *CSR, opts BetweennessOptions) []float64 {
	n := g.N
	bc := make([]float64, n)
	if n < 3 {
		return bc
	}
	sources := pivots(n, opts.Pivots, opts.Seed)
	rev := g.Reverse()
	batch := batchSize(n)
	nChunks := (len(sources) + batch - 1) / batch
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, nChunks)

	// Chunk c is the batch sources[c*batch:(c+1)*batch]. Finished chunks wait in done until every
	// earlier chunk has been added.
	var (
		mu      sync.Mutex
		nextRun int                          // next chunk to hand out
		nextAdd int                          // next chunk to add to bc
		done    = make([][]float64, nChunks) // finished chunks not yet added
		spare   [][]float64                  // chunk buffers ready for reuse
	)
	take := func() (int, []float64) {
		mu.Lock()
		defer mu.Unlock()
		if nextRun == nChunks {
			return -1, nil
		}
		c := nextRun
		nextRun++
		var buf []float64
		if k := len(spare); k > 0 {
			buf, spare = spare[k-1], spare[:k-1]
			clear(buf)
		} else {
			buf = make([]float64, n)
		}
		return c, buf
	}
	give := func(c int, buf []float64) {
		mu.Lock()
		defer mu.Unlock()
		done[c] = buf
		for nextAdd < nChunks && done[nextAdd] != nil {
			b := done[nextAdd]
			done[nextAdd] = nil
			for i, x := range b {
				bc[i] += x
			}
			spare = append(spare, b)
			nextAdd++
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := newBrandes(g, rev)
			for {
				c, acc := take()
				if c < 0 {
					return
				}
				w.run(sources[c*batch:min((c+1)*batch, len(sources))], acc)
				give(c, acc)
			}
		})
	}
	wg.Wait()

	scale := 1.0
	if len(sources) < n {
		scale = float64(n) / float64(len(sources))
	}
	if !g.Directed {
		scale /= 2
	}
	if opts.Normalized {
		pairs := float64(n-1) * float64(n-2)
		if !g.Directed {
			pairs /= 2
		}
		scale /= pairs
	}
	if scale != 1 {
		for i := range bc {
			bc[i] *= scale
		}
	}
	return bc
}

// pivots returns the sources of a betweenness computation: all nodes, or k of them drawn without
// replacement by a partial Fisher–Yates shuffle seeded with seed, in increasing order.
func pivots(n, k int, seed uint64) []int32 {
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	if k <= 0 || k >= n {
		return all
	}
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	for i := range k {
		j := i + r.IntN(n-i)
		all[i], all[j] = all[j], all[i]
	}
	p := all[:k]
	slices.Sort(p)
	return p
}

// batchSize returns the number of sources searched together on a graph of n nodes: 64 (one bit
// each in a uint64), fewer on very large graphs so that a worker's path counts (n·batch float64s) stay
// within about 64 MiB.
func batchSize(n int) int {
	b := 64
	for b > 1 && n*b*8 > 64<<20 {
		b /= 2
	}
	return b
}

// brandes holds one worker's buffers for Brandes' algorithm run from a batch of sources at once, by
// bit-parallel breadth-first search: the sources that have reached a node, or have it at a given
// distance, are bits of a uint64, so one pass over a node's edges serves every source of the batch.
//
// The search is kept as a list of levels; level L holds entries (node v, mask of the sources at distance
// L from v), and each entry owns popcount(mask) consecutive slots of val, one per source in bit order.
// A slot holds σ, the number of shortest paths from the source, until the backward pass replaces it with
// (1+δ)/σ. Moving between two levels, the loops run over the entries of one level in order and look up
// the other level at random through dense per-node arrays; the random side is always the smaller of the
// two levels, which keeps the memory touched at random small enough to stay in cache.
type brandes struct {
	g, rev *CSR     // rev: in-edges (g itself when undirected)
	seen   []uint64 // sources that have reached each node
	build  []uint64 // scratch: sources reaching each node at the level being built
	dm     []uint64 // dense lookup for one level: each node's mask …
	do     []int32  // … and the index of its first slot in val
	val    []float64
	tmp    []float64 // backward pass, push direction: sums for one level

	lvNode  []int32
	lvMask  []uint64
	lvOff   []int32 // first slot of each entry
	lvStart []int   // level L is entries lvStart[L]:lvStart[L+1]
}

func newBrandes(g, rev *CSR) *brandes {
	n := g.N
	return &brandes{g: g, rev: rev, seen: make([]uint64, n), build: make([]uint64, n), dm: make([]uint64, n),
		do: make([]int32, n), val: make([]float64, 0, n)}
}

// dense fills the per-node lookup for the entries k in lo..hi-1; undense clears it.
func (w *brandes) dense(lo, hi int) {
	for k := lo; k < hi; k++ {
		v := w.lvNode[k]
		w.dm[v], w.do[v] = w.lvMask[k], w.lvOff[k]
	}
}

func (w *brandes) undense(lo, hi int) {
	for _, v := range w.lvNode[lo:hi] {
		w.dm[v] = 0
	}
}

// slot returns the index of source bit b (a power of two) among the slots of an entry with mask m
// starting at off.
func slot(off int32, m, b uint64) int32 { return off + int32(bits.OnesCount64(m&(b-1))) }

// run adds to acc the dependencies of every node on the given sources (at most 64, distinct). The
// dependency of v on a source is δ(v) = σ(v)·Σ (1+δ(x))/σ(x) over the successors x of v (the
// out-neighbours one level further), so no predecessor lists are kept.
func (w *brandes) run(sources []int32, acc []float64) {
	g, rev := w.g, w.rev
	seen, build, dm, do := w.seen, w.build, w.dm, w.do
	clear(seen)
	w.lvNode, w.lvMask, w.lvOff = w.lvNode[:0], w.lvMask[:0], w.lvOff[:0]
	w.lvStart = append(w.lvStart[:0], 0)
	val := w.val[:0]
	for i, s := range sources {
		w.lvNode = append(w.lvNode, s)
		w.lvMask = append(w.lvMask, 1<<i)
		w.lvOff = append(w.lvOff, int32(i))
		seen[s] |= 1 << i
		val = append(val, 1)
	}
	w.lvStart = append(w.lvStart, len(w.lvNode))
	var local [64]float64

	// Forward: level L+1 from level L, first its entries, then its path counts.
	for L := 0; ; L++ {
		lo, hi := w.lvStart[L], w.lvStart[L+1]
		for k := lo; k < hi; k++ {
			v, fm := w.lvNode[k], w.lvMask[k]
			for _, x := range g.Nbr[g.Off[v]:g.Off[v+1]] {
				if m := fm &^ seen[x]; m != 0 {
					if build[x] == 0 {
						w.lvNode = append(w.lvNode, x)
					}
					build[x] |= m
				}
			}
		}
		nhi := len(w.lvNode)
		if nhi == hi {
			break
		}
		for _, x := range w.lvNode[hi:nhi] {
			m := build[x]
			build[x] = 0
			seen[x] |= m
			w.lvMask = append(w.lvMask, m)
			w.lvOff = append(w.lvOff, int32(len(val)))
			for range bits.OnesCount64(m) {
				val = append(val, 0)
			}
		}
		w.lvStart = append(w.lvStart, nhi)
		sizeL, sizeN := int(w.lvOff[hi]-w.lvOff[lo]), len(val)-int(w.lvOff[hi])
		if sizeL <= sizeN {
			// Pull into each entry of L+1 from its in-neighbours at L.
			w.dense(lo, hi)
			for k := hi; k < nhi; k++ {
				x, mx, ox := w.lvNode[k], w.lvMask[k], w.lvOff[k]
				for _, v := range rev.Nbr[rev.Off[x]:rev.Off[x+1]] {
					dv := dm[v]
					m := mx & dv
					if m == 0 {
						continue
					}
					ov := do[v]
					for ; m != 0; m &= m - 1 {
						b := m & -m
						val[slot(ox, mx, b)] += val[slot(ov, dv, b)]
					}
				}
			}
			w.undense(lo, hi)
		} else {
			// Push from each entry of L to its out-neighbours at L+1.
			w.dense(hi, nhi)
			for k := lo; k < hi; k++ {
				v, fv, ov := w.lvNode[k], w.lvMask[k], w.lvOff[k]
				for m, j := fv, ov; m != 0; m &= m - 1 {
					local[bits.TrailingZeros64(m)] = val[j]
					j++
				}
				for _, x := range g.Nbr[g.Off[v]:g.Off[v+1]] {
					dx := dm[x]
					m := fv & dx
					if m == 0 {
						continue
					}
					ox := do[x]
					for ; m != 0; m &= m - 1 {
						b := m & -m
						val[slot(ox, dx, b)] += local[bits.TrailingZeros64(b)]
					}
				}
			}
			w.undense(hi, nhi)
			local = [64]float64{}
		}
	}

	// Backward: the deepest level has no successors; then each level from its successors.
	D := len(w.lvStart) - 2
	for j := w.lvOff[w.lvStart[D]]; j < int32(len(val)); j++ {
		val[j] = 1 / val[j]
	}
	for L := D - 1; L >= 1; L-- {
		lo, hi, nhi := w.lvStart[L], w.lvStart[L+1], w.lvStart[L+2]
		base := w.lvOff[lo]
		sizeL, sizeN := int(w.lvOff[hi]-base), int(w.lvOff[nhi-1])+bits.OnesCount64(w.lvMask[nhi-1])-int(w.lvOff[hi])
		w.tmp = w.tmp[:0]
		for range sizeL {
			w.tmp = append(w.tmp, 0)
		}
		tmp := w.tmp
		if sizeN <= sizeL {
			// Pull each entry's sums from its out-neighbours at L+1.
			w.dense(hi, nhi)
			for k := lo; k < hi; k++ {
				v, fv, ov := w.lvNode[k], w.lvMask[k], w.lvOff[k]
				for _, x := range g.Nbr[g.Off[v]:g.Off[v+1]] {
					dx := dm[x]
					m := fv & dx
					if m == 0 {
						continue
					}
					ox := do[x]
					for ; m != 0; m &= m - 1 {
						b := m & -m
						local[bits.TrailingZeros64(b)] += val[slot(ox, dx, b)]
					}
				}
				for m, j := fv, ov-base; m != 0; m &= m - 1 {
					i := bits.TrailingZeros64(m)
					tmp[j] = local[i]
					local[i] = 0
					j++
				}
			}
			w.undense(hi, nhi)
		} else {
			// Push each entry's value at L+1 to its in-neighbours at L.
			w.dense(lo, hi)
			for k := hi; k < nhi; k++ {
				x, mx, ox := w.lvNode[k], w.lvMask[k], w.lvOff[k]
				for m, j := mx, ox; m != 0; m &= m - 1 {
					local[bits.TrailingZeros64(m)] = val[j]
					j++
				}
				for _, v := range rev.Nbr[rev.Off[x]:rev.Off[x+1]] {
					dv := dm[v]
					m := mx & dv
					if m == 0 {
						continue
					}
					ov := do[v] - base
					for ; m != 0; m &= m - 1 {
						b := m & -m
						tmp[slot(ov, dv, b)] += local[bits.TrailingZeros64(b)]
					}
				}
			}
			w.undense(lo, hi)
			local = [64]float64{}
		}
		// δ = σ·sum, and the slot becomes (1+δ)/σ = 1/σ + sum.
		for k := lo; k < hi; k++ {
			ov, n := w.lvOff[k], int32(bits.OnesCount64(w.lvMask[k]))
			d := 0.0
			for j := ov; j < ov+n; j++ {
				sigma, sum := val[j], tmp[j-base]
				d += sigma * sum
				val[j] = 1/sigma + sum
			}
			acc[w.lvNode[k]] += d
		}
	}
	w.val = val
}
