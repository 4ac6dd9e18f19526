package tone

import (
	"fmt"
	"math"
	"os"
	"sort"
	"testing"
)

func TestExpBlame(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	v := VADERValence()
	s, _ := New(Options{Valence: &v})
	type agg struct {
		n         int
		res, gold float64
	}
	m := map[string]*agg{}
	for _, set := range evalSets {
		for _, r := range loadEvalSet(t, set) {
			tx := s.pool.Get().(*text)
			var res Score
			s.score(tx, r.Text, &res)
			for _, h := range tx.hits {
				w := s.m.entries[h.entry].term
				a := m[w]
				if a == nil {
					a = &agg{}
					m[w] = a
				}
				a.n++
				a.res += r.Rating/4 - res.Valence
				a.gold += math.Copysign(1, r.Rating) * math.Copysign(1, h.base)
			}
			s.pool.Put(tx)
		}
	}
	type kv struct {
		w string
		a *agg
	}
	var all []kv
	for w, a := range m {
		all = append(all, kv{w, a})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].a.n > all[j].a.n })
	for _, x := range all[:80] {
		fmt.Printf("%s %d agree=%.2f | ", x.w, x.a.n, x.a.gold/float64(x.a.n))
	}
}
