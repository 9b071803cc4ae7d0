package render

import (
	"regexp"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// FontName is the font that DOT text produced by this package names. It is the value of
// render/graphviz.FontName, copied here so that producing DOT does not link Graphviz: the drawing helper
// measures text with Helvetica's metrics and draws PNG text with metric-compatible fonts, and SVG
// viewers fall back to Arial or another sans-serif face.
const FontName = "Helvetica"

// ActorStyle says how an actor kind is drawn.
type ActorStyle struct {
	// Shape is a Graphviz node shape (box, ellipse, hexagon…).
	Shape string
	// Fill is a soft fill colour and Line a darker outline colour of the same hue (#rrggbb).
	Fill, Line string
	// Extra lists more Graphviz style words, comma-separated ("rounded,dashed"), or is empty.
	Extra string
}

// actorStyles maps the built-in actor kinds (and a few common additions) to their look. Shapes are
// chosen to be told apart in black and white too: states are boxes, places ellipses, organisations
// hexagons, firms components, people eggs, infrastructure stored-data "cds" arrows, units houses.
var actorStyles = map[string]ActorStyle{
	"country":        {Shape: "box", Fill: "#d6e6f5", Line: "#4a78a8"},
	"region":         {Shape: "box", Fill: "#e3f2dc", Line: "#6a9a5b", Extra: "rounded,dashed"},
	"city":           {Shape: "ellipse", Fill: "#fff4cc", Line: "#b59a3c"},
	"organization":   {Shape: "hexagon", Fill: "#ebe0f3", Line: "#7d5ba6"},
	"company":        {Shape: "component", Fill: "#fde2c8", Line: "#c07a37"},
	"person":         {Shape: "egg", Fill: "#fadbe6", Line: "#b35c7e"},
	"infrastructure": {Shape: "cds", Fill: "#ece6df", Line: "#8a7560"},
	"military-unit":  {Shape: "house", Fill: "#e4e8d0", Line: "#6f7a3e"},
	"ethnic-group":   {Shape: "octagon", Fill: "#f1eadf", Line: "#9a8466"},
}

// otherActorStyle is the look of actor kinds that actorStyles does not list.
var otherActorStyle = ActorStyle{Shape: "box", Fill: "#f0f0f0", Line: "#808080", Extra: "rounded"}

// StyleOfActorKind returns how actors of the given kind are drawn; unknown kinds get a grey rounded box.
func StyleOfActorKind(kind string) ActorStyle {
	if s, ok := actorStyles[kind]; ok {
		return s
	}
	return otherActorStyle
}

// defaultLinkColor is used for link kinds without a (valid) colour.
const defaultLinkColor = "#555555"

var colorRE = regexp.MustCompile(`^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|[a-z]{3,20})$`)

// LinkColor returns the stroke colour of a link kind: its declared Color when that is a #rrggbb,
// #rrggbbaa or a plain colour name, else a dark grey. Validating here keeps a dataset's colour from
// ever being written into DOT or SVG as anything but a colour.
func LinkColor(lk *graph.LinkKind) string {
	if colorRE.MatchString(lk.Color) {
		return strings.ToLower(lk.Color)
	}
	return defaultLinkColor
}

// Line patterns. The pattern of a line is reserved for sign and certainty, so that it means the same
// thing whatever the kind: a kind's own dashed or dotted style is not used (its colour tells the kind).
const (
	patternSolid  = "solid"
	patternDashed = "dashed"
	patternDotted = "dotted"
)

// LinePattern returns how a link is stroked: dotted when alleged, dashed when planned or hostile,
// solid otherwise.
func LinePattern(sign int8, c graph.Certainty) string {
	switch {
	case c == graph.Alleged:
		return patternDotted
	case c == graph.Planned, sign < 0:
		return patternDashed
	}
	return patternSolid
}

// Status marks an actor or link in a drawing of changes between two snapshots; the zero value draws it
// in its usual colours.
type Status uint8

// The statuses and their colours: added green, removed red, changed orange, unchanged grey.
const (
	StatusNone Status = iota
	StatusUnchanged
	StatusAdded
	StatusRemoved
	StatusChanged
)

var statusNames = [...]string{"", "unchanged", "added", "removed", "changed"}

var statusColors = [...]string{"", "#a6a6a6", "#2ca02c", "#d62728", "#ff7f0e"}

// String returns the status's name ("" for StatusNone).
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "status?"
}

// Color returns the colour the status is drawn in ("" for StatusNone).
func (s Status) Color() string {
	if int(s) < len(statusColors) {
		return statusColors[s]
	}
	return ""
}

// Colours of highlighted and faded elements.
const (
	highlightLine = "#222222"
	fadeAlpha     = "38" // appended to #rrggbb: about 22% opacity
	fadedText     = "#a0a0a0"
	plannedAlpha  = "99" // planned links: about 60% opacity
	contextAlpha  = "80" // links among a focus actor's neighbours: 50% opacity
)

// withAlpha returns colour c (#rrggbb) with the given alpha byte; other colours are returned as they are.
func withAlpha(c, alpha string) string {
	if len(c) == 7 && c[0] == '#' {
		return c + alpha
	}
	return c
}
