package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
	"go.yaml.in/yaml/v3"
)

// The files of a dataset directory written by WriteDir.
const (
	ActorsFile = native.ActorsFile
	LinksFile  = native.LinksFile
	KindsFile  = "kinds.yaml"
)

// AliasSeparator separates aliases in the aliases column of actors.csv.
const AliasSeparator = native.ListSeparator

// WriteActors writes actors.csv with native.WriteActors in the import dialect: the columns
// id,name,kind,in,aliases and one column per attribute name (sorted), empty where an actor lacks it.
func (d *Dataset) WriteActors(w io.Writer) error {
	return native.WriteActors(w, len(d.actors), d.Actor, native.Options{Import: true})
}

// WriteLinks writes links.csv with native.WriteLinks in the import dialect: the columns
// kind,from,to,start,end,on,sign,weight,certainty and one column per attribute name (sorted). Values
// equal to the defaults are left empty: sign when it is the kind's, weight 1 (graph.DefaultWeight; a
// weight of 0 is written as 0), certainty reported.
func (d *Dataset) WriteLinks(w io.Writer) error {
	return native.WriteLinks(w, len(d.links), func(i int, l *graph.Link) int8 {
		d.fill(l, i)
		return d.linkKinds[d.links[i].kind].Sign
	}, native.Options{Import: true})
}

// HasKinds reports whether the dataset declares kinds, to be written to kinds.yaml.
func (d *Dataset) HasKinds() bool { return len(d.declLinks)+len(d.declActors) > 0 }

// WriteKinds writes the mapping's kind declarations as a dataset YAML file with a kinds: section.
func (d *Dataset) WriteKinds(w io.Writer) error {
	var f struct {
		Kinds KindDecls `yaml:"kinds"`
	}
	f.Kinds = KindDecls{Links: d.declLinks, Actors: d.declActors}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&f); err != nil {
		return err
	}
	return enc.Close()
}

// Files returns the dataset as the files of a dataset directory: actors.csv, links.csv and, when the
// mapping declares kinds, kinds.yaml.
func (d *Dataset) Files() (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{{ActorsFile, d.WriteActors}, {LinksFile, d.WriteLinks}, {KindsFile, d.WriteKinds}} {
		if f.name == KindsFile && !d.HasKinds() {
			continue
		}
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			return nil, err
		}
		out[f.name] = b.Bytes()
	}
	return out, nil
}

// WriteDir writes the dataset directory dir (actors.csv, links.csv, kinds.yaml) all at once, with
// disk.ReplaceDir: the files go to a new directory beside it that then takes its place, so dir holds
// either its old content or the new, never a part. An existing dir is replaced only when it holds
// nothing but those files.
func (d *Dataset) WriteDir(dir string) error {
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	return disk.ReplaceDir(dir, func(tmp string) error {
		for _, f := range []struct {
			name  string
			write func(io.Writer) error
		}{{ActorsFile, d.WriteActors}, {LinksFile, d.WriteLinks}, {KindsFile, d.WriteKinds}} {
			if f.name == KindsFile && !d.HasKinds() {
				continue
			}
			if err := writeFile(filepath.Join(tmp, f.name), f.write); err != nil {
				return err
			}
		}
		return nil
	})
}

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// checkReplaceable refuses to replace a directory that holds anything but the files an import writes.
func checkReplaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
			return fmt.Errorf("writing %s: it exists and is not a directory", dir)
		}
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	for _, e := range entries {
		switch e.Name() {
		case ActorsFile, LinksFile, KindsFile:
		default:
			return fmt.Errorf("writing %s: the directory holds %q; refusing to replace a directory that is not an import's output", dir, e.Name())
		}
	}
	return nil
}
