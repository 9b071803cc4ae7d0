// Package alias bounds what the aliases of a YAML document expand to, before anything walks it.
//
// A YAML alias (*name) stands for the whole node anchored as &name, so a small file can stand for an
// enormous tree: a list of a thousand aliases of a list of a thousand names is a million names. The
// yaml package keeps aliases as pointers (yaml.Node.Alias), but any code that walks the tree and
// follows them does that much work and may keep that much memory. Check counts, once, the nodes that
// aliases reach, and refuses a document whose count passes a limit proportional to its size.
package alias

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Extra is how many nodes the aliases of a document may reach on top of one per byte of the document.
// Reusing a list of sources on every link of a file stays far below the limit, while an alias bomb is
// refused whatever its size: every node reached through an alias costs a walker what a node of the
// file does, so the limit keeps that cost within a small multiple of the file's own.
const Extra = 10_000

// Error is the problem of a document whose aliases reach too many nodes, or that holds an alias inside
// the node it names.
type Error struct {
	// Alias is the name of the alias at fault, without its *.
	Alias string
	// Limit is the number of nodes the document's aliases may reach; 0 for an alias inside its own node.
	Limit int
}

// Error implements error.
func (e *Error) Error() string {
	if e.Limit == 0 {
		return fmt.Sprintf("alias *%s lies inside the node it names, which would make it endless", e.Alias)
	}
	return fmt.Sprintf("alias *%s takes the nodes reached through aliases past %d, the most for a file of this size "+
		"(one per byte, plus %d); write the repeated part out, or reuse smaller parts", e.Alias, e.Limit, Extra)
}

// Check counts the nodes that the aliases of doc, a document of size bytes, reach (an alias of a list
// of n scalars reaches n+1 nodes, and an alias inside that list counts again each time the list is
// reached), and returns the alias at which the count passes size+Extra, with an *Error; nil when the
// document is within the limit. It visits each node of the document once, remembering the size of
// each anchored node, so it takes O(nodes) whatever the aliases stand for.
func Check(doc *yaml.Node, size int) (*yaml.Node, error) {
	c := counter{limit: size + Extra, size: map[*yaml.Node]int{}}
	return c.walk(doc)
}

// counter counts the nodes reached through aliases.
type counter struct {
	limit   int
	reached int
	// size holds the size of each anchored node counted so far, aliases expanded and capped at
	// limit+1; -1 while the node is being counted, so that an alias inside it is caught.
	size map[*yaml.Node]int
}

// walk visits the nodes of the document under n in order, adding what each alias reaches.
func (c *counter) walk(n *yaml.Node) (*yaml.Node, error) {
	if n.Kind == yaml.AliasNode {
		s, ok := c.expanded(n)
		if !ok {
			return n, &Error{Alias: n.Value}
		}
		if c.reached += s; c.reached > c.limit {
			return n, &Error{Alias: n.Value, Limit: c.limit}
		}
		return nil, nil
	}
	for _, child := range n.Content {
		if at, err := c.walk(child); err != nil {
			return at, err
		}
	}
	return nil, nil
}

// expanded returns the number of nodes n stands for with its aliases expanded, capped at limit+1;
// false when an alias lies inside the node it names.
func (c *counter) expanded(n *yaml.Node) (int, bool) {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1, true
		}
		n = n.Alias
	}
	if n.Anchor != "" {
		if s, ok := c.size[n]; ok {
			return s, s >= 0
		}
		c.size[n] = -1
	}
	total := 1
	for _, child := range n.Content {
		s, ok := c.expanded(child)
		if !ok {
			return 0, false
		}
		total = min(total+s, c.limit+1)
	}
	if n.Anchor != "" {
		c.size[n] = total
	}
	return total, true
}
