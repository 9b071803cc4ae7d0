package jsontok

import "testing"

// TestEscapes: every JSON escape is read, a lone surrogate as U+FFFD.
func TestEscapes(t *testing.T) {
	sc := Scanner{Src: []byte(`"\u00e9\/\ud83d\ude00\ud800x"`)}
	if got := sc.Str(); got != "é/😀\uFFFDx" || sc.Err != nil {
		t.Errorf("escapes read as %q (%v)", got, sc.Err)
	}
}

// TestFieldsAndErrors: known fields are read in any order; an unknown or repeated one is a problem at
// its offset, and the first problem sticks.
func TestFieldsAndErrors(t *testing.T) {
	known := []string{"a", "b"}
	sc := Scanner{Src: []byte(`{"b": 1, "a": "x"}`)}
	var a string
	var b int
	has := sc.Fields("an object", known, func(key string) {
		switch key {
		case "a":
			a = sc.Str()
		case "b":
			b = sc.Integer()
		}
	})
	if sc.Err != nil || a != "x" || b != 1 || !has.Has("a") || !has.Has("b") {
		t.Fatalf("read a=%q b=%d has=%v err=%v", a, b, has, sc.Err)
	}
	sc = Scanner{Src: []byte(`{"a": "x", "a": "y"}`)}
	sc.Fields("an object", known, func(string) { sc.Skip(0) })
	if sc.Err == nil || sc.Err.Off != 11 {
		t.Fatalf("duplicate field: %+v", sc.Err)
	}
	first := sc.Err
	sc.Fail(0, "later")
	if sc.Err != first {
		t.Errorf("a later problem replaced the first")
	}
}
