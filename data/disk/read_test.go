//go:build unix

package disk

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// tree makes a directory for the read tests: root/ holds regular files, a subdirectory, a named pipe
// and symbolic links of every kind; outside.txt lies beside it.
func tree(t *testing.T) (root string) {
	t.Helper()
	top := t.TempDir()
	root = filepath.Join(top, "root")
	for _, d := range []string{root, filepath.Join(root, "sub")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"root/a.txt":     "alpha\n",
		"root/sub/b.txt": "beta\n",
		"root/big.txt":   strings.Repeat("x", 100),
		"outside.txt":    "secret\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(top, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"root/inner.txt":    "a.txt",                      // inside: followed
		"root/sub/up.txt":   "../a.txt",                   // climbs, but stays inside: followed
		"root/subdir":       "sub",                        // a directory inside: followed
		"root/abs.txt":      filepath.Join(root, "a.txt"), // absolute, even to inside: refused
		"root/out.txt":      "../outside.txt",             // leads out: refused
		"root/passwd.txt":   "/etc/passwd",                // refused
		"root/zero.txt":     "/dev/zero",                  // refused
		"root/dangling.txt": "missing.txt",                // inside, but nothing there
		"root/loop.txt":     "loop.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(top, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestDirReadFile(t *testing.T) {
	root := tree(t)
	fsys, err := Dir(root, 64)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	outside := func(err error) bool {
		var oe *OutsideError
		return errors.As(err, &oe) && errors.Is(err, ErrOutside)
	}
	notRegularKind := func(kind string) func(error) bool {
		return func(err error) bool {
			var nr *NotRegularError
			return errors.As(err, &nr) && errors.Is(err, ErrNotRegular) && nr.Kind() == kind
		}
	}
	tests := []struct {
		name string
		want string           // the content, when it reads
		err  func(error) bool // the error, when it does not
	}{
		{name: "a.txt", want: "alpha\n"},
		{name: "sub/b.txt", want: "beta\n"},
		{name: "inner.txt", want: "alpha\n"},
		{name: "sub/up.txt", want: "alpha\n"},
		{name: "subdir/b.txt", want: "beta\n"},
		{name: "abs.txt", err: outside},
		{name: "out.txt", err: outside},
		{name: "passwd.txt", err: outside},
		{name: "zero.txt", err: outside},
		{name: "fifo.txt", err: notRegularKind("a named pipe")},
		{name: "sub", err: notRegularKind("a directory")},
		{name: "big.txt", err: func(err error) bool {
			var se *SizeError
			return errors.As(err, &se) && errors.Is(err, ErrTooLarge) && se.Size == 100 && se.Limit == 64
		}},
		{name: "dangling.txt", err: func(err error) bool { return errors.Is(err, fs.ErrNotExist) }},
		{name: "missing.txt", err: func(err error) bool { return errors.Is(err, fs.ErrNotExist) }},
		{name: "loop.txt", err: func(err error) bool { return err != nil && !outside(err) }},
		{name: "../outside.txt", err: func(err error) bool { return errors.Is(err, fs.ErrInvalid) }},
		{name: "/etc/passwd", err: func(err error) bool { return errors.Is(err, fs.ErrInvalid) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var got []byte
			var err error
			go func() {
				got, err = fsys.ReadFile(tt.name)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatalf("ReadFile(%q) blocks", tt.name)
			}
			if tt.err == nil {
				if err != nil || string(got) != tt.want {
					t.Errorf("ReadFile(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
				}
				return
			}
			if !tt.err(err) {
				t.Errorf("ReadFile(%q) error = %v (%T)", tt.name, err, errors.Unwrap(err))
			}
			var pe *fs.PathError
			if !errors.As(err, &pe) || pe.Path != tt.name {
				t.Errorf("ReadFile(%q) error %v is not a PathError naming it", tt.name, err)
			}
		})
	}
}

func TestDirIsFS(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "sub"), 0o755)
	os.WriteFile(filepath.Join(root, "a.txt"), []byte("alpha"), 0o644)
	os.WriteFile(filepath.Join(root, "sub", "b.txt"), []byte("beta"), 0o644)
	fsys, err := Dir(root, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(fsys, "a.txt", "sub/b.txt"); err != nil {
		t.Fatal(err)
	}
}

func TestDirWalkListsLinks(t *testing.T) {
	fsys, err := Dir(tree(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		names = append(names, p)
		return nil
	})
	// Links are listed, not followed: subdir is not walked into.
	want := "., a.txt, abs.txt, big.txt, dangling.txt, fifo.txt, inner.txt, loop.txt, out.txt, passwd.txt, sub, sub/b.txt, sub/up.txt, subdir, zero.txt"
	if err != nil || strings.Join(names, ", ") != want {
		t.Errorf("walk = %s, %v\nwant %s", strings.Join(names, ", "), err, want)
	}
}

// TestDirGrowingFile checks that a file that grows past the limit after it was opened is not read
// past it.
func TestDirGrowingFile(t *testing.T) {
	root := t.TempDir()
	name := filepath.Join(root, "log.txt")
	os.WriteFile(name, []byte("0123456789"), 0o644)
	fsys, err := Dir(root, 16)
	if err != nil {
		t.Fatal(err)
	}
	f, err := fsys.Open("log.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.WriteFile(name, []byte(strings.Repeat("0123456789", 10)), 0o644)
	got, err := io.ReadAll(f)
	var se *SizeError
	if !errors.As(err, &se) || se.Size != -1 || se.Limit != 16 || len(got) != 16 {
		t.Errorf("read %d bytes, %v; want 16 and a SizeError", len(got), err)
	}
	if err.Error() != "read log.txt: the file grew past the size limit of 16 bytes" {
		t.Errorf("message %q", err)
	}
	// Exactly at the limit is fine.
	os.WriteFile(name, []byte(strings.Repeat("x", 16)), 0o644)
	if b, err := fsys.ReadFile("log.txt"); err != nil || len(b) != 16 {
		t.Errorf("a file at the limit: %d bytes, %v", len(b), err)
	}
}

func TestOpen(t *testing.T) {
	root := tree(t)
	for _, tt := range []struct {
		name string
		kind string // "" for a regular file
	}{
		{filepath.Join(root, "a.txt"), ""},
		{filepath.Join(root, "passwd.txt"), ""}, // Open follows any link
		{filepath.Join(root, "fifo.txt"), "a named pipe"},
		{filepath.Join(root, "zero.txt"), "a character device"},
		{root, "a directory"},
	} {
		f, err := Open(tt.name)
		var nr *NotRegularError
		switch {
		case tt.kind == "" && err != nil:
			t.Errorf("Open(%s): %v", tt.name, err)
		case tt.kind == "":
			f.Close()
		case !errors.As(err, &nr) || nr.Kind() != tt.kind:
			t.Errorf("Open(%s) error = %v, want %s", tt.name, err, tt.kind)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1: "1 byte", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB",
		64 << 20: "64 MiB", 1 << 30: "1 GiB", 3 << 39: "1.5 TiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
