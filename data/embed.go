package data

import (
	"embed"
	"io"
	"io/fs"
)

//go:generate go run ./internal/gensnap

//go:embed caucasus/*.yaml
var caucasus embed.FS

//go:embed caucasus.snapshot.json
var caucasusSnapshot embed.FS

// EmbeddedName is the label under which the embedded dataset's files are reported.
const EmbeddedName = "caucasus"

// EmbeddedSnapshotFile is the snapshot of the embedded dataset that the relgraph command loads; it is
// generated from the YAML files by `go generate ./data`, and a test checks that it is current.
const EmbeddedSnapshotFile = "caucasus.snapshot.json"

// Embedded returns the YAML source files of the embedded South Caucasus dataset as a file system.
func Embedded() fs.FS {
	sub, err := fs.Sub(caucasus, "caucasus")
	if err != nil { // unreachable: the directory is embedded
		panic(err)
	}
	return sub
}

// EmbeddedInput is the Input of the embedded dataset: its snapshot, which loads several times faster
// than its YAML sources and gives the same graph.
func EmbeddedInput() Input {
	return Input{Label: EmbeddedName, FS: caucasusSnapshot, File: EmbeddedSnapshotFile}
}

// EmbeddedSourceInput is the Input of the embedded dataset's YAML sources, whose problems carry
// positions in the YAML files (for validation).
func EmbeddedSourceInput() Input { return Input{Label: EmbeddedName, FS: Embedded()} }

// WriteEmbeddedSnapshot loads the embedded YAML sources and writes their snapshot, as stored in
// EmbeddedSnapshotFile.
func WriteEmbeddedSnapshot(w io.Writer) error {
	g, err := Load(EmbeddedSourceInput())
	if err != nil {
		return err
	}
	return WriteSnapshot(w, g, SnapshotHeader{Tool: "relgraph", Datasets: []string{EmbeddedName}})
}
