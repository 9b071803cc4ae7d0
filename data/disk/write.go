package disk

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

// StaleAge is how old a temporary file or directory of an earlier run must be to be removed even
// though a process with its number still runs (process numbers are reused).
const StaleAge = time.Hour

// WriteFile replaces the file name with what write produces, all at once: write fills a temporary
// file beside it (".NAME.relgraph-PID-RAND.new", streamed through a buffer, not held in memory), which
// is synced and renamed over name only when write succeeds. A failed or killed run leaves name as it
// was; the temporary files of killed runs are removed by later calls (RemoveStale).
//
// What it writes to is what a shell's > writes to:
//   - an existing file keeps its permission bits (and its owner and group, where the process may set
//     them); a new file gets 0666 less the umask;
//   - a symbolic link is followed: its target is replaced and the link stays (a dangling link
//     creates its target);
//   - a file this process may not write (for root: a file without any write permission bit) is
//     refused with ErrReadOnly, although replacing it would be possible: someone made it read-only;
//   - a device or a named pipe (-o /dev/null) is written to in place, not replaced, and a named pipe
//     without a reader is refused rather than waited on;
//   - a directory is refused.
//
// A file with several hard links is replaced by a new file under this name only. Errors read
// "writing NAME: ...".
func WriteFile(name string, write func(io.Writer) error) error {
	fail := func(err error) error { return fmt.Errorf("writing %s: %w", name, err) }
	target, err := followLinks(name)
	if err != nil {
		return fail(err)
	}
	var old fs.FileInfo
	switch fi, err := os.Stat(target); {
	case err == nil && fi.IsDir():
		return fail(errors.New("it is a directory"))
	case err == nil && !fi.Mode().IsRegular():
		return writeInPlace(target, fi, write, fail)
	case err == nil:
		if !writable(target, fi) {
			return fail(fmt.Errorf("the file is %w; make it writable or choose another file", ErrReadOnly))
		}
		old = fi
	case !errors.Is(err, fs.ErrNotExist):
		return fail(err)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	RemoveStale(dir)
	f, tmp, err := createTemp(dir, base)
	if err != nil {
		return fail(fmt.Errorf("cannot create a temporary file in %s to write it all at once: %w", dir, unwrapPath(err)))
	}
	if old != nil {
		keepOwner(f, old)
		err = f.Chmod(old.Mode().Perm() | old.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err == nil {
		err = write(bw)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, target)
	}
	if err != nil {
		os.Remove(tmp)
		return fail(err)
	}
	return nil
}

// writeInPlace writes to a device or a named pipe, which cannot be replaced.
func writeInPlace(target string, fi fs.FileInfo, write func(io.Writer) error, fail func(error) error) error {
	flags := os.O_WRONLY
	if fi.Mode()&fs.ModeNamedPipe != 0 {
		flags |= openFlags // no reader: fail at once instead of waiting for one
	}
	f, err := os.OpenFile(target, flags, 0)
	if err != nil {
		return fail(err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err)
	}
	return nil
}

// ReplaceDir makes dir a directory holding what fill writes into the empty directory it is given,
// all at once: fill writes into a new directory beside dir (".DIR.relgraph-PID-RAND.new"), which then
// takes dir's place. On Linux an existing dir is swapped with the new one in one step
// (renameat2 RENAME_EXCHANGE), so that dir always holds either its old or its new content; where that
// is not available (other systems, file systems without it) dir is first renamed aside
// (".DIR.relgraph-PID-RAND.old") and the new directory renamed into place, and a run killed between
// the two renames leaves dir missing until the next call puts the old content back.
//
// fill should create files with os.Create or a mode of 0666, so that the umask applies. The new
// directory gets the permission bits of the dir it replaces, or 0777 less the umask. A symbolic link
// at dir is followed and its target replaced. dir's parent is created when missing. Temporary files
// and directories left by killed runs beside dir are removed first (RemoveStale). A read-only dir is
// refused (ErrReadOnly), as WriteFile refuses a read-only file. Errors read "writing DIR: ...".
func ReplaceDir(dir string, fill func(tmp string) error) error {
	return replaceDir(dir, fill, exchange)
}

// replaceDir is ReplaceDir with the directory swap given, so that tests can take the fallback.
func replaceDir(dir string, fill func(tmp string) error, swap func(a, b string) error) error {
	dir = filepath.Clean(dir)
	fail := func(err error) error { return fmt.Errorf("writing %s: %w", dir, err) }
	target, err := followLinks(dir)
	if err != nil {
		return fail(err)
	}
	var old fs.FileInfo
	switch fi, err := os.Stat(target); {
	case err == nil && !fi.IsDir():
		return fail(errors.New("it exists and is not a directory"))
	case err == nil && !writable(target, fi):
		return fail(fmt.Errorf("the directory is %w; make it writable or choose another directory", ErrReadOnly))
	case err == nil:
		old = fi
	case !errors.Is(err, fs.ErrNotExist):
		return fail(err)
	}
	parent, base := filepath.Split(target)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return fail(err)
	}
	RemoveStale(parent)
	tmp, err := mkdirTemp(parent, base, "new")
	if err != nil {
		return fail(fmt.Errorf("cannot create a temporary directory in %s to write it all at once: %w", parent, unwrapPath(err)))
	}
	if old != nil {
		err = os.Chmod(tmp, old.Mode().Perm())
	}
	if err == nil {
		err = fill(tmp)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return fail(err)
	}
	if old == nil {
		if err := os.Rename(tmp, target); err != nil {
			os.RemoveAll(tmp)
			return fail(err)
		}
		return nil
	}
	switch err := swap(tmp, target); {
	case err == nil: // tmp now holds the old content
		os.RemoveAll(tmp)
		return nil
	case !errors.Is(err, errNoExchange):
		os.RemoveAll(tmp)
		return fail(err)
	}
	aside, err := tempName(parent, base, "old")
	if err == nil {
		err = os.Rename(target, aside)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return fail(err)
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Rename(aside, target)
		os.RemoveAll(tmp)
		return fail(err)
	}
	os.RemoveAll(aside)
	return nil
}

// errNoExchange is what exchange returns where directories cannot be swapped in one step.
var errNoExchange = errors.New("atomic exchange not supported")

// followLinks follows the symbolic links at name (not those of its directories) to the file they
// lead to, which need not exist.
func followLinks(name string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(name)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return name, nil
		}
		target, err := os.Readlink(name)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(name), target)
		}
		name = target
	}
	return "", &fs.PathError{Op: "open", Path: name, Err: errors.New("too many levels of symbolic links")}
}

// Temporary names: "." + base + ".relgraph-" + pid + "-" + random + "." + role, role "new" (being
// written) or "old" (moved aside). base is cut to maxTempBase bytes.
const maxTempBase = 120

var tempRE = regexp.MustCompile(`^\.(.*)\.relgraph-([0-9]+)-([0-9a-z]+)\.(new|old)$`)

// tempName returns an unused temporary name in dir for base.
func tempName(dir, base, role string) (string, error) {
	if len(base) > maxTempBase {
		base = base[:maxTempBase]
	}
	for range 100 {
		name := filepath.Join(dir, "."+base+".relgraph-"+strconv.Itoa(os.Getpid())+"-"+strconv.FormatUint(rand.Uint64()>>24, 36)+"."+role)
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
	}
	return "", errors.New("no free temporary name")
}

// createTemp creates a new temporary file for base in dir, with mode 0666 less the umask.
func createTemp(dir, base string) (*os.File, string, error) {
	for range 100 {
		name, err := tempName(dir, base, "new")
		if err != nil {
			return nil, "", err
		}
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", errors.New("no free temporary name")
}

// mkdirTemp creates a new temporary directory for base in dir, with mode 0777 less the umask.
func mkdirTemp(dir, base, role string) (string, error) {
	for range 100 {
		name, err := tempName(dir, base, role)
		if err != nil {
			return "", err
		}
		err = os.Mkdir(name, 0o777)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return name, err
	}
	return "", errors.New("no free temporary name")
}

// RemoveStale removes from dir the temporary files and directories that WriteFile and ReplaceDir
// runs left behind when they were killed: those whose process is gone, and those of a running process
// number untouched for StaleAge (the number may have been reused). A directory moved aside by a
// ReplaceDir killed between its two renames is put back in place when nothing has taken it. Errors
// are ignored: cleaning up is a courtesy, never a reason to fail.
func RemoveStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		m := tempRE.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		pid, err := strconv.Atoi(m[2])
		if err != nil || pid == os.Getpid() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if alive(pid) && now.Sub(lastChange(p)) < StaleAge {
			continue
		}
		if base := m[1]; m[4] == "old" && len(base) < maxTempBase {
			orig := filepath.Join(dir, base)
			if _, err := os.Lstat(orig); errors.Is(err, fs.ErrNotExist) && os.Rename(p, orig) == nil {
				continue
			}
		}
		os.RemoveAll(p)
	}
}

// lastChange returns when p or, for a directory, one of its entries last changed.
func lastChange(p string) time.Time {
	fi, err := os.Lstat(p)
	if err != nil {
		return time.Time{}
	}
	t := fi.ModTime()
	if !fi.IsDir() {
		return t
	}
	entries, _ := os.ReadDir(p)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.ModTime().After(t) {
			t = info.ModTime()
		}
	}
	return t
}
