package cli

import "testing"

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
