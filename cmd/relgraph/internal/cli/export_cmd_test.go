package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// exportFixture is the small dataset the export package tests against.
const exportFixture = "../../../../render/export/testdata/fixture"

// relgraphOnFixture runs the relgraph command in-process on the export fixture.
func relgraphOnFixture(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Now: time.Now}
	code = Main(append([]string{"--data", exportFixture}, args...), env)
	return out.String(), errb.String(), code
}

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  string // a substring of standard output
		stderr  string // a substring of standard error
		outFile string // a file that must exist afterwards
	}{
		{"format from the extension", []string{"export", "-o", filepath.Join(dir, "a.gexf")}, 0, "", "", "a.gexf"},
		{"graphml to stdout", []string{"export", "--as", "graphml"}, 0, `<edge id="arms_sale:russia:azerbaijan:2010"`, "", ""},
		{"json is cytoscape", []string{"export", "--as", "json", "--focus", "Türkiye", "--depth", "0"}, 0, `{"elements":{"nodes":[` + "\n" + `  {"data":{"id":"turkey"`, "", ""},
		{"dot", []string{"export", "--as", "dot", "--focus", "baku"}, 0, "digraph relgraph {", "", ""},
		{"no format", []string{"export"}, 2, "", "say which format to write with --as", ""},
		{"unknown format", []string{"export", "--as", "pajek"}, 2, "", `unknown --as "pajek"`, ""},
		{"contradiction", []string{"export", "--as", "gexf", "-o", "x.graphml"}, 2, "", `--as gexf contradicts the extension of "x.graphml"`, ""},
		{"directory needs -o", []string{"export", "--as", "csv"}, 2, "", "--as csv writes a directory: give it with -o DIR", ""},
		{"depth without focus", []string{"export", "--as", "gexf", "--depth", "2"}, 2, "", "--depth needs --focus ACTOR", ""},
		{"json flag", []string{"export", "--as", "gexf", "--json"}, 2, "", "--json and --format json do not apply", ""},
		{"unknown focus", []string{"export", "--as", "gexf", "--focus", "rusia"}, 1, "", `unknown actor "rusia"`, ""},
		{"focus outside the filter", []string{"export", "--as", "gexf", "--focus", "btc", "--kinds", "visit"}, 1, "", "is not in the graph (kinds visit)", ""},
		{"neo4j directory", []string{"export", "--as", "neo4j", "-o", filepath.Join(dir, "neo", "import")}, 0, "", "README.txt has the import commands", "neo/import/load.cypher"},
		{"csv directory", []string{"export", "--as", "csv", "-o", filepath.Join(dir, "csv")}, 0, "", "wrote 8 actors and 13 links", "csv/dataset.yaml"},
		{"csv directory replaced", []string{"export", "--as", "csv", "--kinds", "visit", "-o", filepath.Join(dir, "csv")}, 0, "", "wrote 2 actors and 2 links", "csv/links.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := relgraphOnFixture(t, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %.200q, stderr %q; want exit %d, stdout with %q, stderr with %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
			if tt.outFile != "" {
				if _, err := os.Stat(filepath.Join(dir, tt.outFile)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	// The replaced directory holds the new export only, and nothing was left beside it.
	links, err := os.ReadFile(filepath.Join(dir, "csv", "links.csv"))
	if err != nil || strings.Count(string(links), "\n") != 3 {
		t.Errorf("csv/links.csv after the --kinds visit export:\n%s", links)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	// A directory holding other files is not replaced.
	os.WriteFile(filepath.Join(dir, "csv", "notes.txt"), []byte("mine"), 0o644)
	_, stderr, code := relgraphOnFixture(t, "export", "--as", "csv", "-o", filepath.Join(dir, "csv"))
	if code != 1 || !strings.Contains(stderr, "holds other files (notes.txt)") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "csv", "links.csv")); !bytes.Equal(b, links) {
		t.Error("the refused export changed the directory")
	}
}
