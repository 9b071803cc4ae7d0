package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/graph"
	"go.yaml.in/yaml/v3"
)

// The files of a dataset directory written by WriteDir.
const (
	ActorsFile = "actors.csv"
	LinksFile  = "links.csv"
	KindsFile  = "kinds.yaml"
)

// AliasSeparator separates aliases in the aliases column of actors.csv.
const AliasSeparator = "|"

// csvWriter writes RFC 4180 records, quoting only fields that need it. Fields are appended to a line
// buffer with field, date and number, and the line is written by end.
type csvWriter struct {
	w   *bufio.Writer
	buf []byte
	n   int // fields in buf
}

func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f[0] == ' ' || f[len(f)-1] == ' ' {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return false
}

func (c *csvWriter) sep() {
	if c.n > 0 {
		c.buf = append(c.buf, ',')
	}
	c.n++
}

func (c *csvWriter) field(f string) {
	c.sep()
	if !needsQuotes(f) {
		c.buf = append(c.buf, f...)
		return
	}
	c.buf = append(c.buf, '"')
	for j := 0; j < len(f); j++ {
		if f[j] == '"' {
			c.buf = append(c.buf, '"')
		}
		c.buf = append(c.buf, f[j])
	}
	c.buf = append(c.buf, '"')
}

// date appends d as written in datasets (2016, 2016-08, 2016-08-08); the zero Date is empty.
func (c *csvWriter) date(d graph.Date) {
	c.sep()
	if d == 0 {
		return
	}
	pad := func(n, width int) {
		var tmp [4]byte
		for i := width - 1; i >= 0; i-- {
			tmp[i] = byte('0' + n%10)
			n /= 10
		}
		c.buf = append(c.buf, tmp[:width]...)
	}
	pad(d.Year(), 4)
	if d.Month() != 0 {
		c.buf = append(c.buf, '-')
		pad(d.Month(), 2)
		if d.Day() != 0 {
			c.buf = append(c.buf, '-')
			pad(d.Day(), 2)
		}
	}
}

func (c *csvWriter) number(f float64) {
	c.sep()
	c.buf = strconv.AppendFloat(c.buf, f, 'g', -1, 64)
}

func (c *csvWriter) integer(n int) {
	c.sep()
	c.buf = strconv.AppendInt(c.buf, int64(n), 10)
}

func (c *csvWriter) empty() { c.sep() }

// end writes the line. A line of one empty field is written as "" so that it is not a blank line.
func (c *csvWriter) end() {
	if c.n == 1 && len(c.buf) == 0 {
		c.buf = append(c.buf, `""`...)
	}
	c.buf = append(c.buf, '\n')
	c.w.Write(c.buf)
	c.buf, c.n = c.buf[:0], 0
}

func (c *csvWriter) record(fields ...string) {
	for _, f := range fields {
		c.field(f)
	}
	c.end()
}

// WriteActors writes actors.csv: the columns id,name,kind,in,aliases and one column per attribute name
// (sorted), empty where an actor lacks it.
func (d *Dataset) WriteActors(w io.Writer) error {
	keys := map[string]bool{}
	for i := range d.actors {
		for k := range d.actors[i].Attrs {
			keys[k] = true
		}
	}
	attrCols := sortedKeys(keys)
	cw := &csvWriter{w: bufio.NewWriterSize(w, 1<<16)}
	cw.record(append(slices.Clone(actorColumns), attrCols...)...)
	row := make([]string, len(actorColumns)+len(attrCols))
	for i := range d.actors {
		a := &d.actors[i]
		row[0], row[1], row[2], row[3], row[4] = a.ID, a.Name, a.Kind, a.In, strings.Join(a.Aliases, AliasSeparator)
		for j, k := range attrCols {
			row[len(actorColumns)+j] = a.Attrs[k]
		}
		cw.record(row...)
	}
	return cw.w.Flush()
}

// WriteLinks writes links.csv: the columns kind,from,to,start,end,on,sign,weight,certainty and one column
// per attribute name (sorted). Values equal to the defaults are left empty: sign when it is the kind's,
// weight 1 (graph.DefaultWeight; a weight of 0 is written as 0), certainty reported.
func (d *Dataset) WriteLinks(w io.Writer) error {
	keys := map[string]bool{}
	for _, m := range d.attrs {
		for k := range m {
			keys[k] = true
		}
	}
	attrCols := sortedKeys(keys)
	cw := &csvWriter{w: bufio.NewWriterSize(w, 1<<16)}
	cw.record(append(slices.Clone(linkColumns), attrCols...)...)
	for i := range d.links {
		r := &d.links[i]
		lk := &d.linkKinds[r.kind]
		cw.field(lk.ID)
		cw.field(d.actors[r.from].ID)
		cw.field(d.actors[r.to].ID)
		if r.event {
			cw.empty()
			cw.empty()
			cw.date(r.start)
		} else {
			cw.date(r.start)
			cw.date(r.end)
			cw.empty()
		}
		if r.sign != lk.Sign {
			cw.integer(int(r.sign))
		} else {
			cw.empty()
		}
		if r.weight != graph.DefaultWeight {
			cw.number(r.weight)
		} else {
			cw.empty()
		}
		if r.cert != 0 {
			cw.field(r.cert.String())
		} else {
			cw.empty()
		}
		for _, k := range attrCols {
			if r.attrs >= 0 {
				cw.field(d.attrs[r.attrs][k])
			} else {
				cw.empty()
			}
		}
		cw.end()
	}
	return cw.w.Flush()
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

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
