package data

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Position is a place in an input file; Line and Col are 1-based, 0 when unknown.
type Position struct {
	File string
	Line int
	Col  int
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
	Message string
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

// binaryAt returns the byte offset of the first NUL byte or invalid UTF-8 sequence of src, with what it
// is for a message ("binary data (a NUL byte)", "invalid UTF-8 (byte 0xff)"), or -1 when src is text.
func binaryAt(src []byte) (int, string) {
	text := src
	nul := bytes.IndexByte(src, 0)
	if nul >= 0 {
		text = src[:nul]
	}
	if !utf8.Valid(text) {
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && size == 1 {
				return i, fmt.Sprintf("invalid UTF-8 (byte %#02x); save it as UTF-8", text[i])
			}
			i += size
		}
	}
	if nul >= 0 {
		return nul, "binary data (a NUL byte)"
	}
	return -1, ""
}

// lineCol returns the 1-based line and column (in characters) of byte offset off of src. It reads src
// up to off: for many offsets of one file, use a lineIndex.
func lineCol(src []byte, off int) (int, int) {
	off = min(max(off, 0), len(src))
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(src[start:off])
}

// lineIndex turns byte offsets of one file into lines and character columns: O(log lines) to find the
// line and at most markEvery bytes to count to the column, even on a file of one long line. The index
// (where each line starts, and the column at a character boundary every markEvery bytes) is built on
// first use, in one pass over the file.
type lineIndex struct {
	src    []byte
	starts []int  // the offset of each line's first byte; starts[0] == 0
	marks  []mark // in file order, about markEvery bytes apart
}

// mark is a character boundary of a file and its 1-based column.
type mark struct{ off, col int }

// markEvery is the distance between the marks of a lineIndex, in bytes.
const markEvery = 4096

func (x *lineIndex) build() {
	x.starts = make([]int, 1, 1+bytes.Count(x.src, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(x.src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		x.starts = append(x.starts, i)
	}
	line := 0 // the line of the last mark
	last := mark{0, 1}
	for off := markEvery; off < len(x.src); off += markEvery {
		for off < len(x.src) && !utf8.RuneStart(x.src[off]) {
			off++
		}
		for line+1 < len(x.starts) && x.starts[line+1] <= off {
			line++
		}
		if start := x.starts[line]; last.off < start {
			last = mark{start, 1}
		}
		last = mark{off, last.col + utf8.RuneCount(x.src[last.off:off])}
		x.marks = append(x.marks, last)
	}
}

// at returns the 1-based line and character column of byte offset off.
func (x *lineIndex) at(off int) (int, int) {
	off = min(max(off, 0), len(x.src))
	if x.starts == nil {
		x.build()
	}
	// The line is the last one starting at or before off, and the mark the last one at or before off.
	line, found := slices.BinarySearch(x.starts, off)
	if !found {
		line--
	}
	from, col := x.starts[line], 1
	if k, found := slices.BinarySearchFunc(x.marks, off, func(m mark, off int) int { return m.off - off }); found || k > 0 {
		if !found {
			k--
		}
		if m := x.marks[k]; m.off >= from {
			from, col = m.off, m.col
		}
	}
	return line + 1, col + utf8.RuneCount(x.src[from:off])
}
