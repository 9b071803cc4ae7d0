package data

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/data/internal/alias"
	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
	"go.yaml.in/yaml/v3"
)

// fieldPos maps the fields of one item ("from", "sources[1].doc", "route[2]") to their positions, with
// "" for the item itself.
type fieldPos map[string]Position

func (fp fieldPos) at(field string) Position {
	for f := field; ; {
		if p, ok := fp[f]; ok {
			return p
		}
		i := strings.LastIndexAny(f, ".[")
		if i < 0 {
			if f == "" {
				return Position{}
			}
			f = ""
			continue
		}
		f = f[:i]
	}
}

// yamlFile is what one YAML file contributes to a dataset, with positions.
type yamlFile struct {
	actors     []graph.Actor
	actorPos   []fieldPos
	links      []graph.Link
	linkPos    []fieldPos
	docs       []graph.Document
	docPos     []fieldPos
	linkKinds  []graph.LinkKind
	actorKinds []graph.ActorKind
	roleKinds  []graph.RoleKind
	kindPos    []Position
}

// yamlParser walks one file's YAML node tree strictly: unknown sections and fields, wrong shapes and
// bad values are problems at their positions.
type yamlParser struct {
	file     string
	problems Problems
	out      yamlFile
}

var yamlLineRE = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)

// parseYAML parses one dataset file. It never panics on any input.
func parseYAML(file string, src []byte) (yamlFile, Problems) {
	p := &yamlParser{file: file}
	if off, what := binaryAt(src); off >= 0 {
		line, col := lineCol(src, off)
		p.errAt(Position{File: file, Line: line, Col: col}, "not a YAML file: it holds "+what)
		return p.out, p.problems
	}
	if len(bytes.TrimSpace(src)) == 0 {
		p.errAt(Position{File: file}, "empty file: a dataset file holds sections actors:, links:, sources: or kinds:")
		return p.out, p.problems
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		pos := Position{File: file}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			pos.Line, _ = strconv.Atoi(m[1])
			pos.Col, _ = strconv.Atoi(m[2])
			msg = strings.TrimSpace(strings.TrimPrefix(yamlLineRE.ReplaceAllString(msg, ""), ":"))
		}
		p.errAt(pos, "malformed YAML: "+msg)
		return p.out, p.problems
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		p.errAt(Position{File: file, Line: 1, Col: 1}, "empty document: a dataset file holds sections actors:, links:, sources: or kinds:")
		return p.out, p.problems
	}
	if n, err := alias.Check(&doc, len(src)); err != nil {
		p.err(n, "%v", err)
		return p.out, p.problems
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.err(root, "a dataset file is a mapping of sections (actors:, links:, sources:, kinds:), not a %s", kindName(root))
		return p.out, p.problems
	}
	p.mapping(root, []string{"actors", "links", "sources", "kinds"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "actors":
			p.sequence(v, "actor", p.actor)
		case "links":
			p.sequence(v, "link", p.link)
		case "sources":
			p.sequence(v, "document", p.document)
		case "kinds":
			p.kinds(v)
		}
	})
	return p.out, p.problems
}

func (p *yamlParser) pos(n *yaml.Node) Position {
	return Position{File: p.file, Line: n.Line, Col: n.Column}
}

func (p *yamlParser) err(n *yaml.Node, format string, args ...any) {
	p.errAt(p.pos(n), fmt.Sprintf(format, args...))
}

func (p *yamlParser) errAt(pos Position, msg string) {
	p.problems = append(p.problems, Problem{Position: pos, Message: msg})
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	if n.Tag == "!!null" {
		return "null"
	}
	return "scalar"
}

// mapping calls fn for each key of n in order; unknown and duplicate keys are problems.
func (p *yamlParser) mapping(n *yaml.Node, allowed []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.err(n, "want a mapping, found a %s", kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.err(k, "a key must be a plain name")
			continue
		}
		if seen[k.Value] {
			p.err(k, "duplicate field %q", k.Value)
			continue
		}
		seen[k.Value] = true
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			hint := ""
			if s := graph.Suggest(k.Value, slices.Values(allowed)); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				hint = fmt.Sprintf(" (known fields: %s)", strings.Join(allowed, ", "))
			}
			p.err(k, "unknown field %q%s", k.Value, hint)
			continue
		}
		if v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		fn(k.Value, k, v)
	}
}

func (p *yamlParser) sequence(n *yaml.Node, what string, item func(*yaml.Node)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty section
	}
	if n.Kind != yaml.SequenceNode {
		p.err(n, "want a list of %ss, found a %s", what, kindName(n))
		return
	}
	for _, c := range n.Content {
		if c.Kind == yaml.AliasNode {
			c = c.Alias
		}
		if c.Kind != yaml.MappingNode {
			p.err(c, "want a %s (a mapping of fields), found a %s", what, kindName(c))
			continue
		}
		item(c)
	}
}

func (p *yamlParser) str(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		p.err(n, "want a single value, found a %s", kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

func (p *yamlParser) strList(n *yaml.Node, fp fieldPos, field string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.err(n, "want a list like [a, b], found a %s", kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for j, c := range n.Content {
		fp[fmt.Sprintf("%s[%d]", field, j)] = p.pos(c)
		out = append(out, p.str(c))
	}
	return out
}

func (p *yamlParser) date(n *yaml.Node) graph.Date {
	s := p.str(n)
	d, err := graph.ParseDate(s)
	if err != nil {
		p.err(n, "%v", err)
	}
	return d
}

func (p *yamlParser) integer(n *yaml.Node, what string) int {
	s := p.str(n)
	v, err := strconv.Atoi(s)
	if err != nil {
		p.err(n, "%s %q is not a whole number", what, s)
	}
	return v
}

func (p *yamlParser) attrs(n *yaml.Node) map[string]string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	m := map[string]string{}
	p.mapping(n, nil, func(key string, _, v *yaml.Node) { m[key] = p.str(v) })
	return m
}

// roles reads a link's roles: a mapping from role name to one actor id or a list of them, as in
// {host: ilham-aliyev, place: baku} or {participant: [a, b]}. Each role's position is recorded under
// "roles.NAME", where the builder reports problems about it.
func (p *yamlParser) roles(n *yaml.Node, fp fieldPos) []graph.Role {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	var out []graph.Role
	p.mapping(n, nil, func(name string, _, v *yaml.Node) {
		fp["roles."+name] = p.pos(v)
		if v.Kind == yaml.SequenceNode {
			for _, c := range v.Content {
				out = append(out, graph.Role{Name: name, Actor: p.str(c)})
			}
			return
		}
		out = append(out, graph.Role{Name: name, Actor: p.str(v)})
	})
	return out
}

func (p *yamlParser) sources(n *yaml.Node, fp fieldPos) []graph.Source {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.err(n, "want a list of sources ({doc, para, note}), found a %s", kindName(n))
		return nil
	}
	var out []graph.Source
	for j, c := range n.Content {
		prefix := fmt.Sprintf("sources[%d]", j)
		fp[prefix] = p.pos(c)
		var s graph.Source
		p.mapping(c, []string{"doc", "para", "note"}, func(key string, _, v *yaml.Node) {
			fp[prefix+"."+key] = p.pos(v)
			switch key {
			case "doc":
				s.Doc = p.str(v)
			case "para":
				s.Para = p.integer(v, "paragraph")
			case "note":
				s.Note = p.str(v)
			}
		})
		if c.Kind == yaml.MappingNode && s.Doc == "" {
			p.err(c, "a source needs doc: (a document id)")
		}
		out = append(out, s)
	}
	return out
}

// actorFields and linkFields are the keys of a YAML actor and link, from the schema in package native.
var (
	actorFields = native.ActorNames(native.YAML)
	linkFields  = native.LinkNames(native.YAML)
)

func (p *yamlParser) actor(n *yaml.Node) {
	var a graph.Actor
	fp := fieldPos{"": p.pos(n)}
	p.mapping(n, actorFields, func(key string, _, v *yaml.Node) {
		fp[key] = p.pos(v)
		switch key {
		case "id":
			a.ID = p.str(v)
		case "name":
			a.Name = p.str(v)
		case "kind":
			a.Kind = p.str(v)
		case "aliases":
			a.Aliases = p.strList(v, fp, key)
		case "in":
			a.In = p.str(v)
		case "stands_for":
			a.StandsFor = p.str(v)
		case "start":
			a.Start = p.date(v)
		case "end":
			a.End = p.date(v)
		case "route":
			a.Route = p.strList(v, fp, key)
		case "route_kind":
			a.RouteKind = p.str(v)
		case "certainty":
			c, err := graph.ParseCertainty(p.str(v))
			if err != nil {
				p.err(v, "%v", err)
			}
			a.Certainty = c
		case "attrs":
			a.Attrs = p.attrs(v)
		case "sources":
			a.Sources = p.sources(v, fp)
		}
	})
	if _, ok := fp["id"]; !ok {
		p.err(n, "an actor needs id:")
		return
	}
	if _, ok := fp["kind"]; !ok {
		p.err(n, "actor %q needs kind: (one of country, region, city, organization, company, person, infrastructure, military-unit)", a.ID)
	}
	p.out.actors = append(p.out.actors, a)
	p.out.actorPos = append(p.out.actorPos, fp)
}

func (p *yamlParser) link(n *yaml.Node) {
	l := graph.Link{Weight: graph.DefaultWeight} // no weight: field, the default; weight: 0 is 0
	hasSign := false
	fp := fieldPos{"": p.pos(n)}
	p.mapping(n, linkFields, func(key string, _, v *yaml.Node) {
		fp[key] = p.pos(v)
		switch key {
		case "id":
			l.ID = p.str(v)
		case "kind":
			l.Kind = p.str(v)
		case "from":
			l.From = p.str(v)
		case "to":
			l.To = p.str(v)
		case "start":
			l.Start = p.date(v)
		case "end":
			l.End = p.date(v)
		case "on":
			l.On = p.date(v)
		case "certainty":
			c, err := graph.ParseCertainty(p.str(v))
			if err != nil {
				p.err(v, "%v", err)
			}
			l.Certainty = c
		case "sign":
			s := p.integer(v, "sign")
			if s < -1 || s > 1 {
				p.err(v, "sign %d is not -1, 0 or 1", s)
				s = 0
			}
			l.Sign, hasSign = int8(s), true
		case "weight":
			s := p.str(v)
			w, err := strconv.ParseFloat(s, 64)
			if err != nil || w < 0 || math.IsInf(w, 0) || math.IsNaN(w) {
				p.err(v, "weight %q is not a non-negative number", s)
				w = graph.DefaultWeight
			}
			l.Weight = w
		case "attrs":
			l.Attrs = p.attrs(v)
		case "roles":
			l.Roles = p.roles(v, fp)
		case "sources":
			l.Sources = p.sources(v, fp)
		}
	})
	for _, need := range []string{"kind", "from", "to"} {
		if _, ok := fp[need]; !ok {
			p.err(n, "a link needs %s:", need)
			return
		}
	}
	if !hasSign {
		l.Sign = signUnset
	}
	p.out.links = append(p.out.links, l)
	p.out.linkPos = append(p.out.linkPos, fp)
}

// signUnset marks a link whose sign comes from its kind; the loader fills it in once kinds are known.
const signUnset = -128

func (p *yamlParser) document(n *yaml.Node) {
	var d graph.Document
	fp := fieldPos{"": p.pos(n)}
	p.mapping(n, []string{"id", "title", "author", "publisher", "date", "file", "url"}, func(key string, _, v *yaml.Node) {
		fp[key] = p.pos(v)
		switch key {
		case "id":
			d.ID = p.str(v)
		case "title":
			d.Title = p.str(v)
		case "author":
			d.Author = p.str(v)
		case "publisher":
			d.Publisher = p.str(v)
		case "date":
			d.Date = p.date(v)
		case "file":
			d.File = p.str(v)
		case "url":
			d.URL = p.str(v)
		}
	})
	if _, ok := fp["id"]; !ok {
		p.err(n, "a document needs id:")
		return
	}
	p.out.docs = append(p.out.docs, d)
	p.out.docPos = append(p.out.docPos, fp)
}

// kinds reads the kinds: section. A declaration that graph's checks refuse is a problem at the field
// at fault; a kind with a bad id is left out, one with another bad field is kept without that field,
// so that the links and actors of the kind are not reported as well.
func (p *yamlParser) kinds(n *yaml.Node) {
	p.mapping(n, []string{"links", "actors", "roles"}, func(key string, _, v *yaml.Node) {
		switch key {
		case "links":
			p.sequence(v, "link kind", func(c *yaml.Node) {
				var lk graph.LinkKind
				fp := fieldPos{"": p.pos(c)}
				p.mapping(c, []string{"id", "directed", "sign", "color", "style", "meaning", "transport"}, func(key string, _, v *yaml.Node) {
					fp[key] = p.pos(v)
					switch key {
					case "id":
						lk.ID = p.str(v)
					case "directed", "transport":
						b, err := strconv.ParseBool(p.str(v))
						if err != nil {
							p.err(v, "%s: want true or false", key)
						}
						if key == "directed" {
							lk.Directed = b
						} else {
							lk.Transport = b
						}
					case "sign":
						s := p.integer(v, "sign")
						if s < -1 || s > 1 {
							p.err(v, "sign %d is not -1, 0 or 1", s)
							s = 0
						}
						lk.Sign = int8(s)
					case "color":
						lk.Color = p.str(v)
					case "style":
						lk.Style = p.str(v)
					case "meaning":
						lk.Meaning = p.str(v)
					}
				})
				if !p.kindOK(c, fp, "a link kind", func() error { return lk.Check() }, func(field string) {
					switch field {
					case "sign":
						lk.Sign = 0
					case "style":
						lk.Style = ""
					case "color":
						lk.Color = ""
					}
				}) {
					return
				}
				p.out.linkKinds = append(p.out.linkKinds, lk)
				p.out.kindPos = append(p.out.kindPos, p.pos(c))
			})
		case "actors":
			p.sequence(v, "actor kind", func(c *yaml.Node) {
				var ak graph.ActorKind
				fp := fieldPos{"": p.pos(c)}
				p.mapping(c, []string{"id", "meaning"}, func(key string, _, v *yaml.Node) {
					fp[key] = p.pos(v)
					if key == "id" {
						ak.ID = p.str(v)
					} else {
						ak.Meaning = p.str(v)
					}
				})
				if p.kindOK(c, fp, "an actor kind", func() error { return ak.Check() }, func(string) {}) {
					p.out.actorKinds = append(p.out.actorKinds, ak)
				}
			})
		case "roles":
			p.sequence(v, "role", func(c *yaml.Node) {
				var rk graph.RoleKind
				fp := fieldPos{"": p.pos(c)}
				p.mapping(c, []string{"id", "meaning"}, func(key string, _, v *yaml.Node) {
					fp[key] = p.pos(v)
					if key == "id" {
						rk.ID = p.str(v)
					} else {
						rk.Meaning = p.str(v)
					}
				})
				if p.kindOK(c, fp, "a role", func() error { return rk.Check() }, func(string) {}) {
					p.out.roleKinds = append(p.out.roleKinds, rk)
				}
			})
		}
	})
}

// kindOK checks a kind declaration (node c, its fields at fp) with check, reporting a problem at the
// field at fault, and reports whether the kind is kept: a kind without an id or with a bad one is
// not, a kind with other bad fields is, once clear has reset them.
func (p *yamlParser) kindOK(c *yaml.Node, fp fieldPos, what string, check func() error, clear func(field string)) bool {
	if c.Kind != yaml.MappingNode {
		return false // reported by mapping
	}
	if _, ok := fp["id"]; !ok {
		p.err(c, "%s needs id:", what)
		return false
	}
	for range 4 { // a kind has at most four fields to refuse
		var ke *graph.KindError
		if err := check(); !errors.As(err, &ke) {
			break
		}
		p.errAt(fp.at(ke.Field), ke.Message)
		if ke.Field == "id" || ke.Field == "" {
			return false
		}
		clear(ke.Field)
	}
	return true
}
