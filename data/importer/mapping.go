package importer

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/data/internal/alias"
	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
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

// ErrMapping is wrapped by every error about the mapping itself (as opposed to the rows of a file).
var ErrMapping = errors.New("bad mapping")

func mappingErr(where, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrMapping, where, fmt.Sprintf(format, args...))
}

// Check reports what is wrong with the mapping that can be seen without reading its files: missing or
// contradictory fields, malformed rules, unknown kinds. Columns are checked against each file's header
// when it is read.
func (m *Mapping) Check() error {
	var errs []error
	if len(m.Actors) == 0 && len(m.Links) == 0 {
		errs = append(errs, fmt.Errorf("%w: nothing to import (want actors: or links:)", ErrMapping))
	}
	kinds, err := m.kindTable()
	if err != nil {
		errs = append(errs, err)
		kinds = graph.NewKinds()
	}
	for i := range m.Actors {
		errs = append(errs, m.Actors[i].check(fmt.Sprintf("actors[%d]", i), kinds)...)
	}
	for i := range m.Links {
		errs = append(errs, m.Links[i].check(fmt.Sprintf("links[%d]", i), kinds)...)
	}
	return errors.Join(errs...)
}

// kindTable returns the built-in kinds plus the mapping's declarations.
func (m *Mapping) kindTable() (*graph.Kinds, error) {
	k := graph.NewKinds()
	var errs []error
	for _, d := range m.Kinds.Links {
		lk := graph.LinkKind{ID: d.ID, Directed: d.Directed, Sign: d.Sign, Color: d.Color, Style: d.Style, Meaning: d.Meaning, Transport: d.Transport}
		if err := k.AddLink(lk); err != nil {
			errs = append(errs, fmt.Errorf("%w: kinds: %w", ErrMapping, err))
		}
	}
	for _, d := range m.Kinds.Actors {
		if err := k.AddActor(graph.ActorKind{ID: d.ID, Meaning: d.Meaning}); err != nil {
			errs = append(errs, fmt.Errorf("%w: kinds: %w", ErrMapping, err))
		}
	}
	return k, errors.Join(errs...)
}

func (s *Source) check(where string) []error {
	var errs []error
	if s.File == "" {
		errs = append(errs, mappingErr(where, "file: is required"))
	}
	if _, err := parseDelimiter(s.Delimiter); err != nil {
		errs = append(errs, mappingErr(where, "%v", err))
	}
	for _, w := range s.Where {
		if _, err := parseWhere(w); err != nil {
			errs = append(errs, mappingErr(where, "%v", err))
		}
	}
	return errs
}

func (s *ActorSpec) check(where string, kinds *graph.Kinds) []error {
	errs := s.Source.check(where)
	if s.ID == "" {
		errs = append(errs, mappingErr(where, "id: (the key column) is required"))
	}
	switch {
	case s.Kind != "" && s.KindCol != "":
		errs = append(errs, mappingErr(where, "kind and kind_col exclude each other"))
	case s.Kind != "" && !kinds.HasActor(s.Kind):
		errs = append(errs, mappingErr(where, "unknown actor kind %q%s", s.Kind, hint(s.Kind, kinds.ActorKindNames())))
	}
	for _, a := range s.Attrs {
		if _, _, err := parseAttr(a); err != nil {
			errs = append(errs, mappingErr(where, "%v", err))
		}
	}
	return errs
}

func (s *LinkSpec) check(where string, kinds *graph.Kinds) []error {
	errs := s.Source.check(where)
	if len(s.From) == 0 || len(s.To) == 0 {
		errs = append(errs, mappingErr(where, "from: and to: (the columns of the link's ends) are required"))
	}
	switch {
	case s.Kind == "" && s.KindCol == "" && len(s.KindFrom) == 0:
		errs = append(errs, mappingErr(where, "the links need a kind: kind, kind_col or kind_from"))
	case s.Kind != "" && (s.KindCol != "" || len(s.KindFrom) > 0):
		errs = append(errs, mappingErr(where, "kind gives every row one kind; it excludes kind_col and kind_from"))
	case s.Kind != "":
		if _, ok := kinds.Link(s.Kind); !ok {
			errs = append(errs, mappingErr(where, "unknown link kind %q%s", s.Kind, hint(s.Kind, kinds.LinkKindNames())))
		}
	}
	for _, r := range s.KindFrom {
		rule, err := parseKindRule(r)
		if err != nil {
			errs = append(errs, mappingErr(where, "%v", err))
			continue
		}
		if _, ok := kinds.Link(rule.kind); !ok {
			errs = append(errs, mappingErr(where, "kind_from %q: unknown link kind %q%s", r, rule.kind, hint(rule.kind, kinds.LinkKindNames())))
		}
	}
	if s.On != "" && (s.Start != "" || s.End != "") {
		errs = append(errs, mappingErr(where, "on (events) excludes start/end (lasting links)"))
	}
	if s.CollapseYears && s.On == "" && s.Start == "" {
		errs = append(errs, mappingErr(where, "collapse_years needs dates: on or start"))
	}
	if s.OpenEnd && !s.CollapseYears && s.End == "" {
		errs = append(errs, mappingErr(where, "open_end needs lasting links: end, or collapse_years"))
	}
	switch s.Precision {
	case "", "year", "month", "day":
	default:
		errs = append(errs, mappingErr(where, "precision %q: want year, month or day", s.Precision))
	}
	if s.Sign != "" {
		if _, err := parseSignSpec(s.Sign); err != nil {
			errs = append(errs, mappingErr(where, "%v", err))
		}
	}
	if s.Certainty != "" {
		if _, err := parseCertaintySpec(s.Certainty); err != nil {
			errs = append(errs, mappingErr(where, "%v", err))
		}
	}
	seen := map[string]bool{}
	for _, a := range s.Attrs {
		_, name, err := parseAttr(a)
		if err != nil {
			errs = append(errs, mappingErr(where, "%v", err))
			continue
		}
		if isLinkColumn(name) {
			errs = append(errs, mappingErr(where, "attribute %q has the name of a links.csv column; rename it (%s=other)", name, a))
		}
		if seen[name] {
			errs = append(errs, mappingErr(where, "attribute %q given twice", name))
		}
		seen[name] = true
	}
	if s.ViaSep != "" && s.Via == "" {
		errs = append(errs, mappingErr(where, "via_sep without via"))
	}
	if s.ActorKind != "" && !kinds.HasActor(s.ActorKind) {
		errs = append(errs, mappingErr(where, "unknown actor kind %q%s", s.ActorKind, hint(s.ActorKind, kinds.ActorKindNames())))
	}
	return errs
}

func hint(word string, candidates []string) string {
	if s := graph.Suggest(word, func(yield func(string) bool) {
		for _, c := range candidates {
			if !yield(c) {
				return
			}
		}
	}); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// linkReserved and actorReserved are the columns the CSV reader gives a meaning (the schema in
// package native). Attributes may not take these names.
var (
	linkReserved  = native.LinkNames(native.CSV)
	actorReserved = native.ActorNames(native.CSV)
)

func isLinkColumn(name string) bool { return containsFold(linkReserved, name) }

func isActorColumn(name string) bool { return containsFold(actorReserved, name) }

func containsFold(list []string, s string) bool {
	s = strings.TrimSpace(s)
	for _, c := range list {
		if strings.EqualFold(c, s) {
			return true
		}
	}
	return false
}

func splitCommas(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseDelimiter turns a delimiter setting into the byte that separates fields.
func parseDelimiter(s string) (byte, error) {
	switch s {
	case "":
		return ',', nil
	case "tab", `\t`, "\t":
		return '\t', nil
	}
	if len(s) != 1 || s[0] == '"' || s[0] == '\n' || s[0] == '\r' || s[0] >= 0x80 {
		return 0, fmt.Errorf("delimiter %q: want one ASCII character other than a quote or line break, or \"tab\"", s)
	}
	return s[0], nil
}

// kindRule is one kind_from entry.
type kindRule struct {
	col   string
	value string // "" for an indicator column
	kind  string
}

// parseKindRule parses "COL=kind" (indicator) or "COL:value=kind".
func parseKindRule(s string) (kindRule, error) {
	lhs, kind, ok := strings.Cut(s, "=")
	lhs, kind = strings.TrimSpace(lhs), strings.TrimSpace(kind)
	if !ok || lhs == "" || kind == "" {
		return kindRule{}, fmt.Errorf("kind_from %q: want COL=kind (an indicator column) or COL:value=kind", s)
	}
	col, value, hasValue := strings.Cut(lhs, ":")
	col, value = strings.TrimSpace(col), strings.TrimSpace(value)
	if col == "" || (hasValue && value == "") {
		return kindRule{}, fmt.Errorf("kind_from %q: want COL=kind or COL:value=kind", s)
	}
	return kindRule{col: col, value: value, kind: kind}, nil
}

// whereRule is one Where entry.
type whereRule struct {
	col    string
	values []string
	negate bool
}

// parseWhere parses a Where entry: COL=v1,v2 or COL!=v1,v2. Spaces around the column and the values
// are dropped. A value (or the column) may be written in double quotes, as in CSV ("" stands for a
// quote): quoted, it may hold commas and '=', and "" is the empty value, which matches empty cells.
// Anything else that would filter rows other than as written is an error: no column, no values, an
// empty value between commas, '=' in an unquoted value (a second condition written into the first),
// "==" and comparisons.
func parseWhere(s string) (whereRule, error) {
	bad := func(format string, args ...any) (whereRule, error) {
		return whereRule{}, fmt.Errorf("where %q: %s", s, fmt.Sprintf(format, args...))
	}
	const want = "want COL=v1,v2 or COL!=v1,v2"
	rest := strings.TrimLeft(s, " \t")
	var col string
	if strings.HasPrefix(rest, `"`) {
		c, after, err := unquoteWhere(rest)
		if err != nil {
			return bad("column: %v", err)
		}
		col, rest = c, strings.TrimLeft(after, " \t")
	} else {
		n := strings.IndexAny(rest, "=!<>")
		if n < 0 {
			return bad("no '=' (%s)", want)
		}
		col, rest = strings.TrimSpace(rest[:n]), rest[n:]
	}
	var rule whereRule
	switch {
	case strings.HasPrefix(rest, "!="):
		rule.negate, rest = true, rest[2:]
	case strings.HasPrefix(rest, "="):
		rest = rest[1:]
	case strings.HasPrefix(rest, "<") || strings.HasPrefix(rest, ">"):
		return bad("comparisons are not supported; list the values (%s)", want)
	default:
		return bad("%s", want)
	}
	op := "="
	if rule.negate {
		op = "!="
	}
	if col == "" {
		return bad("no column before %q (%s)", op, want)
	}
	rule.col = col
	if strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
		return bad("%q is not an operator; write %s%s%s", op+"=", col, op, strings.TrimSpace(strings.TrimLeft(strings.TrimLeft(rest, " \t"), "=")))
	}
	if strings.TrimSpace(rest) == "" {
		return bad("no values after %q (to match empty cells, write %s%s\"\")", op, col, op)
	}
	for n := 1; ; n++ {
		rest = strings.TrimLeft(rest, " \t")
		var v string
		if strings.HasPrefix(rest, `"`) {
			q, after, err := unquoteWhere(rest)
			if err != nil {
				return bad("value %d: %v", n, err)
			}
			v, rest = q, strings.TrimLeft(after, " \t")
			if rest != "" && rest[0] != ',' {
				return bad("value %d: text after its closing quote", n)
			}
		} else {
			end := strings.IndexByte(rest, ',')
			if end < 0 {
				end = len(rest)
			}
			v, rest = strings.TrimSpace(rest[:end]), rest[end:]
			switch {
			case v == "":
				return bad("value %d is empty (to match empty cells, write \"\")", n)
			case strings.Contains(v, "="):
				return bad("value %q holds '='; give each condition its own where (or quote the value: %q)", v, v)
			}
		}
		rule.values = append(rule.values, v)
		if rest == "" {
			return rule, nil
		}
		rest = rest[1:] // the comma
	}
}

// unquoteWhere reads a double-quoted string at the start of s ("" is a quote) and returns it and what
// follows it.
func unquoteWhere(s string) (string, string, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '"' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '"' {
			b.WriteByte('"')
			i++
			continue
		}
		return b.String(), s[i+1:], nil
	}
	return "", "", errors.New("no closing quote")
}

// parseAttr parses "COL" or "COL=name".
func parseAttr(s string) (col, name string, err error) {
	col, name, ok := strings.Cut(s, "=")
	col, name = strings.TrimSpace(col), strings.TrimSpace(name)
	if !ok {
		name = col
	}
	if col == "" || name == "" {
		return "", "", fmt.Errorf("attrs %q: want COL or COL=name", s)
	}
	return col, name, nil
}

// valueSpec is a constant or a column with an optional value map, as Sign and Certainty take.
type valueSpec[T any] struct {
	isConst bool
	value   T
	col     string
	values  map[string]T // by lower-cased value
}

func parseSignSpec(s string) (valueSpec[int8], error) {
	return parseValueSpec(s, "sign", parseSign)
}

func parseCertaintySpec(s string) (valueSpec[graph.Certainty], error) {
	return parseValueSpec(s, "certainty", graph.ParseCertainty)
}

func parseValueSpec[T any](s, what string, parse func(string) (T, error)) (valueSpec[T], error) {
	s = strings.TrimSpace(s)
	if v, err := parse(s); err == nil && s != "" {
		return valueSpec[T]{isConst: true, value: v}, nil
	}
	col, rest, hasMap := strings.Cut(s, ":")
	col = strings.TrimSpace(col)
	if col == "" {
		return valueSpec[T]{}, fmt.Errorf("%s %q: want a constant, COL, or COL:value=%s,…", what, s, what)
	}
	vs := valueSpec[T]{col: col}
	if hasMap {
		vs.values = map[string]T{}
		for _, item := range strings.Split(rest, ",") {
			k, v, ok := strings.Cut(item, "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if !ok || k == "" {
				return valueSpec[T]{}, fmt.Errorf("%s %q: value map entry %q: want value=%s", what, s, item, what)
			}
			pv, err := parse(v)
			if err != nil {
				return valueSpec[T]{}, fmt.Errorf("%s %q: %w", what, s, err)
			}
			vs.values[strings.ToLower(k)] = pv
		}
	}
	return vs, nil
}

// parseSign reads -1, 0, 1 (also +1, +, -, and the words hostile, neutral, cooperative).
func parseSign(s string) (int8, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "-1", "-", "-1.0", "hostile", "negative":
		return -1, nil
	case "0", "0.0", "neutral":
		return 0, nil
	case "1", "+1", "+", "1.0", "cooperative", "positive":
		return 1, nil
	}
	return 0, fmt.Errorf("sign %q is not -1, 0 or 1", s)
}

// parseBool reads an indicator value.
func parseBool(s string) (bool, error) {
	switch s {
	case "0", "":
		return false, nil
	case "1":
		return true, nil
	}
	switch strings.ToLower(s) {
	case "1", "true", "t", "yes", "y", "x":
		return true, nil
	case "0", "false", "f", "no", "n", "":
		return false, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f != 0, nil
	}
	return false, fmt.Errorf("indicator %q is not 0/1, true/false or yes/no", s)
}
