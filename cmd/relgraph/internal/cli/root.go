// Package cli implements the relgraph command line. Every command writes only to the streams it is
// given, so the whole command runs in-process in tests.
//
// The run's concerns each have a type: globalOptions (options.go) holds the global flags, dataset
// (dataset.go) what they name — loaded once, filtered, with actor names resolved against it —,
// printer (printer.go, stream.go) how an answer is written (text or JSON, standard output or -o's
// file, escaped, coloured), progressStream (progress.go) the progress lines of a terminal. A factory
// (factory.go) hands them to the commands. Each command is an options struct holding its flags and
// arguments, a constructor that declares them on a cobra command and fills the struct, and a run
// function that asks the question of the view (package answer, which the web server shares) and
// writes the answer as text or JSON.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/relgraph/relgraph/cmd/relgraph/internal/answer"

	"github.com/relgraph/relgraph/internal/version"
	"github.com/relgraph/relgraph/render/text"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes of the relgraph command.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// Env is what a run of the command may touch of the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads environment variables (RELGRAPH_DATA).
	Getenv func(string) string
	// Now is the clock (used for --stats timings).
	Now func() time.Time
	// IsTerminal reports whether a stream is a terminal (for progress bars); nil means never.
	IsTerminal func(io.Writer) bool
}

// System returns the Env of a real process.
func System() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now,
		IsTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		}}
}

// usageError marks errors in how the command was called (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// Main runs the command with args and returns the exit code.
func Main(args []string, env Env) int {
	// Everything written to standard error is text for a person (messages, hints, stats) and may quote
	// a dataset: it goes through a control-character escaper. Only the progress line, which is
	// relgraph's own, writes to the raw stream.
	stderr := text.NewControlEscaper(env.Stderr)
	defer stderr.Flush()
	f := newFactory(env, stderr)
	env.Stderr = stderr
	root := newRoot(f)
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.ExecuteContext(context.Background())
	if err == nil {
		return ExitOK
	}
	var se silentError
	if !errors.As(err, &se) {
		fmt.Fprintln(env.Stderr, "relgraph: "+strings.ReplaceAll(err.Error(), "\n", "\n  "))
	}
	var ue usageError
	var te troubleError
	var ie *answer.InputError
	if errors.As(err, &ue) || errors.As(err, &te) || errors.As(err, &ie) {
		return ExitUsage
	}
	return ExitError
}

// troubleError marks an error of a command run with 'diff --exit-code', whose status 1 means that the
// snapshots differ: the error exits 2, as diff(1) and 'git diff --exit-code' keep 1 for differences.
type troubleError struct{ err error }

func (e troubleError) Error() string { return e.err.Error() }
func (e troubleError) Unwrap() error { return e.err }

// errDifferent ends 'diff --exit-code' with status 1 and no message: the snapshots differ.
var errDifferent = silentError{errors.New("the snapshots differ")}

const rootLong = `relgraph explores a typed, dated relationship graph: actors (countries, cities, companies, people,
organisations, infrastructure, military units) and the links between them (arms sales, pipelines,
alliances, bases, energy deals, conflicts, visits, mediation, trade…), each link with its dates and
its sources.

With no --data, relgraph answers from its embedded dataset on the South Caucasus (the
Azerbaijan–Russia relationship and everyone around it, built from five articles of 2013–2024).

Actor names resolve by id, name or alias, ignoring case and diacritics (turkiye, Türkiye, Turkey).
Exit status: 0 on success (also when a query finds nothing), 1 on errors, 2 on usage errors.`

func newRoot(f *factory) *cobra.Command {
	root := &cobra.Command{
		Use:           "relgraph",
		Short:         "Explore a typed, dated relationship graph",
		Long:          rootLong,
		SilenceUsage:  true,
		SilenceErrors: true,
		Example: `  relgraph show russia
  relgraph timeline azerbaijan russia
  relgraph links Baku Moscow --kinds energy_deal,trade
  relgraph rank --by betweenness --level country
  relgraph why azerbaijan russia --corpus ./articles
  relgraph validate ./mydataset`,
	}
	root.CompletionOptions.HiddenDefaultCmd = true
	root.Version = version.Read("relgraph").String()
	root.SetVersionTemplate("{{.Version}}\n")
	f.global.addFlags(root.PersistentFlags())
	_ = root.RegisterFlagCompletionFunc("kinds", f.data.completeKinds)
	_ = root.RegisterFlagCompletionFunc("exclude-kinds", f.data.completeKinds)
	_ = root.RegisterFlagCompletionFunc("level", f.data.completeActorKinds)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w\nrun '%s --help' for usage", err, c.CommandPath())}
	})
	root.PersistentPostRun = func(*cobra.Command, []string) {
		if f.global.stats {
			f.data.writeStats(f.stderr)
		}
	}
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		if err := f.global.validate(c.Flags().Changed("format")); err != nil {
			return err
		}
		f.out.configure(f.global)
		return nil
	}
	root.AddCommand(
		newActorsCmd(f),
		newShowCmd(f),
		newLinksCmd(f),
		newTimelineCmd(f),
		newValidateCmd(f),
		newWhyCmd(f),
		newServeCmd(f),
		newRenderCmd(f),
		newPathCmd(f),
		newConnectCmd(f),
		newNeighborsCmd(f),
		newRankCmd(f),
		newChokepointsCmd(f),
		newBalanceCmd(f),
		newImportCmd(f),
		newExportCmd(f),
		newSnapshotCmd(f),
		newDiffCmd(f),
		newVersionCmd(f),
	)
	// Flags before the command are parsed by the command they belong to, so that an unknown one is
	// reported as such (`relgraph --bogus show russia` would otherwise take "show" as --bogus's value).
	root.TraverseChildren = true
	root.SuggestionsMinimumDistance = 2
	// The root runs only to say that a command is missing or unknown: cobra then checks its arguments
	// like any command's, instead of failing with an untyped error.
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf("unknown command %q", args[0])
		if sug := c.SuggestionsFor(args[0]); len(sug) > 0 {
			msg += fmt.Sprintf(" (did you mean %q?)", sug[0])
		}
		return usagef("%s\nrun 'relgraph --help' for the commands", msg)
	}
	root.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	usageArgs(root)
	return root
}

// usageArgs makes every argument check of c and its subcommands fail with a usage error (exit 2),
// whichever validator a command uses.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(c *cobra.Command, args []string) error {
			err := check(c, args)
			var ue usageError
			if err == nil || errors.As(err, &ue) {
				return err
			}
			return usageError{fmt.Errorf("%w\nrun '%s --help' for usage", err, c.CommandPath())}
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}
