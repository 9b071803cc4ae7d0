// Command relgraph explores a typed, dated relationship graph: who is tied to whom, how, since when and
// on what evidence. Run `relgraph --help` for the commands.
package main

import (
	"os"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
