package data

import (
	"errors"

	"github.com/relgraph/relgraph/graph"
)

// Snapshot files are the canonical JSON form of a (filtered) graph, written by WriteSnapshot and read
// back by Load like any dataset file. The layout is fixed so that the same graph always gives the same
// bytes and `git diff` of two snapshots reads well:
//
//	{
//	  "format": "relgraph-snapshot",
//	  "version": 1,
//	  "tool": "relgraph v1.2.0",
//	  "datasets": ["caucasus"],
//	  "filter": [{"at": "2016", "since": null, "until": null, "kinds": [], "exclude_kinds": []}],
//	  "kinds": {"links": [ …declared link kinds… ], "actors": [ …declared actor kinds… ]},
//	  "documents": [ …one document per line, by id… ],
//	  "actors": [ …one actor per line, by id… ],
//	  "links": [ …one link per line, by id… ]
//	}
//
// Every item is one line with every field in a fixed order, so a changed link is one changed line that
// names its id. The header's "filter" lists the filters that cut the graph, oldest first (a snapshot of a
// snapshot adds its own). "kinds" holds the kinds the dataset declares on top of the built-in ones.
//
// A snapshot is self-contained and loses nothing: it holds the actors present in the graph, whole, and
// the actors they refer to (by `in`, `stands_for` or a route) and the actors whose route segments are in
// the graph. Links derived from actors are not written but derived again on loading, and a snapshot
// loaded on its own has the filters of its header applied again, which drops the derived links and the
// actors that those filters had left out: loading gives back the graph that was written.

// SnapshotFormat and SnapshotVersion identify snapshot files; a reader refuses other versions.
const (
	SnapshotFormat  = "relgraph-snapshot"
	SnapshotVersion = 1
)

// SnapshotHeader is the provenance recorded at the top of a snapshot file.
type SnapshotHeader struct {
	// Tool names the program and version that wrote the file ("relgraph v1.2.0").
	Tool string
	// Datasets are the labels of the datasets the graph was loaded from.
	Datasets []string
	// Filters are the filters that cut the snapshot from the datasets, in the order they were applied;
	// zero filters are left out.
	Filters []graph.Filter
}

// ErrNotSnapshot is wrapped by ReadSnapshotHeader's error for a file that is not a relgraph snapshot.
var ErrNotSnapshot = errors.New("not a relgraph snapshot")
