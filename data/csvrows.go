package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/relgraph/relgraph/data/importer"
)

// rowSource yields the records of a CSV file's body, after its header.
type rowSource interface {
	// read returns the next record and the line it starts on. At the end it returns io.EOF; a row
	// with the wrong number of fields comes with a *csv.ParseError wrapping csv.ErrFieldCount, and
	// other errors (a *csv.ParseError for malformed text, an *importer.LineTooLongError for a record
	// past the limit) end the file. The record is valid until the next call.
	read() (rec []string, line int, err error)
}

// errUnclosedQuote is the error of a quoted field that the file ends inside.
var errUnclosedQuote = errors.New("the quoted field that starts here is not closed before the end of the file")

// quotedSource reads CSV text that may hold quoted fields: the general case. It reads what
// encoding/csv reads (RFC 4180 with strict quotes, empty lines skipped, a CR before a line end
// dropped) except that a line break inside a quoted field is kept as it is written, so that a value
// holding CRLF comes back whole (encoding/csv turns it into LF). Fields are substrings of the text,
// except quoted fields with doubled quotes. Errors carry the line and the character column.
type quotedSource struct {
	text  string
	off   int // where the rest of text starts
	line  int // the line at off
	width int // the number of fields a record must have; -1 for any (the header)
	limit int // the longest record, in bytes
	rec   []string
}

func newQuotedSource(text string, firstLine, width, limit int) *quotedSource {
	return &quotedSource{text: text, line: firstLine, width: width, limit: limit}
}

// errAt returns a *csv.ParseError for offset off of the record that starts at start (a line start) on
// line startLine.
func (s *quotedSource) errAt(start, startLine, off int, err error) error {
	line, from := startLine, start
	if i := strings.LastIndexByte(s.text[start:off], '\n'); i >= 0 {
		line += strings.Count(s.text[start:off], "\n")
		from = start + i + 1
	}
	return &csv.ParseError{StartLine: startLine, Line: line, Column: 1 + utf8.RuneCountInString(s.text[from:off]), Err: err}
}

// skipEmpty moves past empty lines and reports whether a record follows.
func (s *quotedSource) skipEmpty() bool {
	for s.off < len(s.text) {
		switch rest := s.text[s.off:]; {
		case rest[0] == '\n':
			s.off++
		case strings.HasPrefix(rest, "\r\n"):
			s.off += 2
		case rest == "\r": // a CR at the very end is dropped
			s.off++
			return false
		default:
			return true
		}
		s.line++
	}
	return false
}

func (s *quotedSource) read() ([]string, int, error) {
	if !s.skipEmpty() {
		return nil, s.line, io.EOF
	}
	text := s.text
	start, startLine := s.off, s.line
	rec := s.rec[:0]
	// A record whose first line holds no quote is that line: split it at its commas, as plainSource
	// does. Otherwise read it field by field.
	line, next := text[start:], len(text)
	j := strings.IndexByte(line, '\n')
	if j >= 0 {
		line, next = line[:j], start+j+1
	}
	if strings.IndexByte(line, '"') < 0 {
		s.off = next
		if j >= 0 {
			s.line++
		}
		if len(line) > s.limit {
			return nil, startLine, &importer.LineTooLongError{Line: startLine, Limit: int64(s.limit)}
		}
		rec, ok := splitPlain(rec, strings.TrimSuffix(line, "\r"))
		if !ok {
			return nil, startLine, &importer.TooManyFieldsError{Line: startLine}
		}
		return s.done(rec, startLine)
	}
	i, recEnd := start, start // recEnd: where the record ends, before its line end
	for {
		switch {
		case i-start > s.limit:
			return nil, startLine, &importer.LineTooLongError{Line: startLine, Limit: int64(s.limit)}
		case len(rec) >= importer.MaxFields:
			return nil, startLine, &importer.TooManyFieldsError{Line: startLine}
		}
		if i < len(text) && text[i] == '"' {
			open := i
			i++
			var field []byte // only when the field holds a doubled quote
			from := i
			for {
				j := strings.IndexByte(text[i:], '"')
				if j < 0 {
					return nil, startLine, s.errAt(start, startLine, open, errUnclosedQuote)
				}
				i += j + 1
				if i < len(text) && text[i] == '"' {
					field = append(field, text[from:i]...)
					i++
					from = i
					continue
				}
				break
			}
			v := text[from : i-1]
			if field != nil {
				v = string(append(field, v...))
			}
			s.line += strings.Count(text[open:i], "\n")
			rec = append(rec, v)
			recEnd = i
			switch {
			case i == len(text):
			case text[i] == ',':
				i++
				continue
			case text[i] == '\n':
				i++
				s.line++
			case text[i] == '\r' && i+1 == len(text):
				i++
			case text[i] == '\r' && text[i+1] == '\n':
				i += 2
				s.line++
			default:
				return nil, startLine, s.errAt(start, startLine, i, csv.ErrQuote)
			}
			break
		}
		j := strings.IndexAny(text[i:], ",\n")
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		v := text[i:end]
		if end == len(text) || text[end] == '\n' {
			v = strings.TrimSuffix(v, "\r")
		}
		if q := strings.IndexByte(v, '"'); q >= 0 {
			return nil, startLine, s.errAt(start, startLine, i+q, csv.ErrBareQuote)
		}
		rec = append(rec, v)
		if end < len(text) && text[end] == ',' {
			i = end + 1
			continue
		}
		i, recEnd = end, end
		if i < len(text) {
			i++
			s.line++
		}
		break
	}
	s.off = i
	if recEnd-start > s.limit {
		return nil, startLine, &importer.LineTooLongError{Line: startLine, Limit: int64(s.limit)}
	}
	return s.done(rec, startLine)
}

// done returns the record read, checking its number of fields.
func (s *quotedSource) done(rec []string, line int) ([]string, int, error) {
	s.rec = rec
	if s.width >= 0 && len(rec) != s.width {
		return rec, line, &csv.ParseError{StartLine: line, Line: line, Column: 1, Err: csv.ErrFieldCount}
	}
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
	limit int // the longest line, in bytes
	rec   []string
}

func newPlainSource(text string, firstLine, width, limit int) *plainSource {
	return &plainSource{text: text, line: firstLine, width: width, limit: limit, rec: make([]string, 0, width)}
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
		if len(row) > s.limit {
			s.text = ""
			return nil, line, &importer.LineTooLongError{Line: line, Limit: int64(s.limit)}
		}
		row = strings.TrimSuffix(row, "\r")
		if row == "" {
			continue // encoding/csv skips empty lines
		}
		rec, ok := splitPlain(s.rec[:0], row)
		if !ok {
			s.text = ""
			return nil, line, &importer.TooManyFieldsError{Line: line}
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
func (p *csvParser) readLinksParallel(text string, firstLine, width, limit, workers int, attrCols []csvAttrCol) {
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
		wg.Go(func() { q.readLinks(newPlainSource(ch.text, ch.line, width, limit), width, attrCols) })
	}
	wg.Wait()
	c := p.c
	n := len(c.links)
	stopped := p.stopped
	for _, q := range parts[1:] {
		if len(p.problems) >= csvMaxProblems || stopped {
			break // the first pieces gave up on the file: the rest counts as unread
		}
		stopped = q.stopped
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

// splitPlain appends the comma-separated fields of a line without quotes to rec. It reports false,
// having stopped, when the line has more than importer.MaxFields fields.
func splitPlain(rec []string, line string) ([]string, bool) {
	for {
		c := strings.IndexByte(line, ',')
		if c < 0 {
			return append(rec, line), true
		}
		rec = append(rec, line[:c])
		line = line[c+1:]
		if len(rec) >= importer.MaxFields {
			return rec, false
		}
	}
}
