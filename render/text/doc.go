// Package text writes human-readable answers: every answer of the relgraph command as plain text
// (link lines, tables, paths, connections, neighbours, rankings, chokepoints, balance, diffs,
// timelines, actor cards, evidence and validation problems), the words these are made of (date spans,
// source references, qualifiers), and the escaping of control characters that makes text from a
// dataset safe to show in a terminal.
//
// Every function writes to the io.Writer it is given, or returns a string, and takes the answer and
// its options as values: nothing here reads flags, the environment or standard output.
package text
