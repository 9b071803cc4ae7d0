package query

import (
	"maps"
	"slices"

	"github.com/relgraph/relgraph/graph"
)

// KindCount is the number of changes of one kind.
type KindCount struct {
	Kind    string
	Added   int
	Removed int
	Changed int
}

// DiffCounts counts the changes of a diff: of actors, of links per kind and of all links.
type DiffCounts struct {
	Actors KindCount
	Links  []KindCount
	Total  KindCount
}

// CountChanges counts the changes c: of actors, of links per kind (in kind order) and of all links.
func CountChanges(c *graph.Changes) DiffCounts {
	s := DiffCounts{Actors: KindCount{Kind: "actors", Added: len(c.Actors.Added), Removed: len(c.Actors.Removed), Changed: len(c.Actors.Changed)},
		Total: KindCount{Kind: "links"}, Links: []KindCount{}}
	byKind := map[string]*KindCount{}
	count := func(kind string) *KindCount {
		if byKind[kind] == nil {
			byKind[kind] = &KindCount{Kind: kind}
		}
		return byKind[kind]
	}
	for _, l := range c.Links.Added {
		count(l.Kind).Added++
		s.Total.Added++
	}
	for _, l := range c.Links.Removed {
		count(l.Kind).Removed++
		s.Total.Removed++
	}
	for _, ch := range c.Links.Changed {
		count(ch.After.Kind).Changed++
		s.Total.Changed++
	}
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		s.Links = append(s.Links, *byKind[k])
	}
	return s
}
