package native

// Type says how a field's value is written as text and read back.
type Type uint8

// The field types.
const (
	// Text is a string kept as written (an actor's name).
	Text Type = iota
	// Ref is an id or a kind name; surrounding spaces are not part of it.
	Ref
	// List is a list of strings: items separated by '|', or a JSON list when an item could not
	// survive that.
	List
	// Date is a partial date: YYYY, YYYY-MM or YYYY-MM-DD.
	Date
	// Sign is -1, 0 or 1; empty takes the link kind's sign.
	Sign
	// Weight is a non-negative number; empty is graph.DefaultWeight.
	Weight
	// Certainty is a certainty name; empty is reported.
	Certainty
	// Sources is a JSON list of {"doc","para","note"} objects.
	Sources
	// Attrs is a JSON object of strings: the attributes no column of their own can carry.
	Attrs
	// Bool is true or false.
	Bool
	// Roles is a link's roles: role=actor items separated by '|' (host=ilham-aliyev|place=baku) in
	// CSV, a mapping from role to an actor or a list of actors in YAML, a list of {"role","actor"}
	// objects in snapshots.
	Roles
)

// Layout names one of the layouts of the native format, each of which lists the fields in its own
// order.
type Layout uint8

// The layouts.
const (
	// CSV is the column order of actors.csv and links.csv as they are written.
	CSV Layout = iota
	// YAML is the key order of a YAML dataset's actors and links.
	YAML
	// Snapshot is the key order of a snapshot file's actors and links.
	Snapshot
	numLayouts
)

// Field is one field of an actor or a link.
type Field struct {
	// Name is the field's CSV column and its key in YAML datasets and snapshots.
	Name string
	// Type says how its value is written and read.
	Type Type
	// Required fields must be present in every actors.csv or links.csv.
	Required bool
	// Imported fields are the columns an import writes; the others are left to hand-written datasets
	// and exports.
	Imported bool
	// at is the field's position in each layout plus one; 0 where the layout lacks it.
	at [numLayouts]int8
}

// In reports whether the field is part of layout l.
func (f Field) In(l Layout) bool { return f.at[l] > 0 }

// actorFields and linkFields are the schema, in CSV order; at gives each layout's order.
var (
	actorFields = [...]Field{
		{Name: "id", Type: Ref, Required: true, Imported: true, at: [...]int8{1, 1, 1}},
		{Name: "name", Type: Text, Imported: true, at: [...]int8{2, 2, 2}},
		{Name: "kind", Type: Ref, Required: true, Imported: true, at: [...]int8{3, 3, 3}},
		{Name: "in", Type: Ref, Imported: true, at: [...]int8{4, 5, 5}},
		{Name: "aliases", Type: List, Imported: true, at: [...]int8{5, 4, 4}},
		{Name: "stands_for", Type: Ref, at: [...]int8{6, 6, 6}},
		{Name: "start", Type: Date, at: [...]int8{7, 7, 7}},
		{Name: "end", Type: Date, at: [...]int8{8, 8, 8}},
		{Name: "route", Type: List, at: [...]int8{9, 9, 9}},
		{Name: "route_kind", Type: Ref, at: [...]int8{10, 10, 10}},
		{Name: "certainty", Type: Certainty, at: [...]int8{11, 11, 11}},
		{Name: "sources", Type: Sources, at: [...]int8{12, 13, 13}},
		{Name: "attrs", Type: Attrs, at: [...]int8{13, 12, 12}},
	}
	linkFields = [...]Field{
		{Name: "kind", Type: Ref, Required: true, Imported: true, at: [...]int8{1, 2, 2}},
		{Name: "from", Type: Ref, Required: true, Imported: true, at: [...]int8{2, 3, 3}},
		{Name: "to", Type: Ref, Required: true, Imported: true, at: [...]int8{3, 4, 4}},
		{Name: "start", Type: Date, Imported: true, at: [...]int8{4, 5, 7}},
		{Name: "end", Type: Date, Imported: true, at: [...]int8{5, 6, 8}},
		{Name: "on", Type: Date, Imported: true, at: [...]int8{6, 7, 9}},
		{Name: "sign", Type: Sign, Imported: true, at: [...]int8{7, 9, 6}},
		{Name: "weight", Type: Weight, Imported: true, at: [...]int8{8, 10, 11}},
		{Name: "certainty", Type: Certainty, Imported: true, at: [...]int8{9, 8, 10}},
		{Name: "id", Type: Ref, at: [...]int8{10, 1, 1}},
		{Name: "sources", Type: Sources, at: [...]int8{11, 13, 14}},
		{Name: "attrs", Type: Attrs, at: [...]int8{12, 12, 13}},
		{Name: "roles", Type: Roles, at: [...]int8{13, 11, 12}},
		// directed is written to snapshots for their readers; the link's kind decides it.
		{Name: "directed", Type: Bool, at: [...]int8{0, 0, 5}},
	}
)

// ActorFields returns the fields of an actor in CSV order.
func ActorFields() []Field { return append([]Field(nil), actorFields[:]...) }

// LinkFields returns the fields of a link in CSV order.
func LinkFields() []Field { return append([]Field(nil), linkFields[:]...) }

// ActorNames returns the names of the actor fields of layout l, in its order.
func ActorNames(l Layout) []string { return names(actorFields[:], l) }

// LinkNames returns the names of the link fields of layout l, in its order.
func LinkNames(l Layout) []string { return names(linkFields[:], l) }

func names(fields []Field, l Layout) []string {
	n := 0
	for _, f := range fields {
		if f.In(l) {
			n++
		}
	}
	out := make([]string, n)
	for _, f := range fields {
		if f.In(l) {
			out[f.at[l]-1] = f.Name
		}
	}
	return out
}

// filter returns the names of fields for which keep holds, in CSV order.
func filter(fields []Field, keep func(Field) bool) []string {
	var out []string
	for _, f := range fields {
		if f.In(CSV) && keep(f) {
			out = append(out, f.Name)
		}
	}
	return out
}

// RequiredActorColumns returns the columns every actors.csv must have, in CSV order.
func RequiredActorColumns() []string {
	return filter(actorFields[:], func(f Field) bool { return f.Required })
}

// RequiredLinkColumns returns the columns every links.csv must have, in CSV order.
func RequiredLinkColumns() []string {
	return filter(linkFields[:], func(f Field) bool { return f.Required })
}
