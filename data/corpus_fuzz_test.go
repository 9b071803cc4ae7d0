package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/relgraph/relgraph/data/disk"
)

// FuzzPassages checks paragraph splitting against the plain definition: paragraph n is the n-th
// non-empty line, trimmed.
func FuzzPassages(f *testing.F) {
	f.Add("Title\n\nFirst.\n  \r\nSecond.\nThird.", 3)
	f.Add("", 1)
	f.Add("\n\n\n", 1)
	f.Add("no newline at the end", 1)
	f.Add("a\r\nb\r\n", 2)
	f.Add("\t x \t\n\u00a0y\u00a0\n", 2)
	f.Add(strings.Repeat("w ", 5000)+"\nlast", 2)
	f.Fuzz(func(t *testing.T, doc string, para int) {
		texts, errs := Passages(fstest.MapFS{"d.txt": {Data: []byte(doc)}}, "d.txt", []int{para})
		var paras []string
		for _, line := range strings.Split(doc, "\n") {
			if s := strings.TrimSpace(line); s != "" {
				paras = append(paras, s)
			}
		}
		switch {
		case para < 1 || para > len(paras):
			if errs[0] == nil {
				t.Errorf("paragraph %d of %d: no error, text %q", para, len(paras), texts[0])
			}
		case errs[0] != nil || texts[0] != paras[para-1]:
			t.Errorf("paragraph %d = %q, %v; want %q", para, texts[0], errs[0], paras[para-1])
		}
	})
}

// FuzzPassageNames checks that no document name, however written, reads a file outside the corpus.
func FuzzPassageNames(f *testing.F) {
	top := f.TempDir()
	corpusDir := filepath.Join(top, "corpus")
	os.MkdirAll(filepath.Join(corpusDir, "sub"), 0o755)
	os.WriteFile(filepath.Join(top, "secret.txt"), []byte("SECRET\n"), 0o644)
	os.WriteFile(filepath.Join(corpusDir, "ok.txt"), []byte("fine\n"), 0o644)
	os.Symlink("../secret.txt", filepath.Join(corpusDir, "link.txt"))
	os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(corpusDir, "sub", "abs.txt"))
	corpus, err := disk.Dir(corpusDir, 1<<20)
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"ok.txt", "./ok.txt", "../secret.txt", "sub/../../secret.txt", "link.txt",
		"sub/abs.txt", "/" + filepath.Join(top, "secret.txt"), "sub/./../link.txt", "..", ".", "", "sub//../ok.txt"} {
		f.Add(name)
	}
	f.Fuzz(func(t *testing.T, name string) {
		text, err := Passage(corpus, name, 1)
		if strings.Contains(text, "SECRET") || (err != nil && strings.Contains(err.Error(), "SECRET")) {
			t.Errorf("Passage(%q) read the file outside: %q, %v", name, text, err)
		}
		if err == nil && text != "fine" {
			t.Errorf("Passage(%q) = %q", name, text)
		}
	})
}
