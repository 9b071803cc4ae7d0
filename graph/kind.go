package graph

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// LinkKind describes a kind of link: whether it has a direction, its default sign and how it is drawn.
type LinkKind struct {
	// ID is the kind's name as written in datasets (arms_sale, pipeline…).
	ID string
	// Directed reports whether from→to carries meaning (supplier→recipient, member→organisation).
	Directed bool
	// Sign is the default sign of links of this kind: +1 cooperative, 0 neutral, -1 hostile.
	Sign int8
	// Color is the stroke colour used in diagrams ("#1f77b4"); empty picks a default.
	Color string
	// Style is the default line style in diagrams: solid, dashed, dotted or bold; empty means solid.
	Style string
	// Meaning is a one-line description for help texts and legends.
	Meaning string
	// Transport marks kinds that route segments may use (pipeline, railway, road, bridge).
	Transport bool
}

// ActorKind describes a kind of actor.
type ActorKind struct {
	// ID is the kind's name as written in datasets (country, company…).
	ID string
	// Meaning is a one-line description.
	Meaning string
}

// RoleKind describes a role an actor plays in a link besides its two ends: the host of a visit, the
// place of an event, the body that announced it (see Link.Roles).
type RoleKind struct {
	// ID is the role's name as written in datasets (host, place, announced_by…).
	ID string
	// Meaning is a one-line description.
	Meaning string
}

// Built-in kind names that the model itself refers to.
const (
	// KindLocatedIn is the link kind derived from an actor's `in` field.
	KindLocatedIn = "located_in"
	// ActorInfrastructure is the actor kind whose actors may carry a route.
	ActorInfrastructure = "infrastructure"
)

var builtinLinkKinds = [...]LinkKind{
	{ID: "arms_sale", Directed: true, Sign: 1, Color: "#d62728", Meaning: "weapons supplied or sold (supplier → recipient)"},
	{ID: "pipeline", Directed: true, Sign: 0, Color: "#8c564b", Style: "bold", Transport: true, Meaning: "a pipeline segment between two places (along the flow)"},
	{ID: "railway", Directed: false, Sign: 0, Color: "#7f7f7f", Style: "bold", Transport: true, Meaning: "a railway segment"},
	{ID: "road", Directed: false, Sign: 0, Color: "#bcbd22", Transport: true, Meaning: "a road segment"},
	{ID: "bridge", Directed: false, Sign: 0, Color: "#17becf", Transport: true, Meaning: "a bridge"},
	{ID: "alliance", Directed: false, Sign: 1, Color: "#2ca02c", Style: "bold", Meaning: "treaty alliance, strategic partnership, declaration on allied interaction"},
	{ID: "membership", Directed: true, Sign: 1, Color: "#1f77b4", Meaning: "member of a bloc or organisation (member → organisation)"},
	{ID: "troop_base", Directed: true, Sign: 1, Color: "#9467bd", Meaning: "troops or a base stationed on another's soil (stationing state → host)"},
	{ID: "energy_deal", Directed: false, Sign: 1, Color: "#ff7f0e", Meaning: "supply contract or partnership between energy firms or states"},
	{ID: "trade", Directed: false, Sign: 1, Color: "#e377c2", Meaning: "trade, investment, remittances"},
	{ID: "visit", Directed: true, Sign: 1, Color: "#aec7e8", Meaning: "an official visit (visitor → host)"},
	{ID: "mediation", Directed: true, Sign: 1, Color: "#98df8a", Meaning: "mediating between parties (mediator → party)"},
	{ID: "conflict", Directed: false, Sign: -1, Color: "#000000", Meaning: "war, clashes, hostilities"},
	{ID: "dispute", Directed: false, Sign: -1, Color: "#ff9896", Meaning: "accusations, sanctions, diplomatic disputes"},
	{ID: "leads", Directed: true, Sign: 0, Color: "#c5b0d5", Meaning: "head of state, minister, chief executive (person → actor)"},
	{ID: KindLocatedIn, Directed: true, Sign: 0, Color: "#c7c7c7", Style: "dotted", Meaning: "a place or unit inside another (usually derived from `in`)"},
}

var builtinActorKinds = [...]ActorKind{
	{ID: "country", Meaning: "a sovereign state"},
	{ID: "region", Meaning: "a region, including disputed territories"},
	{ID: "city", Meaning: "a city or town"},
	{ID: "organization", Meaning: "an international organisation, bloc or mediation group"},
	{ID: "company", Meaning: "a company"},
	{ID: "person", Meaning: "a person"},
	{ID: ActorInfrastructure, Meaning: "pipelines, railways, bridges, ports, radar stations, corridors"},
	{ID: "military-unit", Meaning: "a military unit or base"},
}

var builtinRoleKinds = [...]RoleKind{
	{ID: "place", Meaning: "where it happened, or the place or facility it is about"},
	{ID: "host", Meaning: "who received the visit or hosted the event"},
	{ID: "invited_by", Meaning: "who invited"},
	{ID: "organizer", Meaning: "who organised the event"},
	{ID: "announced_by", Meaning: "the person or body that announced it"},
	{ID: "claimed_by", Meaning: "who made the claim or allegation"},
	{ID: "denied_by", Meaning: "who denied it"},
	{ID: "participant", Meaning: "another actor that took part"},
}

var (
	kindNameRE = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	styles     = []string{"", "solid", "dashed", "dotted", "bold"}
)

// IsSlug reports whether s is a valid actor or document id: lowercase letters, digits and hyphens,
// not starting with a hyphen.
func IsSlug(s string) bool { return isIDLike(s, "-") }

// isLinkID reports whether s is a valid explicit link id: a slug that may also hold '_' and '.'.
func isLinkID(s string) bool { return isIDLike(s, "-_.") }

// isIDLike reports whether s is non-empty, starts with a lowercase letter or digit and continues with
// those or the bytes of extra. A loop rather than a regexp: it runs once per link of a bulk load.
func isIDLike(s, extra string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			continue
		}
		if i == 0 || strings.IndexByte(extra, c) < 0 {
			return false
		}
	}
	return true
}

// Kinds is a table of link, actor and role kinds: the built-in ones plus those a dataset declares.
// The zero value is not usable; call NewKinds.
type Kinds struct {
	links    []LinkKind
	linkIdx  map[string]uint16
	actors   []ActorKind
	actorIdx map[string]int
	roles    []RoleKind
	roleIdx  map[string]int
}

// NewKinds returns a table holding the built-in kinds of DESIGN §1.
func NewKinds() *Kinds {
	k := &Kinds{linkIdx: map[string]uint16{}, actorIdx: map[string]int{}, roleIdx: map[string]int{}}
	for _, lk := range builtinLinkKinds {
		k.links = append(k.links, lk)
		k.linkIdx[lk.ID] = uint16(len(k.links) - 1)
	}
	for _, ak := range builtinActorKinds {
		k.actors = append(k.actors, ak)
		k.actorIdx[ak.ID] = len(k.actors) - 1
	}
	for _, rk := range builtinRoleKinds {
		k.roles = append(k.roles, rk)
		k.roleIdx[rk.ID] = len(k.roles) - 1
	}
	return k
}

// Clone returns an independent copy of k.
func (k *Kinds) Clone() *Kinds {
	c := &Kinds{links: slices.Clone(k.links), actors: slices.Clone(k.actors), roles: slices.Clone(k.roles),
		linkIdx: make(map[string]uint16, len(k.linkIdx)), actorIdx: make(map[string]int, len(k.actorIdx)),
		roleIdx: maps.Clone(k.roleIdx)}
	for id, i := range k.linkIdx {
		c.linkIdx[id] = i
	}
	for id, i := range k.actorIdx {
		c.actorIdx[id] = i
	}
	return c
}

// KindError is what is wrong with the declaration of a kind, and in which of its fields.
type KindError struct {
	// Kind is the declared kind's id.
	Kind string
	// Field is the field at fault: "id", "sign", "style" or "color"; empty for the declaration as a
	// whole (a redeclaration with other settings).
	Field string
	// Message says what is wrong, naming the kind.
	Message string
}

// Error implements error.
func (e *KindError) Error() string { return e.Message }

var colorRE = regexp.MustCompile(`^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|[a-z]{3,20})$`)

// IsColor reports whether s is a colour a kind may declare: #rrggbb, #rrggbbaa or a lowercase colour
// name of 3 to 20 letters (red, steelblue). Such a colour can be written into DOT and SVG as it is.
func IsColor(s string) bool { return colorRE.MatchString(s) }

// Check reports what is wrong with lk as a declaration, as a *KindError, or nil. It looks at lk alone;
// AddLink also checks it against the kinds already declared.
func (lk LinkKind) Check() error {
	bad := func(field, format string, args ...any) error {
		return &KindError{Kind: lk.ID, Field: field, Message: fmt.Sprintf("link kind %q: ", lk.ID) + fmt.Sprintf(format, args...)}
	}
	switch {
	case !kindNameRE.MatchString(lk.ID):
		return bad("id", "want lowercase letters, digits, '_' or '-'")
	case lk.Sign < -1 || lk.Sign > 1:
		return bad("sign", "sign %d is not -1, 0 or 1", lk.Sign)
	case !slices.Contains(styles, lk.Style):
		return bad("style", "style %q is not one of solid, dashed, dotted, bold", lk.Style)
	case lk.Color != "" && !IsColor(lk.Color):
		return bad("color", "color %q is not #rrggbb, #rrggbbaa or a colour name like red", lk.Color)
	}
	return nil
}

// Check reports what is wrong with ak as a declaration, as a *KindError, or nil.
func (ak ActorKind) Check() error {
	if !kindNameRE.MatchString(ak.ID) {
		return &KindError{Kind: ak.ID, Field: "id", Message: fmt.Sprintf("actor kind %q: want lowercase letters, digits, '_' or '-'", ak.ID)}
	}
	return nil
}

// Check reports what is wrong with rk as a declaration, as a *KindError, or nil.
func (rk RoleKind) Check() error {
	if !kindNameRE.MatchString(rk.ID) {
		return &KindError{Kind: rk.ID, Field: "id", Message: fmt.Sprintf("role %q: want lowercase letters, digits, '_' or '-'", rk.ID)}
	}
	return nil
}

// AddRole declares a role kind; redeclaring one is allowed, and a declaration with a meaning replaces
// the meaning. Errors are *KindError.
func (k *Kinds) AddRole(rk RoleKind) error {
	if err := rk.Check(); err != nil {
		return err
	}
	if i, ok := k.roleIdx[rk.ID]; ok {
		if rk.Meaning != "" {
			k.roles[i].Meaning = rk.Meaning
		}
		return nil
	}
	k.roles = append(k.roles, rk)
	k.roleIdx[rk.ID] = len(k.roles) - 1
	return nil
}

// HasRole reports whether id is a known role kind.
func (k *Kinds) HasRole(id string) bool {
	_, ok := k.roleIdx[id]
	return ok
}

// RoleKinds returns every role kind, built-ins first, in declaration order.
func (k *Kinds) RoleKinds() []RoleKind { return slices.Clone(k.roles) }

// RoleKindNames returns the ids of every role kind, sorted.
func (k *Kinds) RoleKindNames() []string {
	out := make([]string, len(k.roles))
	for i, rk := range k.roles {
		out[i] = rk.ID
	}
	slices.Sort(out)
	return out
}

// AddLink declares a link kind. Redeclaring an existing kind with identical fields is allowed (two
// datasets may declare the same kind); with different fields it is an error. Errors are *KindError.
func (k *Kinds) AddLink(lk LinkKind) error {
	if err := lk.Check(); err != nil {
		return err
	}
	if i, ok := k.linkIdx[lk.ID]; ok {
		if k.links[i] == lk {
			return nil
		}
		return &KindError{Kind: lk.ID, Message: fmt.Sprintf("link kind %q is already declared with other settings", lk.ID)}
	}
	if len(k.links) >= 1<<16-1 {
		return &KindError{Kind: lk.ID, Field: "id", Message: fmt.Sprintf("link kind %q: too many link kinds", lk.ID)}
	}
	k.links = append(k.links, lk)
	k.linkIdx[lk.ID] = uint16(len(k.links) - 1)
	return nil
}

// AddActor declares an actor kind; redeclaring one is allowed. Errors are *KindError.
func (k *Kinds) AddActor(ak ActorKind) error {
	if err := ak.Check(); err != nil {
		return err
	}
	if i, ok := k.actorIdx[ak.ID]; ok {
		if ak.Meaning != "" {
			k.actors[i].Meaning = ak.Meaning
		}
		return nil
	}
	k.actors = append(k.actors, ak)
	k.actorIdx[ak.ID] = len(k.actors) - 1
	return nil
}

// Link returns the link kind with the given id.
func (k *Kinds) Link(id string) (LinkKind, bool) {
	i, ok := k.linkIdx[id]
	if !ok {
		return LinkKind{}, false
	}
	return k.links[i], true
}

// HasActor reports whether id is a known actor kind.
func (k *Kinds) HasActor(id string) bool {
	_, ok := k.actorIdx[id]
	return ok
}

// LinkKinds returns every link kind, built-ins first, in declaration order.
func (k *Kinds) LinkKinds() []LinkKind { return slices.Clone(k.links) }

// ActorKinds returns every actor kind, built-ins first, in declaration order.
func (k *Kinds) ActorKinds() []ActorKind { return slices.Clone(k.actors) }

// LinkKindNames returns the ids of every link kind, sorted.
func (k *Kinds) LinkKindNames() []string {
	out := make([]string, len(k.links))
	for i, lk := range k.links {
		out[i] = lk.ID
	}
	slices.Sort(out)
	return out
}

// ActorKindNames returns the ids of every actor kind, sorted.
func (k *Kinds) ActorKindNames() []string {
	out := make([]string, len(k.actors))
	for i, ak := range k.actors {
		out[i] = ak.ID
	}
	slices.Sort(out)
	return out
}

// Declared returns the kinds of k that a dataset declared: those that are not built in, or that
// redeclare a built-in actor or role kind with another meaning, each in table order. Loading them into
// NewKinds rebuilds k, which is what a writer of a dataset needs to write.
func (k *Kinds) Declared() (links []LinkKind, actors []ActorKind, roles []RoleKind) {
	builtin := NewKinds()
	for _, lk := range k.links {
		if b, ok := builtin.Link(lk.ID); !ok || b != lk {
			links = append(links, lk)
		}
	}
	for _, ak := range k.actors {
		if i, ok := builtin.actorIdx[ak.ID]; !ok || builtin.actors[i] != ak {
			actors = append(actors, ak)
		}
	}
	for _, rk := range k.roles {
		if i, ok := builtin.roleIdx[rk.ID]; !ok || builtin.roles[i] != rk {
			roles = append(roles, rk)
		}
	}
	return links, actors, roles
}
