package importer

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestParseMappingAliasBomb: a mapping whose aliases reach far more nodes than it has bytes is refused
// at once, at the line of the alias that crosses the limit, before its fields are checked.
func TestParseMappingAliasBomb(t *testing.T) {
	const n = 30_000
	src := "import:\n  links:\n    - &l {file: a.csv, kind: trade, to: b, from: [" + strings.TrimSuffix(strings.Repeat("a, ", n), ", ") + "]}\n" +
		strings.Repeat("    - *l\n", n)
	start := time.Now()
	_, err := ParseMapping([]byte(src))
	if !errors.Is(err, ErrMapping) || !strings.Contains(err.Error(), "line 16: alias *l takes the nodes reached through aliases past") {
		t.Fatalf("ParseMapping: %v", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %v", el)
	}
}
