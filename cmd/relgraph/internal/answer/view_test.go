package answer

import "testing"

func TestShellWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"moscow", "moscow"},
		{"Türkiye", "Türkiye"},
		{"a-b_c.d", "a-b_c.d"},
		{"defence ministry", "'defence ministry'"},
		{"o'brien", `'o'\''brien'`},
		{"$(rm -rf ~)", "'$(rm -rf ~)'"},
		{"a;b", "'a;b'"},
		{"", "''"},
	}
	for _, tt := range tests {
		if got := ShellWord(tt.in); got != tt.want {
			t.Errorf("ShellWord(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
