package cli

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestExamplesREADME runs every `$ relgraph …` line in the code blocks of examples/README.md and
// checks that the lines after it, up to the end of the block or the next `$`, are the command's output.
// With -update it rewrites those outputs in place.
func TestExamplesREADME(t *testing.T) {
	const path = "../../../examples/README.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no walkthrough: %v", err)
	}
	lines := strings.Split(string(src), "\n")
	var out []string
	inBlock := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		out = append(out, line)
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock || !strings.HasPrefix(line, "$ relgraph ") {
			continue
		}
		args, err := splitArgs(strings.TrimPrefix(line, "$ relgraph "))
		if err != nil {
			t.Fatalf("%s:%d: %v", path, i+1, err)
		}
		// The documented output runs to the end of the block or the next command.
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(lines[j], "```") && !strings.HasPrefix(lines[j], "$ ") {
			j++
		}
		want := strings.Join(lines[i+1:j], "\n")
		got, errOut, _ := run(t, args...)
		got = strings.TrimRight(got+errOut, "\n")
		if *update {
			out = append(out, strings.Split(got, "\n")...)
		} else if got != want {
			t.Errorf("%s:%d: relgraph %s: output differs (go test -run TestExamplesREADME -update rewrites it):\n%s", path, i+1, strings.Join(args, " "), lineDiff(want, got))
		}
		i = j - 1
		if !*update {
			out = append(out, lines[i+1:j]...)
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// splitArgs splits a command line on spaces, honouring single and double quotes.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	quote, inArg := rune(0), false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inArg = r, true
		case r == ' ':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteRune(r)
			inArg = true
		}
	}
	if quote != 0 {
		return nil, errUnclosedQuote
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}

var errUnclosedQuote = errors.New("unclosed quote")
