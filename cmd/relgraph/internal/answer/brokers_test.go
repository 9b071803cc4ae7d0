package answer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/text"
)

func sideAt(t *testing.T, g *graph.Graph, at string) text.DiffSide {
	t.Helper()
	s, err := DateSide(g, "@"+at, "test", graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBrokers(t *testing.T) {
	g := dated(t)
	// 2008 → 2011: the a—c conflict of 2010 closes the triangle: b stops being the broker.
	b, err := NewBrokers(sideAt(t, g, "2008"), sideAt(t, g, "2011"))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.StoppedCut) != 1 || b.StoppedCut[0].Actor != "b" || len(b.BecameCut) != 0 {
		t.Errorf("articulation points: became %+v, stopped %+v", b.BecameCut, b.StoppedCut)
	}
	if len(b.BridgesLost) != 2 || b.BridgesLost[0].Ends != [2]string{"a", "b"} || b.BridgesLost[1].Ends != [2]string{"b", "c"} {
		t.Errorf("bridges lost %+v", b.BridgesLost)
	}
	// The conflict touches neither end of b—c, but it touches c: it is listed with the tie.
	if got := b.BridgesLost[1].Added; len(got) != 1 || got[0].Kind != "conflict" {
		t.Errorf("the links that changed b—c: %+v", got)
	}
	if len(b.Fallers) != 1 || b.Fallers[0] != (ScoreChange{Actor: "b", Old: 1, New: 0}) || len(b.Risers) != 0 {
		t.Errorf("risers %+v, fallers %+v", b.Risers, b.Fallers)
	}

	// 2011 → 2008 is the other way round; and nothing gained or lost its only connection.
	r, err := NewBrokers(sideAt(t, g, "2011"), sideAt(t, g, "2008"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.BecameCut) != 1 || len(r.BridgesGained) != 2 || len(r.Risers) != 1 || len(r.Split)+len(r.Joined) != 0 {
		t.Errorf("reversed: %+v", r)
	}
	var buf bytes.Buffer
	if err := b.Text(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Stopped being articulation points (1)", "+ 2010-05  a — c  conflict", "b  1.0000 → 0.0000  (-1.0000)"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, buf.String())
		}
	}
}

// TestBrokersSplit: a link removed that was the only tie between two groups splits them.
func TestBrokersSplit(t *testing.T) {
	d := func(s string) graph.Date { v, _ := graph.ParseDate(s); return v }
	bld := graph.NewBuilder(nil)
	for _, id := range []string{"a", "b", "c", "d"} {
		bld.AddActor(graph.Actor{ID: id, Kind: "country"})
	}
	for _, l := range []graph.Link{
		{Kind: "trade", From: "a", To: "b", Sign: 1, Weight: 1},
		{Kind: "trade", From: "c", To: "d", Sign: 1, Weight: 1},
		{Kind: "alliance", From: "b", To: "c", Sign: 1, Start: d("2000"), End: d("2010"), Weight: 1},
	} {
		bld.AddLink(&l)
	}
	g, err := bld.Build()
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBrokers(sideAt(t, g, "2005"), sideAt(t, g, "2015"))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Split) != 1 || len(b.Split[0].Groups) != 2 || strings.Join(b.Split[0].Groups[0], ",") != "a,b" ||
		len(b.Split[0].Links) != 1 || b.Split[0].Links[0].Kind != "alliance" {
		t.Errorf("split %+v", b.Split)
	}
}
