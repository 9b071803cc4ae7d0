// Package examples holds the walkthrough's example diagrams (drawn by gen.go from the embedded
// dataset with `go generate ./examples`) and the test that keeps them current; its subdirectories hold
// the library example, the real-data walkthroughs and the cross-tool benchmark.
package examples
