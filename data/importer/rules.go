package importer

// This file parses the small grammars of a mapping's values: delimiters, kind rules, where: filters,
// attribute columns and sign, certainty and boolean values.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

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
