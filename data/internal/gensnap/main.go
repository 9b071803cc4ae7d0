// Command gensnap writes the embedded dataset's snapshot, data/caucasus.snapshot.json, from the YAML
// files in data/caucasus: the relgraph command loads the snapshot (a few milliseconds) instead of
// parsing the YAML (tens of milliseconds) on every start. Run it with `go generate ./data`.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/relgraph/relgraph/data"
)

func main() {
	var buf bytes.Buffer
	if err := data.WriteEmbeddedSnapshot(&buf); err != nil {
		fmt.Fprintln(os.Stderr, "gensnap:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(data.EmbeddedSnapshotFile, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gensnap:", err)
		os.Exit(1)
	}
}
