package render

import (
	"bytes"
	"encoding/xml"
	"math"
	"strings"
	"testing"
)

func TestLineChartSVG(t *testing.T) {
	c := &LineChart{
		Title:  `Rank <script>alert(1)</script> & co`,
		Steps:  []string{"2020", "2021", "2022", "2023"},
		YLabel: "betweenness",
		Series: []Series{
			{Name: "A\x1b[31m", Values: []float64{0.1, 0.2, math.NaN(), 0.4}},
			{Name: `B"><img src=x onerror=alert(1)>`, Values: []float64{0, 0, 0, 0}},
		},
	}
	var b bytes.Buffer
	if err := c.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// Well-formed XML, with no element the data could have smuggled in.
	dec := xml.NewDecoder(strings.NewReader(out))
	elems := map[string]int{}
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v\n%s", err, out)
			}
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			elems[se.Name.Local]++
		}
	}
	if elems["script"] > 0 || elems["img"] > 0 || strings.Contains(out, "\x1b") {
		t.Errorf("markup or control characters got through:\n%s", out)
	}
	// A's line breaks at its missing value: two points, then one, so one polyline for A (and one for B).
	if elems["polyline"] != 2 || elems["circle"] != 7 {
		t.Errorf("%d polylines and %d points, want 2 and 7", elems["polyline"], elems["circle"])
	}
	if !strings.Contains(out, "Rank &lt;script&gt;") {
		t.Errorf("the title is not escaped text:\n%s", out)
	}
}

func TestNiceStep(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{{0.094, 0.1}, {0.11, 0.2}, {0.3, 0.5}, {7, 10}, {0, 1}} {
		if got := niceStep(tt.in); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("niceStep(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
