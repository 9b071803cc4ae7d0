package data

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/data/native"
)

// TestUnescapeCell: one apostrophe comes off a cell that starts with apostrophes followed by a
// character that starts a spreadsheet formula; every other cell is left as it is.
func TestUnescapeCell(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"'=1+1", "=1+1"},
		{"'+7", "+7"},
		{"'-x", "-x"},
		{"'@x", "@x"},
		{"'\tx", "\tx"},
		{"'\rx", "\rx"},
		{"''=x", "'=x"},
		{"'''-x", "''-x"},
		{"'plain", "'plain"},
		{"'", "'"},
		{"''", "''"},
		{"=x", "=x"},
		{"-5", "-5"},
		{"a'=b", "a'=b"},
		{"", ""},
	} {
		if got := native.UnescapeCell(tt.in); got != tt.want {
			t.Errorf("unescapeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLoadCSVEscapedCells: escaped cells load as their values in every column, header included, and a
// CRLF inside a quoted cell is kept.
func TestLoadCSVEscapedCells(t *testing.T) {
	actors := "id,name,kind,aliases,'=note\r\n" +
		"a,\"'=HYPERLINK(\"\"x\"\")\",country,'+1|'-2,'@home\r\n" +
		"b,\"two\r\nlines\",country,'plain,-5\r\n"
	links := "kind,from,to,sign,weight,on\nvisit,a,b,-1,0.5,2016\n"
	g, err := Load(Input{Label: "ds", FS: mapFS(map[string]string{"actors.csv": actors, "links.csv": links})})
	if err != nil {
		t.Fatal(err)
	}
	a, b := g.Actor(0), g.Actor(1)
	if a.Name != `=HYPERLINK("x")` || !reflect.DeepEqual(a.Aliases, []string{"+1", "'-2"}) || !reflect.DeepEqual(a.Attrs, map[string]string{"=note": "@home"}) {
		t.Errorf("a = %q %q %q", a.Name, a.Aliases, a.Attrs)
	}
	if b.Name != "two\r\nlines" || !reflect.DeepEqual(b.Aliases, []string{"'plain"}) || b.Attrs["=note"] != "-5" {
		t.Errorf("b = %q %q %q", b.Name, b.Aliases, b.Attrs)
	}
	if l := g.Link(0); l.Sign != -1 || l.Weight != 0.5 {
		t.Errorf("link = %+v", l)
	}
}

// TestCSVRecordLimit: a line past the limit is a problem at its line that ends the file: the rows
// before it are read, the rows after it are not, and a links file read in pieces stops at the same
// place as a single reader. A record of many fields is refused the same way.
func TestCSVRecordLimit(t *testing.T) {
	const limit = 200
	var b strings.Builder
	b.WriteString("kind,from,to,start\n")
	for i := range 3000 {
		switch i {
		case 1500:
			b.WriteString("trade,a," + strings.Repeat("x", limit) + ",2000\n")
		case 1700:
			b.WriteString("trade,a,b,2016-13\n") // after the long line: never read
		default:
			fmt.Fprintf(&b, "trade,a%d,b%d,2000\n", i, i)
		}
	}
	src := []byte(b.String())
	want := []string{"links.csv:1502: the record is longer than 200 bytes, the most one CSV record may hold; nothing after it was read"}
	c, ps := parseCSVLimit("links.csv", "links.csv", src, limit)
	if got := problemLines(ps); !slices.Equal(got, want) || len(c.links) != 1500 {
		t.Errorf("single reader: %d links, problems %q; want 1500 links, %q", len(c.links), got, want)
	}
	for _, workers := range []int{2, 3, 5} {
		p := &csvParser{c: &csvFile{file: "links.csv", isLinks: true, col: map[string]int{}, index: map[string]int32{}, last: [2]int32{-1, -1}}}
		attrCols, _ := p.header([]string{"kind", "from", "to", "start"})
		body := string(src[strings.IndexByte(string(src), '\n')+1:])
		p.readLinksParallel(body, 2, 4, limit, workers, attrCols)
		if got := problemLines(p.problems); !slices.Equal(got, want) || len(p.c.links) != 1500 {
			t.Errorf("%d workers: %d links, problems %q; want 1500 links, %q", workers, len(p.c.links), got, want)
		}
	}
	quoted := strings.Replace(b.String(), "trade,a0,", "\"trade\",a0,", 1)
	c, ps = parseCSVLimit("links.csv", "links.csv", []byte(quoted), limit)
	if got := problemLines(ps); !slices.Equal(got, want) || len(c.links) != 1500 {
		t.Errorf("quoted file: %d links, problems %q; want 1500 links, %q", len(c.links), got, want)
	}
	wide := "id,kind\na,country\n" + strings.Repeat(",", 1<<16) + "\nb,country\n"
	c, ps = parseCSV("actors.csv", "actors.csv", []byte(wide))
	if got := problemLines(ps); len(got) != 1 || got[0] != "actors.csv:3: the record has more than 65536 fields, the most one CSV record may have; nothing after it was read" || len(c.actors) != 1 {
		t.Errorf("wide row: %d actors, problems %q", len(c.actors), got)
	}
}

// TestCSVBinaryPositions: a NUL byte or invalid UTF-8 refuses the file at its line and column.
func TestCSVBinaryPositions(t *testing.T) {
	_, err := Load(Input{Label: "ds", FS: mapFS(map[string]string{
		"actors.csv": "id,kind\nbaku,city\ntbilisi,ci\x00ty\n",
		"links.csv":  "kind,from,to\nvisit,baku,\"tbil\nisi\xff\"\n",
	})})
	want := []string{
		"ds/actors.csv:3:11: not a CSV file: it holds binary data (a NUL byte)",
		"ds/links.csv:3:4: not a CSV file: it holds invalid UTF-8 (byte 0xff); save it as UTF-8",
	}
	var ps Problems
	if !errors.As(err, &ps) || !slices.Equal(problemLines(ps), want) {
		t.Errorf("Load: %v\nwant %q", err, want)
	}
}
