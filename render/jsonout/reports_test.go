package jsonout

import (
	"testing"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/importer"
)

func TestReportShapes(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"clean dataset", Validation{OK: true, Problems: FromProblems(nil), Actors: 3, Links: 2, Docs: 1, NoSource: 1},
			`{"ok":true,"problems":[],"actors":3,"links":2,"documents":1,"links_without_source":1}`},
		{"problems", Validation{Problems: FromProblems(data.Problems{{Position: data.Position{File: "links.yaml", Line: 4, Col: 9}, Message: `unknown actor "mosow"`}})},
			`{"ok":false,"problems":[{"file":"links.yaml","line":4,"col":9,"message":"unknown actor \"mosow\""}],"actors":0,"links":0,"documents":0,"links_without_source":0}`},
		{"import", NewImportSummary("out", "", importer.Stats{Files: 1, Bytes: 10, Rows: 5, Repeated: 2, RepeatedLinks: 1, Actors: 3, Links: 4},
			[]importer.RowProblem{{File: "a.csv", Line: 3, Column: "year", Message: "not a year"}}),
			`{"output":"out","stats":{"files":1,"bytes":10,"rows":5,"filtered":0,"no_kind":0,"self_links":0,"bad":0,"collapsed":0,` +
				`"repeated":2,"repeated_links":1,"mirrored":0,"actors":3,"links":4},"skipped":[{"file":"a.csv","line":3,"column":"year","message":"not a year"}]}`},
		{"import with a saved mapping and nothing skipped", NewImportSummary("out", "m.yaml", importer.Stats{}, nil),
			`{"output":"out","mapping":"m.yaml","stats":{"files":0,"bytes":0,"rows":0,"filtered":0,"no_kind":0,"self_links":0,"bad":0,"collapsed":0,` +
				`"repeated":0,"repeated_links":0,"mirrored":0,"actors":0,"links":0},"skipped":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compact(t, tt.v); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
