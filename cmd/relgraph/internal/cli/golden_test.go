package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// run runs the command in-process on the embedded dataset and returns its stdout, stderr and exit code.
func run(t testing.TB, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
	})
	return out.String(), errb.String(), code
}

// checkGolden compares got with testdata/golden/name, or rewrites the file with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 10; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  - " + w + "\n  + " + g + "\n")
			shown++
		}
	}
	return b.String()
}

// TestGolden runs the commands of the walkthrough on the embedded dataset and compares their output with
// the golden files.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"show-russia.txt", []string{"show", "russia"}},
		{"show-socar.json", []string{"show", "socar", "--json"}},
		{"timeline-azerbaijan-russia.txt", []string{"timeline", "azerbaijan", "russia"}},
		{"timeline-2016-2020.txt", []string{"timeline", "azerbaijan", "russia", "--since", "2016", "--until", "2020"}},
		{"links-russia-armenia-arms.txt", []string{"links", "russia", "armenia", "--kinds", "arms_sale,troop_base,alliance"}},
		{"links-pipeline.json", []string{"links", "--kinds", "pipeline", "--json"}},
		{"actors-organization.txt", []string{"actors", "--kind", "organization"}},
		{"why-socar-gazprom.txt", []string{"why", "socar", "gazprom"}},
		{"validate.txt", []string{"validate"}},
		{"connect-baku-moscow.txt", []string{"connect", "Baku", "Moscow"}},
		{"connect-baku-moscow.json", []string{"connect", "Baku", "Moscow", "--json"}},
		{"path-ankara-yerevan.txt", []string{"path", "Ankara", "Yerevan"}},
		{"path-ankara-yerevan-k3.json", []string{"path", "Ankara", "Yerevan", "--k", "3", "--json"}},
		{"path-all.txt", []string{"path", "armenia", "turkey", "--all", "--max-len", "2", "--exclude-kinds", "located_in"}},
		{"path-directed.txt", []string{"path", "baku", "ceyhan", "--kinds", "pipeline", "--directed"}},
		{"neighbors-gazprom.txt", []string{"neighbors", "gazprom", "--depth", "2"}},
		{"rank-betweenness.txt", []string{"rank", "--by", "betweenness", "--top", "15"}},
		{"rank-pagerank.json", []string{"rank", "--by", "pagerank", "--top", "5", "--json"}},
		{"rank-degree-countries.txt", []string{"rank", "--by", "degree", "--kind", "country", "--top", "10"}},
		{"chokepoints-energy.txt", []string{"chokepoints", "--kinds", "pipeline,railway"}},
		{"chokepoints-baku-italy.txt", []string{"chokepoints", "baku", "italy", "--kinds", "pipeline"}},
		{"chokepoints-baku-italy.json", []string{"chokepoints", "baku", "italy", "--kinds", "pipeline", "--json"}},
		{"balance.txt", []string{"balance"}},
		{"balance.json", []string{"balance", "--top", "3", "--json"}},
		{"rank-over.txt", []string{"rank", "--over", "2008..2024", "--step", "4y", "--top", "6"}},
		{"rank-over-country.json", []string{"rank", "--over", "2012..2024", "--every", "6y", "--top", "3", "--level", "country", "--json"}},
		{"balance-over-country.txt", []string{"balance", "--over", "2012..2024", "--step", "4y", "--level", "country"}},
		{"chokepoints-over.txt", []string{"chokepoints", "--over", "1991..2024", "--step", "3y", "--exclude-kinds", "located_in"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := run(t, tt.args...)
			if code != 0 {
				t.Fatalf("relgraph %s: exit %d: %s", strings.Join(tt.args, " "), code, errOut)
			}
			checkGolden(t, tt.name, out)
		})
	}
}
