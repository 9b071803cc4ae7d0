package text

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/relgraph/relgraph/graph"
)

// Evidence is one link with its sources and the passages they cite.
type Evidence struct {
	Link     graph.Link
	Passages []Passage
}

// Passage is the text of one cited paragraph, or why it could not be quoted.
type Passage struct {
	Doc   string
	Para  int
	Text  string
	Error string
}

// Why writes the evidence for the links between the actors named: each link with its sources, their
// notes and passages, then the documents cited. filter describes the active filters ("at 2016; kinds
// pipeline"), or is empty.
func Why(w io.Writer, g *graph.Graph, names [2]string, ev []Evidence, filter string) error {
	fmt.Fprintf(w, "Evidence for %s – %s: %d link(s)%s\n", names[0], names[1], len(ev), UnderFilter(filter))
	docs := map[string]bool{}
	for _, e := range ev {
		l := &e.Link
		fmt.Fprintf(w, "\n%s  %s\n", Span(l), Describe(g, l))
		if at := Attrs(l.Attrs, "derived"); at != "" {
			fmt.Fprintf(w, "  %s\n", at)
		}
		if len(l.Sources) == 0 {
			fmt.Fprintln(w, "  (no source given)")
		}
		for j, s := range l.Sources {
			docs[s.Doc] = true
			fmt.Fprintf(w, "  [%s] %s\n", SourceRef(s), s.Note)
			if j < len(e.Passages) {
				p := e.Passages[j]
				if p.Error != "" {
					fmt.Fprintf(w, "      (passage not found: %s)\n", p.Error)
				} else {
					fmt.Fprintf(w, "      > %s\n", Wrap(p.Text, 90, "      > "))
				}
			}
		}
	}
	if len(docs) > 0 {
		fmt.Fprintln(w, "\nDocuments")
		for _, id := range slices.Sorted(maps.Keys(docs)) {
			d, ok := g.Document(id)
			if !ok {
				continue
			}
			line := fmt.Sprintf("  %s: %q", d.ID, d.Title)
			for _, part := range []string{d.Author, d.Publisher, d.Date.String()} {
				if part != "" {
					line += ", " + part
				}
			}
			fmt.Fprintln(w, line)
		}
	}
	return nil
}
