package text

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// timelineEntry is one line of a timeline: a link at its start (or on its day), or at its end.
type timelineEntry struct {
	date graph.Date
	end  bool
	link *graph.Link
}

// Timeline writes links as a history, oldest first: events on their day, lasting links at their start
// and again at their end, undated links last.
func Timeline(w io.Writer, g *graph.Graph, ls []graph.Link) error {
	var entries, undated []timelineEntry
	for i := range ls {
		l := &ls[i]
		switch {
		case l.When() != 0:
			entries = append(entries, timelineEntry{date: l.When(), link: l})
		case l.End == 0:
			undated = append(undated, timelineEntry{link: l})
		}
		if l.End != 0 && l.On == 0 {
			entries = append(entries, timelineEntry{date: l.End, end: true, link: l})
		}
	}
	slices.SortStableFunc(entries, func(x, y timelineEntry) int { return cmp.Compare(x.date.Lo(), y.date.Lo()) })
	tw := NewTable(w)
	for _, e := range entries {
		writeEntry(tw, g, e)
	}
	for _, e := range undated {
		writeEntry(tw, g, e)
	}
	return tw.Flush()
}

// TimelineAnswer writes the timeline of the links ls between the actors named (one or two): a headline
// with the number of entries, the note (StandsNote, when not empty) and the timeline. filter describes
// the active filters ("at 2016; kinds pipeline"), or is empty.
func TimelineAnswer(w io.Writer, g *graph.Graph, names []string, ls []graph.Link, note, filter string) error {
	fmt.Fprintf(w, "Timeline of %s: %d entries%s\n", strings.Join(names, " – "), len(ls), UnderFilter(filter))
	if note != "" {
		fmt.Fprintln(w, note)
	}
	fmt.Fprintln(w)
	if len(ls) == 0 {
		_, err := fmt.Fprintln(w, "nothing dated or undated links them under these filters")
		return err
	}
	return Timeline(w, g, ls)
}

func writeEntry(tw io.Writer, g *graph.Graph, e timelineEntry) {
	l := e.link
	date := e.date.String()
	kind := l.Kind
	switch {
	case e.end:
		kind += " ends"
	case l.On == 0 && l.Start != 0 && l.End != 0:
		kind += " (to " + l.End.String() + ")"
	case l.On == 0 && l.Start != 0:
		kind += " begins"
	case e.date == 0 && l.End == 0 && l.On == 0:
		date = "undated"
	}
	details := LinkDetails(g, l)
	if e.end {
		details = "(in force since " + l.Start.String() + ")"
		if l.Start == 0 {
			details = ""
		}
	}
	fmt.Fprintln(tw, date+"\t"+kind+"\t"+LinkLine(g, l, ColEnds)+"\t"+details)
}
