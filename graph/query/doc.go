// Package query answers the questions relgraph asks of a graph.Graph, for the command line and any
// other front end alike: the paths between two actors (Paths, EachPath), who connects two actors or
// their spheres (Connect), an actor's ego network (Ego for the actors a diagram or an export shows,
// Neighborhood for the same ring described actor by actor), the shortest path in the form a diagram
// draws (ShortestPathView), rankings (Rank), chokepoints and cuts (Chokepoints, Cut) and the
// structural balance of the signed graph (Balance).
//
// Each question is a function taking the graph. The answers name actors by id and carry links in full
// (graph.Link), with JSON field names; the views for drawing (Ego, PathView) give actor and link
// numbers instead. The errors are typed: *AbsentError for an actor without links (it matches
// graph.ErrAbsent), *NoPathError when no path joins two actors, and ErrSameActor wrapped for a
// question about one actor twice. Searches for several paths are bounded by a step budget
// (PathOptions.MaxSteps, ConnectOptions.MaxSteps) and say when it ran out.
//
// The questions run on the graph's compact projections (graph.Graph.Project) with the algorithms of
// package graph/algo, and read the graph only through its exported accessors. graph.Diff stays in
// package graph: it compares the two graphs' compact link records directly, which is what makes it
// fast, and those records are not exported.
package query
