// Package server is the web server of 'relgraph serve': a JSON API under /api/ that answers the
// questions of the command line with the shapes of its --json output (package answer asks them for
// both), and the page that explores the graph in a browser, embedded in the binary.
//
// The server is read-only: no request changes the data or writes a file. Every request is bounded in
// size, work (the path search budget of the command line) and time; the page is served with a
// Content-Security-Policy that allows only its own scripts and styles, and a request whose Host is not
// the server's own is refused, so that another web site cannot read the API through a rebound name.
package server

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/answer"
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/draw"
	"github.com/relgraph/relgraph/render/jsonout"
)

//go:embed static
var static embed.FS

// Options configure a server.
type Options struct {
	// Graph is the dataset, unfiltered; Datasets names what it was loaded from.
	Graph    *graph.Graph
	Datasets []string
	// Corpus holds the source documents, for the passages of /api/why; nil when there is none.
	Corpus fs.FS
	// Locator finds the drawing helper for /api/render.svg and .png; Draw bounds its drawings.
	Locator draw.Locator
	Draw    answer.DrawLimits
	// MaxSteps bounds the work of one path search (query.DefaultMaxSteps when 0).
	MaxSteps int64
	// Timeout bounds the time of one request (DefaultTimeout when 0).
	Timeout time.Duration
	// MaxLinks is the most links /api/graph sends (DefaultMaxLinks when 0).
	MaxLinks int
	// Hosts are the host names requests may be addressed to (the Host header, without the port); nil
	// accepts any, for a server bound to all interfaces on purpose.
	Hosts []string
}

// Defaults of Options.
const (
	DefaultTimeout  = 30 * time.Second
	DefaultMaxLinks = 2000
	// maxQuery is the longest query string accepted, in bytes.
	maxQuery = 8 << 10
	// maxViews is how many filtered views the server keeps, for the requests that come back to them.
	maxViews = 32
)

// LocalHosts are the names of the local machine, for Options.Hosts.
var LocalHosts = []string{"localhost", "127.0.0.1", "::1"}

// contentSecurityPolicy allows the page its own scripts, styles and images, and nothing else.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// server holds what the handlers share.
type server struct {
	opts  Options
	mu    sync.Mutex
	views map[string]*graph.Graph // filtered views, by the canonical form of their filter
	order []string                // the keys of views, oldest first
}

// New returns the handler of a server over opts.Graph.
func New(opts Options) (http.Handler, error) {
	if opts.Graph == nil {
		return nil, errors.New("server: no graph")
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxLinks <= 0 {
		opts.MaxLinks = DefaultMaxLinks
	}
	if opts.MaxSteps <= 0 {
		opts.MaxSteps = query.DefaultMaxSteps
	}
	s := &server{opts: opts, views: map[string]*graph.Graph{}}
	page, err := fs.Sub(static, "static")
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	for path, h := range map[string]func(r *request) (any, error){
		"/api/meta":        s.meta,
		"/api/actors":      s.actors,
		"/api/resolve":     s.resolve,
		"/api/show":        s.show,
		"/api/neighbors":   s.neighbors,
		"/api/links":       s.links,
		"/api/timeline":    s.timeline,
		"/api/path":        s.path,
		"/api/connect":     s.connect,
		"/api/why":         s.why,
		"/api/rank":        s.rank,
		"/api/chokepoints": s.chokepoints,
		"/api/balance":     s.balance,
		"/api/diff":        s.diff,
		"/api/graph":       s.whole,
	} {
		mux.Handle("GET "+path, http.TimeoutHandler(s.api(h), opts.Timeout, `{"error": "the question took too long and was stopped"}`))
	}
	mux.Handle("GET /api/render.svg", http.TimeoutHandler(s.picture("svg"), opts.Timeout+5*time.Second, "the drawing took too long and was stopped"))
	mux.Handle("GET /api/render.png", http.TimeoutHandler(s.picture("png"), opts.Timeout+5*time.Second, "the drawing took too long and was stopped"))
	mux.Handle("GET /api/", s.api(func(*request) (any, error) { return nil, &httpError{http.StatusNotFound, "no such endpoint"} }))
	mux.Handle("GET /", http.FileServer(http.FS(page)))
	return s.guard(mux), nil
}

// guard applies what every response needs: the security headers, the methods, the host and the size
// of the query.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		switch {
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			h.Set("Allow", "GET, HEAD")
			writeError(w, &httpError{http.StatusMethodNotAllowed, "the server is read-only: only GET and HEAD"})
		case !s.hostAllowed(r.Host):
			writeError(w, &httpError{http.StatusMisdirectedRequest, "this server answers only to " + strings.Join(s.opts.Hosts, ", ")})
		case len(r.URL.RawQuery) > maxQuery:
			writeError(w, &httpError{http.StatusRequestURITooLong, fmt.Sprintf("the query is longer than %d bytes", maxQuery)})
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// hostAllowed reports whether a request addressed to host (the Host header) is for this server.
func (s *server) hostAllowed(host string) bool {
	if s.opts.Hosts == nil {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	for _, ok := range s.opts.Hosts {
		if strings.EqualFold(host, ok) {
			return true
		}
	}
	return false
}

// httpError is an error with the HTTP status it answers with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// writeError writes err as a JSON error with the status it calls for: 400 for what the request got
// wrong, 404 for an unknown actor (with the suggestions), 500 for the rest.
func writeError(w http.ResponseWriter, err error) {
	body := struct {
		Error       string              `json:"error"`
		Suggestions []map[string]string `json:"suggestions,omitempty"`
	}{Error: err.Error()}
	status := http.StatusInternalServerError
	var he *httpError
	var ie *answer.InputError
	var ne *answer.NameError
	var de *answer.DrawError
	switch {
	case errors.As(err, &he):
		status = he.status
	case errors.As(err, &ne):
		status = http.StatusNotFound
		var ue *graph.UnknownActorError
		var ae *graph.AmbiguousNameError
		var cands []graph.Candidate
		switch {
		case errors.As(err, &ue):
			cands = ue.Suggestions
		case errors.As(err, &ae):
			cands = ae.Candidates
		}
		for _, c := range cands {
			body.Suggestions = append(body.Suggestions, map[string]string{"id": c.ID, "name": c.Name})
		}
	case errors.As(err, &ie), errors.Is(err, graph.ErrFilter), errors.As(err, &de):
		status = http.StatusBadRequest
	case errors.Is(err, draw.ErrNoRenderer):
		status = http.StatusServiceUnavailable
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = jsonout.Encode(w, body)
}

// request is an API request with its parameters and the view its filters select.
type request struct {
	q    map[string][]string
	view answer.View
}

// api turns a question into a handler: it parses the filters, asks the question and writes its JSON.
func (s *server) api(ask func(r *request) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := &request{q: r.URL.Query()}
		v, err := s.viewOf(req)
		if err == nil {
			req.view = v
			var out any
			if out, err = ask(req); err == nil {
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				w.Header().Set("Cache-Control", "no-store")
				err = jsonout.Encode(w, out)
				if err != nil {
					return // the client went away; the status is sent
				}
				return
			}
		}
		writeError(w, err)
	})
}

// get returns the parameter name, trimmed, or "".
func (r *request) get(name string) string {
	if v := r.q[name]; len(v) > 0 {
		return strings.TrimSpace(v[0])
	}
	return ""
}

// need returns the parameter name, or an error when it is missing.
func (r *request) need(name string) (string, error) {
	if v := r.get(name); v != "" {
		return v, nil
	}
	return "", &httpError{http.StatusBadRequest, fmt.Sprintf("the parameter %q is missing", name)}
}

// number returns the integer parameter name, def when it is absent; it must lie in [lo, hi].
func (r *request) number(name string, def, lo, hi int) (int, error) {
	s := r.get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, &httpError{http.StatusBadRequest, fmt.Sprintf("%s=%q: want a whole number from %d to %d", name, s, lo, hi)}
	}
	return n, nil
}

// flag returns the boolean parameter name (true, 1, yes; false when absent).
func (r *request) flag(name string) (bool, error) {
	switch strings.ToLower(r.get(name)) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes":
		return true, nil
	}
	return false, &httpError{http.StatusBadRequest, fmt.Sprintf("%s=%q: want true or false", name, r.get(name))}
}

// filterOf returns the graph filter of the request's parameters at, since, until, kinds,
// exclude_kinds and level, and its description for messages.
func filterOf(r *request) (graph.Filter, string, error) {
	var f graph.Filter
	var desc []string
	for _, d := range []struct {
		name string
		dst  *graph.Date
	}{{"at", &f.At}, {"since", &f.Since}, {"until", &f.Until}} {
		s := r.get(d.name)
		v, err := graph.ParseDate(s)
		if err != nil {
			return f, "", &httpError{http.StatusBadRequest, fmt.Sprintf("%s: %v", d.name, err)}
		}
		*d.dst = v
		if s != "" {
			desc = append(desc, d.name+" "+s)
		}
	}
	list := func(name string) []string {
		var out []string
		for _, s := range strings.Split(r.get(name), ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	f.Kinds, f.ExcludeKinds, f.Level = list("kinds"), list("exclude_kinds"), r.get("level")
	if len(f.Kinds) > 0 {
		desc = append(desc, "kinds "+strings.Join(f.Kinds, ","))
	}
	if len(f.ExcludeKinds) > 0 {
		desc = append(desc, "without "+strings.Join(f.ExcludeKinds, ","))
	}
	if f.Level != "" {
		desc = append(desc, "at "+f.Level+" level")
	}
	return f, strings.Join(desc, "; "), nil
}

// viewOf returns the view the request's filters select, from the views kept when it was asked for
// before.
func (s *server) viewOf(r *request) (answer.View, error) {
	f, desc, err := filterOf(r)
	if err != nil {
		return answer.View{}, err
	}
	key := fmt.Sprintf("%d|%d|%d|%q|%q|%q", f.At, f.Since, f.Until, f.Kinds, f.ExcludeKinds, f.Level)
	s.mu.Lock()
	g, ok := s.views[key]
	s.mu.Unlock()
	if !ok {
		if g, err = s.opts.Graph.Filter(f); err != nil {
			return answer.View{}, err
		}
		s.mu.Lock()
		if _, again := s.views[key]; !again {
			if len(s.order) >= maxViews {
				delete(s.views, s.order[0])
				s.order = s.order[1:]
			}
			s.views[key] = g
			s.order = append(s.order, key)
		}
		s.mu.Unlock()
	}
	return answer.View{Graph: g, Filter: desc}, nil
}
