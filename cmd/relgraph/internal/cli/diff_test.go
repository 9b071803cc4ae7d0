package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffGolden runs diff on the embedded dataset and compares the output with the golden files. The
// three periods of the sources (2012→2016→2020→2024) each tell their story.
func TestDiffGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"diff-2012-2016.txt", []string{"diff", "@2012", "@2016"}},
		{"diff-2016-2020.txt", []string{"diff", "@2016", "@2020"}},
		{"diff-2020-2024.txt", []string{"diff", "@2020", "@2024"}},
		{"diff-2020-2024-summary.txt", []string{"diff", "@2020", "@2024", "--summary"}},
		{"diff-2020-2024-alliances.json", []string{"diff", "@2020", "@2024", "--kinds", "alliance,membership,energy_deal", "--json"}},
		{"diff-2012-2024-brokers-country.txt", []string{"diff", "@2012", "@2024", "--brokers", "--level", "country"}},
		{"diff-2016-2024-brokers.json", []string{"diff", "@2016", "@2024", "--brokers", "--kinds", "pipeline,railway", "--json"}},
		{"diff-2012-2024-gazprom.txt", []string{"diff", "@2012", "@2024", "--focus", "gazprom"}},
		{"diff-2024-2024-06.txt", []string{"diff", "@2024", "@2024-06"}}, // the year holds the August events
		{"diff-none.txt", []string{"diff", "@2023", "@2023-06"}},
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

// TestDiffStory checks that each period's diff names the events the sources tell of.
func TestDiffStory(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"diff", "@2012", "@2016"}, []string{
			"- Nabucco pipeline", "annexation of Crimea", "Turkish shoot-down of a Russian military jet",
			"April 2016 hostilities", "Putin–Aliyev summit", "- until 2012-12  Russia → Qabala radar station", "place: Qabala radar station  terms: rented by the Russian army"}},
		{[]string{"diff", "@2016", "@2020"}, []string{
			"July 2020 Tovuz fighting", "400 t of military equipment", "Recep Tayyip Erdoğan → Azerbaijan",
			"Caucasus-2020", "Baku–Tbilisi–Akhalkalaki–Kars railway: Baku — Tovuz — Tbilisi — Akhalkalaki — Kars",
			"Southern Gas Corridor: Baku → Tovuz → Tbilisi → Erzurum → Greece → Albania → Italy"}},
		{[]string{"diff", "@2020", "@2024"}, []string{
			"instrument: Declaration on Allied Interaction", "Gazprom — SOCAR", "BRICS membership application",
			"full-scale Russian invasion of Ukraine", "first trip since the 2022 invasion of Ukraine"}},
	}
	for _, tt := range tests {
		out, errOut, code := run(t, tt.args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("relgraph %s does not tell of %q", strings.Join(tt.args, " "), w)
			}
		}
	}
}

func TestDiffJSONShape(t *testing.T) {
	out, errOut, code := run(t, "diff", "@2020", "@2024", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Old, New string
		Actors   struct{ Added, Removed []map[string]any }
		Links    struct {
			Added, Removed []map[string]any
			Changed        []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Old != "@2020" || got.New != "@2024" || got.Actors.Added == nil || got.Links.Changed == nil {
		t.Errorf("diff JSON lacks fields of DESIGN §4: %.300s", out)
	}
	found := false
	for _, l := range got.Links.Added {
		for _, field := range []string{"id", "kind", "from", "to", "directed", "sign", "start", "end", "on", "certainty", "sources", "attrs"} {
			if _, ok := l[field]; !ok {
				t.Fatalf("added link lacks %q: %v", field, l)
			}
		}
		if l["id"] == "energy_deal:gazprom:socar:2024-08-19" {
			found = true
		}
	}
	if !found {
		t.Errorf("the Gazprom–SOCAR partnership is not among the added links")
	}
}

// TestSnapshotCommand checks the snapshot round trip through the command line: a snapshot loads back
// as a dataset, gives the same bytes when taken again, and has no difference with the date it was
// taken at.
func TestSnapshotCommand(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		args []string // filters
		at   string   // the @DATE the snapshot equals ("" for none)
	}{
		{"all", nil, ""},
		{"at-2016", []string{"--at", "2016"}, "@2016"},
		{"at-2022-02", []string{"--at", "2022-02"}, "@2022-02"},
		{"pipelines", []string{"--kinds", "pipeline,railway"}, ""},
		{"window", []string{"--since", "2014", "--until", "2020", "--exclude-kinds", "located_in"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			first := filepath.Join(dir, tt.name+".json")
			_, errOut, code := run(t, append([]string{"snapshot", "-o", first}, tt.args...)...)
			if code != 0 || !strings.HasPrefix(errOut, "wrote "+first+": ") {
				t.Fatalf("snapshot: exit %d: %s", code, errOut)
			}
			again, errOut, code := run(t, "snapshot", "--data", first)
			if code != 0 {
				t.Fatalf("snapshot of the snapshot: exit %d: %s", code, errOut)
			}
			want, err := os.ReadFile(first)
			if err != nil {
				t.Fatal(err)
			}
			if again != string(want) {
				t.Errorf("load → snapshot → load → snapshot changed the bytes:\n%s", lineDiff(string(want), again))
			}
			if tt.at != "" {
				// The snapshot has the actors and links of the date. It cannot hold the routes of
				// actors whose segments are not in force yet (loading would derive them): those are
				// the only differences.
				out, errOut, code := run(t, "diff", tt.at, first, "--json")
				if code != 0 {
					t.Fatalf("diff %s %s: exit %d: %s", tt.at, first, code, errOut)
				}
				var c struct {
					Actors struct {
						Added, Removed []any
						Changed        []struct {
							ID     string
							After  struct{ Route []string }
							Fields []string
						}
					}
					Links struct{ Added, Removed, Changed []any }
				}
				if err := json.Unmarshal([]byte(out), &c); err != nil {
					t.Fatal(err)
				}
				if n := len(c.Actors.Added) + len(c.Actors.Removed) + len(c.Links.Added) + len(c.Links.Removed) + len(c.Links.Changed); n > 0 {
					t.Errorf("diff %s %s: %d actors or links differ:\n%s", tt.at, first, n, out)
				}
				for _, ch := range c.Actors.Changed {
					if strings.Join(ch.Fields, ",") != "route,route_kind" || len(ch.After.Route) > 0 {
						t.Errorf("diff %s %s: actor %s changed %v", tt.at, first, ch.ID, ch.Fields)
					}
				}
			}
		})
	}
	// Without -o the snapshot goes to standard output, identical to the file.
	out, _, code := run(t, "snapshot", "--at", "2016")
	want, _ := os.ReadFile(filepath.Join(dir, "at-2016.json"))
	if code != 0 || out != string(want) {
		t.Errorf("snapshot to stdout differs from snapshot -o")
	}
	if !strings.Contains(out, `"datasets": ["caucasus"],`+"\n"+`  "filter": [{"at": "2016", "since": null, "until": null, "kinds": [], "exclude_kinds": [], "level": null}],`) {
		t.Errorf("snapshot header does not record the dataset and the filter:\n%.400s", out)
	}
}

// TestDiffSnapshots diffs two snapshot files that differ in hand-made ways.
func TestDiffSnapshots(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	if _, errOut, code := run(t, "snapshot", "--at", "2024", "-o", old); code != 0 {
		t.Fatal(errOut)
	}
	src, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	edit := func(from, to string) {
		t.Helper()
		if !strings.Contains(text, from) {
			t.Fatalf("snapshot has no %q", from)
		}
		text = strings.Replace(text, from, to, 1)
	}
	// The BRICS application is accepted; the Gazprom–SOCAR partnership gets a value; a visit is dropped.
	edit(`"start": "2024-08-20", "end": null, "on": null, "certainty": "planned"`, `"start": "2024-08-20", "end": null, "on": null, "certainty": "confirmed"`)
	edit(`"status": "applied"`, `"status": "member"`)
	edit(`"significance": "most important deal`, `"value": "$1 billion", "significance": "most important deal`)
	edit(`"name": "BRICS", "kind": "organization", "aliases": [`, `"name": "BRICS+", "kind": "organization", "aliases": ["BRICS", `)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.Contains(l, `{"id": "visit:vladimir-putin:azerbaijan:2024-08-19"`) {
			lines = append(lines[:i], lines[i+1:]...)
			break
		}
	}
	newPath := filepath.Join(dir, "new.json")
	if err := os.WriteFile(newPath, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "diff", old, newPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"links: 1 removed, 2 changed; actors: 1 changed",
		"~ BRICS+",
		"name: BRICS → BRICS+",
		"~ since 2024-08-20  Azerbaijan → BRICS",
		"certainty: planned → confirmed",
		"status: applied → member",
		"value: none → $1 billion",
		"- 2024-08-19  Vladimir Putin → Azerbaijan",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, "diff", old, newPath, "--json")
	var got struct {
		Links struct {
			Changed []struct {
				ID     string
				Fields []string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Links.Changed) != 2 || got.Links.Changed[0].ID != "energy_deal:gazprom:socar:2024-08-19" ||
		strings.Join(got.Links.Changed[1].Fields, ",") != "certainty,attrs" {
		t.Errorf("changed = %+v", got.Links.Changed)
	}
}

func TestDiffErrors(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte("{\n  \"format\": \"relgraph-snapshot\",\n  \"version\": 1,\n  \"links\": [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "package.json")
	if err := os.WriteFile(foreign, []byte(`{"name": "x", "version": "1.0.0"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", "@2016"}, 2, "diff takes OLD and NEW (got 1 argument(s))"},
		{[]string{"diff", "2016", "@2020"}, 2, `no dataset or snapshot "2016"; for the dataset at a date write @2016`},
		{[]string{"diff", "@2016-13", "@2020"}, 2, "@2016-13: want @DATE with DATE as YYYY, YYYY-MM or YYYY-MM-DD"},
		{[]string{"diff", "@", "@2020"}, 2, "@: want @DATE"},
		{[]string{"diff", "@2016", "@2020", "--at", "2018"}, 2, "an @DATE argument sets its own date"},
		{[]string{"diff", "@2016", "@2020", "--kinds", "alliances"}, 2, `unknown link kind "alliances" (did you mean "alliance"?)`},
		{[]string{"diff", "@2016", "@2020", "--depth", "2"}, 2, "--depth applies to --focus"},
		{[]string{"diff", "@2016", "@2020", "--focus", "atlantis"}, 1, `unknown actor "atlantis"`},
		{[]string{"diff", "@2016", "@2020", "--summary", "--as", "dot"}, 2, "--summary does not apply to a drawing"},
		{[]string{"diff", "@2016", "@2020", "--as", "gif"}, 2, `unknown --as "gif"`},
		{[]string{"diff", "@2016", broken}, 1, broken + ":5:1: want a link, found the end of the file (is it truncated?)"},
		{[]string{"diff", foreign, "@2016"}, 1, foreign + `:1:2: not a relgraph snapshot: its first field is "name", not "format"`},
		{[]string{"snapshot", "extra"}, 2, "snapshot takes no arguments"},
		{[]string{"snapshot", "-o", "snap.svg"}, 2, `a snapshot file must end in .json, so that --data and diff recognise it (got "snap.svg")`},
		{[]string{"snapshot", "--at", "2016", "--since", "2010"}, 2, "use --at or --since/--until, not both"},
		{[]string{"snapshot", "-o", filepath.Join(dir, "no", "such", "dir.json")}, 1, "writing " + filepath.Join(dir, "no", "such", "dir.json")},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := run(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q (stdout: %.200s)", code, errOut, tt.code, tt.want, out)
			}
		})
	}
}

// TestDiffOutputFile writes the text diff and a DOT drawing to files with -o.
func TestDiffOutputFile(t *testing.T) {
	dir := t.TempDir()
	txt, dot := filepath.Join(dir, "d.txt"), filepath.Join(dir, "d.dot")
	if _, errOut, code := run(t, "diff", "@2020", "@2024", "-o", txt); code != 0 {
		t.Fatal(errOut)
	}
	want, _, _ := run(t, "diff", "@2020", "@2024")
	if got, _ := os.ReadFile(txt); string(got) != want {
		t.Errorf("-o d.txt differs from standard output")
	}
	if _, errOut, code := run(t, "diff", "@2020", "@2024", "--kinds", "energy_deal,membership", "-o", dot); code != 0 {
		t.Fatal(errOut)
	}
	got, err := os.ReadFile(dot)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`id="link:energy_deal:gazprom:socar:2024-08-19", `, `color="#2ca02c"`, // added: green
		`id="actor:brics"`, `id="link:membership:azerbaijan:brics:2024-08-20"`,
		`color="#a6a6a6"`, // unchanged: grey
	} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("DOT lacks %q", want)
		}
	}
}

// TestDiffExitCode checks the exit status of diff as diff(1) and 'git diff --exit-code' give it: 0
// without --exit-code whatever changed; with it 0 for no changes, 1 for changes and 2 for any error;
// --quiet prints nothing and implies --exit-code.
func TestDiffExitCode(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout bool   // something on standard output
		stderr string // a substring of standard error ("" = empty)
	}{
		{"changes, plain", []string{"diff", "@2016", "@2024", "--summary"}, 0, true, ""},
		{"changes, exit code", []string{"diff", "@2016", "@2024", "--summary", "--exit-code"}, 1, true, ""},
		{"no changes, exit code", []string{"diff", "@2016", "@2016", "--exit-code"}, 0, true, ""},
		{"changes, json and exit code", []string{"diff", "@2016", "@2024", "--json", "--exit-code"}, 1, true, ""},
		{"changes, quiet", []string{"diff", "@2016", "@2024", "--quiet"}, 1, false, ""},
		{"no changes, quiet", []string{"diff", "@2020", "@2020", "-q"}, 0, false, ""},
		{"changes only outside the focus", []string{"diff", "@2023", "@2024", "--focus", "tovuz", "--depth", "0", "-q"}, 0, false, ""},
		{"missing snapshot, exit code", []string{"diff", "@2016", filepath.Join(dir, "nope.json"), "--exit-code"}, 2, false, "no such file"},
		{"missing snapshot, plain", []string{"diff", "@2016", filepath.Join(dir, "nope.json")}, 1, false, "no such file"},
		{"quiet with json", []string{"diff", "@2016", "@2024", "-q", "--json"}, 2, false, "--quiet prints nothing"},
		{"quiet with a drawing", []string{"diff", "@2016", "@2024", "-q", "-o", filepath.Join(dir, "d.svg")}, 2, false, "--quiet prints nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := run(t, tt.args...)
			if code != tt.code || (stdout != "") != tt.stdout {
				t.Errorf("exit %d, %d bytes of output; want exit %d, output %v\n%s", code, len(stdout), tt.code, tt.stdout, stderr)
			}
			if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr = %q, want %q", stderr, tt.stderr)
			}
		})
	}
}
