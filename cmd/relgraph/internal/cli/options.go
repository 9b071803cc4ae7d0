package cli

import (
	"strings"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
	"github.com/spf13/pflag"
)

// globalOptions are the flags every command takes: where the dataset is, which part of it to keep,
// and how to write the answer. The root command declares them (addFlags) and checks the output
// format once, before any command runs (validate); the filters are parsed when a command asks for
// the filtered graph, so that a command that takes none never fails on them.
type globalOptions struct {
	dataPaths    []string
	at           string
	since, until string
	kinds        []string
	exclude      []string
	level        string
	format       string
	jsonOut      bool
	output       string
	corpus       string
	noColor      bool
	stats        bool
	maxFile      int64 // the largest dataset file read, in bytes
}

// addFlags declares the global flags on pf.
func (o *globalOptions) addFlags(pf *pflag.FlagSet) {
	pf.StringArrayVar(&o.dataPaths, "data", nil, "dataset directory or `PATH` of a file (repeatable; default: $RELGRAPH_DATA or the embedded dataset)")
	pf.StringVar(&o.at, "at", "", "the graph as it stood on `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	pf.StringVar(&o.since, "since", "", "keep links in force and events from `DATE` on")
	pf.StringVar(&o.until, "until", "", "keep links in force and events up to `DATE`")
	pf.StringSliceVar(&o.kinds, "kinds", nil, "keep only these link `kinds` (comma-separated)")
	pf.StringSliceVar(&o.exclude, "exclude-kinds", nil, "drop these link `kinds` (comma-separated)")
	pf.StringVar(&o.level, "level", "", "ask at the level of an actor `kind` (country, organization…): every actor counts as its nearest ancestor of that kind through stands_for and in, links inside one such actor are dropped")
	pf.StringVar(&o.format, "format", "text", "output `format`: text or json")
	pf.BoolVar(&o.jsonOut, "json", false, "short for --format json")
	pf.StringVarP(&o.output, "output", "o", "", "write the output to `FILE` instead of standard output, all at once and as a shell's > would: an existing file keeps its permissions, a symbolic link is written through to its target, a read-only file is refused")
	o.maxFile = data.DefaultMaxFileSize
	pf.Var(sizeValue{&o.maxFile}, "max-file-size", "the largest dataset file read, as a `size` (64MiB, 2GiB)")
	pf.StringVar(&o.corpus, "corpus", "", "`DIR` holding the source documents, for quoting evidence")
	pf.BoolVar(&o.noColor, "no-color", false, "never colour the output (diff colours its lines on a terminal; NO_COLOR also turns it off)")
	pf.BoolVar(&o.stats, "stats", false, "print load time, counts and memory to standard error")
}

// validate checks --format against --json and settles the format: formatSet says whether --format
// was given.
func (o *globalOptions) validate(formatSet bool) error {
	switch {
	case o.jsonOut && formatSet && o.format != "json":
		return usagef("--json and --format %s contradict each other", o.format)
	case o.jsonOut:
		o.format = "json"
	case o.format != "text" && o.format != "json":
		return usagef("unknown --format %q (want text or json)", o.format)
	}
	return nil
}

// filter returns the graph filter of the global flags.
func (o *globalOptions) filter() (graph.Filter, error) {
	var f graph.Filter
	for _, d := range []struct {
		flag, val string
		dst       *graph.Date
	}{{"--at", o.at, &f.At}, {"--since", o.since, &f.Since}, {"--until", o.until, &f.Until}} {
		v, err := graph.ParseDate(d.val)
		if err != nil {
			return f, usagef("%s: %w", d.flag, err)
		}
		*d.dst = v
	}
	f.Kinds, f.ExcludeKinds = splitList(o.kinds), splitList(o.exclude)
	f.Level = strings.TrimSpace(o.level)
	return f, nil
}

func splitList(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// filterDesc describes the active filters for headers ("at 2016; kinds pipeline,railway"), or "".
func (o *globalOptions) filterDesc() string {
	var parts []string
	if o.at != "" {
		parts = append(parts, "at "+o.at)
	}
	if o.since != "" {
		parts = append(parts, "since "+o.since)
	}
	if o.until != "" {
		parts = append(parts, "until "+o.until)
	}
	if k := splitList(o.kinds); len(k) > 0 {
		parts = append(parts, "kinds "+strings.Join(k, ","))
	}
	if k := splitList(o.exclude); len(k) > 0 {
		parts = append(parts, "without "+strings.Join(k, ","))
	}
	if l := strings.TrimSpace(o.level); l != "" {
		parts = append(parts, "at "+l+" level")
	}
	return strings.Join(parts, "; ")
}
