package query_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/internal/graphtest"
)

// multiLevel builds a hand-checked graph whose links are recorded between people, ministries and
// firms, and whose country-level picture is (parallel links collapsed):
//
//	ru — az (3 visits, an energy deal, a dispute: net +)    ru — am (+ arms)    am — az (− conflict)
//	am → csto (+), ru → csto (+)    tr — az (+ alliance)    tr — am (− dispute)    ge — az (+ trade)
//
// At the recorded level ru and az are not linked at all: their ties run through Putin, Aliyev,
// Bayramov, the two foreign ministries, SOCAR and Gazprom.
func multiLevel(t *testing.T) *graph.Graph {
	t.Helper()
	kinds := graph.NewKinds()
	if err := kinds.AddLink(graph.LinkKind{ID: "serves", Directed: true}); err != nil {
		t.Fatal(err)
	}
	b := graph.NewBuilder(kinds)
	for _, a := range []graph.Actor{
		{ID: "ru", Name: "Russia", Kind: "country"},
		{ID: "az", Name: "Azerbaijan", Kind: "country"},
		{ID: "am", Name: "Armenia", Kind: "country"},
		{ID: "tr", Name: "Turkey", Kind: "country"},
		{ID: "ge", Name: "Georgia", Kind: "country"},
		{ID: "csto", Name: "CSTO", Kind: "organization"},
		{ID: "moscow", Name: "Moscow", Kind: "city", In: "ru", StandsFor: "ru"},
		{ID: "baku", Name: "Baku", Kind: "city", In: "az", StandsFor: "az"},
		{ID: "ru-mfa", Name: "Russian Foreign Ministry", Kind: "organization", In: "ru"},
		{ID: "az-mfa", Name: "Azerbaijani Foreign Ministry", Kind: "organization", In: "az"},
		{ID: "putin", Name: "Vladimir Putin", Kind: "person", In: "ru"},
		{ID: "lavrov", Name: "Sergey Lavrov", Kind: "person", In: "ru-mfa"},
		{ID: "aliyev", Name: "Ilham Aliyev", Kind: "person", In: "az"},
		{ID: "bayramov", Name: "Jeyhun Bayramov", Kind: "person", In: "az-mfa"},
		{ID: "socar", Name: "SOCAR", Kind: "company", In: "az"},
		{ID: "gazprom", Name: "Gazprom", Kind: "company", In: "ru"},
	} {
		b.AddActor(a)
	}
	for _, l := range []graph.Link{
		{Kind: "visit", From: "putin", To: "az", Sign: 1, On: date(t, "2016-08-08"),
			Roles: []graph.Role{{Name: "host", Actor: "aliyev"}, {Name: "place", Actor: "baku"}}},
		{Kind: "visit", From: "aliyev", To: "ru", Sign: 1, On: date(t, "2022-02-22"), Roles: []graph.Role{{Name: "place", Actor: "moscow"}}},
		{Kind: "visit", From: "bayramov", To: "ru", Sign: 1, On: date(t, "2020-08-26"),
			Roles: []graph.Role{{Name: "host", Actor: "lavrov"}, {Name: "invited_by", Actor: "lavrov"}}},
		{Kind: "energy_deal", From: "socar", To: "gazprom", Sign: 1, Start: date(t, "2010")},
		{Kind: "dispute", From: "az-mfa", To: "ru-mfa", Sign: -1, On: date(t, "2020")},
		{Kind: "leads", From: "putin", To: "ru"},
		{Kind: "serves", From: "lavrov", To: "ru-mfa"},
		{Kind: "arms_sale", From: "ru", To: "am", Sign: 1},
		{Kind: "conflict", From: "am", To: "az", Sign: -1},
		{Kind: "membership", From: "am", To: "csto", Sign: 1},
		{Kind: "membership", From: "ru", To: "csto", Sign: 1},
		{Kind: "alliance", From: "tr", To: "az", Sign: 1},
		{Kind: "dispute", From: "tr", To: "am", Sign: -1},
		{Kind: "trade", From: "ge", To: "az", Sign: 1},
	} {
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func date(t *testing.T, s string) graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func atLevel(t *testing.T, g *graph.Graph, level string) *graph.Graph {
	t.Helper()
	v, err := g.Filter(graph.Filter{Level: level})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestRollUpLinks: what a rolled-up link is. Ends move to the countries, ids, kinds, dates and roles
// stay, the recorded ends are kept, parallel links stay apart, and links inside one country go.
func TestRollUpLinks(t *testing.T) {
	g := multiLevel(t)
	c := atLevel(t, g, "country")
	if c.Level() != "country" || g.Level() != "" {
		t.Fatalf("Level() = %q, %q", c.Level(), g.Level())
	}
	// 14 links given plus 10 located_in derived from `in`; the leads, serves and located_in links
	// (12) join actors of one country, or a capital and its country, and are dropped.
	if got, want := c.NumLinks(), 12; got != want {
		t.Errorf("%d links at country level, want %d", got, want)
	}
	ru, az := graphtest.Actor(t, c, "ru"), graphtest.Actor(t, c, "az")
	between := c.LinksBetween(ru, az)
	var ids []string
	for _, l := range between {
		ids = append(ids, c.LinkID(l))
	}
	want := []string{"dispute:az-mfa:ru-mfa:2020", "energy_deal:gazprom:socar:2010", "visit:aliyev:ru:2022-02-22",
		"visit:bayramov:ru:2020-08-26", "visit:putin:az:2016-08-08"}
	slices.Sort(ids)
	if !slices.Equal(ids, want) {
		t.Errorf("Russia–Azerbaijan links at country level:\n got %v\nwant %v", ids, want)
	}
	for _, l := range between {
		link := c.Link(l)
		if link.ID != "visit:putin:az:2016-08-08" {
			continue
		}
		if link.From != "ru" || link.To != "az" || link.Recorded == nil || *link.Recorded != (graph.Ends{From: "putin", To: "az"}) {
			t.Errorf("Putin's visit rolled up: from %s to %s, recorded %v", link.From, link.To, link.Recorded)
		}
		if len(link.Roles) != 2 || link.Roles[0] != (graph.Role{Name: "host", Actor: "aliyev"}) {
			t.Errorf("roles changed: %v", link.Roles)
		}
	}
	// A link whose ends did not move has no recorded ends.
	am := graphtest.Actor(t, c, "am")
	for _, l := range c.LinksBetween(ru, am) {
		if c.Link(l).Recorded != nil {
			t.Errorf("%s: recorded ends on a link that did not move", c.LinkID(l))
		}
	}
	// People, ministries, firms and cities are not present at country level; countries and CSTO are.
	for id, want := range map[string]bool{"ru": true, "az": true, "csto": true, "ge": true, "putin": false, "ru-mfa": false, "socar": false, "baku": false} {
		if got := c.Present(graphtest.Actor(t, c, id)); got != want {
			t.Errorf("Present(%s) = %v at country level, want %v", id, got, want)
		}
	}
	// LevelOf follows in and stands_for: Lavrov is in the Russian Foreign Ministry, which is in Russia.
	for id, want := range map[string]string{"lavrov": "ru", "baku": "az", "csto": "csto", "az": "az"} {
		if got := c.Actor(c.LevelOf(graphtest.Actor(t, c, id))).ID; got != want {
			t.Errorf("LevelOf(%s) = %s, want %s", id, got, want)
		}
	}
	// At the organization level people roll up into their ministry; countries and others stay.
	o := atLevel(t, g, "organization")
	if got := o.Actor(o.LevelOf(graphtest.Actor(t, o, "lavrov"))).ID; got != "ru-mfa" {
		t.Errorf("LevelOf(lavrov) at organization level = %s, want ru-mfa", got)
	}
	if got := o.Actor(o.LevelOf(graphtest.Actor(t, o, "putin"))).ID; got != "putin" {
		t.Errorf("LevelOf(putin) at organization level = %s, want putin (no organisation above him)", got)
	}
	// A time filter on top keeps the graph rolled up, with the recorded ends of what it keeps.
	c2016, err := c.Filter(graph.Filter{At: date(t, "2016-12")})
	if err != nil {
		t.Fatal(err)
	}
	if c2016.Level() != "country" || c2016.LevelOf(graphtest.Actor(t, c, "putin")) != ru {
		t.Errorf("a filtered rolled-up graph is no longer rolled up")
	}
	found := false
	for _, l := range c2016.LinksBetween(ru, az) {
		if c2016.LinkID(l) == "visit:putin:az:2016-08-08" {
			found = true
		}
	}
	if !found {
		t.Errorf("the 2016 visit is lost at country level at 2016-12")
	}
	if _, err := g.Filter(graph.Filter{Level: "contry"}); err == nil || !errors.Is(err, graph.ErrFilter) ||
		!strings.Contains(err.Error(), `did you mean "country"?`) {
		t.Errorf("unknown level: %v", err)
	}
}

// TestRankAndBalanceAtLevel: betweenness and balance of the hand-built graph at the country level,
// computed by hand in the comment of multiLevel.
func TestRankAndBalanceAtLevel(t *testing.T) {
	c := atLevel(t, multiLevel(t), "country")
	// Six actors; normalised by 2/((n-1)(n-2)) = 1/10. By hand: az carries tr–ge, ge–ru, ge–am (1
	// each), half of tr–ru and all of ge–csto (its paths run ge–az–ru and ge–az–am): 4.5; am carries
	// tr–csto (1) and half of tr–ru, ge–csto and az–csto: 2.5; ru half of ge–csto and az–csto: 1.
	res, err := query.Rank(c, query.ByBetweenness, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []query.Score{{"az", 0.45}, {"am", 0.25}, {"ru", 0.1}, {"csto", 0}, {"ge", 0}, {"tr", 0}}
	if !slices.Equal(res.Actors, want) {
		t.Errorf("betweenness at country level:\n got %v\nwant %v", res.Actors, want)
	}
	// Triangles: ru–am–az (+, −, +) is unbalanced; ru–am–csto (+, +, +) and tr–az–am (+, −, −) are
	// balanced.
	bal := query.Balance(c, 0)
	if bal.Balanced != 2 || bal.Unbalanced != 1 || len(bal.Triads) != 1 || bal.Triads[0].Actors != [3]string{"am", "az", "ru"} {
		t.Errorf("balance at country level: %+v", bal)
	}
	// At the recorded level Russia and Azerbaijan are not linked, so ru–am–az is no triangle.
	rec := query.Balance(multiLevel(t), 0)
	if rec.Balanced != 2 || rec.Unbalanced != 0 {
		t.Errorf("balance at the recorded level: %+v", rec)
	}
}

// TestLinksInvolving: roles make a link part of the questions about the actors that took part.
func TestLinksInvolving(t *testing.T) {
	g := multiLevel(t)
	id := func(s string) int32 { return graphtest.Actor(t, g, s) }
	ids := func(ls []int32) []string {
		var out []string
		for _, l := range ls {
			out = append(out, g.LinkID(l))
		}
		slices.Sort(out)
		return out
	}
	for _, tt := range []struct {
		name string
		a, b []string
		want []string
	}{
		// Aliyev hosted Putin: the visit joins them though Aliyev is no end of it.
		{"putin and his host", []string{"putin"}, []string{"aliyev"}, []string{"visit:putin:az:2016-08-08"}},
		{"host and visitor", []string{"aliyev"}, []string{"putin"}, []string{"visit:putin:az:2016-08-08"}},
		// Lavrov invited and hosted Bayramov: one link, listed once.
		{"lavrov and bayramov", []string{"lavrov"}, []string{"bayramov"}, []string{"visit:bayramov:ru:2020-08-26"}},
		// Aliyev (a role) and Baku (a role) of one link: neither is an end, so they are not joined.
		{"two roles", []string{"aliyev"}, []string{"baku"}, nil},
		// Every link Aliyev took part in: his visit, Putin's visit he hosted, and his located_in.
		{"aliyev alone", []string{"aliyev"}, nil, []string{"located_in:aliyev:az", "visit:aliyev:ru:2022-02-22", "visit:putin:az:2016-08-08"}},
		{"moscow alone", []string{"moscow"}, nil, []string{"located_in:moscow:ru", "visit:aliyev:ru:2022-02-22"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var a, b []int32
			for _, s := range tt.a {
				a = append(a, id(s))
			}
			for _, s := range tt.b {
				b = append(b, id(s))
			}
			if got := ids(g.LinksInvolving(a, b)); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	// At country level the roles count as their countries too: Baku is Azerbaijan.
	c := atLevel(t, g, "country")
	az := graphtest.Actor(t, c, "az")
	if got := len(c.RoleLinks(az)); got != 1 {
		t.Errorf("links with a role of Azerbaijan at country level: %d, want 1 (Putin's visit: host and place)", got)
	}
}

// TestRollUpKeepsPlaces: a region or a town that lies in a country is not the country at its level
// (a breakaway region recognised by another state is no tie to the state it broke from), while a
// military unit in a country is.
func TestRollUpKeepsPlaces(t *testing.T) {
	b := graph.NewBuilder(nil)
	for _, a := range []graph.Actor{
		{ID: "ru", Kind: "country"}, {ID: "ge", Kind: "country"},
		{ID: "ossetia", Kind: "region", In: "ge"},
		{ID: "gori", Kind: "city", In: "ge"},
		{ID: "base", Kind: "military-unit", In: "ru"},
	} {
		b.AddActor(a)
	}
	for _, l := range []graph.Link{
		{Kind: "mediation", From: "ru", To: "ossetia", Sign: 1},
		{Kind: "conflict", From: "base", To: "gori", Sign: -1},
	} {
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	c := atLevel(t, g, "country")
	for id, want := range map[string]string{"ossetia": "ossetia", "gori": "gori", "base": "ru"} {
		if got := c.Actor(c.LevelOf(graphtest.Actor(t, c, id))).ID; got != want {
			t.Errorf("LevelOf(%s) = %s, want %s", id, got, want)
		}
	}
	ru, ge := graphtest.Actor(t, c, "ru"), graphtest.Actor(t, c, "ge")
	if n := len(c.LinksBetween(ru, ge)); n != 0 {
		t.Errorf("%d links between Russia and Georgia at country level, want 0", n)
	}
	if n := len(c.LinksBetween(ru, graphtest.Actor(t, c, "gori"))); n != 1 {
		t.Errorf("the base's conflict with Gori is not Russia's at country level (%d links)", n)
	}
}
