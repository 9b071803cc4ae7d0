package cli

import (
	"fmt"
	"io"

	"github.com/relgraph/relgraph/internal/version"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/spf13/cobra"
)

// versionOptions are the inputs of 'relgraph version'.
type versionOptions struct {
	out  *printer
	info version.Info
}

func newVersionCmd(f *factory) *cobra.Command {
	opts := &versionOptions{out: f.out, info: version.Read("relgraph")}
	return &cobra.Command{
		Use:   "version",
		Short: "Say which build of relgraph this is: module version, commit, Go version",
		Long: `Print the module version of this build (a release tag, or a pseudo-version with the commit's
time and hash when built in a checkout), the commit, whether the tree had uncommitted changes, and
the Go toolchain. 'relgraph --version' prints the same line.`,
		Example: `  relgraph version
  relgraph version --json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runVersion(opts) },
	}
}

func runVersion(opts *versionOptions) error {
	i := opts.info
	return opts.out.emit(jsonout.Version(i), func(w io.Writer) error {
		_, err := fmt.Fprintln(w, i.String())
		return err
	})
}
