// Package render turns graphs and query results into drawings: DOT for Graphviz, the views it draws
// (ego networks, path contexts), and the styling of actors and links. Text for people lives in
// render/text. This package does not import Graphviz itself: package render/graphviz does, and only
// the relgraph-render helper links it (see render/draw).
package render
