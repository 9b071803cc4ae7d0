package data

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"strings"
	"sync"
)

// rowSource yields the records of a CSV file's body, after its header.
type rowSource interface {
	// read returns the next record and the line it starts on. At the end it returns io.EOF; a row
	// with the wrong number of fields comes with a *csv.ParseError wrapping csv.ErrFieldCount, and
	// other errors end the file. The record is valid until the next call.
	read() (rec []string, line int, err error)
}

// readerSource reads records with encoding/csv: the general case, quoted fields included.
type readerSource struct{ r *csv.Reader }

func (s readerSource) read() ([]string, int, error) {
	rec, err := s.r.Read()
	if err != nil {
		return rec, 0, err
	}
	line, _ := s.r.FieldPos(0)
	return rec, line, nil
}

// plainSource splits CSV text that holds no double quote at all. Without quotes a record is one line
// and its fields are the text between commas, so splitting is all there is to it; the records, lines
// and field-count errors are the ones encoding/csv gives for the same text (a test checks this), at
// a fraction of its cost, and the fields are substrings of the text rather than copies.
type plainSource struct {
	text  string
	line  int // the line the rest of text starts on
	width int // the header's number of fields
	rec   []string
}

func newPlainSource(text string, firstLine, width int) *plainSource {
	return &plainSource{text: text, line: firstLine, width: width, rec: make([]string, 0, width)}
}

func (s *plainSource) read() ([]string, int, error) {
	for len(s.text) > 0 {
		row := s.text
		if i := strings.IndexByte(row, '\n'); i >= 0 {
			row, s.text = row[:i], s.text[i+1:]
		} else {
			s.text = ""
		}
		line := s.line
		s.line++
		row = strings.TrimSuffix(row, "\r")
		if row == "" {
			continue // encoding/csv skips empty lines
		}
		rec := s.rec[:0]
		for {
			i := strings.IndexByte(row, ',')
			if i < 0 {
				rec = append(rec, row)
				break
			}
			rec = append(rec, row[:i])
			row = row[i+1:]
		}
		s.rec = rec
		if len(rec) != s.width {
			return rec, line, &csv.ParseError{StartLine: line, Line: line, Column: 1, Err: csv.ErrFieldCount}
		}
		return rec, line, nil
	}
	return nil, s.line, io.EOF
}

// csvParallelMin is the size of body from which a quote-free links file is parsed by several workers.
const csvParallelMin = 4 << 20

// chunk is a piece of a file's body that starts at the beginning of a line.
type chunk struct {
	text string
	line int // the line it starts on
}

// splitLines cuts text, which starts on line firstLine, into at most n pieces of about equal size
// that end at line ends.
func splitLines(text string, firstLine, n int) []chunk {
	var out []chunk
	line := firstLine
	for k := n; k > 0 && len(text) > 0; k-- {
		end := len(text)
		if k > 1 {
			end = len(text) / k
			if i := strings.IndexByte(text[end:], '\n'); i >= 0 {
				end += i + 1
			} else {
				end = len(text)
			}
		}
		out = append(out, chunk{text[:end], line})
		line += strings.Count(text[:end], "\n")
		text = text[end:]
	}
	return out
}

// readLinksParallel parses the body of a quote-free links file (text, starting on line firstLine) in
// pieces on up to workers goroutines and merges what they read into p.c, in file order: the result is
// the one a single reader gives, except that names are interned in a different order. The pieces read
// into adjoining parts of one array, sized by their numbers of lines, so merging moves little.
func (p *csvParser) readLinksParallel(text string, firstLine, width, workers int, attrCols []csvAttrCol) {
	chunks := splitLines(text, firstLine, workers)
	rows := make([]int, len(chunks)+1) // rows[i]: where piece i's rows start in the shared arrays
	for i, ch := range chunks {
		rows[i+1] = rows[i] + strings.Count(ch.text, "\n") + 1
	}
	links, lines := make([]csvLink, rows[len(chunks)]), make([]int32, rows[len(chunks)])
	parts := make([]*csvParser, len(chunks))
	var wg sync.WaitGroup
	for i, ch := range chunks {
		q := p
		if i > 0 {
			q = &csvParser{c: &csvFile{file: p.c.file, isLinks: true, col: p.c.col}}
			q.c.index = map[string]int32{}
			q.c.last = [2]int32{-1, -1}
		}
		parts[i] = q
		lo, hi := rows[i], rows[i+1]
		q.c.links, q.c.lines = links[lo:lo:hi], lines[lo:lo:hi]
		wg.Go(func() { q.readLinks(newPlainSource(ch.text, ch.line, width), width, attrCols) })
	}
	wg.Wait()
	c := p.c
	n := len(c.links)
	for _, q := range parts[1:] {
		if len(p.problems) >= csvMaxProblems {
			break // the first pieces gave up on the file: the rest counts as unread
		}
		p.problems = append(p.problems, q.problems...)
		qc := q.c
		remap := make([]int32, len(qc.names))
		for j, name := range qc.names {
			remap[j] = c.intern(name)
		}
		base := int32(len(c.extras))
		c.extras = append(c.extras, qc.extras...)
		for j, l := range qc.links {
			l.kind, l.from, l.to = remap[l.kind], remap[l.from], remap[l.to]
			if l.extra >= 0 {
				l.extra += base
			}
			links[n+j] = l
		}
		copy(lines[n:], qc.lines)
		n += len(qc.links)
	}
	c.links, c.lines = links[:n], lines[:n]
	if len(p.problems) > csvMaxProblems {
		last := p.problems[csvMaxProblems-1].Line
		p.problems = p.problems[:csvMaxProblems]
		p.errAt(last, 0, "too many problems; the rest of the file was not read")
	}
}

// csvWorkers returns the number of goroutines that parse a links file of the given body size.
func csvWorkers(size int) int {
	if size < csvParallelMin {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), max(1, size/(csvParallelMin/2)))
}

// quoteFree reports whether src holds no double quote, so that plainSource can split it.
func quoteFree(src []byte) bool { return bytes.IndexByte(src, '"') < 0 }
