package data

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
)

// The rows of the native CSV pair turned into actors and links (see csv.go for the format): a field
// of each row is read by the parser of its type in the schema — dates, certainties, lists, sources and
// attributes.

// cell returns field i of rec, or "" when the file lacks the column (i < 0).
func cell(rec []string, i int) string {
	if i < 0 {
		return ""
	}
	return rec[i]
}

func (p *csvParser) readLinks(rows rowSource, width int, attrCols []csvAttrCol) {
	c := p.c
	iID, iKind, iFrom, iTo := p.colIndex("id"), p.colIndex("kind"), p.colIndex("from"), p.colIndex("to")
	iStart, iEnd, iOn := p.colIndex("start"), p.colIndex("end"), p.colIndex("on")
	iSign, iWeight, iCert := p.colIndex("sign"), p.colIndex("weight"), p.colIndex("certainty")
	iSources, iAttrs, iRoles := p.colIndex("sources"), p.colIndex("attrs"), p.colIndex("roles")
	for {
		rec, ok := p.next(rows, width)
		if !ok {
			return
		}
		kind, from, to := strings.TrimSpace(rec[iKind]), strings.TrimSpace(rec[iFrom]), strings.TrimSpace(rec[iTo])
		if kind == "" || from == "" || to == "" {
			for _, f := range [...]struct {
				i    int
				name string
				v    string
			}{{iKind, "kind", kind}, {iFrom, "from", from}, {iTo, "to", to}} {
				if f.v == "" {
					p.fieldErr(f.i, "a link needs %s", f.name)
				}
			}
			continue
		}
		l := csvLink{kind: c.internKind(kind), from: c.internEnd(0, from), to: c.internEnd(1, to), extra: -1, sign: signUnset,
			weight: graph.DefaultWeight} // an empty weight cell is the default; "0" is 0
		l.start = p.date(rec, iStart)
		l.end = p.date(rec, iEnd)
		l.on = p.date(rec, iOn)
		if s := strings.TrimSpace(cell(rec, iSign)); s != "" {
			switch s {
			case "1", "+1":
				l.sign = 1
			case "0", "+0", "-0":
				l.sign = 0
			case "-1":
				l.sign = -1
			default:
				p.fieldErr(iSign, "sign %q is not -1, 0 or 1", s)
			}
		}
		if s := strings.TrimSpace(cell(rec, iWeight)); s != "" {
			w, err := strconv.ParseFloat(s, 64)
			if err != nil || w < 0 || math.IsInf(w, 0) || math.IsNaN(w) {
				p.fieldErr(iWeight, "weight %q is not a non-negative number", s)
				w = graph.DefaultWeight
			}
			l.weight = w
		}
		l.cert = p.certainty(rec, iCert)
		id := strings.TrimSpace(cell(rec, iID))
		srcs := p.sources(rec, iSources)
		attrs := p.attrs(rec, iAttrs, attrCols)
		roles, err := native.ParseRolesCell(cell(rec, iRoles))
		if err != nil {
			p.fieldErr(iRoles, "%v", err)
		}
		for j := range roles {
			roles[j].Name, roles[j].Actor = strings.Clone(roles[j].Name), strings.Clone(roles[j].Actor)
		}
		if id != "" || srcs != nil || attrs != nil || roles != nil {
			l.extra = int32(len(c.extras))
			c.extras = append(c.extras, csvExtra{id: strings.Clone(id), attrs: attrs, sources: srcs, roles: roles})
		}
		c.links = append(c.links, l)
		c.lines = append(c.lines, int32(p.line))
	}
}

func (p *csvParser) readActors(rows rowSource, width int, attrCols []csvAttrCol) {
	c := p.c
	iID, iName, iKind, iIn, iAliases := p.colIndex("id"), p.colIndex("name"), p.colIndex("kind"), p.colIndex("in"), p.colIndex("aliases")
	iStands, iStart, iEnd := p.colIndex("stands_for"), p.colIndex("start"), p.colIndex("end")
	iRoute, iRouteKind, iCert := p.colIndex("route"), p.colIndex("route_kind"), p.colIndex("certainty")
	iSources, iAttrs := p.colIndex("sources"), p.colIndex("attrs")
	for {
		rec, ok := p.next(rows, width)
		if !ok {
			return
		}
		a := graph.Actor{ID: strings.TrimSpace(rec[iID]), Kind: strings.TrimSpace(rec[iKind])}
		if a.ID == "" {
			p.fieldErr(iID, "an actor needs an id")
			continue
		}
		if a.Kind == "" {
			p.fieldErr(iKind, "actor %q needs a kind (one of country, region, city, organization, company, person, infrastructure, military-unit)", a.ID)
		}
		a.Name = cell(rec, iName)
		a.In = strings.TrimSpace(cell(rec, iIn))
		a.StandsFor = strings.TrimSpace(cell(rec, iStands))
		a.Aliases = p.list(rec, iAliases)
		a.Route = p.list(rec, iRoute)
		if a.Route != nil || strings.TrimSpace(cell(rec, iRoute)) == "" {
			a.RouteKind = strings.TrimSpace(cell(rec, iRouteKind)) // else the route was reported as malformed
		}
		a.Start = p.date(rec, iStart)
		a.End = p.date(rec, iEnd)
		a.Certainty = p.certainty(rec, iCert)
		a.Sources = p.sources(rec, iSources)
		a.Attrs = p.attrs(rec, iAttrs, attrCols)
		a = cloneActorStrings(a)
		c.actors = append(c.actors, a)
		c.lines = append(c.lines, int32(p.line))
	}
}

// cloneActorStrings copies the strings of a so that they do not keep the reader's record alive.
func cloneActorStrings(a graph.Actor) graph.Actor {
	a.ID, a.Name, a.Kind = strings.Clone(a.ID), strings.Clone(a.Name), strings.Clone(a.Kind)
	a.In, a.StandsFor, a.RouteKind = strings.Clone(a.In), strings.Clone(a.StandsFor), strings.Clone(a.RouteKind)
	for i := range a.Aliases {
		a.Aliases[i] = strings.Clone(a.Aliases[i])
	}
	for i := range a.Route {
		a.Route[i] = strings.Clone(a.Route[i])
	}
	return a
}

// intern returns the number of s in c.names, adding it when new.
func (c *csvFile) intern(s string) int32 {
	i, ok := c.index[s]
	if !ok {
		s = strings.Clone(s)
		i = int32(len(c.names))
		c.names = append(c.names, s)
		c.index[s] = i
	}
	return i
}

// internEnd interns an actor id of the from (slot 0) or to (slot 1) column. The last id seen in each
// column is remembered: rows sorted by an actor repeat it.
func (c *csvFile) internEnd(slot int, s string) int32 {
	if last := c.last[slot]; last >= 0 && c.names[last] == s {
		return last
	}
	i := c.intern(s)
	c.last[slot] = i
	return i
}

// csvKindCache bounds the link kinds looked up by a linear search before the name index.
const csvKindCache = 16

// internKind interns a link kind. A file has few kinds: they are found among the first ones seen,
// sparing a look-up in the index of every name, which holds all the actors too.
func (c *csvFile) internKind(s string) int32 {
	for _, k := range c.kinds {
		if c.names[k] == s {
			return k
		}
	}
	i := c.intern(s)
	if len(c.kinds) < csvKindCache {
		c.kinds = append(c.kinds, i)
	}
	return i
}

// date parses the date in field i with graph.ParseDate, which parses the common shapes without
// allocating.
func (p *csvParser) date(rec []string, i int) graph.Date {
	s := cell(rec, i)
	if s == "" {
		return 0
	}
	d, err := graph.ParseDate(s)
	if err != nil {
		p.fieldErr(i, "%v", err)
	}
	return d
}

func (p *csvParser) certainty(rec []string, i int) graph.Certainty {
	s := strings.TrimSpace(cell(rec, i))
	if s == "" {
		return graph.Reported
	}
	c, err := graph.ParseCertainty(s)
	if err != nil {
		p.fieldErr(i, "%v", err)
	}
	return c
}

// list splits a list cell: items separated by '|' (trimmed), or a JSON list of strings.
func (p *csvParser) list(rec []string, i int) []string {
	s := cell(rec, i)
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if strings.HasPrefix(strings.TrimSpace(s), "[") {
		var out []string
		if err := json.Unmarshal([]byte(s), &out); err != nil {
			p.fieldErr(i, "want items separated by '|' or a JSON list of strings: %v", err)
			return nil
		}
		return out
	}
	out := strings.Split(s, "|")
	for j := range out {
		out[j] = strings.TrimSpace(out[j])
		if out[j] == "" {
			p.fieldErr(i, "empty item %d in %q", j+1, s)
		}
	}
	return out
}

// sources parses a JSON list of {"doc","para","note"} objects.
func (p *csvParser) sources(rec []string, i int) []graph.Source {
	s := cell(rec, i)
	if strings.TrimSpace(s) == "" {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	var cells []native.Source
	if err := dec.Decode(&cells); err != nil {
		p.fieldErr(i, "sources: want a JSON list like [{\"doc\":\"d\",\"para\":3,\"note\":\"…\"}]: %v", err)
		return nil
	}
	if dec.More() {
		p.fieldErr(i, "sources: unexpected text after the JSON list")
		return nil
	}
	out := native.GraphSources(cells)
	for j, src := range out {
		if src.Doc == "" {
			p.fieldErr(i, "sources[%d]: a source needs doc (a document id)", j)
		}
	}
	return out
}

// attrs collects the attribute columns and the attrs JSON object of a row; nil when there are none.
func (p *csvParser) attrs(rec []string, iAttrs int, cols []csvAttrCol) map[string]string {
	var m map[string]string
	if s := cell(rec, iAttrs); strings.TrimSpace(s) != "" {
		m = p.attrsJSON(s, iAttrs)
	}
	for _, ac := range cols {
		v := rec[ac.index]
		if v == "" {
			continue
		}
		if m == nil {
			m = make(map[string]string, len(cols))
		}
		if _, dup := m[ac.name]; dup {
			p.fieldErr(ac.index, "attribute %q is given both in its column and in attrs", ac.name)
		}
		m[ac.name] = strings.Clone(v)
	}
	return m
}

// attrsJSON parses the attrs column of a row: a JSON object of strings.
func (p *csvParser) attrsJSON(s string, i int) map[string]string {
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		p.fieldErr(i, "attrs: want a JSON object of strings like {\"value\":\"$1 billion\"}: %v", err)
		return nil
	}
	return m
}
