package text

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
)

// PathsHoldBack is how much text of a path answer a PathWriter holds back, so that the answer can
// start with the number of paths found; a longer answer is written as it comes, with the number at the
// end.
const PathsHoldBack = 1 << 20

// PathWriter writes the text of a path answer as the paths arrive: Add for each path, then End.
type PathWriter struct {
	w         io.Writer
	g         *graph.Graph
	opts      query.PathOptions
	from, to  string // actor names
	under     string // UnderFilter of the active filters
	held      bytes.Buffer
	n         int
	streaming bool
}

// NewPathWriter returns a PathWriter of the paths that opts asks for from the actor named from to the
// one named to in g. filter describes the active filters ("at 2016; kinds pipeline"), or is empty.
func NewPathWriter(w io.Writer, g *graph.Graph, opts query.PathOptions, from, to, filter string) *PathWriter {
	return &PathWriter{w: w, g: g, opts: opts, from: from, to: to, under: UnderFilter(filter)}
}

// what names the kind of answer ("Shortest path", "The 3 shortest paths"…).
func (t *PathWriter) what() string {
	switch {
	case t.opts.All:
		return fmt.Sprintf("All paths of at most %d hops", t.opts.MaxLen)
	case t.opts.K > 1:
		return fmt.Sprintf("The %d shortest paths", t.opts.K)
	case t.opts.Weighted:
		return "Cheapest path"
	}
	return "Shortest path"
}

// Add writes one path, or holds it back.
func (t *PathWriter) Add(p query.Path) error {
	t.n++
	if !t.streaming {
		fmt.Fprintln(&t.held)
		if err := Path(&t.held, t.g, t.n, p); err != nil {
			return err
		}
		if t.held.Len() < PathsHoldBack {
			return nil
		}
		t.streaming = true
		if _, err := fmt.Fprintf(t.w, "%s from %s to %s%s, as they are found:\n", t.what(), t.from, t.to, t.under); err != nil {
			return err
		}
		_, err := t.held.WriteTo(t.w)
		return err
	}
	if _, err := fmt.Fprintln(t.w); err != nil {
		return err
	}
	return Path(t.w, t.g, t.n, p)
}

// End writes what is held back, then how the search ended. A message (an actor without links under the
// filters) replaces the answer.
func (t *PathWriter) End(res query.PathResult, msg string) error {
	w := t.w
	if msg != "" {
		_, err := fmt.Fprintln(w, msg)
		return err
	}
	if t.streaming {
		fmt.Fprintf(w, "\n%s found\n", Plural(float64(t.n), "path"))
	} else {
		if t.n == 0 && !res.Truncated {
			how := "no path"
			if t.opts.Directed {
				how = "no directed path"
			}
			if t.opts.All {
				how = fmt.Sprintf("no path of at most %d hops", t.opts.MaxLen)
			}
			_, err := fmt.Fprintf(w, "%s from %s to %s%s\n", how, t.from, t.to, t.under)
			return err
		}
		fmt.Fprintf(w, "%s from %s to %s%s: %d found\n", t.what(), t.from, t.to, t.under, t.n)
		if _, err := t.held.WriteTo(w); err != nil {
			return err
		}
	}
	var err error
	switch res.Stopped {
	case query.StopLimit:
		_, err = fmt.Fprintf(w, "\nstopped after %d paths (--limit); there are more\n", t.n)
	case query.StopSteps:
		_, err = fmt.Fprintf(w, "\n%s\n", stepsNote(t.n, res.MaxSteps))
	}
	return err
}

// stepsNote says that a search for paths stopped after n paths because it used up its steps.
func stepsNote(n int, steps int64) string {
	return fmt.Sprintf("stopped after %s: the search used up its budget of %d steps, and there may be more (raise it with --max-steps)", Plural(float64(n), "path"), steps)
}

// maxHopLinks is how many links of one hop a path shows before summing up the rest by kind.
const maxHopLinks = 6

// Path writes path p, numbered n: a headline of actor names, then each hop with its links.
func Path(w io.Writer, g *graph.Graph, n int, p query.Path) error {
	names := make([]string, len(p.Actors))
	for i, id := range p.Actors {
		names[i] = ActorName(g, id)
	}
	head := fmt.Sprintf("%d. %s  (%d hop", n, strings.Join(names, " → "), p.Length)
	if p.Length != 1 {
		head += "s"
	}
	if p.Cost > 0 {
		head += fmt.Sprintf(", cost %.3g", p.Cost)
	}
	fmt.Fprintln(w, head+")")
	tw := NewTable(w)
	for _, h := range p.Hops {
		shown := h.Links
		if len(shown) > maxHopLinks {
			shown = shown[:maxHopLinks-1]
		}
		for j := range shown {
			hop := ""
			if j == 0 {
				hop = ActorName(g, h.From) + " – " + ActorName(g, h.To)
			}
			fmt.Fprintln(tw, "   "+hop+"\t"+LinkLine(g, &shown[j], ColKind, ColSpan, ColEnds, ColDetails))
		}
		if rest := h.Links[len(shown):]; len(rest) > 0 {
			counts := map[string]int{}
			for _, l := range rest {
				counts[l.Kind]++
			}
			var parts []string
			for _, k := range slices.Sorted(maps.Keys(counts)) {
				parts = append(parts, fmt.Sprintf("%s ×%d", k, counts[k]))
			}
			fmt.Fprintf(tw, "   \t\t\t\t… %d more: %s\n", len(rest), strings.Join(parts, ", "))
		}
	}
	return tw.Flush()
}
