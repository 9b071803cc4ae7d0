// Package render turns graphs and query results into things people read: text lines and tables, DOT
// for Graphviz, and the styling both share. It does not import Graphviz itself: package render/graphviz
// does, and only the relgraph-render helper links it (see render/draw).
package render
