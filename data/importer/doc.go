// Package importer brings delimited files (CSV, TSV, ';'-separated exports, gzip-compressed or not)
// into relgraph by a column mapping, the way analysts map columns to entities and links in i2 or
// Maltego import specifications.
//
// A Mapping says which files to read and how their columns become actors and links: which columns hold
// the two ends of a link, what kind each row's links are (a constant, a column, or indicator columns
// such as ATOP's atop_defense), which columns date them, weigh them and sign them, and which actor
// tables (a key column and a name column, such as COW's ccode and statenme) turn codes into actors.
// Run reads the files into a Dataset: actors with slug ids, links in a compact form. A Dataset is
// written as the native CSV pair (actors.csv, links.csv, plus kinds.yaml when the mapping declares
// kinds), or built straight into a *graph.Graph.
//
// A Mapping has a YAML form (see ParseMapping and Mapping.YAML), a file with one top-level section
// `import:`; IsMapping recognises such a file and Open imports it as an in-memory dataset, so that a
// mapping file can be loaded like a dataset.
//
// Rows that give the same link (the same kind, ends and date) are data, never dropped: their weights
// add up, whether or not they happen to be equal. For an undirected kind, a row that lists a pair the
// other way round is the same fact listed a second time and counts once. Stats counts both.
//
// Bad rows are collected with their line numbers; unless the mapping says skip_bad, any bad row fails
// the run and nothing is produced.
package importer
