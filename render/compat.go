package render

import "github.com/relgraph/relgraph/render/text"

// EscapeControlsString is text.EscapeControlsString.
//
// Deprecated: use text.EscapeControlsString; this remains until its last caller moves.
func EscapeControlsString(s string) string { return text.EscapeControlsString(s) }
