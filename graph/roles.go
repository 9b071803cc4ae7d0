package graph

import (
	"slices"
	"sync"
)

// roleIndex lists, for each actor, the links in which it has a role: built on first use, since only
// the questions about one actor's links need it.
type roleIndex struct {
	once     sync.Once
	off, adj []int32
}

// RoleLinks returns the links in which actor a has a role (Link.Roles), not those it is an end of, in
// increasing order; in a graph rolled up to a level, the links in which an actor that counts as a has
// a role. The slice is shared; do not modify it. O(links) the first time, then O(1).
func (g *Graph) RoleLinks(a int32) []int32 {
	ri := &g.roles
	ri.once.Do(func() {
		n := len(g.u.actors)
		ri.off = make([]int32, n+1)
		each := func(f func(a, l int32)) {
			for l := range g.links {
				x := g.links[l].extra
				if x < 0 {
					continue
				}
				for _, ro := range g.u.extras[x].roles {
					if a, ok := g.roleActor(&ro); ok {
						f(a, int32(l))
					}
				}
			}
		}
		each(func(a, _ int32) { ri.off[a+1]++ })
		for i := 1; i <= n; i++ {
			ri.off[i] += ri.off[i-1]
		}
		ri.adj = make([]int32, ri.off[n])
		next := slices.Clone(ri.off[:n])
		each(func(a, l int32) {
			// An actor named in two roles of one link lists the link once.
			if next[a] > ri.off[a] && ri.adj[next[a]-1] == l {
				return
			}
			ri.adj[next[a]] = l
			next[a]++
		})
		ri.off, ri.adj = compactSegments(ri.off, ri.adj, next)
	})
	return ri.adj[ri.off[a]:ri.off[a+1]]
}

// compactSegments removes the unfilled tail of each segment of a CSR whose segment k was filled up
// to next[k].
func compactSegments(off, adj, next []int32) ([]int32, []int32) {
	n := len(next)
	out := make([]int32, 0, len(adj))
	newOff := make([]int32, n+1)
	for k := range n {
		out = append(out, adj[off[k]:next[k]]...)
		newOff[k+1] = int32(len(out))
	}
	return newOff, slices.Clip(out)
}

// involves reports whether link i involves an actor of set (given as a membership test): one of its
// ends or one of its roles.
func (g *Graph) involves(i int32, in func(int32) bool) (end, role bool) {
	r := &g.links[i]
	end = in(r.from) || in(r.to)
	if r.extra >= 0 {
		for _, ro := range g.u.extras[r.extra].roles {
			if a, ok := g.roleActor(&ro); ok && in(a) {
				role = true
				break
			}
		}
	}
	return end, role
}

// LinksInvolving returns the links that concern the actors of set a, in increasing order: with b nil,
// every link with an end or a role (Link.Roles) in a; otherwise the links that join a and b, with an
// end in one of the sets and the other end, or a role, in the other. So a visit from Vladimir Putin to
// Azerbaijan with Ilham Aliyev as its host joins Putin and Aliyev, but not Aliyev and Azerbaijan's
// capital when Baku is only its place, since neither of those is an end. Compare LinksAcross, which
// looks at ends only, as the paths do.
func (g *Graph) LinksInvolving(a, b []int32) []int32 {
	inA := memberOf(a)
	var inB func(int32) bool
	if b != nil {
		inB = memberOf(b)
	}
	var out []int32
	add := func(l int32) {
		if b == nil || g.joins(l, inA, inB) {
			out = append(out, l)
		}
	}
	for _, x := range a {
		for _, l := range g.Out(x) {
			add(l)
		}
		for _, l := range g.In(x) {
			add(l)
		}
		for _, l := range g.RoleLinks(x) {
			add(l)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// joins reports whether link l joins the sets inA and inB: an end in one, and the other end or a role
// in the other.
func (g *Graph) joins(l int32, inA, inB func(int32) bool) bool {
	r := &g.links[l]
	if inA(r.from) && inB(r.to) || inA(r.to) && inB(r.from) {
		return true
	}
	endA, roleA := g.involves(l, inA)
	endB, roleB := g.involves(l, inB)
	return endA && roleB || endB && roleA
}

// memberOf returns a membership test for set s.
func memberOf(s []int32) func(int32) bool {
	if len(s) == 1 {
		x := s[0]
		return func(a int32) bool { return a == x }
	}
	m := make(map[int32]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return func(a int32) bool { return m[a] }
}
