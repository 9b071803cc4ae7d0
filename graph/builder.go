package graph

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Problem is one thing wrong with what was given to a Builder. Section and Index say which item
// (the Index-th call of AddActor, AddLink or AddDocument), Field which of its fields, so that a loader
// can report the problem at the item's position in its file.
type Problem struct {
	// Section is "actors", "links" or "sources".
	Section string
	// Index is the item's number within its section, in the order it was added.
	Index int
	// Field names the offending field ("from", "route", "sources[1].doc"…); empty for the whole item.
	Field string
	// Message says what is wrong, with a hint where one helps.
	Message string
	// Other, when set, is another item the problem involves (the first holder of a duplicate id).
	Other *Ref
}

// Ref names an item given to a Builder: the Index-th item of a section.
type Ref struct {
	Section string
	Index   int
}

// String formats r as "links[3]".
func (r Ref) String() string { return fmt.Sprintf("%s[%d]", r.Section, r.Index) }

// Error implements error.
func (p *Problem) Error() string {
	msg := p.Message
	if p.Other != nil {
		msg += " (the other is " + p.Other.String() + ")"
	}
	if p.Field == "" {
		return fmt.Sprintf("%s[%d]: %s", p.Section, p.Index, msg)
	}
	return fmt.Sprintf("%s[%d].%s: %s", p.Section, p.Index, p.Field, msg)
}

// Problems is the error a Builder returns: every problem found, in input order.
type Problems []*Problem

// Error implements error: one problem per line.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// maxHints bounds how many "did you mean" searches a build runs, so that a huge broken input fails fast.
const maxHints = 100

// pendingLink is a link whose endpoints were not yet known when it was added.
type pendingLink struct {
	index    int // in the links section
	from, to string
}

// Builder assembles a Graph. Add documents, actors and links in any order, then call Build once.
// Links may name actors that are added later. A Builder is not safe for concurrent use.
type Builder struct {
	u        *universe
	links    []linkRec
	pending  map[int32]pendingLink // by position in links
	problems Problems
	nActors  int
	nLinks   int
	nDocs    int
	hints    int
	built    bool

	linkIndex  []int32 // input index of each stored link
	actorIndex []int32 // input index of each stored actor
	order      []int32 // the actors' numbers in id order, once Build has computed it
}

// NewBuilder returns a Builder using kinds (which it clones; nil means the built-in kinds).
func NewBuilder(kinds *Kinds) *Builder {
	if kinds == nil {
		kinds = NewKinds()
	} else {
		kinds = kinds.Clone()
	}
	return &Builder{
		u:       &universe{kinds: kinds, byID: map[string]int32{}, docIdx: map[string]int{}},
		pending: map[int32]pendingLink{},
	}
}

// Grow reserves room for n more links.
func (b *Builder) Grow(n int) {
	b.links = slices.Grow(b.links, n)
	b.linkIndex = slices.Grow(b.linkIndex, n)
}

// GrowActors reserves room for n more actors.
func (b *Builder) GrowActors(n int) {
	b.u.actors = slices.Grow(b.u.actors, n)
	b.actorIndex = slices.Grow(b.actorIndex, n)
	if len(b.u.byID) == 0 {
		b.u.byID = make(map[string]int32, n)
	}
}

func (b *Builder) problem(section string, index int, field, format string, args ...any) {
	b.problems = append(b.problems, &Problem{Section: section, Index: index, Field: field, Message: fmt.Sprintf(format, args...)})
}

// hint returns ` (did you mean "x"?)` for the candidate closest to word, or "".
func (b *Builder) hint(word string, candidates func(yield func(string) bool)) string {
	if b.hints >= maxHints {
		return ""
	}
	b.hints++
	if s := Suggest(word, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

func (b *Builder) actorIDs(yield func(string) bool) {
	for _, a := range b.u.actors {
		if !yield(a.ID) {
			return
		}
	}
}

func (b *Builder) docIDs(yield func(string) bool) {
	for _, d := range b.u.docs {
		if !yield(d.ID) {
			return
		}
	}
}

// AddDocument adds a source document.
func (b *Builder) AddDocument(d Document) {
	idx := b.nDocs
	b.nDocs++
	switch {
	case !IsSlug(d.ID):
		b.problem("sources", idx, "id", "document id %q is not a lowercase slug (letters, digits, '-')", d.ID)
		return
	}
	if _, dup := b.u.docIdx[d.ID]; dup {
		b.problem("sources", idx, "id", "duplicate document id %q", d.ID)
		return
	}
	b.u.docIdx[d.ID] = len(b.u.docs)
	b.u.docs = append(b.u.docs, d)
}

// AddActor adds an actor. The actor's `in`, `stands_for` and route are checked by Build, once every
// actor is known.
func (b *Builder) AddActor(a Actor) {
	idx := b.nActors
	b.nActors++
	if !IsSlug(a.ID) {
		b.problem("actors", idx, "id", "actor id %q is not a lowercase slug (letters, digits, '-')", a.ID)
		return
	}
	if _, dup := b.u.byID[a.ID]; dup {
		b.problem("actors", idx, "id", "duplicate actor id %q", a.ID)
		return
	}
	if !b.u.kinds.HasActor(a.Kind) {
		b.problem("actors", idx, "kind", "unknown actor kind %q%s", a.Kind, b.hint(a.Kind, slices.Values(b.u.kinds.ActorKindNames())))
	}
	if a.Name == "" {
		a.Name = a.ID
	}
	if a.Start != 0 && a.End != 0 && a.End.Hi() < a.Start.Lo() {
		b.problem("actors", idx, "end", "end %s is before start %s", a.End, a.Start)
	}
	a.Aliases = slices.Clone(a.Aliases)
	a.Route = slices.Clone(a.Route)
	a.Attrs = maps.Clone(a.Attrs)
	a.Sources = slices.Clone(a.Sources)
	b.checkSources("actors", idx, a.Sources)
	b.u.byID[a.ID] = int32(len(b.u.actors))
	b.u.actors = append(b.u.actors, a)
	b.actorIndex = append(b.actorIndex, int32(idx))
}

func (b *Builder) checkSources(section string, idx int, srcs []Source) {
	for j, s := range srcs {
		if s.Para < 0 {
			b.problem(section, idx, fmt.Sprintf("sources[%d].para", j), "paragraph %d is negative", s.Para)
		}
	}
}

// ActorNumber returns the number of the actor with the given id within the Builder (actors are
// numbered in the order they were added), for AddLinkBetween. The built graph numbers actors in id
// order instead.
func (b *Builder) ActorNumber(id string) (int32, bool) {
	i, ok := b.u.byID[id]
	return i, ok
}

// AddLink adds a link. Its Directed field is ignored (the kind decides). Its Weight is kept as given,
// 0 included; a negative, infinite or NaN weight is a problem (see Link.Weight and DefaultWeight).
func (b *Builder) AddLink(l *Link) {
	fi, fok := b.u.byID[l.From]
	ti, tok := b.u.byID[l.To]
	if !fok || !tok {
		fi, ti = -1, -1
	}
	b.addLink(l, fi, ti)
}

// AddLinkBetween adds a link between two actors given by their numbers (see ActorNumber), sparing bulk
// loaders two look-ups by id per link; l.From and l.To are not read. Otherwise it is AddLink.
func (b *Builder) AddLinkBetween(from, to int32, l *Link) {
	if from < 0 || to < 0 || int(from) >= len(b.u.actors) || int(to) >= len(b.u.actors) {
		b.problem("links", b.nLinks, "from", "actor number out of range (%d, %d)", from, to)
		b.nLinks++
		return
	}
	b.addLink(l, from, to)
}

// addLink adds l between actors fi and ti, or, with fi < 0, between the actors named by l.From and
// l.To once they are known.
func (b *Builder) addLink(l *Link, fi, ti int32) {
	idx := b.nLinks
	b.nLinks++
	ki, ok := b.u.kinds.linkIdx[l.Kind]
	if !ok {
		b.problem("links", idx, "kind", "unknown link kind %q%s", l.Kind, b.hint(l.Kind, slices.Values(b.u.kinds.LinkKindNames())))
		return
	}
	if l.Sign < -1 || l.Sign > 1 {
		b.problem("links", idx, "sign", "sign %d is not -1, 0 or 1", l.Sign)
	}
	if l.Certainty > Planned {
		b.problem("links", idx, "certainty", "unknown certainty %d", l.Certainty)
	}
	r := linkRec{kind: ki, sign: l.Sign, weight: l.Weight, extra: -1, flags: uint8(l.Certainty) & certMask, from: -1, to: -1}
	switch {
	case math.IsNaN(l.Weight) || math.IsInf(l.Weight, 0):
		b.problem("links", idx, "weight", "weight %v is not a finite number", l.Weight)
	case l.Weight < 0:
		b.problem("links", idx, "weight", "weight %v is negative", l.Weight)
	}
	switch {
	case l.On != 0 && (l.Start != 0 || l.End != 0):
		b.problem("links", idx, "on", "a link has either on (an event) or start/end (a lasting link), not both")
	case l.On != 0:
		r.start, r.flags = l.On, r.flags|flagEvent
	default:
		r.start, r.end = l.Start, l.End
		if l.Start != 0 && l.End != 0 && l.End.Hi() < l.Start.Lo() {
			b.problem("links", idx, "end", "end %s is before start %s", l.End, l.Start)
		}
	}
	if l.ID != "" && !isLinkID(l.ID) {
		b.problem("links", idx, "id", "link id %q: want lowercase letters, digits, '-', '_' or '.'", l.ID)
	}
	roles := b.checkRoles(idx, l.Roles)
	if l.ID != "" || len(l.Attrs) > 0 || len(l.Sources) > 0 || len(roles) > 0 {
		r.extra = int32(len(b.u.extras))
		b.u.extras = append(b.u.extras, linkExtra{id: l.ID, attrs: maps.Clone(l.Attrs), sources: slices.Clone(l.Sources), roles: roles})
		b.checkSources("links", idx, l.Sources)
	}
	if fi >= 0 {
		r.from, r.to = fi, ti
		if fi == ti {
			b.problem("links", idx, "to", "link from %q to itself", b.u.actors[fi].ID)
		}
	} else {
		b.pending[int32(len(b.links))] = pendingLink{index: idx, from: l.From, to: l.To}
	}
	b.links = append(b.links, r)
	b.linkIndex = append(b.linkIndex, int32(idx))
}

// checkRoles checks the role names of link idx and returns the roles to keep: a copy, without those
// of an unknown role or repeated. Whether the actors exist is checked by Build, once every actor is
// known.
func (b *Builder) checkRoles(idx int, roles []Role) []Role {
	if len(roles) == 0 {
		return nil
	}
	out := make([]Role, 0, len(roles))
	for _, ro := range roles {
		field := "roles." + ro.Name
		switch {
		case !b.u.kinds.HasRole(ro.Name):
			b.problem("links", idx, field, "unknown role %q%s", ro.Name, b.hint(ro.Name, slices.Values(b.u.kinds.RoleKindNames())))
			continue
		case !IsSlug(ro.Actor):
			b.problem("links", idx, field, "actor id %q is not a lowercase slug (letters, digits, '-')", ro.Actor)
			continue
		case slices.Contains(out, ro):
			b.problem("links", idx, field, "%s %q is given twice", ro.Name, ro.Actor)
			continue
		}
		out = append(out, ro)
	}
	return slices.Clip(out)
}
