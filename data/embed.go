package data

import (
	"embed"
	"io/fs"
)

//go:embed caucasus/*.yaml
var caucasus embed.FS

// EmbeddedName is the label under which the embedded dataset's files are reported.
const EmbeddedName = "caucasus"

// Embedded returns the embedded South Caucasus dataset as a file system of YAML files.
func Embedded() fs.FS {
	sub, err := fs.Sub(caucasus, "caucasus")
	if err != nil { // unreachable: the directory is embedded
		panic(err)
	}
	return sub
}
