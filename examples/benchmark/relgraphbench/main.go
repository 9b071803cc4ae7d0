// Command relgraphbench is the relgraph side of the cross-tool benchmark in examples/benchmark: it
// generates a synthetic dataset in relgraph's native CSV format, times relgraph's queries on it through
// the library, and prints the table that compares them with the same questions asked of NetworkX and
// python-igraph (peers.py). run.sh drives the three steps:
//
//	relgraphbench gen DIR ACTORS LINKS      # DIR/a and DIR/b: two snapshots 1% of links apart; DIR/pairs.txt
//	relgraphbench run DIR OUT.json          # times relgraph on DIR, writes the results
//	relgraphbench report A.json B.json...   # prints the Markdown table of medians and ratios
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	if err := dispatch(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "relgraphbench:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  relgraphbench gen DIR ACTORS LINKS
  relgraphbench run [-rows ROW,...] [-cpuprofile ROW=FILE] DIR OUT.json
  relgraphbench report RESULT.json...`

func dispatch(args []string) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	switch args[0] {
	case "gen":
		if len(args) != 4 {
			return errors.New(usage)
		}
		n, err1 := strconv.Atoi(args[2])
		m, err2 := strconv.Atoi(args[3])
		if err := errors.Join(err1, err2); err != nil || n < 20 || m < n {
			return fmt.Errorf("want ACTORS ≥ 20 and LINKS ≥ ACTORS: %q %q", args[2], args[3])
		}
		return generate(args[1], n, m)
	case "run":
		rest := args[1:]
		opts := runOptions{prof: map[string]string{}}
		for len(rest) > 1 && strings.HasPrefix(rest[0], "-") {
			switch rest[0] {
			case "-cpuprofile":
				row, file, ok := strings.Cut(rest[1], "=")
				if !ok {
					return fmt.Errorf("-cpuprofile wants ROW=FILE, not %q", rest[1])
				}
				opts.prof[row] = file
			case "-rows":
				opts.only = strings.Split(rest[1], ",")
			default:
				return fmt.Errorf("unknown flag %q\n%s", rest[0], usage)
			}
			rest = rest[2:]
		}
		if len(rest) != 2 {
			return errors.New(usage)
		}
		return runRelgraph(rest[0], rest[1], opts)
	case "report":
		if len(args) < 2 {
			return errors.New(usage)
		}
		return report(os.Stdout, args[1:])
	}
	return errors.New(usage)
}

// ---------------------------------------------------------------------------------------------------
// Generation
