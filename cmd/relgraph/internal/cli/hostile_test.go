package cli

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"
)

// The hostile-input suite: every script in testdata/hostile feeds relgraph a file or flag a stranger
// could send — broken, huge, nested, binary, pointing outside the dataset — and checks the precise
// message. Every relgraph run in these scripts is watched: it must finish within its time limit and
// under its memory limit (hostileLimits), never print a Go stack trace, and never let a control
// character reach its text output (the `clean` command checks the last run's streams).

// limitsEnv names the environment variable through which TestHostile hands its limits to the relgraph
// subprocess: "TIME MEMORY", as in "20s 512MiB".
const limitsEnv = "RELGRAPH_TEST_LIMITS"

// statusEnv names the file in which a watched run leaves its exit status, for the `status` command.
const statusEnv = "RELGRAPH_TEST_STATUS"

// hostileLimits are the default limits of one run in the hostile suite; a script may set its own with
// `env RELGRAPH_TEST_LIMITS='60s 1GiB'`.
const hostileLimits = "20s 768MiB"

// overLimit is the exit status of a run stopped by its watchdog: neither 0, 1 nor 2, so that no
// script's `! exec` can mistake it for a clean failure.
const overLimit = 97

func TestHostile(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/hostile",
		Setup: func(env *testscript.Env) error {
			env.Setenv("RELGRAPH_DATA", "")
			env.Setenv(limitsEnv, hostileLimits)
			env.Setenv(statusEnv, filepath.Join(env.WorkDir, ".exit-status"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"clean":  cmdClean,
			"gen":    cmdGen,
			"status": cmdStatus,
		},
	})
}

// TestHostileCount keeps the suite at the size the hardening promised: at least 80 runs of relgraph
// on hostile input.
func TestHostileCount(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n += len(regexp.MustCompile(`(?m)^!? ?exec relgraph\b`).FindAll(b, -1))
	}
	if n < 80 {
		t.Errorf("the hostile suite runs relgraph %d times in %d scripts; want at least 80", n, len(files))
	}
}

// runWatched runs the relgraph command of a test script under the limits in limitsEnv, when set.
func runWatched() int {
	code := runLimited()
	if name := os.Getenv(statusEnv); name != "" {
		os.WriteFile(name, []byte(strconv.Itoa(code)), 0o644)
	}
	return code
}

func runLimited() int {
	lim := os.Getenv(limitsEnv)
	if lim == "" {
		return Main(os.Args[1:], System())
	}
	f := strings.Fields(lim)
	if len(f) != 2 {
		fmt.Fprintf(os.Stderr, "watchdog: bad %s %q\n", limitsEnv, lim)
		return overLimit
	}
	tl, err := time.ParseDuration(f[0])
	if err != nil {
		fmt.Fprintf(os.Stderr, "watchdog: %v\n", err)
		return overLimit
	}
	ml, err := parseSize(f[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "watchdog: %v\n", err)
		return overLimit
	}
	go watch(tl, ml)
	code := Main(os.Args[1:], System())
	if rss := peakRSS(); rss > 0 && uint64(rss) > ml {
		fmt.Fprintf(os.Stderr, "watchdog: peak RSS %d MiB over the limit of %d MiB\n", rss>>20, ml>>20)
		return overLimit
	}
	return code
}

// watch stops the process when it runs past tl or its Go runtime holds more than ml bytes.
func watch(tl time.Duration, ml uint64) {
	start := time.Now()
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	for {
		time.Sleep(10 * time.Millisecond)
		metrics.Read(sample)
		if m := sample[0].Value.Uint64(); m > ml {
			fmt.Fprintf(os.Stderr, "watchdog: %d MiB of memory, over the limit of %d MiB\n", m>>20, ml>>20)
			os.Exit(overLimit)
		}
		if el := time.Since(start); el > tl {
			fmt.Fprintf(os.Stderr, "watchdog: still running after %s\n", el.Round(time.Millisecond))
			os.Exit(overLimit)
		}
	}
}

// parseSize reads "512MiB", "1GiB", "64KiB" or a number of bytes.
func parseSize(s string) (uint64, error) {
	mult := uint64(1)
	for _, u := range []struct {
		suffix string
		m      uint64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = rest, u.m
			break
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}

// cmdClean checks the last run's standard output and error: no control character other than newline
// and tab, no Go stack trace, no watchdog stop. With the argument json, standard output is JSON, which
// escapes C0 controls but, as the JSON standard allows, carries C1 controls as they are.
//
//	clean [json]
func cmdClean(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 1 || (len(args) == 1 && args[0] != "json") {
		ts.Fatalf("usage: clean [json]")
	}
	for _, stream := range []string{"stdout", "stderr"} {
		s := ts.ReadFile(stream)
		json := stream == "stdout" && len(args) == 1
		for i, r := range s {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (!json && r >= 0x80 && r < 0xa0) {
				ts.Fatalf("%s holds control character %U at byte %d: %q", stream, r, i, excerpt(s, i))
			}
			if r == utf8.RuneError {
				ts.Fatalf("%s holds invalid UTF-8 at byte %d: %q", stream, i, excerpt(s, i))
			}
		}
		for _, bad := range []string{"goroutine ", "panic:", "runtime error", "watchdog:"} {
			if i := strings.Index(s, bad); i >= 0 {
				ts.Fatalf("%s holds %q: %q", stream, bad, excerpt(s, i))
			}
		}
	}
}

func excerpt(s string, i int) string {
	lo, hi := max(0, i-40), min(len(s), i+40)
	return s[lo:hi]
}

// cmdStatus checks the exit status of the last relgraph run.
//
//	status N
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: status N")
	}
	got := strings.TrimSpace(ts.ReadFile(".exit-status"))
	if got != args[0] {
		ts.Fatalf("exit status %s, want %s", got, args[0])
	}
}

// cmdGen writes generated hostile files, too large or too regular to keep in a script:
//
//	gen zeros FILE SIZE [HEADER]      HEADER and a newline, then SIZE zero bytes (gzipped if FILE ends in .gz)
//	gen bytes FILE SIZE CHAR [HEADER] the same with the byte CHAR (a single character) instead of zeros
//	gen repeat FILE N TEXT [HEAD [TAIL]] HEAD, then TEXT N times with {i} replaced by 0…N-1, then TAIL
//	gen pairs FILE N K TEXT [HEAD]    HEAD, then TEXT K times for every pair {i} < {j} of 0…N-1 ({k} is 0…K-1)
//
// In TEXT, HEAD and TAIL, \n stands for a newline and \t for a tab.
func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 {
		ts.Fatalf("usage: gen zeros|bytes|repeat|pairs FILE ...")
	}
	name := ts.MkAbs(args[1])
	f, err := os.Create(name)
	ts.Check(err)
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(name, ".gz") {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestSpeed)
		w = zw
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	unescape := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace
	arg := func(i int) string {
		if i < len(args) {
			return unescape(args[i])
		}
		return ""
	}
	num := func(s string) int {
		n, err := parseSize(s)
		if err != nil {
			ts.Fatalf("gen: %v", err)
		}
		return int(n)
	}
	switch args[0] {
	case "zeros", "bytes":
		size := num(args[2])
		fill, hi := byte(0), 3
		if args[0] == "bytes" {
			if len(args) < 4 || len(args[3]) != 1 {
				ts.Fatalf("usage: gen bytes FILE SIZE CHAR [HEADER]")
			}
			fill, hi = args[3][0], 4
		}
		if h := arg(hi); h != "" {
			bw.WriteString(h + "\n")
		}
		chunk := make([]byte, 1<<16)
		for i := range chunk {
			chunk[i] = fill
		}
		for size > 0 {
			n := min(size, len(chunk))
			bw.Write(chunk[:n])
			size -= n
		}
	case "repeat":
		n := num(args[2])
		text := arg(3)
		bw.WriteString(arg(4))
		for i := range n {
			bw.WriteString(strings.ReplaceAll(text, "{i}", strconv.Itoa(i)))
		}
		bw.WriteString(arg(5))
	case "pairs":
		if len(args) < 5 {
			ts.Fatalf("usage: gen pairs FILE N K TEXT [HEAD]")
		}
		n, k := num(args[2]), num(args[3])
		text := arg(4)
		bw.WriteString(arg(5))
		for i := range n {
			for j := i + 1; j < n; j++ {
				for m := range k {
					r := strings.NewReplacer("{i}", strconv.Itoa(i), "{j}", strconv.Itoa(j), "{k}", strconv.Itoa(m))
					bw.WriteString(r.Replace(text))
				}
			}
		}
	default:
		ts.Fatalf("gen: unknown generator %q", args[0])
	}
	ts.Check(bw.Flush())
	if zw != nil {
		ts.Check(zw.Close())
	}
	ts.Check(f.Close())
}
