package answer

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

func TestParseSteps(t *testing.T) {
	for _, tt := range []struct {
		span, step string
		want       []string
		err        string
	}{
		{"2020..2023", "1y", []string{"2020", "2021", "2022", "2023"}, ""},
		{"2020..2024", "2y", []string{"2020", "2022", "2024"}, ""},
		{"2020-11..2021-04", "2m", []string{"2020-11", "2021-01", "2021-03"}, ""},
		{"2020..2021", "6m", []string{"2020-01", "2020-07", "2021-01", "2021-07"}, ""},
		{"2020-01-31..2020-04", "1m", []string{"2020-01-31", "2020-02-29", "2020-03-29", "2020-04-29"}, ""},
		{"2024..2016", "1y", nil, "the last date is before the first"},
		{"2016", "1y", nil, "want FROM..TO"},
		{"2016..x", "1y", nil, "the last date"},
		{"2016..2020", "3w", nil, "want a number of years or months"},
		{"2016..2020", "0y", nil, "want a number of years or months"},
		{"1000..9999", "1m", nil, "more than 1000 dates"},
	} {
		s, err := ParseSteps(tt.span, tt.step)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s %s: error %v, want %q", tt.span, tt.step, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %s: %v", tt.span, tt.step, err)
			continue
		}
		var got []string
		for _, d := range s.Dates() {
			got = append(got, d.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %s: steps %v, want %v", tt.span, tt.step, got, tt.want)
		}
	}
}

// dated is a graph that changes with time: a—b trade from 2000; b—c an alliance from 2005; an a—c
// conflict in 2010, which closes a triangle that is unbalanced (+, +, −).
func dated(t *testing.T) *graph.Graph {
	t.Helper()
	d := func(s string) graph.Date { v, _ := graph.ParseDate(s); return v }
	b := graph.NewBuilder(nil)
	for _, id := range []string{"a", "b", "c"} {
		b.AddActor(graph.Actor{ID: id, Kind: "country"})
	}
	for _, l := range []graph.Link{
		{Kind: "trade", From: "a", To: "b", Sign: 1, Start: d("2000"), Weight: 1},
		{Kind: "alliance", From: "b", To: "c", Sign: 1, Start: d("2005"), Weight: 1},
		{Kind: "conflict", From: "a", To: "c", Sign: -1, On: d("2010-05"), Weight: 1},
	} {
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func overOf(t *testing.T, g *graph.Graph, span string) *OverTime {
	t.Helper()
	s, err := ParseSteps(span, "1y")
	if err != nil {
		t.Fatal(err)
	}
	o, err := Over(g, graph.Filter{}, "", s)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestRankOver(t *testing.T) {
	o := overOf(t, dated(t), "2004..2010")
	r, err := o.Rank("betweenness", 0, "")
	if err != nil {
		t.Fatal(err)
	}
	// b lies between a and c from 2005 until the conflict of 2010 joins them directly.
	var b *RankRow
	for i := range r.Rows {
		if r.Rows[i].Actor == "b" {
			b = &r.Rows[i]
		}
	}
	if b == nil {
		t.Fatal("no row for b")
	}
	want := []float64{0, 1, 1, 1, 1, 1, 0}
	if !slices.Equal(b.Scores, want) {
		t.Errorf("b's betweenness %v, want %v", b.Scores, want)
	}
	// c, an actor without dates of its own, is in the view before its first link, with no score: tied
	// with a and b, it shares their rank.
	for _, row := range r.Rows {
		if row.Actor == "c" && (row.Scores[0] != 0 || row.Ranks[0] != 1) {
			t.Errorf("c at 2004: score %v rank %d, want 0 and 1", row.Scores[0], row.Ranks[0])
		}
	}
	var buf bytes.Buffer
	if err := r.Text(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "b  ▁█████▁") {
		t.Errorf("text:\n%s", buf.String())
	}
}

func TestBalanceOver(t *testing.T) {
	o := overOf(t, dated(t), "2008..2011")
	r := o.Balance()
	var idx []float64
	for _, res := range r.Results {
		idx = append(idx, res.Index)
	}
	if !slices.Equal(idx, []float64{1, 1, 0, 0}) {
		t.Errorf("balance index by step %v, want [1 1 0 0]", idx)
	}
	if len(r.Changes) != 1 {
		t.Fatalf("changes %+v, want one", r.Changes)
	}
	c := r.Changes[0]
	if c.Step.String() != "2010" || c.Became != "unbalanced" || c.Actors != [3]string{"a", "b", "c"} ||
		len(c.Added) != 1 || c.Added[0].Kind != "conflict" || len(c.Removed) != 0 {
		t.Errorf("change %+v", c)
	}
}

func TestChokepointsOver(t *testing.T) {
	o := overOf(t, dated(t), "2004..2010")
	r := o.Chokepoints()
	var got []string
	for _, res := range r.Results {
		got = append(got, strings.Join(res.ArticulationPoints, ","))
	}
	if want := []string{"", "b", "b", "b", "b", "b", ""}; !slices.Equal(got, want) {
		t.Errorf("articulation points by step %q, want %q", got, want)
	}
}
