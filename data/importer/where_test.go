package importer

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// TestParseWhere checks the where syntax: what it keeps, and the message of every entry that would
// otherwise filter rows other than as written.
func TestParseWhere(t *testing.T) {
	tests := []struct {
		in     string
		col    string
		values []string
		negate bool
		err    string // the message, "" when the entry is good
	}{
		{in: "year=2010", col: "year", values: []string{"2010"}},
		{in: " year = 2010 , 2011 ", col: "year", values: []string{"2010", "2011"}},
		{in: "status!=Proposed,Cancelled", col: "status", values: []string{"Proposed", "Cancelled"}, negate: true},
		{in: `note="a=b"`, col: "note", values: []string{"a=b"}},
		{in: `name="Korea, South",Japan`, col: "name", values: []string{"Korea, South", "Japan"}},
		{in: `name=" padded "`, col: "name", values: []string{" padded "}},
		{in: `name="say ""hi"""`, col: "name", values: []string{`say "hi"`}},
		{in: `code=""`, col: "code", values: []string{""}},
		{in: `code!="",NA`, col: "code", values: []string{"", "NA"}, negate: true},
		{in: `"a=b"=1`, col: "a=b", values: []string{"1"}},
		{in: `"odd!"!=x`, col: "odd!", values: []string{"x"}, negate: true},
		{in: "supplier=Unknown supplier(s)", col: "supplier", values: []string{"Unknown supplier(s)"}},
		{in: "x=!y", col: "x", values: []string{"!y"}},

		{in: "year==2010", err: `where "year==2010": "==" is not an operator; write year=2010`},
		{in: "year!==2010", err: `where "year!==2010": "!==" is not an operator; write year!=2010`},
		{in: "year = = 2010", err: `where "year = = 2010": "==" is not an operator; write year=2010`},
		{in: "=2010", err: `where "=2010": no column before "=" (want COL=v1,v2 or COL!=v1,v2)`},
		{in: " !=2010", err: `where " !=2010": no column before "!=" (want COL=v1,v2 or COL!=v1,v2)`},
		{in: `""=2010`, err: `where "\"\"=2010": no column before "=" (want COL=v1,v2 or COL!=v1,v2)`},
		{in: "year=", err: `where "year=": no values after "=" (to match empty cells, write year="")`},
		{in: "year!=  ", err: `where "year!=  ": no values after "!=" (to match empty cells, write year!="")`},
		{in: "year=2010,", err: `where "year=2010,": value 2 is empty (to match empty cells, write "")`},
		{in: "year=,2010", err: `where "year=,2010": value 1 is empty (to match empty cells, write "")`},
		{in: "year=2010,,2011", err: `where "year=2010,,2011": value 2 is empty (to match empty cells, write "")`},
		{in: "a=1,b=2", err: `where "a=1,b=2": value "b=2" holds '='; give each condition its own where (or quote the value: "b=2")`},
		{in: "year", err: `where "year": no '=' (want COL=v1,v2 or COL!=v1,v2)`},
		{in: "", err: `where "": no '=' (want COL=v1,v2 or COL!=v1,v2)`},
		{in: "year>2010", err: `where "year>2010": comparisons are not supported; list the values (want COL=v1,v2 or COL!=v1,v2)`},
		{in: "year<=2010", err: `where "year<=2010": comparisons are not supported; list the values (want COL=v1,v2 or COL!=v1,v2)`},
		{in: "year!2010", err: `where "year!2010": want COL=v1,v2 or COL!=v1,v2`},
		{in: `note="a=b`, err: `where "note=\"a=b": value 1: no closing quote`},
		{in: `note="a"b`, err: `where "note=\"a\"b": value 1: text after its closing quote`},
		{in: `"note=x`, err: `where "\"note=x": column: no closing quote`},
		{in: `"note"x=1`, err: `where "\"note\"x=1": want COL=v1,v2 or COL!=v1,v2`},
	}
	for _, tt := range tests {
		rule, err := parseWhere(tt.in)
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("parseWhere(%q) = %+v, %v\nwant error %s", tt.in, rule, err, tt.err)
			}
		case err != nil:
			t.Errorf("parseWhere(%q): %v", tt.in, err)
		case rule.col != tt.col || !slices.Equal(rule.values, tt.values) || rule.negate != tt.negate:
			t.Errorf("parseWhere(%q) = %q %q negate=%v, want %q %q negate=%v", tt.in, rule.col, rule.values, rule.negate, tt.col, tt.values, tt.negate)
		}
	}
}

// quoteWhere writes s in double quotes, as parseWhere reads them.
func quoteWhere(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// FuzzParseWhere checks that parseWhere never panics, that what it accepts has a column and at least
// one value, and that the rule written back with every part quoted parses to the same rule.
func FuzzParseWhere(f *testing.F) {
	for _, s := range []string{"year=2010", "year==2010", "s!=a,b", `note="a=b",c`, `"a""b"="",x`, "a=1,b=2", "=", "!=", `"`, `x="`,
		"y<=1", " a = b ", "a=,", `a="",""`, "a=b,\"c\"d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rule, err := parseWhere(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "where ") {
				t.Fatalf("parseWhere(%q): error %q does not say where", s, err)
			}
			return
		}
		if rule.col == "" || len(rule.values) == 0 {
			t.Fatalf("parseWhere(%q) = %+v: no column or no values", s, rule)
		}
		op := "="
		if rule.negate {
			op = "!="
		}
		quoted := make([]string, len(rule.values))
		for i, v := range rule.values {
			quoted[i] = quoteWhere(v)
		}
		again := quoteWhere(rule.col) + op + strings.Join(quoted, ",")
		back, err := parseWhere(again)
		if err != nil || back.col != rule.col || back.negate != rule.negate || !slices.Equal(back.values, rule.values) {
			t.Fatalf("parseWhere(%q) = %+v, but %q gives %+v, %v", s, rule, again, back, err)
		}
	})
}

// TestWhereRows checks which rows where entries keep, and that a where naming no column of the file
// is an error about the mapping that lists the file's columns.
func TestWhereRows(t *testing.T) {
	const file = "a,b,note,code\nx,y,a=b,1\nx,z,\"Korea, South\",\nx,w, plain ,2\n"
	tests := []struct {
		where []string
		want  []string // the second ends of the links kept
		err   string
	}{
		{where: []string{`note="a=b"`}, want: []string{"y"}},
		{where: []string{`note="korea, south"`}, want: []string{"z"}},
		{where: []string{`note=" plain "`}, want: []string{"w"}},
		{where: []string{`code=""`}, want: []string{"z"}},
		{where: []string{`code!=""`}, want: []string{"w", "y"}},
		{where: []string{`code=1,2`, `note!=plain`}, want: []string{"y"}},
		{where: []string{`yeer=2010`}, err: `bad mapping: f.csv: where: no column "yeer" (columns: a, b, note, code)`},
	}
	for _, tt := range tests {
		m := &Mapping{Links: []LinkSpec{{Source: Source{File: "f.csv", Where: tt.where}, From: Columns{"a"}, To: Columns{"b"}, Kind: "trade"}}}
		ds, err := Run(m, Options{Open: func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(file)), nil }})
		if tt.err != "" {
			if err == nil || err.Error() != tt.err || !errors.Is(err, ErrMapping) {
				t.Errorf("where %q: error %v, want %s", tt.where, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("where %q: %v", tt.where, err)
		}
		var got []string
		for i := range ds.NumLinks() {
			l := ds.Link(i)
			got = append(got, l.To)
			if l.To == "x" {
				got[len(got)-1] = l.From
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("where %q kept %q, want %q", tt.where, got, tt.want)
		}
	}
}
