package graph

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Date is a partial calendar date: a year, a year and month, or a full day. The zero Date means "no
// date". Dates compare by the span they cover: use Lo and Hi for the first and last day of that span.
//
// A Date is packed into an int32 as year*10000 + month*100 + day, with month and day zero when unknown,
// so it is cheap to store in a link record and its natural order sorts by year, then month, then day.
type Date int32

// ErrBadDate is wrapped by every error that ParseDate returns.
var ErrBadDate = errors.New("bad date")

// ParseDate parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". Years run from 1 to 9999; months and days must exist
// in the calendar (2016-02-30 and 2016-13 are errors). The empty string gives the zero Date and no error.
//
// The well-formed dates are parsed without allocating; anything else takes the slower path that
// checks and explains.
func ParseDate(s string) (Date, error) {
	if d, ok := parseDateFast(s); ok {
		return d, nil
	}
	return parseDate(s)
}

// ParseDateBytes is ParseDate for a byte slice; a well-formed date is parsed without allocating.
func ParseDateBytes(b []byte) (Date, error) {
	if d, ok := parseDateFast(b); ok {
		return d, nil
	}
	return parseDate(string(b))
}

// parseDateFast parses a well-formed YYYY, YYYY-MM or YYYY-MM-DD (no surrounding spaces); ok is false
// for anything else, valid or not.
func parseDateFast[T string | []byte](s T) (Date, bool) {
	num := func(s T) int {
		v := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	n := len(s)
	if n != 4 && n != 7 && n != 10 {
		return 0, false
	}
	y, m, d := num(s[:4]), 0, 0
	if y < 1 {
		return 0, false
	}
	if n >= 7 {
		if m = num(s[5:7]); s[4] != '-' || m < 1 || m > 12 {
			return 0, false
		}
	}
	if n == 10 {
		if d = num(s[8:10]); s[7] != '-' || d < 1 || d > DaysIn(y, m) {
			return 0, false
		}
	}
	return NewDate(y, m, d), true
}

// parseDate is ParseDate's general path: it trims, checks the shape and says what is wrong.
func parseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, fmt.Errorf("%w %q: want YYYY, YYYY-MM or YYYY-MM-DD", ErrBadDate, s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || !allDigits(p) {
			return 0, fmt.Errorf("%w %q: want YYYY, YYYY-MM or YYYY-MM-DD", ErrBadDate, s)
		}
		nums[i], _ = strconv.Atoi(p)
	}
	y, m, d := nums[0], 0, 0
	if y < 1 {
		return 0, fmt.Errorf("%w %q: year must be 0001 or later", ErrBadDate, s)
	}
	if len(nums) > 1 {
		m = nums[1]
		if m < 1 || m > 12 {
			return 0, fmt.Errorf("%w %q: month %d does not exist", ErrBadDate, s, m)
		}
	}
	if len(nums) > 2 {
		d = nums[2]
		if d < 1 || d > DaysIn(y, m) {
			return 0, fmt.Errorf("%w %q: %d-%02d has no day %d", ErrBadDate, s, y, m, d)
		}
	}
	return NewDate(y, m, d), nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// NewDate packs a year, month (0 = unknown) and day (0 = unknown) into a Date without validation.
func NewDate(year, month, day int) Date {
	return Date(year*10000 + month*100 + day)
}

// DaysIn returns the number of days of month m (1–12) of year y in the Gregorian calendar.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsZero reports whether d is the absent date.
func (d Date) IsZero() bool { return d == 0 }

// Year, Month and Day return the components of d; Month and Day are 0 when unknown.
func (d Date) Year() int { return int(d) / 10000 }

// Month returns the month of d, or 0 when d gives only a year.
func (d Date) Month() int { return int(d) / 100 % 100 }

// Day returns the day of d, or 0 when d gives no day.
func (d Date) Day() int { return int(d) % 100 }

// Lo returns the first day covered by d (2016 → 2016-01-01, 2016-08 → 2016-08-01). Lo of the zero Date is
// the zero Date.
func (d Date) Lo() Date {
	if d == 0 {
		return 0
	}
	y, m, day := d.Year(), d.Month(), d.Day()
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return NewDate(y, m, day)
}

// Hi returns the last day covered by d (2016 → 2016-12-31, 2016-02 → 2016-02-29). Hi of the zero Date is
// the zero Date.
func (d Date) Hi() Date {
	if d == 0 {
		return 0
	}
	y, m, day := d.Year(), d.Month(), d.Day()
	if m == 0 {
		m = 12
	}
	if day == 0 {
		day = DaysIn(y, m)
	}
	return NewDate(y, m, day)
}

// String formats d as it was written: "2016", "2016-08" or "2016-08-08"; the zero Date gives "".
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return string(d.Append(make([]byte, 0, 10)))
}

// Append appends d's text form (as String gives it) to b without going through fmt; the zero Date
// appends nothing.
func (d Date) Append(b []byte) []byte {
	if d == 0 {
		return b
	}
	y := d.Year()
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	if m := d.Month(); m != 0 {
		b = append(b, '-', byte('0'+m/10), byte('0'+m%10))
		if day := d.Day(); day != 0 {
			b = append(b, '-', byte('0'+day/10), byte('0'+day%10))
		}
	}
	return b
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Window is a span of time with optional ends: links and events are kept by a Window when they fall in or
// overlap it. The zero Window admits everything.
type Window struct {
	// From is the first day of the window (zero: unbounded); partial dates count from their Lo.
	From Date
	// To is the last day of the window (zero: unbounded); partial dates count to their Hi.
	To Date
}

// IsZero reports whether w is unbounded on both sides.
func (w Window) IsZero() bool { return w.From == 0 && w.To == 0 }

// At returns the window of one partial date: At(2016) spans 2016-01-01 to 2016-12-31.
func At(d Date) Window { return Window{From: d, To: d} }

// admitsSpan reports whether the span [start, end] (zero ends unbounded) overlaps w.
func (w Window) admitsSpan(start, end Date) bool {
	if w.To != 0 && start != 0 && start.Lo() > w.To.Hi() {
		return false
	}
	if w.From != 0 && end != 0 && end.Hi() < w.From.Lo() {
		return false
	}
	return true
}

// admitsEvent reports whether an event on the given date falls in w. With onlyBefore, the lower bound is
// ignored (an --at snapshot keeps every event that happened on or before its date).
func (w Window) admitsEvent(on Date, onlyBefore bool) bool {
	if on == 0 {
		return true
	}
	if w.To != 0 && on.Lo() > w.To.Hi() {
		return false
	}
	if !onlyBefore && w.From != 0 && on.Hi() < w.From.Lo() {
		return false
	}
	return true
}
