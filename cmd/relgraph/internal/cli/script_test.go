package cli

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"relgraph": func() { os.Exit(runWatched()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each runs the relgraph command as a
// subprocess of the test binary and checks its output and exit status.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("RELGRAPH_DATA", "")
			return nil
		},
	})
}
