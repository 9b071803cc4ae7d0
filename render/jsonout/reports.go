package jsonout

import (
	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/importer"
)

// The answers of `validate` and `import`: what is wrong with a dataset, and what an import read and made.

// Problem is the JSON shape of a data.Problem: its position and its message.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// FromProblems converts problems to a list that is [] when empty.
func FromProblems(ps data.Problems) []Problem {
	out := make([]Problem, len(ps))
	for i, p := range ps {
		out[i] = Problem{File: p.File, Line: p.Line, Col: p.Col, Message: p.Message}
	}
	return out
}

// Validation is the answer of `validate`.
type Validation struct {
	OK       bool      `json:"ok"`
	Problems []Problem `json:"problems"`
	Actors   int       `json:"actors"`
	Links    int       `json:"links"`
	Docs     int       `json:"documents"`
	NoSource int       `json:"links_without_source"`
}

// RowProblem is the JSON shape of an importer.RowProblem.
type RowProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  string `json:"column,omitempty"`
	Message string `json:"message"`
}

// ImportStats is the JSON shape of importer.Stats. It converts from it directly, so a field added
// there fails to compile until it has its JSON name here.
type ImportStats struct {
	Files         int   `json:"files"`
	Bytes         int64 `json:"bytes"`
	Rows          int   `json:"rows"`
	Filtered      int   `json:"filtered"`
	NoKind        int   `json:"no_kind"`
	SelfLinks     int   `json:"self_links"`
	Bad           int   `json:"bad"`
	Collapsed     int   `json:"collapsed"`
	Repeated      int   `json:"repeated"`
	RepeatedLinks int   `json:"repeated_links"`
	Mirrored      int   `json:"mirrored"`
	Actors        int   `json:"actors"`
	Links         int   `json:"links"`
}

// ImportSummary is the answer of `import`: where it wrote, the mapping it saved, its counts and the
// rows it skipped.
type ImportSummary struct {
	Output  string       `json:"output"`
	Mapping string       `json:"mapping,omitempty"`
	Stats   ImportStats  `json:"stats"`
	Skipped []RowProblem `json:"skipped"`
}

// NewImportSummary returns the answer of an import that wrote output (and saved mapping, when not
// empty), with its counts and skipped rows; skipped is [] when none were.
func NewImportSummary(output, mapping string, st importer.Stats, skipped []importer.RowProblem) ImportSummary {
	out := ImportSummary{Output: output, Mapping: mapping, Stats: ImportStats(st), Skipped: make([]RowProblem, len(skipped))}
	for i, p := range skipped {
		out.Skipped[i] = RowProblem(p)
	}
	return out
}
