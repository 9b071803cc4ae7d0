package importer

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Date precisions a LinkSpec may truncate to.
const (
	precisionAsWritten = iota
	precisionYear
	precisionMonth
)

func precisionOf(s string) int {
	switch s {
	case "year":
		return precisionYear
	case "month":
		return precisionMonth
	}
	return precisionAsWritten
}

// parseDateValue reads a date as data files write it: 2016, 2016.0 (a year stored as a number),
// 2016-08, 2016-08-08, 2016/08/08, and full timestamps (2016-08-08T12:00:00, 2016-08-08 12:00), whose time
// is dropped. The result is truncated to the precision.
func parseDateValue(b []byte, precision int) (graph.Date, error) {
	b = bytes.TrimSpace(b)
	var d graph.Date
	if y, ok := yearNumber(b); ok {
		d = graph.NewDate(y, 0, 0)
	} else {
		s := string(b)
		if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
			s = s[:10]
		}
		s = strings.ReplaceAll(s, "/", "-")
		var err error
		if d, err = graph.ParseDate(s); err != nil {
			return 0, fmt.Errorf("bad date %q: want a year, YYYY-MM or YYYY-MM-DD", b)
		}
	}
	switch precision {
	case precisionYear:
		d = graph.NewDate(d.Year(), 0, 0)
	case precisionMonth:
		d = graph.NewDate(d.Year(), d.Month(), 0)
	}
	return d, nil
}

// yearNumber reads a year written as a whole number of 1 to 4 digits, optionally followed by a
// fraction of zeros (2021.0). Years run from 1 to 9999.
func yearNumber(b []byte) (int, bool) {
	i, y := 0, 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		y = y*10 + int(b[i]-'0')
		i++
		if i > 4 {
			return 0, false
		}
	}
	if i == 0 || y == 0 {
		return 0, false
	}
	if i < len(b) {
		if b[i] != '.' {
			return 0, false
		}
		for _, c := range b[i+1:] {
			if c != '0' {
				return 0, false
			}
		}
	}
	return y, true
}

// parseWeight reads a non-negative finite number. Whole numbers of up to 15 digits are read without
// allocating.
func parseWeight(b []byte) (float64, error) {
	if len(b) > 0 && len(b) <= 15 {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if n >= 0 {
			return float64(n), nil
		}
	}
	s := string(bytes.TrimSpace(b))
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
		return 0, fmt.Errorf("weight %q is not a number", s)
	}
	if w < 0 {
		return 0, fmt.Errorf("weight %q is negative", s)
	}
	return w, nil
}

// nextDay returns the day after d, a full date.
func nextDay(d graph.Date) graph.Date {
	y, m, day := d.Year(), d.Month(), d.Day()
	switch {
	case day < graph.DaysIn(y, m):
		return graph.NewDate(y, m, day+1)
	case m < 12:
		return graph.NewDate(y, m+1, 1)
	}
	return graph.NewDate(y+1, 1, 1)
}

// normName folds a name for matching exactly as graph.Normalize does, with a fast path for ASCII.
func normName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return graph.Normalize(s)
		}
	}
	b := make([]byte, 0, len(s))
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '-' || c == '_' || c == '.' || c == '\'':
			dash = len(b) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if dash {
			b = append(b, '-')
			dash = false
		}
		b = append(b, c)
	}
	return string(b)
}

// slug turns a name or key into an actor id: lower case, diacritics dropped, every run of other
// characters a hyphen ("Bosnia and Herzegovina" → bosnia-and-herzegovina, "Cote d'Ivoire" →
// cote-d-ivoire). It returns "" when nothing usable is left.
func slug(s string) string {
	n := normName(s)
	var b strings.Builder
	dash := false
	for _, r := range n {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
