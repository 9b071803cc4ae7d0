package graph

import (
	"fmt"
	"strings"
)

// Certainty says how firmly a source states a link.
type Certainty uint8

// The certainties, in the order the design lists them. Reported is the zero value and the default.
const (
	Reported Certainty = iota
	Alleged
	Confirmed
	Planned
)

var certaintyNames = [...]string{"reported", "alleged", "confirmed", "planned"}

// String returns the certainty's name as written in datasets.
func (c Certainty) String() string {
	if int(c) < len(certaintyNames) {
		return certaintyNames[c]
	}
	return fmt.Sprintf("certainty(%d)", c)
}

// ParseCertainty parses a certainty name; the empty string is Reported.
func ParseCertainty(s string) (Certainty, error) {
	if s == "" {
		return Reported, nil
	}
	for i, n := range certaintyNames {
		if strings.EqualFold(s, n) {
			return Certainty(i), nil
		}
	}
	return 0, fmt.Errorf("unknown certainty %q (want reported, alleged, confirmed or planned)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (c Certainty) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Certainty) UnmarshalText(b []byte) error {
	v, err := ParseCertainty(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Source is a piece of evidence: a document, a paragraph in it, and a note in the dataset author's words.
type Source struct {
	// Doc is the id of a Document.
	Doc string
	// Para is the 1-based paragraph number (the n-th line of the document's file that holds more than
	// white space); 0 = unknown.
	Para int
	// Note paraphrases what the passage says.
	Note string
}

// Document describes a source document.
type Document struct {
	ID        string
	Title     string
	Author    string
	Publisher string
	Date      Date
	// File is the document's file name in a corpus folder.
	File string
	URL  string
}

// Actor is a node of the graph: a country, city, company, person, organisation, piece of infrastructure…
type Actor struct {
	// ID is a unique lowercase slug.
	ID string
	// Name is the display name.
	Name string
	// Kind is an actor kind of the graph's Kinds.
	Kind string
	// Aliases are other names the actor is found by.
	Aliases []string
	// In is the id of the actor this one belongs to or lies in ("" = none).
	In string
	// StandsFor is, for a place used as a metonym (a capital), the actor it stands for in political questions.
	StandsFor string
	// Start and End bound the actor's existence (founded, built; dissolved, closed); zero = unbounded.
	Start Date
	End   Date
	// Route lists, for infrastructure, the ids of the places it runs through, in order.
	Route []string
	// RouteKind is the transport link kind of the route's segments (pipeline, railway…).
	RouteKind string
	// Certainty applies to the links derived from Route (a planned pipeline has planned segments).
	Certainty Certainty
	// Attrs is a free map of attributes.
	Attrs map[string]string
	// Sources are the evidence about the actor.
	Sources []Source
}

// Link is an edge between two actors, as given to a Builder and as read back from a Graph.
type Link struct {
	// ID identifies the link across snapshots. When empty at build time it is derived by DeriveLinkID.
	ID string
	// Kind is a link kind of the graph's Kinds.
	Kind string
	// From and To are actor ids; for undirected kinds their order carries no meaning.
	From string
	To   string
	// Directed is read from the kind; a Builder ignores it.
	Directed bool
	// Sign: +1 cooperative, 0 neutral, -1 hostile.
	Sign int8
	// Start and End bound a lasting link (zero = unbounded); On dates an event. A link has On or
	// Start/End, never both.
	Start Date
	End   Date
	On    Date
	// Certainty says how firmly the sources state the link.
	Certainty Certainty
	// Weight is the link's strength: a finite number, 0 or more, kept as given. 0 is a weight like any
	// other (a transfer too small to count); a weighted path search cannot cross a link of weight 0.
	// Loaders give DefaultWeight to a link whose file states no weight; a caller building links by
	// hand sets it too, since the zero value is the weight 0.
	Weight float64
	// Roles are the other actors that took part, each in a role of the graph's Kinds: the host of a
	// visit, the place of an event, the body that announced it. The ends are the actors that acted (the
	// visitor and the country visited); roles name the rest, so that questions about an actor find the
	// links it took part in.
	Roles []Role
	// Attrs is a free map (value, share, troops…). Derived links carry "via" (route) or "derived".
	Attrs map[string]string
	// Sources are the evidence for the link.
	Sources []Source
	// Recorded is, in a graph rolled up to a level (Filter.Level), the link's ends as the data records
	// them, when the roll-up moved either end; nil otherwise. A Builder ignores it.
	Recorded *Ends
}

// Role is an actor that takes part in a link besides its two ends.
type Role struct {
	// Name is a role kind of the graph's Kinds (host, place, announced_by…).
	Name string
	// Actor is the actor's id.
	Actor string
}

// Ends are the two actor ids at the ends of a link.
type Ends struct {
	From, To string
}

// DefaultWeight is the weight of a link whose source states none.
const DefaultWeight = 1.0

// IsEvent reports whether l is a point-in-time event.
func (l *Link) IsEvent() bool { return l.On != 0 }

// When returns the date used to order l in a timeline: On for events, else Start (zero when undated).
func (l *Link) When() Date {
	if l.On != 0 {
		return l.On
	}
	return l.Start
}

// DeriveLinkID returns the identity of a link that has no explicit id: "kind:from:to" followed by
// ":date" when the link has an On or Start date. For undirected kinds the two actor ids are sorted, so
// the id does not depend on the order they were written in.
func DeriveLinkID(kind, from, to string, directed bool, date Date) string {
	var buf [96]byte // on the stack: most ids fit, so the string is the one allocation
	return string(AppendLinkID(buf[:0], kind, from, to, directed, date))
}

// AppendLinkID appends what DeriveLinkID returns to b, without allocating when b has room.
func AppendLinkID(b []byte, kind, from, to string, directed bool, date Date) []byte {
	if !directed && to < from {
		from, to = to, from
	}
	b = append(b, kind...)
	b = append(b, ':')
	b = append(b, from...)
	b = append(b, ':')
	b = append(b, to...)
	if date != 0 {
		b = date.Append(append(b, ':'))
	}
	return b
}
