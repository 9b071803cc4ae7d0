//go:build unix

package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/relgraph/relgraph/data/disk"
)

// writeTree writes files (path → content) under dir; a content starting with "->" makes a symbolic
// link to what follows, and "|fifo" a named pipe.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasPrefix(content, "->"):
			err = os.Symlink(content[2:], p)
		case content == "|fifo":
			err = syscall.Mkfifo(p, 0o644)
		default:
			err = os.WriteFile(p, []byte(content), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// loadDir loads dir with PathInputLimit, within a few seconds (a pipe must not block it).
func loadDir(t *testing.T, p string, limit int64) error {
	t.Helper()
	in, err := PathInputLimit(p, limit)
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(in)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("loading %s blocks", p)
		return nil
	}
}

const actorsYAML = "actors:\n  - {id: a, name: A, kind: country}\n  - {id: b, name: B, kind: country}\n"

// TestLoadOnlyInside checks that a dataset directory reads only the regular files inside it: every
// other file it holds or names is a problem at its position, and loading goes on with the rest.
func TestLoadOnlyInside(t *testing.T) {
	top := t.TempDir()
	ds := filepath.Join(top, "ds")
	writeTree(t, top, map[string]string{
		"secret.csv":        "root:x:0:0\nline\n",
		"ds/base.yaml":      actorsYAML,
		"ds/.shared/c.yaml": "actors:\n  - {id: c, name: C, kind: country}\n",
		"ds/c.yaml":         "->.shared/c.yaml", // a link inside the directory: followed
		"ds/zero.yaml":      "->/dev/zero",
		"ds/passwd.yaml":    "->/etc/passwd",
		"ds/up.yaml":        "->../secret.csv",
		"ds/pipe.yaml":      "|fifo",
		"ds/sub/links.csv":  "->/dev/zero",
		"ds/abs.yaml":       "import:\n  links:\n    - {file: /etc/passwd, from: a, to: b, kind: trade, on: y}\n",
		"ds/m/climb.yaml":   "import:\n  links:\n    - file: ../../secret.csv\n      from: a\n      to: b\n      kind: trade\n      on: y\n",
		"ds/m/pipe.yaml":    "import:\n  links:\n    - {file: p.csv, from: a, to: b, kind: trade, on: y}\n",
		"ds/m/p.csv":        "|fifo",
		"ds/m/link.yaml":    "import:\n  links:\n    - {file: ./l.csv, from: a, to: b, kind: trade, on: y}\n",
		"ds/m/l.csv":        "->../../secret.csv",
	})
	err := loadDir(t, ds, DefaultMaxFileSize)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load = %v, want Problems", err)
	}
	want := []string{
		ds + `/abs.yaml:3:14: file "/etc/passwd" is outside the dataset directory; a mapping in a dataset directory reads only files inside it (to read files elsewhere, load the mapping file itself: --data ` + ds + `/abs.yaml)`,
		ds + `/m/climb.yaml:3:13: file "../../secret.csv" is outside the dataset directory; a mapping in a dataset directory reads only files inside it (to read files elsewhere, load the mapping file itself: --data ` + ds + `/m/climb.yaml)`,
		ds + `/m/link.yaml:3:14: file "./l.csv" is a symbolic link that leads outside the dataset directory; only files inside it are read`,
		ds + `/m/pipe.yaml:3:14: file "p.csv" is a named pipe, not a regular file; only regular files are read`,
		ds + `/passwd.yaml: the file is a symbolic link that leads outside the dataset directory; only files inside it are read`,
		ds + `/pipe.yaml: the file is a named pipe, not a regular file; only regular files are read`,
		ds + `/sub/links.csv: the file is a symbolic link that leads outside the dataset directory; only files inside it are read`,
		ds + `/up.yaml: the file is a symbolic link that leads outside the dataset directory; only files inside it are read`,
		ds + `/zero.yaml: the file is a symbolic link that leads outside the dataset directory; only files inside it are read`,
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(err.Error(), "root:x") {
		t.Errorf("the problems quote a file outside the dataset: %v", err)
	}
}

func TestLoadInsideLinkAndLimit(t *testing.T) {
	top := t.TempDir()
	ds := filepath.Join(top, "ds")
	writeTree(t, top, map[string]string{
		"ds/base.yaml":      actorsYAML,
		"ds/.shared/c.yaml": "actors:\n  - {id: c, name: C, kind: country}\n",
		"ds/c.yaml":         "->.shared/c.yaml",
	})
	in, err := PathInput(ds)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load(in)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := g.ActorIndex("c"); !ok || g.NumActors() != 3 {
		t.Errorf("the linked file did not load: %d actors", g.NumActors())
	}
	// A file over the limit is a problem that says how to raise it.
	err = loadDir(t, ds, 50)
	if err == nil || err.Error() != ds+"/base.yaml: the file is 80 bytes, over 50 bytes, the size limit of one dataset file (raise it with --max-file-size)" {
		t.Errorf("over the limit: %v", err)
	}
}

// TestLoadMappingFile checks a column mapping given as the dataset file itself: the user named it, so
// its input files may lie outside its directory (saved mappings name ../data/x.csv), but they must
// still be regular files.
func TestLoadMappingFile(t *testing.T) {
	top := t.TempDir()
	writeTree(t, top, map[string]string{
		"data/links.csv": "a,b,y\nx,z,2016\n",
		"data/pipe.csv":  "|fifo",
		"m/ok.yaml":      "import:\n  links:\n    - {file: ../data/links.csv, from: a, to: b, kind: trade, on: y}\n",
		"m/pipe.yaml":    "import:\n  links:\n    - {file: ../data/pipe.csv, from: a, to: b, kind: trade, on: y}\n",
		"m/link.yaml":    "->ok.yaml",
	})
	for _, name := range []string{"m/ok.yaml", "m/link.yaml"} {
		in, err := PathInput(filepath.Join(top, name))
		if err != nil {
			t.Fatal(err)
		}
		g, err := Load(in)
		if err != nil || g.NumLinks() != 1 {
			t.Fatalf("%s: %v", name, err)
		}
	}
	err := loadDir(t, filepath.Join(top, "m/pipe.yaml"), DefaultMaxFileSize)
	want := top + `/m/pipe.yaml:3:14: file "../data/pipe.csv" is a named pipe, not a regular file; only regular files are read`
	if err == nil || err.Error() != want {
		t.Errorf("a pipe named by a mapping file:\n%v\nwant\n%s", err, want)
	}
}

func TestPathInputRefuses(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"pipe.yaml": "|fifo"})
	for _, p := range []string{filepath.Join(dir, "pipe.yaml"), "/dev/zero"} {
		_, err := PathInput(p)
		if !errors.Is(err, disk.ErrNotRegular) {
			t.Errorf("PathInput(%s) = %v, want ErrNotRegular", p, err)
		}
	}
}
