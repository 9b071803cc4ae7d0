package text

import (
	"fmt"
	"io"

	"github.com/relgraph/relgraph/data"
)

// DatasetCounts is what a valid dataset holds, for the validation answer.
type DatasetCounts struct {
	Actors, Links, Documents int
	Unsourced                int // links without a source
}

// Validation writes the answer of a dataset check: every problem with its position and their number,
// or, when there are none, what the dataset holds.
func Validation(w io.Writer, ps data.Problems, c DatasetCounts) error {
	for _, p := range ps {
		fmt.Fprintln(w, p.Error())
	}
	if len(ps) > 0 {
		_, err := fmt.Fprintf(w, "%d problem(s)\n", len(ps))
		return err
	}
	fmt.Fprintf(w, "ok: %d actors, %d links, %d documents", c.Actors, c.Links, c.Documents)
	if c.Unsourced > 0 {
		fmt.Fprintf(w, "; %d link(s) without a source", c.Unsourced)
	} else if c.Links > 0 {
		fmt.Fprint(w, "; every link has a source")
	}
	_, err := fmt.Fprintln(w)
	return err
}
