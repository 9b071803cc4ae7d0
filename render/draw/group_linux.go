package draw

import "syscall"

// setParentDeathSignal has the kernel kill the helper when the process that started it dies, however
// it dies.
func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
