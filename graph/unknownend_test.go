package graph

import (
	"errors"
	"testing"
)

// TestUnknownEnds checks that a link whose ends are not actors is reported as naming unknown actors,
// with no panic and no false duplicate: a dataset of links and no actors used to resolve every unknown
// end to actor 0.
func TestUnknownEnds(t *testing.T) {
	for _, tc := range []struct {
		name   string
		actors []Actor
		links  []Link
		want   []string
	}{
		{
			name:  "no actors, two links",
			links: []Link{{Kind: "trade", From: "a", To: "b"}, {Kind: "trade", From: "a", To: "c"}},
			want: []string{`links[0].from: unknown actor "a"`, `links[0].to: unknown actor "b"`,
				`links[1].from: unknown actor "a"`, `links[1].to: unknown actor "c"`},
		},
		{
			name:   "one unknown end each, same kind and known end",
			actors: []Actor{{ID: "a", Kind: "country"}},
			links:  []Link{{Kind: "trade", From: "a", To: "x"}, {Kind: "trade", From: "a", To: "y"}},
			want:   []string{`links[0].to: unknown actor "x" (did you mean "a"?)`, `links[1].to: unknown actor "y" (did you mean "a"?)`},
		},
		{
			name:   "unknown ends next to a real duplicate",
			actors: []Actor{{ID: "a", Kind: "country"}, {ID: "b", Kind: "country"}},
			links: []Link{{Kind: "trade", From: "a", To: "b"}, {Kind: "trade", From: "q", To: "b"},
				{Kind: "trade", From: "b", To: "a"}},
			want: []string{`links[1].from: unknown actor "q" (did you mean "a"?)`,
				`links[2]: duplicate link id "trade:a:b": give one of the two links an explicit id (the other is links[0])`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuilder(nil)
			for _, a := range tc.actors {
				b.AddActor(a)
			}
			for i := range tc.links {
				b.AddLink(&tc.links[i])
			}
			_, err := b.Build()
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Build: %v, want Problems", err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Error())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("problems:\n%q\nwant:\n%q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("problem %d: %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}
