package importer_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/data/importer"
)

// TestLongRouteIsLinear imports one row whose route passes through n new places, for two n four times
// apart: the CPU time may grow about fourfold, not sixteenfold.
func TestLongRouteIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("imports routes of 100,000 places")
	}
	route := func(n int) (*importer.Dataset, time.Duration) {
		var b strings.Builder
		b.WriteString("from,to,via\na,b,\"")
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("place" + strconv.Itoa(i%(n-3))) // the last three places repeat the first three
		}
		b.WriteString("\"\n")
		spec := importer.LinkSpec{From: cols("from"), To: cols("to"), Via: "via", Kind: "pipeline"}
		start := cpuTime()
		ds := mustRun(t, links("f.csv", spec), map[string]string{"f.csv": b.String()})
		return ds, cpuTime() - start
	}
	small, ts := route(25_000)
	large, tl := route(100_000)
	for _, c := range []struct {
		ds *importer.Dataset
		n  int
	}{{small, 25_000}, {large, 100_000}} {
		// a, b and n-3 distinct places; n+1 segments, of which two (place0→place1→place2) repeat.
		if c.ds.NumActors() != c.n-1 || c.ds.NumLinks() != c.n-1 || c.ds.Stats.Repeated != 2 {
			t.Errorf("route of %d places: %d actors, %d links, %d repeated; want %d, %d, 2",
				c.n, c.ds.NumActors(), c.ds.NumLinks(), c.ds.Stats.Repeated, c.n-1, c.n-1)
		}
	}
	if ts > 0 && tl > 8*ts+200*time.Millisecond {
		t.Errorf("a route of 100,000 places took %s of CPU, one of 25,000 took %s: not linear", tl, ts)
	}
}

// TestManyNamesOfOneKeyIsLinear imports an actor table whose one key has n distinct names, each given
// twice (the second pass in the same order), for two n four times apart: the last name seen is the
// actor's, the others are aliases in the order last seen, and the CPU time grows about fourfold.
func TestManyNamesOfOneKeyIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("imports tables of 200,000 rows")
	}
	table := func(n int) (*importer.Dataset, time.Duration) {
		var b strings.Builder
		b.WriteString("code,name\n")
		for pass := range 2 {
			for i := range n {
				if pass == 1 && i == 0 {
					continue // name0 is seen once: it stays the first alias
				}
				b.WriteString("7,name" + strconv.Itoa(i) + "\n")
			}
		}
		m := &importer.Mapping{Actors: []importer.ActorSpec{{Source: importer.Source{File: "s.csv"}, ID: "code", Name: "name"}}}
		start := cpuTime()
		ds := mustRun(t, m, map[string]string{"s.csv": b.String()})
		return ds, cpuTime() - start
	}
	small, ts := table(25_000)
	large, tl := table(100_000)
	for _, c := range []struct {
		ds *importer.Dataset
		n  int
	}{{small, 25_000}, {large, 100_000}} {
		a := c.ds.Actor(0)
		last := "name" + strconv.Itoa(c.n-1)
		if c.ds.NumActors() != 1 || a.Name != last || len(a.Aliases) != c.n-1 || a.Aliases[0] != "name0" || a.Aliases[1] != "name1" {
			t.Errorf("%d names: %d actors, named %q with %d aliases starting %q; want 1, %q, %d, name0 name1",
				c.n, c.ds.NumActors(), a.Name, len(a.Aliases), a.Aliases[:2], last, c.n-1)
		}
	}
	if ts > 0 && tl > 8*ts+200*time.Millisecond {
		t.Errorf("a key with 100,000 names took %s of CPU, one with 25,000 took %s: not linear", tl, ts)
	}
}
