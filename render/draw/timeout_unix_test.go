//go:build unix

package draw

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// alive reports whether process pid exists (and is not a zombie waiting for its parent).
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return true // no /proc: trust kill
	}
	// The state follows the command name in parentheses: "pid (comm) S …".
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// TestDrawTimeout runs Draw on helpers that take too long: a helper that sleeps, and a wrapper
// script that starts the helper as its child, as a RELGRAPH_RENDER script may. Each must be stopped
// when Options.Timeout runs out, every process it started with it, and Draw must return a
// *TimeoutError at once, having written nothing.
func TestDrawTimeout(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	tests := []struct {
		name   string
		script string
	}{
		{"helper", `#!/bin/sh
echo $$ > "$PIDS"
exec sleep 30
`},
		{"wrapper with a child", `#!/bin/sh
sleep 30 &
echo $$ $! > "$PIDS"
wait
`},
		{"child that ignores SIGTERM and holds the pipes", `#!/bin/sh
trap '' TERM
sh -c 'trap "" TERM; sleep 30' &
echo $$ $! > "$PIDS"
wait
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			pids := filepath.Join(dir, "pids")
			t.Setenv("PIDS", pids)
			helper := writeFile(t, dir, HelperName, tt.script, 0o755)
			var buf bytes.Buffer
			start := time.Now()
			err := Draw(context.Background(), []byte("digraph { a }"), Options{Timeout: 300 * time.Millisecond,
				Locator: Locator{Override: helper}}, &buf)
			took := time.Since(start)
			var te *TimeoutError
			if !errors.As(err, &te) || te.Timeout != 300*time.Millisecond || !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("error %v, want a TimeoutError of 300ms", err)
			}
			if want := "relgraph-render did not finish the drawing within 300ms and was stopped"; err.Error() != want {
				t.Errorf("message %q, want %q", err, want)
			}
			if took > 3*time.Second {
				t.Errorf("Draw returned after %v", took)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %q", buf.String())
			}
			b, rerr := os.ReadFile(pids)
			if rerr != nil {
				t.Fatal(rerr)
			}
			for _, f := range strings.Fields(string(b)) {
				pid, _ := strconv.Atoi(f)
				deadline := time.Now().Add(2 * time.Second)
				for alive(pid) && time.Now().Before(deadline) {
					time.Sleep(20 * time.Millisecond)
				}
				if alive(pid) {
					t.Errorf("process %d outlived the timeout", pid)
					syscall.Kill(pid, syscall.SIGKILL)
				}
			}
		})
	}
}

// TestDrawWithinTimeout checks that a helper that finishes in time is not disturbed by the timeout.
func TestDrawWithinTimeout(t *testing.T) {
	dir := t.TempDir()
	helper := writeFile(t, dir, HelperName, "#!/bin/sh\ncat\n", 0o755)
	var buf bytes.Buffer
	err := Draw(context.Background(), []byte("digraph { a }"), Options{Timeout: 10 * time.Second,
		Locator: Locator{Override: helper}}, &buf)
	if err != nil || buf.String() != "digraph { a }" {
		t.Errorf("got %q, %v; want the helper's output", buf.String(), err)
	}
}
