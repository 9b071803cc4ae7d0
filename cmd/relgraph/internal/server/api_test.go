package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// fetch gets base+path, with the headers given as name, value pairs ("Host" sets the request's host),
// and returns the status, the headers and the body.
func fetch(t testing.TB, base, path string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// TestAPIMatchesCLI: each endpoint answers with the bytes of the command line's --json, as kept in its
// golden files.
func TestAPIMatchesCLI(t *testing.T) {
	ts := newTestServer(t, Options{})
	golden := filepath.Join("..", "cli", "testdata", "golden")
	for _, tt := range []struct{ path, file string }{
		{"/api/show?actor=socar", "show-socar.json"},
		{"/api/links?kinds=pipeline", "links-pipeline.json"},
		{"/api/connect?a=Baku&b=Moscow", "connect-baku-moscow.json"},
		{"/api/path?from=Ankara&to=Yerevan&k=3", "path-ankara-yerevan-k3.json"},
		{"/api/rank?by=pagerank&top=5", "rank-pagerank.json"},
		{"/api/chokepoints?a=baku&b=italy&kinds=pipeline", "chokepoints-baku-italy.json"},
		{"/api/balance?top=3", "balance.json"},
		{"/api/diff?old=@2020&new=@2024&kinds=alliance,membership,energy_deal", "diff-2020-2024-alliances.json"},
		{"/api/diff?old=@2016&new=@2024&brokers=true&kinds=pipeline,railway", "diff-2016-2024-brokers.json"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(golden, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			code, h, body := fetch(t, ts.URL, tt.path)
			if code != http.StatusOK {
				t.Fatalf("%s: status %d: %s", tt.path, code, body)
			}
			if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if body != string(want) {
				t.Errorf("%s differs from the CLI's %s", tt.path, tt.file)
			}
		})
	}
}

// TestAPIErrors: what a request gets wrong is a 4xx with a JSON message, never a 500.
func TestAPIErrors(t *testing.T) {
	ts := newTestServer(t, Options{Hosts: LocalHosts})
	for _, tt := range []struct {
		path   string
		status int
		want   string
	}{
		{"/api/show?actor=bakku", 404, `did you mean \"baku\"`},
		{"/api/show", 400, `the parameter \"actor\" is missing`},
		{"/api/show?actor=baku&at=2016-13", 400, "month 13 does not exist"},
		{"/api/links?kinds=arms_sales", 400, `did you mean \"arms_sale\"?`},
		{"/api/rank?by=fame", 400, "unknown ranking"},
		{"/api/rank?level=contry", 400, `did you mean \"country\"?`},
		{"/api/neighbors?actor=baku&depth=99", 400, "want a whole number from 1 to 5"},
		{"/api/path?from=putin&to=moscow&level=country", 400, "both count as Russia at the country level"},
		{"/api/timeline?a=azerbaijan&b=baku", 400, "timeline needs two different actors"},
		{"/api/links?a=putin&b=azerbaijan&literal=true&level=country", 400, "--literal asks about the actors as recorded"},
		{"/api/diff?old=2020&new=@2024", 400, "want @DATE"},
		{"/api/nothing", 404, "no such endpoint"},
		{"/api/show?actor=" + strings.Repeat("x", 9000), 414, "longer than"},
		{"/api/render.svg?layout=sfdp", 400, "unknown layout"},
	} {
		code, h, body := fetch(t, ts.URL, tt.path)
		if code != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%.60s: status %d, body %s; want %d with %q", tt.path, code, body, tt.status, tt.want)
		}
		if h.Get("Content-Security-Policy") == "" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%.60s: security headers missing", tt.path)
		}
	}
	// Another site's name pointed at this machine (DNS rebinding) gets nothing.
	if code, _, _ := fetch(t, ts.URL, "/api/meta", "Host", "evil.example:8080"); code != http.StatusMisdirectedRequest {
		t.Errorf("a foreign Host: status %d, want 421", code)
	}
	if code, _, _ := fetch(t, ts.URL, "/api/meta", "Host", "localhost:8080"); code != http.StatusOK {
		t.Errorf("Host localhost: status %d", code)
	}
	resp, err := http.Post(ts.URL+"/api/meta", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}

// TestAPIViews: the filters of a request select its view, as the global flags do.
func TestAPIViews(t *testing.T) {
	ts := newTestServer(t, Options{})
	has := func(path, id string) bool {
		code, _, body := fetch(t, ts.URL, path)
		if code != 200 {
			t.Fatalf("%s: %d %s", path, code, body)
		}
		return strings.Contains(body, `"id": "`+id+`"`)
	}
	const decl = "alliance:azerbaijan:russia:2022-02-22"
	if has("/api/graph?at=2016", decl) || !has("/api/graph?at=2024", decl) {
		t.Errorf("the 2022 Declaration on Allied Interaction is not where the time filter puts it")
	}
	// At country level Putin's visits are Russia's, with their recorded ends.
	code, _, body := fetch(t, ts.URL, "/api/links?a=russia&b=azerbaijan&level=country&kinds=visit")
	if code != 200 || !strings.Contains(body, `"recorded": {`) || !strings.Contains(body, `"from": "vladimir-putin"`) {
		t.Errorf("visits at country level: %d %.300s", code, body)
	}
	var whole struct {
		Actors    []json.RawMessage `json:"actors"`
		Links     []json.RawMessage `json:"links"`
		Truncated bool              `json:"truncated"`
		Message   string            `json:"message"`
	}
	_, _, body = fetch(t, ts.URL, "/api/graph?max=40")
	if err := json.Unmarshal([]byte(body), &whole); err != nil {
		t.Fatal(err)
	}
	if !whole.Truncated || len(whole.Links) > 40 || len(whole.Links) < 20 || !strings.Contains(whole.Message, "best connected actors") {
		t.Errorf("a view cut to 40 links: %d links, %d actors, truncated %v, %q", len(whole.Links), len(whole.Actors), whole.Truncated, whole.Message)
	}
	_, _, body = fetch(t, ts.URL, "/api/meta")
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	if m["last_year"].(float64) != 2024 || m["actors"].(float64) != 132 {
		t.Errorf("meta: last year %v, %v actors", m["last_year"], m["actors"])
	}
}

// TestConcurrentRequests: many requests at once get the answers they get one by one (run with -race),
// and the server's memory stays flat over many requests.
func TestConcurrentRequests(t *testing.T) {
	ts := newTestServer(t, Options{})
	paths := []string{
		"/api/path?from=Baku&to=Moscow", "/api/show?actor=putin&at=2016", "/api/connect?a=baku&b=moscow&level=country",
		"/api/rank?top=5", "/api/neighbors?actor=azerbaijan&since=2010&until=2020", "/api/diff?old=@2016&new=@2024&summary=1",
		"/api/timeline?a=ilham%20aliyev", "/api/graph?at=2008",
	}
	want := map[string]string{}
	for _, p := range paths {
		_, _, want[p] = fetch(t, ts.URL, p)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 200)
	for i := range 200 {
		p := paths[i%len(paths)]
		wg.Go(func() {
			if _, _, got := fetch(t, ts.URL, p); got != want[p] {
				errs <- p
			}
		})
	}
	wg.Wait()
	close(errs)
	for p := range errs {
		t.Errorf("%s answered differently under load", p)
	}

	n := 10000
	if testing.Short() {
		n = 1000
	}
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapInuse
	}
	for _, p := range paths { // warm every view
		fetch(t, ts.URL, p)
	}
	before := heap()
	// Questions of every kind, each with a query string of its own (and a view of its own every 50).
	light := []string{"/api/path?from=Baku&to=Moscow", "/api/show?actor=putin", "/api/rank?top=5", "/api/resolve?name=bakku"}
	for i := range n {
		p := fmt.Sprintf("%s&i=%d", light[i%len(light)], i)
		if i%50 == 0 {
			p += fmt.Sprintf("&at=%d", 1990+i/50%35)
		}
		fetch(t, ts.URL, p)
	}
	after := heap()
	if after > before+8<<20 {
		t.Errorf("heap grew from %.1f MiB to %.1f MiB over %d requests", float64(before)/(1<<20), float64(after)/(1<<20), n)
	}
	t.Logf("heap %.1f MiB before, %.1f MiB after %d requests", float64(before)/(1<<20), float64(after)/(1<<20), n)
}
