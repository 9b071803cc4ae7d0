package graph

import "slices"

// Sphere returns actor a and every actor that acts on its behalf or belongs to it: places that stand
// for it (a capital for its country), and actors whose `in` chain leads to it (its cities, companies,
// people and units, and theirs in turn). The result is sorted. Questions about "the relationship
// between A and B" look at the links between their spheres. O(actors).
func (g *Graph) Sphere(a int32) []int32 {
	children := make(map[int32][]int32)
	for i := range g.u.actors {
		ac := &g.u.actors[i]
		for _, ref := range [2]string{ac.In, ac.StandsFor} {
			if p, ok := g.u.byID[ref]; ok && ref != "" && p != int32(i) {
				children[p] = append(children[p], int32(i))
			}
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
