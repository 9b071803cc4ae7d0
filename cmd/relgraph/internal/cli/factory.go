package cli

import "io"

// factory holds what the commands are built from: the streams and clock of the run, the global
// options, the dataset they name and the printer of answers. Each command's constructor takes from it
// what the command needs.
type factory struct {
	stdout   io.Writer
	stderr   io.Writer // standard error, escaping control characters
	global   *globalOptions
	data     *dataset
	out      *printer
	progress *progressStream
}

// newFactory returns the factory of a run in env, whose messages go to stderr (env.Stderr escaped).
func newFactory(env Env, stderr io.Writer) *factory {
	global := &globalOptions{}
	progress := newProgressStream(env)
	return &factory{
		stdout:   env.Stdout,
		stderr:   stderr,
		global:   global,
		data:     newDataset(global, env.Getenv, progress),
		out:      newPrinter(env),
		progress: progress,
	}
}
