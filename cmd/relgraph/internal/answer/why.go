package answer

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// Why is the answer of 'why': the links between two actors with their evidence.
type Why struct {
	View     View
	Sides    [2]Side
	Names    [2]string
	Evidence []text.Evidence
}

// Why returns the links that join two actors (as Links does), each with its sources and, when corpus is
// not nil, the passages they cite read from it (a directory of the source documents, read as
// disk.Dir reads one).
func (v View) Why(a, b string, literal bool, corpus fs.FS) (*Why, error) {
	g := v.Graph
	sides, err := v.sides([]string{a, b}, literal)
	if err != nil {
		return nil, err
	}
	if sides[0].Root == sides[1].Root {
		return nil, inputf("why needs two different actors (%s and %s are the same)", a, b)
	}
	ids := g.LinksInvolving(sides[0].Set, sides[1].Set)
	sortChrono(g, ids)
	out := &Why{View: v, Sides: [2]Side{sides[0], sides[1]}, Evidence: make([]text.Evidence, len(ids))}
	for i, s := range sides {
		out.Names[i] = g.Actor(s.Root).Name
	}
	for i, id := range ids {
		out.Evidence[i].Link = g.Link(id)
	}
	if corpus != nil {
		quote(g, corpus, out.Evidence)
	}
	return out, nil
}

// JSON returns the answer's --json shape.
func (a *Why) JSON() any {
	g := a.View.Graph
	out := jsonout.Why{A: g.Actor(a.Sides[0].Root).ID, B: g.Actor(a.Sides[1].Root).ID, Evidence: make([]jsonout.Evidence, len(a.Evidence))}
	for i, e := range a.Evidence {
		out.Evidence[i] = jsonout.Evidence{Link: jsonout.FromLink(&e.Link)}
		for _, p := range e.Passages {
			out.Evidence[i].Passages = append(out.Evidence[i].Passages, jsonout.Passage(p))
		}
	}
	return out
}

// Text writes the answer for a person.
func (a *Why) Text(w io.Writer) error {
	if note := a.View.StandsNote(a.Sides[:]...); note != "" {
		fmt.Fprintln(w, note)
	}
	return text.Why(w, a.View.Graph, a.Names, a.Evidence, a.View.Filter)
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
