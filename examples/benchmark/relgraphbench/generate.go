package main

// This file generates the benchmark's synthetic dataset in relgraph's native CSV format.

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// genKind is a link kind the generator draws, with its share of the links (out of 100).
type genKind struct {
	name     string
	directed bool
	share    int
}

// The kinds of the generated links: 80% of undirected kinds. All the benchmark's questions take links
// as undirected, so the three tools answer the same questions.
var genKinds = []genKind{
	{"trade", false, 30}, {"alliance", false, 10}, {"conflict", false, 10}, {"dispute", false, 15},
	{"energy_deal", false, 15}, {"arms_sale", true, 10}, {"visit", true, 10},
}

// genLink is one generated link.
type genLink struct {
	from, to int32
	kind     uint8
	year     int16
	month    int8
	day      int8 // > 0 only for events (visits): the date is then the on column
	endYear  int16
	weight   int16 // 0: no weight
}

// key identifies a link as its derived id does, with the ends unordered for every kind: the generator
// keeps keys unique, so a derived id never repeats and the peers can diff by unordered ends.
type genKey struct {
	a, b  int32
	kind  uint8
	year  int16
	month int8
	day   int8
}

func (l *genLink) key() genKey {
	a, b := l.from, l.to
	if b < a {
		a, b = b, a
	}
	return genKey{a, b, l.kind, l.year, l.month, l.day}
}

// generator draws links with a fixed seed.
type generator struct {
	r     *rand.Rand
	n     int // actors
	core  int // actors [0, core) form the core; the rest is the periphery
	keys  map[genKey]struct{}
	kinds []uint8 // a kind index per percent
}

func newGenerator(n, m int) *generator {
	g := &generator{r: rand.New(rand.NewPCG(1, 2)), n: n, core: n - n/10, keys: make(map[genKey]struct{}, m+m/100)}
	for i, k := range genKinds {
		for range k.share {
			g.kinds = append(g.kinds, uint8(i))
		}
	}
	return g
}

// coreActor draws a core actor: uniformly seven times in ten, else skewed toward low numbers (a
// density falling as x^-2/3), which makes hubs of a few thousand links at a million links.
func (g *generator) coreActor() int32 {
	if g.r.IntN(10) < 3 {
		u := g.r.Float64()
		return int32(float64(g.core) * u * u * u)
	}
	return int32(g.r.IntN(g.core))
}

// link draws a link between from and to with a fresh key (it redraws the date on a collision, and
// reports false when ten dates collide).
func (g *generator) link(from, to int32) (genLink, bool) {
	k := g.kinds[g.r.IntN(len(g.kinds))]
	for range 10 {
		l := genLink{from: from, to: to, kind: k, year: int16(1990 + g.r.IntN(35)), month: int8(1 + g.r.IntN(12))}
		if genKinds[k].name == "visit" {
			l.day = int8(1 + g.r.IntN(28))
		} else if g.r.IntN(2) == 0 {
			l.endYear = l.year + int16(g.r.IntN(10))
		}
		if genKinds[k].name == "trade" {
			l.weight = int16(1 + g.r.IntN(100))
		}
		if _, dup := g.keys[l.key()]; !dup {
			g.keys[l.key()] = struct{}{}
			return l, true
		}
	}
	return genLink{}, false
}

// coreLink draws a link between two distinct core actors.
func (g *generator) coreLink() genLink {
	for {
		a, b := g.coreActor(), g.coreActor()
		if a == b {
			continue
		}
		if l, ok := g.link(a, b); ok {
			return l
		}
	}
}

// generate writes the dataset: DIR/a (n actors, m links), DIR/b (the same with 0.5% of the links
// removed and as many new ones added: 1% of links differ) and DIR/pairs.txt (five pairs of actors
// for the two-actor questions).
//
// The graph has a core of 90% of the actors, linked at random with a pull toward a few hubs, and a
// periphery of 10% tied by one or two links to the core or to another peripheral actor, which gives
// the chokepoints question articulation points and bridges to find.
func generate(dir string, n, m int) error {
	g := newGenerator(n, m)
	links := make([]genLink, 0, m)
	for x := int32(g.core); x < int32(n); x++ {
		ties := 1 + g.r.IntN(5)/3 // 1 (60%) or 2 (40%)
		for range ties {
			to := int32(g.r.IntN(g.core))
			if x > int32(g.core) && g.r.IntN(5) == 0 {
				to = int32(g.core + g.r.IntN(int(x)-g.core))
			}
			if l, ok := g.link(x, to); ok {
				links = append(links, l)
			}
		}
	}
	periphery := len(links)
	for len(links) < m {
		links = append(links, g.coreLink())
	}

	// Snapshot b: drop m/200 core links, add as many new ones.
	changes := max(1, m/200)
	drop := map[int]bool{}
	for len(drop) < changes {
		drop[periphery+g.r.IntN(m-periphery)] = true
	}
	var linksB []genLink
	for i, l := range links {
		if !drop[i] {
			linksB = append(linksB, l)
		}
	}
	for range changes {
		linksB = append(linksB, g.coreLink())
	}

	var pairs [][2]int32
	for len(pairs) < 5 {
		a, b := int32(g.r.IntN(g.core)), int32(g.r.IntN(g.core))
		if a != b {
			pairs = append(pairs, [2]int32{a, b})
		}
	}

	for _, snap := range []struct {
		name  string
		links []genLink
	}{{"a", links}, {"b", linksB}} {
		d := filepath.Join(dir, snap.name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		if err := writeActors(filepath.Join(d, "actors.csv"), n); err != nil {
			return err
		}
		if err := writeLinks(filepath.Join(d, "links.csv"), snap.links); err != nil {
			return err
		}
	}
	var sb strings.Builder
	for _, p := range pairs {
		fmt.Fprintf(&sb, "a%d a%d\n", p[0], p[1])
	}
	return os.WriteFile(filepath.Join(dir, "pairs.txt"), []byte(sb.String()), 0o644)
}

// writeFile creates path and hands a buffered writer to fill.
func writeFile(path string, fill func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fill(w)
	return errors.Join(w.Flush(), f.Close())
}

func writeActors(path string, n int) error {
	kinds := []string{"country", "country", "country", "company", "company", "organization", "person"}
	return writeFile(path, func(w *bufio.Writer) {
		w.WriteString("id,name,kind\n")
		for i := range n {
			fmt.Fprintf(w, "a%d,Actor %d,%s\n", i, i, kinds[i%len(kinds)])
		}
	})
}

func writeLinks(path string, links []genLink) error {
	return writeFile(path, func(w *bufio.Writer) {
		w.WriteString("kind,from,to,start,end,on,sign,weight,certainty\n")
		var b []byte
		for _, l := range links {
			b = append(b[:0], genKinds[l.kind].name...)
			b = append(append(b, ",a"...), strconv.Itoa(int(l.from))...)
			b = append(append(b, ",a"...), strconv.Itoa(int(l.to))...)
			date := fmt.Appendf(nil, "%04d-%02d", l.year, l.month)
			if l.day > 0 {
				date = fmt.Appendf(date, "-%02d", l.day)
				b = append(append(append(b, ",,,"...), date...), ',') // start, end empty; on
			} else {
				b = append(append(append(b, ','), date...), ',') // start
				if l.endYear > 0 {
					b = strconv.AppendInt(b, int64(l.endYear), 10)
				}
				b = append(b, ",,"...) // on empty
			}
			b = append(b, ',') // sign: the kind's default
			if l.weight > 0 {
				b = strconv.AppendInt(b, int64(l.weight), 10)
			}
			b = append(b, ",\n"...) // certainty: reported
			w.Write(b)
		}
	})
}

// ---------------------------------------------------------------------------------------------------
// Results, shared with peers.py
