package importer

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/relgraph/relgraph/data/internal/alias"
	"go.yaml.in/yaml/v3"
)

// Mapping is a column mapping: the files to read and how their columns become actors and links. Its
// YAML form (ParseMapping, YAML) is a file with one top-level section `import:` holding these fields.
type Mapping struct {
	// Kinds declares link and actor kinds beyond the built-in ones, as a dataset's kinds: section does.
	Kinds KindDecls `yaml:"kinds,omitempty"`
	// Actors are actor tables: each row an actor, found by its key (a code such as COW's ccode) or name.
	Actors []ActorSpec `yaml:"actors,omitempty"`
	// Links are files of links.
	Links []LinkSpec `yaml:"links,omitempty"`
	// SkipBad skips bad rows (they are still reported) instead of failing the import.
	SkipBad bool `yaml:"skip_bad,omitempty"`
}

// KindDecls declares link and actor kinds, in the form of a dataset's kinds: section.
type KindDecls struct {
	Links  []LinkKindDecl  `yaml:"links,omitempty"`
	Actors []ActorKindDecl `yaml:"actors,omitempty"`
}

// LinkKindDecl declares a link kind, with the fields of a dataset's kinds: links: entries (see
// graph.LinkKind for their meaning).
type LinkKindDecl struct {
	// ID is the kind's name; Directed and Sign give its direction and default sign.
	ID       string `yaml:"id"`
	Directed bool   `yaml:"directed"`
	Sign     int8   `yaml:"sign"`
	// Color and Style say how diagrams draw it; Meaning describes it in a line.
	Color   string `yaml:"color,omitempty"`
	Style   string `yaml:"style,omitempty"`
	Meaning string `yaml:"meaning,omitempty"`
	// Transport marks kinds that routes may use.
	Transport bool `yaml:"transport,omitempty"`
}

// ActorKindDecl declares an actor kind: its name and a line describing it.
type ActorKindDecl struct {
	ID      string `yaml:"id"`
	Meaning string `yaml:"meaning,omitempty"`
}

// Source says which file to read and how to split it.
type Source struct {
	// File is the path of the input, relative to the mapping file (or the working directory for a mapping
	// given on the command line). Gzip-compressed input is recognised by its content and read transparently.
	File string `yaml:"file"`
	// Delimiter is the field separator: one character, or "tab"; default ",".
	Delimiter string `yaml:"delimiter,omitempty"`
	// Missing lists the values that mean "no value" besides the empty string. Empty means the default:
	// NA, N/A, -- and NULL (R's and GEM's markers); [""] means none but the empty string.
	Missing []string `yaml:"missing,omitempty"`
	// Where keeps only some rows: each entry "COL=v1,v2" keeps rows whose COL is one of the values
	// (compared ignoring case and spaces at the ends), "COL!=v1,v2" drops them. All entries must hold.
	// A value holding ',' or '=' is written in double quotes (note="a=b"); "" matches empty cells. An
	// entry that cannot be read as written ("year==2010", "a=1,b=2", "year=") is an error.
	Where []string `yaml:"where,omitempty"`
}

// defaultMissing are the values that mean "no value" unless a Source says otherwise: R's NA, GEM's --.
// Read only.
var defaultMissing = []string{"NA", "N/A", "--", "NULL"}

// ActorSpec reads an actor table: one actor per distinct key. When a key repeats (COW lists a state once
// per membership spell), the last row's name is used (the most recent, in files ordered by time) and
// earlier different names become aliases.
type ActorSpec struct {
	Source `yaml:",inline"`
	// ID is the key column (a code such as ccode, or the name itself). The key is kept in the actor's
	// attrs under the column's name.
	ID string `yaml:"id"`
	// Name is the column of display names; the actor's id is a slug of the name (of the key without one).
	Name string `yaml:"name,omitempty"`
	// Kind is the actor kind of every row (default country); KindCol takes it from a column instead.
	Kind    string `yaml:"kind,omitempty"`
	KindCol string `yaml:"kind_col,omitempty"`
	// Attrs lists columns copied into the actor's attrs ("COL" or "COL=attr" to rename).
	Attrs []string `yaml:"attrs,omitempty"`
	// Lookup makes the table a dictionary only: its actors are kept only when a link refers to them.
	Lookup bool `yaml:"lookup,omitempty"`
}

// LinkSpec reads a file of links: each row gives one link per kind it maps to (several with indicator
// columns) and, with Via, one link per segment of its route.
type LinkSpec struct {
	Source `yaml:",inline"`
	// From and To are the columns of the link's ends. With several columns the first value that names a
	// known actor wins (["supplier_cown", "supplier"]: the code, else the name).
	From Columns `yaml:"from"`
	To   Columns `yaml:"to"`
	// Kind is the link kind of every row.
	Kind string `yaml:"kind,omitempty"`
	// KindCol takes the kind from a column's value (renamed by KindFrom rules on that column).
	KindCol string `yaml:"kind_col,omitempty"`
	// KindFrom are kind rules: "COL=kind" makes a link of kind when the indicator column COL is true
	// (1, true, yes); "COL:value=kind" when COL holds value. A row yields one link per distinct kind.
	KindFrom []string `yaml:"kind_from,omitempty"`
	// On is the column dating events; Start and End date lasting links. Dates are YYYY, YYYY-MM or
	// YYYY-MM-DD; years written as numbers (2021.0) are accepted. A missing start or end is open.
	On    string `yaml:"on,omitempty"`
	Start string `yaml:"start,omitempty"`
	End   string `yaml:"end,omitempty"`
	// Precision truncates dates to year or month ("" keeps them as written).
	Precision string `yaml:"precision,omitempty"`
	// Weight is the column of link weights: non-negative numbers; a missing value is 1
	// (graph.DefaultWeight) and 0 is kept as 0. Rows that give the same link add up their weights (see
	// Stats.Repeated and Stats.Mirrored).
	Weight string `yaml:"weight,omitempty"`
	// Sign is a constant (-1, 0, 1) or a column of signs, optionally with a value map
	// "COL:hostile=-1,friendly=1". Empty: the kind's sign.
	Sign string `yaml:"sign,omitempty"`
	// Certainty is a constant (reported, alleged, confirmed, planned) or a column, optionally with a
	// value map "Status:Operating=confirmed,Proposed=planned".
	Certainty string `yaml:"certainty,omitempty"`
	// Attrs lists columns copied into the link's attrs ("COL" or "COL=attr" to rename).
	Attrs []string `yaml:"attrs,omitempty"`
	// Via is a column listing places the link passes through (GEM's Countries); the link is split into
	// segments from From through those places to To. ViaSep separates them (default ",").
	Via    string `yaml:"via,omitempty"`
	ViaSep string `yaml:"via_sep,omitempty"`
	// CollapseYears merges rows of the same kind and ends whose dates follow each other (2001, 2002, 2003)
	// or overlap into one lasting link from the first start to the last end; a gap starts a new link.
	// The rows of one date add up as repeats do; the link keeps the largest weight of its dates.
	CollapseYears bool `yaml:"collapse_years,omitempty"`
	// OpenEnd leaves open the end of links that reach the last date of the file (the data's horizon,
	// not the end of the relationship).
	OpenEnd bool `yaml:"open_end,omitempty"`
	// ActorKind is the kind of actors created from link ends (default country).
	ActorKind string `yaml:"actor_kind,omitempty"`
	// NewActors lets link ends that no actor table knows become new actors named by the value. Without
	// actor tables this is always so.
	NewActors bool `yaml:"new_actors,omitempty"`
}

// Columns names one or more columns. In YAML it is a single name or a list.
type Columns []string

// UnmarshalYAML implements yaml.Unmarshaler: a scalar is a one-column list.
func (c *Columns) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*c = splitCommas(n.Value)
		return nil
	}
	var s []string
	if err := n.Decode(&s); err != nil {
		return err
	}
	*c = s
	return nil
}

// MarshalYAML implements yaml.Marshaler: one column is written as a scalar (unless its name holds a
// comma, which a scalar would split).
func (c Columns) MarshalYAML() (any, error) {
	if len(c) == 1 && !strings.Contains(c[0], ",") {
		return c[0], nil
	}
	return []string(c), nil
}

// specList lets a section hold one spec (a mapping) or a list of them.
type specList[T any] []T

func (l *specList[T]) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		var one T
		if err := n.Decode(&one); err != nil {
			return err
		}
		*l = []T{one}
		return nil
	}
	var many []T
	if err := n.Decode(&many); err != nil {
		return err
	}
	*l = many
	return nil
}

// mappingFile is the YAML form of a Mapping.
type mappingFile struct {
	Import struct {
		Kinds   KindDecls           `yaml:"kinds,omitempty"`
		Actors  specList[ActorSpec] `yaml:"actors,omitempty"`
		Links   specList[LinkSpec]  `yaml:"links,omitempty"`
		SkipBad bool                `yaml:"skip_bad,omitempty"`
	} `yaml:"import"`
}

var importKeyRE = regexp.MustCompile(`(?m)^import:`)

// IsMapping reports whether src looks like a mapping file (a YAML file with a top-level `import:`
// section) rather than a dataset file. It only scans the text, so it is cheap on large files.
func IsMapping(src []byte) bool { return importKeyRE.Match(src) }

// ParseMapping reads the YAML form of a mapping. Unknown fields are errors, reported with their line.
// The mapping is checked with Check.
func ParseMapping(src []byte) (*Mapping, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMapping, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%w: empty file (want an import: section)", ErrMapping)
	}
	if n, err := alias.Check(&doc, len(src)); err != nil {
		return nil, fmt.Errorf("%w: line %d: %w", ErrMapping, n.Line, err)
	}
	if err := checkFields(doc.Content[0], reflect.TypeFor[mappingFile]()); err != nil {
		return nil, err
	}
	var f mappingFile
	if err := doc.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMapping, err)
	}
	m := &Mapping{Kinds: f.Import.Kinds, Actors: f.Import.Actors, Links: f.Import.Links, SkipBad: f.Import.SkipBad}
	if err := m.Check(); err != nil {
		return nil, err
	}
	return m, nil
}

// checkFields reports the first key of n that no field of t (a struct, a slice or a specList of structs)
// has, with its line: the YAML decoder does not check fields below a custom unmarshaler.
func checkFields(n *yaml.Node, t reflect.Type) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		switch n.Kind {
		case yaml.SequenceNode:
			for _, c := range n.Content {
				if err := checkFields(c, t.Elem()); err != nil {
					return err
				}
			}
		case yaml.MappingNode:
			return checkFields(n, t.Elem())
		}
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		fields := map[string]reflect.Type{}
		var names []string
		var collect func(t reflect.Type)
		collect = func(t reflect.Type) {
			for i := range t.NumField() {
				f := t.Field(i)
				name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if opts == "inline" {
					collect(f.Type)
					continue
				}
				fields[name] = f.Type
				names = append(names, name)
			}
		}
		collect(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				return fmt.Errorf("%w: line %d: unknown field %q%s", ErrMapping, k.Line, k.Value, hint(k.Value, names))
			}
			if err := checkFields(n.Content[i+1], ft); err != nil {
				return err
			}
		}
	}
	return nil
}

// YAML returns the mapping's YAML form, which ParseMapping reads back to an equal Mapping.
func (m *Mapping) YAML() ([]byte, error) {
	var f mappingFile
	f.Import.Kinds, f.Import.Actors, f.Import.Links, f.Import.SkipBad = m.Kinds, m.Actors, m.Links, m.SkipBad
	var b bytes.Buffer
	b.WriteString("# relgraph column mapping: relgraph import --mapping FILE -o OUT, or --data FILE\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&f); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	return b.Bytes(), nil
}
