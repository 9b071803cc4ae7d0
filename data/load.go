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

	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/data/importer"
	"github.com/relgraph/relgraph/graph"
	"go.yaml.in/yaml/v3"
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
	// Dir, when set, is FS's directory on disk, and lets a column mapping loaded as File (package
	// importer) read input files outside FS: the names it gives that leave FS ("../shared/atop.csv",
	// "/data/atop.csv") are opened from disk relative to Dir. A mapping found in a dataset directory
	// never may: Dir is left empty there, and such a name is a problem of the dataset.
	Dir string
}

// DefaultMaxFileSize is the size limit of one dataset file that PathInput reads: a larger file (or a
// column mapping's input file) is a problem of the dataset, not read. PathInputLimit sets another.
const DefaultMaxFileSize = 1 << 30

// fileSizeHint says how to raise the size limit of dataset files, in problems.
const fileSizeHint = "raise it with --max-file-size"

// PathInput returns the Input for a path on disk: a dataset directory or a single dataset file. Every
// file is read through disk.Dir, confined to the directory: names that leave it, through ".." or a
// symbolic link, are problems of the dataset, as are files that are not regular files (devices,
// named pipes, sockets) and files larger than DefaultMaxFileSize. A symbolic link inside the
// directory to another of its files is followed. A single file given through a symbolic link loads
// from the directory of the file the link leads to, and problems name that file.
func PathInput(p string) (Input, error) { return PathInputLimit(p, DefaultMaxFileSize) }

// PathInputLimit is PathInput with limit, in bytes, as the size limit of one file.
func PathInputLimit(p string, limit int64) (Input, error) {
	st, err := os.Stat(p)
	if err != nil {
		// "dataset nowhere: no such file or directory", naming the path as the user gave it.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return Input{}, fmt.Errorf("dataset %s: %w", p, pe.Err)
		}
		return Input{}, fmt.Errorf("dataset %w", err)
	}
	if st.IsDir() {
		fsys, err := disk.Dir(p, limit)
		if err != nil {
			return Input{}, fmt.Errorf("dataset %w", err)
		}
		return Input{Label: p, FS: fsys}, nil
	}
	if !st.Mode().IsRegular() {
		return Input{}, fmt.Errorf("dataset %s: %w; give a dataset directory or file", p, &disk.NotRegularError{Mode: st.Mode()})
	}
	if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		if p, err = filepath.EvalSymlinks(p); err != nil {
			return Input{}, fmt.Errorf("dataset %w", err)
		}
	}
	dir, file := filepath.Split(p)
	if dir == "" {
		dir = "."
	}
	fsys, err := disk.Dir(dir, limit)
	if err != nil {
		return Input{}, fmt.Errorf("dataset %w", err)
	}
	return Input{Label: strings.TrimSuffix(dir, string(filepath.Separator)), FS: fsys, File: file, Dir: dir}, nil
}

// part is one parsed input file, ready to feed a Builder. Indexes passed to locate count from the
// part's first item of each section.
type part interface {
	// declared returns the kinds the part declares, with positions for problems.
	declared() declarations
	// feed adds the part's documents, actors and links to b and returns how many of each it added.
	feed(b *graph.Builder, k *graph.Kinds) (docs, actors, links int)
	// locate returns the position of a field of the index-th item of a section.
	locate(section string, index int, field string) Position
}

// Load reads the given inputs into one graph: files merge, ids are global. An invalid dataset gives
// Problems listing everything wrong, sorted by file and position; a dataset file that cannot be read
// (refused by disk.Dir, or failing to open) is one of them, at the file's name. Other I/O failures
// give a plain error.
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
		d := p.declared()
		for i, lk := range d.links {
			if err := kinds.AddLink(lk); err != nil {
				problems = append(problems, Problem{Position: d.linkPos[i], Message: err.Error()})
			}
		}
		for _, ak := range d.actors {
			if err := kinds.AddActor(ak); err != nil {
				problems = append(problems, Problem{Message: err.Error()})
			}
		}
		for _, rk := range d.roles {
			if err := kinds.AddRole(rk); err != nil {
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

// readInput parses the files of one input. Problems in a file's syntax, and files that cannot be
// read, are appended to problems; the error is for other I/O failures.
func readInput(in Input, problems *Problems) ([]part, error) {
	var files []string
	if in.File != "" {
		files = []string{in.File}
	} else {
		err := fs.WalkDir(in.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == "." {
					return err
				}
				*problems = append(*problems, Problem{Position: Position{File: joinLabel(in.Label, p)}, Message: readMessage(err, "directory")})
				return nil // WalkDir skips a directory it cannot read
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
		label := joinLabel(in.Label, f)
		switch strings.ToLower(path.Ext(f)) {
		case ".yaml", ".yml":
			src, err := fs.ReadFile(in.FS, f)
			if err != nil {
				if p, ok := unreadable(label, err); ok {
					*problems = append(*problems, p)
					continue
				}
				return nil, fmt.Errorf("reading %s: %w", label, err)
			}
			if importer.IsMapping(src) { // a column mapping: import the files it names
				sub, err := importer.Open(in.FS, f, in.Dir)
				if err != nil {
					if p, ok := mappingInputProblem(label, f, in.Dir, src, err); ok {
						*problems = append(*problems, p)
						continue
					}
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
				if p, ok := unreadable(label, err); ok {
					*problems = append(*problems, p)
					continue
				}
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

// joinLabel names file f of an input labelled label, for problems.
func joinLabel(label, f string) string {
	if label == "" {
		return f
	}
	return path.Join(filepath.ToSlash(label), f)
}

// unreadable turns an error reading a dataset file into the problem of the file it is, when it is
// one: the file was refused (it leads outside, is not a regular file, or is too large) or failed to
// open or read.
func unreadable(label string, err error) (Problem, bool) {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return Problem{}, false
	}
	return Problem{Position: Position{File: label}, Message: readMessage(err, "file")}, true
}

// readMessage says why a dataset file (what is "file" or "directory") cannot be read.
func readMessage(err error, what string) string {
	var (
		out  *disk.OutsideError
		nr   *disk.NotRegularError
		size *disk.SizeError
		pe   *fs.PathError
	)
	switch {
	case errors.As(err, &out):
		return "the " + what + " is a symbolic link that leads outside the dataset directory; only files inside it are read"
	case errors.As(err, &nr):
		return fmt.Sprintf("the %s is %s, not a regular file; only regular files are read", what, nr.Kind())
	case errors.As(err, &size):
		return sizeMessage("the "+what, size)
	case errors.As(err, &pe):
		return fmt.Sprintf("cannot read the %s: %v", what, pe.Err)
	}
	return fmt.Sprintf("cannot read the %s: %v", what, err)
}

// sizeMessage says that what (a file) is over the size limit of dataset files, and how to raise it.
func sizeMessage(what string, e *disk.SizeError) string {
	if e.Size < 0 {
		return fmt.Sprintf("%s grew past %s, the size limit of one dataset file, while it was read (%s)", what, disk.FormatSize(e.Limit), fileSizeHint)
	}
	return fmt.Sprintf("%s is %s, over %s, the size limit of one dataset file (%s)", what, disk.FormatSize(e.Size), disk.FormatSize(e.Limit), fileSizeHint)
}

// mappingInputProblem turns an error importing the column mapping file of an input (labelled label,
// at path file of its file system, with source src; osDir is the input's Dir) into a problem at the
// mapping's file: entry naming the input file that cannot be read, when that is what went wrong.
func mappingInputProblem(label, file, osDir string, src []byte, err error) (Problem, bool) {
	var (
		out  *disk.OutsideError
		nr   *disk.NotRegularError
		size *disk.SizeError
		pe   *fs.PathError
	)
	if !errors.As(err, &pe) { // the mapping named a file outside the directory
		if !errors.As(err, &out) {
			return Problem{}, false
		}
		pos, name := filePosition(label, file, osDir, src, out.Name)
		return Problem{Position: pos, Message: fmt.Sprintf("file %q is outside the dataset directory; a mapping in a dataset directory reads only files inside it (to read files elsewhere, load the mapping file itself: --data %s)", name, label)}, true
	}
	pos, name := filePosition(label, file, osDir, src, pe.Path)
	var msg string
	switch {
	case errors.As(err, &out):
		msg = fmt.Sprintf("file %q is a symbolic link that leads outside the dataset directory; only files inside it are read", name)
	case errors.As(err, &nr):
		msg = fmt.Sprintf("file %q is %s, not a regular file; only regular files are read", name, nr.Kind())
	case errors.As(err, &size):
		msg = sizeMessage(fmt.Sprintf("file %q", name), size)
	default:
		msg = fmt.Sprintf("file %q cannot be read: %v", name, pe.Err)
	}
	return Problem{Position: pos, Message: msg}, true
}

// filePosition finds, in the mapping file of the given label (at path file of its file system, with
// source src; osDir is the input's Dir), the file: entry that names name: as written, joined to the
// mapping's directory, or joined to osDir too. It returns the entry's position and value, or the
// mapping file and name when none does.
func filePosition(label, file, osDir string, src []byte, name string) (Position, string) {
	pos := Position{File: label}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return pos, name
	}
	base := path.Dir(file)
	names := func(v string) bool {
		return v == name || path.Join(base, filepath.ToSlash(v)) == name ||
			(osDir != "" && filepath.Join(osDir, filepath.FromSlash(base), v) == name)
	}
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k, v := n.Content[i], n.Content[i+1]; k.Value == "file" && v.Kind == yaml.ScalarNode && names(v.Value) {
					pos.Line, pos.Col, name = v.Line, v.Column, v.Value
					return true
				}
			}
		}
		for _, c := range n.Content {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(&doc)
	return pos, name
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

// declarations are the kinds a part of a dataset declares: link kinds with their positions, actor
// kinds and role kinds.
type declarations struct {
	links   []graph.LinkKind
	linkPos []Position
	actors  []graph.ActorKind
	roles   []graph.RoleKind
}

// declared implements part.
func (y *yamlFile) declared() declarations {
	return declarations{links: y.linkKinds, linkPos: y.kindPos, actors: y.actorKinds, roles: y.roleKinds}
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
