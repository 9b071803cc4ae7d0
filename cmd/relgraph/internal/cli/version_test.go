package cli

import (
	"strings"
	"testing"
)

// TestVersion checks that 'version' and '--version' print the same line naming the build, and that
// --json gives its fields.
func TestVersion(t *testing.T) {
	v, stderr, code := run(t, "version")
	flag, _, code2 := run(t, "--version")
	if code != 0 || code2 != 0 || stderr != "" || v != flag || !strings.HasPrefix(v, "relgraph ") || !strings.Contains(v, "go1.") {
		t.Errorf("version = %q (exit %d, %q), --version = %q (exit %d)", v, code, stderr, flag, code2)
	}
	j, _, code := run(t, "version", "--json")
	if code != 0 || !strings.Contains(j, `"program": "relgraph"`) || !strings.Contains(j, `"go": "go1.`) {
		t.Errorf("version --json = %s (exit %d)", j, code)
	}
	if _, stderr, code := run(t, "version", "x"); code != 2 || !strings.Contains(stderr, `unknown command "x"`) {
		t.Errorf("version x: exit %d, %q", code, stderr)
	}
}
