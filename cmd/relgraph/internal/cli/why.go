package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
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
	_, g, err := opts.data.graph()
	if err != nil {
		return err
	}
	args := opts.actors
	var sides [2]side
	var names [2]string
	for i, name := range args {
		if sides[i], err = resolveSide(g, name, opts.literal); err != nil {
			return err
		}
		names[i] = g.Actor(sides[i].root).Name
	}
	if sides[0].root == sides[1].root {
		return usagef("why needs two different actors (%s and %s are the same)", args[0], args[1])
	}
	ids := g.LinksInvolving(sides[0].set, sides[1].set)
	sortChrono(g, ids)
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
	ev := make([]text.Evidence, len(ids))
	for i, id := range ids {
		ev[i].Link = g.Link(id)
	}
	if corpus != nil {
		quote(g, corpus, ev)
	}
	out := jsonout.Why{A: g.Actor(sides[0].root).ID, B: g.Actor(sides[1].root).ID, Evidence: make([]jsonout.Evidence, len(ev))}
	for i, e := range ev {
		out.Evidence[i] = jsonout.Evidence{Link: jsonout.FromLink(&e.Link)}
		for _, p := range e.Passages {
			out.Evidence[i].Passages = append(out.Evidence[i].Passages, jsonout.Passage(p))
		}
	}
	return opts.out.emit(out,
		func(w io.Writer) error {
			if note := standsNote(g, sides[:]...); note != "" {
				fmt.Fprintln(w, note)
			}
			return text.Why(w, g, names, ev, opts.data.filterDesc())
		})
}

// quote fills in the passages the sources of ev cite, reading each document of the corpus once.
func quote(g *graph.Graph, corpus fs.FS, ev []text.Evidence) {
	type cite struct{ link, source int }
	byFile := map[string][]cite{}
	var files []string
	for i := range ev {
		for j, s := range ev[i].Link.Sources {
			p := text.Passage{Doc: s.Doc, Para: s.Para}
			if doc, ok := g.Document(s.Doc); !ok || doc.File == "" {
				p.Error = "the dataset gives no file for this document"
			} else {
				if byFile[doc.File] == nil {
					files = append(files, doc.File)
				}
				byFile[doc.File] = append(byFile[doc.File], cite{i, j})
			}
			ev[i].Passages = append(ev[i].Passages, p)
		}
	}
	for _, file := range files {
		cites := byFile[file]
		paras := make([]int, len(cites))
		for k, c := range cites {
			paras[k] = ev[c.link].Passages[c.source].Para
		}
		texts, errs := data.Passages(corpus, file, paras)
		for k, c := range cites {
			p := &ev[c.link].Passages[c.source]
			p.Text = texts[k]
			if err := errs[k]; err != nil {
				p.Error = err.Error()
				if errors.Is(err, disk.ErrTooLarge) {
					p.Error += " (raise it with --max-doc-size)"
				}
			}
		}
	}
}
