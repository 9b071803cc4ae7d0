package importer

import (
	"bytes"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// linkPlan is a LinkSpec bound to a file's columns.
type linkPlan struct {
	spec       *LinkSpec
	header     []string
	vr         valueReader
	where      []compiledWhere
	from, to   []int
	kind       int // constant kind index, -1 none
	kindCol    int
	rules      []compiledRule
	on         int
	start, end int
	precision  int
	weight     int
	sign       valueSpec[int8]
	signCol    int
	cert       valueSpec[graph.Certainty]
	certCol    int
	attrs      []attrCol
	via        int
	viaSep     string
	actorKind  string
	canCreate  bool
	kinds      []uint16         // scratch
	path       []int32          // scratch: actors, or placeholders of new ones
	pending    [][]byte         // scratch: values naming new actors
	pendingAt  map[string]int32 // scratch: index of each value of pending, once it is long
}

// pendingScan is how many new actors a row may name before postpone indexes them in a map rather
// than comparing each value with every earlier one.
const pendingScan = 8

type compiledRule struct {
	col   int
	value string
	kind  uint16
}

func (im *importer) planLinks(in *input, spec *LinkSpec) (*linkPlan, error) {
	p := &linkPlan{spec: spec, header: in.header, vr: newValueReader(&spec.Source), kind: -1, kindCol: -1, on: -1, start: -1, end: -1,
		weight: -1, signCol: -1, certCol: -1, via: -1, precision: precisionOf(spec.Precision), viaSep: spec.ViaSep, actorKind: spec.ActorKind}
	var err error
	if p.where, err = im.compileWhere(in, &spec.Source); err != nil {
		return nil, err
	}
	cols := func(names []string, field string) ([]int, error) {
		var out []int
		for _, n := range names {
			i, err := in.column(n, field)
			if err != nil {
				return nil, err
			}
			out = append(out, i)
		}
		return out, nil
	}
	if p.from, err = cols(spec.From, "from"); err != nil {
		return nil, err
	}
	if p.to, err = cols(spec.To, "to"); err != nil {
		return nil, err
	}
	if spec.Kind != "" {
		p.kind = int(im.kindIdx[spec.Kind])
	}
	if spec.KindCol != "" {
		if p.kindCol, err = in.column(spec.KindCol, "kind_col"); err != nil {
			return nil, err
		}
	}
	for _, r := range spec.KindFrom {
		rule, _ := parseKindRule(r)
		col, err := in.column(rule.col, "kind_from")
		if err != nil {
			return nil, err
		}
		p.rules = append(p.rules, compiledRule{col: col, value: rule.value, kind: im.kindIdx[rule.kind]})
	}
	for _, d := range []struct {
		name, field string
		dst         *int
	}{{spec.On, "on", &p.on}, {spec.Start, "start", &p.start}, {spec.End, "end", &p.end}, {spec.Weight, "weight", &p.weight}, {spec.Via, "via", &p.via}} {
		if d.name == "" {
			continue
		}
		if *d.dst, err = in.column(d.name, d.field); err != nil {
			return nil, err
		}
	}
	if spec.Sign != "" {
		p.sign, _ = parseSignSpec(spec.Sign)
		if !p.sign.isConst {
			if p.signCol, err = in.column(p.sign.col, "sign"); err != nil {
				return nil, err
			}
		}
	}
	if spec.Certainty != "" {
		p.cert, _ = parseCertaintySpec(spec.Certainty)
		if !p.cert.isConst {
			if p.certCol, err = in.column(p.cert.col, "certainty"); err != nil {
				return nil, err
			}
		}
	}
	if p.attrs, err = compileAttrs(in, spec.Attrs); err != nil {
		return nil, err
	}
	if p.viaSep == "" {
		p.viaSep = ","
	}
	if p.actorKind == "" {
		p.actorKind = "country"
	}
	p.canCreate = spec.NewActors || len(im.m.Actors) == 0
	return p, nil
}

func (im *importer) readLinks(specIdx int, spec *LinkSpec) error {
	in, err := im.open(&spec.Source)
	if err != nil {
		return err
	}
	defer in.close()
	p, err := im.planLinks(in, spec)
	if err != nil {
		return err
	}
	im.ds.files = append(im.ds.files, spec.File)
	first := len(im.recs)
	err = im.rows(in, func(line int, fields [][]byte) { im.linkRow(p, uint16(specIdx), line, fields) })
	if err != nil {
		return err
	}
	im.normalize(im.recs[first:])
	if spec.CollapseYears {
		im.recs = append(im.recs[:first], im.collapse(im.recs[first:])...)
	}
	if spec.OpenEnd {
		openEnds(im.recs[first:])
	}
	return nil
}

// linkRow turns one row into links.
func (im *importer) linkRow(p *linkPlan, spec uint16, line int, fields [][]byte) {
	if !keep(p.where, fields) {
		im.ds.Stats.Filtered++
		return
	}
	// Kinds.
	p.kinds = p.kinds[:0]
	if p.kind >= 0 {
		p.kinds = append(p.kinds, uint16(p.kind))
	}
	matchedCol := false
	for _, r := range p.rules {
		v := p.vr.get(fields, r.col)
		if r.value == "" {
			on, err := indicator(v)
			if err != nil {
				im.bad(line, p.col(r.col), "%v", err)
				return
			}
			if on && !slices.Contains(p.kinds, r.kind) {
				p.kinds = append(p.kinds, r.kind)
			}
			continue
		}
		if v != nil && bytes.EqualFold(v, []byte(r.value)) {
			if r.col == p.kindCol {
				matchedCol = true
			}
			if !slices.Contains(p.kinds, r.kind) {
				p.kinds = append(p.kinds, r.kind)
			}
		}
	}
	if p.kindCol >= 0 && !matchedCol {
		v := p.vr.get(fields, p.kindCol)
		if v == nil {
			im.bad(line, p.col(p.kindCol), "missing link kind")
			return
		}
		k, ok := im.kindIdx[strings.ToLower(string(v))]
		if !ok {
			im.bad(line, p.col(p.kindCol), "unknown link kind %q%s", v, hint(strings.ToLower(string(v)), im.kinds.LinkKindNames()))
			return
		}
		if !slices.Contains(p.kinds, k) {
			p.kinds = append(p.kinds, k)
		}
	}
	if len(p.kinds) == 0 {
		im.ds.Stats.NoKind++
		return
	}
	// Dates.
	r := rec{attrs: -1, line: int32(line), spec: spec, weight: graph.DefaultWeight} // a missing weight is the default; 0 is 0
	var err error
	switch {
	case p.on >= 0:
		v := p.vr.get(fields, p.on)
		if v == nil {
			im.bad(line, p.col(p.on), "missing date")
			return
		}
		if r.start, err = parseDateValue(v, p.precision); err != nil {
			im.bad(line, p.col(p.on), "%v", err)
			return
		}
		r.event = true
	default:
		for _, d := range []struct {
			col int
			dst *graph.Date
		}{{p.start, &r.start}, {p.end, &r.end}} {
			if d.col < 0 {
				continue
			}
			if v := p.vr.get(fields, d.col); v != nil {
				if *d.dst, err = parseDateValue(v, p.precision); err != nil {
					im.bad(line, p.col(d.col), "%v", err)
					return
				}
			}
		}
		if r.start != 0 && r.end != 0 && r.end.Hi() < r.start.Lo() {
			im.bad(line, p.col(p.end), "end %s is before start %s", r.end, r.start)
			return
		}
	}
	if p.weight >= 0 {
		if v := p.vr.get(fields, p.weight); v != nil {
			if r.weight, err = parseWeight(v); err != nil {
				im.bad(line, p.col(p.weight), "%v", err)
				return
			}
		}
	}
	signSet := false
	switch {
	case p.sign.isConst:
		r.sign, signSet = p.sign.value, true
	case p.signCol >= 0:
		if v := p.vr.get(fields, p.signCol); v != nil {
			s, ok := p.sign.values[strings.ToLower(string(v))]
			if !ok {
				if s, err = parseSign(string(v)); err != nil {
					im.bad(line, p.col(p.signCol), "%v", err)
					return
				}
			}
			r.sign, signSet = s, true
		}
	}
	switch {
	case p.cert.isConst:
		r.cert = p.cert.value
	case p.certCol >= 0:
		if v := p.vr.get(fields, p.certCol); v != nil {
			c, ok := p.cert.values[strings.ToLower(string(v))]
			if !ok {
				if c, err = graph.ParseCertainty(string(v)); err != nil {
					im.bad(line, p.col(p.certCol), "%v", err)
					return
				}
			}
			r.cert = c
		}
	}
	// Ends and route. New actors are made only once the whole row is known to be good.
	p.pending, p.pendingAt = p.pending[:0], nil
	from, ok := im.end(p, line, fields, p.from, "from")
	if !ok {
		return
	}
	to, ok := im.end(p, line, fields, p.to, "to")
	if !ok {
		return
	}
	p.path = append(p.path[:0], from)
	if p.via >= 0 {
		if v := p.vr.get(fields, p.via); v != nil {
			for _, part := range bytes.Split(v, []byte(p.viaSep)) {
				part = bytes.TrimSpace(part)
				if p.vr.isMissing(part) {
					continue
				}
				a := im.reg.find(part)
				if a < 0 {
					if !p.canCreate {
						im.bad(line, p.col(p.via), "unknown actor %q: no actor table has it as a key or name", part)
						return
					}
					a = p.postpone(part)
				}
				if a != from && a != to && a != p.path[len(p.path)-1] {
					p.path = append(p.path, a)
				}
			}
		}
	}
	if to != p.path[len(p.path)-1] || len(p.path) == 1 {
		p.path = append(p.path, to)
	}
	if len(p.pending) > 0 {
		made := make([]int32, len(p.pending))
		for i, v := range p.pending {
			made[i] = im.reg.create(v, p.actorKind)
		}
		for i, a := range p.path {
			if a < 0 {
				p.path[i] = made[-1-a]
			}
		}
	}
	if len(p.attrs) > 0 {
		var m map[string]string
		for _, a := range p.attrs {
			if v := p.vr.get(fields, a.col); v != nil {
				if m == nil {
					m = make(map[string]string, len(p.attrs))
				}
				m[a.name] = string(v)
			}
		}
		if m != nil {
			r.attrs = int32(len(im.ds.attrs))
			im.ds.attrs = append(im.ds.attrs, m)
		}
	}
	for j := 1; j < len(p.path); j++ {
		a, b := p.path[j-1], p.path[j]
		if a == b {
			im.ds.Stats.SelfLinks++
			continue
		}
		for _, k := range p.kinds {
			x := r
			x.from, x.to, x.kind = a, b, k
			if !signSet {
				x.sign = im.ds.linkKinds[k].Sign
			}
			im.recs = append(im.recs, x)
		}
		im.use(a)
		im.use(b)
	}
}

// indicator reads an indicator value: 0 and 1 without allocating, else as parseBool.
func indicator(v []byte) (bool, error) {
	switch {
	case len(v) == 0:
		return false, nil
	case len(v) == 1 && v[0] == '0':
		return false, nil
	case len(v) == 1 && v[0] == '1':
		return true, nil
	}
	return parseBool(string(v))
}

// col returns the name of a column, for messages.
func (p *linkPlan) col(col int) string {
	if col >= 0 && col < len(p.header) {
		return p.header[col]
	}
	return ""
}

func (im *importer) use(a int32) { im.reg.list[a].lookup = false }

// end resolves a link end from its columns: the first value that names a known actor, else (when new
// actors may be made) the first value present, as a deferred new actor (see linkPlan.postpone).
func (im *importer) end(p *linkPlan, line int, fields [][]byte, cols []int, field string) (int32, bool) {
	var first []byte
	firstCol := cols[0]
	for _, c := range cols {
		v := p.vr.get(fields, c)
		if v == nil {
			continue
		}
		if a := im.reg.find(v); a >= 0 {
			return a, true
		}
		if first == nil {
			first, firstCol = v, c
		}
	}
	switch {
	case first == nil:
		im.bad(line, p.col(cols[0]), "missing %s actor", field)
		return -1, false
	case !p.canCreate:
		im.bad(line, p.col(firstCol), "unknown actor %q: no actor table has it as a key or name", first)
		return -1, false
	}
	return p.postpone(first), true
}

// postpone notes a value that names a new actor and returns its placeholder, -1-i for the i-th distinct
// value of the row. O(1) amortised: a row's first values are compared one by one, later ones found
// through a map, so that a route through 100,000 new places is read in linear time.
func (p *linkPlan) postpone(v []byte) int32 {
	if p.pendingAt != nil {
		if i, ok := p.pendingAt[string(v)]; ok {
			return int32(-1 - i)
		}
	} else {
		for i, x := range p.pending {
			if bytes.Equal(x, v) {
				return int32(-1 - i)
			}
		}
	}
	p.pending = append(p.pending, v)
	switch n := len(p.pending); {
	case p.pendingAt != nil:
		p.pendingAt[string(v)] = int32(n - 1)
	case n > pendingScan:
		p.pendingAt = make(map[string]int32, 2*n)
		for i, x := range p.pending {
			p.pendingAt[string(x)] = int32(i)
		}
	}
	return int32(-len(p.pending))
}
