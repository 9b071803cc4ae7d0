package render

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escaping rules for the DOT this package writes.
//
// Every value is written as a double-quoted DOT string, where the DOT scanner gives meaning only to \"
// and to a backslash before a line break. Text that comes from a dataset (names, notes, attributes) is
// written only into "escString" attributes — label, tooltip, id — which Graphviz then reads a second
// time, expanding backslash escapes (\n, \l, \N for the node's name…) and, in labels, HTML character
// entities (&amp;). escText therefore writes:
//   - `\` as `\\` (a literal backslash: "a\nb" typed by a user stays a backslash and an n),
//   - `"` as `\"`,
//   - `&` as `&amp;` (so that "&lt;" in a name is drawn as those four characters),
//   - a line break as `\n` (a centred line break in the drawing), and a tab as a space,
//   - other control characters, which XML (and so SVG) cannot hold, as U+FFFD,
//   - invalid UTF-8 as U+FFFD.
//
// Graphviz itself escapes <, >, " and & when it writes the SVG, so nothing can become markup there.
// The one HTML-like label (the legend) is built from escHTML'd text only.

// quote writes a plain value (a shape, colour or number this package chose) as a DOT string.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// escText writes text as a DOT escString: see the escaping rules above.
func escText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // CRLF: one line break
			}
			b.WriteString(`\n`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == '\uFFFE' || r == '\uFFFF':
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// escHTML escapes text for a Graphviz HTML-like label: the five XML specials become entities, line
// breaks become <BR/>, control characters and invalid UTF-8 become U+FFFD.
func escHTML(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\n':
			b.WriteString("<BR/>")
		case unicode.IsControl(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// attr is one attribute: a key and its value as a complete DOT token.
type attr struct{ key, tok string }

// attrs is an attribute list under construction.
type attrs []attr

// set adds a plain value (one this package chose, never dataset text).
func (a *attrs) set(key, v string) { *a = append(*a, attr{key, quote(v)}) }

// text adds dataset text (label, tooltip, id), escaped by escText.
func (a *attrs) text(key, s string) { *a = append(*a, attr{key, escText(s)}) }

// html adds an HTML-like label whose text parts were escaped by escHTML.
func (a *attrs) html(key, h string) { *a = append(*a, attr{key, "<" + h + ">"}) }

// writeAttrs writes "[k=v, …]" with the keys in sorted order (the last value of a repeated key wins).
func writeAttrs(b *strings.Builder, as attrs) {
	sorted := slices.Clone(as)
	slices.SortStableFunc(sorted, func(x, y attr) int { return cmp.Compare(x.key, y.key) })
	b.WriteByte('[')
	first := true
	for i, at := range sorted {
		if i+1 < len(sorted) && sorted[i+1].key == at.key {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(at.key)
		b.WriteByte('=')
		b.WriteString(at.tok)
	}
	b.WriteByte(']')
}

// writeStmt writes "indent name [attrs];\n".
func writeStmt(b *strings.Builder, indent, name string, as attrs) {
	b.WriteString(indent)
	b.WriteString(name)
	b.WriteByte(' ')
	writeAttrs(b, as)
	b.WriteString(";\n")
}
