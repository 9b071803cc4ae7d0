package disk

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// FS is a read-only file system of the files under one directory, confined to it by os.Root: a name
// that climbs out with ".." is invalid (as in every fs.FS), and a symbolic link is followed only while
// it stays inside the directory (a link to a file of the same directory is fine; an absolute link, or
// one that leads out, gives an *OutsideError). Only regular files and directories open: a device, a
// named pipe or a socket is refused (ErrNotRegular) before a byte is read from it, so that a name
// linked to a pipe cannot block and one linked to /dev/zero cannot fill memory. No file larger than
// the limit is read (a *SizeError), not even one that grows while it is read.
//
// FS implements fs.FS, fs.ReadFileFS, fs.ReadDirFS and fs.StatFS. Errors are *fs.PathError values
// with the name as given.
type FS struct {
	root  *os.Root
	dir   string
	limit int64
}

// Dir opens directory dir as an FS. limit is the largest size of a file it reads, in bytes; 0 or less
// means no limit. The directory stays open until Close (or until the FS is garbage).
func Dir(dir string, limit int64) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: root, dir: dir, limit: limit}, nil
}

// Close closes the directory; files already open stay readable.
func (f *FS) Close() error { return f.root.Close() }

// Open implements fs.FS: it opens a regular file or a directory.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	// Stat first, so that a device or a pipe is refused without being opened (opening a pipe blocks
	// until a writer comes); the descriptor is checked again below, in case the file was swapped.
	fi, err := f.root.Stat(name)
	if err != nil {
		return nil, f.pathError(name, err)
	}
	if err := f.check(fi); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	file, err := f.root.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, f.pathError(name, err)
	}
	if fi, err = file.Stat(); err == nil {
		err = f.check(fi)
	}
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if fi.IsDir() {
		return file, nil
	}
	return &limitedFile{f: file, name: name, limit: f.limit}, nil
}

// check refuses what f does not open: anything but a regular file or a directory, and files over
// the limit.
func (f *FS) check(fi fs.FileInfo) error {
	switch {
	case fi.IsDir():
		return nil
	case !fi.Mode().IsRegular():
		return notRegular(fi.Mode())
	case f.limit > 0 && fi.Size() > f.limit:
		return &SizeError{Size: fi.Size(), Limit: f.limit}
	}
	return nil
}

// ReadFile implements fs.ReadFileFS: the whole content of a regular file, within the limit.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	lf, ok := file.(*limitedFile)
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: notRegular(fs.ModeDir)}
	}
	size := 0
	if fi, err := lf.f.Stat(); err == nil {
		size = int(fi.Size())
	}
	b := make([]byte, 0, size+1) // +1: reading to EOF without growing
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := lf.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ReadDir implements fs.ReadDirFS: the entries of a directory, sorted by name. Entries are listed as
// they are (a symbolic link is listed as a link); opening one applies the rules of Open.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	d, ok := file.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	entries, err := d.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrapPath(err)}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// Stat implements fs.StatFS, following symbolic links inside the directory.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	fi, err := f.root.Stat(name)
	if err != nil {
		e := f.pathError(name, err).(*fs.PathError)
		e.Op = "stat"
		return nil, e
	}
	return fi, nil
}

// pathError returns err, an error of the root about name, as an *fs.PathError of operation "open"
// with name as given. The root refuses a link that leads out with an error of its own; such a refusal
// becomes an *OutsideError.
func (f *FS) pathError(name string, err error) error {
	inner := unwrapPath(err)
	if !errors.Is(inner, fs.ErrNotExist) && !errors.Is(inner, fs.ErrPermission) && f.leaves(name) {
		inner = &OutsideError{Name: name, Dir: f.dir}
	}
	return &fs.PathError{Op: "open", Path: name, Err: inner}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// leaves reports whether resolving name in f's directory, as os.Root does, leaves the directory:
// through a symbolic link that is absolute or climbs above it. It only explains a refusal of the
// root; the root is what keeps reads inside.
func (f *FS) leaves(name string) bool {
	parts := strings.Split(name, "/")
	var at []string // the components resolved so far, all directories inside f
	for hops := 0; len(parts) > 0; {
		p := parts[0]
		parts = parts[1:]
		switch p {
		case "", ".":
			continue
		case "..":
			if len(at) == 0 {
				return true
			}
			at = at[:len(at)-1]
			continue
		}
		cur := path.Join(append(slices.Clone(at), p)...)
		fi, err := f.root.Lstat(cur)
		if err != nil {
			return false
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			at = append(at, p)
			continue
		}
		if hops++; hops > 40 {
			return false
		}
		target, err := f.root.Readlink(cur)
		if err != nil {
			return false
		}
		if filepath.IsAbs(target) || strings.HasPrefix(filepath.ToSlash(target), "/") {
			return true
		}
		parts = append(strings.Split(filepath.ToSlash(target), "/"), parts...)
	}
	return false
}

// limitedFile is a regular file of an FS that refuses to read past the limit.
type limitedFile struct {
	f     *os.File
	name  string
	limit int64
	n     int64 // bytes read
}

// Stat implements fs.File.
func (l *limitedFile) Stat() (fs.FileInfo, error) { return l.f.Stat() }

// Close implements fs.File.
func (l *limitedFile) Close() error { return l.f.Close() }

// Read implements fs.File; past the limit it returns a *SizeError.
func (l *limitedFile) Read(p []byte) (int, error) {
	if l.limit <= 0 {
		return l.f.Read(p)
	}
	if l.n >= l.limit { // at the limit: the file must end here
		var one [1]byte
		n, err := l.f.Read(one[:])
		if n > 0 {
			return 0, &fs.PathError{Op: "read", Path: l.name, Err: &SizeError{Size: -1, Limit: l.limit}}
		}
		return 0, err
	}
	if rest := l.limit - l.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := l.f.Read(p)
	l.n += int64(n)
	return n, err
}

// Open opens the named file on disk for reading, like os.Open, but only a regular file: a directory,
// a device, a named pipe or a socket is refused (ErrNotRegular) without blocking and before anything
// is read. Unlike FS, it follows any path and any link.
func Open(name string) (*os.File, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: notRegular(fi.Mode())}
	}
	f, err := os.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	if fi, err = f.Stat(); err == nil && !fi.Mode().IsRegular() {
		err = &fs.PathError{Op: "open", Path: name, Err: notRegular(fi.Mode())}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
