package importer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestRecordReaderLimit: a record longer than the limit stops the reader with a *LineTooLongError
// naming the line the record starts on, whether it is one line, a blank line, or a quoted field over
// many lines; a record of exactly the limit is read.
func TestRecordReaderLimit(t *testing.T) {
	const limit = 100
	x := strings.Repeat("x", limit)
	tests := []struct {
		name  string
		input string
		want  []record // what is read before the error
		line  int      // the error's line; 0 for none
	}{
		{"long line", "a,b\n" + x + ",1\nc,d\n", []record{{1, []string{"a", "b"}, ""}}, 2},
		{"long line without a line end", "a,b\n\n" + x + x, []record{{1, []string{"a", "b"}, ""}}, 3},
		{"long blank line", "a,b\n" + strings.Repeat(" ", 2*limit) + "\nc,d\n", []record{{1, []string{"a", "b"}, ""}}, 2},
		{"long quoted field", "a,b\n\"" + strings.Repeat("y\n", limit) + "\",1\nc,d\n", []record{{1, []string{"a", "b"}, ""}}, 2},
		{"long header", x + "," + x + "\n1,2\n", nil, 1},
		{"exactly the limit", "a,b\n" + x[:limit-3] + ",1\n", []record{{1, []string{"a", "b"}, ""}, {2, []string{x[:limit-3], "1"}, ""}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rr := newRecordReader(strings.NewReader(tt.input), ',', limit)
			var got []record
			var err error
			for {
				var line int
				var fields [][]byte
				line, fields, err = rr.next()
				if err != nil {
					break
				}
				r := record{line: line, fields: []string{}}
				for _, f := range fields {
					r.fields = append(r.fields, string(f))
				}
				got = append(got, r)
			}
			var long *LineTooLongError
			switch {
			case !reflect.DeepEqual(got, tt.want):
				t.Errorf("read %+v, want %+v", got, tt.want)
			case tt.line == 0 && err != io.EOF:
				t.Errorf("err = %v, want the end of the file", err)
			case tt.line != 0 && (!errors.As(err, &long) || long.Line != tt.line || long.Limit != limit):
				t.Errorf("err = %v, want a LineTooLongError on line %d", err, tt.line)
			}
		})
	}
}

// TestRecordReaderDefaultLimit: a limit of 0 is DefaultMaxLine.
func TestRecordReaderDefaultLimit(t *testing.T) {
	if rr := newRecordReader(strings.NewReader(""), ',', 0); rr.limit != DefaultMaxLine {
		t.Fatalf("limit = %d, want %d", rr.limit, DefaultMaxLine)
	}
}

// TestRecordReaderTooManyFields: a record of more than MaxFields fields stops the reader, quoted or not;
// MaxFields fields are read.
func TestRecordReaderTooManyFields(t *testing.T) {
	for _, tt := range []struct {
		name  string
		input string
		err   bool
	}{
		{"plain, MaxFields", strings.Repeat("x,", MaxFields-1) + "x\n", false},
		{"plain, one more", strings.Repeat("x,", MaxFields) + "x\n", true},
		{"quoted, MaxFields", "\"q\"," + strings.Repeat("x,", MaxFields-2) + "x\n", false},
		{"quoted, one more", "\"q\"," + strings.Repeat("x,", MaxFields-1) + "x\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rr := newRecordReader(strings.NewReader(tt.input), ',', 0)
			line, fields, err := rr.next()
			var wide *TooManyFieldsError
			switch {
			case tt.err && (!errors.As(err, &wide) || wide.Line != 1):
				t.Errorf("err = %v, want a TooManyFieldsError on line 1", err)
			case !tt.err && (err != nil || line != 1 || len(fields) != MaxFields):
				t.Errorf("line %d, %d fields, %v; want line 1, %d fields", line, len(fields), err, MaxFields)
			}
		})
	}
}

// TestRecordReaderKeepsCRLF: a CRLF inside a quoted field is kept; line ends outside quotes are not.
func TestRecordReaderKeepsCRLF(t *testing.T) {
	got := readAll(t, "a,b\r\n\"one\r\ntwo\r\r\nthree\",\"x\rz\"\r\nc,d\r\n", ',')
	want := []record{{1, []string{"a", "b"}, ""}, {2, []string{"one\r\ntwo\r\r\nthree", "x\rz"}, ""}, {5, []string{"c", "d"}, ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestGzipBombStreams: a small gzip file that unpacks to a header and a long run of zero bytes is read
// as a stream and stops at the limit, holding a few times the limit in memory rather than the
// unpacked size.
func TestGzipBombStreams(t *testing.T) {
	const unpacked, limit = 256 << 20, 1 << 20
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestSpeed)
	zw.Write([]byte("from,to\n"))
	zeros := make([]byte, 1<<20)
	for range unpacked / len(zeros) {
		zw.Write(zeros)
	}
	zw.Close()
	if z.Len() > 2<<20 {
		t.Fatalf("the bomb is %d bytes", z.Len())
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, closeZ, err := maybeGunzip(bytes.NewReader(z.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer closeZ()
	rr := newRecordReader(r, ',', limit)
	if _, _, err := rr.next(); err != nil {
		t.Fatalf("header: %v", err)
	}
	_, _, err = rr.next()
	runtime.ReadMemStats(&after)
	var long *LineTooLongError
	if !errors.As(err, &long) || long.Line != 2 {
		t.Fatalf("err = %v, want a LineTooLongError on line 2", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16*limit {
		t.Errorf("reading allocated %d MiB for a limit of %d MiB", alloc>>20, limit>>20)
	}
}
