package data

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestLineIndex: the index gives lineCol's line and column for every offset, in any order, on short
// lines, long lines with characters of several bytes, and lines around its marks.
func TestLineIndex(t *testing.T) {
	long := strings.Repeat("aé€😀", 3000) // 30,000 bytes: marks fall inside characters
	texts := []string{
		"",
		"one line",
		"a\nbb\n\nccc\n",
		long,
		"x\n" + long + "\n" + long[:5000] + "\nz",
		strings.Repeat("\n", 9000) + long,
		strings.Repeat(strings.Repeat("é", 2047)+"\n", 5), // line ends next to marks
	}
	for i, text := range texts {
		src := []byte(text)
		x := lineIndex{src: src}
		var offs []int
		for off := -1; off <= len(src)+1; off++ {
			// Every offset of a short text; of a long one, a sample and the offsets around the marks.
			if len(src) < 2000 || off%13 == 0 || (off+8)%markEvery < 16 {
				offs = append(offs, off)
			}
		}
		rand.New(rand.NewPCG(1, uint64(i))).Shuffle(len(offs), func(a, b int) { offs[a], offs[b] = offs[b], offs[a] })
		for _, off := range offs {
			wl, wc := lineCol(src, off)
			if gl, gc := x.at(off); gl != wl || gc != wc {
				t.Fatalf("text %d, offset %d: %d:%d, want %d:%d", i, off, gl, gc, wl, wc)
			}
		}
	}
}

// TestSnapshotManyProblems: a snapshot of many links to unknown actors, written on one line (which a
// snapshot may be), reports each at its own column, in time linear in the file: placing each problem
// once took time proportional to the file before it.
func TestSnapshotManyProblems(t *testing.T) {
	const n = 40_000
	var b strings.Builder
	b.WriteString(`{"format": "relgraph-snapshot", "version": 1, "actors": [{"id": "a", "kind": "country"}], "links": [`)
	offs := make([]int, n)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"id": "l%d", "kind": "trade", "from": "a", "to": "x%d"}`, i, i)
		offs[i] = b.Len() - len(fmt.Sprintf(`"x%d"}`, i)) + 1 // the column of the unknown id
	}
	b.WriteString("]}\n")
	start := time.Now()
	_, err := loadSnapshot([]byte(b.String()))
	el := time.Since(start)
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != n {
		t.Fatalf("Load: %d problems, %v", len(ps), err)
	}
	for i, p := range ps {
		if want := fmt.Sprintf("dir/snap.json:1:%d: unknown actor %q", offs[i], fmt.Sprintf("x%d", i)); !strings.HasPrefix(p.Error(), want) {
			t.Fatalf("problem %d: %s, want %s", i, p.Error(), want)
		}
	}
	if el > 10*time.Second {
		t.Errorf("loading took %v", el)
	}
}

// TestSnapshotKindProblems: a declared kind that graph's checks refuse is a problem at the field at
// fault.
func TestSnapshotKindProblems(t *testing.T) {
	head := "{\n  \"format\": \"relgraph-snapshot\",\n  \"version\": 1,\n  \"kinds\": {\n"
	for _, tt := range []struct{ kinds, want string }{
		{`"links": [{"id": "k", "directed": true, "sign": 1, "color": "red; x", "style": ""}]`,
			`dir/snap.json:5:65: link kind "k": color "red; x" is not #rrggbb, #rrggbbaa or a colour name like red`},
		{`"links": [{"id": "k", "style": "wavy"}]`,
			`dir/snap.json:5:36: link kind "k": style "wavy" is not one of solid, dashed, dotted, bold`},
		{`"actors": [{"id": "Bad Kind"}]`,
			`dir/snap.json:5:23: actor kind "Bad Kind": want lowercase letters, digits, '_' or '-'`},
	} {
		_, err := loadSnapshot([]byte(head + "    " + tt.kinds + "\n  }\n}\n"))
		var ps Problems
		if !errors.As(err, &ps) || !slices.Equal(problemLines(ps), []string{tt.want}) {
			t.Errorf("%s: %v\nwant %s", tt.kinds, err, tt.want)
		}
	}
}
