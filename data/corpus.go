package data

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/relgraph/relgraph/data/disk"
)

// DefaultMaxDocumentSize is the size limit of one corpus document, for a corpus opened with disk.Dir
// (why --corpus): a larger document is not read, and its passages are not found.
const DefaultMaxDocumentSize = 64 << 20

// Passage returns paragraph para (1-based) of a corpus document: paragraphs are the lines of the file
// that hold more than white space (Unicode spaces, such as the no-break space, included), as in the
// source references of datasets; a passage is returned with its surrounding white space trimmed. See Passages.
func Passage(corpus fs.FS, file string, para int) (string, error) {
	texts, errs := Passages(corpus, file, []int{para})
	return texts[0], errs[0]
}

// Passages returns paragraphs paras (1-based) of one corpus document, reading it once: texts[i] is
// paragraph paras[i], or errs[i] says why it is not there. A paragraph may be as long as the document;
// the document is read whole, so corpus should bound the size of a file (disk.Dir does).
//
// file is the document's file as the dataset gives it, relative to the corpus directory with "/"
// between names ("a.txt", "./2016/a.txt"); an absolute name, or one that climbs out with "..", gives
// an *disk.OutsideError, as does a symbolic link that disk.Dir refuses to follow.
func Passages(corpus fs.FS, file string, paras []int) (texts []string, errs []error) {
	texts, errs = make([]string, len(paras)), make([]error, len(paras))
	fail := func(err error) ([]string, []error) {
		for i := range errs {
			errs[i] = err
		}
		return texts, errs
	}
	name := path.Clean(filepath.ToSlash(file))
	if file == "" || path.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") || !fs.ValidPath(name) {
		return fail(&disk.OutsideError{Name: file, Dir: "the corpus directory"})
	}
	b, err := fs.ReadFile(corpus, name)
	if errors.Is(err, disk.ErrOutside) {
		return fail(&disk.OutsideError{Name: file, Dir: "the corpus directory"})
	}
	if err != nil {
		return fail(fmt.Errorf("reading corpus document: %w", err))
	}
	want := map[int][]int{} // paragraph number → indexes into paras
	last := 0
	for i, p := range paras {
		if p < 1 {
			errs[i] = fmt.Errorf("%s: no paragraph number given", file)
			continue
		}
		want[p] = append(want[p], i)
		last = max(last, p)
	}
	n := 0
	for len(b) > 0 && n < last {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if line = bytes.TrimSpace(line); len(line) == 0 {
			continue
		}
		n++
		if idx, ok := want[n]; ok {
			text := string(line)
			for _, i := range idx {
				texts[i] = text
			}
		}
	}
	if n < last { // some wanted paragraph lies past the end: n counts them all
		for p, idx := range want {
			if p > n {
				for _, i := range idx {
					errs[i] = fmt.Errorf("%s has %d paragraphs, not %d", file, n, p)
				}
			}
		}
	}
	return texts, errs
}
