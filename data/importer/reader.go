package importer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"

	"github.com/relgraph/relgraph/data/disk"
)

// DefaultMaxLine is the longest record, in bytes, that the readers of delimited text accept unless told
// otherwise (relgraph import --max-line): 64 MiB. A record is one line, or the lines a quoted field
// spans. The bound keeps a file of one endless line, such as a small gzip file that unpacks to
// gigabytes without a line break, from taking all memory; the native CSV reader of package data uses
// it too.
const DefaultMaxLine = 64 << 20

// LineTooLongError is the error of a record longer than the reader's limit. The reader stops there:
// nothing after the record is read.
type LineTooLongError struct {
	// Line is the line the record starts on.
	Line int
	// Limit is the limit in bytes.
	Limit int64
}

// Error implements error.
func (e *LineTooLongError) Error() string {
	return fmt.Sprintf("line %d is longer than %s, the most one record may hold; nothing after it was read (raise the limit with --max-line)",
		e.Line, disk.FormatSize(e.Limit))
}

// MaxFields is the most fields one record may have, in the readers of delimited text here and in
// package data: 65,536 columns, four times what a spreadsheet holds. With DefaultMaxLine it bounds
// the memory a record takes (a line of commas would otherwise take 16 to 32 bytes per byte).
const MaxFields = 1 << 16

// TooManyFieldsError is the error of a record with more than MaxFields fields. The reader stops there.
type TooManyFieldsError struct {
	// Line is the line the record starts on.
	Line int
}

// Error implements error.
func (e *TooManyFieldsError) Error() string {
	return fmt.Sprintf("line %d has more than %d fields, the most one record may have; nothing after it was read", e.Line, MaxFields)
}

// recordReader reads delimited records (RFC 4180 quoting: fields may be quoted, "" is a quote inside a
// quoted field, quoted fields may hold delimiters and line breaks) and knows the line each record
// starts on. It is lenient where real exports are sloppy: a quote inside an unquoted field is kept as
// text, blank lines are skipped, a UTF-8 byte order mark is dropped, CRLF line ends are accepted (a
// CRLF inside a quoted field is kept as it is). A record longer than its limit stops it with a
// *LineTooLongError, so that memory stays bounded whatever the input.
//
// The fields it returns share one buffer that the next call reuses.
type recordReader struct {
	br    *bufio.Reader
	delim byte
	line  int   // lines consumed so far
	limit int64 // the longest record, in bytes
	used  int64 // the bytes of the current record read so far
	cr    bool  // the last line read ended in CRLF

	buf    []byte // the current record's field bytes
	ends   []int
	fields [][]byte
	first  bool
}

// rowError is a malformed record: the reader skipped it and can go on.
type rowError struct {
	line int
	msg  string
}

func (e *rowError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// newRecordReader returns a reader of r's records separated by delim; limit bounds the bytes of one
// record (0 or less means DefaultMaxLine).
func newRecordReader(r io.Reader, delim byte, limit int64) *recordReader {
	if limit <= 0 {
		limit = DefaultMaxLine
	}
	return &recordReader{br: bufio.NewReaderSize(r, 1<<16), delim: delim, first: true, limit: limit}
}

// readLine returns the next physical line without its line end, or io.EOF. A line that would take the
// current record (from start, its first line) past the limit gives a *LineTooLongError. The slice is
// valid until the next call.
func (r *recordReader) readLine(scratch *[]byte, start int) ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		*scratch = append((*scratch)[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			if r.used+int64(len(*scratch)) > r.limit {
				return nil, &LineTooLongError{Line: start, Limit: r.limit}
			}
			line, err = r.br.ReadSlice('\n')
			*scratch = append(*scratch, line...)
		}
		line = *scratch
	}
	if len(line) == 0 && err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, err
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	r.used += int64(len(line))
	if r.used > r.limit {
		return nil, &LineTooLongError{Line: start, Limit: r.limit}
	}
	r.line++
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
	}
	r.cr = false
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line, r.cr = line[:n-1], true
	}
	if r.first {
		r.first = false
		line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	}
	return line, nil
}

// next returns the next record and the line it starts on. At the end it returns io.EOF; a malformed
// record gives a *rowError (the record is consumed); other errors are I/O failures.
func (r *recordReader) next() (int, [][]byte, error) {
	var scratch []byte
	var line []byte
	var err error
	for {
		r.used = 0
		line, err = r.readLine(&scratch, r.line+1)
		if err != nil {
			return r.line, nil, err
		}
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
	}
	start := r.line
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	// Fast path: no quote in the line.
	if bytes.IndexByte(line, '"') < 0 {
		for {
			i := bytes.IndexByte(line, r.delim)
			if i < 0 {
				r.buf = append(r.buf, line...)
				r.ends = append(r.ends, len(r.buf))
				break
			}
			r.buf = append(r.buf, line[:i]...)
			r.ends = append(r.ends, len(r.buf))
			line = line[i+1:]
			if len(r.ends) >= MaxFields {
				return start, nil, &TooManyFieldsError{Line: start}
			}
		}
		return start, r.split(), nil
	}
	var bad string
	pos := 0
	for {
		// At the start of a field.
		if pos < len(line) && line[pos] == '"' {
			pos++
			for {
				i := bytes.IndexByte(line[pos:], '"')
				if i < 0 {
					// The quoted field goes on past the line end.
					r.buf = append(r.buf, line[pos:]...)
					if r.cr {
						r.buf = append(r.buf, '\r')
					}
					r.buf = append(r.buf, '\n')
					var next []byte
					next, err = r.readLine(&scratch, start)
					if err != nil {
						if err == io.EOF {
							return start, nil, &rowError{start, "a quoted field is not closed before the end of the file"}
						}
						return start, nil, err
					}
					line, pos = next, 0
					continue
				}
				r.buf = append(r.buf, line[pos:pos+i]...)
				pos += i + 1
				if pos < len(line) && line[pos] == '"' {
					r.buf = append(r.buf, '"')
					pos++
					continue
				}
				break
			}
			// After the closing quote: a delimiter, the line end, or junk.
			if pos < len(line) && line[pos] != r.delim {
				if bad == "" {
					bad = fmt.Sprintf("text after the closing quote of field %d", len(r.ends)+1)
				}
				j := bytes.IndexByte(line[pos:], r.delim)
				if j < 0 {
					pos = len(line)
				} else {
					pos += j
				}
			}
		} else {
			j := bytes.IndexByte(line[pos:], r.delim)
			if j < 0 {
				r.buf = append(r.buf, line[pos:]...)
				pos = len(line)
			} else {
				r.buf = append(r.buf, line[pos:pos+j]...)
				pos += j
			}
		}
		r.ends = append(r.ends, len(r.buf))
		if len(r.ends) >= MaxFields && pos < len(line) {
			return start, nil, &TooManyFieldsError{Line: start}
		}
		if pos >= len(line) {
			break
		}
		pos++ // the delimiter
		if pos == len(line) {
			r.ends = append(r.ends, len(r.buf)) // a trailing empty field
			break
		}
	}
	if bad != "" {
		return start, nil, &rowError{start, bad}
	}
	return start, r.split(), nil
}

func (r *recordReader) split() [][]byte {
	r.fields = r.fields[:0]
	from := 0
	for _, e := range r.ends {
		r.fields = append(r.fields, r.buf[from:e])
		from = e
	}
	return r.fields
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// maybeGunzip returns a reader of r's content, decompressed when it starts with the gzip magic bytes.
func maybeGunzip(r io.Reader) (io.Reader, func() error, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, fmt.Errorf("gzip: %w", err)
		}
		return zr, zr.Close, nil
	}
	return br, func() error { return nil }, nil
}
