//go:build unix

package disk

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// withUmask runs f with the process umask set to mask. The tests of this package do not run in
// parallel, so nothing else creates files meanwhile.
func withUmask(mask int, f func()) {
	old := syscall.Umask(mask)
	defer syscall.Umask(old)
	f()
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func readString(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// entries lists the names in dir, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func mode(t *testing.T, name string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestWriteFileModes(t *testing.T) {
	tests := []struct {
		name  string
		umask int
		old   fs.FileMode // 0: no file before
		want  fs.FileMode
	}{
		{"new, umask 022", 0o022, 0, 0o644},
		{"new, umask 077", 0o077, 0, 0o600},
		{"new, umask 002", 0o002, 0, 0o664},
		{"existing 0600 keeps it", 0o022, 0o600, 0o600},
		{"existing 0640 keeps it", 0o077, 0o640, 0o640},
		{"existing 0755 keeps it", 0o022, 0o755, 0o755},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "out.txt")
			if tt.old != 0 {
				os.WriteFile(name, []byte("old"), 0o600)
				os.Chmod(name, tt.old)
			}
			var err error
			withUmask(tt.umask, func() { err = WriteFile(name, writeString("new")) })
			if err != nil {
				t.Fatal(err)
			}
			if got := readString(t, name); got != "new" {
				t.Errorf("content %q", got)
			}
			if got := mode(t, name); got != tt.want {
				t.Errorf("mode %#o, want %#o", got, tt.want)
			}
			if got := entries(t, dir); !slices.Equal(got, []string{"out.txt"}) {
				t.Errorf("left behind: %v", got)
			}
		})
	}
}

func TestWriteFileSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "data", "real.txt")
	os.Mkdir(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "link.txt")
	os.Symlink("data/real.txt", link)
	if err := WriteFile(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link is gone: %v %v", fi.Mode(), err)
	}
	if got := readString(t, target); got != "new" || mode(t, target) != 0o640 {
		t.Errorf("target %q %#o; want the new content with its mode kept", got, mode(t, target))
	}
	// A link to a link, and a dangling link, which creates its target.
	os.Symlink("link.txt", filepath.Join(dir, "link2.txt"))
	if err := WriteFile(filepath.Join(dir, "link2.txt"), writeString("newer")); err != nil || readString(t, target) != "newer" {
		t.Errorf("through two links: %v", err)
	}
	os.Symlink("data/created.txt", filepath.Join(dir, "dangling.txt"))
	if err := WriteFile(filepath.Join(dir, "dangling.txt"), writeString("made")); err != nil || readString(t, filepath.Join(dir, "data", "created.txt")) != "made" {
		t.Errorf("through a dangling link: %v", err)
	}
	if got := entries(t, filepath.Join(dir, "data")); !slices.Equal(got, []string{"created.txt", "real.txt"}) {
		t.Errorf("left behind: %v", got)
	}
	os.Symlink("self.txt", filepath.Join(dir, "self.txt"))
	if err := WriteFile(filepath.Join(dir, "self.txt"), writeString("x")); err == nil {
		t.Errorf("a link loop was written")
	}
}

func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro.txt")
	os.WriteFile(ro, []byte("keep"), 0o444)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	called := false
	write := func(w io.Writer) error { called = true; return nil }
	tests := []struct {
		name string
		want string
		is   error
	}{
		{ro, "writing " + ro + ": the file is read-only; make it writable or choose another file", ErrReadOnly},
		{filepath.Join(dir, "sub"), "writing " + filepath.Join(dir, "sub") + ": it is a directory", nil},
		{filepath.Join(dir, "none", "x.txt"), "", fs.ErrNotExist},
	}
	for _, tt := range tests {
		err := WriteFile(tt.name, write)
		if err == nil || (tt.want != "" && err.Error() != tt.want) || (tt.is != nil && !errors.Is(err, tt.is)) {
			t.Errorf("WriteFile(%s) = %v, want %q", tt.name, err, tt.want)
		}
	}
	if called {
		t.Errorf("write was called for a refused file")
	}
	if readString(t, ro) != "keep" {
		t.Errorf("the read-only file changed")
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"ro.txt", "sub"}) {
		t.Errorf("left behind: %v", got)
	}
}

func TestWriteFileFailedWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.txt")
	os.WriteFile(name, []byte("old"), 0o644)
	boom := errors.New("boom")
	err := WriteFile(name, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial ", 1<<15)) // past the buffer: on disk already
		return boom
	})
	if !errors.Is(err, boom) || readString(t, name) != "old" {
		t.Errorf("error %v, content %q; want boom and the old content", err, readString(t, name))
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"out.txt"}) {
		t.Errorf("left behind: %v", got)
	}
}

func TestWriteFileInPlace(t *testing.T) {
	// A device is written to, not replaced. (Only where a mistake could not replace /dev/null.)
	if os.Geteuid() != 0 {
		if err := WriteFile("/dev/null", writeString("gone")); err != nil {
			t.Errorf("writing /dev/null: %v", err)
		}
		if fi, err := os.Stat("/dev/null"); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("/dev/null is no longer a device")
		}
	}
	// A named pipe with a reader is written to; one without is refused at once.
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- WriteFile(fifo, writeString("x")) }()
	select {
	case err := <-done:
		if !errors.Is(err, syscall.ENXIO) {
			t.Errorf("a pipe without a reader: %v, want ENXIO", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("writing a pipe without a reader blocks")
	}
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := WriteFile(fifo, writeString("through")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	n, _ := r.Read(buf)
	if string(buf[:n]) != "through" {
		t.Errorf("read %q from the pipe", buf[:n])
	}
}

// fillFiles returns a fill function writing the given files.
func fillFiles(files map[string]string) func(string) error {
	return func(tmp string) error {
		for name, content := range files {
			if err := os.WriteFile(filepath.Join(tmp, name), []byte(content), 0o666); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestReplaceDir(t *testing.T) {
	noExchange := func(a, b string) error { return errNoExchange }
	mustExchange := func(a, b string) error {
		err := exchange(a, b)
		if err != nil {
			t.Errorf("exchange: %v", err)
		}
		return err
	}
	for _, swap := range []struct {
		name string
		fn   func(a, b string) error
	}{{"exchange", mustExchange}, {"two renames", noExchange}} {
		t.Run(swap.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out")
			var err error
			withUmask(0o027, func() { err = replaceDir(dir, fillFiles(map[string]string{"a.csv": "1", "b.csv": "2"}), swap.fn) })
			if err != nil {
				t.Fatal(err)
			}
			if got := mode(t, dir); got != 0o750 {
				t.Errorf("new directory mode %#o, want 0750 (umask 027)", got)
			}
			if got := mode(t, filepath.Join(dir, "a.csv")); got != 0o640 {
				t.Errorf("new file mode %#o, want 0640", got)
			}
			// Replacing keeps the directory's mode and swaps the whole content.
			os.Chmod(dir, 0o700)
			if err := replaceDir(dir, fillFiles(map[string]string{"a.csv": "new"}), swap.fn); err != nil {
				t.Fatal(err)
			}
			if got := entries(t, dir); !slices.Equal(got, []string{"a.csv"}) || readString(t, filepath.Join(dir, "a.csv")) != "new" {
				t.Errorf("content %v", got)
			}
			if got := mode(t, dir); got != 0o700 {
				t.Errorf("replaced directory mode %#o, want 0700 kept", got)
			}
			// A failing fill leaves the old content.
			boom := errors.New("boom")
			err = replaceDir(dir, func(tmp string) error { fillFiles(map[string]string{"x": "half"})(tmp); return boom }, swap.fn)
			if !errors.Is(err, boom) || readString(t, filepath.Join(dir, "a.csv")) != "new" {
				t.Errorf("failed fill: %v", err)
			}
			if got := entries(t, parent); !slices.Equal(got, []string{"out"}) {
				t.Errorf("left behind: %v", got)
			}
		})
	}
}

func TestReplaceDirLinksAndRefusals(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "real")
	replaceDir(real, fillFiles(map[string]string{"a": "1"}), exchange)
	link := filepath.Join(parent, "link")
	os.Symlink("real", link)
	if err := ReplaceDir(link, fillFiles(map[string]string{"b": "2"})); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	if got := entries(t, real); !slices.Equal(got, []string{"b"}) {
		t.Errorf("the link's target holds %v", got)
	}
	file := filepath.Join(parent, "file")
	os.WriteFile(file, nil, 0o644)
	if err := ReplaceDir(file, fillFiles(nil)); err == nil || err.Error() != "writing "+file+": it exists and is not a directory" {
		t.Errorf("replacing a file: %v", err)
	}
	os.Chmod(real, 0o555)
	if err := ReplaceDir(real, fillFiles(nil)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("replacing a read-only directory: %v", err)
	}
	os.Chmod(real, 0o755)
	nested := filepath.Join(parent, "new", "deeper", "out")
	if err := ReplaceDir(nested, fillFiles(map[string]string{"c": "3"})); err != nil || readString(t, filepath.Join(nested, "c")) != "3" {
		t.Errorf("a directory in a new parent: %v", err)
	}
}

// deadPid returns the number of a process that has ended.
func deadPid(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	return cmd.Process.Pid
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	dead := deadPid(t)
	tmp := func(base string, pid int, role string) string {
		return fmt.Sprintf(".%s.relgraph-%d-abc123.%s", base, pid, role)
	}
	old := time.Now().Add(-2 * StaleAge)
	mk := func(name string, isDir bool, mtime time.Time) {
		p := filepath.Join(dir, name)
		if isDir {
			os.Mkdir(p, 0o755)
			os.WriteFile(filepath.Join(p, "inner"), []byte(name), 0o644)
			os.Chtimes(filepath.Join(p, "inner"), mtime, mtime)
		} else {
			os.WriteFile(p, []byte(name), 0o644)
		}
		os.Chtimes(p, mtime, mtime)
	}
	now := time.Now()
	mk(tmp("dead.txt", dead, "new"), false, now)        // process gone: removed
	mk(tmp("live.txt", 1, "new"), false, now)           // process 1 runs, recent: kept
	mk(tmp("aged.txt", 1, "new"), false, old)           // process 1 runs, but old: removed
	mk(tmp("mine.txt", os.Getpid(), "new"), false, old) // this process's own: kept
	mk(tmp("deaddir", dead, "new"), true, now)          // a directory: removed
	mk(tmp("restored", dead, "old"), true, now)         // moved aside, nothing in its place: put back
	mk("kept", true, now)                               // the directory that took its place
	mk(tmp("kept", dead, "old"), true, now)             // moved aside, replaced: removed
	mk(".notours.relgraph-x.new", false, old)           // not a name of ours: kept
	mk("user.txt", false, old)                          // kept
	RemoveStale(dir)
	want := []string{
		".live.txt.relgraph-1-abc123.new",
		fmt.Sprintf(".mine.txt.relgraph-%d-abc123.new", os.Getpid()),
		".notours.relgraph-x.new",
		"kept",
		"restored",
		"user.txt",
	}
	if got := entries(t, dir); !slices.Equal(got, want) {
		t.Errorf("after RemoveStale:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := readString(t, filepath.Join(dir, "restored", "inner")); got != tmp("restored", dead, "old") {
		t.Errorf("the restored directory holds %q", got)
	}
}
