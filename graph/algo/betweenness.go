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
// bit-for-bit the same for any number of workers. O(P·(N+E)) time for P sources. Each of the W workers
// holds a batch's path counts (N·64 float64s, capped near 64 MiB by smaller batches on larger graphs)
// and the batch's levels: an entry per node and distinct distance from the batch's sources, a few per
// node on small-world graphs and up to 64 on long chains.
func Betweenness(g *CSR, opts BetweennessOptions) []float64 {
	n := g.n
	bc := make([]float64, n)
	if n < 3 {
		return bc
	}
	sources := pivots(n, opts.Pivots, opts.Seed)
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
			w := newBrandes(g)
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
	if !g.directed {
		scale /= 2
	}
	if opts.Normalized {
		pairs := float64(n-1) * float64(n-2)
		if !g.directed {
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
// distance, are bits of a uint64, so one pass over a node's edges serves every source of the batch that
// has the node at that distance, and a node's path counts for all the sources sit side by side.
type brandes struct {
	g     *CSR
	batch int
	bits  []nodeBits
	// val[v*batch+i] holds σ_i(v), the number of shortest paths from source i to v, until the backward
	// pass replaces it with (1+δ_i(v))/σ_i(v).
	val []float64
	// The levels: entries lvNode[k], lvMask[k] (a node and the sources it is at that distance from),
	// level L in lvStart[L]:lvStart[L+1].
	lvNode  []int32
	lvMask  []uint64
	lvStart []int
}

// nodeBits holds a node's source sets side by side, so that one memory access fetches both.
type nodeBits struct {
	seen uint64 // sources that have reached the node
	mask uint64 // sources that reach it at the level being built or, backwards, looked up
}

func newBrandes(g *CSR) *brandes {
	b := batchSize(g.n)
	return &brandes{g: g, batch: b, bits: make([]nodeBits, g.n), val: make([]float64, g.n*b)}
}

// run adds to acc the dependencies of every node on the given sources (at most w.batch, distinct).
// The dependency of v on a source is δ(v) = σ(v)·Σ (1+δ(x))/σ(x) over the successors x of v (its
// out-neighbours one level further), so the backward pass reads only out-edges and no predecessor lists
// are kept.
func (w *brandes) run(sources []int32, acc []float64) {
	off, nbr := w.g.off, w.g.nbr
	B := w.batch
	nb, val := w.bits, w.val
	clear(nb)
	lvNode, lvMask, lvStart := w.lvNode[:0], w.lvMask[:0], append(w.lvStart[:0], 0)
	for i, s := range sources {
		lvNode = append(lvNode, s)
		lvMask = append(lvMask, 1<<i)
		nb[s].seen |= 1 << i
		val[int(s)*B+i] = 1
	}
	lvStart = append(lvStart, len(lvNode))
	// Forward: level L+1 from level L. mask collects the sources reaching a node at L+1; seen is
	// updated only after the level, so that it still means "reached at a distance ≤ L". The first
	// contribution to a path count overwrites it, so val needs no clearing between batches.
	for L := 0; ; L++ {
		lo, hi := lvStart[L], lvStart[L+1]
		for k := lo; k < hi; k++ {
			v, fm := lvNode[k], lvMask[k]
			vrow := val[int(v)*B : int(v)*B+B]
			for _, x := range nbr[off[v]:off[v+1]] {
				p := &nb[x]
				m := fm &^ p.seen
				if m == 0 {
					continue
				}
				old := p.mask
				if old == 0 {
					lvNode = append(lvNode, x)
				}
				p.mask = old | m
				xrow := val[int(x)*B : int(x)*B+B]
				for first := m &^ old; first != 0; first &= first - 1 {
					i := bits.TrailingZeros64(first)
					xrow[i] = vrow[i]
				}
				for more := m & old; more != 0; more &= more - 1 {
					i := bits.TrailingZeros64(more)
					xrow[i] += vrow[i]
				}
			}
		}
		if len(lvNode) == hi {
			break
		}
		for _, x := range lvNode[hi:] {
			p := &nb[x]
			lvMask = append(lvMask, p.mask)
			p.seen |= p.mask
			p.mask = 0
		}
		lvStart = append(lvStart, len(lvNode))
	}
	// Backward: level by level from the deepest, with mask holding the sources of the level below.
	// Level 0 holds the sources themselves, which get no dependency.
	D := len(lvStart) - 2
	for k := lvStart[D]; k < lvStart[D+1]; k++ {
		vrow := val[int(lvNode[k])*B:]
		for m := lvMask[k]; m != 0; m &= m - 1 {
			i := bits.TrailingZeros64(m)
			vrow[i] = 1 / vrow[i]
		}
	}
	var sum [64]float64
	for L := D - 1; L >= 1; L-- {
		lo, nlo, nhi := lvStart[L], lvStart[L+1], lvStart[L+2]
		for k := nlo; k < nhi; k++ {
			nb[lvNode[k]].mask = lvMask[k]
		}
		for k := lo; k < nlo; k++ {
			v, fm := lvNode[k], lvMask[k]
			for _, x := range nbr[off[v]:off[v+1]] {
				m := fm & nb[x].mask
				if m == 0 {
					continue
				}
				xrow := val[int(x)*B : int(x)*B+B]
				for ; m != 0; m &= m - 1 {
					i := bits.TrailingZeros64(m)
					sum[i] += xrow[i]
				}
			}
			vrow := val[int(v)*B : int(v)*B+B]
			d := 0.0
			for m := fm; m != 0; m &= m - 1 {
				i := bits.TrailingZeros64(m)
				sv := vrow[i]
				d += sv * sum[i]
				vrow[i] = 1/sv + sum[i]
				sum[i] = 0
			}
			acc[v] += d
		}
		for k := nlo; k < nhi; k++ {
			nb[lvNode[k]].mask = 0
		}
	}
	w.lvNode, w.lvMask, w.lvStart = lvNode, lvMask, lvStart
}
