// Package version says which build of relgraph is running, from the build information that the Go
// toolchain stamps into every binary: the module version (a release tag, or a pseudo-version made of
// the commit time and hash when built in a checkout), the commit and whether the working tree had
// uncommitted changes.
package version

import (
	"runtime/debug"
	"strings"
)

// Info describes a build.
type Info struct {
	// Program is the name of the executable (relgraph, relgraph-render).
	Program string
	// Version is the module version: "v1.2.0", a pseudo-version "v0.0.0-20261202164352-7dd2bd57479d",
	// or "(devel)" when the build recorded none.
	Version string
	// Commit, Time and Modified come from version control when the build recorded it: the commit hash,
	// its time (RFC 3339) and whether the working tree had uncommitted changes.
	Commit   string
	Time     string
	Modified bool
	// Go is the toolchain that built the binary ("go1.26.0").
	Go string
}

// Read returns the build information of the running binary, named program.
func Read(program string) Info {
	info := Info{Program: program, Version: "(devel)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	return fromBuildInfo(program, bi)
}

// fromBuildInfo reads Info out of the toolchain's build information.
func fromBuildInfo(program string, bi *debug.BuildInfo) Info {
	info := Info{Program: program, Version: "(devel)", Go: bi.GoVersion}
	if bi.Main.Version != "" {
		info.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Commit = s.Value
		case "vcs.time":
			info.Time = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	return info
}

// String formats the build on one line: "relgraph v1.2.0 (commit 7dd2bd57479d, 2026-12-02T16:43:52Z,
// go1.26.0)", with "modified" after the commit when the tree had uncommitted changes. A build that
// recorded no version says how to get one.
func (i Info) String() string {
	var b strings.Builder
	b.WriteString(i.Program + " " + i.Version)
	var details []string
	if i.Commit != "" {
		c := "commit " + i.Commit[:min(12, len(i.Commit))]
		if i.Modified {
			c += " modified"
		}
		details = append(details, c)
	}
	if i.Time != "" {
		details = append(details, i.Time)
	}
	if i.Go != "" {
		details = append(details, i.Go)
	}
	if len(details) > 0 {
		b.WriteString(" (" + strings.Join(details, ", ") + ")")
	}
	if i.Version == "(devel)" && i.Commit == "" {
		b.WriteString("; built without version information: 'go install github.com/relgraph/relgraph/cmd/...@latest', or 'go build -buildvcs=true' in a checkout, records it")
	}
	return b.String()
}
