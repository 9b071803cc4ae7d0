package draw

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// writeFile creates a file with the given mode and returns its path.
func writeFile(t *testing.T, dir, name, content string, mode os.FileMode) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLocatorFind(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes decide executability in this test")
	}
	root := t.TempDir()
	exeDir := filepath.Join(root, "bin")
	pathA := filepath.Join(root, "a")
	pathB := filepath.Join(root, "b")
	empty := filepath.Join(root, "empty")
	inExe := writeFile(t, exeDir, HelperName, "#!/bin/sh\n", 0o755)
	writeFile(t, pathA, HelperName, "not executable", 0o644)
	inB := writeFile(t, pathB, HelperName, "#!/bin/sh\n", 0o755)
	if err := os.MkdirAll(filepath.Join(empty, HelperName), 0o755); err != nil { // a directory, not a file
		t.Fatal(err)
	}
	custom := writeFile(t, root, "my-renderer", "#!/bin/sh\n", 0o755)
	list := func(dirs ...string) string { return strings.Join(dirs, string(os.PathListSeparator)) }

	tests := []struct {
		name    string
		loc     Locator
		chdir   bool // run in root, where "b" names pathB
		want    string
		wantErr string
	}{
		{"override wins", Locator{Override: custom, Dirs: []string{exeDir}}, false, custom, ""},
		{"override missing", Locator{Override: filepath.Join(root, "nope"), Dirs: []string{exeDir}}, false, "", "no such file"},
		{"override not executable", Locator{Override: filepath.Join(pathA, HelperName)}, false, "", "not executable"},
		{"executable's directory before PATH", Locator{Dirs: []string{exeDir}, PathList: list(pathB)}, false, inExe, ""},
		{"PATH in order, skipping non-executables and directories", Locator{PathList: list(empty, pathA, pathB)}, false, inB, ""},
		{"relative PATH entries ignored", Locator{PathList: list("", ".", "b")}, true, "", "go install ./cmd/..."},
		{"nothing", Locator{}, false, "", "go install ./cmd/..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.chdir {
				t.Chdir(root)
			}
			got, err := tt.loc.Find()
			if tt.wantErr != "" {
				if !errors.Is(err, ErrNoRenderer) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Find() error %v, want ErrNoRenderer mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Find() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestDefaultLocator(t *testing.T) {
	env := map[string]string{EnvVar: "/opt/r", "PATH": "/usr/bin"}
	exe := filepath.Join(t.TempDir(), "relgraph")
	writeFile(t, filepath.Dir(exe), "relgraph", "", 0o755)
	l := DefaultLocator(func(k string) string { return env[k] }, func() (string, error) { return exe, nil })
	dir, _ := filepath.EvalSymlinks(filepath.Dir(exe))
	if l.Override != "/opt/r" || l.PathList != "/usr/bin" || len(l.Dirs) != 1 || l.Dirs[0] != dir {
		t.Errorf("DefaultLocator = %+v", l)
	}
	l = DefaultLocator(func(string) string { return "" }, func() (string, error) { return "", errors.New("unknown") })
	if l.Override != "" || len(l.Dirs) != 0 {
		t.Errorf("DefaultLocator without executable = %+v", l)
	}
}

func TestDrawMissingHelper(t *testing.T) {
	var buf bytes.Buffer
	err := Draw(context.Background(), []byte("digraph { a }"), Options{Locator: Locator{PathList: t.TempDir()}}, &buf)
	if !errors.Is(err, ErrNoRenderer) {
		t.Fatalf("error %v, want ErrNoRenderer", err)
	}
	for _, want := range []string{HelperName, "go install ./cmd/...", "go build -o", "./cmd/relgraph-render", EnvVar, "--as dot"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes", buf.Len())
	}
}

// TestDrawFakeHelper runs Draw through a shell script standing in for the
// helper: arguments and standard input are passed, output is buffered, and
// a failure carries the helper's message and writes nothing.
func TestDrawFakeHelper(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake helper is a shell script")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	writeFile(t, dir, HelperName, `#!/bin/sh
case "$*" in
*fail*) printf 'partial output'; echo "relgraph-render: it broke" >&2; exit 1 ;;
*crash*) exit 3 ;;
*sleep*) sleep 10 ;;
esac
echo "args: $*"
cat
`, 0o755)
	loc := Locator{Dirs: []string{dir}}
	tests := []struct {
		name    string
		opts    Options
		want    string
		wantErr string
	}{
		{"arguments and input", Options{Layout: "neato", Format: "png", MaxNodes: 10, Scale: 1.5},
			"args: --layout neato --format png --max-nodes 10 --scale 1.5\ndigraph { a }", ""},
		{"defaults pass no flags", Options{}, "args: \ndigraph { a }", ""},
		{"no limit", Options{MaxNodes: -1}, "args: --max-nodes 0\ndigraph { a }", ""},
		{"failure", Options{Layout: "fail"}, "", "relgraph-render: it broke"},
		{"failure without message", Options{Layout: "crash"}, "", "exit status 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Locator = loc
			var buf bytes.Buffer
			err := Draw(context.Background(), []byte("digraph { a }"), tt.opts, &buf)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if buf.Len() != 0 {
					t.Errorf("wrote %q despite the failure", buf.String())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(buf.String()); got != tt.want {
				t.Errorf("output %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := Draw(ctx, nil, Options{Layout: "sleep", Locator: loc}, &bytes.Buffer{})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %v, want a deadline error", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Draw took %v after cancellation", d)
		}
	})
}

// goTool returns the path of the go command, skipping the test without it.
func goTool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH; cannot build or inspect packages")
	}
	return p
}

// TestDrawRealHelper builds relgraph-render and draws through it.
func TestDrawRealHelper(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the helper")
	}
	gocmd := goTool(t)
	dir := t.TempDir()
	build := exec.Command(gocmd, "build", "-o", filepath.Join(dir, exeName()), "../../cmd/relgraph-render")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	loc := Locator{Dirs: []string{dir}}
	dot := []byte(`digraph { a [label="Baku"]; b [label="Tbilisi"]; a -> b }`)
	ctx := context.Background()

	t.Run("svg", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Draw(ctx, dot, Options{Locator: loc}, &buf); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"<svg", ">Baku</text>", ">Tbilisi</text>", `class="edge"`} {
			if !strings.Contains(buf.String(), want) {
				t.Errorf("svg lacks %q", want)
			}
		}
	})
	t.Run("png", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Draw(ctx, dot, Options{Format: "png", Layout: "neato", Locator: loc}, &buf); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("not a PNG: %v", err)
		}
		if b := img.Bounds(); b.Dx() < 100 || b.Dy() < 50 {
			t.Errorf("PNG is only %v", b)
		}
	})
	errTests := []struct {
		name string
		dot  string
		opts Options
		want []string
	}{
		{"bad dot", `digraph { a -> `, Options{}, []string{"relgraph-render:", "syntax error"}},
		{"too large", `digraph { a; b; c }`, Options{MaxNodes: 2}, []string{"3 nodes", "--focus"}},
		{"sfdp", `digraph { a }`, Options{Layout: "sfdp"}, []string{`"sfdp"`}},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Locator = loc
			var buf bytes.Buffer
			err := Draw(ctx, []byte(tt.dot), tt.opts, &buf)
			var he *HelperError
			if !errors.As(err, &he) || he.Code != 1 {
				t.Fatalf("error %v, want a HelperError with exit status 1", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the failure", buf.Len())
			}
		})
	}
}

// TestNoGraphvizDependency makes sure that neither this package nor the
// relgraph command links go-graphviz, whose start-up cost every process
// linking it pays.
func TestNoGraphvizDependency(t *testing.T) {
	gocmd := goTool(t)
	for _, pkg := range []string{".", "../../cmd/relgraph"} {
		t.Run(pkg, func(t *testing.T) {
			if pkg != "." {
				if _, err := os.Stat(pkg); err != nil {
					t.Skipf("%s does not exist yet", pkg)
				}
			}
			out, err := exec.Command(gocmd, "list", "-e", "-deps", pkg).Output()
			if err != nil {
				t.Fatalf("go list: %v", err)
			}
			deps := strings.Fields(string(out))
			if len(deps) < 5 {
				t.Fatalf("go list printed only %q", deps)
			}
			for _, d := range deps {
				if strings.Contains(d, "goccy/go-graphviz") || strings.HasSuffix(d, "/render/graphviz") {
					t.Errorf("%s depends on %s", pkg, d)
				}
			}
		})
	}
}
