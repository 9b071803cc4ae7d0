package text

import (
	"fmt"
	"io"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Actors writes a table of actors (id, name, kind, where, aliases) and their number.
func Actors(w io.Writer, found []graph.Actor) error {
	if len(found) == 0 {
		_, err := fmt.Fprintln(w, "no actors match")
		return err
	}
	tw := NewTable(w)
	fmt.Fprintln(tw, "ID\tNAME\tKIND\tIN\tALIASES")
	for _, ac := range found {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", ac.ID, ac.Name, ac.Kind, ac.In, strings.Join(ac.Aliases, ", "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d actor(s)\n", len(found))
	return err
}
