package tone

import (
	"fmt"
	"strings"
	"testing"
)

func TestDict(t *testing.T) {
	var keys []string
	for n := 0; n < 40; n++ {
		keys = append(keys, strings.Repeat("a", n), strings.Repeat("a", n)+"\x00", "\x00"+strings.Repeat("é", n))
	}
	for i := 0; i < 3000; i++ {
		keys = append(keys, fmt.Sprintf("w%d", i), fmt.Sprintf("a longer word, number %d", i))
	}
	d := newDict(0)
	slot := map[string]int32{}
	for i, k := range keys {
		if _, ok := slot[k]; ok {
			continue
		}
		d.slots[d.add(k)].vocab = int32(i)
		slot[k] = int32(i)
	}
	if d.used != len(slot) {
		t.Errorf("used = %d, want %d", d.used, len(slot))
	}
	c := d.clone(10)
	for _, d := range []*dict{&d, &c} {
		for k, v := range slot {
			i := d.find([]byte(k))
			if i < 0 || d.slots[i].vocab != v || d.key(i) != k {
				t.Fatalf("find(%q) = %d, want the slot of vocabulary %d", k, i, v)
			}
			if d.add(k) != i {
				t.Fatalf("add(%q) moved", k)
			}
		}
		for _, k := range []string{"b", "w3000", "a longer word, number 3000", strings.Repeat("a", 40)} {
			if i := d.find([]byte(k)); i >= 0 {
				t.Errorf("find(%q) = %d, want -1", k, i)
			}
		}
	}
}
