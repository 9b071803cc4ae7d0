//go:build unix

package algo

import (
	"syscall"
	"time"
)

// processCPU returns the user and system CPU time used by the process so far, so that benchmarks can
// report CPU time per operation next to wall time on a machine shared with other work.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
