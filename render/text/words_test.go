package text_test

import (
	"strings"
	"testing"

	"github.com/relgraph/relgraph/render/text"
)

func TestWrap(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width int
		want  string
	}{
		{"", 10, ""},
		{"one", 10, "one"},
		{"one two three", 7, "one two\n> three"},
		{"  spaced   out\twords \n", 9, "spaced\n> out words"},
		{"Türkiye über alles", 7, "Türkiye\n> über\n> alles"}, // runes, not bytes
		{"averyverylongword x", 5, "averyverylongword\n> x"},
	} {
		if got := text.Wrap(tt.text, tt.width, "> "); got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
	// A long paragraph: every line but the last holds as many words as fit.
	got := text.Wrap(strings.Repeat("word ", 1000), 90, "> ")
	lines := strings.Split(got, "\n")
	if len(lines) != 56 || lines[0] != strings.TrimSpace(strings.Repeat("word ", 18)) || lines[55] != "> "+strings.TrimSpace(strings.Repeat("word ", 1000-55*18)) {
		t.Errorf("wrapped into %d lines: %q … %q", len(lines), lines[0], lines[len(lines)-1])
	}
}

func TestColourDiff(t *testing.T) {
	in := "--- @2012\n+++ @2016\n\nvisit (+1 -1)\n+ 2016  Russia → Azerbaijan\n- 2012  x\n~ id\n    start: a → b\n"
	want := "\033[1m--- @2012\033[0m\n\033[1m+++ @2016\033[0m\n\nvisit (+1 -1)\n\033[32m+ 2016  Russia → Azerbaijan\033[0m\n\033[31m- 2012  x\033[0m\n\033[33m~ id\033[0m\n    start: a → b\n"
	if got := string(text.ColourDiff([]byte(in))); got != want {
		t.Errorf("ColourDiff =\n%q\nwant\n%q", got, want)
	}
}
