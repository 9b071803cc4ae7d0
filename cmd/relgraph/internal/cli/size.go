package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/data/disk"
)

// sizeValue is a flag holding a number of bytes, given as "64MiB", "1GiB", "512KiB" or a plain
// number of bytes.
type sizeValue struct{ n *int64 }

// String implements pflag.Value.
func (s sizeValue) String() string {
	if s.n == nil {
		return ""
	}
	return strings.ReplaceAll(disk.FormatSize(*s.n), " ", "")
}

// Set implements pflag.Value.
func (s sizeValue) Set(v string) error {
	n, err := parseByteSize(v)
	if err != nil {
		return err
	}
	*s.n = n
	return nil
}

// Type implements pflag.Value.
func (s sizeValue) Type() string { return "size" }

// parseByteSize reads a size: a positive number with an optional unit (KiB, MiB, GiB, TiB; bytes
// without one).
func parseByteSize(v string) (int64, error) {
	s := strings.TrimSpace(v)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(rest), u.m
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 || f*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("bad size %q: want a positive number of bytes, or one with KiB, MiB, GiB or TiB (64MiB)", v)
	}
	return int64(f * float64(mult)), nil
}
