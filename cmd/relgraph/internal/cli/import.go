package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/data/importer"
	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/spf13/cobra"
)

// importOptions are the flags of `relgraph import` and its subcommands, and what an import needs to
// run: the printer of its summary, standard error for --stats, the progress line.
type importOptions struct {
	out      *printer
	stderr   io.Writer
	progress *progressStream
	stats    bool              // --stats
	output   string            // -o: the dataset directory or snapshot file to write
	changed  func(string) bool // reports whether a flag of the command run was given

	mapping, saveMapping string
	skipBad              bool
	maxLine              int64

	// Shared by links and actors.
	delimiter string
	missing   []string
	where     []string
	attrs     []string
	kind      string
	kindCol   string
	id, name  string

	// links only.
	from, to                  []string
	kindFrom                  []string
	on, start, end, precision string
	weight, sign, certainty   string
	actors                    string
	via, viaSep               string
	collapse, openEnd         bool
	newActors                 bool
	actorKind                 string
}

const importLong = `Bring a delimited file (CSV, TSV, ';'-separated; gzip-compressed or not) into relgraph by a column
mapping: which columns hold the two ends of a link, its kind, its dates, weight, sign and certainty.
The result, written with -o, is a dataset directory (actors.csv, links.csv and kinds.yaml when the
mapping declares kinds) or, when -o names a .json file, a snapshot. Either loads with --data.

The mapping can be saved as a small YAML file (--save-mapping) and reused (--mapping); a mapping file
may list several actor tables and link files, which are imported into one graph, and may itself be
given to --data. Flags given with --mapping override the mapping's fields.

Rows that cannot be read (a bad date, an unknown actor, a wrong number of fields) are reported with
their line numbers, the first 20 and a count; the import then fails and writes nothing, unless
--skip-bad is given. Rows linking an actor to itself are dropped and counted.`

func newImportCmd(f *factory) *cobra.Command {
	opts := &importOptions{out: f.out, stderr: f.stderr, progress: f.progress}
	// prepare takes the global flags and what the command run was given.
	prepare := func(cmd *cobra.Command) {
		opts.stats, opts.output, opts.changed = f.global.stats, f.global.output, cmd.Flags().Changed
	}
	cmd := &cobra.Command{
		Use:   "import links|actors FILE [column mapping flags | --mapping M.yaml] -o OUT",
		Short: "Import a delimited file by a column mapping",
		Long:  importLong,
		Example: `  relgraph import links sipri.csv --from supplier --to recipient --kind arms_sale --on year --weight value -o sipri/
  relgraph import links atop.csv --from ccode1 --to ccode2 --on year --collapse-years \
      --kind-from atop_defense=alliance,atop_offense=alliance \
      --actors cow_states.csv --id ccode --name statenme --save-mapping atop.yaml -o atop/
  relgraph import --mapping region.yaml -o region/
  relgraph --data region/ links russia --kinds arms_sale --since 2010 --until 2021`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			prepare(cmd)
			if opts.mapping == "" {
				return usagef("import what? use 'import links FILE …', 'import actors FILE …' or 'import --mapping M.yaml'")
			}
			m, base, err := loadMapping(opts.mapping)
			if err != nil {
				return err
			}
			if opts.skipBad {
				m.SkipBad = true
			}
			return runImport(opts, m, base)
		},
	}
	pf := cmd.PersistentFlags()
	pf.StringVar(&opts.mapping, "mapping", "", "read the column mapping from `M.yaml` (flags override its fields)")
	pf.StringVar(&opts.saveMapping, "save-mapping", "", "save the column mapping to `M.yaml`")
	pf.BoolVar(&opts.skipBad, "skip-bad", false, "skip bad rows (still reported) instead of failing")
	opts.maxLine = importer.DefaultMaxLine
	pf.Var(sizeValue{&opts.maxLine}, "max-line", "stop at a line (or quoted record) longer than `SIZE` (64MiB, 1GiB…)")
	cmd.AddCommand(newImportLinksCmd(opts, prepare), newImportActorsCmd(opts, prepare))
	return cmd
}

func newImportLinksCmd(opts *importOptions, prepare func(*cobra.Command)) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "links [FILE]",
		Short: "Import links: each row gives one link per kind (and per route segment)",
		Long: importLong + `

Link ends are keys or names. With --actors, a key column (--id) and a name column (--name) of a second
file turn codes into actors (ccode 365 → "Russia" → id russia, the code kept in attrs); a key may repeat
there (one row per membership spell): the last row's name is used. Ends the table does not know are
bad rows unless --new-actors. Without --actors, every distinct value becomes an actor whose id is a slug
of the value. --from/--to may list several columns: the first value that names a known actor wins.

Kinds: --kind for every row; --kind-col for a column of kind names; --kind-from COL=kind,… for
indicator columns (a row yields one link per true column: ATOP's atop_defense=alliance) and
COL:value=kind,… for values of a column.

Weights: --weight COL gives each link the number in COL. An empty or missing cell is weight 1; a 0 is
kept as 0 (SIPRI rounds small transfers down to 0), and such a link cannot be crossed by
'path --weighted'.

Repeated rows are summed, never dropped: rows that give the same link (the same kind, ends and date)
make one link whose weight is the sum of theirs, so two transfers of 2 in one year are one link of
weight 4, and the summary says so ("1 repeated row summed into 1 link"). Undirected kinds ignore the
order of the ends: a row listing a pair the other way round is the same fact listed twice (ATOP lists
every dyad in both directions) and is counted once, the link keeping the larger of the two
directions' totals.

--collapse-years merges consecutive (or overlapping) yearly rows of the same pair and kind into one
link with a start and an end; a gap starts a new link. Repeated rows of one year are summed first;
the spell keeps the largest weight of its years.`,
		Example: `  relgraph import links sipri.csv --from supplier_cown,supplier --to recipient_cown,recipient --kind arms_sale \
      --on year --weight value --actors cow_states.csv --id ccode --name statenme --new-actors -o sipri/
  relgraph import links pipelines.csv --delimiter ';' --from StartCountry --to EndCountry --via Countries \
      --kind pipeline --start StartYear1 --end StopYear --certainty 'Status:Operating=confirmed,Proposed=planned' -o gem/
  relgraph import links atop.csv --mapping atop.yaml -o atop/`,
		Args: rangeArgs(0, 1, "one file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			prepare(cmd)
			m, base, err := mappingForFlags(opts, args, true)
			if err != nil {
				return err
			}
			return runImport(opts, m, base)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&opts.from, "from", nil, "`COL`(s) of the link's first end (the first that names a known actor wins)")
	fl.StringSliceVar(&opts.to, "to", nil, "`COL`(s) of the link's second end")
	fl.StringVar(&opts.kind, "kind", "", "link `KIND` of every row")
	fl.StringVar(&opts.kindCol, "kind-col", "", "`COL` holding each row's link kind")
	fl.StringSliceVar(&opts.kindFrom, "kind-from", nil, "kind `rules`: COL=kind (indicator column) or COL:value=kind, comma-separated")
	fl.StringVar(&opts.on, "on", "", "`COL` dating events (a year, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&opts.start, "start", "", "`COL` of start dates (lasting links)")
	fl.StringVar(&opts.end, "end", "", "`COL` of end dates")
	fl.StringVar(&opts.precision, "precision", "", "truncate dates to `year|month`")
	fl.StringVar(&opts.weight, "weight", "", "`COL` of weights")
	fl.StringVar(&opts.sign, "sign", "", "sign: -1, 0, 1, a `COL`, or COL:value=sign,…")
	fl.StringVar(&opts.certainty, "certainty", "", "certainty: reported, alleged, confirmed, planned, a `COL`, or COL:value=certainty,…")
	fl.StringVar(&opts.via, "via", "", "`COL` listing places the link passes through (split into segments)")
	fl.StringVar(&opts.viaSep, "via-sep", "", "split the --via list at `SEP` (default ',')")
	fl.BoolVar(&opts.collapse, "collapse-years", false, "merge consecutive yearly rows of the same pair and kind into one dated link")
	fl.BoolVar(&opts.openEnd, "open-end", false, "leave open the end of links that reach the file's last date")
	fl.StringVar(&opts.actors, "actors", "", "actor table `FILE` turning keys into actors (with --id and --name)")
	fl.StringVar(&opts.id, "id", "", "key `COL` of the --actors table")
	fl.StringVar(&opts.name, "name", "", "name `COL` of the --actors table")
	fl.BoolVar(&opts.newActors, "new-actors", false, "make new actors of link ends the --actors table does not know")
	fl.StringVar(&opts.actorKind, "actor-kind", "", "actor `KIND` of actors made from link ends (default country)")
	addSourceFlags(fl, opts)
	return cmd
}

func newImportActorsCmd(opts *importOptions, prepare func(*cobra.Command)) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "actors [FILE]",
		Short: "Import actors: one actor per distinct key",
		Long: `Import an actor table: one actor per distinct value of the key column (--id), named by --name; the
id is a slug of the name (of the key without --name), made unique with the key when two names clash;
the key is kept in the actor's attrs. When a key repeats, the last row's name is used and earlier
different names become aliases.`,
		Example: `  relgraph import actors cow_states.csv --id ccode --name statenme --kind country --attrs stateabb -o states/`,
		Args:    rangeArgs(0, 1, "one file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			prepare(cmd)
			m, base, err := mappingForFlags(opts, args, false)
			if err != nil {
				return err
			}
			return runImport(opts, m, base)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.id, "id", "", "key `COL`")
	fl.StringVar(&opts.name, "name", "", "name `COL`")
	fl.StringVar(&opts.kind, "kind", "", "actor `KIND` of every row (default country)")
	fl.StringVar(&opts.kindCol, "kind-col", "", "`COL` holding each row's actor kind")
	addSourceFlags(fl, opts)
	return cmd
}

type flagSet interface {
	StringVar(p *string, name, value, usage string)
	StringSliceVar(p *[]string, name string, value []string, usage string)
	StringArrayVar(p *[]string, name string, value []string, usage string)
}

func addSourceFlags(fl flagSet, opts *importOptions) {
	fl.StringVar(&opts.delimiter, "delimiter", "", "field separator: one `character` or tab (default ',')")
	fl.StringSliceVar(&opts.missing, "missing", nil, "`values` meaning no value besides the empty one (default NA,N/A,--,NULL)")
	fl.StringArrayVar(&opts.where, "where", nil, "keep rows where `COL=v1,v2` (or drop them with COL!=v1,v2); repeatable; "+
		`quote a value holding ',' or '=' as in CSV (COL="a=b"); COL="" matches empty cells`)
	fl.StringSliceVar(&opts.attrs, "attrs", nil, "`COL`s copied into attrs (COL=name renames)")
}

// loadMapping reads a mapping file; file names in it are relative to its directory, which is returned.
func loadMapping(name string) (*importer.Mapping, string, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, "", err
	}
	m, err := importer.ParseMapping(src)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", name, err)
	}
	return m, filepath.Dir(name), nil
}

// mappingForFlags builds the mapping of `import links` or `import actors`: --mapping's, if given, with
// the flags that were set laid over its one spec.
func mappingForFlags(opts *importOptions, args []string, links bool) (*importer.Mapping, string, error) {
	m, base := &importer.Mapping{}, "."
	if opts.mapping != "" {
		var err error
		if m, base, err = loadMapping(opts.mapping); err != nil {
			return nil, "", err
		}
	}
	changed := opts.changed
	file := ""
	if len(args) == 1 {
		file = relativeTo(base, args[0])
	}
	var src *importer.Source
	if links {
		var tables []importer.ActorSpec // the mapping's actor tables other than --actors dictionaries
		for _, s := range m.Actors {
			if !s.Lookup {
				tables = append(tables, s)
			}
		}
		if len(m.Links) > 1 {
			return nil, "", usagef("%s holds %d link files; run it whole with 'relgraph import --mapping %s'", opts.mapping, len(m.Links), opts.mapping)
		}
		if len(m.Links) == 0 {
			m.Links = []importer.LinkSpec{{}}
		}
		s := &m.Links[0]
		src = &s.Source
		setCols := func(flag string, dst *importer.Columns, v []string) {
			if changed(flag) {
				*dst = v
			}
		}
		setCols("from", &s.From, opts.from)
		setCols("to", &s.To, opts.to)
		for _, o := range []struct {
			flag string
			dst  *string
			v    string
		}{{"kind", &s.Kind, opts.kind}, {"kind-col", &s.KindCol, opts.kindCol}, {"on", &s.On, opts.on}, {"start", &s.Start, opts.start},
			{"end", &s.End, opts.end}, {"precision", &s.Precision, opts.precision}, {"weight", &s.Weight, opts.weight}, {"sign", &s.Sign, opts.sign},
			{"certainty", &s.Certainty, opts.certainty}, {"via", &s.Via, opts.via}, {"via-sep", &s.ViaSep, opts.viaSep}, {"actor-kind", &s.ActorKind, opts.actorKind}} {
			if changed(o.flag) {
				*o.dst = o.v
			}
		}
		if changed("kind-from") {
			s.KindFrom = opts.kindFrom
		}
		// A flag replaces what the mapping says in its stead, unless both are given on the command line.
		if changed("kind") && !changed("kind-col") && !changed("kind-from") {
			s.KindCol, s.KindFrom = "", nil
		}
		if (changed("kind-col") || changed("kind-from")) && !changed("kind") {
			s.Kind = ""
		}
		if changed("collapse-years") {
			s.CollapseYears = opts.collapse
		}
		if changed("open-end") {
			s.OpenEnd = opts.openEnd
		}
		if changed("new-actors") {
			s.NewActors = opts.newActors
		}
		if changed("on") && !changed("start") && !changed("end") {
			s.Start, s.End = "", ""
		}
		if (changed("start") || changed("end")) && !changed("on") {
			s.On = ""
		}
		switch {
		case opts.actors != "":
			if opts.id == "" {
				return nil, "", usagef("--actors needs --id (the key column of %s)", opts.actors)
			}
			m.Actors = append(tables, importer.ActorSpec{Source: importer.Source{File: relativeTo(base, opts.actors)}, ID: opts.id, Name: opts.name, Lookup: true})
		case changed("id") || changed("name"):
			return nil, "", usagef("--id and --name describe the --actors table; give --actors FILE")
		}
	} else {
		if len(m.Actors) > 1 || len(m.Links) > 0 {
			return nil, "", usagef("%s is not a single actor table; run it whole with 'relgraph import --mapping %s'", opts.mapping, opts.mapping)
		}
		if len(m.Actors) == 0 {
			m.Actors = []importer.ActorSpec{{}}
		}
		s := &m.Actors[0]
		src = &s.Source
		for _, o := range []struct {
			flag string
			dst  *string
			v    string
		}{{"id", &s.ID, opts.id}, {"name", &s.Name, opts.name}, {"kind", &s.Kind, opts.kind}, {"kind-col", &s.KindCol, opts.kindCol}} {
			if changed(o.flag) {
				*o.dst = o.v
			}
		}
		s.Lookup = false
	}
	if file != "" {
		src.File = file
	}
	if src.File == "" {
		return nil, "", usagef("which file? give FILE or --mapping")
	}
	if changed("delimiter") {
		src.Delimiter = opts.delimiter
	}
	if changed("missing") {
		src.Missing = opts.missing
	}
	if changed("where") {
		src.Where = opts.where
	}
	if changed("attrs") {
		if links {
			m.Links[0].Attrs = opts.attrs
		} else {
			m.Actors[0].Attrs = opts.attrs
		}
	}
	if opts.skipBad {
		m.SkipBad = true
	}
	return m, base, nil
}

// relativeTo returns name (relative to the working directory) relative to dir.
func relativeTo(dir, name string) string {
	if dir == "." || filepath.IsAbs(name) {
		return name
	}
	ad, err1 := filepath.Abs(dir)
	an, err2 := filepath.Abs(name)
	if err1 != nil || err2 != nil {
		return name
	}
	if rel, err := filepath.Rel(ad, an); err == nil {
		return filepath.ToSlash(rel)
	}
	return an
}

// relocate rewrites the file names of m, relative to from (or absolute), to be relative to to.
func relocate(m *importer.Mapping, from, to string) *importer.Mapping {
	c := *m
	c.Actors = append([]importer.ActorSpec(nil), m.Actors...)
	c.Links = append([]importer.LinkSpec(nil), m.Links...)
	fix := func(s *importer.Source) {
		if s.File == "" {
			return
		}
		name := s.File
		if !filepath.IsAbs(name) {
			name = filepath.Join(from, name)
		}
		abs, err1 := filepath.Abs(name)
		at, err2 := filepath.Abs(to)
		if err1 != nil || err2 != nil {
			return
		}
		if rel, err := filepath.Rel(at, abs); err == nil {
			s.File = filepath.ToSlash(rel)
		} else {
			s.File = abs
		}
	}
	for i := range c.Actors {
		fix(&c.Actors[i].Source)
	}
	for i := range c.Links {
		fix(&c.Links[i].Source)
	}
	return &c
}

func runImport(opts *importOptions, m *importer.Mapping, base string) error {
	if err := m.Check(); err != nil {
		return usageError{err}
	}
	if opts.saveMapping != "" {
		y, err := relocate(m, base, filepath.Dir(opts.saveMapping)).YAML()
		if err != nil {
			return err
		}
		if err := writeFileAtomic(opts.saveMapping, y); err != nil {
			return err
		}
	}
	out := opts.output
	if out == "" || out == "-" {
		if opts.saveMapping != "" {
			_, err := fmt.Fprintf(opts.out.stdout, "saved the mapping to %s\n", opts.saveMapping)
			return err
		}
		return usagef("import needs -o OUT: a dataset directory, or a .json file for a snapshot")
	}
	started := opts.progress.now()
	bar := &progressBar{w: opts.progress.w, now: opts.progress.now, start: started}
	runOpts := importer.Options{Dir: base, MaxLine: opts.maxLine}
	if opts.progress.tty {
		runOpts.Progress = bar.update
	}
	ds, err := importer.Run(m, runOpts)
	bar.clear()
	if err != nil {
		var br *importer.BadRows
		if errors.As(err, &br) {
			return fmt.Errorf("%w\nnothing was written; fix the rows or skip them with --skip-bad", err)
		}
		if errors.Is(err, importer.ErrMapping) {
			return usageError{err}
		}
		return err
	}
	imported := opts.progress.now()
	if strings.EqualFold(filepath.Ext(out), ".json") {
		g, err := ds.Build()
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := data.WriteSnapshot(&buf, g, data.SnapshotHeader{Tool: "relgraph import", Datasets: mappingFiles(m)}); err != nil {
			return err
		}
		if err := writeFileAtomic(out, buf.Bytes()); err != nil {
			return err
		}
	} else if err := ds.WriteDir(out); err != nil {
		return err
	}
	written := opts.progress.now()
	sum := jsonout.NewImportSummary(out, opts.saveMapping, ds.Stats, ds.Skipped)
	if opts.stats {
		writeImportStats(opts.stderr, ds.Stats, imported.Sub(started), written.Sub(imported))
	}
	// The answer goes to standard output: -o is the dataset written.
	return opts.out.toStdout().emit(sum, func(w io.Writer) error {
		writeImportSummary(w, out, ds.Stats, ds.Skipped)
		return nil
	})
}

// writeImportSummary writes what an import made, and what it did with the rows that did not become a
// link of their own: "imported 1,234 links and 56 actors into out/ (1,300 rows from 1 file)", then a
// line of notes ("2 repeated rows summed into 1 link; …") and the rows skipped as bad.
func writeImportSummary(w io.Writer, out string, st importer.Stats, skipped []importer.RowProblem) {
	fmt.Fprintf(w, "imported %s and %s into %s (%s from %s)\n", counted(st.Links, "link", "links"), counted(st.Actors, "actor", "actors"),
		out, counted(st.Rows, "row", "rows"), counted(st.Files, "file", "files"))
	var notes []string
	note := func(n int, text string) {
		if n > 0 {
			notes = append(notes, text)
		}
	}
	note(st.Repeated, counted(st.Repeated, "repeated row", "repeated rows")+" summed into "+counted(st.RepeatedLinks, "link", "links")+" (weights added)")
	note(st.Mirrored, counted(st.Mirrored, "pair", "pairs")+" listed both ways counted once")
	note(st.Collapsed, counted(st.Collapsed, "date", "dates")+" collapsed into spells")
	note(st.Filtered, counted(st.Filtered, "row", "rows")+" filtered out")
	note(st.NoKind, counted(st.NoKind, "row", "rows")+" without a kind")
	note(st.SelfLinks, counted(st.SelfLinks, "link", "links")+" to self dropped")
	note(st.Bad, counted(st.Bad, "bad row", "bad rows")+" skipped")
	if len(notes) > 0 {
		fmt.Fprintf(w, "  %s\n", strings.Join(notes, "; "))
	}
	for _, p := range skipped {
		fmt.Fprintf(w, "  skipped %s\n", p)
	}
	if more := st.Bad - len(skipped); more > 0 {
		fmt.Fprintf(w, "  … and %s more skipped\n", thousands(more))
	}
}

// counted formats a count with thousands separators and the noun that agrees with it: "1 row",
// "1,234 rows", "0 links".
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

func mappingFiles(m *importer.Mapping) []string {
	var out []string
	for _, s := range m.Actors {
		out = append(out, s.File)
	}
	for _, s := range m.Links {
		out = append(out, s.File)
	}
	return out
}

// writeImportStats prints what --stats shows: time, counts and memory.
func writeImportStats(w io.Writer, st importer.Stats, importTime, writeTime time.Duration) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(w, "import: %s, %s, %s in %s; written in %s\n", counted(st.Files, "file", "files"), megabytes(st.Bytes), counted(st.Rows, "row", "rows"),
		importTime.Round(time.Millisecond), writeTime.Round(time.Millisecond))
	fmt.Fprintf(w, "  %s actors, %s links; %s repeated, %s mirrored, %s collapsed, %s filtered, %s without kind, %s self-links, %s bad\n",
		thousands(st.Actors), thousands(st.Links), thousands(st.Repeated), thousands(st.Mirrored), thousands(st.Collapsed),
		thousands(st.Filtered), thousands(st.NoKind), thousands(st.SelfLinks), thousands(st.Bad))
	fmt.Fprintf(w, "  memory: heap %s in use, %s obtained from the system", megabytes(int64(ms.HeapAlloc)), megabytes(int64(ms.Sys)))
	if rss := peakRSS(); rss > 0 {
		fmt.Fprintf(w, ", peak RSS %s", megabytes(rss))
	}
	fmt.Fprintln(w)
}

// peakRSS returns the process's peak resident set size in bytes, or 0 where the system does not say.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// thousands formats n with thousands separators (12,345).
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
