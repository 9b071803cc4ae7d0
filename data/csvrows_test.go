package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/relgraph/relgraph/data/importer"
)

// row is what a rowSource gave for one read.
type row struct {
	Rec        []string
	Line       int
	FieldCount bool // the read was a field-count error
}

// readerSource reads records with encoding/csv: the reference that plainSource and quotedSource are
// checked against.
type readerSource struct{ r *csv.Reader }

func (s readerSource) read() ([]string, int, error) {
	rec, err := s.r.Read()
	if err != nil {
		return rec, 0, err
	}
	line, _ := s.r.FieldPos(0)
	return rec, line, nil
}

// How readAll reads a file.
const (
	withEncodingCSV = iota // encoding/csv throughout
	withPlain              // encoding/csv for the header, then plainSource
	withQuoted             // quotedSource throughout
)

// readAll reads src (a whole CSV file) as the mode says. It stops at the first error other than a
// field count and reports it.
func readAll(src string, mode int) ([]row, error) {
	var rows rowSource
	var header []string
	switch mode {
	case withQuoted:
		qs := newQuotedSource(src, 1, -1, 1<<30)
		h, _, err := qs.read()
		if err != nil {
			return nil, err
		}
		header, qs.width, rows = h, len(h), qs
	default:
		r := csv.NewReader(strings.NewReader(src))
		r.ReuseRecord = true
		h, err := r.Read()
		if err != nil {
			return nil, err
		}
		header, rows = h, readerSource{r}
		if mode == withPlain {
			off := int(r.InputOffset())
			rows = newPlainSource(src[off:], 1+strings.Count(src[:off], "\n"), len(header), 1<<30)
		}
	}
	var out []row
	for {
		rec, line, err := rows.read()
		if err == io.EOF {
			return out, nil
		}
		if l, ok := fieldCountError(err); ok {
			out = append(out, row{Rec: slices.Clone(rec), Line: l, FieldCount: true})
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, row{Rec: slices.Clone(rec), Line: line})
	}
}

func checkPlainAgrees(t *testing.T, src string) {
	t.Helper()
	want, werr := readAll(src, withEncodingCSV)
	got, gerr := readAll(src, withPlain)
	if (werr != nil) != (gerr != nil) || !reflect.DeepEqual(got, want) {
		t.Fatalf("source %q:\nplainSource %v, %v\nencoding/csv %v, %v", src, got, gerr, want, werr)
	}
}

// checkQuotedAgrees checks that quotedSource reads what encoding/csv reads, but for the line breaks
// inside quoted fields, which it keeps as written: its records with CRLF turned into LF are
// encoding/csv's. Both fail, or neither; a syntax error is reported on the same line.
func checkQuotedAgrees(t *testing.T, src string) {
	t.Helper()
	want, werr := readAll(src, withEncodingCSV)
	got, gerr := readAll(src, withQuoted)
	for _, r := range got {
		for i, f := range r.Rec {
			r.Rec[i] = strings.ReplaceAll(f, "\r\n", "\n")
		}
	}
	var wpe, gpe *csv.ParseError
	sameErr := (werr == nil) == (gerr == nil)
	if werr != nil && gerr != nil && errors.As(werr, &wpe) && errors.As(gerr, &gpe) && wpe.StartLine != gpe.StartLine {
		sameErr = false
	}
	if !sameErr || !reflect.DeepEqual(got, want) {
		t.Fatalf("source %q:\nquotedSource %v, %v\nencoding/csv %v, %v", src, got, gerr, want, werr)
	}
}

// csvSyntaxCases are small CSV files that exercise the corners of the syntax.
var csvSyntaxCases = []string{
	"a,b\n1,2\n3,4\n",
	"a,b\n1,2\n3,4",                         // no final newline
	"a,b\r\n1,2\r\n\r\n3,4\r\n",             // CRLF and an empty line
	"a,b\n\n\n1,2\n",                        // empty lines
	"a,b\n1,2,3\n4\n5,6\n",                  // wrong field counts
	"a,b\n,\n , \n",                         // empty and blank fields
	"a,b\n1,2\r\r\n3,4\r",                   // stray carriage returns
	"a\n\nx\n\ny",                           // one column
	"a,b,c\n1,2,3\n\n\n4,5,6\n7,8\n9,10,11", // mixed
}

// TestPlainSourceAgreesWithEncodingCSV: on text without quotes, splitting lines and commas gives
// encoding/csv's records, lines and field-count errors.
func TestPlainSourceAgreesWithEncodingCSV(t *testing.T) {
	for _, src := range csvSyntaxCases {
		t.Run(fmt.Sprintf("%q", src), func(t *testing.T) { checkPlainAgrees(t, src) })
	}
}

// TestQuotedSourceAgreesWithEncodingCSV: with or without quotes, quotedSource reads encoding/csv's
// records, lines and errors, line breaks inside quotes aside.
func TestQuotedSourceAgreesWithEncodingCSV(t *testing.T) {
	cases := append(slices.Clone(csvSyntaxCases),
		"a,b\n\"x,y\",z\n",                    // a quoted comma
		"a,b\n\"say \"\"hi\"\"\",2\n",         // doubled quotes
		"a,b\n\"\",\"\"\n",                    // quoted empty fields
		"a,b\n\"l1\nl2\",x\n\"l1\r\nl2\",y\n", // line breaks in quotes
		"a,b\n\"x\"\r\n\"y\",\"z\"\r",         // CRLF after a closing quote, CR at the end
		"a,b\n\"x\"y,z\n",                     // text after a closing quote
		"a,b\nx\"y,z\n",                       // a bare quote
		"a,b\n1,2\n\"open,3\n4,5\n",           // an unclosed quote
		"\"a\nb\",c\n1,2,3\n",                 // a quoted header, then a field count
		"a,b\n\"x\"\ry,z\n",                   // a CR after a closing quote
		"a,b\n\"\r\n\",\"\r\"\n",              // CRLF and CR alone in quotes
	)
	for _, src := range cases {
		t.Run(fmt.Sprintf("%q", src), func(t *testing.T) { checkQuotedAgrees(t, src) })
	}
}

// TestQuotedSourceKeepsCRLF: a CRLF inside a quoted field comes back as CRLF, and lines are counted
// across it.
func TestQuotedSourceKeepsCRLF(t *testing.T) {
	got, err := readAll("name,x\r\n\"one\r\ntwo\",\"a\rb\"\r\nthree,c\r\n", withQuoted)
	want := []row{{Rec: []string{"one\r\ntwo", "a\rb"}, Line: 2}, {Rec: []string{"three", "c"}, Line: 4}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v; want %+v", got, err, want)
	}
}

// TestQuotedSourceErrors: malformed text gives the line and character column of the fault.
func TestQuotedSourceErrors(t *testing.T) {
	for _, tt := range []struct {
		src       string
		line, col int
		err       error
	}{
		{"a,b\n\"x\"y,z\n", 2, 4, csv.ErrQuote},
		{"a,b\nçé\"y,z\n", 2, 3, csv.ErrBareQuote},
		{"a,b\n1,2\nx,\"open\nmore\n", 3, 3, errUnclosedQuote},
		{"a,b\n\"l1\nl2\"!,z\n", 3, 4, csv.ErrQuote},
	} {
		_, err := readAll(tt.src, withQuoted)
		var pe *csv.ParseError
		if !errors.As(err, &pe) || pe.Line != tt.line || pe.Column != tt.col || !errors.Is(pe.Err, tt.err) {
			t.Errorf("%q: %v, want line %d col %d: %v", tt.src, err, tt.line, tt.col, tt.err)
		}
	}
}

// TestRecordLimit: a record longer than the limit stops both sources with a *LineTooLongError on the
// record's first line, whether it is one long line or a quoted field over many.
func TestRecordLimit(t *testing.T) {
	long := strings.Repeat("x", 100)
	lines := strings.Repeat("y\n", 60)
	for _, tt := range []struct {
		name string
		src  rowSource
		line int
	}{
		{"plain", newPlainSource("a,b\n"+long+",1\nc,d\n", 5, 2, 64), 6},
		{"quoted, one line", newQuotedSource("a,b\n"+long+",1\nc,d\n", 5, 2, 64), 6},
		{"quoted, many lines", newQuotedSource("a,b\n\""+lines+"\",1\nc,d\n", 5, 2, 64), 6},
		{"quoted, exactly the limit", newQuotedSource("a,b\n"+long[:62]+",1\nc,d\n", 5, 2, 64), 0},
		{"plain, exactly the limit", newPlainSource("a,b\n"+long[:62]+",1\nc,d\n", 5, 2, 64), 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			n := 0
			for err == nil {
				_, _, err = tt.src.read()
				n++
			}
			var long *importer.LineTooLongError
			switch {
			case tt.line == 0 && err != io.EOF:
				t.Fatalf("a record of the limit's length: %v", err)
			case tt.line == 0:
			case !errors.As(err, &long) || long.Line != tt.line || long.Limit != 64:
				t.Fatalf("err = %v, want a LineTooLongError on line %d", err, tt.line)
			case n != 2:
				t.Fatalf("stopped after %d reads, want 2", n)
			}
		})
	}
}

func FuzzPlainSource(f *testing.F) {
	f.Add("kind,from,to\nvisit,a,b\n\r\ntrade,b,c,d\r\n")
	f.Add("a,b\n1,2\r\r\n3,4\r")
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Contains(src, `"`) || !strings.Contains(src, "\n") {
			return
		}
		checkPlainAgrees(t, src)
	})
}

func FuzzQuotedSource(f *testing.F) {
	f.Add("kind,from,to\nvisit,a,b\n\r\ntrade,b,c,d\r\n")
	f.Add("a,b\n\"x\r\ny\",\"say \"\"hi\"\"\"\r\n\"open")
	f.Add("a,b\nx\"y,\"z\"w\n")
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // encoding/csv reads invalid UTF-8 its own way; parseCSV refuses such files
		}
		checkQuotedAgrees(t, src)
	})
}

// resolvedLinks is a links file's content with interned names spelled out, to compare files parsed
// with different interning orders.
func resolvedLinks(c *csvFile) []string {
	var out []string
	for i, l := range c.links {
		s := fmt.Sprintf("%d: %s %s→%s %v %v %v sign=%d w=%v cert=%v", c.lines[i], c.names[l.kind], c.names[l.from], c.names[l.to], l.start, l.end, l.on, l.sign, l.weight, l.cert)
		if l.extra >= 0 {
			x := c.extras[l.extra]
			s += fmt.Sprintf(" id=%q attrs=%v sources=%v", x.id, x.attrs, x.sources)
		}
		out = append(out, s)
	}
	return out
}

// TestReadLinksParallel: a links file read in pieces by several workers gives the links, lines and
// problems of a single reader, in file order.
func TestReadLinksParallel(t *testing.T) {
	var b strings.Builder
	b.WriteString("kind,from,to,start,end,on,sign,weight,certainty,id,note\n")
	for i := range 500 {
		switch {
		case i%97 == 5:
			b.WriteString("trade,x1,x2,1990,1980,,,,,,\n") // end before start: a problem
		case i%89 == 7:
			b.WriteString("trade,x1\n") // too few fields
		case i%50 == 3:
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, "%s,a%d,a%d,%d,,,%d,%d,reported,%s,%s\n", []string{"trade", "visit", "alliance"}[i%3], i%17, i%23+1, 1990+i%30, i%3-1, i%5, map[bool]string{true: fmt.Sprintf("l%d", i)}[i%7 == 0], map[bool]string{true: "n"}[i%11 == 0])
		}
	}
	src := []byte(b.String())
	seq, seqProblems := parseCSV("links.csv", "links.csv", src)
	for _, workers := range []int{2, 3, 7} {
		p := &csvParser{c: &csvFile{file: "links.csv", isLinks: true, col: map[string]int{}, index: map[string]int32{}, last: [2]int32{-1, -1}}}
		r := csv.NewReader(bytes.NewReader(src))
		header, _ := r.Read()
		attrCols, ok := p.header(slices.Clone(header))
		if !ok {
			t.Fatal(p.problems)
		}
		off := int(r.InputOffset())
		p.readLinksParallel(string(src[off:]), 2, len(header), 1<<30, workers, attrCols)
		if got, want := resolvedLinks(p.c), resolvedLinks(seq); !slices.Equal(got, want) {
			t.Errorf("%d workers: %d links, want %d; first difference:\n%s", workers, len(got), len(want), firstDiffLine(got, want))
		}
		if !reflect.DeepEqual(p.problems, seqProblems) {
			t.Errorf("%d workers: problems\n%v\nwant\n%v", workers, p.problems, seqProblems)
		}
	}
	if len(seq.links) < 400 || len(seqProblems) == 0 {
		t.Fatalf("the test file gave %d links and %d problems", len(seq.links), len(seqProblems))
	}
}

func firstDiffLine(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + "\n" + b[i]
		}
	}
	return "(one is a prefix of the other)"
}

func TestSplitLines(t *testing.T) {
	text := "a\nbb\nccc\ndddd\n\neeeee"
	for n := 1; n <= 8; n++ {
		chunks := splitLines(text, 5, n)
		var joined strings.Builder
		line := 5
		for _, c := range chunks {
			if c.line != line {
				t.Errorf("n=%d: chunk %q starts on line %d, want %d", n, c.text, c.line, line)
			}
			if c.text == "" || (c != chunks[len(chunks)-1] && !strings.HasSuffix(c.text, "\n")) {
				t.Errorf("n=%d: chunk %q does not end a line", n, c.text)
			}
			line += strings.Count(c.text, "\n")
			joined.WriteString(c.text)
		}
		if joined.String() != text || len(chunks) > n {
			t.Errorf("n=%d: %d chunks joining to %q", n, len(chunks), joined.String())
		}
	}
}

// TestParseCSVLargeQuoteFree parses a links file large enough to be parsed in parallel and compares it
// with the same file parsed by encoding/csv (a quoted cell makes parseCSV take that path).
func TestParseCSVLargeQuoteFree(t *testing.T) {
	n := csvParallelMin/40 + 1000
	_, links := genCSV(n, 3000)
	if len(links) < csvParallelMin {
		t.Fatalf("the file (%d bytes) is too small to be parsed in parallel", len(links))
	}
	fast, ps := parseCSV("links.csv", "links.csv", links)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	quoted := bytes.Replace(links, []byte("\ntrade,"), []byte("\n\"trade\","), 1)
	slow, ps := parseCSV("links.csv", "links.csv", quoted)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if got, want := resolvedLinks(fast), resolvedLinks(slow); !slices.Equal(got, want) {
		t.Fatalf("%d links, want %d; first difference:\n%s", len(got), len(want), firstDiffLine(got, want))
	}
	if len(fast.links) != n {
		t.Fatalf("%d links, want %d", len(fast.links), n)
	}
}

// TestReadLinksParallelTooManyProblems: when a file has more problems than a reader reports, the
// pieces report the same first csvMaxProblems and the same closing line as a single reader does.
func TestReadLinksParallelTooManyProblems(t *testing.T) {
	for _, bad := range []string{"trade,x1,x2,2016-13,\n", "trade,x1\n"} {
		var b strings.Builder
		b.WriteString("kind,from,to,start,end\n")
		for i := range 3000 {
			if i%2 == 0 {
				b.WriteString(bad)
			} else {
				fmt.Fprintf(&b, "trade,a%d,b%d,2000,\n", i, i)
			}
		}
		src := []byte(b.String())
		_, want := parseCSV("links.csv", "links.csv", src)
		for _, workers := range []int{2, 3} {
			p := &csvParser{c: &csvFile{file: "links.csv", isLinks: true, col: map[string]int{}, index: map[string]int32{}, last: [2]int32{-1, -1}}}
			r := csv.NewReader(bytes.NewReader(src))
			header, _ := r.Read()
			attrCols, _ := p.header(slices.Clone(header))
			p.readLinksParallel(string(src[int(r.InputOffset()):]), 2, len(header), 1<<30, workers, attrCols)
			if len(want) != csvMaxProblems+1 {
				t.Fatalf("%q: a single reader reports %d problems", bad, len(want))
			}
			if !reflect.DeepEqual(p.problems, want) {
				t.Errorf("%q, %d workers: %d problems, want %d; first difference:\n%s", bad, workers, len(p.problems), len(want), firstDiffLine(problemLines(p.problems), problemLines(want)))
			}
		}
	}
}

func problemLines(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}
