// Package native is relgraph's own dataset format in one place: the field schema of actors and links
// (which fields there are, in which order each file layout lists them, how each is read and written),
// the cell escaping of the native CSV pair, and the one writer of that pair (actors.csv, links.csv)
// with the dataset.yaml that carries what the pair cannot. `relgraph export --as csv` and the importer
// both write through it; the data package reads what it writes.
package native
