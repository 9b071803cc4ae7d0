package main

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	const dot = `digraph { a [label="Baku"]; b [label="Tbilisi"]; a -> b }`
	tests := []struct {
		name        string
		args        []string
		stdin       string
		code        int
		stdout      []string // substrings
		stderr      []string
		emptyStdout bool
	}{
		{"svg by default", nil, dot, 0, []string{"<svg", ">Baku</text>"}, nil, false},
		{"laid-out dot", []string{"--format", "dot", "--layout", "neato"}, dot, 0, []string{"pos="}, nil, false},
		{"help", []string{"--help"}, "", 0, nil, []string{"usage: relgraph-render", "Example:", "--layout neato --format png", "-max-nodes", "-timeout"}, true},
		{"bad flag", []string{"--colour"}, dot, 2, nil, []string{"flag provided but not defined"}, true},
		{"argument", []string{"graph.dot"}, dot, 2, nil, []string{`unexpected argument "graph.dot"`}, true},
		{"syntax error", nil, "digraph {", 1, nil, []string{"relgraph-render: invalid dot"}, true},
		{"sfdp", []string{"--layout", "sfdp"}, dot, 1, nil, []string{`relgraph-render: layout "sfdp"`}, true},
		{"too many nodes", []string{"--max-nodes", "1"}, dot, 1, nil, []string{"2 nodes", "limit of 1"}, true},
		{"no limit", []string{"--max-nodes", "0"}, dot, 0, []string{"<svg"}, nil, false},
		{"bad format", []string{"--format", "gif"}, dot, 1, nil, []string{`format "gif"`}, true},
		{"negative timeout", []string{"--timeout", "-1s"}, dot, 2, nil, []string{"--timeout -1s: want 0 (no limit) or more"}, true},
		{"out of time", []string{"--timeout", "1ns"}, dot, 1, nil,
			[]string{"relgraph-render: the layout did not finish within 1ns: draw a smaller graph, or allow more time with --timeout"}, true},
		{"in time", []string{"--timeout", "1m"}, dot, 0, []string{"<svg"}, nil, false},
		{"version", []string{"--version"}, "", 0, []string{"relgraph-render ", "go1."}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr %q", code, tt.code, stderr.String())
			}
			for _, w := range tt.stdout {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q", w)
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr %q lacks %q", stderr.String(), w)
				}
			}
			if tt.emptyStdout && stdout.Len() != 0 {
				t.Errorf("stdout has %d bytes, want none", stdout.Len())
			}
		})
	}
}

func TestRunPNG(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"--format", "png", "--scale", "1"}, strings.NewReader(`graph { a -- b }`), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit status %d: %s", code, stderr.String())
	}
	img, err := png.Decode(&stdout)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 50 || b.Dy() < 100 {
		t.Errorf("PNG is only %v", b)
	}
}

// TestRunInterrupted checks that an interrupt (a cancelled context) ends the program at once with
// nothing written, although the layout itself cannot be stopped.
func TestRunInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, nil, strings.NewReader(`digraph { a -> b }`), &stdout, &stderr)
	if code != 1 || stdout.Len() != 0 || stderr.String() != "relgraph-render: interrupted\n" {
		t.Errorf("exit %d, stdout %d bytes, stderr %q; want 1, nothing and an interruption", code, stdout.Len(), stderr.String())
	}
}
