package data

import (
	"fmt"
	"strings"
)

// Position is a place in an input file; Line and Col are 1-based, 0 when unknown.
type Position struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// String formats p as file:line:col, leaving out unknown parts.
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Problem is one thing wrong with a dataset, at a position.
type Problem struct {
	Position
	Message string `json:"message"`
}

// Error implements error as "file:line:col: message".
func (p Problem) Error() string { return p.Position.String() + ": " + p.Message }

// Problems is every problem found in a dataset, in file order. It is the error Load returns for an
// invalid dataset; use errors.As to get at it.
type Problems []Problem

// Error implements error: one problem per line.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}
