package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/relgraph/relgraph/data/importer"
)

// runCLI runs relgraph in-process and returns its exit code, stdout and stderr.
func runCLI(t *testing.T, env Env, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	code := Main(args, env)
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const (
	testStates = "\"stateabb\",\"ccode\",\"statenme\"\n\"RUS\",365,\"Russia\"\n\"ARM\",371,\"Armenia\"\n\"GRG\",372,\"Georgia\"\n\"AZE\",373,\"Azerbaijan\"\n\"TUR\",640,\"Turkey\"\n"
	testAtop   = "ccode1,ccode2,year,atop_defense,atop_consul\n" +
		"373,365,2016,1,1\n365,373,2016,1,1\n373,365,2017,1,1\n365,373,2017,1,1\n373,365,2018,1,0\n365,373,2018,1,0\n" +
		"373,640,2010,1,0\n373,640,2012,1,0\n"
)

func TestImportLinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"states.csv": testStates, "atop.csv": testAtop})
	out := filepath.Join(dir, "atop")
	code, stdout, stderr := runCLI(t, Env{}, "import", "links", filepath.Join(dir, "atop.csv"), "--from", "ccode1", "--to", "ccode2",
		"--kind-from", "atop_defense=alliance,atop_consul=trade", "--on", "year", "--collapse-years",
		"--actors", filepath.Join(dir, "states.csv"), "--id", "ccode", "--name", "statenme", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "imported 4 links and 3 actors into " + out + " (13 rows from 2 files)\n  5 pairs listed both ways counted once; 3 dates collapsed into spells\n"; stdout != want {
		t.Errorf("stdout %q\nwant   %q", stdout, want)
	}
	if got, want := readFile(t, filepath.Join(out, "links.csv")), "kind,from,to,start,end,on,sign,weight,certainty\n"+
		"alliance,azerbaijan,russia,2016,2018,,,,\nalliance,azerbaijan,turkey,2010,2010,,,,\nalliance,azerbaijan,turkey,2012,2012,,,,\n"+
		"trade,azerbaijan,russia,2016,2017,,,,\n"; got != want {
		t.Errorf("links.csv:\n%s\nwant:\n%s", got, want)
	}
	if got, want := readFile(t, filepath.Join(out, "actors.csv")), "id,name,kind,in,aliases,ccode\n"+
		"azerbaijan,Azerbaijan,country,,,373\nrussia,Russia,country,,,365\nturkey,Turkey,country,,,640\n"; got != want {
		t.Errorf("actors.csv:\n%s\nwant:\n%s", got, want)
	}
	// The output loads as a dataset.
	code, stdout, stderr = runCLI(t, Env{}, "--data", out, "links", "azerbaijan", "russia", "--kinds", "alliance", "--at", "2017")
	if code != 0 || !strings.Contains(stdout, "2016 – 2018") {
		t.Errorf("links on the import: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestImportMappingRoundTrip checks that --save-mapping then --mapping gives the same output, also from
// another directory, and that flags given with --mapping override it.
func TestImportMappingRoundTrip(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"data/states.csv": testStates, "data/atop.csv": testAtop})
	first := filepath.Join(dir, "first")
	mapping := filepath.Join(dir, "maps", "atop.yaml")
	os.MkdirAll(filepath.Dir(mapping), 0o755)
	code, _, stderr := runCLI(t, Env{}, "import", "links", filepath.Join(dir, "data", "atop.csv"), "--from", "ccode1", "--to", "ccode2",
		"--kind-from", "atop_defense=alliance", "--on", "year", "--collapse-years", "--open-end", "--where", "year!=2010,2011",
		"--actors", filepath.Join(dir, "data", "states.csv"), "--id", "ccode", "--name", "statenme", "--attrs", "atop_consul=consul",
		"--save-mapping", mapping, "-o", first)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	saved := readFile(t, mapping)
	if !strings.Contains(saved, "file: ../data/atop.csv") || !strings.Contains(saved, "file: ../data/states.csv") {
		t.Errorf("the saved mapping should name its files relative to itself:\n%s", saved)
	}
	second := filepath.Join(dir, "second")
	code, _, stderr = runCLI(t, Env{}, "import", "--mapping", mapping, "-o", second)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"actors.csv", "links.csv"} {
		if a, b := readFile(t, filepath.Join(first, f)), readFile(t, filepath.Join(second, f)); a != b {
			t.Errorf("%s differs:\n%s\nvs\n%s", f, a, b)
		}
	}
	// A flag overrides the mapping: no collapsing gives yearly events.
	third := filepath.Join(dir, "third")
	code, _, stderr = runCLI(t, Env{}, "import", "links", "--mapping", mapping, "--collapse-years=false", "--open-end=false", "-o", third)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := readFile(t, filepath.Join(third, "links.csv")); !strings.Contains(got, "alliance,azerbaijan,russia,,,2017,,,,1\n") {
		t.Errorf("links.csv without collapsing:\n%s", got)
	}
}

func TestImportBadRows(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("a,b,year\n")
	for i := range 25 {
		b.WriteString("x,y" + strings.Repeat("z", i) + ",19x5\n")
	}
	b.WriteString("x,y,2001\n")
	writeFiles(t, dir, map[string]string{"f.csv": b.String()})
	out := filepath.Join(dir, "out")
	args := []string{"import", "links", filepath.Join(dir, "f.csv"), "--from", "a", "--to", "b", "--kind", "trade", "--on", "year", "-o", out}
	code, stdout, stderr := runCLI(t, Env{}, args...)
	if code != 1 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	for _, want := range []string{"relgraph: 25 bad row(s):\n", "f.csv:2: column \"year\": bad date \"19x5\"", "f.csv:21: ", "\n  … and 5 more\n",
		"nothing was written; fix the rows or skip them with --skip-bad"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "f.csv:22:") {
		t.Errorf("stderr lists more than 20 rows:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written despite bad rows: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
	code, stdout, stderr = runCLI(t, Env{}, append(args, "--skip-bad")...)
	if code != 0 || !strings.HasPrefix(stdout, "imported 1 link and 2 actors") || !strings.Contains(stdout, "25 bad rows skipped") ||
		!strings.Contains(stdout, "  skipped "+filepath.Join(dir, "f.csv")+":2: ") || !strings.Contains(stdout, "… and 5 more skipped") {
		t.Errorf("--skip-bad: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestImportUsage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"f.csv": "a,b\nx,y\n"})
	f := filepath.Join(dir, "f.csv")
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"import"}, 2, "import what?"},
		{[]string{"import", "links", f, "--from", "a", "--to", "b", "--kind", "trade"}, 2, "import needs -o OUT"},
		{[]string{"import", "links", f, "--from", "a", "--to", "b", "-o", dir + "/o"}, 2, "the links need a kind"},
		{[]string{"import", "links", f, "--from", "a", "--to", "b", "--kind", "trade", "--id", "x", "-o", dir + "/o"}, 2, "give --actors FILE"},
		{[]string{"import", "links", f, "--from", "A", "--to", "c", "--kind", "trade", "-o", dir + "/o"}, 2, `to: no column "c"`},
		{[]string{"import", "links", f, "--from", "a", "--to", "b", "--kind", "trade", "--on", "a", "--start", "b", "-o", dir + "/o"}, 2, ""},
		{[]string{"import", "links", dir + "/none.csv", "--from", "a", "--to", "b", "--kind", "trade", "-o", dir + "/o"}, 1, "no such file"},
		{[]string{"import", "actors", f, "--id", "a", "--kind", "nation", "-o", dir + "/o"}, 2, `unknown actor kind "nation"`},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, Env{}, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}

func TestImportActorsAndSnapshot(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"states.csv": testStates + "\"AZE\",373,\"Azerbaijan Republic\"\n"})
	out := filepath.Join(dir, "states")
	code, stdout, stderr := runCLI(t, Env{}, "import", "actors", filepath.Join(dir, "states.csv"), "--id", "ccode", "--name", "statenme",
		"--attrs", "stateabb", "-o", out)
	if code != 0 || stdout != "imported 0 links and 5 actors into "+out+" (6 rows from 1 file)\n" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if got := readFile(t, filepath.Join(out, "actors.csv")); !strings.Contains(got, "azerbaijan-republic,Azerbaijan Republic,country,,Azerbaijan,373,AZE\n") {
		t.Errorf("actors.csv:\n%s", got)
	}
	// A .json output is a snapshot, which loads back.
	writeFiles(t, dir, map[string]string{"atop.csv": testAtop})
	snap := filepath.Join(dir, "atop.json")
	code, _, stderr = runCLI(t, Env{}, "import", "links", filepath.Join(dir, "atop.csv"), "--from", "ccode1", "--to", "ccode2",
		"--kind-from", "atop_defense=alliance", "--on", "year", "--collapse-years", "-o", snap, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, stdout, stderr = runCLI(t, Env{}, "--data", snap, "links", "373", "365")
	if code != 0 || !strings.Contains(stdout, "2016 – 2018") {
		t.Errorf("links on the snapshot: exit %d\n%s%s", code, stdout, stderr)
	}
}

// fakeClock advances by step at each reading.
type fakeClock struct {
	t    time.Time
	step time.Duration
}

func (c *fakeClock) now() time.Time { c.t = c.t.Add(c.step); return c.t }

func TestImportProgressAndStats(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("a,b\n")
	for i := range 20000 {
		b.WriteString("x,y" + string(rune('a'+i%26)) + "\n")
	}
	writeFiles(t, dir, map[string]string{"f.csv": b.String()})
	args := []string{"import", "links", filepath.Join(dir, "f.csv"), "--from", "a", "--to", "b", "--kind", "trade", "-o", filepath.Join(dir, "o"), "--stats"}
	terminal := func(io.Writer) bool { return true }
	for _, tt := range []struct {
		name     string
		terminal func(io.Writer) bool
		step     time.Duration
		progress bool
	}{
		{"slow on a terminal", terminal, 300 * time.Millisecond, true},
		{"fast on a terminal", terminal, time.Microsecond, false},
		{"slow in a pipe", nil, 300 * time.Millisecond, false},
	} {
		clock := &fakeClock{t: time.Unix(0, 0), step: tt.step}
		code, _, stderr := runCLI(t, Env{IsTerminal: tt.terminal, Now: clock.now}, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, stderr)
		}
		if got := strings.Contains(stderr, "importing f.csv ["); got != tt.progress {
			t.Errorf("%s: progress bar shown %v:\n%q", tt.name, got, stderr)
		}
		if !strings.Contains(stderr, "import: 1 file, 0.1 MiB, 20,000 rows in") || !strings.Contains(stderr, "26 links") ||
			!strings.Contains(stderr, "memory: heap") {
			t.Errorf("%s: --stats output:\n%s", tt.name, stderr)
		}
	}
}

// TestImportSummary checks the summary an import prints: counts with the nouns that agree with them,
// and a note for each kind of row that did not make a link of its own.
func TestImportSummary(t *testing.T) {
	tests := []struct {
		name string
		st   importer.Stats
		want string
	}{
		{"one of each", importer.Stats{Files: 1, Rows: 1, Links: 1, Actors: 1},
			"imported 1 link and 1 actor into out (1 row from 1 file)\n"},
		{"none", importer.Stats{Files: 1}, "imported 0 links and 0 actors into out (0 rows from 1 file)\n"},
		{"thousands", importer.Stats{Files: 2, Rows: 1_300, Links: 1_234, Actors: 56},
			"imported 1,234 links and 56 actors into out (1,300 rows from 2 files)\n"},
		{"every note, singular", importer.Stats{Files: 1, Rows: 9, Links: 1, Actors: 2, Repeated: 1, RepeatedLinks: 1, Mirrored: 1,
			Collapsed: 1, Filtered: 1, NoKind: 1, SelfLinks: 1, Bad: 1},
			"imported 1 link and 2 actors into out (9 rows from 1 file)\n" +
				"  1 repeated row summed into 1 link (weights added); 1 pair listed both ways counted once; 1 date collapsed into spells; " +
				"1 row filtered out; 1 row without a kind; 1 link to self dropped; 1 bad row skipped\n" +
				"  … and 1 more skipped\n"},
		{"every note, plural", importer.Stats{Files: 1, Rows: 90, Links: 3, Actors: 2, Repeated: 56, RepeatedLinks: 20, Mirrored: 2,
			Collapsed: 3, Filtered: 4, NoKind: 5, SelfLinks: 6, Bad: 1_007},
			"imported 3 links and 2 actors into out (90 rows from 1 file)\n" +
				"  56 repeated rows summed into 20 links (weights added); 2 pairs listed both ways counted once; 3 dates collapsed into spells; " +
				"4 rows filtered out; 5 rows without a kind; 6 links to self dropped; 1,007 bad rows skipped\n" +
				"  … and 1,007 more skipped\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			writeImportSummary(&b, "out", tt.st, nil)
			if got := b.String(); got != tt.want {
				t.Errorf("summary:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
