package cli

import (
	"fmt"
	"io/fs"
	"os"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/disk"
	"github.com/spf13/cobra"
)

// whyOptions are the flags and arguments of 'relgraph why'.
type whyOptions struct {
	data *dataset
	out  *printer

	literal bool
	maxDoc  int64
	corpus  string // --corpus: the directory of the source documents, or ""
	actors  [2]string
}

func newWhyCmd(f *factory) *cobra.Command {
	opts := &whyOptions{data: f.data, out: f.out, maxDoc: int64(data.DefaultMaxDocumentSize)}
	cmd := &cobra.Command{
		Use:   "why A B",
		Short: "The evidence for the links between two actors: sources, notes and passages",
		Long: `Print every link between A and B (their capitals, cities, companies and people count as them
unless --literal) with its sources: the document, the paragraph and the dataset author's note.
With --corpus DIR, also quote the cited paragraph from the document's file in DIR.

The corpus is read as a dataset is: a document's file must lie inside DIR (a symbolic link to
another file of DIR is followed, one that leads elsewhere is not), must be a regular file, and must
be no larger than --max-doc-size. A passage that cannot be quoted says why, and the rest are quoted.`,
		Example: `  relgraph why azerbaijan russia
  relgraph why russia armenia --kinds arms_sale --corpus ./articles
  relgraph why socar rosneft --json`,
		Args:              exactArgs(2, "two actors"),
		ValidArgsFunction: f.data.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.corpus = f.global.corpus
			opts.actors = [2]string{args[0], args[1]}
			return runWhy(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.literal, "literal", false, "only the named actors, not their capitals, cities, companies or people")
	cmd.Flags().Var(sizeValue{&opts.maxDoc}, "max-doc-size", "with --corpus, the largest document `size` read (64MiB, 1GiB…)")
	return cmd
}

func runWhy(opts *whyOptions) error {
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	var corpus fs.FS
	if opts.corpus != "" {
		st, err := os.Stat(opts.corpus)
		if err != nil || !st.IsDir() {
			return fmt.Errorf("--corpus %s: not a directory", opts.corpus)
		}
		dir, err := disk.Dir(opts.corpus, opts.maxDoc)
		if err != nil {
			return fmt.Errorf("--corpus %s: %w", opts.corpus, err)
		}
		defer dir.Close()
		corpus = dir
	}
	ans, err := v.Why(opts.actors[0], opts.actors[1], opts.literal, corpus)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}
