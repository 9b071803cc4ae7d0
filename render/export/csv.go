package export

import (
	"bytes"
	"encoding/csv"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"go.yaml.in/yaml/v3"
)

// The fixed columns of the native CSV pair, as the data package reads them.
var (
	csvActorHeader = []string{"id", "name", "kind", "in", "aliases", "stands_for", "start", "end", "route", "route_kind", "certainty", "sources"}
	csvLinkHeader  = []string{"kind", "from", "to", "start", "end", "on", "sign", "weight", "certainty", "id", "sources"}
)

// csvColumns splits attribute names into those that get a column of their own and those that go into
// the attrs JSON column: names that a reader would take for a fixed column (ignoring case and
// surrounding spaces), that repeat another column's name in another case, or that are empty.
func csvColumns(names, fixed []string) (cols []string, viaJSON map[string]bool) {
	taken := map[string]bool{"attrs": true}
	for _, f := range fixed {
		taken[f] = true
	}
	viaJSON = map[string]bool{}
	for _, n := range names {
		key := strings.ToLower(n)
		if n == "" || n != strings.TrimSpace(n) || taken[key] {
			viaJSON[n] = true
			continue
		}
		taken[key] = true
		cols = append(cols, n)
	}
	return cols, viaJSON
}

// csvList writes a list cell: items joined by '|', or a JSON list when an item could not survive that
// (it holds '|', starts with '[', has surrounding spaces, or is empty).
func csvList(items []string) string {
	if len(items) == 0 {
		return ""
	}
	for i, s := range items {
		if s == "" || s != strings.TrimSpace(s) || strings.Contains(s, "|") || (i == 0 && strings.HasPrefix(s, "[")) {
			return jsonText(items)
		}
	}
	return strings.Join(items, "|")
}

// csvAttrs returns the attrs-column JSON of the attributes that have no column of their own, or whose
// value is empty (an empty cell means the item lacks the attribute).
func csvAttrs(attrs map[string]string, viaJSON map[string]bool) string {
	var m map[string]string
	for k, v := range attrs {
		if viaJSON[k] || v == "" {
			if m == nil {
				m = map[string]string{}
			}
			m[k] = v
		}
	}
	if m == nil {
		return ""
	}
	return jsonText(m)
}

// writeRow writes a row of cells, each escaped by csvCell.
func writeRow(cw *csv.Writer, row []string) error {
	for i, v := range row {
		row[i] = csvCell(v)
	}
	return cw.Write(row)
}

// csvCell returns a cell as the native CSV writes it, so that a spreadsheet shows it as text: with an
// apostrophe in front when it starts with a character that makes a spreadsheet formula (=, +, -, @, a
// tab or a carriage return) and is not a plain number such as -5 or +1.5, or when it starts with
// apostrophes followed by such a character (so '=x gets a second apostrophe). The data package's
// reader takes that one apostrophe off again, so the scheme loses nothing.
func csvCell(v string) string {
	i := 0
	for i < len(v) && v[i] == '\'' {
		i++
	}
	if i == len(v) {
		return v
	}
	switch v[i] {
	case '=', '+', '-', '@', '\t', '\r':
		if i > 0 || !plainNumber(v) {
			return "'" + v
		}
	}
	return v
}

// plainNumber reports whether s is a decimal number with an optional sign, fraction and exponent
// (-5, +1.5, -2e-3): a spreadsheet reads it as that number, never as a formula.
func plainNumber(s string) bool {
	digits := func(i int) int {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	j := digits(i)
	if j == i {
		return false
	}
	if j < len(s) && s[j] == '.' {
		k := digits(j + 1)
		if k == j+1 {
			return false
		}
		j = k
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := digits(j)
		if k == j {
			return false
		}
		j = k
	}
	return j == len(s)
}

// WriteCSV returns the files of relgraph's native CSV dataset: actors.csv, links.csv and, when the
// graph has source documents or declares kinds beyond the built-in ones, dataset.yaml with its
// sources: and kinds: sections. The directory loads back with `relgraph --data DIR` into the same
// graph, and exporting that graph gives the same bytes.
//
// Links that the loader derives from actors — located_in from `in`, route segments — are not written:
// the actors' fields bring them back. An actor's `in` and `stands_for` are written only when that actor
// is exported too, and its route only when every place on it is; in a filtered or focused export that
// leaves such links out. A link id is written only when it differs from the id the loader derives.
// Attributes are columns of their own, except those the attrs JSON column must carry (see
// csvColumns, csvAttrs). A cell that a spreadsheet would run as a formula is written with an apostrophe
// in front (see csvCell), which the loader takes off again; a value holding a line break, CRLF
// included, is quoted and loads back as it was. O(actors + links).
func WriteCSV(v View) ([]File, error) {
	g := v.Graph
	actorAttrs, _ := attrNames(v, nil)
	exported := make([]bool, g.NumActors())
	for _, a := range v.Actors {
		exported[a] = true
	}
	isExported := func(id string) bool {
		i, ok := g.ActorIndex(id)
		return ok && exported[i]
	}

	var actors bytes.Buffer
	cw := csv.NewWriter(&actors)
	cols, viaJSON := csvColumns(actorAttrs, csvActorHeader)
	needJSON := slices.ContainsFunc(v.Actors, func(ai int32) bool { return csvAttrs(g.Actor(ai).Attrs, viaJSON) != "" })
	header := append(slices.Clone(csvActorHeader), cols...)
	if needJSON {
		header = append(header, "attrs")
	}
	_ = writeRow(cw, header)
	row := make([]string, 0, len(header))
	for _, ai := range v.Actors {
		a := g.Actor(ai)
		in, stands := a.In, a.StandsFor
		if !isExported(in) {
			in = ""
		}
		if !isExported(stands) {
			stands = ""
		}
		route, routeKind := a.Route, a.RouteKind
		if slices.ContainsFunc(route, func(id string) bool { return !isExported(id) }) {
			route, routeKind = nil, ""
		}
		cert := ""
		if a.Certainty != graph.Reported {
			cert = a.Certainty.String()
		}
		row = append(row[:0], a.ID, a.Name, a.Kind, in, csvList(a.Aliases), stands, dateText(a.Start), dateText(a.End),
			csvList(route), routeKind, cert, sourcesText(a.Sources))
		row = appendAttrCells(row, a.Attrs, cols, needJSON, viaJSON)
		_ = writeRow(cw, row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, err
	}

	var links bytes.Buffer
	cw = csv.NewWriter(&links)
	var kept []graph.Link
	linkAttrs := map[string]bool{}
	for _, li := range v.Links {
		if !g.IsDerived(li) {
			l := g.Link(li)
			kept = append(kept, l)
			for k := range l.Attrs {
				linkAttrs[k] = true
			}
		}
	}
	cols, viaJSON = csvColumns(slices.Sorted(maps.Keys(linkAttrs)), csvLinkHeader)
	needJSON = slices.ContainsFunc(kept, func(l graph.Link) bool { return csvAttrs(l.Attrs, viaJSON) != "" })
	header = append(slices.Clone(csvLinkHeader), cols...)
	if needJSON {
		header = append(header, "attrs")
	}
	_ = writeRow(cw, header)
	for i := range kept {
		l := &kept[i]
		id := l.ID
		if id == graph.DeriveLinkID(l.Kind, l.From, l.To, l.Directed, l.When()) {
			id = ""
		}
		row = append(row[:0], l.Kind, l.From, l.To, dateText(l.Start), dateText(l.End), dateText(l.On),
			strconv.Itoa(int(l.Sign)), strconv.FormatFloat(l.Weight, 'g', -1, 64), l.Certainty.String(), id, sourcesText(l.Sources))
		row = appendAttrCells(row, l.Attrs, cols, needJSON, viaJSON)
		_ = writeRow(cw, row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, err
	}

	files := []File{{Name: "actors.csv", Data: actors.Bytes()}, {Name: "links.csv", Data: links.Bytes()}}
	meta, err := datasetYAML(g)
	if err != nil {
		return nil, err
	}
	if meta != nil {
		files = append(files, File{Name: "dataset.yaml", Data: meta})
	}
	return files, nil
}

type yamlDocument struct {
	ID        string `yaml:"id"`
	Title     string `yaml:"title,omitempty"`
	Author    string `yaml:"author,omitempty"`
	Publisher string `yaml:"publisher,omitempty"`
	Date      string `yaml:"date,omitempty"`
	File      string `yaml:"file,omitempty"`
	URL       string `yaml:"url,omitempty"`
}

type yamlLinkKind struct {
	ID        string `yaml:"id"`
	Directed  bool   `yaml:"directed"`
	Sign      int8   `yaml:"sign"`
	Color     string `yaml:"color,omitempty"`
	Style     string `yaml:"style,omitempty"`
	Meaning   string `yaml:"meaning,omitempty"`
	Transport bool   `yaml:"transport,omitempty"`
}

type yamlActorKind struct {
	ID      string `yaml:"id"`
	Meaning string `yaml:"meaning,omitempty"`
}

type yamlKinds struct {
	Links  []yamlLinkKind  `yaml:"links,omitempty"`
	Actors []yamlActorKind `yaml:"actors,omitempty"`
}

type yamlDataset struct {
	Sources []yamlDocument `yaml:"sources,omitempty"`
	Kinds   *yamlKinds     `yaml:"kinds,omitempty"`
}

// datasetYAML returns the sources: and kinds: sections the CSV pair cannot hold — the graph's documents
// and the kinds it declares beyond (or unlike) the built-in ones — or nil when there are none.
func datasetYAML(g *graph.Graph) ([]byte, error) {
	var ds yamlDataset
	for _, d := range g.Documents() {
		ds.Sources = append(ds.Sources, yamlDocument{ID: d.ID, Title: d.Title, Author: d.Author, Publisher: d.Publisher,
			Date: d.Date.String(), File: d.File, URL: d.URL})
	}
	builtin := graph.NewKinds()
	var kinds yamlKinds
	for _, lk := range g.Kinds().LinkKinds() {
		if b, ok := builtin.Link(lk.ID); ok && b == lk {
			continue
		}
		kinds.Links = append(kinds.Links, yamlLinkKind{ID: lk.ID, Directed: lk.Directed, Sign: lk.Sign, Color: lk.Color,
			Style: lk.Style, Meaning: lk.Meaning, Transport: lk.Transport})
	}
	builtinActors := map[string]graph.ActorKind{}
	for _, ak := range builtin.ActorKinds() {
		builtinActors[ak.ID] = ak
	}
	for _, ak := range g.Kinds().ActorKinds() {
		if b, ok := builtinActors[ak.ID]; ok && b == ak {
			continue
		}
		kinds.Actors = append(kinds.Actors, yamlActorKind{ID: ak.ID, Meaning: ak.Meaning})
	}
	if len(kinds.Links) > 0 || len(kinds.Actors) > 0 {
		ds.Kinds = &kinds
	}
	if len(ds.Sources) == 0 && ds.Kinds == nil {
		return nil, nil
	}
	var b bytes.Buffer
	b.WriteString("# The source documents and declared kinds of a dataset written by relgraph export --as csv.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(ds); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// appendAttrCells appends the attribute columns of a row: one cell per column in cols and, with
// needJSON, the attrs JSON cell for what the columns cannot hold.
func appendAttrCells(row []string, attrs map[string]string, cols []string, needJSON bool, viaJSON map[string]bool) []string {
	for _, c := range cols {
		row = append(row, attrs[c])
	}
	if needJSON {
		row = append(row, csvAttrs(attrs, viaJSON))
	}
	return row
}
