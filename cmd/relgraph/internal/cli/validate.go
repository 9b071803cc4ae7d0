package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
)

// validateOptions are the argument of 'relgraph validate'.
type validateOptions struct {
	data *dataset
	out  *printer

	paths []string // the dataset to check: PATH, else --data's
}

func newValidateCmd(f *factory) *cobra.Command {
	opts := &validateOptions{data: f.data, out: f.out}
	return &cobra.Command{
		Use:   "validate [PATH]",
		Short: "Check a dataset and report every problem with its file:line:col",
		Long: `Load a dataset (PATH, else --data, else the embedded dataset) and report every problem at once:
malformed YAML, unknown or duplicate ids, unknown kinds, bad dates, end before start, links to
themselves, routes through unknown places, sources citing unknown documents, unknown fields.
Exits 1 when there are problems.`,
		Example: `  relgraph validate
  relgraph validate ./mydataset
  relgraph validate links.yaml --json`,
		Args: rangeArgs(0, 1, "at most one PATH"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = f.global.dataPaths
			if len(args) == 1 {
				opts.paths = args
			}
			return runValidate(opts)
		},
	}
}

func runValidate(opts *validateOptions) error {
	ins, err := opts.data.inputsOf(opts.paths)
	if err != nil {
		return err
	}
	if len(ins) == 1 && ins[0] == data.EmbeddedInput() {
		// Check the embedded dataset's YAML sources, so that problems point into them.
		ins = []data.Input{data.EmbeddedSourceInput()}
	}
	g, err := data.Load(ins...)
	var ps data.Problems
	if err != nil && !errors.As(err, &ps) {
		return err
	}
	unsourced := 0
	if g != nil {
		for i := range g.NumLinks() {
			if len(g.Link(int32(i)).Sources) == 0 {
				unsourced++
			}
		}
	}
	out := jsonout.Validation{OK: len(ps) == 0, Problems: jsonout.FromProblems(ps), NoSource: unsourced}
	if g != nil {
		out.Actors, out.Links, out.Docs = g.NumActors(), g.NumLinks(), len(g.Documents())
	}
	if err := opts.out.emit(out, func(w io.Writer) error {
		return text.Validation(w, ps, text.DatasetCounts{Actors: out.Actors, Links: out.Links, Documents: out.Docs, Unsourced: unsourced})
	}); err != nil {
		return err
	}
	if len(ps) > 0 {
		return silentError{fmt.Errorf("%d problem(s)", len(ps))}
	}
	return nil
}

// silentError fails the command (exit 1) without printing: the command has already said why.
type silentError struct{ err error }

func (e silentError) Error() string { return e.err.Error() }
func (e silentError) Unwrap() error { return e.err }
