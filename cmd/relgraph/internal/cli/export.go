package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/export"
	"github.com/spf13/cobra"
)

// exportAliases are other names --as accepts.
var exportAliases = map[string]export.Format{"json": export.Cytoscape, "cyjs": export.Cytoscape}

// exportDot is the DOT format, which export hands to the diagram code, and exportCSV relgraph's own
// CSV pair, which package data/native writes.
const (
	exportDot = "dot"
	exportCSV = "csv"
)

// exportExts maps output file extensions to formats.
var exportExts = map[string]string{".graphml": "graphml", ".gexf": "gexf", ".json": "cytoscape", ".cyjs": "cytoscape", ".dot": "dot", ".gv": "dot"}

// exportDirFiles are the files an export directory may already hold for export to replace it.
var exportDirFiles = []string{"actors.csv", "links.csv", "dataset.yaml", "load.cypher", "README.txt"}

// exportOptions are the flags of 'relgraph export'.
type exportOptions struct {
	data   *dataset
	out    *printer
	stderr io.Writer

	as, focus string
	depth     int
	depthSet  bool // --depth was given
	mixed     bool
}

func newExportCmd(f *factory) *cobra.Command {
	opts := &exportOptions{data: f.data, out: f.out, stderr: f.stderr}
	cmd := &cobra.Command{
		Use:   "export [--as graphml|gexf|cytoscape|neo4j|csv|dot] [--focus ACTOR [--depth N]] [-o FILE|DIR]",
		Short: "Write the graph for other tools: GraphML, GEXF, Cytoscape.js JSON, Neo4j import files, CSV",
		Long: `Write the graph — under the global filters, or the ego network of --focus — in another tool's format:

  graphml    GraphML for yEd, Gephi, NetworkX and igraph: every actor and link field as a declared
             attribute, parallel links as separate edges with their link ids
  gexf       GEXF 1.3 for Gephi, with time: links and events carry spells, so Gephi's timeline plays
             the relationship over the years; coloured by kind like the diagrams
  cytoscape  Cytoscape.js JSON ({"elements": {"nodes", "edges"}}), safe to paste into a web page
  neo4j      a directory with actors.csv and links.csv for 'neo4j-admin database import', a
             load.cypher script (LOAD CSV + MERGE) for an existing database, and README.txt
  csv        a directory with relgraph's own actors.csv and links.csv (plus dataset.yaml for the
             source documents and declared kinds), which loads back with --data losslessly
  dot        Graphviz DOT, as 'relgraph render --as dot' writes it

The format comes from --as or from -o's extension (.graphml, .gexf, .json, .dot). graphml, gexf,
cytoscape and dot go to -o FILE or standard output; neo4j and csv need -o DIR, which is written in
full or not at all (an existing DIR is replaced only when it holds nothing but export files).

Edges are directed from→to with a boolean "directed" attribute saying whether the kind has a
direction; NetworkX reads only such files. --mixed instead marks links of undirected kinds as
undirected edges, which Gephi and yEd draw without arrows.`,
		Example: `  relgraph export --as graphml -o caucasus.graphml
  relgraph export --as gexf --since 1992 --until 2024 --mixed -o caucasus.gexf
  relgraph export --as cytoscape --focus russia --depth 2 > russia.json
  relgraph export --as neo4j -o neo4j-import
  relgraph export --as csv --kinds arms_sale,troop_base -o military`,
		Args: exactArgs(0, "no arguments (use --focus to export an actor's ego network)"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.depthSet = cmd.Flags().Changed("depth")
			return runExport(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.as, "as", "", "`format`: graphml, gexf, cytoscape, neo4j, csv or dot (default: from -o's extension)")
	fl.StringVar(&opts.focus, "focus", "", "export only the ego network of `ACTOR`")
	fl.IntVar(&opts.depth, "depth", 1, "with --focus, the actors within `N` links of it (direction ignored)")
	fl.BoolVar(&opts.mixed, "mixed", false, "graphml, gexf: mark links of undirected kinds as undirected edges (Gephi, yEd; NetworkX refuses such files)")
	_ = cmd.RegisterFlagCompletionFunc("as", cobra.FixedCompletions([]string{"graphml", "gexf", "cytoscape", "neo4j", "csv", "dot"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("focus", f.data.completeActors)
	return cmd
}

func runExport(opts *exportOptions) error {
	if opts.out.isJSON() {
		return usagef("export writes the format of --as; --json and --format json do not apply (try --as cytoscape)")
	}
	if opts.depthSet && opts.focus == "" {
		return usagef("--depth needs --focus ACTOR")
	}
	if opts.depth < 0 {
		return usagef("--depth %d: want 0 or more", opts.depth)
	}
	format, err := exportFormat(opts.as, opts.out.output)
	if err != nil {
		return err
	}
	full, g, err := opts.data.graph()
	if err != nil {
		return err
	}
	v := export.Whole(g)
	desc := "exported by relgraph"
	if opts.focus != "" {
		center, err := resolve(g, opts.focus)
		if err != nil {
			return err
		}
		if !g.Present(center) {
			return fmt.Errorf("%s is not in the graph%s", full.Actor(center).Name, opts.data.underFilter())
		}
		v = export.Focus(g, center, opts.depth)
		desc += fmt.Sprintf("; actors within %d link(s) of %s", opts.depth, full.Actor(center).ID)
	}
	if d := opts.data.filterDesc(); d != "" {
		desc += "; " + d
	}
	f, _ := opts.data.filter() // checked by graph
	eo := export.Options{Mixed: opts.mixed, Description: desc, Window: graph.Window{From: f.Since, To: f.Until}}
	if f.At != 0 {
		eo.Window = graph.At(f.At)
	}
	return writeExport(opts.out, opts.stderr, format, v, eo, opts.focus != "")
}

// exportFormat decides the format from --as and the extension of -o's output.
func exportFormat(as, output string) (string, error) {
	fromExt := ""
	if output != "" && output != "-" {
		fromExt = exportExts[strings.ToLower(filepath.Ext(output))]
	}
	if f, ok := exportAliases[as]; ok {
		as = string(f)
	}
	switch {
	case as == "" && fromExt != "":
		return fromExt, nil
	case as == "":
		return "", usagef("say which format to write with --as graphml|gexf|cytoscape|neo4j|csv|dot (or name a .graphml, .gexf or .json file with -o)")
	case as != exportDot && as != exportCSV && !slices.Contains(export.Formats(), export.Format(as)):
		return "", usagef("unknown --as %q (want graphml, gexf, cytoscape, neo4j, csv or dot)", as)
	case fromExt != "" && fromExt != as:
		return "", usagef("--as %s contradicts the extension of %q", as, output)
	}
	return as, nil
}

// writeExport writes v in the given format through out (to -o or standard output), saying on stderr
// what a directory got. A single-file format is written
// as a stream, never held whole in memory.
// With focused false, DOT draws what 'relgraph render' draws: every actor that has a link.
func writeExport(out *printer, stderr io.Writer, format string, v export.View, opts export.Options, focused bool) error {
	var err error
	switch f := export.Format(format); {
	case f.IsDir() || format == exportCSV:
		if !out.toFile() {
			return usagef("--as %s writes a directory: give it with -o DIR", format)
		}
		var files []export.File
		if f == export.Neo4j {
			files, err = export.WriteNeo4j(v)
		} else {
			files, err = nativeFiles(v)
		}
		if err != nil {
			return err
		}
		if err := writeDirAtomic(out.output, files); err != nil {
			return err
		}
		names := make([]string, len(files))
		for i, file := range files {
			names[i] = file.Name
		}
		note := ""
		if f == export.Neo4j {
			note = " (README.txt has the import commands)"
		}
		_, err = fmt.Fprintf(stderr, "wrote %d actors and %d links to %s: %s%s\n", len(v.Actors), len(v.Links), out.output, strings.Join(names, ", "), note)
		return err
	case f == export.GraphML:
		return out.stream(false, func(w io.Writer) error { return export.WriteGraphML(w, v, opts) })
	case f == export.GEXF:
		return out.stream(false, func(w io.Writer) error { return export.WriteGEXF(w, v, opts) })
	case f == export.Cytoscape:
		return out.stream(false, func(w io.Writer) error { return export.WriteCytoscape(w, v) })
	}
	dopts := render.DOTOptions{Title: opts.Description}
	if focused {
		dopts.Actors = nonNil(v.Actors)
	}
	return out.stream(false, func(w io.Writer) error { return render.DOT(w, v.Graph, dopts) })
}

// nativeFiles returns the files of relgraph's own CSV dataset holding v (native.WriteGraph).
func nativeFiles(v export.View) ([]export.File, error) {
	nf, err := native.WriteGraph(v.Graph, v.Actors, v.Links)
	if err != nil {
		return nil, err
	}
	files := make([]export.File, len(nf))
	for i, f := range nf {
		files[i] = export.File{Name: f.Name, Data: f.Data}
	}
	return files, nil
}

// writeDirAtomic writes files into directory dir all at once (disk.ReplaceDir), so that dir is never
// left half-written. An existing dir is replaced only when it holds nothing but files an export writes.
func writeDirAtomic(dir string, files []export.File) error {
	dir = filepath.Clean(dir)
	switch st, err := os.Stat(dir); {
	case err == nil && !st.IsDir():
		return fmt.Errorf("%s exists and is not a directory", dir)
	case err == nil:
		entries, err := os.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("writing %s: %w", dir, err)
		}
		var others []string
		for _, e := range entries {
			if e.IsDir() || !slices.Contains(exportDirFiles, e.Name()) {
				others = append(others, e.Name())
			}
		}
		if len(others) > 0 {
			return fmt.Errorf("%s exists and holds other files (%s); remove it or choose another directory", dir, strings.Join(others, ", "))
		}
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	return disk.ReplaceDir(dir, func(tmp string) error {
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(tmp, f.Name), f.Data, 0o666); err != nil {
				return err
			}
		}
		return nil
	})
}
