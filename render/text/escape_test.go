package text

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeControls(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text, ünïcödé — ok", "plain text, ünïcödé — ok"},
		{"keeps\nnewlines\tand tabs", "keeps\nnewlines\tand tabs"},
		{"title\x1b]0;pwned\x07", `title\x1b]0;pwned\a`},
		{"clear\x1b[2J\x1b[H", `clear\x1b[2J\x1b[H`},
		{"over\rwrite", `over\rwrite`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"\b\f\v", `\b\f\v`},
		{"c1 csi \u009b31m", `c1 csi \u009b31m`},
		{"bidi \u202egnp.exe\u202c and \u2066iso\u2069", `bidi \u202egnp.exe\u202c and \u2066iso\u2069`},
		{"bad \xff\xfe utf8", `bad \xff\xfe utf8`},
		{"truncated \xe2\x82", `truncated \xe2\x82`},
		{"", ""},
	} {
		got := string(EscapeControls([]byte(tc.in)))
		if got != tc.want {
			t.Errorf("EscapeControls(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if s := EscapeControlsString(tc.in); s != tc.want {
			t.Errorf("EscapeControlsString(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

// TestControlEscaperSplitWrites writes text one byte at a time: a UTF-8 sequence split across writes
// must come out whole, and the result must equal EscapeControls of the whole.
func TestControlEscaperSplitWrites(t *testing.T) {
	in := "Türkiye \x1b[31m — Ağdam\r\u202e \xff end é"
	for _, chunk := range []int{1, 2, 3, 5, len(in)} {
		var out bytes.Buffer
		e := NewControlEscaper(&out)
		for i := 0; i < len(in); i += chunk {
			n, err := e.Write([]byte(in[i:min(i+chunk, len(in))]))
			if err != nil || n != min(chunk, len(in)-i) {
				t.Fatalf("Write = %d, %v", n, err)
			}
		}
		if err := e.Flush(); err != nil {
			t.Fatal(err)
		}
		if got, want := out.String(), string(EscapeControls([]byte(in))); got != want {
			t.Errorf("chunks of %d: %q, want %q", chunk, got, want)
		}
	}
	// A trailing incomplete sequence is written out, escaped, by Flush.
	var out bytes.Buffer
	e := NewControlEscaper(&out)
	e.Write([]byte("end \xe2\x82"))
	if out.String() != "end " {
		t.Errorf("before Flush: %q", out.String())
	}
	e.Flush()
	if out.String() != `end \xe2\x82` {
		t.Errorf("after Flush: %q", out.String())
	}
}

func FuzzEscapeControls(f *testing.F) {
	for _, s := range []string{"a\x1b[2Jb", "é\xff", "\u202e", "\r\n", "\u009b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(EscapeControls([]byte(s)))
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 in %q", out)
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
				(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("control %U left in %q", r, out)
			}
		}
		// Text without controls, and without backslashes, comes out unchanged.
		if !strings.ContainsRune(s, '\\') && firstControl([]byte(s)) < 0 && out != s {
			t.Fatalf("changed %q to %q", s, out)
		}
	})
}
