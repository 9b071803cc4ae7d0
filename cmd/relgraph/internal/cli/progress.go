package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/render/text"
)

// progressStream is where the progress lines of a long load or import go: standard error, unescaped
// (the lines are relgraph's own), and only when it is a terminal.
type progressStream struct {
	w     io.Writer // standard error without escaping
	tty   bool      // w is a terminal
	clock func() time.Time
}

// newProgressStream returns the progress stream of env, whose Stderr is the raw standard error.
func newProgressStream(env Env) *progressStream {
	return &progressStream{w: env.Stderr, clock: env.Now,
		tty: env.IsTerminal != nil && env.Stderr != nil && env.IsTerminal(env.Stderr)}
}

// now reads the clock.
func (p *progressStream) now() time.Time {
	if p.clock == nil {
		return time.Now()
	}
	return p.clock()
}

// loading shows, on a terminal, how long a load has been running once it passes a second, and
// returns the function that stops it and clears the line. Elsewhere (pipes, CI, tests) it does nothing.
func (p *progressStream) loading(ins []data.Input) (stop func()) {
	if !p.tty {
		return func() {}
	}
	var labels []string
	for _, in := range ins {
		labels = append(labels, inputLabel(in))
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := p.now()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(p.w, "\r\033[K")
				}
				return
			case <-tick.C:
				if el := p.now().Sub(start); el >= time.Second {
					shown = true
					fmt.Fprintf(p.w, "\r\033[Kloading %s … %.1f s", text.EscapeControlsString(strings.Join(labels, ", ")), el.Seconds())
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// progressBar draws a progress line on a terminal once an import has run for a second.
type progressBar struct {
	w     io.Writer
	now   func() time.Time
	start time.Time
	last  time.Time
	shown bool
}

func (p *progressBar) update(file string, done, total int64) {
	t := p.now()
	if t.Sub(p.start) < time.Second || (p.shown && t.Sub(p.last) < 100*time.Millisecond) {
		return
	}
	p.last, p.shown = t, true
	name := text.EscapeControlsString(filepath.Base(file))
	if total <= 0 {
		fmt.Fprintf(p.w, "\r\033[Kimporting %s  %s", name, megabytes(done))
		return
	}
	const width = 30
	frac := min(float64(done)/float64(total), 1)
	n := int(frac * width)
	fmt.Fprintf(p.w, "\r\033[Kimporting %s [%s%s] %3.0f%%  %s of %s", name, strings.Repeat("=", n), strings.Repeat(" ", width-n),
		frac*100, megabytes(done), megabytes(total))
}

// clear erases the progress line, if one was drawn.
func (p *progressBar) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
