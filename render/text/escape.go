package text

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// Text for a terminal.
//
// Names, aliases, attributes, notes and titles come from datasets that strangers write, and text output
// is read in terminals, where a control character is a command: ESC starts a sequence that can set the
// window title, clear the screen or move the cursor; CR returns to the start of the line, so that what
// follows overwrites it; BEL rings. Text output therefore shows every control character visibly
// escaped, as Go writes it in a string literal:
//   - C0 controls other than newline and tab, and DEL: \a \b \f \r \v, else \x1b;
//   - C1 controls (U+0080–U+009F; U+009B is a second CSI): \u009b;
//   - the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what
//     follows on the line so that the line reads other than its bytes: \u202e;
//   - bytes that are not UTF-8: \xff.
//
// Newline and tab are kept: they are the layout of the output itself. JSON output needs none of this
// (the encoder escapes control characters), nor do DOT and SVG (package render escapes those).

// EscapeControls returns b with every control character escaped for a terminal, or b itself when it
// holds none.
func EscapeControls(b []byte) []byte {
	i := firstControl(b)
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if esc := controlEscape(r, n, b[i]); esc != "" {
			out = append(out, esc...)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// EscapeControlsString is EscapeControls for a string.
func EscapeControlsString(s string) string {
	if firstControl([]byte(s)) < 0 {
		return s
	}
	return string(EscapeControls([]byte(s)))
}

// firstControl returns the offset of the first byte that needs escaping, or -1. ASCII text is scanned
// without decoding.
func firstControl(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if controlEscape(r, n, c) != "" {
			return i
		}
		i += n
	}
	return -1
}

// controlEscape returns how rune r (n bytes, the first of which is c) is written, or "" when it is
// written as it is.
func controlEscape(r rune, n int, c byte) string {
	switch {
	case r == utf8.RuneError && n <= 1:
		return fmt.Sprintf(`\x%02x`, c)
	case r == '\n' || r == '\t':
		return ""
	case r < 0x20 || r == 0x7f:
		switch r {
		case '\a':
			return `\a`
		case '\b':
			return `\b`
		case '\f':
			return `\f`
		case '\r':
			return `\r`
		case '\v':
			return `\v`
		}
		return fmt.Sprintf(`\x%02x`, r)
	case r >= 0x80 && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return ""
}

// ControlEscaper is an io.Writer that escapes control characters (as EscapeControls does) in what is
// written through it. A UTF-8 sequence split across two writes is held back until it is complete, so
// call Flush at the end to write out a trailing incomplete one.
type ControlEscaper struct {
	w       io.Writer
	pending []byte // the start of a UTF-8 sequence the last write ended in
}

// NewControlEscaper returns a ControlEscaper writing to w.
func NewControlEscaper(w io.Writer) *ControlEscaper { return &ControlEscaper{w: w} }

// Write escapes p and writes it. It reports len(p) when the escaped text was written in full.
func (e *ControlEscaper) Write(p []byte) (int, error) {
	b := p
	if len(e.pending) > 0 {
		b = append(e.pending, p...)
		e.pending = nil
	}
	// Hold back a trailing sequence that may still be completed by the next write.
	if k := incompleteTail(b); k > 0 {
		e.pending = append([]byte(nil), b[len(b)-k:]...)
		b = b[:len(b)-k]
	}
	if _, err := e.w.Write(EscapeControls(b)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes out a held-back incomplete UTF-8 sequence, escaped byte by byte.
func (e *ControlEscaper) Flush() error {
	if len(e.pending) == 0 {
		return nil
	}
	b := e.pending
	e.pending = nil
	_, err := e.w.Write(EscapeControls(b))
	return err
}

// incompleteTail returns the length of the start of a multi-byte UTF-8 sequence that b ends in, or 0.
func incompleteTail(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(b[len(b)-k:]) {
				return 0
			}
			return k
		}
	}
	return 0
}
