//go:build unix

package main

import (
	"runtime"
	"syscall"
)

// peakRSSMiB returns the peak resident set size of the process so far, in MiB (ru_maxrss: bytes on
// macOS, KiB elsewhere).
func peakRSSMiB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return float64(ru.Maxrss) / (1 << 20)
	}
	return float64(ru.Maxrss) / 1024
}
