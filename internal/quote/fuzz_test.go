package quote

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We will not retreat,” Ms. Okafor said.",
		"He said \"yes\" and \"no\" and \"",
		"‘It’s over,’ she said. 'Quoted,' he said. ''Two,'' said X.",
		"«a» „b“ 「c」 ＂d＂ “e",
		"\"\n\"\n“\n”\n‘’",
		"Mr. A. B. Cee, the aide, said: “x” — according to the ministry, “y,” said Ms. Dee, adding “z”",
		"<a title=\"x\">\"y\"</a>",
		"市長は「計画は『順調』だ」と。“Der Plan «läuft»,” said Ana \xff Cole.",
	} {
		f.Add(s)
	}
	x, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	other := "President Ana Cole of Westland met Mr. Bo Kim.\n\n“We agree,” she said. \"Not yet,\" Mr. Kim said."
	f.Fuzz(func(t *testing.T, s string) {
		r := []rune(s) // invalid UTF-8 reads as U+FFFD, a rune a byte, as in Extract
		prev := -1
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(3 * time.Second):
				panic(fmt.Sprintf("Extract(%q) hangs", s))
			}
		}()
		qs := x.Extract(s)
		// the same quotes again after another document: nothing leaks through the pooled scratch
		x.Extract(other)
		again := x.Extract(s)
		close(done)
		if !reflect.DeepEqual(qs, again) {
			t.Fatalf("Extract(%q) after another document = %v, want %v", s, again, qs)
		}
		for _, q := range qs {
			if q.Start < 0 || q.End > len(r) || q.Start >= q.End {
				t.Fatalf("Extract(%q): quote [%d,%d) out of range", s, q.Start, q.End)
			}
			if string(r[q.Start:q.End]) != q.Text {
				t.Fatalf("Extract(%q): Text %q is not runes [%d,%d)", s, q.Text, q.Start, q.End)
			}
			if q.Start < prev {
				t.Fatalf("Extract(%q): not sorted", s)
			}
			prev = q.Start
			if q.Kind != Speech && q.Kind != Term && q.Kind != Partial {
				t.Fatalf("Extract(%q): kind %q", s, q.Kind)
			}
		}
	})
}
