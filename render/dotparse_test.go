package render_test

import (
	"fmt"
	"strings"
	"testing"
)

// This file holds a small reader for the DOT this package writes, so that tests can check the
// structure of the output (which statements, which attributes) without Graphviz. It follows the DOT
// scanner: in a quoted string \" is a quote and \\ stays a (doubled) backslash for the escString reading
// that follows, so that a string may end in a backslash; an HTML string runs to its matching '>'.

type dotFile struct {
	graph    map[string]string            // graph attributes (top level)
	nodes    map[string]map[string]string // node name → attributes
	order    []string                     // node names in order
	edges    []dotEdge
	clusters map[string][]string // subgraph name → node names
}

type dotEdge struct {
	from, to string
	attrs    map[string]string
}

type dotToken struct {
	text   string
	quoted bool // a quoted or HTML string (never punctuation)
}

func lexDOT(src string) ([]dotToken, error) {
	var toks []dotToken
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' && j+1 < len(src) && src[j+1] == '"' {
					b.WriteByte('"')
					j++
					continue
				}
				if src[j] == '\\' && j+1 < len(src) && src[j+1] == '\\' { // kept for the escString reading
					b.WriteString(`\\`)
					j++
					continue
				}
				b.WriteByte(src[j])
			}
			if j >= len(src) {
				return nil, fmt.Errorf("unterminated string at %d", i)
			}
			toks = append(toks, dotToken{b.String(), true})
			i = j + 1
		case c == '<':
			depth, j := 0, i
			for ; j < len(src); j++ {
				if src[j] == '<' {
					depth++
				} else if src[j] == '>' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j >= len(src) {
				return nil, fmt.Errorf("unterminated HTML string at %d", i)
			}
			toks = append(toks, dotToken{src[i+1 : j], true})
			i = j + 1
		case c == '-' && i+1 < len(src) && src[i+1] == '>':
			toks = append(toks, dotToken{"->", false})
			i += 2
		case strings.IndexByte("[]{};,=", c) >= 0:
			toks = append(toks, dotToken{string(c), false})
			i++
		default:
			j := i
			for j < len(src) && strings.IndexByte(" \t\r\n[]{};,=\"<", src[j]) < 0 && !(src[j] == '-' && j+1 < len(src) && src[j+1] == '>') {
				j++
			}
			toks = append(toks, dotToken{src[i:j], false})
			i = j
		}
	}
	return toks, nil
}

// parseDOT reads the subset of DOT that Diagram.WriteDOT writes: one digraph of node, edge, default
// and subgraph statements, each attribute list in brackets.
func parseDOT(t testing.TB, src string) *dotFile {
	t.Helper()
	toks, err := lexDOT(src)
	if err != nil {
		t.Fatalf("lex: %v", err)
	}
	f := &dotFile{graph: map[string]string{}, nodes: map[string]map[string]string{}, clusters: map[string][]string{}}
	pos := 0
	peek := func() dotToken {
		if pos < len(toks) {
			return toks[pos]
		}
		return dotToken{}
	}
	next := func() dotToken { tk := peek(); pos++; return tk }
	expect := func(s string) {
		t.Helper()
		if tk := next(); tk.text != s || tk.quoted {
			t.Fatalf("token %d: got %q, want %q", pos-1, tk.text, s)
		}
	}
	attrList := func() map[string]string {
		t.Helper()
		m := map[string]string{}
		expect("[")
		for peek().text != "]" || peek().quoted {
			k := next()
			expect("=")
			v := next()
			if _, dup := m[k.text]; dup {
				t.Fatalf("attribute %q given twice", k.text)
			}
			m[k.text] = v.text
			if peek().text == "," && !peek().quoted {
				next()
			}
		}
		expect("]")
		return m
	}
	expect("digraph")
	next() // graph name
	expect("{")
	cluster := ""
	for pos < len(toks) {
		tk := next()
		switch {
		case tk.text == "}" && !tk.quoted:
			if cluster == "" {
				if pos != len(toks) {
					t.Fatalf("tokens after the end of the graph")
				}
				return f
			}
			cluster = ""
			continue
		case tk.text == "subgraph" && !tk.quoted:
			cluster = next().text
			expect("{")
			continue
		case (tk.text == "graph" || tk.text == "node" || tk.text == "edge") && !tk.quoted:
			m := attrList()
			if tk.text == "graph" && cluster == "" {
				f.graph = m
			}
		case peek().text == "->" && !peek().quoted:
			next()
			to := next()
			f.edges = append(f.edges, dotEdge{from: tk.text, to: to.text, attrs: attrList()})
		default:
			if _, dup := f.nodes[tk.text]; dup {
				t.Fatalf("node %q declared twice", tk.text)
			}
			f.nodes[tk.text] = attrList()
			f.order = append(f.order, tk.text)
			if cluster != "" {
				f.clusters[cluster] = append(f.clusters[cluster], tk.text)
			}
		}
		expect(";")
	}
	t.Fatalf("graph not closed")
	return nil
}

// unescape reads an escString value as Graphviz draws it: \\ is a backslash, \n \l \r line breaks,
// and &amp; an ampersand (the only entity this package writes).
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'l', 'r':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return strings.ReplaceAll(b.String(), "&amp;", "&")
}
