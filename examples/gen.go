//go:build ignore

// Gen draws the example diagrams of the walkthrough from the embedded dataset:
//
//	go generate ./examples
//
// runs it in this directory (see the go:generate line in examples_test.go). It builds relgraph and the
// drawing helper relgraph-render from this source tree into a temporary directory (the helper unless
// RELGRAPH_RENDER names one), so that the pictures come from this tree and the Graphviz version of
// go.mod and not from whatever is installed. With -dir it writes elsewhere: examples_test.go uses that to check that the SVGs here are
// current.
//
// Exit status: 0 on success, 1 on errors, 3 when the helper cannot be built.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// examples are the diagrams: a file name and the render arguments that draw it.
var examples = []struct {
	file string
	args []string
}{
	// The whole region: every actor and link of the dataset.
	{"region.svg", []string{"render", "--title", "The South Caucasus and its neighbours: every actor and link"}},
	// Azerbaijan's ego network: the actors one link away, and the links among them (paler).
	{"azerbaijan-ego.svg", []string{"render", "--focus", "azerbaijan", "--title", "Azerbaijan and its neighbours"}},
	// The Baku–Moscow connection: the shortest path, with the actors tied to two or more of its actors.
	{"baku-moscow.svg", []string{"render", "--path", "baku", "moscow", "--title", "Baku to Moscow: the shortest path and the actors around it"}},
	// Energy routes west: pipelines, railways, roads, bridges, corridors and energy deals.
	{"energy-west.svg", []string{"render", "--kinds", "pipeline,railway,road,bridge,corridor,energy_deal",
		"--title", "Energy and transport routes: pipelines, railways, roads, corridors and energy deals"}},
}

func main() {
	dir := flag.String("dir", ".", "write the diagrams into `DIR`")
	flag.Parse()
	relgraph, helper, cleanup, err := build()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(3)
	}
	defer cleanup()
	for _, ex := range examples {
		out := filepath.Join(*dir, ex.file)
		args := append(append([]string(nil), ex.args...), "-o", out)
		var stderr bytes.Buffer
		cmd := exec.Command(relgraph, args...)
		cmd.Stdout, cmd.Stderr = os.Stdout, &stderr
		// The embedded dataset, whatever RELGRAPH_DATA says, and the helper built here.
		cmd.Env = append(withoutData(os.Environ()), "RELGRAPH_RENDER="+helper)
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "gen: relgraph %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
			cleanup()
			os.Exit(1)
		}
		// The files are published: readable by all, as a checked-out file would be.
		if err := os.Chmod(out, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			cleanup()
			os.Exit(1)
		}
	}
}

// withoutData returns env without the variables that would point relgraph at another dataset or helper.
func withoutData(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "RELGRAPH_DATA=") && !strings.HasPrefix(kv, "RELGRAPH_RENDER=") {
			out = append(out, kv)
		}
	}
	return out
}

// build builds relgraph and, unless RELGRAPH_RENDER names one, the drawing helper into a temporary
// directory, and returns their paths and a function that removes what it built.
func build() (relgraph, helper string, cleanup func(), err error) {
	tmp, err := os.MkdirTemp("", "relgraph-gen-")
	if err != nil {
		return "", "", func() {}, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	pkgs := []string{"github.com/relgraph/relgraph/cmd/relgraph"}
	helper = os.Getenv("RELGRAPH_RENDER")
	if helper == "" {
		pkgs = append(pkgs, "github.com/relgraph/relgraph/cmd/relgraph-render")
		helper = filepath.Join(tmp, "relgraph-render")
	}
	out, err := exec.Command("go", append([]string{"build", "-o", tmp}, pkgs...)...).CombinedOutput()
	if err != nil {
		cleanup()
		return "", "", func() {}, fmt.Errorf("building relgraph: %v\n%s", err, out)
	}
	return filepath.Join(tmp, "relgraph"), helper, cleanup, nil
}
