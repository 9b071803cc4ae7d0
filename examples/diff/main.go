// Command diff shows how to use relgraph as a library: it loads the embedded South Caucasus dataset,
// cuts two snapshots out of it with graph.Filter and prints what changed between them with graph.Diff.
//
//	go run ./examples/diff            # 2020 → 2024
//	go run ./examples/diff 2012 2016
package main

import (
	"fmt"
	"os"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
)

func main() {
	from, to := "2020", "2024"
	if len(os.Args) == 3 {
		from, to = os.Args[1], os.Args[2]
	}
	if err := run(from, to); err != nil {
		fmt.Fprintln(os.Stderr, "diff:", err)
		os.Exit(1)
	}
}

func run(from, to string) error {
	g, err := data.Load(data.EmbeddedInput())
	if err != nil {
		return err
	}
	old, err := snapshotAt(g, from)
	if err != nil {
		return err
	}
	new, err := snapshotAt(g, to)
	if err != nil {
		return err
	}
	c := graph.Diff(old, new)
	fmt.Printf("From %s to %s: %d links added, %d removed, %d changed; %d actors added, %d removed\n\n",
		from, to, len(c.Links.Added), len(c.Links.Removed), len(c.Links.Changed), len(c.Actors.Added), len(c.Actors.Removed))
	name := func(g *graph.Graph, id string) string {
		if i, ok := g.ActorIndex(id); ok {
			return g.Actor(i).Name
		}
		return id
	}
	for _, a := range c.Actors.Added {
		fmt.Printf("+ actor %s (%s)\n", a.Name, a.Kind)
	}
	for _, a := range c.Actors.Removed {
		fmt.Printf("- actor %s (%s)\n", a.Name, a.Kind)
	}
	// The lists come sorted by kind, then link id.
	for _, l := range c.Links.Added {
		fmt.Printf("+ %-12s %s – %s  %s\n", l.Kind, name(new, l.From), name(new, l.To), dates(l))
	}
	for _, l := range c.Links.Removed {
		fmt.Printf("- %-12s %s – %s  %s\n", l.Kind, name(old, l.From), name(old, l.To), dates(l))
	}
	for _, ch := range c.Links.Changed {
		fmt.Printf("~ %-12s %s: %v\n", ch.After.Kind, ch.ID, ch.Fields)
	}
	return nil
}

// snapshotAt returns the graph as it stood at a date given as YYYY, YYYY-MM or YYYY-MM-DD.
func snapshotAt(g *graph.Graph, date string) (*graph.Graph, error) {
	d, err := graph.ParseDate(date)
	if err != nil {
		return nil, err
	}
	return g.Filter(graph.Filter{At: d})
}

func dates(l graph.Link) string {
	switch {
	case l.On != 0:
		return l.On.String()
	case l.Start != 0 && l.End != 0:
		return l.Start.String() + " to " + l.End.String()
	case l.Start != 0:
		return "since " + l.Start.String()
	case l.End != 0:
		return "until " + l.End.String()
	}
	return "undated"
}
