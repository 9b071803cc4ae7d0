package data

import (
	"github.com/relgraph/relgraph/data/internal/jsontok"
	"github.com/relgraph/relgraph/graph"
)

// scanner is the JSON reader of snapshot files (package jsontok) with the values of relgraph's model:
// dates, signs, certainties and sources, and problems as Problems.
type scanner struct{ jsontok.Scanner }

// newScanner returns a scanner of src at offset off.
func newScanner(src []byte, off int) scanner { return scanner{jsontok.Scanner{Src: src, I: off}} }

// notSnapshot fails for a file that is not a snapshot.
func (sc *scanner) notSnapshot(off int, format string, args ...any) {
	sc.FailForeign(off, format, args...)
}

// problem converts the scanner's error to a Problem of file.
func (sc *scanner) problem(file string) Problem {
	line, col := lineCol(sc.Src, sc.Err.Off)
	return Problem{Position: Position{File: file, Line: line, Col: col}, Message: sc.Err.Msg}
}

// sign reads a link sign: -1, 0 or 1.
func (sc *scanner) sign() int8 {
	sc.WS()
	off := sc.I
	v := sc.Integer()
	if sc.Err == nil && (v < -1 || v > 1) {
		sc.Fail(off, "sign %d is not -1, 0 or 1", v)
	}
	return int8(v)
}

// date reads a date string (null is the zero date) with graph.ParseDateBytes.
func (sc *scanner) date() graph.Date {
	sc.WS()
	off := sc.I
	b := sc.StrBytes()
	if sc.Err != nil || len(b) == 0 {
		return 0
	}
	d, err := graph.ParseDateBytes(b)
	if err != nil {
		sc.Fail(off, "%v", err)
	}
	return d
}

// certainty reads a certainty name; the usual ones are matched without allocating.
func (sc *scanner) certainty() graph.Certainty {
	sc.WS()
	off := sc.I
	b := sc.StrBytes()
	if sc.Err != nil {
		return 0
	}
	switch string(b) {
	case "", "reported":
		return graph.Reported
	case "alleged":
		return graph.Alleged
	case "confirmed":
		return graph.Confirmed
	case "planned":
		return graph.Planned
	}
	c, err := graph.ParseCertainty(string(b))
	if err != nil {
		sc.Fail(off, "%v", err)
	}
	return c
}

// sources reads a list of {"doc","para","note"} objects.
// roles reads a link's roles: a list of {"role", "actor"} objects.
func (sc *scanner) roles() []graph.Role {
	var out []graph.Role
	sc.Array(func(int) {
		off := sc.I
		var r graph.Role
		has := sc.Fields("a role", []string{"role", "actor"}, func(key string) {
			switch key {
			case "role":
				r.Name = sc.Str()
			case "actor":
				r.Actor = sc.Str()
			}
		})
		if sc.Err == nil && (!has.Has("role") || !has.Has("actor")) {
			sc.Fail(off, "a role needs \"role\" and \"actor\"")
		}
		out = append(out, r)
	})
	return out
}

func (sc *scanner) sources() []graph.Source {
	var out []graph.Source
	sc.Array(func(int) {
		off := sc.I
		var s graph.Source
		has := sc.Fields("a source", []string{"doc", "para", "note"}, func(key string) {
			switch key {
			case "doc":
				s.Doc = sc.Str()
			case "para":
				s.Para = sc.Integer()
			case "note":
				s.Note = sc.Str()
			}
		})
		if sc.Err == nil && !has.Has("doc") {
			sc.Fail(off, "a source needs \"doc\"")
		}
		out = append(out, s)
	})
	return out
}
