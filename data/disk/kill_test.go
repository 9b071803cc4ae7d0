//go:build unix

package disk

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// childEnv tells a run of the test binary to be the writer that TestKilledWriter kills:
// "file TARGET" or "dir TARGET".
const childEnv = "DISK_TEST_KILLED_WRITER"

// killedWriter writes TARGET as childEnv says, announces on standard output that it is half-way,
// and waits to be killed.
func killedWriter(spec string) {
	kind, target, _ := strings.Cut(spec, " ")
	halfway := func() {
		os.Stdout.WriteString("half-way\n")
		time.Sleep(time.Minute)
		os.Exit(3) // not killed: the parent reports it
	}
	var err error
	if kind == "file" {
		err = WriteFile(target, func(w io.Writer) error {
			w.Write([]byte(strings.Repeat("new ", 1<<16))) // past the buffer: on disk
			halfway()
			return nil
		})
	} else {
		err = ReplaceDir(target, func(tmp string) error {
			os.WriteFile(filepath.Join(tmp, "a.csv"), []byte("new"), 0o666)
			halfway()
			return nil
		})
	}
	os.Stdout.WriteString("finished: " + errString(err) + "\n")
	os.Exit(4)
}

func errString(err error) string {
	if err == nil {
		return "no error"
	}
	return err.Error()
}

// TestKilledWriter kills a process half-way through WriteFile and ReplaceDir: the target keeps its old
// content, and the next write removes what the killed one left.
func TestKilledWriter(t *testing.T) {
	if spec := os.Getenv(childEnv); spec != "" {
		killedWriter(spec)
		return
	}
	for _, kind := range []string{"file", "dir"} {
		t.Run(kind, func(t *testing.T) {
			parent := t.TempDir()
			target := filepath.Join(parent, "out")
			var err error
			if kind == "file" {
				err = WriteFile(target, writeString("old"))
			} else {
				err = ReplaceDir(target, fillFiles(map[string]string{"a.csv": "old", "b.csv": "old"}))
			}
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
			cmd.Env = append(os.Environ(), childEnv+"="+kind+" "+target)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(out).ReadString('\n')
			if line != "half-way\n" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the writer said %q, %v", line, err)
			}
			cmd.Process.Kill()
			cmd.Wait()

			// The old content is all there, beside the killed run's temporary file or directory.
			left := entries(t, parent)
			if len(left) != 2 || !strings.HasPrefix(left[0], ".out.relgraph-") || !strings.HasSuffix(left[0], ".new") {
				t.Errorf("after the kill: %v, want out and a temporary", left)
			}
			check := func(want string) {
				t.Helper()
				if kind == "file" {
					if got := readString(t, target); got != want {
						t.Errorf("content %q, want %q", got, want)
					}
					return
				}
				if got := entries(t, target); !slices.Equal(got, []string{"a.csv", "b.csv"}) {
					t.Errorf("directory holds %v", got)
				}
				for _, f := range []string{"a.csv", "b.csv"} {
					if got := readString(t, filepath.Join(target, f)); got != want {
						t.Errorf("%s holds %q, want %q", f, got, want)
					}
				}
			}
			check("old")

			// The next write cleans up.
			if kind == "file" {
				err = WriteFile(target, writeString("newer"))
			} else {
				err = ReplaceDir(target, fillFiles(map[string]string{"a.csv": "newer", "b.csv": "newer"}))
			}
			if err != nil {
				t.Fatal(err)
			}
			check("newer")
			if got := entries(t, parent); !slices.Equal(got, []string{"out"}) {
				t.Errorf("after the next write: %v", got)
			}
		})
	}
}
