package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// encodeLikeEmit encodes v as emit does.
func encodeLikeEmit(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := jsonout.Encode(&buf, v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestStream checks that a streamed answer escapes control characters in text, not in JSON, and that
// -o's file is written whole or not at all.
func TestStream(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		text    bool
		output  string
		fail    bool
		stdout  string
		file    string // the file's content; "-" for no file
		wantErr bool
	}{
		{"text to stdout", true, "", false, `a\x1b[2Jb` + "\n", "-", false},
		{"json to stdout", false, "", false, "a\x1b[2Jb\n", "-", false},
		{"text to a file", true, filepath.Join(dir, "ok.txt"), false, "", `a\x1b[2Jb` + "\n", false},
		{"failure leaves no file", true, filepath.Join(dir, "bad.txt"), true, "", "-", true},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		p := &printer{stdout: &out, output: tt.output}
		err := p.stream(tt.text, func(w io.Writer) error {
			// Write more than any buffer holds before failing, so that a failure comes after output.
			fmt.Fprint(w, "a\x1b[2Jb\n")
			if tt.fail {
				w.Write(bytes.Repeat([]byte("x"), 1<<17))
				return errors.New("the search failed")
			}
			return nil
		})
		if (err != nil) != tt.wantErr || out.String() != tt.stdout {
			t.Errorf("%s: error %v, stdout %q; want error %v, stdout %q", tt.name, err, out.String(), tt.wantErr, tt.stdout)
		}
		if tt.output == "" {
			continue
		}
		b, rerr := os.ReadFile(tt.output)
		switch {
		case tt.file == "-" && !errors.Is(rerr, os.ErrNotExist):
			t.Errorf("%s: %s exists (%v)", tt.name, tt.output, rerr)
		case tt.file != "-" && string(b) != tt.file:
			t.Errorf("%s: file holds %q (%v), want %q", tt.name, b, rerr, tt.file)
		}
	}
	// The command's own error comes back as it is; the output's names the file.
	p := &printer{output: filepath.Join(dir, "own.txt")}
	own := usagef("the two actors are the same")
	if err := p.stream(true, func(io.Writer) error { return own }); err != own {
		t.Errorf("own error: %v, want %v as it is", err, own)
	}
	p.output = filepath.Join(dir, "no-such-dir", "x.txt")
	if err := p.stream(true, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err == nil || !strings.Contains(err.Error(), p.output) {
		t.Errorf("output error: %v, want one naming %s", err, p.output)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// TestCountFlags checks the bounds of the count flags of the query commands: negative counts, counts
// below their floor and above their ceiling are usage errors (exit 2) with a message naming the flag.
func TestCountFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"rank", "--top", "-1"}, 2, "--top must not be negative (got -1)"},
		{[]string{"balance", "--top", "-5"}, 2, "--top must not be negative (got -5)"},
		{[]string{"connect", "baku", "moscow", "--brokers", "-1"}, 2, "--brokers must be at least 1 (got -1)"},
		{[]string{"connect", "baku", "moscow", "--paths", "-2"}, 2, "--paths must be at least 1 (got -2)"},
		{[]string{"connect", "baku", "moscow", "--paths", "1001"}, 2, "--paths must be at most 1000 (got 1001)"},
		{[]string{"connect", "baku", "moscow", "--max-steps", "-1"}, 2, "--max-steps must be at least 1 (got -1)"},
		{[]string{"neighbors", "russia", "--depth", "0"}, 2, "--depth must be at least 1 (got 0)"},
		{[]string{"path", "baku", "moscow", "--k", "0"}, 2, "--k must be at least 1 (got 0)"},
		{[]string{"path", "baku", "moscow", "--k", "10001"}, 2, "--k must be at most 10000 (got 10001): list fewer paths, or use --all with --limit"},
		{[]string{"path", "baku", "moscow", "--k", "1e300"}, 2, "--k must be at most 10000 (got 1e300)"},
		{[]string{"path", "baku", "moscow", "--k", "99999999999999999999"}, 2, "--k must be at most 10000 (got 99999999999999999999)"},
		{[]string{"rank", "--top", "-1e30"}, 2, "--top must not be negative (got -1e30)"},
		{[]string{"path", "baku", "moscow", "--k", "2.5"}, 2, `invalid argument "2.5" for "--k" flag: not a whole number`},
		{[]string{"path", "baku", "moscow", "--all", "--limit", "0"}, 2, "--limit must be at least 1 (got 0)"},
		{[]string{"path", "baku", "moscow", "--all", "--limit", "1_000_001"}, 2, "--limit must be at most 1000000 (got 1000001)"},
		{[]string{"path", "baku", "moscow", "--all", "--max-len", "-1"}, 2, "--max-len must be at least 1 (got -1)"},
		{[]string{"path", "baku", "moscow", "--k", "1e4", "--max-steps", "2e3"}, 0, ""},
		{[]string{"rank", "--top", "0"}, 0, ""},
		{[]string{"connect", "baku", "moscow", "--paths", "1000", "--brokers", "1"}, 0, ""},
	}
	for _, tt := range tests {
		_, stderr, code := run(t, tt.args...)
		if code != tt.code || (tt.msg != "" && !strings.Contains(stderr, "relgraph: "+tt.msg)) || (tt.msg == "" && stderr != "") {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}

// writeDense writes the native CSV pair of a complete graph of n actors, every pair tied by three
// links, into a new directory and returns it.
func writeDense(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	var actors, links strings.Builder
	actors.WriteString("id,name,kind\n")
	links.WriteString("kind,from,to,on\n")
	for i := range n {
		fmt.Fprintf(&actors, "a%d,A%d,country\n", i, i)
		for j := i + 1; j < n; j++ {
			for y := range 3 {
				fmt.Fprintf(&links, "trade,a%d,a%d,%d\n", i, j, 2000+y)
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

// TestPathAnswerStreamed checks a path answer too long to hold back: it is written as it is found,
// with the count at the end, and its paths are those of the answer held in full; in JSON, it has the
// bytes of the buffered encoding.
func TestPathAnswerStreamed(t *testing.T) {
	dir := writeDense(t, 20)
	args := []string{"--data", dir, "path", "a0", "a1", "--all", "--max-len", "4", "--limit", "4000"}
	out, stderr, code := run(t, args...)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if len(out) < text.PathsHoldBack {
		t.Fatalf("the answer is %d bytes, not long enough to be streamed", len(out))
	}
	head, body, _ := strings.Cut(out, "\n")
	if head != "All paths of at most 4 hops from A0 to A1, as they are found:" {
		t.Errorf("head %q", head)
	}
	tail := "\n4000 paths found\n\nstopped after 4000 paths (--limit); there are more\n"
	if !strings.HasSuffix(body, tail) {
		t.Errorf("tail %q", body[max(0, len(body)-200):])
	}
	// The same paths, as a buffered answer would list them.
	d := newDataset(&globalOptions{dataPaths: []string{dir}}, func(string) string { return "" }, &progressStream{})
	_, g, err := d.graph()
	if err != nil {
		t.Fatal(err)
	}
	from, to := mustIndex(t, g, "a0"), mustIndex(t, g, "a1")
	res, err := query.Paths(g, from, to, query.PathOptions{All: true, MaxLen: 4, Limit: 4000})
	if err != nil || len(res.Paths) != 4000 {
		t.Fatalf("%d paths, %v", len(res.Paths), err)
	}
	var want bytes.Buffer
	for i, p := range res.Paths {
		fmt.Fprintln(&want)
		if err := text.Path(&want, g, i+1, p); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.TrimSuffix(body, tail); got != want.String() {
		t.Errorf("the streamed paths differ from the buffered ones:\n%s", lineDiff(want.String(), got))
	}
	// JSON: the encoder's bytes.
	jout, _, code := run(t, "--data", dir, "path", "a0", "a1", "--all", "--max-len", "4", "--limit", "300", "--json")
	res.Paths = res.Paths[:300]
	wantJSON := encodeLikeEmit(t, struct {
		jsonout.PathResult
		Message string `json:"message,omitempty"`
	}{PathResult: jsonout.FromPathResult(&res)})
	if code != 0 || jout != wantJSON {
		t.Errorf("streamed JSON (%d bytes) differs from the encoder's (%d bytes)", len(jout), len(wantJSON))
	}
}

func mustIndex(t *testing.T, g *graph.Graph, id string) int32 {
	t.Helper()
	i, ok := g.ActorIndex(id)
	if !ok {
		t.Fatalf("no actor %q", id)
	}
	return i
}

// TestPathStepsAnswer checks what a path answer says when its steps run out, in text and JSON.
func TestPathStepsAnswer(t *testing.T) {
	dir := writeDense(t, 10)
	tests := []struct {
		args []string
		want []string // regular expressions
	}{
		{[]string{"path", "a0", "a1", "--k", "100", "--max-steps", "3000"}, []string{
			`(?m)^The 100 shortest paths from A0 to A1: \d+ found$`,
			`(?m)^stopped after \d+ paths: the search used up its budget of 3000 steps, and there may be more \(raise it with --max-steps\)\n\z`,
		}},
		{[]string{"path", "a0", "a1", "--all", "--max-steps", "1"}, []string{
			`\AAll paths of at most 4 hops from A0 to A1: 0 found\n\nstopped after 0 paths: the search used up its budget of 1 steps`,
		}},
		{[]string{"path", "a0", "a1", "--k", "100", "--max-steps", "3000", "--json"}, []string{
			`(?m)^  "truncated": true,\n  "stopped": "max_steps",\n  "max_steps": 3000\n}\n\z`,
		}},
		{[]string{"connect", "a0", "a1", "--paths", "100", "--max-steps", "500"}, []string{
			`(?m)^Best paths: shortest first, then those made of the most links \(\d+\)$`,
			`\nthe search for paths used up its budget of 500 steps: these are the best of the paths it found, and there may be stronger ones \(raise it with --max-steps\)\n\z`,
		}},
		{[]string{"connect", "a0", "a1", "--paths", "100", "--max-steps", "500", "--json"}, []string{
			`(?m)^  "stopped": "max_steps",\n  "max_steps": 500\n}\n\z`,
		}},
	}
	for _, tt := range tests {
		out, stderr, code := run(t, append([]string{"--data", dir}, tt.args...)...)
		if code != 0 || stderr != "" {
			t.Errorf("%v: exit %d, %s", tt.args, code, stderr)
			continue
		}
		for _, re := range tt.want {
			if !regexp.MustCompile(re).MatchString(out) {
				t.Errorf("%v: output does not match %s:\n%s", tt.args, re, out[max(0, len(out)-400):])
			}
		}
	}
}

// FuzzCountValue checks that a count flag's parser never panics, and that what it accepts reads back
// as the number it stands for.
func FuzzCountValue(f *testing.F) {
	for _, s := range []string{"0", "-1", "1e9", "1_000_000", "010", "0x10", "0x1p4", "9e999", "NaN", "Inf", "-Inf", "1.5", "1e-3", "", " 1", "99999999999999999999", "-9e18"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := 7
		v := &countValue{p: &n}
		if err := v.Set(s); err != nil {
			if !errors.Is(err, errNotCount) || n != 7 {
				t.Fatalf("Set(%q) = %v and set %d", s, err, n)
			}
			return
		}
		if want, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64); err == nil && (int64(n) != want || v.huge != "") {
			t.Fatalf("Set(%q) = %d (%q), want %d", s, n, v.huge, want)
		}
		if f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64); err == nil && v.huge == "" && float64(n) != f {
			t.Fatalf("Set(%q) = %d, want %v", s, n, f)
		}
	})
}
