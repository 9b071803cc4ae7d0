package text

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// Span formats when a link holds: "2016-08-08" for an event, "2010 – 2013", "since 2022-02",
// "until 2012-12" or "undated" for lasting links.
func Span(l *graph.Link) string {
	switch {
	case l.On != 0:
		return l.On.String()
	case l.Start != 0 && l.End != 0:
		if l.Start == l.End {
			return l.Start.String()
		}
		return l.Start.String() + " – " + l.End.String()
	case l.Start != 0:
		return "since " + l.Start.String()
	case l.End != 0:
		return "until " + l.End.String()
	}
	return "undated"
}

// SourceRefs formats a link's sources as "[doc ¶3, doc2 ¶7]", or "" when it has none.
func SourceRefs(srcs []graph.Source) string {
	if len(srcs) == 0 {
		return ""
	}
	parts := make([]string, len(srcs))
	for i, s := range srcs {
		parts[i] = SourceRef(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// SourceRef formats one source reference as "doc ¶3" (or just "doc" when the paragraph is unknown).
func SourceRef(s graph.Source) string {
	if s.Para > 0 {
		return fmt.Sprintf("%s ¶%d", s.Doc, s.Para)
	}
	return s.Doc
}

// Attrs formats attributes as "k: v; k2: v2" in key order, leaving out the keys in skip.
func Attrs(m map[string]string, skip ...string) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if slices.Contains(skip, k) {
			continue
		}
		parts = append(parts, k+": "+m[k])
	}
	return strings.Join(parts, "; ")
}

// Qualifiers lists what sets a link apart from the default: its certainty when not "reported" and a
// sign that differs from its kind's. Empty when there is nothing to say.
func Qualifiers(g *graph.Graph, l *graph.Link) string {
	var q []string
	if l.Certainty != graph.Reported {
		q = append(q, l.Certainty.String())
	}
	if lk, ok := g.Kinds().Link(l.Kind); ok && lk.Sign != l.Sign {
		q = append(q, SignWord(l.Sign))
	}
	return strings.Join(q, ", ")
}

// SignWord names a sign: cooperative, neutral or hostile.
func SignWord(s int8) string {
	switch {
	case s > 0:
		return "cooperative"
	case s < 0:
		return "hostile"
	}
	return "neutral"
}

// Arrow returns how link l reads from actor `from`'s side: "→" (from is the source of a directed
// link), "←" (the target) or "—" (undirected).
func Arrow(l *graph.Link, from string) string {
	switch {
	case !l.Directed:
		return "—"
	case l.From == from:
		return "→"
	}
	return "←"
}

// ActorLabel formats an actor as "Name (id)", or just the id when the name is the id.
func ActorLabel(a *graph.Actor) string {
	if a.Name == "" || a.Name == a.ID {
		return a.ID
	}
	return a.Name + " (" + a.ID + ")"
}

// Describe sums a link up in one line without dates: "Russia → Azerbaijan arms_sale (alleged)".
func Describe(g *graph.Graph, l *graph.Link) string {
	name := func(id string) string {
		if i, ok := g.ActorIndex(id); ok {
			return g.Actor(i).Name
		}
		return id
	}
	s := fmt.Sprintf("%s %s %s  %s", name(l.From), Arrow(l, l.From), name(l.To), l.Kind)
	if q := Qualifiers(g, l); q != "" {
		s += " (" + q + ")"
	}
	return s
}

// JoinNonEmpty joins the parts that are not empty with sep.
func JoinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// UnderFilter returns " (at 2016; kinds pipeline)" for the description of the active filters, or ""
// when there is none.
func UnderFilter(filter string) string {
	if filter != "" {
		return " (" + filter + ")"
	}
	return ""
}

// Plural formats a count with its noun: "1 path", "3 paths".
func Plural(n float64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return FormatCount(n) + " " + noun + "s"
}

// FormatCount formats a path count: exact when small, else in scientific notation.
func FormatCount(f float64) string {
	if f < 1e15 {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.3g", f)
}

// Wrap breaks text into lines of at most width runes, prefixing continuation lines. It walks the
// words without collecting them, so that a paragraph of millions of words costs only its copy.
func Wrap(text string, width int, prefix string) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/width*(len(prefix)+1))
	n := 0
	first := true
	for word := range strings.FieldsSeq(text) {
		w := utf8.RuneCountInString(word)
		if !first {
			if n+1+w > width {
				b.WriteString("\n" + prefix)
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		first = false
		b.WriteString(word)
		n += w
	}
	return b.String()
}

// capList joins at most n items, summing up the rest as "+k more".
func capList(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" +%d more", len(items)-n)
}

// uniq returns s without repeats, in the order of first appearance.
func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// sparks are the eight heights of a sparkline.
var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values as a line of block characters, one per value, scaled so that hi is the
// tallest (values at or above hi are full blocks, 0 and below the lowest); a NaN value, for no value,
// is a space.
func Sparkline(values []float64, hi float64) string {
	var b strings.Builder
	for _, v := range values {
		switch {
		case math.IsNaN(v):
			b.WriteByte(' ')
		case hi <= 0 || v <= 0:
			b.WriteRune(sparks[0])
		default:
			i := int(math.Round(v / hi * float64(len(sparks)-1)))
			b.WriteRune(sparks[min(max(i, 0), len(sparks)-1)])
		}
	}
	return b.String()
}
