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

// Candidate is an actor a name given to Resolve may have been meant for.
type Candidate struct {
	ID, Name, Kind string
}

// UnknownActorError is Resolve's error when no actor matches a name. It matches ErrUnknownActor with
// errors.Is.
type UnknownActorError struct {
	// Name is the name as given.
	Name string
	// Blank reports that the name is empty once folded (Normalize): nothing but spaces and punctuation.
	Blank bool
	// Suggestions are the actors the name may have been meant for: one close match (a typo, or the
	// only actor with a word of its names beginning with the name), or, by id, every actor with such
	// a word. Empty when none comes close.
	Suggestions []Candidate
}

// Error says that the name is unknown, with a "did you mean" hint for a single suggestion and the
// list of several.
func (e *UnknownActorError) Error() string {
	switch {
	case e.Blank:
		return ErrUnknownActor.Error() + ": empty name"
	case len(e.Suggestions) == 1:
		c := e.Suggestions[0]
		return fmt.Sprintf("%s %q (did you mean %q, %s?)", ErrUnknownActor, e.Name, c.ID, c.Name)
	case len(e.Suggestions) > 1:
		return fmt.Sprintf("%s %q: it could be %s", ErrUnknownActor, e.Name, describeCandidates(e.Suggestions))
	}
	return fmt.Sprintf("%s %q", ErrUnknownActor, e.Name)
}

// Unwrap returns ErrUnknownActor.
func (e *UnknownActorError) Unwrap() error { return ErrUnknownActor }

// AmbiguousNameError is Resolve's error when several actors match a name equally well. It matches
// ErrAmbiguousActor with errors.Is.
type AmbiguousNameError struct {
	// Name is the name as given.
	Name string
	// Candidates are the actors it matches, by id.
	Candidates []Candidate
}

// Error lists the actors the name could mean.
func (e *AmbiguousNameError) Error() string {
	return fmt.Sprintf("%s %q: it could be %s", ErrAmbiguousActor, e.Name, describeCandidates(e.Candidates))
}

// Unwrap returns ErrAmbiguousActor.
func (e *AmbiguousNameError) Unwrap() error { return ErrAmbiguousActor }

// Resolve finds the actor a user means: by id, then by name or alias, ignoring case, diacritics and
// punctuation (`turkiye`, `Türkiye` and `Turkey` all find Turkey when those are its name and aliases).
// An unknown name fails with an *UnknownActorError (matching ErrUnknownActor) with "did you mean"
// suggestions; a name shared by several actors fails with an *AmbiguousNameError (matching
// ErrAmbiguousActor) listing them. Actors absent from a filtered g are still found.
func (g *Graph) Resolve(name string) (int32, error) {
	if i, ok := g.u.byID[name]; ok {
		return i, nil
	}
	key := Normalize(name)
	if key == "" {
		return -1, &UnknownActorError{Name: name, Blank: true}
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
		return -1, &AmbiguousNameError{Name: name, Candidates: g.candidates(m)}
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
	if len(cands) > 0 {
		return -1, &UnknownActorError{Name: name, Suggestions: g.candidates(cands)}
	}
	keys := make([]string, 0, len(idx))
	for k := range idx {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if s := Suggest(key, slices.Values(keys)); s != "" {
		return -1, &UnknownActorError{Name: name, Suggestions: g.candidates(idx[s][:1])}
	}
	return -1, &UnknownActorError{Name: name}
}

// candidates describes the actors ids, sorted by id.
func (g *Graph) candidates(ids []int32) []Candidate {
	out := make([]Candidate, len(ids))
	for i, id := range ids {
		a := &g.u.actors[id]
		out[i] = Candidate{ID: a.ID, Name: a.Name, Kind: a.Kind}
	}
	slices.SortFunc(out, func(a, b Candidate) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// describeCandidates lists candidates for a message: `"id" (Name, kind)`, at most eight, then how
// many more.
func describeCandidates(cs []Candidate) string {
	const max = 8
	var parts []string
	for i, c := range cs {
		if i == max {
			parts = append(parts, fmt.Sprintf("and %d more", len(cs)-max))
			break
		}
		parts = append(parts, fmt.Sprintf("%q (%s, %s)", c.ID, c.Name, c.Kind))
	}
	return strings.Join(parts, ", ")
}
