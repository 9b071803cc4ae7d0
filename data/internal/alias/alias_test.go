package alias

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestCheck: documents within the limit pass; the alias that takes the count past it is returned, with
// its line; an alias inside its own node is caught.
func TestCheck(t *testing.T) {
	list := func(n int) string { return "[" + strings.TrimSuffix(strings.Repeat("x, ", n), ", ") + "]" }
	tests := []struct {
		name string
		doc  string
		line int // of the alias at fault; 0 for none
	}{
		{"no aliases", "a: [1, 2, 3]\n", 0},
		{"a few reuses", "a: &x {b: 1}\nc: [*x, *x, *x]\n", 0},
		{"reuse of a big list", "a: &x " + list(3000) + "\nb: *x\nc: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\n", 3},
		// b reaches 1,010 nodes, and c ten times that: the limit (about 10,400) falls inside c.
		{"nested", "a: &a " + list(100) + "\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c]\n", 3},
		{"itself", "a: &a [1, *a]\n", 1},
		{"through another", "a: &a {b: &b [*a]}\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(tt.doc), &doc); err != nil {
				t.Fatal(err)
			}
			n, err := Check(&doc, len(tt.doc))
			var e *Error
			switch {
			case tt.line == 0 && err != nil:
				t.Errorf("Check: %v", err)
			case tt.line != 0 && (!errors.As(err, &e) || n == nil || n.Line != tt.line):
				t.Errorf("Check = %v, %v; want an Error on line %d", n, err, tt.line)
			}
		})
	}
}

// TestCheckLimit: the limit is one node per byte plus Extra, and the error says so.
func TestCheckLimit(t *testing.T) {
	// 200 reuses of a list of 100 scalars: 20,200 nodes reached from a file of about 1,000 bytes.
	src := "a: &x [" + strings.TrimSuffix(strings.Repeat("x, ", 100), ", ") + "]\nb: [" + strings.TrimSuffix(strings.Repeat("*x, ", 200), ", ") + "]\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	_, err := Check(&doc, len(src))
	want := fmt.Sprintf("alias *x takes the nodes reached through aliases past %d, the most for a file of this size (one per byte, plus 10000); write the repeated part out, or reuse smaller parts", len(src)+Extra)
	var e *Error
	if !errors.As(err, &e) || e.Limit != len(src)+Extra || err.Error() != want {
		t.Errorf("Check: %v\nwant %s", err, want)
	}
}
