package algo

import (
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
// over the nodes in reverse order accumulates their dependencies. The sources are split into a fixed
// number of chunks, independent of the number of workers; the chunks run in parallel, each worker with
// its own buffers, and their sums are added in chunk order, so the result is bit-for-bit the same for
// any number of workers. O(P·(N+E)) time for P sources and O(W·N) memory for W workers.
func Betweenness(g *CSR, opts BetweennessOptions) []float64 {
	n := g.N
	bc := make([]float64, n)
	if n < 3 {
		return bc
	}
	sources := pivots(n, opts.Pivots, opts.Seed)
	const maxChunks = 64
	nChunks := min(len(sources), maxChunks)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, nChunks)

	// Chunk c covers sources[c*len/nChunks : (c+1)*len/nChunks]. Finished chunks wait in done until
	// every earlier chunk has been added.
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
				lo, hi := c*len(sources)/nChunks, (c+1)*len(sources)/nChunks
				for _, s := range sources[lo:hi] {
					w.run(s, acc)
				}
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

// brandes holds one worker's buffers for single-source dependency accumulation.
type brandes struct {
	g    *CSR
	dist []int32
	// val holds σ(v), the number of shortest paths from the source to v, until the backward pass
	// replaces it with (1+δ(v))/σ(v).
	val   []float64
	order []int32
}

func newBrandes(g *CSR) *brandes {
	w := &brandes{g: g, dist: make([]int32, g.N), val: make([]float64, g.N), order: make([]int32, 0, g.N)}
	for i := range w.dist {
		w.dist[i] = -1
	}
	return w
}

// run adds to acc the dependencies of every node on source s. The backward pass pulls from successors
// (w with dist[w] = dist[v]+1), so it reads only out-edges and needs no predecessor lists:
// δ(v) = σ(v)·Σ (1+δ(w))/σ(w).
func (w *brandes) run(s int32, acc []float64) {
	off, nbr := w.g.Off, w.g.Nbr
	dist, val := w.dist, w.val
	order := append(w.order[:0], s)
	dist[s] = 0
	val[s] = 1
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv1 := dist[v] + 1
		sv := val[v]
		for _, x := range nbr[off[v]:off[v+1]] {
			dx := dist[x]
			if dx < 0 {
				dist[x] = dv1
				order = append(order, x)
				val[x] = sv
			} else if dx == dv1 {
				val[x] += sv
			}
		}
	}
	for i := len(order) - 1; i > 0; i-- {
		v := order[i]
		dv1 := dist[v] + 1
		sum := 0.0
		for _, x := range nbr[off[v]:off[v+1]] {
			if dist[x] == dv1 {
				sum += val[x]
			}
		}
		sv := val[v]
		val[v] = 1/sv + sum
		acc[v] += sv * sum
	}
	for _, v := range order {
		dist[v] = -1
	}
	w.order = order
}
