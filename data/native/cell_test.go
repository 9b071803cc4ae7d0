package native

import "testing"

// TestEscapeCell: cells a spreadsheet would run as formulas get an apostrophe in front, and so do cells
// that start with apostrophes before such a character; plain numbers and everything else are left as
// they are.
func TestEscapeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Baku", "Baku"},
		{"=1+1", "'=1+1"},
		{"+7 495 123", "'+7 495 123"},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tTab", "'\tTab"},
		{"\rCR", "'\rCR"},
		{"'=already", "''=already"},
		{"''+x", "'''+x"},
		{"'quoted'", "'quoted'"},
		{"'", "'"},
		{"''", "''"},
		{"a=b", "a=b"},
		{" =x", " =x"},
		{"-5", "-5"},
		{"+1.5", "+1.5"},
		{"-2e-3", "-2e-3"},
		{"-0", "-0"},
		{"-", "'-"},
		{"-.5", "'-.5"},
		{"-1-1", "'-1-1"},
		{"-5e", "'-5e"},
		{"+1.", "'+1."},
	}
	for _, tt := range tests {
		if got := EscapeCell(tt.in); got != tt.want {
			t.Errorf("EscapeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestUnescapeCell: UnescapeCell undoes EscapeCell for every value.
func TestUnescapeCell(t *testing.T) {
	for _, v := range []string{"", "'", "''", "=1", "'=1", "''=1", "-5", "-", "'x", "\tx", "a=b", " =x", "@"} {
		if got := UnescapeCell(EscapeCell(v)); got != v {
			t.Errorf("UnescapeCell(EscapeCell(%q)) = %q", v, got)
		}
	}
}
