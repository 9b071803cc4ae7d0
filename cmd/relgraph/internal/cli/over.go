package cli

import (
	"github.com/relgraph/relgraph/cmd/relgraph/internal/answer"
	"github.com/spf13/cobra"
)

// overOptions are the flags of a question asked over time: --over FROM..TO and its --step.
type overOptions struct {
	span, step string
}

// addOverFlags declares --over and --step (also --every) on cmd.
func addOverFlags(cmd *cobra.Command, o *overOptions) {
	f := cmd.Flags()
	f.StringVar(&o.span, "over", "", "ask at each step from `FROM..TO` (1991..2024, 2020-01..2024-06), as --at does at one date")
	f.StringVar(&o.step, "step", "1y", "with --over, the `step`: years or months (1y, 2y, 6m)")
	f.StringVar(&o.step, "every", "1y", "the same as --step")
}

// over returns the views at each step of --over, with the other global filters.
func (d *dataset) over(o overOptions) (*answer.OverTime, error) {
	steps, err := answer.ParseSteps(o.span, o.step)
	if err != nil {
		return nil, err
	}
	full, err := d.load()
	if err != nil {
		return nil, err
	}
	f, err := d.filter()
	if err != nil {
		return nil, err
	}
	return answer.Over(full, f, d.filterDesc(), steps)
}
