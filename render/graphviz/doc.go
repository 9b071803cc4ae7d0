// Package graphviz lays out DOT text with Graphviz and draws it as SVG, PNG or
// laid-out DOT, without a system Graphviz installation.
//
// It is the only package of relgraph that links github.com/goccy/go-graphviz,
// which runs Graphviz compiled to WebAssembly. That library compiles its module
// when the process starts, so only the companion executable relgraph-render
// links this package; the relgraph command itself produces DOT text and runs the
// companion through package render/draw when a picture is asked for.
//
// # Concurrency
//
// Every instance of the library shares one WebAssembly module, which is not safe
// for concurrent use. A [Renderer] therefore takes a lock that is shared by all
// Renderers of the process for the whole of parsing, layout and output; only
// the rasterising of a PNG, which is pure Go, runs outside the lock.
//
// # Fonts
//
// Graphviz cannot measure text here: the WebAssembly build has no font
// library, so it estimates each label's width from built-in metric tables. It
// has tables for the Times, Courier and Helvetica/Arial families (and a few
// others); a name it does not know, such as "Go" or "Helvetica-Bold", is
// measured as Times, which is narrower than any sans-serif face and makes
// labels overflow their boxes.
//
// DOT generators should therefore set fontname to [FontName] ("Helvetica")
// on the graph, its nodes and its edges, and ask for bold or italic text with
// HTML-like labels (<B>, <I>), which are measured with the bold and italic
// tables, rather than with fontname "Helvetica-Bold":
//   - In SVG, Graphviz writes font-family="Helvetica,sans-Serif": viewers use
//     Helvetica or its metric-compatible stand-ins (Arial, Liberation Sans,
//     Nimbus Sans), whose widths are exactly what the layout assumed.
//   - In PNG, text is drawn with the Go fonts (golang.org/x/image/font/gofont,
//     BSD licence), embedded in the program so no font has to be installed.
//     Go Regular is within about 3% of Helvetica's width on typical labels,
//     well inside the default node margin.
//
// An empty label (label="" or label=<>) shows the node's name: the library
// substitutes \N for it when it reads the DOT. A node without text needs
// label=" " (or a shape such as point that has no label).
//
// Characters that the Go fonts lack (they cover Latin, Greek and Cyrillic,
// but not, for example, the Azerbaijani ə or the Armenian and Georgian
// scripts) are drawn in PNG with an installed system font that has them
// (DejaVu Sans, Noto Sans, Arial Unicode MS, …), or as empty boxes if there is
// none; SVG viewers substitute fonts themselves.
package graphviz
