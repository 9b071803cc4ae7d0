package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/data/importer"
	"github.com/relgraph/relgraph/graph"
)

// Input names one dataset to load: a file system and, optionally, one file in it.
type Input struct {
	// Label prefixes file names in problems ("caucasus", or the path the user gave).
	Label string
	// FS holds the dataset.
	FS fs.FS
	// File, when set, is the one file of FS to load (a .yaml, .csv or .json file); otherwise every
	// dataset file under FS's root is loaded.
	File string
	// Dir is FS's directory on disk, when it has one: a column mapping (package importer) names its
	// input files relative to it.
	Dir string
}

// PathInput returns the Input for a path on disk: a dataset directory or a single dataset file.
func PathInput(p string) (Input, error) {
	st, err := os.Stat(p)
	if err != nil {
		return Input{}, fmt.Errorf("dataset %w", err)
	}
	if st.IsDir() {
		return Input{Label: p, FS: os.DirFS(p), Dir: p}, nil
	}
	dir, file := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	return Input{Label: strings.TrimSuffix(dir, string(filepath.Separator)), FS: os.DirFS(dir), File: file, Dir: dir}, nil
}

// part is one parsed input file, ready to feed a Builder. Indexes passed to locate count from the
// part's first item of each section.
type part interface {
	// declared returns the kinds the part declares, with positions for problems.
	declared() ([]graph.LinkKind, []graph.ActorKind, []Position)
	// feed adds the part's documents, actors and links to b and returns how many of each it added.
	feed(b *graph.Builder, k *graph.Kinds) (docs, actors, links int)
	// locate returns the position of a field of the index-th item of a section.
	locate(section string, index int, field string) Position
}

// Load reads the given inputs into one graph: files merge, ids are global. An invalid dataset gives
// Problems listing everything wrong, sorted by file and position; I/O failures give a plain error.
func Load(inputs ...Input) (*graph.Graph, error) {
	var parts []part
	var problems Problems
	for _, in := range inputs {
		ps, err := readInput(in, &problems)
		if err != nil {
			return nil, err
		}
		parts = append(parts, ps...)
	}
	if len(parts) == 0 && len(problems) == 0 {
		return nil, errors.New("no dataset files found (want .yaml, .csv or snapshot .json files)")
	}

	kinds := graph.NewKinds()
	for _, p := range parts {
		lks, aks, pos := p.declared()
		for i, lk := range lks {
			if err := kinds.AddLink(lk); err != nil {
				problems = append(problems, Problem{Position: pos[i], Message: err.Error()})
			}
		}
		for _, ak := range aks {
			if err := kinds.AddActor(ak); err != nil {
				problems = append(problems, Problem{Message: err.Error()})
			}
		}
	}

	b := graph.NewBuilder(kinds)
	// start[i][s] and count[i][s]: the range of section s's indexes that part i fed to the builder.
	start := make([][3]int, len(parts))
	count := make([][3]int, len(parts))
	var at [3]int
	for i, p := range parts {
		start[i] = at
		d, a, l := p.feed(b, kinds)
		count[i] = [3]int{d, a, l}
		for s := range at {
			at[s] += count[i][s]
		}
	}
	g, err := b.Build()
	var gps graph.Problems
	if errors.As(err, &gps) {
		locate := func(section string, index int, field string) Position {
			s := sectionIndex(section)
			for i := range parts {
				if local := index - start[i][s]; local >= 0 && local < count[i][s] {
					return parts[i].locate(section, local, field)
				}
			}
			return Position{File: "(dataset)"}
		}
		for _, gp := range gps {
			msg := gp.Message
			if gp.Other != nil {
				msg += " (the other is at " + locate(gp.Other.Section, gp.Other.Index, "").String() + ")"
			}
			problems = append(problems, Problem{Position: locate(gp.Section, gp.Index, gp.Field), Message: msg})
		}
	} else if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		sortProblems(problems)
		return nil, problems
	}
	if n, ok := parts[0].(narrower); ok && len(parts) == 1 {
		return n.narrow(g)
	}
	return g, nil
}

// narrower is a part that, loaded on its own, cuts the built graph down: a snapshot applies the
// filters it was cut with again (see snapshot.go).
type narrower interface {
	narrow(g *graph.Graph) (*graph.Graph, error)
}

func sectionIndex(section string) int {
	switch section {
	case "sources":
		return 0
	case "actors":
		return 1
	}
	return 2
}

func sortProblems(ps Problems) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
}

// readInput parses the files of one input. Problems in a file's syntax are appended to problems; the
// error is for I/O failures.
func readInput(in Input, problems *Problems) ([]part, error) {
	var files []string
	if in.File != "" {
		files = []string{in.File}
	} else {
		err := fs.WalkDir(in.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != "." && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if isDatasetFile(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading dataset %s: %w", in.Label, err)
		}
		slices.Sort(files)
	}
	var parts []part
	for _, f := range files {
		label := f
		if in.Label != "" {
			label = path.Join(filepath.ToSlash(in.Label), f)
		}
		switch strings.ToLower(path.Ext(f)) {
		case ".yaml", ".yml":
			src, err := fs.ReadFile(in.FS, f)
			if err != nil {
				return nil, fmt.Errorf("reading %s: %w", label, err)
			}
			if importer.IsMapping(src) { // a column mapping: import the files it names
				sub, err := importer.Open(in.FS, f, in.Dir)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", label, err)
				}
				ps, err := readInput(Input{Label: label, FS: sub}, problems)
				if err != nil {
					return nil, err
				}
				parts = append(parts, ps...)
				continue
			}
			yf, ps := parseYAML(label, src)
			*problems = append(*problems, ps...)
			parts = append(parts, &yf)
		default:
			p, ps, err := readOther(in.FS, f, label)
			if err != nil {
				return nil, err
			}
			*problems = append(*problems, ps...)
			if p != nil {
				parts = append(parts, p)
			}
		}
	}
	return parts, nil
}

// isDatasetFile reports whether a file found in a dataset directory is loaded.
func isDatasetFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".yaml", ".yml":
		return true
	case ".csv":
		base := strings.ToLower(path.Base(p))
		return base == "actors.csv" || base == "links.csv"
	}
	return false
}

// readOther loads the non-YAML formats: the CSV pair (csv.go) and snapshot JSON (snapshot.go).
func readOther(fsys fs.FS, file, label string) (part, Problems, error) {
	switch strings.ToLower(path.Ext(file)) {
	case ".csv":
		return readCSV(fsys, file, label)
	case ".json":
		return readSnapshot(fsys, file, label)
	}
	return nil, Problems{{Position: Position{File: label}, Message: "unsupported dataset file (want .yaml, .csv or snapshot .json)"}}, nil
}

// declared implements part.
func (y *yamlFile) declared() ([]graph.LinkKind, []graph.ActorKind, []Position) {
	return y.linkKinds, y.actorKinds, y.kindPos
}

// feed implements part.
func (y *yamlFile) feed(b *graph.Builder, k *graph.Kinds) (int, int, int) {
	for _, d := range y.docs {
		b.AddDocument(d)
	}
	for _, a := range y.actors {
		b.AddActor(a)
	}
	for i := range y.links {
		l := y.links[i]
		if l.Sign == signUnset {
			lk, _ := k.Link(l.Kind)
			l.Sign = lk.Sign
		}
		b.AddLink(&l)
	}
	return len(y.docs), len(y.actors), len(y.links)
}

// locate implements part.
func (y *yamlFile) locate(section string, index int, field string) Position {
	var fps []fieldPos
	switch section {
	case "sources":
		fps = y.docPos
	case "actors":
		fps = y.actorPos
	default:
		fps = y.linkPos
	}
	if index < 0 || index >= len(fps) {
		return Position{}
	}
	return fps[index].at(field)
}
