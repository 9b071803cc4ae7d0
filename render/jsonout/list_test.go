package jsonout

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// encoded encodes v with Encode.
func encoded(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestListLayout checks that an object streamed through a List has the bytes Encode
// gives it, whatever the list holds and whatever follows it.
func TestListLayout(t *testing.T) {
	type item struct {
		Name  string         `json:"name"`
		Tags  []string       `json:"tags"`
		Attrs map[string]int `json:"attrs,omitempty"`
	}
	type obj struct {
		From  string `json:"from"`
		Items []item `json:"items"`
		More  bool   `json:"more,omitempty"`
		Note  string `json:"note,omitempty"`
	}
	tests := []struct {
		name  string
		v     obj
		items []item
	}{
		{"empty list, last field", obj{From: "a"}, nil},
		{"empty list, fields after", obj{From: "a", More: true, Note: "n"}, nil},
		{"one item", obj{From: "a"}, []item{{Name: "x", Tags: []string{}}}},
		{"items and fields after", obj{From: "a <b> & c", More: true}, []item{
			{Name: "x\u2028y", Tags: []string{"t1", "t2"}, Attrs: map[string]int{"b": 2, "a": 1}},
			{Name: `"items": []`, Tags: nil},
			{Name: "\x1b[31mred", Tags: []string{""}},
		}},
	}
	for _, tt := range tests {
		full := tt.v
		full.Items = tt.items
		if full.Items == nil {
			full.Items = []item{}
		}
		want := encoded(t, full)
		var buf bytes.Buffer
		jl := &List{W: &buf, Field: "items"}
		empty := tt.v
		empty.Items = []item{}
		head := empty
		head.More, head.Note = false, "" // the fields after the list are only known at the end
		if err := jl.Begin(head); err != nil {
			t.Fatal(err)
		}
		for _, it := range tt.items {
			if err := jl.Add(it); err != nil {
				t.Fatal(err)
			}
		}
		if err := jl.End(empty); err != nil {
			t.Fatal(err)
		}
		if buf.String() != want {
			t.Errorf("%s: streamed\n%s\nwant\n%s", tt.name, buf.String(), want)
		}
	}
	jl := &List{W: io.Discard, Field: "paths"}
	if err := jl.Begin(obj{From: "a", Items: []item{}}); !errors.Is(err, ErrNoListField) {
		t.Errorf("an object without the list field: %v, want ErrNoListField", err)
	}
}
