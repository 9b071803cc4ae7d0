package answer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Steps are the dates a question over time is asked at: From, then every Every years and Months
// after it, up to To.
type Steps struct {
	From, To      graph.Date
	Years, Months int
}

// maxSteps bounds the steps of one question over time.
const maxSteps = 1000

// ParseSteps parses a span "FROM..TO" (dates as YYYY, YYYY-MM or YYYY-MM-DD; FROM and TO of the same
// precision) and a step "1y", "6m", "2y" (years or months). Year steps ask at years, month steps at
// months: --at 2016 keeps what was in force at some time in 2016.
func ParseSteps(span, step string) (Steps, error) {
	from, to, ok := strings.Cut(span, "..")
	if !ok {
		return Steps{}, inputf("--over %q: want FROM..TO, such as 1991..2024 or 2020-01..2024-06", span)
	}
	var s Steps
	var err error
	if s.From, err = graph.ParseDate(strings.TrimSpace(from)); err != nil || s.From == 0 {
		return Steps{}, inputf("--over %q: the first date: want YYYY, YYYY-MM or YYYY-MM-DD", span)
	}
	if s.To, err = graph.ParseDate(strings.TrimSpace(to)); err != nil || s.To == 0 {
		return Steps{}, inputf("--over %q: the last date: want YYYY, YYYY-MM or YYYY-MM-DD", span)
	}
	if s.To.Lo() < s.From.Lo() {
		return Steps{}, inputf("--over %q: the last date is before the first", span)
	}
	step = strings.ToLower(strings.TrimSpace(step))
	if step == "" {
		step = "1y"
	}
	n, err := strconv.Atoi(step[:len(step)-1])
	if err != nil || n < 1 || n > 1000 {
		return Steps{}, inputf("--step %q: want a number of years or months, such as 1y, 2y or 6m", step)
	}
	switch step[len(step)-1] {
	case 'y':
		s.Years = n
	case 'm':
		s.Months = n
	default:
		return Steps{}, inputf("--step %q: want a number of years or months, such as 1y, 2y or 6m", step)
	}
	if len(s.Dates()) > maxSteps {
		return Steps{}, inputf("--over %s --step %s asks at more than %d dates: take a longer step", span, step, maxSteps)
	}
	return s, nil
}

// Dates returns the dates of the steps, in order: years for year steps from a year, months for month
// steps or from a month, days from a day.
func (s Steps) Dates() []graph.Date {
	var out []graph.Date
	y, m, d := s.From.Year(), s.From.Month(), s.From.Day()
	if s.Months > 0 && m == 0 {
		m = 1
	}
	for len(out) <= maxSteps {
		cur := graph.NewDate(y, m, d)
		if cur.Lo() > s.To.Hi() {
			break
		}
		out = append(out, cur)
		y += s.Years
		if s.Months > 0 {
			m += s.Months
			y += (m - 1) / 12
			m = (m-1)%12 + 1
		}
		if d > graph.DaysIn(y, m) {
			d = graph.DaysIn(y, m)
		}
	}
	return out
}

// OverTime is the view at each step of a question over time.
type OverTime struct {
	Steps []graph.Date
	Views []View
}

// Over returns the views of full at each step: the filter f with At set to the step's date (so f must
// set no date of its own), described with desc.
func Over(full *graph.Graph, f graph.Filter, desc string, s Steps) (*OverTime, error) {
	if f.At != 0 || f.Since != 0 || f.Until != 0 {
		return nil, inputf("--over asks at each step's date: it does not go with --at, --since or --until")
	}
	out := &OverTime{Steps: s.Dates()}
	for _, d := range out.Steps {
		g := f
		g.At = d
		v, err := full.Filter(g)
		if err != nil {
			return nil, &InputError{err}
		}
		out.Views = append(out.Views, View{Graph: v, Filter: desc})
	}
	return out, nil
}

// labels returns the steps as text.
func (o *OverTime) labels() []string {
	out := make([]string, len(o.Steps))
	for i, d := range o.Steps {
		out[i] = d.String()
	}
	return out
}

// span describes the steps: "1991–2024".
func (o *OverTime) span() string {
	if len(o.Steps) == 0 {
		return ""
	}
	return fmt.Sprintf("%s–%s", o.Steps[0], o.Steps[len(o.Steps)-1])
}
