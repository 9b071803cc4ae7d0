//go:build unix

package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/data/disk"
)

func TestPassagesCorpus(t *testing.T) {
	top := t.TempDir()
	long := strings.Repeat("word ", 4<<20) // a 20 MiB paragraph
	writeTree(t, top, map[string]string{
		"secret.txt":          "secret\n",
		"corpus/ok.txt":       "Title\n\nFirst.\n  \r\nSecond.\nThird.",
		"corpus/2016/in.txt":  "Nested.\n",
		"corpus/inner.txt":    "->ok.txt",
		"corpus/passwd.txt":   "->/etc/passwd",
		"corpus/zero.txt":     "->/dev/zero",
		"corpus/up.txt":       "->../secret.txt",
		"corpus/pipe.txt":     "|fifo",
		"corpus/long.txt":     "Before.\n" + long + "\nAfter.\n",
		"corpus/toolarge.txt": strings.Repeat("x", 2000) + "\n",
		// Lines of white space only, Unicode spaces included, are not paragraphs: a no-break space
		// (as on the third line of one of the seed articles), an em space, a tab.
		"corpus/spaces.txt": "Headline\n\n\u00a0\n\u2003\t\nBody.\n\u00a0Indented.\n",
	})
	corpus, err := disk.Dir(filepath.Join(top, "corpus"), 32<<20)
	if err != nil {
		t.Fatal(err)
	}
	small, err := disk.Dir(filepath.Join(top, "corpus"), 1024)
	if err != nil {
		t.Fatal(err)
	}
	outside := func(name string) string { return `"` + name + `" leads outside the corpus directory` }
	tests := []struct {
		file  string
		para  int
		want  string // the passage, or
		error string // the error
		small bool   // read with the 1 KiB limit
	}{
		{file: "ok.txt", para: 1, want: "Title"},
		{file: "ok.txt", para: 3, want: "Second."},
		{file: "./ok.txt", para: 4, want: "Third."},
		{file: "2016/../ok.txt", para: 2, want: "First."},
		{file: "./2016/in.txt", para: 1, want: "Nested."},
		{file: "inner.txt", para: 2, want: "First."},
		{file: "long.txt", para: 2, want: strings.TrimSpace(long)},
		{file: "long.txt", para: 3, want: "After."},
		{file: "ok.txt", para: 5, error: "ok.txt has 4 paragraphs, not 5"},
		{file: "spaces.txt", para: 2, want: "Body."},
		{file: "spaces.txt", para: 3, want: "Indented."},
		{file: "spaces.txt", para: 4, error: "spaces.txt has 3 paragraphs, not 4"},
		{file: "ok.txt", para: 0, error: "ok.txt: no paragraph number given"},
		{file: "../secret.txt", para: 1, error: outside("../secret.txt")},
		{file: "2016/../../secret.txt", para: 1, error: outside("2016/../../secret.txt")},
		{file: "/etc/passwd", para: 1, error: outside("/etc/passwd")},
		{file: "", para: 1, error: outside("")},
		{file: "passwd.txt", para: 1, error: outside("passwd.txt")},
		{file: "zero.txt", para: 1, error: outside("zero.txt")},
		{file: "up.txt", para: 1, error: outside("up.txt")},
		{file: "pipe.txt", para: 1, error: "reading corpus document: open pipe.txt: not a regular file (a named pipe)"},
		{file: "2016", para: 1, error: "reading corpus document: open 2016: not a regular file (a directory)"},
		{file: "missing.txt", para: 1, error: "reading corpus document: open missing.txt: no such file or directory"},
		{file: "toolarge.txt", para: 1, small: true, error: "reading corpus document: open toolarge.txt: the file is 2.0 KiB, over the size limit of 1 KiB"},
	}
	for _, tt := range tests {
		fsys := corpus
		if tt.small {
			fsys = small
		}
		got, err := Passage(fsys, tt.file, tt.para)
		if tt.error != "" {
			if err == nil || err.Error() != tt.error {
				t.Errorf("Passage(%q, %d) error = %v, want %q", tt.file, tt.para, err, tt.error)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Passage(%q, %d) = %.40q, %v; want %.40q", tt.file, tt.para, got, err, tt.want)
		}
	}
	_, err = Passage(small, "toolarge.txt", 1)
	if !errors.Is(err, disk.ErrTooLarge) {
		t.Errorf("the size error is not ErrTooLarge: %v", err)
	}
	if _, err := Passage(corpus, "up.txt", 1); !errors.Is(err, disk.ErrOutside) {
		t.Errorf("the link error is not ErrOutside: %v", err)
	}
}

func TestPassagesOneRead(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("one\ntwo\n\nthree\n"), 0o644)
	corpus, err := disk.Dir(dir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	texts, errs := Passages(corpus, "a.txt", []int{3, 1, 3, 7, 0})
	want := []string{"three", "one", "three", "", ""}
	wantErr := []string{"", "", "", "a.txt has 3 paragraphs, not 7", "a.txt: no paragraph number given"}
	for i := range want {
		e := ""
		if errs[i] != nil {
			e = errs[i].Error()
		}
		if texts[i] != want[i] || e != wantErr[i] {
			t.Errorf("passage %d = %q, %q; want %q, %q", i, texts[i], e, want[i], wantErr[i])
		}
	}
}
