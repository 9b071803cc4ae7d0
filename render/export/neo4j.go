package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Neo4j property names of the fixed fields (attributes may not take them).
var (
	neo4jActorProps = []string{"id", "name", "kind", "aliases", "in", "stands_for", "start", "end", "route", "route_kind", "certainty", "sources"}
	neo4jLinkProps  = []string{"id", "kind", "directed", "sign", "weight", "start", "end", "on", "first_day", "last_day", "certainty", "sources", "roles"}
	cypherIdentRE   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	nonIdentRE      = regexp.MustCompile(`[^A-Za-z0-9_]+`)
)

// neo4jPropNames names the properties that carry attributes: an attribute keeps its name when that is a
// plain identifier no fixed property uses, else it becomes "attr_" plus its name with every run of
// other characters replaced by '_' (and a number when that is taken too).
func neo4jPropNames(names, reserved []string) map[string]string {
	taken := map[string]bool{}
	for _, r := range reserved {
		taken[strings.ToLower(r)] = true
	}
	out := make(map[string]string, len(names))
	for _, n := range names { // plain names first, so that they keep their names whatever the order
		if cypherIdentRE.MatchString(n) && !taken[strings.ToLower(n)] {
			out[n] = n
			taken[strings.ToLower(n)] = true
		}
	}
	for _, n := range names {
		if _, ok := out[n]; ok {
			continue
		}
		base := "attr_" + strings.Trim(nonIdentRE.ReplaceAllString(n, "_"), "_")
		p := base
		for i := 2; taken[strings.ToLower(p)]; i++ {
			p = fmt.Sprintf("%s_%d", base, i)
		}
		out[n] = p
		taken[strings.ToLower(p)] = true
	}
	return out
}

// neo4jLabel turns an actor kind into a node label: "military-unit" → "MilitaryUnit".
func neo4jLabel(kind string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(kind, func(r rune) bool { return r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	if b.Len() == 0 || !cypherIdentRE.MatchString(b.String()) {
		return "Kind_" + nonIdentRE.ReplaceAllString(kind, "_")
	}
	return b.String()
}

// neo4jType turns a link kind into a relationship type: "arms_sale" → "ARMS_SALE".
func neo4jType(kind string) string {
	return strings.ToUpper(nonIdentRE.ReplaceAllString(kind, "_"))
}

// cypherString quotes s as a Cypher string literal.
func cypherString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// cypherIdent quotes a name for use as a Cypher identifier (a label, a type, a property, a column
// of row). It always quotes, so that names such as "as", "from" or "end" are never read as keywords.
func cypherIdent(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "``") + "`"
}

// arrayDelimiter picks the array delimiter of the import: ';' (Neo4j's default) unless a list item
// holds it, then '|', then the ASCII unit separator.
func arrayDelimiter(v View) (delim string, option string) {
	holds := map[string]bool{}
	for _, ai := range v.Actors {
		a := v.Graph.Actor(ai)
		for _, list := range [][]string{a.Aliases, a.Route} {
			for _, s := range list {
				for _, d := range []string{";", "|", "\x1f"} {
					if strings.Contains(s, d) {
						holds[d] = true
					}
				}
			}
		}
	}
	switch {
	case !holds[";"]:
		return ";", "';'"
	case !holds["|"]:
		return "|", "'|'"
	}
	return "\x1f", "U+001F"
}

// WriteNeo4j returns the files of a Neo4j import: actors.csv and links.csv with the headers of
// `neo4j-admin database import` (id:ID, :LABEL, :START_ID, :END_ID, :TYPE and typed properties such as
// sign:int, weight:float, directed:boolean, aliases:string[], first_day:date), load.cypher, which
// loads the same files into an existing database with LOAD CSV and MERGE, and README.txt with the
// commands. Nodes have the label Actor plus one for their kind ("MilitaryUnit"); a relationship's type
// is its link kind in capitals. Dates are kept as written (strings), and first_day/last_day give the
// span a link covers as Neo4j dates. Attributes become properties (see neo4jPropNames); sources are a
// JSON string. O(actors + links).
func WriteNeo4j(v View) ([]File, error) {
	g := v.Graph
	links := materialize(v)
	actorAttrs, linkAttrs := attrNames(v, links)
	actorProps := neo4jPropNames(actorAttrs, neo4jActorProps)
	linkProps := neo4jPropNames(linkAttrs, neo4jLinkProps)
	delim, delimOption := arrayDelimiter(v)

	var actors bytes.Buffer
	cw := csv.NewWriter(&actors)
	header := []string{"id:ID", ":LABEL", "name", "kind", "aliases:string[]", "in", "stands_for", "start", "end",
		"route:string[]", "route_kind", "certainty", "sources"}
	for _, n := range actorAttrs {
		header = append(header, actorProps[n])
	}
	_ = cw.Write(header)
	kinds := map[string]bool{}
	var kindOrder []string
	for _, ai := range v.Actors {
		a := g.Actor(ai)
		if !kinds[a.Kind] {
			kinds[a.Kind] = true
			kindOrder = append(kindOrder, a.Kind)
		}
		cert := ""
		if a.Certainty != graph.Reported {
			cert = a.Certainty.String()
		}
		row := []string{a.ID, "Actor" + delim + neo4jLabel(a.Kind), a.Name, a.Kind, strings.Join(a.Aliases, delim), a.In,
			a.StandsFor, dateText(a.Start), dateText(a.End), strings.Join(a.Route, delim), a.RouteKind, cert, sourcesText(a.Sources)}
		for _, n := range actorAttrs {
			row = append(row, a.Attrs[n])
		}
		_ = cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, err
	}

	var linksCSV bytes.Buffer
	cw = csv.NewWriter(&linksCSV)
	header = []string{":START_ID", ":END_ID", ":TYPE", "id", "kind", "directed:boolean", "sign:int", "weight:float",
		"start", "end", "on", "first_day:date", "last_day:date", "certainty", "sources", "roles"}
	for _, n := range linkAttrs {
		header = append(header, linkProps[n])
	}
	_ = cw.Write(header)
	types := map[string]bool{}
	var typeOrder []string
	for i := range links {
		l := &links[i]
		if !types[l.Kind] {
			types[l.Kind] = true
			typeOrder = append(typeOrder, l.Kind)
		}
		lo, hi := span(l)
		row := []string{l.From, l.To, neo4jType(l.Kind), l.ID, l.Kind, strconv.FormatBool(l.Directed), strconv.Itoa(int(l.Sign)),
			strconv.FormatFloat(l.Weight, 'g', -1, 64), dateText(l.Start), dateText(l.End), dateText(l.On), isoDay(lo), isoDay(hi),
			l.Certainty.String(), sourcesText(l.Sources), rolesText(l.Roles)}
		for _, n := range linkAttrs {
			row = append(row, l.Attrs[n])
		}
		_ = cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, err
	}

	script := neo4jScript(delim, kindOrder, typeOrder, actorAttrs, actorProps, linkAttrs, linkProps)
	readme := fmt.Sprintf(neo4jReadme, delimOption, len(v.Actors), len(v.Links))
	return []File{
		{Name: "README.txt", Data: []byte(readme)},
		{Name: "actors.csv", Data: actors.Bytes()},
		{Name: "links.csv", Data: linksCSV.Bytes()},
		{Name: "load.cypher", Data: []byte(script)},
	}, nil
}

const neo4jReadme = `Neo4j import files written by relgraph

  actors.csv   the actors: nodes labelled Actor plus their kind (Country, City, MilitaryUnit…)
  links.csv    the links: relationships typed by link kind in capitals (ARMS_SALE, PIPELINE…)
  load.cypher  a LOAD CSV + MERGE script that loads the same files into an existing database

Into a new, empty database (the fast way for large graphs; stop the database first):

  neo4j-admin database import full --nodes=actors.csv --relationships=links.csv \
      --multiline-fields=true --array-delimiter=%s neo4j

Into an existing, running database: copy actors.csv and links.csv into its import directory and run

  cypher-shell -u neo4j -p PASSWORD -f load.cypher

Running load.cypher again updates the same nodes and relationships: they are merged on their ids.

Dates are strings as written in the dataset ("2016", "2016-08", "2016-08-08"); first_day and
last_day are Neo4j dates bounding the time a link covers, for queries such as

  MATCH (a:Actor {id: 'russia'})-[r]-(b) WHERE r.first_day <= date('2016-12-31') RETURN b.name, type(r)

This export holds %d actors and %d links.
`

// neo4jScript writes load.cypher.
func neo4jScript(delim string, kinds, types, actorAttrs []string, actorProps map[string]string, linkAttrs []string, linkProps map[string]string) string {
	var b strings.Builder
	b.WriteString(`// Loads actors.csv and links.csv into an existing Neo4j 5 database with LOAD CSV and MERGE.
// Copy both files into the database's import directory, then run
//   cypher-shell -u neo4j -p PASSWORD -f load.cypher
// Nodes and relationships are merged on their ids, so running the script again updates them.

CREATE CONSTRAINT relgraph_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;

`)
	col := func(name string) string { return "row." + cypherIdent(name) }
	d := cypherString(delim)
	b.WriteString("LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row\n")
	b.WriteString("MERGE (a:Actor {`id`: " + col("id:ID") + "})\n")
	sets := []string{
		"a.`name` = " + col("name"),
		"a.`kind` = " + col("kind"),
		"a.`aliases` = split(" + col("aliases:string[]") + ", " + d + ")",
		"a.`in` = " + col("in"),
		"a.`stands_for` = " + col("stands_for"),
		"a.`start` = " + col("start"),
		"a.`end` = " + col("end"),
		"a.`route` = split(" + col("route:string[]") + ", " + d + ")",
		"a.`route_kind` = " + col("route_kind"),
		"a.`certainty` = " + col("certainty"),
		"a.`sources` = " + col("sources"),
	}
	for _, n := range actorAttrs {
		sets = append(sets, "a."+cypherIdent(actorProps[n])+" = "+col(actorProps[n]))
	}
	b.WriteString("SET " + strings.Join(sets, ",\n    ") + ";\n\n")
	for _, k := range kinds {
		fmt.Fprintf(&b, "MATCH (a:Actor {`kind`: %s}) SET a:%s;\n", cypherString(k), cypherIdent(neo4jLabel(k)))
	}
	for _, t := range types {
		fmt.Fprintf(&b, "\nLOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row\nWITH row WHERE row.`kind` = %s\n", cypherString(t))
		b.WriteString("MATCH (a:Actor {`id`: " + col(":START_ID") + "})\nMATCH (b:Actor {`id`: " + col(":END_ID") + "})\n")
		fmt.Fprintf(&b, "MERGE (a)-[r:%s {`id`: row.`id`}]->(b)\n", cypherIdent(neo4jType(t)))
		sets := []string{
			"r.`kind` = " + col("kind"),
			"r.`directed` = toBoolean(" + col("directed:boolean") + ")",
			"r.`sign` = toInteger(" + col("sign:int") + ")",
			"r.`weight` = toFloat(" + col("weight:float") + ")",
			"r.`start` = " + col("start"),
			"r.`end` = " + col("end"),
			"r.`on` = " + col("on"),
			"r.`first_day` = date(" + col("first_day:date") + ")",
			"r.`last_day` = date(" + col("last_day:date") + ")",
			"r.`certainty` = " + col("certainty"),
			"r.`sources` = " + col("sources"),
			"r.`roles` = " + col("roles"),
		}
		for _, n := range linkAttrs {
			sets = append(sets, "r."+cypherIdent(linkProps[n])+" = "+col(linkProps[n]))
		}
		b.WriteString("SET " + strings.Join(sets, ",\n    ") + ";\n")
	}
	return b.String()
}
