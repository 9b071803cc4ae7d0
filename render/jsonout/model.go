package jsonout

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/relgraph/relgraph/graph"
)

// Date is a graph.Date in JSON: its text ("2016", "2016-08", "2016-08-07") or null when zero.
type Date graph.Date

// MarshalJSON encodes d as a JSON string, or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == 0 {
		return []byte("null"), nil
	}
	return []byte(`"` + graph.Date(d).String() + `"`), nil
}

// Source is the JSON shape of a graph.Source.
type Source struct {
	Doc  string `json:"doc"`
	Para int    `json:"para"`
	Note string `json:"note"`
}

// Document is the JSON shape of a graph.Document.
type Document struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Author    string `json:"author,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      *Date  `json:"date,omitempty"`
	File      string `json:"file,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Actor is the JSON shape of a graph.Actor: aliases a list even when empty, in null when unset; the
// optional fields are left out when unset.
type Actor struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Kind      string            `json:"kind"`
	Aliases   []string          `json:"aliases"`
	StandsFor string            `json:"stands_for,omitempty"`
	Start     *Date             `json:"start,omitempty"`
	End       *Date             `json:"end,omitempty"`
	Route     []string          `json:"route,omitempty"`
	RouteKind string            `json:"route_kind,omitempty"`
	Certainty string            `json:"certainty,omitempty"`
	Attrs     map[string]string `json:"attrs,omitempty"`
	Sources   []Source          `json:"sources,omitempty"`
	In        *string           `json:"in"`
}

// Link is the JSON shape of a graph.Link: every key present, absent dates null, attrs an object and
// roles and sources lists even when empty; recorded is null unless the graph was rolled up to a level
// and moved an end.
type Link struct {
	ID        string            `json:"id"`
	Kind      string            `json:"kind"`
	From      string            `json:"from"`
	To        string            `json:"to"`
	Directed  bool              `json:"directed"`
	Sign      int8              `json:"sign"`
	Start     Date              `json:"start"`
	End       Date              `json:"end"`
	On        Date              `json:"on"`
	Certainty string            `json:"certainty"`
	Weight    float64           `json:"weight"`
	Roles     []Role            `json:"roles"`
	Attrs     map[string]string `json:"attrs"`
	Sources   []Source          `json:"sources"`
	Recorded  *Ends             `json:"recorded"`
}

// Role is the JSON shape of a graph.Role.
type Role struct {
	Role  string `json:"role"`
	Actor string `json:"actor"`
}

// Ends is the JSON shape of graph.Ends: a link's ends as the data records them.
type Ends struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// LinkKind is the JSON shape of a graph.LinkKind.
type LinkKind struct {
	ID        string `json:"id"`
	Directed  bool   `json:"directed"`
	Sign      int8   `json:"sign"`
	Color     string `json:"color,omitempty"`
	Style     string `json:"style,omitempty"`
	Meaning   string `json:"meaning,omitempty"`
	Transport bool   `json:"transport,omitempty"`
}

// ActorKind is the JSON shape of a graph.ActorKind.
type ActorKind struct {
	ID      string `json:"id"`
	Meaning string `json:"meaning,omitempty"`
}

// optDate returns d as an optional date: nil when zero, so that omitempty leaves it out.
func optDate(d graph.Date) *Date {
	if d == 0 {
		return nil
	}
	v := Date(d)
	return &v
}

// FromSources converts sources; nil stays nil (callers that need [] use FromSourcesList).
func FromSources(ss []graph.Source) []Source {
	if ss == nil {
		return nil
	}
	out := make([]Source, len(ss))
	for i, s := range ss {
		out[i] = Source(s)
	}
	return out
}

// FromSourcesList converts sources to a list that is [] when empty.
func FromSourcesList(ss []graph.Source) []Source {
	if out := FromSources(ss); out != nil {
		return out
	}
	return []Source{}
}

// FromDocument converts a document.
func FromDocument(d graph.Document) Document {
	return Document{ID: d.ID, Title: d.Title, Author: d.Author, Publisher: d.Publisher, Date: optDate(d.Date), File: d.File, URL: d.URL}
}

// FromActor converts an actor.
func FromActor(a *graph.Actor) Actor {
	out := Actor{
		ID: a.ID, Name: a.Name, Kind: a.Kind, Aliases: a.Aliases, StandsFor: a.StandsFor,
		Start: optDate(a.Start), End: optDate(a.End), Route: a.Route, RouteKind: a.RouteKind,
		Attrs: a.Attrs, Sources: FromSources(a.Sources),
	}
	if a.Certainty != graph.Reported {
		out.Certainty = a.Certainty.String()
	}
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	if a.In != "" {
		in := a.In
		out.In = &in
	}
	return out
}

// FromActors converts actors to a list that is [] when empty.
func FromActors(as []graph.Actor) []Actor {
	out := make([]Actor, len(as))
	for i := range as {
		out[i] = FromActor(&as[i])
	}
	return out
}

// FromLink converts a link.
func FromLink(l *graph.Link) Link {
	out := Link{
		ID: l.ID, Kind: l.Kind, From: l.From, To: l.To, Directed: l.Directed, Sign: l.Sign,
		Start: Date(l.Start), End: Date(l.End), On: Date(l.On), Certainty: l.Certainty.String(),
		Weight: l.Weight, Attrs: l.Attrs, Sources: FromSourcesList(l.Sources), Roles: FromRoles(l.Roles),
	}
	if out.Attrs == nil {
		out.Attrs = map[string]string{}
	}
	if l.Recorded != nil {
		out.Recorded = &Ends{From: l.Recorded.From, To: l.Recorded.To}
	}
	return out
}

// FromRoles converts a link's roles to a list that is [] when empty.
func FromRoles(roles []graph.Role) []Role {
	out := make([]Role, len(roles))
	for i, r := range roles {
		out[i] = Role{Role: r.Name, Actor: r.Actor}
	}
	return out
}

// FromLinks converts links to a list that is [] when empty.
func FromLinks(ls []graph.Link) []Link {
	out := make([]Link, len(ls))
	for i := range ls {
		out[i] = FromLink(&ls[i])
	}
	return out
}

// FromLinkKind converts a link kind.
func FromLinkKind(k graph.LinkKind) LinkKind { return LinkKind(k) }

// RoleKind is the JSON shape of a graph.RoleKind.
type RoleKind struct {
	ID      string `json:"id"`
	Meaning string `json:"meaning,omitempty"`
}

// FromRoleKind converts a role kind.
func FromRoleKind(k graph.RoleKind) RoleKind { return RoleKind(k) }

// FromActorKind converts an actor kind.
func FromActorKind(k graph.ActorKind) ActorKind { return ActorKind(k) }

// Encode writes v as indented JSON followed by a newline, without HTML escaping.
func Encode(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
