package data

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strings"
)

// Passage returns paragraph para (1-based) of a corpus document: paragraphs are the non-empty lines of
// the file, as in the source references of datasets.
func Passage(corpus fs.FS, file string, para int) (string, error) {
	if para < 1 {
		return "", fmt.Errorf("%s: no paragraph number given", file)
	}
	b, err := fs.ReadFile(corpus, file)
	if err != nil {
		return "", fmt.Errorf("reading corpus document: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if n++; n == para {
			return line, nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("reading %s: %w", file, err)
	}
	return "", fmt.Errorf("%s has %d paragraphs, not %d", file, n, para)
}
