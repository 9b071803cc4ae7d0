// Package jsonout is the one JSON encoding of relgraph's answers: the shapes that `--json` prints and
// that the HTTP API serves. The model (package graph) and the questions (package graph/query) carry no
// JSON; this package turns their values into documented shapes:
//
//   - absent dates are null, never left out: "start": null;
//   - lists are [] when empty, never null, and maps {} where the shape has a map;
//   - an actor's "in" is null when it belongs to nothing.
//
// Encode writes any of these shapes indented by two spaces, without HTML escaping (the output is data,
// not markup: a consumer that puts it into a page must escape it there).
package jsonout
