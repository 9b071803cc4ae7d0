package cli

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/render/draw"
)

// renderCLI runs relgraph in-process with the given environment variables (all others empty).
func renderCLI(t testing.TB, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
	})
	return out.String(), errb.String(), code
}

// noHelper is an environment in which the drawing helper cannot be found.
var noHelper = map[string]string{"PATH": "", draw.EnvVar: ""}

func TestRenderUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"render", "--layout", "sfdp"}, "--layout sfdp is not offered: the Graphviz build relgraph uses crowds every node"},
		{[]string{"render", "--layout", "osage"}, `unknown --layout "osage" (want dot, neato, fdp, circo, twopi)`},
		{[]string{"render", "--as", "pdf"}, `unknown --as "pdf" (want svg, png or dot)`},
		{[]string{"render", "--as", "png", "-o", "x.svg"}, `--as png contradicts the extension of "x.svg"`},
		{[]string{"render", "-o", "x.txt"}, `cannot tell the format from "x.txt"`},
		{[]string{"render", "--path", "baku"}, "--path takes two actors as arguments"},
		{[]string{"render", "baku", "moscow"}, "render takes actors only with --path"},
		{[]string{"render", "--focus", "baku", "--path", "baku", "moscow"}, "use --focus or --path, not both"},
		{[]string{"render", "--depth", "2"}, "--depth applies to --focus"},
		{[]string{"render", "--cluster", "city"}, `unknown --cluster "city" (want country)`},
		{[]string{"render", "--labels", "some"}, `--labels: unknown label mode "some"`},
		{[]string{"render", "--json"}, "render draws pictures; --json and --format json do not apply"},
	}
	for _, tt := range tests {
		stdout, stderr, code := renderCLI(t, noHelper, tt.args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) || stdout != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %d bytes; want exit 2 and %q", tt.args, code, stderr, len(stdout), tt.want)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.svg")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"render", "--max-actors", "5", "-o", out}, "are too many to draw legibly with dot (the limit is 5): narrow the view with --focus ACTOR --depth 1"},
		{[]string{"render", "--focus", "azerbaijan", "-o", out}, "relgraph-render not found beside relgraph or on PATH"},
		{[]string{"render", "--focus", "atlantis"}, `unknown actor "atlantis"`},
		{[]string{"render", "--focus", "baku", "--kinds", "membership", "--as", "dot"}, "Baku is not in the view (kinds membership)"},
		{[]string{"render", "--kinds", "pipeline", "--path", "baku", "moscow", "--as", "dot"}, "Moscow is not in the view (kinds pipeline)"},
	}
	for _, tt := range tests {
		_, stderr, code := renderCLI(t, noHelper, tt.args...)
		if code != ExitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", tt.args, code, stderr, tt.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("failed renders left files behind: %v", entries)
	}
}

// TestRenderDOT needs no helper: --as dot is written in pure Go.
func TestRenderDOT(t *testing.T) {
	tests := []struct {
		args     []string
		contains []string
	}{
		{[]string{"render", "--as", "dot"}, []string{`label="All actors and links"`, `"azerbaijan" [`, `"_legend" [`, `rankdir="LR"`}},
		{[]string{"render", "--focus", "Baku", "--as", "dot", "--layout", "twopi"}, []string{`label="Baku and its neighbours"`, `root="baku"`, `layout="twopi"`, `"azerbaijan" [`}},
		{[]string{"render", "--focus", "baku", "--depth", "2", "--as", "dot", "--title", "T", "--no-legend"}, []string{`label="T"`, `"russia" [`}},
		{[]string{"render", "--path", "baku", "moscow", "--as", "dot"}, []string{`label="Baku to Moscow: a shortest path, 3 links"`, `penwidth="3.2"`, `"moscow" [`}},
		{[]string{"render", "--kinds", "pipeline", "--cluster", "country", "--as", "dot", "--at", "2020"}, []string{`subgraph "cluster_`, `— at 2020; kinds pipeline"`}},
	}
	for _, tt := range tests {
		stdout, stderr, code := renderCLI(t, noHelper, tt.args...)
		if code != ExitOK {
			t.Errorf("%v: exit %d: %s", tt.args, code, stderr)
			continue
		}
		if !strings.HasPrefix(stdout, "digraph relgraph {\n") || !strings.HasSuffix(stdout, "}\n") {
			t.Errorf("%v: not a DOT graph: %.80q", tt.args, stdout)
		}
		for _, want := range tt.contains {
			if !strings.Contains(stdout, want) {
				t.Errorf("%v: output lacks %s", tt.args, want)
			}
		}
	}
	stdout, _, _ := renderCLI(t, noHelper, "render", "--focus", "baku", "--depth", "2", "--as", "dot", "--no-legend")
	if strings.Contains(stdout, "_legend") {
		t.Error("--no-legend: legend drawn")
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "region.gv")
	if _, stderr, code := renderCLI(t, noHelper, "render", "-o", file); code != ExitOK {
		t.Fatalf("-o region.gv: %s", stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(b, []byte("digraph relgraph {")) {
		t.Errorf("-o region.gv wrote %.40q, %v", b, err)
	}
}

// helperEnv returns an environment naming the drawing helper: $RELGRAPH_RENDER, or one built from
// this tree into the test's temporary directory. It skips the test when the helper cannot be built.
func helperEnv(t *testing.T) map[string]string {
	t.Helper()
	if p := os.Getenv(draw.EnvVar); p != "" {
		return map[string]string{draw.EnvVar: p}
	}
	dir := t.TempDir()
	out, err := exec.Command("go", "build", "-o", dir, "github.com/relgraph/relgraph/cmd/relgraph-render").CombinedOutput()
	if err != nil {
		t.Skipf("cannot build the drawing helper relgraph-render, so drawing is not tested (set %s to use a built one): %v\n%s", draw.EnvVar, err, out)
	}
	return map[string]string{draw.EnvVar: filepath.Join(dir, draw.HelperName)}
}

func TestRenderDraw(t *testing.T) {
	env := helperEnv(t)
	dir := t.TempDir()

	svg := filepath.Join(dir, "ego.svg")
	if _, stderr, code := renderCLI(t, env, "render", "--focus", "azerbaijan", "-o", svg); code != ExitOK {
		t.Fatalf("svg: %s", stderr)
	}
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	ids := map[string]bool{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "g" {
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
			}
		}
	}
	for _, want := range []string{"actor:azerbaijan", "actor:russia", "actor:baku", "legend"} {
		if !ids[want] {
			t.Errorf("the SVG has no group %q", want)
		}
	}

	stdout, stderr, code := renderCLI(t, env, "render", "--path", "baku", "moscow", "--as", "png")
	if code != ExitOK || !strings.HasPrefix(stdout, "\x89PNG\r\n\x1a\n") {
		t.Errorf("png to stdout: exit %d, %.8q, %s", code, stdout, stderr)
	}
}

// denseDataset writes a CSV dataset of n countries, every two of them tied by k trade links (one a
// year from 2000), and returns its directory.
func denseDataset(t *testing.T, n, k int) string {
	t.Helper()
	dir := t.TempDir()
	var actors, links strings.Builder
	actors.WriteString("id,name,kind\n")
	links.WriteString("kind,from,to,on\n")
	for i := range n {
		fmt.Fprintf(&actors, "a%d,A%d,country\n", i, i)
		for j := i + 1; j < n; j++ {
			for m := range k {
				fmt.Fprintf(&links, "trade,a%d,a%d,%d\n", i, j, 2000+m)
			}
		}
	}
	for name, s := range map[string]string{"actors.csv": actors.String(), "links.csv": links.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDrawLimits checks the limits render and diff share: a view with more lines than the layout
// engine's limit (parallel links merged) or more actors is refused before any layout, with the
// numbers and how to draw less; DOT is written whatever the size; the flags are checked.
func TestDrawLimits(t *testing.T) {
	dense := denseDataset(t, 60, 3) // 5310 links, 1770 lines
	dir := t.TempDir()
	out := filepath.Join(dir, "out.svg")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"render", "-o", out}, ExitError,
			"1770 lines are too many for dot to lay out in reasonable time (the limit is 800; 60 actors, links of one kind between two actors counted once): narrow the view with --focus ACTOR --depth 1, --path A B, --kinds K1,K2 or --at DATE, try --layout fdp or twopi, or raise --max-edges"},
		{[]string{"render", "--layout", "circo", "-o", out}, ExitError, "1770 lines are too many for circo to lay out in reasonable time (the limit is 300;"},
		{[]string{"render", "--layout", "neato", "-o", out}, ExitError, "(the limit is 1000;"},
		{[]string{"render", "--layout", "twopi", "--max-edges", "1e3", "-o", out}, ExitError, "(the limit is 1000;"},
		{[]string{"render", "--layout", "fdp", "--max-actors", "50", "-o", out}, ExitError,
			"60 actors are too many to draw legibly with fdp (the limit is 50)"},
		{[]string{"diff", "@2000", "@2002", "-o", out}, ExitError,
			"3540 lines are too many for dot to lay out in reasonable time (the limit is 800; 60 actors, links of one kind between two actors counted once): narrow the view with --focus ACTOR --depth 1 or --kinds K1,K2"},
		{[]string{"diff", "@2000", "@2002", "--max-actors", "10", "-o", out}, ExitError, "60 actors are too many to draw legibly with dot (the limit is 10)"},
		{[]string{"render", "--max-edges", "-1", "-o", out}, ExitUsage, "--max-edges must not be negative (got -1)"},
		{[]string{"diff", "@2000", "@2002", "--max-edges", "-5", "-o", out}, ExitUsage, "--max-edges must not be negative (got -5)"},
		{[]string{"render", "--timeout", "-1s", "-o", out}, ExitUsage, "--timeout must not be negative (got -1s)"},
		{[]string{"render", "--timeout", "soon", "-o", out}, ExitUsage, `invalid argument "soon" for "--timeout"`},
	}
	for _, tt := range tests {
		_, stderr, code := renderCLI(t, noHelper, append([]string{"--data", dense}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("refused drawings left files behind: %v", entries)
	}
	for _, args := range [][]string{{"render", "--as", "dot"}, {"export", "--as", "dot"}} {
		stdout, stderr, code := renderCLI(t, noHelper, append([]string{"--data", dense}, args...)...)
		if n := strings.Count(stdout, " -> "); code != ExitOK || n != 1770 {
			t.Errorf("%v: exit %d, %d edges; want all 1770 lines: %s", args, code, n, stderr)
		}
	}
}

// TestDrawTimeoutCLI runs render with a helper that never finishes: the layout is stopped after
// --timeout with a message that says how to draw less, and nothing is written.
func TestDrawTimeoutCLI(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in helper is a shell script")
	}
	dense := denseDataset(t, 20, 1) // 190 lines
	dir := t.TempDir()
	helper := filepath.Join(t.TempDir(), draw.HelperName)
	if err := os.WriteFile(helper, []byte("#!/bin/sh\nexec sleep 30\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{draw.EnvVar: helper}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"render", "--timeout", "300ms", "-o", filepath.Join(dir, "r.svg")},
			"the dot layout of 20 actors and 190 lines did not finish within 300ms and was stopped: narrow the view with --focus ACTOR --depth 1, --path A B, --kinds K1,K2 or --at DATE, lower --max-edges to refuse views this size at once, or allow more time with --timeout"},
		{[]string{"diff", "@1999", "@2000", "--layout", "neato", "--timeout", "0.3s", "-o", filepath.Join(dir, "d.png")},
			"the neato layout of 20 actors and 190 lines did not finish within 300ms and was stopped: narrow the view with --focus ACTOR --depth 1 or --kinds K1,K2, lower --max-edges"},
	}
	for _, tt := range tests {
		start := time.Now()
		_, stderr, code := renderCLI(t, env, append([]string{"--data", dense}, tt.args...)...)
		if code != ExitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", tt.args, code, stderr, tt.want)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%v: took %v", tt.args, took)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("stopped drawings left files behind: %v", entries)
	}
}
