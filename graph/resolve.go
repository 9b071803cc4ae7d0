package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ErrUnknownActor is wrapped by Resolve's error when no actor matches.
var ErrUnknownActor = errors.New("unknown actor")

// ErrAmbiguousActor is wrapped by Resolve's error when several actors match equally well.
var ErrAmbiguousActor = errors.New("ambiguous actor")

// Normalize folds a name for matching: lower case, diacritics removed (Türkiye → turkiye), runs of
// spaces, hyphens, underscores and dots collapsed into one hyphen.
func Normalize(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(folded) {
		switch {
		case r == 'ı':
			r = 'i'
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '.' || r == '’' || r == '\'':
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (u *universe) nameIndex() map[string][]int32 {
	u.namesOnce.Do(func() {
		u.names = make(map[string][]int32, len(u.actors)*2)
		for i := range u.actors {
			a := &u.actors[i]
			keys := append([]string{a.ID, a.Name}, a.Aliases...)
			seen := make(map[string]bool, len(keys))
			for _, k := range keys {
				n := Normalize(k)
				if n == "" || seen[n] {
					continue
				}
				seen[n] = true
				u.names[n] = append(u.names[n], int32(i))
			}
		}
	})
	return u.names
}

// Resolve finds the actor a user means: by id, then by name or alias, ignoring case, diacritics and
// punctuation (`turkiye`, `Türkiye` and `Turkey` all find Turkey when those are its name and aliases).
// An unknown name fails with ErrUnknownActor and a "did you mean" hint; a name shared by several actors
// fails with ErrAmbiguousActor listing them. Actors absent from a filtered g are still found.
func (g *Graph) Resolve(name string) (int32, error) {
	if i, ok := g.u.byID[name]; ok {
		return i, nil
	}
	key := Normalize(name)
	if key == "" {
		return -1, fmt.Errorf("%w: empty name", ErrUnknownActor)
	}
	idx := g.u.nameIndex()
	if i, ok := g.u.byID[key]; ok {
		return i, nil
	}
	switch m := idx[key]; len(m) {
	case 1:
		return m[0], nil
	case 0:
	default:
		return -1, fmt.Errorf("%w %q: it could be %s", ErrAmbiguousActor, name, g.describeActors(m))
	}
	// No exact match: actors whose names contain the query as a word-prefix are candidates.
	var cands []int32
	for k, ids := range idx {
		if strings.HasPrefix(k, key+"-") || strings.Contains(k, "-"+key) {
			for _, id := range ids {
				if !slices.Contains(cands, id) {
					cands = append(cands, id)
				}
			}
		}
	}
	if len(cands) == 1 {
		return -1, fmt.Errorf("%w %q (did you mean %q, %s?)", ErrUnknownActor, name, g.u.actors[cands[0]].ID, g.u.actors[cands[0]].Name)
	}
	if len(cands) > 1 {
		return -1, fmt.Errorf("%w %q: it could be %s", ErrUnknownActor, name, g.describeActors(cands))
	}
	keys := make([]string, 0, len(idx))
	for k := range idx {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if s := Suggest(key, slices.Values(keys)); s != "" {
		a := &g.u.actors[idx[s][0]]
		return -1, fmt.Errorf("%w %q (did you mean %q, %s?)", ErrUnknownActor, name, a.ID, a.Name)
	}
	return -1, fmt.Errorf("%w %q", ErrUnknownActor, name)
}

func (g *Graph) describeActors(ids []int32) string {
	ids = slices.Clone(ids)
	slices.SortFunc(ids, func(a, b int32) int { return strings.Compare(g.u.actors[a].ID, g.u.actors[b].ID) })
	const max = 8
	var parts []string
	for i, id := range ids {
		if i == max {
			parts = append(parts, fmt.Sprintf("and %d more", len(ids)-max))
			break
		}
		a := &g.u.actors[id]
		parts = append(parts, fmt.Sprintf("%q (%s, %s)", a.ID, a.Name, a.Kind))
	}
	return strings.Join(parts, ", ")
}
