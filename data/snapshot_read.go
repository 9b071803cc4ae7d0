package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
)

// ReadSnapshotHeader reads the header of a snapshot file without reading the rest. A file that is not
// a snapshot gives an error wrapping ErrNotSnapshot.
func ReadSnapshotHeader(fsys fs.FS, file string) (SnapshotHeader, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return SnapshotHeader{}, err
	}
	defer f.Close()
	// The header is small and comes first; a snapshot with a header longer than this is not canonical.
	src, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return SnapshotHeader{}, fmt.Errorf("reading %s: %w", file, err)
	}
	p := &snapParser{sc: newScanner(src, 0)}
	p.top(true)
	if p.sc.Err != nil {
		pr := p.sc.problem(file)
		if p.sc.Err.Foreign {
			return SnapshotHeader{}, foreignError{pr}
		}
		return SnapshotHeader{}, pr
	}
	return p.header, nil
}

// foreignError is the problem of a file that is not a snapshot; it wraps ErrNotSnapshot.
type foreignError struct{ Problem }

func (e foreignError) Unwrap() error { return ErrNotSnapshot }

// snapshotFile is a parsed snapshot: what it contributes to a dataset, with the byte offset of every
// item so that problems can be placed.
type snapshotFile struct {
	label      string
	filters    []graph.Filter // the header's, applied again by narrow
	src        []byte
	lines      lineIndex // positions of problems in src
	linkKinds  []graph.LinkKind
	actorKinds []graph.ActorKind
	roleKinds  []graph.RoleKind
	kindOff    []int
	docs       []graph.Document
	docOff     []int
	actors     []graph.Actor
	actorOff   []int
	links      []graph.Link
	linkOff    []int
}

// readSnapshot loads a snapshot JSON file written by `relgraph snapshot`.
func readSnapshot(fsys fs.FS, file, label string) (part, Problems, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", label, err)
	}
	sf, ps := parseSnapshot(label, src)
	if len(ps) > 0 {
		return nil, ps, nil
	}
	return sf, nil, nil
}

// parseSnapshot parses a snapshot file. A problem stops the parse: JSON has no reliable point at which
// to resume. It never panics on any input.
func parseSnapshot(label string, src []byte) (*snapshotFile, Problems) {
	p := &snapParser{sc: newScanner(src, 0), out: &snapshotFile{label: label, src: src, lines: lineIndex{src: src}}, intern: map[string]string{}}
	// Items are one per line in a canonical file: the line count bounds the number of links.
	if lines := bytes.Count(src, []byte{'\n'}); lines > 1000 {
		p.out.links = make([]graph.Link, 0, lines)
		p.out.linkOff = make([]int, 0, lines)
	}
	p.top(false)
	if p.sc.Err != nil {
		return nil, Problems{p.sc.problem(label)}
	}
	p.out.filters = p.header.Filters
	return p.out, nil
}

// narrow implements narrower: it applies the header's filters again to the graph built from the
// snapshot alone, dropping the derived links and the actors those filters had left out.
func (sf *snapshotFile) narrow(g *graph.Graph) (*graph.Graph, error) {
	for _, f := range sf.filters {
		var err error
		if g, err = g.Filter(f); err != nil {
			return nil, fmt.Errorf("%s: filter of the header: %w", sf.label, err)
		}
	}
	return g, nil
}

// snapParser reads the snapshot layout on top of a scanner.
type snapParser struct {
	sc     scanner
	out    *snapshotFile
	header SnapshotHeader
	// intern shares one string between the many links that name the same actor or kind; last holds
	// the kind, from and to of the previous link.
	intern map[string]string
	last   [3]string
}

// top reads the top-level object. With headerOnly it stops after the header fields.
func (p *snapParser) top(headerOnly bool) {
	sc := &p.sc
	sc.WS()
	if sc.I == len(sc.Src) {
		sc.notSnapshot(0, "empty file: %v", ErrNotSnapshot)
		return
	}
	if sc.Src[sc.I] != '{' {
		sc.notSnapshot(sc.I, "%v: a snapshot is a JSON object starting with \"format\": %q", ErrNotSnapshot, SnapshotFormat)
		return
	}
	n := 0
	seen := map[string]bool{}
	sc.Object("an object", func(k []byte, keyOff int) bool {
		key := string(k)
		n++
		switch {
		case n == 1 && key != "format":
			sc.notSnapshot(keyOff, "%v: its first field is %q, not \"format\"", ErrNotSnapshot, key)
			return false
		case n == 2 && key != "version":
			sc.Fail(keyOff, "snapshot: want \"version\" after \"format\", found %q", key)
			return false
		case seen[key]:
			sc.Fail(keyOff, "duplicate field %q", key)
			return false
		}
		seen[key] = true
		switch key {
		case "format":
			off := sc.I
			if f := sc.Str(); sc.Err == nil && f != SnapshotFormat {
				sc.notSnapshot(off, "%v: format is %q, not %q", ErrNotSnapshot, f, SnapshotFormat)
			}
		case "version":
			off := sc.I
			if v := sc.Integer(); sc.Err == nil && v != SnapshotVersion {
				sc.Fail(off, "snapshot version %d is not supported (this relgraph reads version %d)", v, SnapshotVersion)
			}
		case "tool":
			p.header.Tool = sc.Str()
		case "datasets":
			p.header.Datasets = sc.Strings()
		case "filter":
			sc.Array(func(int) { p.header.Filters = append(p.header.Filters, p.filter()) })
		case "kinds", "documents", "actors", "links":
			if headerOnly {
				return false
			}
			switch key {
			case "kinds":
				p.kinds()
			case "documents":
				sc.Array(func(int) { p.document() })
			case "actors":
				sc.Array(func(int) { p.actor() })
			case "links":
				sc.Array(func(int) { p.link() })
			}
		default:
			sc.Unknown(keyOff, "a snapshot", key, "format", "version", "tool", "datasets", "filter", "kinds", "documents", "actors", "links")
		}
		return sc.Err == nil
	})
	if sc.Err != nil || headerOnly {
		return
	}
	if n == 0 {
		sc.notSnapshot(0, "%v: it has no \"format\" field", ErrNotSnapshot)
		return
	}
	if n < 2 {
		sc.Fail(sc.I-1, "snapshot: missing \"version\"")
		return
	}
	sc.WS()
	if sc.I < len(sc.Src) {
		sc.Fail(sc.I, "unexpected data after the end of the snapshot")
	}
}

func (p *snapParser) filter() graph.Filter {
	var f graph.Filter
	p.sc.Fields("a filter", []string{"at", "since", "until", "kinds", "exclude_kinds", "level"}, func(key string) {
		switch key {
		case "at":
			f.At = p.sc.date()
		case "since":
			f.Since = p.sc.date()
		case "until":
			f.Until = p.sc.date()
		case "kinds":
			f.Kinds = p.sc.Strings()
		case "exclude_kinds":
			f.ExcludeKinds = p.sc.Strings()
		case "level":
			f.Level = p.sc.Str()
		}
	})
	return f
}

func (p *snapParser) kinds() {
	sc := &p.sc
	sc.Fields("kinds", []string{"links", "actors", "roles"}, func(key string) {
		sc.Array(func(int) {
			off := sc.I
			at := map[string]int{} // where each field's value starts, for problems
			if key == "roles" {
				var rk graph.RoleKind
				sc.Fields("a role", []string{"id", "meaning"}, func(key string) {
					at[key] = sc.I
					if key == "id" {
						rk.ID = sc.Str()
					} else {
						rk.Meaning = sc.Str()
					}
				})
				p.checkKind(off, at, rk.Check())
				p.out.roleKinds = append(p.out.roleKinds, rk)
				return
			}
			if key == "actors" {
				var ak graph.ActorKind
				sc.Fields("an actor kind", []string{"id", "meaning"}, func(key string) {
					at[key] = sc.I
					if key == "id" {
						ak.ID = sc.Str()
					} else {
						ak.Meaning = sc.Str()
					}
				})
				p.checkKind(off, at, ak.Check())
				p.out.actorKinds = append(p.out.actorKinds, ak)
				return
			}
			var lk graph.LinkKind
			sc.Fields("a link kind", []string{"id", "directed", "sign", "color", "style", "meaning", "transport"}, func(key string) {
				at[key] = sc.I
				switch key {
				case "id":
					lk.ID = sc.Str()
				case "directed":
					lk.Directed = sc.Boolean()
				case "sign":
					lk.Sign = sc.sign()
				case "color":
					lk.Color = sc.Str()
				case "style":
					lk.Style = sc.Str()
				case "meaning":
					lk.Meaning = sc.Str()
				case "transport":
					lk.Transport = sc.Boolean()
				}
			})
			p.checkKind(off, at, lk.Check())
			p.out.linkKinds = append(p.out.linkKinds, lk)
			p.out.kindOff = append(p.out.kindOff, off)
		})
	})
}

// checkKind turns the error of a kind declaration's check into the scanner's problem, at the field at
// fault (at holds the offsets of the fields read) or else at the declaration (off).
func (p *snapParser) checkKind(off int, at map[string]int, err error) {
	var ke *graph.KindError
	if p.sc.Err != nil || !errors.As(err, &ke) {
		return
	}
	if o, ok := at[ke.Field]; ok {
		off = o
	}
	p.sc.Fail(off, "%s", ke.Message)
}

func (p *snapParser) document() {
	sc := &p.sc
	off := sc.I
	var d graph.Document
	has := sc.Fields("a document", []string{"id", "title", "author", "publisher", "date", "file", "url"}, func(key string) {
		switch key {
		case "id":
			d.ID = sc.Str()
		case "title":
			d.Title = sc.Str()
		case "author":
			d.Author = sc.Str()
		case "publisher":
			d.Publisher = sc.Str()
		case "date":
			d.Date = sc.date()
		case "file":
			d.File = sc.Str()
		case "url":
			d.URL = sc.Str()
		}
	})
	if sc.Err == nil && !has.Has("id") {
		sc.Fail(off, "a document needs \"id\"")
	}
	p.out.docs = append(p.out.docs, d)
	p.out.docOff = append(p.out.docOff, off)
}

func (p *snapParser) actor() {
	sc := &p.sc
	off := sc.I
	var a graph.Actor
	has := sc.Fields("an actor", snapActorFields, func(key string) {
		switch key {
		case "id":
			a.ID = p.interned(sc.StrBytes())
		case "name":
			a.Name = sc.Str()
		case "kind":
			a.Kind = p.interned(sc.StrBytes())
		case "aliases":
			a.Aliases = sc.Strings()
		case "in":
			a.In = sc.Str()
		case "stands_for":
			a.StandsFor = sc.Str()
		case "start":
			a.Start = sc.date()
		case "end":
			a.End = sc.date()
		case "route":
			a.Route = sc.Strings()
		case "route_kind":
			a.RouteKind = sc.Str()
		case "certainty":
			a.Certainty = sc.certainty()
		case "attrs":
			a.Attrs = sc.Attrs()
		case "sources":
			a.Sources = sc.sources()
		}
	})
	switch {
	case sc.Err != nil:
	case !has.Has("id"):
		sc.Fail(off, "an actor needs \"id\"")
	case !has.Has("kind"):
		sc.Fail(off, "actor %q needs \"kind\"", a.ID)
	}
	p.out.actors = append(p.out.actors, a)
	p.out.actorOff = append(p.out.actorOff, off)
}

// snapActorFields and snapLinkFields are the keys of a snapshot's actors and links in the order
// WriteSnapshot writes them, from the schema in package native.
var (
	snapActorFields = native.ActorNames(native.Snapshot)
	snapLinkFields  = native.LinkNames(native.Snapshot)
)

// canonicalLinkSeps are what precedes each field of a link as WriteSnapshot writes it: `{"id": `,
// `, "kind": `…
var canonicalLinkSeps = func() [][]byte {
	seps := make([][]byte, len(snapLinkFields))
	for i, f := range snapLinkFields {
		sep := `, "`
		if i == 0 {
			sep = `{"`
		}
		seps[i] = []byte(sep + f + `": `)
	}
	return seps
}()

func (p *snapParser) link() {
	sc := &p.sc
	sc.WS()
	off := sc.I
	l := graph.Link{Sign: signUnset, Weight: graph.DefaultWeight}
	if !p.canonicalLink(&l) && sc.Err == nil {
		// Not in the canonical layout (edited by hand, or written by another program): read it field
		// by field. A link without "weight" has the default weight; "weight": 0 is 0.
		sc.I = off
		l = graph.Link{Sign: signUnset, Weight: graph.DefaultWeight}
		has := sc.Fields("a link", snapLinkFields, func(key string) { p.linkField(&l, key) })
		if sc.Err == nil {
			for _, need := range []string{"id", "kind", "from", "to"} {
				if !has.Has(need) {
					sc.Fail(off, "a link needs %q", need)
					break
				}
			}
		}
	}
	p.out.links = append(p.out.links, l)
	p.out.linkOff = append(p.out.linkOff, off)
}

// canonicalLink reads a link in the layout WriteSnapshot writes: every field, in order, with its
// separators. This is most of a snapshot's bytes, and matching the layout is several times faster than
// reading keys. It returns false at the first difference (or problem).
func (p *snapParser) canonicalLink(l *graph.Link) bool {
	sc := &p.sc
	for i, sep := range canonicalLinkSeps {
		if !bytes.HasPrefix(sc.Src[sc.I:], sep) {
			return false
		}
		sc.I += len(sep)
		p.linkField(l, snapLinkFields[i])
		if sc.Err != nil {
			return false
		}
	}
	if sc.I < len(sc.Src) && sc.Src[sc.I] == '}' {
		sc.I++
		return true
	}
	return false
}

// linkField reads the value of one field of a link.
func (p *snapParser) linkField(l *graph.Link, key string) {
	sc := &p.sc
	switch key {
	case "id":
		l.ID = sc.Str()
	case "kind":
		l.Kind = p.internedAs(sc.StrBytes(), &p.last[0])
	case "from":
		l.From = p.internedAs(sc.StrBytes(), &p.last[1])
	case "to":
		l.To = p.internedAs(sc.StrBytes(), &p.last[2])
	case "directed":
		sc.Boolean() // the kind decides; written for readers of the file
	case "sign":
		l.Sign = sc.sign()
	case "start":
		l.Start = sc.date()
	case "end":
		l.End = sc.date()
	case "on":
		l.On = sc.date()
	case "certainty":
		l.Certainty = sc.certainty()
	case "weight":
		l.Weight = sc.Number()
		if sc.Err == nil && l.Weight < 0 {
			sc.Fail(sc.I-1, "weight %v is negative", l.Weight)
		}
	case "roles":
		l.Roles = sc.roles()
	case "attrs":
		l.Attrs = sc.Attrs()
	case "sources":
		l.Sources = sc.sources()
	}
}

// internedAs is interned with a one-string cache: links come sorted by id, so consecutive links mostly
// share their kind and first actor.
func (p *snapParser) internedAs(b []byte, last *string) string {
	if string(b) == *last {
		return *last
	}
	*last = p.interned(b)
	return *last
}

// interned returns b as a string shared with earlier equal ones.
func (p *snapParser) interned(b []byte) string {
	if p.intern == nil {
		return string(b)
	}
	if s, ok := p.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	p.intern[s] = s
	return s
}

// declared implements part.
func (sf *snapshotFile) declared() declarations {
	pos := make([]Position, len(sf.kindOff))
	for i, off := range sf.kindOff {
		pos[i] = sf.position(off)
	}
	return declarations{links: sf.linkKinds, linkPos: pos, actors: sf.actorKinds, roles: sf.roleKinds}
}

// feed implements part. A link whose id is the one its kind, ends and date derive is added without an
// explicit id, so that it keeps deriving its id as it did in the graph the snapshot was taken from.
func (sf *snapshotFile) feed(b *graph.Builder, k *graph.Kinds) (int, int, int) {
	for _, d := range sf.docs {
		b.AddDocument(d)
	}
	for _, a := range sf.actors {
		b.AddActor(a)
	}
	b.Grow(len(sf.links))
	var buf []byte
	for i := range sf.links {
		l := &sf.links[i]
		lk, ok := k.Link(l.Kind)
		if l.Sign == signUnset {
			l.Sign = lk.Sign
		}
		if ok {
			buf = graph.AppendLinkID(buf[:0], l.Kind, l.From, l.To, lk.Directed, l.When())
			if string(buf) == l.ID {
				l.ID = ""
			}
		}
		b.AddLink(l)
	}
	return len(sf.docs), len(sf.actors), len(sf.links)
}

// locate implements part: it finds the item's field in the file again.
func (sf *snapshotFile) locate(section string, index int, field string) Position {
	var offs []int
	switch section {
	case "sources":
		offs = sf.docOff
	case "actors":
		offs = sf.actorOff
	default:
		offs = sf.linkOff
	}
	if index < 0 || index >= len(offs) {
		return Position{File: sf.label}
	}
	return sf.position(findField(sf.src, offs[index], field))
}

// position turns a byte offset into a file:line:col position.
func (sf *snapshotFile) position(off int) Position {
	line, col := sf.lines.at(off)
	return Position{File: sf.label, Line: line, Col: col}
}

// findField returns the offset of a field path ("sources[1].doc", "route[2]", "from") of the object at
// off, or off itself when the path cannot be followed.
func findField(src []byte, off int, field string) int {
	sc := newScanner(src, off)
	for field != "" && sc.Err == nil {
		var name string
		idx := -1
		if field[0] == '[' {
			end := strings.IndexByte(field, ']')
			if end < 0 {
				break
			}
			idx, _ = strconv.Atoi(field[1:end])
			field = strings.TrimPrefix(field[end+1:], ".")
		} else {
			end := strings.IndexAny(field, ".[")
			if end < 0 {
				end = len(field)
			}
			name, field = field[:end], strings.TrimPrefix(field[end:], ".")
		}
		found := -1
		sc.WS()
		at := sc.I
		if name != "" {
			sc.Object("an object", func(key []byte, _ int) bool {
				if string(key) == name {
					found = sc.I
					return false
				}
				sc.Skip(0)
				return sc.Err == nil
			})
		} else {
			sc.Array(func(i int) {
				if i == idx {
					found = sc.I
					sc.Stop()
					return
				}
				sc.Skip(0)
			})
		}
		if found < 0 {
			return at
		}
		off = found
		sc = newScanner(src, found)
	}
	return off
}
