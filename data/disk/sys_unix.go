//go:build unix

package disk

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// openFlags are added to the flags of every open for reading: O_NONBLOCK, so that opening a named pipe
// that was swapped in after the check cannot block (it has no effect on regular files).
const openFlags = syscall.O_NONBLOCK

// alive reports whether process pid exists on this machine.
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// writable reports whether this process may write the existing file name: what the system answers,
// except that root, whom the system lets write anything, is refused files without any write
// permission bit (chmod a-w), which someone made read-only on purpose.
func writable(name string, fi fs.FileInfo) bool {
	if os.Geteuid() == 0 {
		return fi.Mode().Perm()&0o222 != 0
	}
	return syscall.Access(name, 2 /* W_OK */) == nil
}

// keepOwner gives the new file f the owner and group of the file it replaces, where the process may
// (root may; others keep their own).
func keepOwner(f *os.File, old fs.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}
