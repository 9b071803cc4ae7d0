package importer

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"time"

	"github.com/relgraph/relgraph/data/disk"
)

// Open imports the mapping file `file` of fsys and returns the result as an in-memory dataset
// directory (actors.csv, links.csv and, when the mapping declares kinds, kinds.yaml), which a dataset
// loader reads like any other. This is how a mapping file given as a dataset (--data atop.yaml) loads.
//
// File names in the mapping are relative to the mapping file. Names that stay inside fsys are opened
// from it; names that leave it (../../datasets/atop.csv) or are absolute are opened from disk, relative
// to osDir joined with the mapping's directory, when osDir (the directory fsys was made from) is
// given, and are an error otherwise. Errors do not name the mapping file; the caller does.
func Open(fsys fs.FS, file, osDir string) (fs.FS, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, err
	}
	m, err := ParseMapping(src)
	if err != nil {
		return nil, err
	}
	base := path.Dir(file)
	open := func(name string) (io.ReadCloser, error) {
		if p := path.Join(base, filepath.ToSlash(name)); !filepath.IsAbs(name) && fs.ValidPath(p) {
			return fsys.Open(p)
		}
		if osDir == "" {
			return nil, &disk.OutsideError{Name: name, Dir: "the dataset directory"}
		}
		if filepath.IsAbs(name) {
			return disk.Open(name)
		}
		return disk.Open(filepath.Join(osDir, filepath.FromSlash(base), name))
	}
	ds, err := Run(m, Options{Open: open})
	if err != nil {
		return nil, err
	}
	files, err := ds.Files()
	if err != nil {
		return nil, err
	}
	return memFS(files), nil
}

// memFS is a flat, read-only in-memory file system.
type memFS map[string][]byte

// Open implements fs.FS.
func (m memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return &memDir{m: m}, nil
	}
	b, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memFile{name: name, r: bytes.NewReader(b), size: int64(len(b))}, nil
}

// ReadFile implements fs.ReadFileFS.
func (m memFS) ReadFile(name string) ([]byte, error) {
	b, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(b), nil
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i memInfo) ModTime() time.Time         { return time.Time{} }
func (i memInfo) IsDir() bool                { return i.dir }
func (i memInfo) Sys() any                   { return nil }
func (i memInfo) Type() fs.FileMode          { return i.Mode().Type() }
func (i memInfo) Info() (fs.FileInfo, error) { return i, nil }

type memFile struct {
	name string
	r    *bytes.Reader
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{name: f.name, size: f.size}, nil }
func (f *memFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	m       memFS
	entries []fs.DirEntry // nil until the first ReadDir
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return memInfo{name: ".", dir: true}, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: ".", Err: fs.ErrInvalid}
}
func (d *memDir) Close() error { return nil }

// ReadDir implements fs.ReadDirFile.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if d.entries == nil {
		names := make([]string, 0, len(d.m))
		for k := range d.m {
			names = append(names, k)
		}
		slices.Sort(names)
		d.entries = make([]fs.DirEntry, len(names))
		for i, k := range names {
			d.entries[i] = memInfo{name: k, size: int64(len(d.m[k]))}
		}
	}
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(rest))
	d.off += k
	return slices.Clone(rest[:k]), nil
}
