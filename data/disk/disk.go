// Package disk reads and writes relgraph's files on disk so that a stranger's files can do no harm:
// a directory opens as a read-only file system confined to it (Dir), which yields regular files only
// and none larger than a limit, and output files and directories are replaced all at once (WriteFile,
// ReplaceDir), so that a failed or killed run leaves the previous content in place.
package disk

import (
	"errors"
	"fmt"
	"io/fs"
)

// ErrNotRegular is wrapped by the errors for names that are not regular files: directories where a
// file is wanted, devices, named pipes and sockets.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the errors for files larger than the limit they are read under
// (see SizeError).
var ErrTooLarge = errors.New("file too large")

// ErrOutside is wrapped by the errors for names that lead outside the directory they must stay in
// (see OutsideError).
var ErrOutside = errors.New("outside the directory")

// ErrReadOnly is wrapped by the errors WriteFile and ReplaceDir return for an existing file or
// directory they may not write, as a shell's > refuses a read-only file.
var ErrReadOnly = errors.New("read-only")

// OutsideError reports a name that leads outside the directory it must stay in: an absolute name,
// one that climbs out with "..", or one that passes through a symbolic link to elsewhere (a link that
// is absolute or climbs above the directory).
type OutsideError struct {
	// Name is the name as given.
	Name string
	// Dir says what Name must stay in, for the message: a path, or words ("the dataset directory").
	Dir string
}

// Error implements error.
func (e *OutsideError) Error() string { return fmt.Sprintf("%q leads outside %s", e.Name, e.Dir) }

// Is reports whether target is ErrOutside.
func (e *OutsideError) Is(target error) bool { return target == ErrOutside }

// SizeError reports a file larger than the limit it is read under.
type SizeError struct {
	// Size is the file's size, or -1 when it grew past the limit while being read.
	Size int64
	// Limit is the largest size allowed, in bytes.
	Limit int64
}

// Error implements error.
func (e *SizeError) Error() string {
	if e.Size < 0 {
		return "the file grew past the size limit of " + FormatSize(e.Limit)
	}
	return fmt.Sprintf("the file is %s, over the size limit of %s", FormatSize(e.Size), FormatSize(e.Limit))
}

// Is reports whether target is ErrTooLarge.
func (e *SizeError) Is(target error) bool { return target == ErrTooLarge }

// NotRegularError reports a name that is not a regular file.
type NotRegularError struct {
	// Mode is the file's type and permissions.
	Mode fs.FileMode
}

// Error implements error: "not a regular file (a named pipe)".
func (e *NotRegularError) Error() string { return "not a regular file (" + e.Kind() + ")" }

// Is reports whether target is ErrNotRegular.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// Kind names the kind of file: "a directory", "a named pipe", "a socket", "a character device"…
func (e *NotRegularError) Kind() string {
	switch m := e.Mode; {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

func notRegular(mode fs.FileMode) error { return &NotRegularError{Mode: mode} }

// FormatSize formats a number of bytes for a person: "512 bytes", "64 MiB", "1.5 GiB".
func FormatSize(n int64) string {
	const unit = 1 << 10
	if n < unit {
		if n == 1 {
			return "1 byte"
		}
		return fmt.Sprintf("%d bytes", n)
	}
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	v, i := float64(n)/unit, 0
	for v >= unit && i < len(units)-1 {
		v /= unit
		i++
	}
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %s", int64(v), units[i])
	}
	return fmt.Sprintf("%.1f %s", v, units[i])
}
