package cli

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Count flags: how many paths, brokers, hops or steps a query command is asked for. They are declared
// with countFlag and checked in one place, checkCounts, which each query command runs before its work
// (exit 2 on a count out of bounds), so that no command can take a negative count or one so large
// that the answer could not be held or read.

// countValue is a count flag's value: a whole number, written in decimal (1000000 or 1_000_000; a
// leading 0 is a 0, not the mark of an octal number) or in scientific notation (1e6).
type countValue struct {
	p        *int
	min, max int    // bounds; max ≤ 0 means none
	hint     string // what to do instead of asking for more than max
	huge     string // the number as given, when it lies beyond the range of int
}

func (v *countValue) String() string { return strconv.Itoa(*v.p) }

func (v *countValue) Type() string { return "int" }

// errNotCount is returned for a count flag set to something other than a whole number.
var errNotCount = errors.New("not a whole number")

func (v *countValue) Set(s string) error {
	s = strings.ReplaceAll(s, "_", "")
	n, err := strconv.ParseInt(s, 10, 64)
	v.huge = ""
	switch {
	case err == nil && n == int64(int(n)):
		*v.p = int(n)
		return nil
	case err != nil && !errors.Is(err, strconv.ErrRange):
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
			return errNotCount
		}
		if f >= math.MinInt && f < math.MaxInt {
			*v.p = int(f)
			return nil
		}
	}
	// Beyond the range of int, a count is out of any bounds: keep it at the edge of the range, and the
	// number as given for the message.
	*v.p, v.huge = math.MaxInt, s
	if strings.HasPrefix(s, "-") {
		*v.p = math.MinInt
	}
	return nil
}

// countFlag defines a count flag on fs with a default and bounds (max ≤ 0: none); hint tells a user
// who asked for more than max what to do instead.
func countFlag(fs *pflag.FlagSet, p *int, name string, def, min, max int, hint, usage string) {
	*p = def
	fs.Var(&countValue{p: p, min: min, max: max, hint: hint}, name, usage)
}

// checkCounts checks every count flag of cmd against its bounds. It is the PreRunE of the commands
// that have count flags.
func checkCounts(cmd *cobra.Command, _ []string) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		v, ok := f.Value.(*countValue)
		if !ok || err != nil {
			return
		}
		n := *v.p
		got := strconv.Itoa(n)
		if v.huge != "" {
			got = v.huge
		}
		switch {
		case n < v.min && v.min == 0:
			err = usagef("--%s must not be negative (got %s)", f.Name, got)
		case n < v.min:
			err = usagef("--%s must be at least %d (got %s)", f.Name, v.min, got)
		case v.max > 0 && n > v.max:
			msg := fmt.Sprintf("--%s must be at most %d (got %s)", f.Name, v.max, got)
			if v.hint != "" {
				msg += ": " + v.hint
			}
			err = usageError{errors.New(msg)}
		}
	})
	return err
}
