//go:build unix && !linux

package draw

import "syscall"

// setParentDeathSignal does nothing: only Linux can kill a child when its parent dies.
func setParentDeathSignal(*syscall.SysProcAttr) {}
