//go:build !unix

package draw

import "os/exec"

// ownGroup leaves cmd as it is: without Unix process groups, cancelling cmd kills the helper alone.
func ownGroup(*exec.Cmd) {}
