package cli

import (
	"strings"
	"testing"
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
		if got := wrap(tt.text, tt.width, "> "); got != tt.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
	// A long paragraph: every line but the last holds as many words as fit.
	got := wrap(strings.Repeat("word ", 1000), 90, "> ")
	lines := strings.Split(got, "\n")
	if len(lines) != 56 || lines[0] != strings.TrimSpace(strings.Repeat("word ", 18)) || lines[55] != "> "+strings.TrimSpace(strings.Repeat("word ", 1000-55*18)) {
		t.Errorf("wrapped into %d lines: %q … %q", len(lines), lines[0], lines[len(lines)-1])
	}
}

func TestParseByteSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		bad  bool
	}{
		{in: "64MiB", want: 64 << 20},
		{in: "1 GiB", want: 1 << 30},
		{in: "1.5KiB", want: 1536},
		{in: "512", want: 512},
		{in: "100B", want: 100},
		{in: "2TiB", want: 2 << 40},
		{in: "0", bad: true},
		{in: "-1MiB", bad: true},
		{in: "lots", bad: true},
		{in: "64MB", bad: true},
		{in: "9999999TiB", bad: true},
	} {
		got, err := parseByteSize(tt.in)
		if tt.bad != (err != nil) || got != tt.want {
			t.Errorf("parseByteSize(%q) = %d, %v", tt.in, got, err)
		}
	}
	v := int64(64 << 20)
	if s := (sizeValue{&v}).String(); s != "64MiB" {
		t.Errorf("String() = %q", s)
	}
}
