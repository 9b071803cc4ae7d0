package server

import (
	"bytes"
	"net/http"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/answer"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// The endpoints of the API, each the question of the command of the same name with the parameters
// of its flags; the filters are read by viewOf.

func (s *server) meta(r *request) (any, error) {
	return answer.Meta(s.opts.Graph, s.opts.Datasets, s.opts.Corpus != nil), nil
}

func (s *server) actors(r *request) (any, error) {
	a, err := r.view.Actors(r.get("q"), r.get("kind"))
	if err != nil {
		return nil, err
	}
	return a.JSON(), nil
}

func (s *server) resolve(r *request) (any, error) {
	name, err := r.need("name")
	if err != nil {
		return nil, err
	}
	id, err := r.view.Resolve(name)
	if err != nil {
		return nil, err
	}
	return struct {
		Actor any `json:"actor"`
	}{jsonout.FromActor(r.view.Graph.Actor(id))}, nil
}

func (s *server) show(r *request) (any, error) {
	name, err := r.need("actor")
	if err != nil {
		return nil, err
	}
	a, err := r.view.Show(name)
	if err != nil {
		return nil, err
	}
	return a.JSON(), nil
}

func (s *server) neighbors(r *request) (any, error) {
	name, err := r.need("actor")
	if err != nil {
		return nil, err
	}
	depth, err := r.number("depth", 1, 1, 5)
	if err != nil {
		return nil, err
	}
	a, err := r.view.Neighbors(name, depth)
	if err != nil {
		return nil, err
	}
	return a.JSON(), nil
}

// names returns the parameters a and b that are given, in order.
func (r *request) names() []string {
	var out []string
	for _, p := range []string{"a", "b"} {
		if v := r.get(p); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (s *server) links(r *request) (any, error) {
	literal, err := r.flag("literal")
	if err != nil {
		return nil, err
	}
	a, err := r.view.Links(r.names(), literal)
	if err != nil {
		return nil, err
	}
	return a.JSON(), nil
}

func (s *server) timeline(r *request) (any, error) {
	literal, err := r.flag("literal")
	if err != nil {
		return nil, err
	}
	if _, err := r.need("a"); err != nil {
		return nil, err
	}
	a, err := r.view.Timeline(r.names(), literal)
	if err != nil {
		return nil, err
	}
	return a.JSON(), nil
}

// pair returns the two actor parameters named p and q.
func (r *request) pair(p, q string) (string, string, error) {
	a, err := r.need(p)
	if err != nil {
		return "", "", err
	}
	b, err := r.need(q)
	return a, b, err
}

func (s *server) path(r *request) (any, error) {
	from, to, err := r.pair("from", "to")
	if err != nil {
		return nil, err
	}
	k, err := r.number("k", 1, 1, 100)
	if err != nil {
		return nil, err
	}
	a, err := r.view.Paths(from, to, query.PathOptions{K: k, MaxSteps: s.opts.MaxSteps})
	if err != nil {
		return nil, err
	}
	return a.JSON(), nil
}

func (s *server) connect(r *request) (any, error) {
	a, b, err := r.pair("a", "b")
	if err != nil {
		return nil, err
	}
	literal, err := r.flag("literal")
	if err != nil {
		return nil, err
	}
	paths, err := r.number("paths", 5, 1, 1000)
	if err != nil {
		return nil, err
	}
	brokers, err := r.number("brokers", 10, 1, 1000)
	if err != nil {
		return nil, err
	}
	c, err := r.view.Connect(a, b, literal, query.ConnectOptions{Paths: paths, Brokers: brokers, MaxSteps: s.opts.MaxSteps})
	if err != nil {
		return nil, err
	}
	return c.JSON(), nil
}

func (s *server) why(r *request) (any, error) {
	a, b, err := r.pair("a", "b")
	if err != nil {
		return nil, err
	}
	literal, err := r.flag("literal")
	if err != nil {
		return nil, err
	}
	w, err := r.view.Why(a, b, literal, s.opts.Corpus)
	if err != nil {
		return nil, err
	}
	return w.JSON(), nil
}

func (s *server) rank(r *request) (any, error) {
	top, err := r.number("top", 20, 0, 1_000_000)
	if err != nil {
		return nil, err
	}
	by := r.get("by")
	if by == "" {
		by = query.ByBetweenness
	}
	a, err := r.view.Rank(by, top, r.get("kind"))
	if err != nil {
		return nil, err
	}
	return a.JSON(), nil
}

func (s *server) chokepoints(r *request) (any, error) {
	names := r.names()
	switch len(names) {
	case 0:
		return r.view.Chokepoints().JSON(), nil
	case 2:
		directed, err := r.flag("directed")
		if err != nil {
			return nil, err
		}
		c, err := r.view.Cut(names[0], names[1], directed)
		if err != nil {
			return nil, err
		}
		return c.JSON(), nil
	}
	return nil, &httpError{http.StatusBadRequest, "chokepoints takes no actors, or two (a and b)"}
}

func (s *server) balance(r *request) (any, error) {
	top, err := r.number("top", 20, 0, 1_000_000)
	if err != nil {
		return nil, err
	}
	return r.view.Balance(top).JSON(), nil
}

func (s *server) diff(r *request) (any, error) {
	oldArg, newArg, err := r.pair("old", "new")
	if err != nil {
		return nil, err
	}
	f, desc, err := filterOf(r)
	if err != nil {
		return nil, err
	}
	label := strings.Join(s.opts.Datasets, ", ")
	var sides [2]text.DiffSide
	for i, arg := range []string{oldArg, newArg} {
		if sides[i], err = answer.DateSide(s.opts.Graph, arg, label, f); err != nil {
			return nil, err
		}
	}
	depth, err := r.number("depth", 1, 0, 5)
	if err != nil {
		return nil, err
	}
	d, err := answer.NewDiff(sides[0], sides[1], r.get("focus"), depth, desc)
	if err != nil {
		return nil, err
	}
	if ok, _ := r.flag("brokers"); ok {
		b, err := answer.NewBrokers(sides[0], sides[1])
		if err != nil {
			return nil, err
		}
		return b.JSON(), nil
	}
	if ok, _ := r.flag("summary"); ok {
		return d.SummaryJSON(), nil
	}
	return d.JSON(), nil
}

func (s *server) whole(r *request) (any, error) {
	max, err := r.number("max", s.opts.MaxLinks, 1, s.opts.MaxLinks)
	if err != nil {
		return nil, err
	}
	return r.view.Whole(max).JSON(), nil
}

// picture answers /api/render.svg and .png: a drawing of the view, of an actor's neighbourhood (focus,
// depth) or of a shortest path (from, to), made by the drawing helper.
func (s *server) picture(format string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, hr *http.Request) {
		r := &request{q: hr.URL.Query()}
		v, err := s.viewOf(r)
		if err != nil {
			writeError(w, err)
			return
		}
		depth, err := r.number("depth", 1, 0, 5)
		if err != nil {
			writeError(w, err)
			return
		}
		layout := r.get("layout")
		if layout == "" {
			layout = "dot"
		}
		if !slices.Contains(answer.Layouts, layout) {
			writeError(w, &httpError{http.StatusBadRequest, "unknown layout " + layout + " (want " + strings.Join(answer.Layouts, ", ") + ")"})
			return
		}
		pic := answer.Picture{Layout: layout, Focus: r.get("focus"), Depth: depth, From: r.get("from"), To: r.get("to")}
		if pic.Focus != "" && (pic.From != "" || pic.To != "") {
			writeError(w, &httpError{http.StatusBadRequest, "give focus, or from and to, not both"})
			return
		}
		if (pic.From == "") != (pic.To == "") {
			writeError(w, &httpError{http.StatusBadRequest, "a path needs both from and to"})
			return
		}
		d, err := v.Diagram(pic)
		if err != nil {
			writeError(w, err)
			return
		}
		var out bytes.Buffer
		narrow := "focus=ACTOR&depth=1, from=A&to=B, kinds=K1,K2 or at=DATE"
		if err := answer.Draw(hr.Context(), d, layout, format, s.opts.Draw, narrow, s.opts.Locator, &out); err != nil {
			writeError(w, err)
			return
		}
		ct := "image/svg+xml"
		if format == "png" {
			ct = "image/png"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", `attachment; filename="relgraph.`+format+`"`)
		_, _ = w.Write(out.Bytes())
	})
}
