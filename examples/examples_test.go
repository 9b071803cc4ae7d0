package examples_test

//go:generate go run gen.go

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestDiagramsCurrent regenerates the example diagrams into a temporary directory with gen.go and
// compares them with the SVGs kept here. Graphviz's output is deterministic for a given input, so any
// difference means the dataset or the drawing code changed since the last `go generate ./examples`.
func TestDiagramsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("drawing every example takes a few seconds")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "gen.go", "-dir", dir)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 3 {
		t.Skipf("the drawing helper cannot be built, so the examples are not checked:\n%s", out)
	}
	if err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, out)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	if err != nil || len(files) == 0 {
		t.Fatalf("gen.go wrote no SVG (%v)", err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		got, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s is missing: run 'go generate ./examples'", name)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("examples/%s is out of date: run 'go generate ./examples'", name)
		}
	}
}
