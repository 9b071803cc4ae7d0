// Package draw turns DOT text into a picture by running the companion
// executable relgraph-render, in the manner of git's helper programs.
//
// Graphviz runs as WebAssembly that takes tens of milliseconds to start in
// every process that links it, so the relgraph command does not link it: it
// writes DOT itself and, when SVG or PNG is asked for, runs relgraph-render
// (built from cmd/relgraph-render and installed beside relgraph by
// `go install ./cmd/...`). This package does not import Graphviz, directly or
// indirectly.
package draw

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// HelperName is the name of the companion executable, without the ".exe"
// that Windows adds.
const HelperName = "relgraph-render"

// EnvVar is the environment variable through which a user names the helper
// executable explicitly.
const EnvVar = "RELGRAPH_RENDER"

// ErrNoRenderer is returned (wrapped, with instructions) when the helper
// executable cannot be found.
var ErrNoRenderer = errors.New(HelperName + " not found")

// Locator says where to look for the helper. The caller fills it from the
// process's environment (see [DefaultLocator]); this package reads no
// environment variables itself.
type Locator struct {
	// Override is an explicit path to the helper, typically the value of
	// RELGRAPH_RENDER. When it is set, nothing else is searched.
	Override string
	// Dirs are searched in order first, typically the directory of the
	// running relgraph executable.
	Dirs []string
	// PathList is searched last: a list of directories in the form of the
	// PATH environment variable.
	PathList string
}

// DefaultLocator returns the usual Locator: getenv(EnvVar) as the override,
// the directory of the executable that exe reports (if it does), and
// getenv("PATH"). Pass os.Getenv and os.Executable.
func DefaultLocator(getenv func(string) string, exe func() (string, error)) Locator {
	l := Locator{Override: getenv(EnvVar), PathList: getenv("PATH")}
	if p, err := exe(); err == nil {
		if resolved, err := filepath.EvalSymlinks(p); err == nil {
			p = resolved
		}
		l.Dirs = []string{filepath.Dir(p)}
	}
	return l
}

// Find returns the path of the helper executable: Override if set, else the
// first executable file named relgraph-render in Dirs, then in PathList.
// The error wraps ErrNoRenderer and says how to install the helper.
func (l Locator) Find() (string, error) {
	if l.Override != "" {
		if err := checkExecutable(l.Override); err != nil {
			return "", fmt.Errorf("%w: %s=%q: %v", ErrNoRenderer, EnvVar, l.Override, err)
		}
		return l.Override, nil
	}
	dirs := append([]string(nil), l.Dirs...)
	for _, dir := range filepath.SplitList(l.PathList) {
		// A relative PATH entry (or an empty one, meaning the current
		// directory) is not searched, as os/exec refuses such results too.
		if filepath.IsAbs(dir) {
			dirs = append(dirs, dir)
		}
	}
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, exeName())
		if checkExecutable(p) == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w beside relgraph or on PATH; drawing SVG and PNG needs it: "+
		"install both programs with `go install ./cmd/...` in the relgraph source tree, "+
		"or build it next to relgraph with `go build -o DIR ./cmd/relgraph-render` "+
		"(DIR being the directory of relgraph), or name it with %s=/path/to/%s; "+
		"`--as dot` writes DOT text and needs no helper", ErrNoRenderer, EnvVar, HelperName)
}

func exeName() string {
	if runtime.GOOS == "windows" {
		return HelperName + ".exe"
	}
	return HelperName
}

// checkExecutable reports why p is not an executable regular file, or nil.
func checkExecutable(p string) error {
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return errors.New("no such file")
		}
		return err
	}
	if !info.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o111 == 0 {
		return errors.New("not executable")
	}
	return nil
}

// Options says how to draw and where the helper is.
type Options struct {
	// Layout is the Graphviz layout engine (dot, neato, fdp, circo, twopi);
	// empty means dot.
	Layout string
	// Format is svg, png, or dot (DOT text with the computed positions);
	// empty means svg.
	Format string
	// MaxNodes makes the helper refuse larger graphs before layout; zero
	// means the helper's default (1500), a negative value no limit.
	MaxNodes int
	// Scale is the PNG resolution in pixels per point; zero means the
	// helper's default (2, that is 144 dpi).
	Scale float64
	// Timeout bounds the helper's run, start-up, layout and output together; zero means no bound.
	// When it runs out, the helper and every process it started are killed (see [Draw]).
	Timeout time.Duration
	// Locator finds the helper.
	Locator Locator
}

// args returns the helper's command-line arguments for o.
func (o Options) args() []string {
	var args []string
	if o.Layout != "" {
		args = append(args, "--layout", o.Layout)
	}
	if o.Format != "" {
		args = append(args, "--format", o.Format)
	}
	switch {
	case o.MaxNodes < 0:
		args = append(args, "--max-nodes", "0")
	case o.MaxNodes > 0:
		args = append(args, "--max-nodes", strconv.Itoa(o.MaxNodes))
	}
	if o.Scale != 0 {
		args = append(args, "--scale", strconv.FormatFloat(o.Scale, 'g', -1, 64))
	}
	return args
}

// Draw runs the helper on dot and writes the picture to w. The helper's
// output is buffered: w receives nothing unless the helper succeeded. A
// failure of the helper is returned with the message it printed.
//
// The helper runs in a process group of its own (on Unix), so that
// cancelling ctx or running out of opts.Timeout kills it together with any
// process it started — a wrapper script named by RELGRAPH_RENDER, say — and
// Draw returns once they are gone. On Linux the helper is also killed when
// the calling process dies. A run stopped by opts.Timeout returns a
// *TimeoutError; one stopped by ctx returns ctx's error, wrapped.
func Draw(ctx context.Context, dot []byte, opts Options, w io.Writer) error {
	path, err := opts.Locator.Find()
	if err != nil {
		return err
	}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, opts.Timeout, errOutOfTime)
		defer cancel()
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, path, opts.args()...)
	cmd.Stdin = bytes.NewReader(dot)
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	cmd.WaitDelay = time.Second // do not wait for children that keep the pipes open
	ownGroup(cmd)
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			if errors.Is(context.Cause(ctx), errOutOfTime) {
				return &TimeoutError{Path: path, Timeout: opts.Timeout}
			}
			return fmt.Errorf("run %s: %w", HelperName, ctx.Err())
		}
		var exit *exec.ExitError
		if msg := strings.TrimSpace(stderr.String()); errors.As(err, &exit) && msg != "" {
			if len(msg) > maxMessage {
				msg = msg[:maxMessage] + " …"
			}
			// The helper prefixes its messages with its name already.
			return &HelperError{Path: path, Message: msg, Code: exit.ExitCode()}
		}
		return fmt.Errorf("run %s (%s): %w", HelperName, path, err)
	}
	if _, err := w.Write(stdout.Bytes()); err != nil {
		return fmt.Errorf("write picture: %w", err)
	}
	return nil
}

// maxMessage bounds the helper's message kept in a HelperError.
const maxMessage = 4096

// HelperError is a failure that the helper reported: its message (which
// names the helper) and its exit status.
type HelperError struct {
	Path    string // the helper that ran
	Message string // what it printed on standard error, trimmed
	Code    int    // its exit status
}

// Error returns the helper's message.
func (e *HelperError) Error() string {
	return e.Message
}

// errOutOfTime is the cause of the context that Options.Timeout bounds.
var errOutOfTime = errors.New("out of time")

// TimeoutError reports a helper that was killed because it ran past
// Options.Timeout. It matches context.DeadlineExceeded with errors.Is.
type TimeoutError struct {
	Path    string        // the helper that ran
	Timeout time.Duration // the time it was given
}

// Error says that the drawing took too long.
func (e *TimeoutError) Error() string {
	return fmt.Sprintf("%s did not finish the drawing within %v and was stopped", HelperName, e.Timeout)
}

// Unwrap returns context.DeadlineExceeded.
func (e *TimeoutError) Unwrap() error { return context.DeadlineExceeded }
