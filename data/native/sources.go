package native

import "github.com/relgraph/relgraph/graph"

// Source is a source as the sources cell of the native CSV holds it: a JSON object with the keys doc,
// para and note.
type Source struct {
	Doc  string `json:"doc"`
	Para int    `json:"para"`
	Note string `json:"note"`
}

// CellSources returns the sources in the form of a sources cell.
func CellSources(ss []graph.Source) []Source {
	out := make([]Source, len(ss))
	for i, s := range ss {
		out[i] = Source(s)
	}
	return out
}

// GraphSources returns the sources of a sources cell in the model's form.
func GraphSources(ss []Source) []graph.Source {
	if ss == nil {
		return nil
	}
	out := make([]graph.Source, len(ss))
	for i, s := range ss {
		out[i] = graph.Source(s)
	}
	return out
}
