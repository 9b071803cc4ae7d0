package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// actorEntry is an actor known to the import.
type actorEntry struct {
	a      graph.Actor
	lookup bool // from a lookup-only table and not (yet) referred to
}

// registry holds the actors and the ways link ends find them.
type registry struct {
	list   []actorEntry
	byID   map[string]int32
	byKey  map[string]int32   // keys of actor tables
	byName map[string]int32   // normalised names
	cache  map[string]int32   // raw link-end values already resolved (-1: not known)
	short  map[shortKey]int32 // the same for values of up to 23 bytes
}

// uniqueID returns base, or base-<key>, or base-<key>-2…, whichever is free.
func (r *registry) uniqueID(base, key string) string {
	if base == "" {
		base = "actor"
		if k := slug(key); k != "" {
			base = "actor-" + k
		}
	}
	if _, taken := r.byID[base]; !taken {
		return base
	}
	if k := slug(key); k != "" && k != base {
		base = base + "-" + k
		if _, taken := r.byID[base]; !taken {
			return base
		}
	}
	for n := 2; ; n++ {
		id := fmt.Sprintf("%s-%d", base, n)
		if _, taken := r.byID[id]; !taken {
			return id
		}
	}
}

func (r *registry) add(a graph.Actor, lookup bool) int32 {
	i := int32(len(r.list))
	r.list = append(r.list, actorEntry{a: a, lookup: lookup})
	r.byID[a.ID] = i
	r.addName(a.Name, i)
	return i
}

// addName lets link ends find actor i by name; the first actor to claim a name keeps it.
func (r *registry) addName(name string, i int32) {
	if n := normName(name); n != "" {
		if _, ok := r.byName[n]; !ok {
			r.byName[n] = i
		}
	}
}

// shortKey holds a value of up to 23 bytes inline, so that looking it up compares no pointers: with a
// hundred thousand actors the cache map is mostly memory misses, and inline keys halve them.
type shortKey struct {
	n uint8
	b [23]byte
}

func makeShortKey(v []byte) (shortKey, bool) {
	var k shortKey
	if len(v) > len(k.b) {
		return k, false
	}
	k.n = uint8(len(v))
	copy(k.b[:], v)
	return k, true
}

// find resolves a link-end value by table key, then by name; -1 when unknown.
func (r *registry) find(v []byte) int32 {
	sk, short := makeShortKey(v)
	if short {
		if i, ok := r.short[sk]; ok {
			return i
		}
	} else if i, ok := r.cache[string(v)]; ok {
		return i
	}
	s := string(v)
	i, ok := r.byKey[s]
	if !ok {
		if i, ok = r.byName[normName(s)]; !ok {
			i = -1
		}
	}
	r.remember(v, i)
	return i
}

func (r *registry) remember(v []byte, i int32) {
	if sk, ok := makeShortKey(v); ok {
		r.short[sk] = i
	} else {
		r.cache[string(v)] = i
	}
}

// create makes a new actor named by a link-end value.
func (r *registry) create(v []byte, kind string) int32 {
	s := string(v)
	i := r.add(graph.Actor{ID: r.uniqueID(slug(s), s), Name: s, Kind: kind}, false)
	r.remember(v, i)
	return i
}

// tableActor collects the rows of one key of an actor table.
type tableActor struct {
	key   string
	names []string       // distinct, in the order first seen
	last  []int          // the line each name was last seen on, parallel to names
	index map[string]int // the position of each name in names, once there are more than pendingScan
	kind  string
	attrs map[string]string
	line  int
}

// see notes that the key's row at line gives name. O(1) amortised.
func (t *tableActor) see(name string, line int) {
	i := -1
	if t.index != nil {
		if j, ok := t.index[name]; ok {
			i = j
		}
	} else if j := slices.Index(t.names, name); j >= 0 {
		i = j
	}
	if i >= 0 {
		t.last[i] = line
		return
	}
	t.names, t.last = append(t.names, name), append(t.last, line)
	switch n := len(t.names); {
	case t.index != nil:
		t.index[name] = n - 1
	case n > pendingScan:
		t.index = make(map[string]int, 2*n)
		for j, x := range t.names {
			t.index[x] = j
		}
	}
}

// ordered returns the key's distinct names in the order they were last seen: the last is the name of
// the actor, the others its aliases. O(n log n) for n names.
func (t *tableActor) ordered() []string {
	if slices.IsSorted(t.last) {
		return t.names
	}
	order := make([]int, len(t.names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return t.last[x] - t.last[y] })
	names := make([]string, len(order))
	for i, j := range order {
		names[i] = t.names[j]
	}
	return names
}

// addAliases adds to a the names it does not have yet, and returns those. O(len(a.Aliases)+len(names))
// map operations once the lists are long.
func addAliases(a *graph.Actor, names []string) []string {
	var added []string
	if len(names) <= pendingScan && len(a.Aliases) <= pendingScan {
		for _, n := range names {
			if n != a.Name && !slices.Contains(a.Aliases, n) {
				a.Aliases = append(a.Aliases, n)
				added = append(added, n)
			}
		}
		return added
	}
	have := make(map[string]bool, len(a.Aliases)+len(names)+1)
	have[a.Name] = true
	for _, n := range a.Aliases {
		have[n] = true
	}
	for _, n := range names {
		if !have[n] {
			have[n] = true
			a.Aliases = append(a.Aliases, n)
			added = append(added, n)
		}
	}
	return added
}

func (im *importer) readActors(spec *ActorSpec) error {
	in, err := im.open(&spec.Source)
	if err != nil {
		return err
	}
	defer in.close()
	vr := newValueReader(&spec.Source)
	where, err := im.compileWhere(in, &spec.Source)
	if err != nil {
		return err
	}
	keyCol, err := in.column(spec.ID, "id")
	if err != nil {
		return err
	}
	nameCol, kindCol := -1, -1
	if spec.Name != "" {
		if nameCol, err = in.column(spec.Name, "name"); err != nil {
			return err
		}
	}
	if spec.KindCol != "" {
		if kindCol, err = in.column(spec.KindCol, "kind_col"); err != nil {
			return err
		}
	}
	attrs, err := compileAttrs(in, spec.Attrs)
	if err != nil {
		return err
	}
	keyAttr := in.header[keyCol]
	if isActorColumn(keyAttr) {
		keyAttr = "key"
	}
	for _, a := range attrs {
		if isActorColumn(a.name) {
			return mappingErr(spec.File, "attribute %q has the name of an actors.csv column; rename it (COL=other)", a.name)
		}
	}
	byKey := map[string]*tableActor{}
	var order []*tableActor
	err = im.rows(in, func(line int, fields [][]byte) {
		if !keep(where, fields) {
			im.ds.Stats.Filtered++
			return
		}
		key := vr.get(fields, keyCol)
		if key == nil {
			im.bad(line, in.header[keyCol], "missing key")
			return
		}
		name := string(key)
		if nameCol >= 0 {
			if v := vr.get(fields, nameCol); v != nil {
				name = string(v)
			}
		}
		kind := spec.Kind
		if kind == "" {
			kind = "country"
		}
		if kindCol >= 0 {
			v := vr.get(fields, kindCol)
			if v == nil {
				im.bad(line, in.header[kindCol], "missing actor kind")
				return
			}
			kind = strings.ToLower(string(v))
			if !im.kinds.HasActor(kind) {
				im.bad(line, in.header[kindCol], "unknown actor kind %q%s", kind, hint(kind, im.kinds.ActorKindNames()))
				return
			}
		}
		t := byKey[string(key)]
		if t == nil {
			t = &tableActor{key: string(key), kind: kind, line: line, attrs: map[string]string{keyAttr: string(key)}}
			byKey[t.key] = t
			order = append(order, t)
		}
		t.see(name, line)
		for _, a := range attrs {
			if v := vr.get(fields, a.col); v != nil {
				t.attrs[a.name] = string(v)
			}
		}
	})
	if err != nil {
		return err
	}
	for _, t := range order {
		if i, ok := im.reg.byKey[t.key]; ok {
			// An earlier table knows the key: the same actor, and its names here are aliases.
			e := &im.reg.list[i]
			if !spec.Lookup {
				e.lookup = false
			}
			for _, n := range addAliases(&e.a, t.ordered()) {
				im.reg.addName(n, i)
			}
			continue
		}
		names := t.ordered()
		name := names[len(names)-1]
		base := slug(name)
		if nameCol < 0 {
			base = slug(t.key)
		}
		a := graph.Actor{ID: im.reg.uniqueID(base, t.key), Name: name, Kind: t.kind, Attrs: t.attrs}
		if len(names) > 1 {
			a.Aliases = slices.Clone(names[:len(names)-1])
		}
		i := im.reg.add(a, spec.Lookup)
		im.reg.byKey[t.key] = i
		for _, alias := range a.Aliases {
			im.reg.addName(alias, i)
		}
	}
	return nil
}
