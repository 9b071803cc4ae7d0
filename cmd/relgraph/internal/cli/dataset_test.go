package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/relgraph/relgraph/data"
)

// TestDatasetLoadsOnce checks that a dataset path is loaded once per run, whether it comes back as
// an argument or is both --data and an argument.
func TestDatasetLoadsOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"links.yaml": "links:\n  - {from: a, to: b, kind: trade}\n",
		"actors.yaml": "actors:\n  - {id: a, name: A, kind: country}\n  - {id: b, name: B, kind: country}\n"})
	d := newDataset(&globalOptions{dataPaths: []string{dir}, maxFile: data.DefaultMaxFileSize}, nil, &progressStream{})
	in, err := d.pathInput(dir)
	if err != nil {
		t.Fatal(err)
	}
	g1, err := d.loadInput(dir, in)
	if err != nil {
		t.Fatal(err)
	}
	if g2, err := d.loadInput(dir, in); err != nil || g2 != g1 {
		t.Errorf("a path given twice was loaded twice (%v)", err)
	}
	d = newDataset(&globalOptions{dataPaths: []string{dir}, maxFile: data.DefaultMaxFileSize}, nil, &progressStream{})
	full, err := d.load()
	if err != nil {
		t.Fatal(err)
	}
	if g, err := d.loadInput(dir, in); err != nil || g != full {
		t.Errorf("--data given again as an argument was loaded again (%v)", err)
	}
}

// TestDataGivenTwice checks that the same dataset named twice in --data, however it is spelled, loads
// once, while two different datasets both load.
func TestDataGivenTwice(t *testing.T) {
	top := t.TempDir()
	one, two := filepath.Join(top, "one"), filepath.Join(top, "two")
	writeFiles(t, one, map[string]string{"actors.yaml": "actors:\n  - {id: a, name: A, kind: country}\n  - {id: b, name: B, kind: country}\n",
		"links.yaml": "links:\n  - {from: a, to: b, kind: trade}\n"})
	writeFiles(t, two, map[string]string{"actors.yaml": "actors:\n  - {id: c, name: C, kind: country}\n"})
	if err := os.Symlink(one, filepath.Join(top, "link")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		paths  []string
		actors int
	}{
		{[]string{one}, 2},
		{[]string{one, one}, 2},
		{[]string{one, one + string(filepath.Separator), filepath.Join(top, ".", "one"), filepath.Join(top, "link")}, 2},
		{[]string{one, two, one}, 3},
	}
	for _, tt := range tests {
		d := newDataset(&globalOptions{dataPaths: tt.paths, maxFile: data.DefaultMaxFileSize}, nil, &progressStream{})
		g, err := d.load()
		if err != nil || g.NumActors() != tt.actors {
			t.Errorf("--data %v: %v, want %d actors and no error", tt.paths, err, tt.actors)
		}
	}
}
