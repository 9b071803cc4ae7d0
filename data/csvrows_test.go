package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// row is what a rowSource gave for one read.
type row struct {
	Rec        []string
	Line       int
	FieldCount bool // the read was a field-count error
}

// readAll reads src (a whole CSV file) with encoding/csv, or, when plain, with plainSource after
// encoding/csv has read the header, as parseCSV does. It stops at the first error other than a field
// count and reports it.
func readAll(src string, plain bool) ([]row, error) {
	r := csv.NewReader(strings.NewReader(src))
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	var rows rowSource = readerSource{r}
	if plain {
		off := int(r.InputOffset())
		rows = newPlainSource(src[off:], 1+strings.Count(src[:off], "\n"), len(header))
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
	want, werr := readAll(src, false)
	got, gerr := readAll(src, true)
	if (werr != nil) != (gerr != nil) || !reflect.DeepEqual(got, want) {
		t.Fatalf("source %q:\nplainSource %v, %v\nencoding/csv %v, %v", src, got, gerr, want, werr)
	}
}

// TestPlainSourceAgreesWithEncodingCSV: on text without quotes, splitting lines and commas gives
// encoding/csv's records, lines and field-count errors.
func TestPlainSourceAgreesWithEncodingCSV(t *testing.T) {
	for _, src := range []string{
		"a,b\n1,2\n3,4\n",
		"a,b\n1,2\n3,4",                         // no final newline
		"a,b\r\n1,2\r\n\r\n3,4\r\n",             // CRLF and an empty line
		"a,b\n\n\n1,2\n",                        // empty lines
		"a,b\n1,2,3\n4\n5,6\n",                  // wrong field counts
		"a,b\n,\n , \n",                         // empty and blank fields
		"a,b\n1,2\r\r\n3,4\r",                   // stray carriage returns
		"a\n\nx\n\ny",                           // one column
		"a,b,c\n1,2,3\n\n\n4,5,6\n7,8\n9,10,11", // mixed
	} {
		t.Run(fmt.Sprintf("%q", src), func(t *testing.T) { checkPlainAgrees(t, src) })
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
		p.readLinksParallel(string(src[off:]), 2, len(header), workers, attrCols)
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
			p.readLinksParallel(string(src[int(r.InputOffset()):]), 2, len(header), workers, attrCols)
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
