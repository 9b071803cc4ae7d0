package render_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/graphtest"
	"github.com/relgraph/relgraph/render/draw"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// helperDir holds the relgraph-render built for this test run; TestMain removes it.
var helperDir string

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if helperDir != "" {
		os.RemoveAll(helperDir)
	}
	os.Exit(code)
}

var (
	helperOnce sync.Once
	helperPath string
	helperErr  error
)

// helper returns a Locator of the drawing helper: $RELGRAPH_RENDER when set, else relgraph-render built
// from this source tree into a temporary directory. It skips the test when the helper cannot be built.
func helper(t testing.TB) draw.Locator {
	t.Helper()
	if p := os.Getenv(draw.EnvVar); p != "" {
		return draw.Locator{Override: p}
	}
	helperOnce.Do(func() {
		dir, err := os.MkdirTemp("", "relgraph-render-test-")
		if err != nil {
			helperErr = err
			return
		}
		helperDir = dir
		out, err := exec.Command("go", "build", "-o", dir, "github.com/relgraph/relgraph/cmd/relgraph-render").CombinedOutput()
		if err != nil {
			helperErr = fmt.Errorf("%v\n%s", err, out)
			return
		}
		helperPath = filepath.Join(dir, draw.HelperName)
	})
	if helperErr != nil {
		t.Skipf("cannot build the drawing helper relgraph-render, so SVG checks are skipped (set %s to use a built one): %v", draw.EnvVar, helperErr)
	}
	return draw.Locator{Override: helperPath}
}

// drawDOT runs the helper on dot.
func drawDOT(t testing.TB, dot []byte, layout, format string) []byte {
	t.Helper()
	loc := helper(t)
	var out bytes.Buffer
	if err := draw.Draw(context.Background(), dot, draw.Options{Layout: layout, Format: format, MaxNodes: -1, Locator: loc}, &out); err != nil {
		t.Fatalf("drawing %s: %v", format, err)
	}
	return out.Bytes()
}

// loadFixture loads testdata/fixture.
func loadFixture(t testing.TB) *graph.Graph {
	return graphtest.Load(t, filepath.Join("testdata", "fixture"))
}

// actor returns the number of the actor with the given id.
func actor(t testing.TB, g *graph.Graph, id string) int32 { return graphtest.Actor(t, g, id) }
