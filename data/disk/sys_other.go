//go:build !unix

package disk

import (
	"io/fs"
	"os"
)

// openFlags are added to the flags of every open for reading; named pipes do not block opens here.
const openFlags = 0

// alive reports whether process pid exists; not known here, so a temporary file is stale only by age.
func alive(pid int) bool { return pid > 0 }

// writable reports whether the existing file may be written: its owner's write bit.
func writable(_ string, fi fs.FileInfo) bool { return fi.Mode().Perm()&0o200 != 0 }

// keepOwner does nothing: ownership is not carried over here.
func keepOwner(*os.File, fs.FileInfo) {}
