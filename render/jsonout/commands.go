package jsonout

import "github.com/relgraph/relgraph/graph"

// The envelopes of the answers that are lists of the model's values, as `actors`, `links`,
// `timeline`, `show` and `why` print them. Every list is [] when empty.

// ActorList is the answer of `actors`.
type ActorList struct {
	Actors []Actor `json:"actors"`
}

// LinkList is the answer of `links`.
type LinkList struct {
	Links []Link `json:"links"`
}

// Timeline is the answer of `timeline`: the links in date order.
type Timeline struct {
	Events []Link `json:"events"`
}

// Card is the answer of `show`: an actor and its links.
type Card struct {
	Actor Actor  `json:"actor"`
	Links []Link `json:"links"`
}

// Passage is a cited paragraph of a source document: its text, or why it could not be read.
type Passage struct {
	Doc   string `json:"doc"`
	Para  int    `json:"para"`
	Text  string `json:"text,omitempty"`
	Error string `json:"error,omitempty"`
}

// Evidence is a link with the passages its sources cite (when a corpus was given).
type Evidence struct {
	Link     Link      `json:"link"`
	Passages []Passage `json:"passages,omitempty"`
}

// Why is the answer of `why`: the links between two actors with their evidence.
type Why struct {
	A        string     `json:"a"`
	B        string     `json:"b"`
	Evidence []Evidence `json:"evidence"`
}

// NewCard returns the answer of `show` for actor a and its links ls.
func NewCard(a *graph.Actor, ls []graph.Link) Card {
	return Card{Actor: FromActor(a), Links: linksOrNil(ls)}
}

// Version is the answer of `version`: the build of the running binary.
type Version struct {
	Program  string `json:"program"`
	Version  string `json:"version"`
	Commit   string `json:"commit"`
	Time     string `json:"time"`
	Modified bool   `json:"modified"`
	Go       string `json:"go"`
}
