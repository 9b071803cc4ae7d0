//go:build ignore

// Gen draws the example diagrams of the walkthrough from the embedded dataset:
//
//	go generate ./examples
//
// runs it in this directory (see the go:generate line in examples_test.go). It builds the drawing
// helper relgraph-render from this source tree into a temporary directory, unless RELGRAPH_RENDER names
// one, so that the pictures come from the Graphviz version of go.mod and not from whatever helper is
// installed. With -dir it writes elsewhere: examples_test.go uses that to check that the SVGs here are
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
	"time"

	"github.com/relgraph/relgraph/cmd/relgraph/cli"
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
	helper, cleanup, err := findHelper()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(3)
	}
	defer cleanup()
	for _, ex := range examples {
		out := filepath.Join(*dir, ex.file)
		args := append(append([]string(nil), ex.args...), "-o", out)
		var stderr bytes.Buffer
		env := cli.Env{
			Stdin: strings.NewReader(""), Stdout: os.Stdout, Stderr: &stderr,
			Getenv: func(k string) string {
				if k == "RELGRAPH_RENDER" {
					return helper
				}
				return "" // the embedded dataset, whatever RELGRAPH_DATA says
			},
			Now: time.Now,
		}
		if code := cli.Main(args, env); code != 0 {
			fmt.Fprintf(os.Stderr, "gen: relgraph %s: %s", strings.Join(args, " "), stderr.String())
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

// findHelper returns the drawing helper to use and a function that removes what it built.
func findHelper() (string, func(), error) {
	if p := os.Getenv("RELGRAPH_RENDER"); p != "" {
		return p, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", "relgraph-gen-")
	if err != nil {
		return "", func() {}, err
	}
	cleanup := func() { os.RemoveAll(tmp) }
	build := exec.Command("go", "build", "-o", tmp, "github.com/relgraph/relgraph/cmd/relgraph-render")
	if out, err := build.CombinedOutput(); err != nil {
		cleanup()
		return "", func() {}, fmt.Errorf("building relgraph-render: %v\n%s", err, out)
	}
	return filepath.Join(tmp, "relgraph-render"), cleanup, nil
}
