package graph

import (
	"errors"
	"fmt"
	"strings"
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

// TestParseDateFastPath checks the allocation-free path of ParseDate and ParseDateBytes against the
// general path on every shape of date text, valid and not.
func TestParseDateFastPath(t *testing.T) {
	inputs := []string{"", " ", "2016", "0000", "0001", "9999", "2016-00", "2016-01", "2016-12", "2016-13",
		"2016-02-29", "2015-02-29", "2000-02-29", "1900-02-29", "2016-04-31", "2016-04-30", "2016-1-01",
		"2016-01-1", "2016/01/01", "201a", "2016-0a", "2016-01-0a", " 2016", "2016 ", "2016-08-08", "+016",
		"-016", "2016-", "2016-08-", "20160808", "2016-08-08-01", "１２３４"}
	for y := 0; y <= 2; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				inputs = append(inputs, fmt.Sprintf("%04d-%02d-%02d", 2000+y*100, m, d))
			}
		}
	}
	for _, s := range inputs {
		want, wantErr := parseDate(s)
		got, err := ParseDate(s)
		gotB, errB := ParseDateBytes([]byte(s))
		if got != want || gotB != want || (err == nil) != (wantErr == nil) || (errB == nil) != (wantErr == nil) {
			t.Errorf("%q: ParseDate = %v, %v; ParseDateBytes = %v, %v; general path = %v, %v", s, got, err, gotB, errB, want, wantErr)
		}
		if wantErr != nil && (err.Error() != wantErr.Error() || errB.Error() != wantErr.Error()) {
			t.Errorf("%q: messages differ: %v / %v / %v", s, err, errB, wantErr)
		}
	}
}

// TestAppendLinkID checks that AppendLinkID appends what DeriveLinkID returns.
func TestAppendLinkID(t *testing.T) {
	for _, c := range []struct {
		kind, from, to string
		directed       bool
		date           Date
	}{{"ally", "b", "a", false, 0}, {"ally", "a", "b", false, NewDate(2016, 8, 0)}, {"arms_sale", "z", "a", true, NewDate(2016, 8, 8)},
		{"k", "", "", true, NewDate(1, 0, 0)}, {"k", "very-long-actor-identifier-" + strings.Repeat("x", 100), "y", false, NewDate(2020, 1, 2)}} {
		want := DeriveLinkID(c.kind, c.from, c.to, c.directed, c.date)
		if got := string(AppendLinkID([]byte("pre:"), c.kind, c.from, c.to, c.directed, c.date)); got != "pre:"+want {
			t.Errorf("AppendLinkID = %q, DeriveLinkID = %q", got, want)
		}
		from, to := c.from, c.to
		if !c.directed && to < from {
			from, to = to, from
		}
		ref := c.kind + ":" + from + ":" + to
		if c.date != 0 {
			ref += ":" + c.date.String()
		}
		if want != ref {
			t.Errorf("DeriveLinkID = %q, want %q", want, ref)
		}
	}
}
