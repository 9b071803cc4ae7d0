package graph

import "slices"

// agentKinds are the actor kinds that act on behalf of the actor they are `in`.
var agentKinds = map[string]bool{"person": true, "company": true, "organization": true, "military-unit": true}

// Sphere returns actor a and the actors that act on its behalf: places that stand for it (a capital for
// its country) and the people, companies, organisations and military units whose `in` chain leads to
// it (its president, its state oil company, its ministries, its units), and theirs in turn. Places and
// infrastructure that merely lie in it are not part of it. The result is sorted. Questions about "the
// relationship between A and B" look at the links between their spheres. O(actors).
func (g *Graph) Sphere(a int32) []int32 {
	children := make(map[int32][]int32)
	for i := range g.u.actors {
		ac := &g.u.actors[i]
		if p, ok := g.u.byID[ac.StandsFor]; ok && p != int32(i) {
			children[p] = append(children[p], int32(i))
		}
		if p, ok := g.u.byID[ac.In]; ok && p != int32(i) && agentKinds[ac.Kind] {
			children[p] = append(children[p], int32(i))
		}
	}
	seen := map[int32]bool{a: true}
	out := []int32{a}
	for q := 0; q < len(out); q++ {
		for _, c := range children[out[q]] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return out
}

// StandsFor returns the actor that actor a stands for in political questions (a capital's country), or
// a itself.
func (g *Graph) StandsFor(a int32) int32 {
	if sf := g.u.actors[a].StandsFor; sf != "" {
		if i, ok := g.u.byID[sf]; ok {
			return i
		}
	}
	return a
}
