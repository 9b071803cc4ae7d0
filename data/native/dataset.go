package native

import (
	"bytes"
	"slices"

	"github.com/relgraph/relgraph/graph"
	"go.yaml.in/yaml/v3"
)

// File is one file of a dataset directory.
type File struct {
	Name string
	Data []byte
}

// WriteGraph returns the files of a native CSV dataset holding the given actors and links of g (both
// lists in increasing order, every link joining two of the actors): actors.csv, links.csv and, when
// the graph has source documents or declares kinds beyond the built-in ones, dataset.yaml with its
// sources: and kinds: sections. The directory loads back with `relgraph --data DIR` into the same
// graph, and writing that graph gives the same bytes. This is `relgraph export --as csv`.
//
// Links that the loader derives from actors — located_in from `in`, route segments — are not written:
// the actors' fields bring them back. An actor's `in` and `stands_for` are written only when that actor
// is written too, and its route only when every place on it is; in a filtered or focused export that
// leaves such links out, as it leaves out a link's roles that name actors not written. A link id is written only when it differs from the id the loader derives.
// Cells are written as Options describes without Import. O(actors + links).
func WriteGraph(g *graph.Graph, actors, links []int32) ([]File, error) {
	written := make([]bool, g.NumActors())
	for _, a := range actors {
		written[a] = true
	}
	isWritten := func(id string) bool {
		i, ok := g.ActorIndex(id)
		return ok && written[i]
	}
	var scratch graph.Actor
	actor := func(i int) *graph.Actor {
		scratch = *g.Actor(actors[i])
		if !isWritten(scratch.In) {
			scratch.In = ""
		}
		if !isWritten(scratch.StandsFor) {
			scratch.StandsFor = ""
		}
		if slices.ContainsFunc(scratch.Route, func(id string) bool { return !isWritten(id) }) {
			scratch.Route, scratch.RouteKind = nil, ""
		}
		return &scratch
	}
	var a bytes.Buffer
	if err := WriteActors(&a, len(actors), actor, Options{}); err != nil {
		return nil, err
	}

	var kept []graph.Link
	for _, li := range links {
		if !g.IsDerived(li) {
			l := g.Link(li)
			l.Roles = slices.DeleteFunc(l.Roles, func(r graph.Role) bool { return !isWritten(r.Actor) })
			kept = append(kept, l)
		}
	}
	var l bytes.Buffer
	if err := WriteLinks(&l, len(kept), func(i int, l *graph.Link) int8 { *l = kept[i]; return l.Sign }, Options{}); err != nil {
		return nil, err
	}

	files := []File{{Name: ActorsFile, Data: a.Bytes()}, {Name: LinksFile, Data: l.Bytes()}}
	meta, err := DatasetYAML(g)
	if err != nil {
		return nil, err
	}
	if meta != nil {
		files = append(files, File{Name: DatasetFile, Data: meta})
	}
	return files, nil
}

type yamlDocument struct {
	ID        string `yaml:"id"`
	Title     string `yaml:"title,omitempty"`
	Author    string `yaml:"author,omitempty"`
	Publisher string `yaml:"publisher,omitempty"`
	Date      string `yaml:"date,omitempty"`
	File      string `yaml:"file,omitempty"`
	URL       string `yaml:"url,omitempty"`
}

type yamlLinkKind struct {
	ID        string `yaml:"id"`
	Directed  bool   `yaml:"directed"`
	Sign      int8   `yaml:"sign"`
	Color     string `yaml:"color,omitempty"`
	Style     string `yaml:"style,omitempty"`
	Meaning   string `yaml:"meaning,omitempty"`
	Transport bool   `yaml:"transport,omitempty"`
}

// yamlActorKind is an actor kind or a role kind: both have an id and a meaning.
type yamlActorKind struct {
	ID      string `yaml:"id"`
	Meaning string `yaml:"meaning,omitempty"`
}

type yamlKinds struct {
	Links  []yamlLinkKind  `yaml:"links,omitempty"`
	Actors []yamlActorKind `yaml:"actors,omitempty"`
	Roles  []yamlActorKind `yaml:"roles,omitempty"`
}

type yamlDataset struct {
	Sources []yamlDocument `yaml:"sources,omitempty"`
	Kinds   *yamlKinds     `yaml:"kinds,omitempty"`
}

// DatasetYAML returns the dataset.yaml of g: the sources: and kinds: sections the CSV pair cannot
// hold — the graph's documents and the kinds it declares beyond (or unlike) the built-in ones — or nil
// when there are none.
func DatasetYAML(g *graph.Graph) ([]byte, error) {
	var ds yamlDataset
	for _, d := range g.Documents() {
		ds.Sources = append(ds.Sources, yamlDocument{ID: d.ID, Title: d.Title, Author: d.Author, Publisher: d.Publisher,
			Date: d.Date.String(), File: d.File, URL: d.URL})
	}
	var kinds yamlKinds
	lks, aks, rks := g.Kinds().Declared()
	for _, lk := range lks {
		kinds.Links = append(kinds.Links, yamlLinkKind{ID: lk.ID, Directed: lk.Directed, Sign: lk.Sign, Color: lk.Color,
			Style: lk.Style, Meaning: lk.Meaning, Transport: lk.Transport})
	}
	for _, ak := range aks {
		kinds.Actors = append(kinds.Actors, yamlActorKind{ID: ak.ID, Meaning: ak.Meaning})
	}
	for _, rk := range rks {
		kinds.Roles = append(kinds.Roles, yamlActorKind{ID: rk.ID, Meaning: rk.Meaning})
	}
	if len(kinds.Links) > 0 || len(kinds.Actors) > 0 || len(kinds.Roles) > 0 {
		ds.Kinds = &kinds
	}
	if len(ds.Sources) == 0 && ds.Kinds == nil {
		return nil, nil
	}
	var b bytes.Buffer
	b.WriteString("# The source documents and declared kinds of a dataset written by relgraph export --as csv.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(ds); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
