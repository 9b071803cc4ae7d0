// Package jsontok is a small strict JSON reader over a byte slice that knows where it is: every
// problem carries a byte offset, so that a caller can turn it into line:col. It reads the values a
// caller asks for in the order it expects them (objects with known fields, lists, strings, numbers,
// booleans), which is how the snapshot reader of package data follows its fixed layout without
// building a tree, and it skips any other value up to a bounded depth, so no input can exhaust the
// stack.
package jsontok

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// Error is a problem at a byte offset of the input.
type Error struct {
	// Off is the byte offset of the problem.
	Off int
	// Msg says what is wrong.
	Msg string
	// Foreign marks an input that is not of the expected kind at all (see FailForeign).
	Foreign bool
}

// Scanner reads JSON values from Src, starting at I. The first problem sticks in Err and turns the
// remaining calls into no-ops.
type Scanner struct {
	// Src is the input.
	Src []byte
	// I is the offset of the next byte to read.
	I int
	// Err is the first problem, nil while there is none.
	Err     *Error
	scratch []byte
}

// Fail records a problem at off, unless there is one already.
func (sc *Scanner) Fail(off int, format string, args ...any) {
	if sc.Err == nil {
		sc.Err = &Error{Off: off, Msg: fmt.Sprintf(format, args...)}
	}
}

// FailForeign records a problem at off that says the input is not of the expected kind at all.
func (sc *Scanner) FailForeign(off int, format string, args ...any) {
	if sc.Err == nil {
		sc.Fail(off, format, args...)
		sc.Err.Foreign = true
	}
}

// Stop ends the scan early without a problem: the calls that follow do nothing.
func (sc *Scanner) Stop() { sc.Err = &Error{Msg: "stop"} }

// WS skips white space.
func (sc *Scanner) WS() {
	for sc.I < len(sc.Src) {
		switch sc.Src[sc.I] {
		case ' ', '\t', '\n', '\r':
			sc.I++
		default:
			return
		}
	}
}

// Found describes the next token for messages.
func (sc *Scanner) Found() string {
	if sc.I >= len(sc.Src) {
		return "the end of the file (is it truncated?)"
	}
	c := sc.Src[sc.I]
	switch {
	case c == '"':
		return "a string"
	case c == '{':
		return "an object"
	case c == '[':
		return "a list"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	case bytes.HasPrefix(sc.Src[sc.I:], []byte("null")):
		return "null"
	case bytes.HasPrefix(sc.Src[sc.I:], []byte("true")), bytes.HasPrefix(sc.Src[sc.I:], []byte("false")):
		return "a boolean"
	}
	r, _ := utf8.DecodeRune(sc.Src[sc.I:])
	return fmt.Sprintf("%q", r)
}

// Expect consumes byte c (after white space).
func (sc *Scanner) Expect(c byte, what string) bool {
	if sc.Err != nil {
		return false
	}
	sc.WS()
	if sc.I < len(sc.Src) && sc.Src[sc.I] == c {
		sc.I++
		return true
	}
	sc.Fail(sc.I, "want %s, found %s", what, sc.Found())
	return false
}

// Object reads an object (what names it in messages: "a link"), calling fn with each key, the
// scanner then at its value, which fn must read. The key aliases the input and is valid until the value
// is read. fn returns false to stop early.
func (sc *Scanner) Object(what string, fn func(key []byte, keyOff int) bool) {
	if !sc.Expect('{', what) {
		return
	}
	sc.WS()
	if sc.I < len(sc.Src) && sc.Src[sc.I] == '}' {
		sc.I++
		return
	}
	for sc.Err == nil {
		sc.WS()
		keyOff := sc.I
		if sc.I >= len(sc.Src) || sc.Src[sc.I] != '"' {
			sc.Fail(sc.I, "want a field name in quotes, found %s", sc.Found())
			return
		}
		key := sc.StrBytes()
		if !sc.Expect(':', "':' after a field name") {
			return
		}
		sc.WS()
		if !fn(key, keyOff) || sc.Err != nil {
			return
		}
		sc.WS()
		if sc.I < len(sc.Src) && sc.Src[sc.I] == ',' {
			sc.I++
			continue
		}
		sc.Expect('}', "',' or '}'")
		return
	}
}

// FieldSet records which of a list of known fields an object had.
type FieldSet struct {
	known []string
	mask  uint64
}

// Has reports whether the object had field name.
func (fs FieldSet) Has(name string) bool {
	i := slices.Index(fs.known, name)
	return i >= 0 && fs.mask&(1<<i) != 0
}

// Fields reads an object whose keys must be among known (at most 64), each at most once, calling fn
// with the key at its value. what names the object with its article ("a link").
func (sc *Scanner) Fields(what string, known []string, fn func(key string)) FieldSet {
	set := FieldSet{known: known}
	next := 0 // canonical files list the fields in order: try the one after the last first
	sc.Object(what, func(key []byte, keyOff int) bool {
		i := next
		if i >= len(known) || known[i] != string(key) {
			for i = 0; i < len(known) && known[i] != string(key); i++ {
			}
		}
		next = i + 1
		switch {
		case i == len(known):
			sc.Unknown(keyOff, what, string(key), known...)
			return false
		case set.mask&(1<<i) != 0:
			sc.Fail(keyOff, "duplicate field %q in %s", key, what)
			return false
		}
		set.mask |= 1 << i
		fn(known[i])
		return true
	})
	return set
}

// Unknown fails for a field key that is not among known, suggesting the nearest.
func (sc *Scanner) Unknown(off int, what, key string, known ...string) {
	hint := fmt.Sprintf(" (known fields: %s)", strings.Join(known, ", "))
	if s := graph.Suggest(key, slices.Values(known)); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	sc.Fail(off, "unknown field %q in %s%s", key, what, hint)
}

// Array reads a list, calling fn for each item with the scanner at the item. null is an empty list.
func (sc *Scanner) Array(fn func(i int)) {
	if sc.Null() {
		return
	}
	if !sc.Expect('[', "a list") {
		return
	}
	sc.WS()
	if sc.I < len(sc.Src) && sc.Src[sc.I] == ']' {
		sc.I++
		return
	}
	for i := 0; sc.Err == nil; i++ {
		sc.WS()
		fn(i)
		if sc.Err != nil {
			return
		}
		sc.WS()
		if sc.I < len(sc.Src) && sc.Src[sc.I] == ',' {
			sc.I++
			continue
		}
		sc.Expect(']', "',' or ']'")
		return
	}
}

// Null consumes a null and reports whether there was one.
func (sc *Scanner) Null() bool {
	if sc.Err != nil {
		return false
	}
	sc.WS()
	if bytes.HasPrefix(sc.Src[sc.I:], []byte("null")) {
		sc.I += 4
		return true
	}
	return false
}

// StrBytes reads a string (null reads as empty). The result aliases the file or a scratch buffer and
// is valid until the next call.
func (sc *Scanner) StrBytes() []byte {
	if sc.Err != nil {
		return nil
	}
	sc.WS()
	if sc.I >= len(sc.Src) || sc.Src[sc.I] != '"' {
		if !sc.Null() {
			sc.Fail(sc.I, "want a string, found %s", sc.Found())
		}
		return nil
	}
	start := sc.I + 1
	ascii := true
	for i := start; i < len(sc.Src); i++ {
		c := sc.Src[i]
		switch {
		case c == '"':
			sc.I = i + 1
			s := sc.Src[start:i]
			if !ascii && !utf8.Valid(s) {
				sc.Fail(start, "a string holds invalid UTF-8")
				return nil
			}
			return s
		case c == '\\':
			return sc.escaped(start, i)
		case c < 0x20:
			sc.Fail(i, "a control character in a string must be escaped")
			return nil
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	sc.Fail(len(sc.Src), "unterminated string: the file ends inside it (is it truncated?)")
	return nil
}

// escaped decodes a string holding escapes, from its start; i is the first backslash.
func (sc *Scanner) escaped(start, i int) []byte {
	b := append(sc.scratch[:0], sc.Src[start:i]...)
	for i < len(sc.Src) {
		c := sc.Src[i]
		switch {
		case c == '"':
			sc.I = i + 1
			sc.scratch = b
			if !utf8.Valid(b) {
				sc.Fail(start, "a string holds invalid UTF-8")
				return nil
			}
			return b
		case c < 0x20:
			sc.Fail(i, "a control character in a string must be escaped")
			return nil
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		if i+1 >= len(sc.Src) {
			break
		}
		switch e := sc.Src[i+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(sc.Src[i+2:])
			if !ok {
				sc.Fail(i, `bad \u escape: want four hex digits`)
				return nil
			}
			i += 4
			if utf16.IsSurrogate(r) {
				// A pair of escapes \uD83D\uDE00 is one character; a lone half is U+FFFD.
				if i+7 < len(sc.Src) && sc.Src[i+2] == '\\' && sc.Src[i+3] == 'u' {
					if lo, ok := hex4(sc.Src[i+4:]); ok {
						if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
							r = d
							i += 6
						}
					}
				}
				if utf16.IsSurrogate(r) {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			sc.Fail(i, "bad escape \\%c in a string", e)
			return nil
		}
		i += 2
	}
	sc.Fail(len(sc.Src), "unterminated string: the file ends inside it (is it truncated?)")
	return nil
}

// hex4 decodes the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// Str reads a string (null reads as empty).
func (sc *Scanner) Str() string { return string(sc.StrBytes()) }

// Strings reads a list of strings (null is an empty list).
func (sc *Scanner) Strings() []string {
	var out []string
	sc.Array(func(int) { out = append(out, sc.Str()) })
	return out
}

// NumberText reads the text of a JSON number.
func (sc *Scanner) NumberText() []byte {
	if sc.Err != nil {
		return nil
	}
	sc.WS()
	start, i := sc.I, sc.I
	digits := func() int {
		n := 0
		for i < len(sc.Src) && sc.Src[i] >= '0' && sc.Src[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(sc.Src) && sc.Src[i] == '-' {
		i++
	}
	lead := i
	if digits() == 0 {
		sc.Fail(start, "want a number, found %s", sc.Found())
		return nil
	}
	if sc.Src[lead] == '0' && i-lead > 1 {
		sc.Fail(start, "a number cannot start with 0")
		return nil
	}
	if i < len(sc.Src) && sc.Src[i] == '.' {
		i++
		if digits() == 0 {
			sc.Fail(i, "want digits after '.'")
			return nil
		}
	}
	if i < len(sc.Src) && (sc.Src[i] == 'e' || sc.Src[i] == 'E') {
		i++
		if i < len(sc.Src) && (sc.Src[i] == '+' || sc.Src[i] == '-') {
			i++
		}
		if digits() == 0 {
			sc.Fail(i, "want digits in the exponent")
			return nil
		}
	}
	sc.I = i
	return sc.Src[start:i]
}

// Number reads a finite JSON number.
func (sc *Scanner) Number() float64 {
	off := sc.I
	t := sc.NumberText()
	if sc.Err != nil {
		return 0
	}
	v, err := strconv.ParseFloat(string(t), 64)
	if err != nil || math.IsInf(v, 0) {
		sc.Fail(off, "number %s is out of range", t)
	}
	return v
}

// Integer reads a whole number that fits an int32.
func (sc *Scanner) Integer() int {
	sc.WS()
	off := sc.I
	t := sc.NumberText()
	if sc.Err != nil {
		return 0
	}
	v, err := strconv.ParseInt(string(t), 10, 32)
	if err != nil {
		sc.Fail(off, "want a whole number, found %s", t)
	}
	return int(v)
}

// Boolean reads true or false.
func (sc *Scanner) Boolean() bool {
	if sc.Err != nil {
		return false
	}
	sc.WS()
	switch {
	case bytes.HasPrefix(sc.Src[sc.I:], []byte("true")):
		sc.I += 4
		return true
	case bytes.HasPrefix(sc.Src[sc.I:], []byte("false")):
		sc.I += 5
		return false
	}
	sc.Fail(sc.I, "want true or false, found %s", sc.Found())
	return false
}

// Attrs reads an object of strings (null is nil), refusing duplicate keys.
func (sc *Scanner) Attrs() map[string]string {
	var m map[string]string
	if sc.Null() {
		return nil
	}
	sc.Object("an object of attributes", func(k []byte, keyOff int) bool {
		key := string(k)
		if m == nil {
			m = map[string]string{}
		}
		if _, dup := m[key]; dup {
			sc.Fail(keyOff, "duplicate attribute %q", key)
			return false
		}
		m[key] = sc.Str()
		return true
	})
	return m
}

// maxSkipDepth bounds the nesting Skip follows, so that no input can exhaust the stack.
const maxSkipDepth = 64

// Skip reads over any value; depth is the nesting it is called at (0 at the top).
func (sc *Scanner) Skip(depth int) {
	if sc.Err != nil {
		return
	}
	if depth > maxSkipDepth {
		sc.Fail(sc.I, "too deeply nested")
		return
	}
	sc.WS()
	if sc.I >= len(sc.Src) {
		sc.Fail(sc.I, "want a value, found %s", sc.Found())
		return
	}
	switch c := sc.Src[sc.I]; {
	case c == '{':
		sc.Object("an object", func([]byte, int) bool { sc.Skip(depth + 1); return sc.Err == nil })
	case c == '[':
		sc.Array(func(int) { sc.Skip(depth + 1) })
	case c == '"':
		sc.StrBytes()
	case c == 't' || c == 'f':
		sc.Boolean()
	case c == 'n':
		if !sc.Null() {
			sc.Fail(sc.I, "want a value, found %s", sc.Found())
		}
	default:
		sc.NumberText()
	}
}
