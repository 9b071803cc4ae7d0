// Package graph holds relgraph's typed, dated multigraph: actors, links between them (any number per
// pair), link and actor kinds, partial dates and intervals, and the filters that cut a snapshot out of a
// graph at a date, in a window of time or by kind.
//
// A Graph is immutable once built. It stores links in a compact form (dense int32 actor indexes, fixed-size
// link records, attributes and sources out of line) with adjacency in compressed sparse row form for both
// directions, so that graphs of a million links load in well under a second and whole-graph algorithms
// (package graph/algo) run on projections built from it. Filters return new graphs that share the actor
// table and out-of-line data with their parent; the parent is never mutated.
//
// The package also resolves the names users give actors (Resolve, with typed errors) and compares two
// graphs (Diff). The questions asked of a graph — paths, connections, ego networks, rankings,
// chokepoints, balance — live in package graph/query; package graph/simple views a graph through the
// API of github.com/dominikbraun/graph.
//
// The package does no I/O: loading files is package data's job, drawing is package render's.
package graph
