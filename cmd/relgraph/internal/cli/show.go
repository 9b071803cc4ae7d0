package cli

import (
	"github.com/spf13/cobra"
)

// showOptions are the argument of 'relgraph show'.
type showOptions struct {
	data *dataset
	out  *printer

	actor string
}

func newShowCmd(f *factory) *cobra.Command {
	opts := &showOptions{data: f.data, out: f.out}
	return &cobra.Command{
		Use:   "show ACTOR",
		Short: "Show an actor card: attributes, links grouped by kind with dates, sources",
		Example: `  relgraph show russia
  relgraph show "Heydar Aliyev"
  relgraph show azerbaijan --at 2016 --kinds arms_sale,alliance
  relgraph show socar --json`,
		Args:              exactArgs(1, "ACTOR"),
		ValidArgsFunction: f.data.completeActors,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.actor = args[0]
			return runShow(opts)
		},
	}
}

func runShow(opts *showOptions) error {
	v, err := opts.data.view()
	if err != nil {
		return err
	}
	ans, err := v.Show(opts.actor)
	if err != nil {
		return err
	}
	return opts.out.emit(ans.JSON(), ans.Text)
}

// exactArgs is cobra.ExactArgs with a message that names the arguments.
func exactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s takes %s (got %d argument(s))\nrun '%s --help' for usage", cmd.Name(), names, len(args), cmd.CommandPath())
		}
		return nil
	}
}

// rangeArgs is cobra.RangeArgs with a message that names the arguments.
func rangeArgs(lo, hi int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < lo || len(args) > hi {
			return usagef("%s takes %s (got %d argument(s))\nrun '%s --help' for usage", cmd.Name(), names, len(args), cmd.CommandPath())
		}
		return nil
	}
}
