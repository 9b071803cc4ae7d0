// Package data loads relgraph datasets and checks them.
//
// A dataset is a directory of YAML files, each holding any of the sections `actors:`, `links:`,
// `sources:` and `kinds:`; files merge and ids are global. A dataset can also be the CSV pair
// actors.csv/links.csv (csv.go), a snapshot JSON file written by WriteSnapshot (snapshot.go), or a
// column mapping that imports any delimited files (package importer). Every problem in a dataset is reported at
// once, each at its place in its file (`file:line:col: message`), with a hint where one helps.
//
// The dataset built from the five South Caucasus articles is embedded (see Embedded), so the relgraph
// command works with no files at all.
package data
