package graph

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fixture builds a small graph: two countries, their capitals, a pipeline route and a few links.
func fixture(t testing.TB) *Graph {
	t.Helper()
	b := NewBuilder(nil)
	b.AddDocument(Document{ID: "doc", Title: "T"})
	for _, a := range []Actor{
		{ID: "russia", Name: "Russia", Kind: "country", Aliases: []string{"Russian Federation"}},
		{ID: "moscow", Name: "Moscow", Kind: "city", In: "russia", StandsFor: "russia"},
		{ID: "azerbaijan", Name: "Azerbaijan", Kind: "country"},
		{ID: "baku", Name: "Baku", Kind: "city", In: "azerbaijan", StandsFor: "azerbaijan"},
		{ID: "turkey", Name: "Turkey", Kind: "country", Aliases: []string{"Türkiye"}},
		{ID: "ceyhan", Name: "Ceyhan", Kind: "city", In: "turkey"},
		{ID: "georgia", Name: "Georgia", Kind: "country"},
		{ID: "tbilisi", Name: "Tbilisi", Kind: "city", In: "georgia"},
		{ID: "btc", Name: "BTC pipeline", Kind: "infrastructure", Route: []string{"baku", "tbilisi", "ceyhan"}, RouteKind: "pipeline", Start: mustDate(t, "2006"), Sources: []Source{{Doc: "doc", Para: 2}}},
		{ID: "eeu", Name: "Eurasian Economic Union", Kind: "organization", Start: mustDate(t, "2015")},
		{ID: "putin", Name: "Vladimir Putin", Kind: "person", In: "russia"},
	} {
		b.AddActor(a)
	}
	for _, l := range []Link{
		{Kind: "arms_sale", From: "russia", To: "azerbaijan", Sign: 1, Start: mustDate(t, "2010"), End: mustDate(t, "2013"), Certainty: Alleged, Weight: 3, Attrs: map[string]string{"value": "$4 billion"}, Sources: []Source{{Doc: "doc", Para: 1, Note: "n"}}},
		{Kind: "visit", From: "putin", To: "azerbaijan", Sign: 1, On: mustDate(t, "2016-08-08")},
		{Kind: "conflict", From: "russia", To: "georgia", Sign: -1, On: mustDate(t, "2008-08")},
		{Kind: "alliance", From: "russia", To: "azerbaijan", Sign: 1, Start: mustDate(t, "2022-02-22")},
		{Kind: "trade", From: "azerbaijan", To: "russia", Sign: 1},
	} {
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func linkIDs(g *Graph, ids []int32) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = g.LinkID(id)
	}
	slices.Sort(out)
	return out
}

func allIDs(g *Graph) []string {
	var ids []int32
	for i := range g.NumLinks() {
		ids = append(ids, int32(i))
	}
	return linkIDs(g, ids)
}

func TestBuildDerivesLinks(t *testing.T) {
	g := fixture(t)
	want := []string{
		"alliance:azerbaijan:russia:2022-02-22",
		"arms_sale:russia:azerbaijan:2010",
		"conflict:georgia:russia:2008-08",
		"located_in:baku:azerbaijan",
		"located_in:ceyhan:turkey",
		"located_in:moscow:russia",
		"located_in:putin:russia",
		"located_in:tbilisi:georgia",
		"pipeline:baku:tbilisi@btc",
		"pipeline:tbilisi:ceyhan@btc",
		"trade:azerbaijan:russia",
		"visit:putin:azerbaijan:2016-08-08",
	}
	if got := allIDs(g); !slices.Equal(got, want) {
		t.Errorf("link ids:\n got %q\nwant %q", got, want)
	}
	baku, _ := g.ActorIndex("baku")
	tbilisi, _ := g.ActorIndex("tbilisi")
	seg := g.LinksBetween(baku, tbilisi)
	if len(seg) != 1 {
		t.Fatalf("baku–tbilisi: %d links, want 1", len(seg))
	}
	l := g.Link(seg[0])
	if l.Kind != "pipeline" || !l.Directed || l.Start != mustDate(t, "2006") || l.Attrs["via"] != "btc" || len(l.Sources) != 1 || l.Sources[0].Para != 2 {
		t.Errorf("route segment = %+v", l)
	}
}

func TestLinkAccessors(t *testing.T) {
	g := fixture(t)
	ru, _ := g.ActorIndex("russia")
	az, _ := g.ActorIndex("azerbaijan")
	between := linkIDs(g, g.LinksBetween(ru, az))
	want := []string{"alliance:azerbaijan:russia:2022-02-22", "arms_sale:russia:azerbaijan:2010", "trade:azerbaijan:russia"}
	if !slices.Equal(between, want) {
		t.Errorf("LinksBetween(russia, azerbaijan) = %q, want %q", between, want)
	}
	if got := linkIDs(g, g.LinksBetween(az, ru)); !slices.Equal(got, want) {
		t.Errorf("LinksBetween is not symmetric: %q", got)
	}
	if got := len(g.LinksOf(ru)); got != 6 { // arms, conflict, alliance, trade, moscow in, putin in
		t.Errorf("LinksOf(russia) has %d links, want 6", got)
	}
	if got := linkIDs(g, g.LinksOfKind("located_in")); len(got) != 5 {
		t.Errorf("LinksOfKind(located_in) = %q", got)
	}
	if g.LinksOfKind("nonsense") != nil {
		t.Error("unknown kind should give nil")
	}
	arms := g.LinksBetween(ru, az)[0]
	for _, i := range g.LinksBetween(ru, az) {
		if g.KindOf(i).ID == "arms_sale" {
			arms = i
		}
	}
	l := g.Link(arms)
	if l.Certainty != Alleged || l.Attrs["value"] != "$4 billion" || l.Weight != 3 || !l.Directed || l.Sign != 1 {
		t.Errorf("arms link = %+v", l)
	}
	l.Attrs["value"] = "changed"
	if g.Link(arms).Attrs["value"] != "$4 billion" {
		t.Error("Link must return copies of its maps")
	}
}

func TestDeriveLinkIDStable(t *testing.T) {
	tests := []struct {
		kind, from, to string
		directed       bool
		date           string
		want           string
	}{
		{"conflict", "azerbaijan", "armenia", false, "2016-04", "conflict:armenia:azerbaijan:2016-04"},
		{"conflict", "armenia", "azerbaijan", false, "2016-04", "conflict:armenia:azerbaijan:2016-04"},
		{"arms_sale", "russia", "armenia", true, "2016", "arms_sale:russia:armenia:2016"},
		{"alliance", "russia", "armenia", false, "", "alliance:armenia:russia"},
	}
	for _, tt := range tests {
		var d Date
		if tt.date != "" {
			d = mustDate(t, tt.date)
		}
		if got := DeriveLinkID(tt.kind, tt.from, tt.to, tt.directed, d); got != tt.want {
			t.Errorf("DeriveLinkID(%s,%s,%s) = %q, want %q", tt.kind, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestBuildProblems(t *testing.T) {
	b := NewBuilder(nil)
	b.AddDocument(Document{ID: "doc"})
	b.AddDocument(Document{ID: "doc"})                                                                             // sources[1] duplicate
	b.AddActor(Actor{ID: "russia", Kind: "country"})                                                               // actors[0]
	b.AddActor(Actor{ID: "russia", Kind: "country"})                                                               // actors[1] duplicate
	b.AddActor(Actor{ID: "Bad Id", Kind: "country"})                                                               // actors[2]
	b.AddActor(Actor{ID: "armenia", Kind: "contry"})                                                               // actors[3] unknown kind
	b.AddActor(Actor{ID: "gyumri", Kind: "city", In: "armena"})                                                    // actors[4]
	b.AddActor(Actor{ID: "p", Kind: "infrastructure", Route: []string{"russia", "armnia"}, RouteKind: "pipeline"}) // actors[5]
	b.AddActor(Actor{ID: "q", Kind: "infrastructure", Route: []string{"russia", "armenia"}, RouteKind: "trade"})   // actors[6]
	b.AddActor(Actor{ID: "r", Kind: "infrastructure", Route: []string{"russia"}, RouteKind: "railway"})            // actors[7]
	links := []Link{
		{Kind: "arms_sale", From: "rusia", To: "armenia"},                                                          // 0 unknown actor with hint
		{Kind: "arms_sales", From: "russia", To: "armenia"},                                                        // 1 unknown kind with hint
		{Kind: "visit", From: "russia", To: "russia", On: mustDate(t, "2016")},                                     // 2 self link
		{Kind: "alliance", From: "russia", To: "armenia", Start: mustDate(t, "2017"), End: mustDate(t, "2016-12")}, // 3 end before start
		{Kind: "alliance", From: "russia", To: "armenia", Start: mustDate(t, "2016"), End: mustDate(t, "2016-01")}, // 4 fine (partial dates overlap)
		{Kind: "alliance", From: "armenia", To: "russia", Start: mustDate(t, "2016")},                              // 5 duplicate of 4 (undirected)
		{Kind: "visit", From: "russia", To: "armenia", On: mustDate(t, "2016"), Start: mustDate(t, "2016")},        // 6 on and start
		{Kind: "trade", From: "russia", To: "armenia", Sources: []Source{{Doc: "dco", Para: 1}}},                   // 7 unknown doc
		{Kind: "trade", From: "russia", To: "armenia", ID: "x", Sign: 3},                                           // 8 bad sign
		{Kind: "trade", From: "russia", To: "armenia", ID: "x"},                                                    // 9 duplicate explicit id
	}
	for i := range links {
		b.AddLink(&links[i])
	}
	_, err := b.Build()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Build error = %v, want Problems", err)
	}
	want := []string{
		`sources[1].id: duplicate document id "doc"`,
		`actors[1].id: duplicate actor id "russia"`,
		`actors[2].id: actor id "Bad Id" is not a lowercase slug (letters, digits, '-')`,
		`actors[3].kind: unknown actor kind "contry" (did you mean "country"?)`,
		`actors[4].in: unknown actor "armena" (did you mean "armenia"?)`,
		`actors[5].route[1]: route through unknown place "armnia" (did you mean "armenia"?)`,
		`actors[6].route_kind: link kind "trade" is not a transport kind (pipeline, railway, road, bridge)`,
		`actors[7].route: a route needs at least two places`,
		`links[0].from: unknown actor "rusia" (did you mean "russia"?)`,
		`links[1].kind: unknown link kind "arms_sales" (did you mean "arms_sale"?)`,
		`links[2].to: link from "russia" to itself`,
		`links[3].end: end 2016-12 is before start 2017`,
		`links[5]: duplicate link id "alliance:armenia:russia:2016": give one of the two links an explicit id (the other is links[4])`,
		`links[6].on: a link has either on (an event) or start/end (a lasting link), not both`,
		`links[7].sources[0].doc: unknown document "dco" (did you mean "doc"?)`,
		`links[8].sign: sign 3 is not -1, 0 or 1`,
		`links[9].id: duplicate link id "x" (the other is links[8])`,
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Error())
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFilter(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		name    string
		f       Filter
		want    []string
		absent  []string
		present []string
	}{
		{name: "at 2012", f: Filter{At: mustDate(t, "2012")},
			want:   []string{"arms_sale:russia:azerbaijan:2010", "conflict:georgia:russia:2008-08", "located_in:baku:azerbaijan", "located_in:ceyhan:turkey", "located_in:moscow:russia", "located_in:putin:russia", "located_in:tbilisi:georgia", "pipeline:baku:tbilisi@btc", "pipeline:tbilisi:ceyhan@btc", "trade:azerbaijan:russia"},
			absent: []string{"eeu"}, present: []string{"btc", "russia"}},
		{name: "at 2016-08", f: Filter{At: mustDate(t, "2016-08"), Kinds: []string{"visit", "arms_sale", "alliance"}},
			want: []string{"visit:putin:azerbaijan:2016-08-08"}, absent: []string{"eeu", "baku", "btc"}, present: []string{"putin", "azerbaijan"}},
		{name: "since 2014", f: Filter{Since: mustDate(t, "2014"), Kinds: []string{"arms_sale", "visit", "alliance", "conflict"}},
			want: []string{"alliance:azerbaijan:russia:2022-02-22", "visit:putin:azerbaijan:2016-08-08"}},
		{name: "until 2009", f: Filter{Until: mustDate(t, "2009"), ExcludeKinds: []string{"located_in", "pipeline", "trade"}},
			want: []string{"conflict:georgia:russia:2008-08"}},
		{name: "exclude", f: Filter{ExcludeKinds: []string{"located_in", "pipeline"}},
			want: []string{"alliance:azerbaijan:russia:2022-02-22", "arms_sale:russia:azerbaijan:2010", "conflict:georgia:russia:2008-08", "trade:azerbaijan:russia", "visit:putin:azerbaijan:2016-08-08"}},
		{name: "at 2016 keeps the EEU (founded 2015)", f: Filter{At: mustDate(t, "2016"), Kinds: nil},
			present: []string{"eeu"}},
	}
	for _, tt := range tests {
		v, err := g.Filter(tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if tt.want != nil {
			if got := allIDs(v); !slices.Equal(got, tt.want) {
				t.Errorf("%s: links\n got %q\nwant %q", tt.name, got, tt.want)
			}
		}
		for _, id := range tt.absent {
			if i, _ := v.ActorIndex(id); v.Present(i) {
				t.Errorf("%s: %s should be absent", tt.name, id)
			}
		}
		for _, id := range tt.present {
			if i, _ := v.ActorIndex(id); !v.Present(i) {
				t.Errorf("%s: %s should be present", tt.name, id)
			}
		}
	}
	if g.NumLinks() != 12 || g.NumPresent() != g.NumActors() {
		t.Error("Filter modified the original graph")
	}
	for _, f := range []Filter{{Kinds: []string{"arms_sales"}}, {At: 2016_00_00, Since: 2015_00_00}, {Since: 2016_00_00, Until: 2015_00_00}} {
		if _, err := g.Filter(f); !errors.Is(err, ErrFilter) {
			t.Errorf("Filter(%+v) error = %v, want ErrFilter", f, err)
		}
	}
	if _, err := g.Filter(Filter{Kinds: []string{"arms_sales"}}); err == nil || !strings.Contains(err.Error(), `did you mean "arms_sale"?`) {
		t.Errorf("unknown kind hint missing: %v", err)
	}
}

func TestResolve(t *testing.T) {
	g := fixture(t)
	tests := []struct {
		in, want, wantErr string
		suggest           []string // the ids the error suggests
	}{
		{in: "russia", want: "russia"},
		{in: "Russia", want: "russia"},
		{in: "RUSSIAN FEDERATION", want: "russia"},
		{in: "turkiye", want: "turkey"},
		{in: "Türkiye", want: "turkey"},
		{in: "TÜRKİYE", want: "turkey"},
		{in: "Turkey", want: "turkey"},
		{in: "vladimir putin", want: "putin"},
		{in: "Vladimir  Putin", want: "putin"},
		{in: "rusia", wantErr: `unknown actor "rusia" (did you mean "russia", Russia?)`, suggest: []string{"russia"}},
		{in: "eurasian", wantErr: `unknown actor "eurasian" (did you mean "eeu", Eurasian Economic Union?)`, suggest: []string{"eeu"}},
		{in: "zzzzzz", wantErr: `unknown actor "zzzzzz"`},
		{in: " -- ", wantErr: `unknown actor: empty name`},
	}
	for _, tt := range tests {
		i, err := g.Resolve(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr || !errors.Is(err, ErrUnknownActor) {
				t.Errorf("Resolve(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			var ue *UnknownActorError
			if !errors.As(err, &ue) || ue.Name != tt.in {
				t.Fatalf("Resolve(%q) error %T, want *UnknownActorError for the name", tt.in, err)
			}
			var got []string
			for _, c := range ue.Suggestions {
				got = append(got, c.ID)
			}
			if !slices.Equal(got, tt.suggest) {
				t.Errorf("Resolve(%q) suggests %v, want %v", tt.in, got, tt.suggest)
			}
			continue
		}
		if err != nil || g.Actor(i).ID != tt.want {
			t.Errorf("Resolve(%q) = %v, %v; want %s", tt.in, i, err, tt.want)
		}
	}
}

func TestResolveAmbiguous(t *testing.T) {
	b := NewBuilder(nil)
	b.AddActor(Actor{ID: "georgia", Name: "Georgia", Kind: "country"})
	b.AddActor(Actor{ID: "georgia-us", Name: "Georgia", Kind: "region"})
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if i, err := g.Resolve("georgia"); err != nil || g.Actor(i).ID != "georgia" {
		t.Errorf("an exact id wins: %v %v", i, err)
	}
	// "GEORGIA " normalises to the id "georgia", and an id beats a shared name.
	if i, err := g.Resolve("GEORGIA "); err != nil || g.Actor(i).ID != "georgia" {
		t.Errorf("Resolve(GEORGIA) = %v, %v", i, err)
	}
	b = NewBuilder(nil)
	b.AddActor(Actor{ID: "aliyev-h", Name: "Heydar Aliyev", Kind: "person", Aliases: []string{"Aliyev"}})
	b.AddActor(Actor{ID: "aliyev-i", Name: "Ilham Aliyev", Kind: "person", Aliases: []string{"Aliyev"}})
	g, _ = b.Build()
	_, err = g.Resolve("aliyev")
	if !errors.Is(err, ErrAmbiguousActor) || err.Error() != `ambiguous actor "aliyev": it could be "aliyev-h" (Heydar Aliyev, person), "aliyev-i" (Ilham Aliyev, person)` {
		t.Errorf("Resolve(aliyev) error = %v", err)
	}
	var ae *AmbiguousNameError
	if !errors.As(err, &ae) || ae.Name != "aliyev" || len(ae.Candidates) != 2 || ae.Candidates[0] != (Candidate{"aliyev-h", "Heydar Aliyev", "person"}) {
		t.Errorf("Resolve(aliyev) error = %#v", err)
	}
}

func TestSphere(t *testing.T) {
	g := fixture(t)
	ru, _ := g.ActorIndex("russia")
	var got []string
	for _, i := range g.Sphere(ru) {
		got = append(got, g.Actor(i).ID)
	}
	slices.Sort(got)
	if want := []string{"moscow", "putin", "russia"}; !slices.Equal(got, want) {
		t.Errorf("Sphere(russia) = %q, want %q", got, want)
	}
	baku, _ := g.ActorIndex("baku")
	if g.Actor(g.StandsFor(baku)).ID != "azerbaijan" || g.StandsFor(ru) != ru {
		t.Error("StandsFor")
	}
}

func TestIDSyntax(t *testing.T) {
	for _, tt := range []struct {
		s          string
		slug, link bool
	}{
		{"russia", true, true}, {"base-102-gyumri", true, true}, {"9may", true, true},
		{"", false, false}, {"-x", false, false}, {"Russia", false, false}, {"a b", false, false},
		{"türkiye", false, false}, {"a_b", false, true}, {"a.b", false, true}, {".a", false, false},
		{"a:b", false, false},
	} {
		if IsSlug(tt.s) != tt.slug || isLinkID(tt.s) != tt.link {
			t.Errorf("%q: IsSlug %v isLinkID %v, want %v %v", tt.s, IsSlug(tt.s), isLinkID(tt.s), tt.slug, tt.link)
		}
	}
}

func TestAddLinkBetween(t *testing.T) {
	b := NewBuilder(nil)
	b.AddActor(Actor{ID: "a", Kind: "country"})
	b.AddActor(Actor{ID: "b", Kind: "country"})
	ia, _ := b.ActorNumber("a")
	ib, ok := b.ActorNumber("b")
	if !ok || ia != 0 || ib != 1 {
		t.Fatalf("ActorNumber = %d, %d, %v", ia, ib, ok)
	}
	b.AddLinkBetween(ia, ib, &Link{Kind: "trade", Sign: 1, Start: NewDate(2001, 0, 0)})
	b.AddLinkBetween(ia, ia, &Link{Kind: "trade"})
	b.AddLinkBetween(ia, 7, &Link{Kind: "trade"})
	_, err := b.Build()
	if err == nil || err.Error() != "links[1].to: link from \"a\" to itself\nlinks[2].from: actor number out of range (0, 7)" {
		t.Errorf("Build error = %v", err)
	}
	b = NewBuilder(nil)
	b.AddActor(Actor{ID: "a", Kind: "country"})
	b.AddActor(Actor{ID: "b", Kind: "country"})
	b.AddLinkBetween(0, 1, &Link{Kind: "trade", Sign: 1, Start: NewDate(2001, 0, 0)})
	g, err := b.Build()
	if err != nil || g.LinkID(0) != "trade:a:b:2001" {
		t.Errorf("built %v, %v", g, err)
	}
}

// TestDuplicateIDsAgainstNaive checks the duplicate-id search against the obvious one, a map of the
// derived id strings, on random links between many actors added in shuffled order, with directed and
// undirected kinds, so that duplicates land in every group and both halves of the parallel sort.
func TestDuplicateIDsAgainstNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const nActors, nLinks = 300, 4000
	b := NewBuilder(nil)
	ids := make([]string, nActors)
	for i := range ids {
		ids[i] = fmt.Sprintf("x%d", (i*7919)%nActors)
		b.AddActor(Actor{ID: ids[i], Kind: "country"})
	}
	kinds := []string{"trade", "arms_sale", "alliance", "visit"}
	seen := map[string]int{}
	var want []string
	for i := range nLinks {
		l := Link{Kind: kinds[r.IntN(len(kinds))], From: ids[r.IntN(nActors)], To: ids[r.IntN(20)]}
		if l.From == l.To {
			l.To = ids[(r.IntN(nActors-1)+1+slices.Index(ids, l.From))%nActors]
		}
		if l.Kind == "visit" {
			l.On = NewDate(2000+r.IntN(3), 0, 0)
		} else {
			l.Start = NewDate(2000+r.IntN(3), 0, 0)
		}
		if r.IntN(10) == 0 {
			l.ID = fmt.Sprintf("e%d", r.IntN(nLinks))
		}
		b.AddLink(&l)
		k, _ := NewKinds().Link(l.Kind)
		id := l.ID
		if id == "" {
			id = DeriveLinkID(l.Kind, l.From, l.To, k.Directed, l.Start|l.On)
		}
		if first, dup := seen[id]; dup {
			want = append(want, fmt.Sprintf("links[%d] duplicates links[%d]", i, first))
		} else {
			seen[id] = i
		}
	}
	_, err := b.Build()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Build: %v, want duplicate ids", err)
	}
	var got []string
	for _, p := range ps {
		if !strings.Contains(p.Message, "duplicate link id") || p.Other == nil {
			t.Fatalf("unexpected problem %v", p)
		}
		got = append(got, fmt.Sprintf("%s[%d] duplicates %s", p.Section, p.Index, p.Other))
	}
	slices.Sort(got)
	slices.Sort(want)
	if len(want) < 100 || !slices.Equal(got, want) {
		t.Errorf("%d duplicates, want %d:\ngot  %.300q\nwant %.300q", len(got), len(want), got, want)
	}
}
