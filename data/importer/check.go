package importer

// This file checks a mapping before any file is read: fields, rules and kinds, with did-you-mean.

import (
	"errors"
	"fmt"
	"strings"

	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
)

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
