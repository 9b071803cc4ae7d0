package server

import (
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
)

// embedded loads the embedded dataset once for every test.
var embedded = sync.OnceValues(func() (*graph.Graph, error) { return data.Load(data.EmbeddedInput()) })

// newTestServer starts a server over opts (the embedded dataset when opts.Graph is nil) for the
// length of the test.
func newTestServer(t testing.TB, opts Options) *httptest.Server {
	t.Helper()
	if opts.Graph == nil {
		g, err := embedded()
		if err != nil {
			t.Fatal(err)
		}
		opts.Graph, opts.Datasets = g, []string{data.EmbeddedName}
	}
	h, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}
