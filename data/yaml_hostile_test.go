package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/data/internal/alias"
)

// loadYAML loads one YAML file as dataset ds and returns its problems as text.
func loadYAML(t *testing.T, src string) []string {
	t.Helper()
	_, err := Load(Input{Label: "ds", FS: mapFS(map[string]string{"x.yaml": src})})
	if err == nil {
		return nil
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load: %v", err)
	}
	return problemLines(ps)
}

// aliasBomb is a file of n actors that each reuse one anchored list of m names.
func aliasBomb(n, m int) string {
	var b strings.Builder
	b.WriteString("actors:\n  - {id: a0, kind: country, aliases: &names [")
	for i := range m {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "n%d", i)
	}
	b.WriteString("]}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, kind: country, aliases: *names}\n", i)
	}
	return b.String()
}

// TestYAMLAliasBudget: the nodes reached through aliases are counted before the file is walked, and a
// file whose aliases reach more than one node per byte (plus alias.Extra) is refused at the alias
// that crosses the limit; an alias inside the node it names is refused; ordinary reuse loads.
func TestYAMLAliasBudget(t *testing.T) {
	// Sharing a list of sources between many links is far below the limit.
	var shared strings.Builder
	shared.WriteString("sources: [{id: d}]\nactors: [{id: a, kind: country}, {id: b, kind: country}]\nlinks:\n")
	shared.WriteString("  - {id: l0, kind: visit, from: a, to: b, on: 2000, sources: &src [{doc: d, para: 1, note: shared}, {doc: d, para: 2}]}\n")
	for i := 1; i < 3000; i++ {
		fmt.Fprintf(&shared, "  - {id: l%d, kind: visit, from: a, to: b, on: 2000, sources: *src}\n", i)
	}
	if ps := loadYAML(t, shared.String()); len(ps) > 0 {
		t.Errorf("shared sources: %q", ps[:min(3, len(ps))])
	}

	bomb := aliasBomb(4000, 5000)
	start := time.Now()
	ps := loadYAML(t, bomb)
	limit := len(bomb) + alias.Extra
	// Each reuse reaches the list and its 5,000 names: reuse number limit/5001 + 1, on line 2 + that,
	// crosses the limit.
	line := 3 + limit/5001
	want := fmt.Sprintf("ds/x.yaml:%d:39: alias *names takes the nodes reached through aliases past %d, the most for a file of this size (one per byte, plus 10000); write the repeated part out, or reuse smaller parts", line, limit)
	if !slices.Equal(ps, []string{want}) {
		t.Errorf("alias bomb: %q\nwant %q", ps, want)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("the alias bomb took %v", el)
	}

	for _, tt := range []struct{ name, src, want string }{
		{"alias inside its node", "actors: &all [*all]\n", "ds/x.yaml:1:15: alias *all lies inside the node it names, which would make it endless"},
		{"alias inside its node, deeper", "actors:\n  - &a {id: x, kind: country, attrs: {self: *a}}\n", "ds/x.yaml:2:45: alias *a lies inside the node it names, which would make it endless"},
		{"billion laughs", laughs(), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ps := loadYAML(t, tt.src)
			if tt.want == "" {
				if len(ps) != 1 || !strings.Contains(ps[0], "takes the nodes reached through aliases past") {
					t.Errorf("problems %q, want the alias limit", ps)
				}
				return
			}
			if !slices.Equal(ps, []string{tt.want}) {
				t.Errorf("problems %q\nwant %q", ps, tt.want)
			}
		})
	}
}

// laughs returns the classic nested alias bomb: ten levels of lists of ten aliases of the level below.
func laughs() string {
	var b strings.Builder
	b.WriteString("sources:\n  - {id: d, title: &l0 lol}\nkinds:\n  actors:\n")
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "    - {id: k%d, meaning: &l%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]}\n")
	}
	return b.String()
}

// TestYAMLBinaryPositions: a NUL byte or invalid UTF-8 refuses the file at its line and column.
func TestYAMLBinaryPositions(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"actors:\n  - {id: a, kind: country}\n  - {id: bé\x00, kind: country}\n", "ds/x.yaml:3:12: not a YAML file: it holds binary data (a NUL byte)"},
		{"actors:\n  - {id: \xe9, kind: country}\n", "ds/x.yaml:2:10: not a YAML file: it holds invalid UTF-8 (byte 0xe9); save it as UTF-8"},
		{"\xff\xfea\x00c\x00", "ds/x.yaml:1:1: not a YAML file: it holds invalid UTF-8 (byte 0xff); save it as UTF-8"},
	} {
		if got := loadYAML(t, tt.src); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%q: %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

// TestKindDeclarationProblems: bad kind declarations are problems at the field at fault; a kind with a
// bad colour or style is still declared (its links are not reported too), one with a bad id is not.
func TestKindDeclarationProblems(t *testing.T) {
	src := `kinds:
  actors:
    - {id: Militia Group}
    - {meaning: no id}
    - {id: militia}
  links:
    - {id: patrols, color: "red; onload=x", style: wavy}
    - {id: guards, color: "#12345"}
    - {id: Bad Kind}
    - {id: fine, color: steelblue}
actors:
  - {id: a, kind: militia}
  - {id: b, kind: country}
links:
  - {kind: patrols, from: a, to: b}
  - {kind: guards, from: a, to: b}
  - {kind: fine, from: a, to: b}
`
	want := []string{
		`ds/x.yaml:3:12: actor kind "Militia Group": want lowercase letters, digits, '_' or '-'`,
		`ds/x.yaml:4:7: an actor kind needs id:`,
		`ds/x.yaml:7:28: link kind "patrols": color "red; onload=x" is not #rrggbb, #rrggbbaa or a colour name like red`,
		`ds/x.yaml:7:52: link kind "patrols": style "wavy" is not one of solid, dashed, dotted, bold`,
		`ds/x.yaml:8:27: link kind "guards": color "#12345" is not #rrggbb, #rrggbbaa or a colour name like red`,
		`ds/x.yaml:9:12: link kind "Bad Kind": want lowercase letters, digits, '_' or '-'`,
	}
	if got := loadYAML(t, src); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNegativeWeightOnce: a bad weight is reported once, by the parser, and not again by the builder.
func TestNegativeWeightOnce(t *testing.T) {
	src := "actors: [{id: a, kind: country}, {id: b, kind: country}]\nlinks:\n  - {kind: trade, from: a, to: b, weight: -2}\n"
	want := []string{`ds/x.yaml:3:43: weight "-2" is not a non-negative number`}
	if got := loadYAML(t, src); !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}
