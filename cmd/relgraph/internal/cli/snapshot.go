package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/version"
	"github.com/spf13/cobra"
)

// snapshotOptions are what 'relgraph snapshot' needs; it takes no flags of its own.
type snapshotOptions struct {
	data   *dataset
	stdout io.Writer
	stderr io.Writer
	output string // -o: the snapshot file, or "" or "-" for standard output
}

func newSnapshotCmd(f *factory) *cobra.Command {
	opts := &snapshotOptions{data: f.data, stdout: f.stdout, stderr: f.stderr}
	return &cobra.Command{
		Use:   "snapshot [-o FILE.json]",
		Short: "Write the filtered graph as a canonical JSON snapshot",
		Long: `Write the graph as the filters select it (--at, --since, --until, --kinds, --exclude-kinds) as a
snapshot file: canonical JSON with a header naming the dataset, the filters and the relgraph version,
then the declared kinds, the documents, the actors present and the links, each sorted by id and on a
line of its own with every field in a fixed order. The same graph always gives the same bytes, so
snapshots can be kept under version control and 'git diff' shows what changed, one line per link.

A snapshot file is a dataset: pass it to --data, or compare two with 'relgraph diff'. Nothing is
lost: actors are written whole, with the actors they refer to; links derived from actors (an actor's
located_in link, a route's segments) are derived again on loading, and a snapshot loaded on its own
applies the filters of its header again, so it gives back exactly the graph that was written.

Without -o the snapshot goes to standard output.`,
		Example: `  relgraph snapshot --at 2016 -o caucasus-2016.json
  relgraph snapshot --at 2024 -o caucasus-2024.json
  relgraph diff caucasus-2016.json caucasus-2024.json
  relgraph show azerbaijan --data caucasus-2016.json
  relgraph snapshot --kinds pipeline,railway > transport.json`,
		Args: rangeArgs(0, 0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.output = f.global.output
			return runSnapshot(opts)
		},
	}
}

func runSnapshot(opts *snapshotOptions) error {
	toFile := opts.output != "" && opts.output != "-"
	if toFile && !strings.EqualFold(filepath.Ext(opts.output), ".json") {
		return usagef("a snapshot file must end in .json, so that --data and diff recognise it (got %q)", opts.output)
	}
	_, g, err := opts.data.graph()
	if err != nil {
		return err
	}
	f, err := opts.data.filter()
	if err != nil {
		return err
	}
	ins, err := opts.data.inputs()
	if err != nil {
		return err
	}
	h := snapshotHeader(ins, f)
	write := func(w io.Writer) error { return data.WriteSnapshot(w, g, h) }
	if !toFile {
		return write(opts.stdout)
	}
	if err := writeFileStream(opts.output, write); err != nil {
		return err
	}
	fmt.Fprintf(opts.stderr, "wrote %s: %d actors, %d links%s\n", opts.output, g.NumPresent(), g.NumLinks(), opts.data.underFilter())
	return nil
}

// snapshotHeader returns the provenance of a snapshot taken with filter f of the datasets ins: the
// datasets loaded (for a snapshot given as a dataset, the datasets it was taken from) and the filters
// applied to them.
func snapshotHeader(ins []data.Input, f graph.Filter) data.SnapshotHeader {
	h := data.SnapshotHeader{Tool: toolVersion()}
	for _, in := range ins {
		if in.File != "" && strings.EqualFold(filepath.Ext(in.File), ".json") {
			if sh, err := data.ReadSnapshotHeader(in.FS, in.File); err == nil {
				for _, d := range sh.Datasets {
					if !slices.Contains(h.Datasets, d) {
						h.Datasets = append(h.Datasets, d)
					}
				}
				h.Filters = append(h.Filters, sh.Filters...)
				continue
			}
		}
		if l := inputLabel(in); !slices.Contains(h.Datasets, l) {
			h.Datasets = append(h.Datasets, l)
		}
	}
	if !f.IsZero() {
		h.Filters = append(h.Filters, f)
	}
	return h
}

// inputLabel names an input as the user gave it: the embedded dataset's name, a directory, or a file.
func inputLabel(in data.Input) string {
	if in.File == "" || in == data.EmbeddedInput() {
		return in.Label
	}
	return filepath.Join(in.Label, in.File)
}

// toolVersion names the program and its module version, as a snapshot's header records it
// ("relgraph v1.2.0", or "relgraph (devel)" for a build that recorded none).
func toolVersion() string { return "relgraph " + version.Read("relgraph").Version }

// writeFileStream writes the file name through write, without holding the whole content in memory, all
// at once and as a shell's > would (disk.WriteFile): an existing file keeps its permissions, a new one
// gets the umask's, a symbolic link is written through to its target, and a read-only file is refused.
func writeFileStream(name string, write func(io.Writer) error) error {
	return disk.WriteFile(name, write)
}
