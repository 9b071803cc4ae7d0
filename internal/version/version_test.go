package version

import (
	"runtime/debug"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"release", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"}},
			"relgraph v1.2.0 (go1.26.0)"},
		{"checkout", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20261202164352-7dd2bd57479d"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "7dd2bd57479d0a5555fba1667522f8b0f615a212"},
				{Key: "vcs.time", Value: "2026-12-02T16:43:52Z"}, {Key: "vcs.modified", Value: "false"}}},
			"relgraph v0.0.0-20261202164352-7dd2bd57479d (commit 7dd2bd57479d, 2026-12-02T16:43:52Z, go1.26.0)"},
		{"modified checkout", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20261202164352-7dd2bd57479d+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "7dd2bd57479d0a5555fba1667522f8b0f615a212"}, {Key: "vcs.modified", Value: "true"}}},
			"relgraph v0.0.0-20261202164352-7dd2bd57479d+dirty (commit 7dd2bd57479d modified, go1.26.0)"},
		{"no version", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}},
			"relgraph (devel) (go1.26.0); built without version information: 'go install github.com/relgraph/relgraph/cmd/...@latest', or 'go build -buildvcs=true' in a checkout, records it"},
	}
	for _, tt := range tests {
		if got := fromBuildInfo("relgraph", &tt.bi).String(); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestRead(t *testing.T) {
	// A test binary has build information; its program name is kept and a version is always set.
	if i := Read("relgraph-render"); i.Program != "relgraph-render" || i.Version == "" {
		t.Errorf("Read = %+v", i)
	}
}
