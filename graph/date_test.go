package graph

import (
	"errors"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		lo, hi  string
		wantErr string
	}{
		{in: "2016", want: "2016", lo: "2016-01-01", hi: "2016-12-31"},
		{in: "2016-08", want: "2016-08", lo: "2016-08-01", hi: "2016-08-31"},
		{in: "2016-02", want: "2016-02", lo: "2016-02-01", hi: "2016-02-29"},
		{in: "2015-02", want: "2015-02", lo: "2015-02-01", hi: "2015-02-28"},
		{in: "1900-02", want: "1900-02", lo: "1900-02-01", hi: "1900-02-28"},
		{in: "2000-02", want: "2000-02", lo: "2000-02-01", hi: "2000-02-29"},
		{in: "2016-08-08", want: "2016-08-08", lo: "2016-08-08", hi: "2016-08-08"},
		{in: "2016-04-30", want: "2016-04-30", lo: "2016-04-30", hi: "2016-04-30"},
		{in: " 1992 ", want: "1992", lo: "1992-01-01", hi: "1992-12-31"},
		{in: "", want: ""},
		{in: "2016-13", wantErr: `bad date "2016-13": month 13 does not exist`},
		{in: "2016-00", wantErr: `bad date "2016-00": month 0 does not exist`},
		{in: "2016-02-30", wantErr: `bad date "2016-02-30": 2016-02 has no day 30`},
		{in: "2015-02-29", wantErr: `bad date "2015-02-29": 2015-02 has no day 29`},
		{in: "2016-04-31", wantErr: `bad date "2016-04-31": 2016-04 has no day 31`},
		{in: "16", wantErr: `bad date "16": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "2016-8", wantErr: `bad date "2016-8": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "2016/08", wantErr: `bad date "2016/08": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "0000", wantErr: `bad date "0000": year must be 0001 or later`},
		{in: "2016-08-08-01", wantErr: `bad date "2016-08-08-01": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "２０１６", wantErr: `bad date "２０１６": want YYYY, YYYY-MM or YYYY-MM-DD`},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr || !errors.Is(err, ErrBadDate) {
				t.Errorf("ParseDate(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if d.String() != tt.want || d.Lo().String() != tt.lo || d.Hi().String() != tt.hi {
			t.Errorf("ParseDate(%q) = %s [%s, %s], want %s [%s, %s]", tt.in, d, d.Lo(), d.Hi(), tt.want, tt.lo, tt.hi)
		}
	}
}

func TestWindow(t *testing.T) {
	d := func(s string) Date {
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name       string
		w          Window
		start, end string
		want       bool
	}{
		{"inside", At(d("2016")), "2010", "2020", true},
		{"ends in the year", At(d("2016")), "2010", "2016-03", true},
		{"ended the year before", At(d("2016")), "2010", "2015-12", false},
		{"starts on the last day", At(d("2016")), "2016-12-31", "", true},
		{"starts the next year", At(d("2016")), "2017", "", false},
		{"open both ends", At(d("2016")), "", "", true},
		{"only an end, later", At(d("2016-08")), "", "2016-08-31", true},
		{"month window, lease ended earlier that year", At(d("2012-12")), "2002", "2012-11", false},
		{"month window, lease ends in month", At(d("2012-12")), "2002", "2012-12", true},
		{"since window", Window{From: d("2020")}, "2010", "2019", false},
		{"since window open end", Window{From: d("2020")}, "2010", "", true},
		{"until window", Window{To: d("2000")}, "2001", "", false},
		{"zero window", Window{}, "1900", "1901", true},
	}
	for _, tt := range tests {
		if got := tt.w.admitsSpan(d(tt.start), d(tt.end)); got != tt.want {
			t.Errorf("%s: admitsSpan(%s, %s) in [%s, %s] = %v, want %v", tt.name, tt.start, tt.end, tt.w.From, tt.w.To, got, tt.want)
		}
	}
	if !At(d("2016")).admitsEvent(d("1992-02-26"), true) || At(d("2016")).admitsEvent(d("2017-01"), true) {
		t.Error("At keeps events on or before the date only")
	}
	if (Window{From: d("2016"), To: d("2020")}).admitsEvent(d("2015-12-31"), false) {
		t.Error("a since/until window drops events before it")
	}
}

func TestDateText(t *testing.T) {
	for _, s := range []string{"2016", "2016-08", "2016-08-08"} {
		d, _ := ParseDate(s)
		b, _ := d.MarshalText()
		var back Date
		if err := back.UnmarshalText(b); err != nil || back != d || string(b) != s {
			t.Errorf("round trip of %s via %s gave %s, %v", s, b, back, err)
		}
	}
	var z Date
	if err := z.UnmarshalText([]byte("2016-13")); err == nil {
		t.Error("bad date accepted from text")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2016", "2016-08", "2016-02-29", "2016-13", "", "9999-12-31", "0001-01-01", "-1", "2016-", "2016--1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d == 0 {
			return
		}
		if d.Lo() > d.Hi() {
			t.Fatalf("%q: Lo %s after Hi %s", s, d.Lo(), d.Hi())
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q: String %q does not parse back (%v, %v)", s, d.String(), back, err)
		}
	})
}
