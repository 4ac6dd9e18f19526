package benchcpu

import (
	"testing"
	"time"
)

func TestPerOpReports(t *testing.T) {
	clock := time.Duration(0)
	processTime = func() (time.Duration, bool) { clock += 2 * time.Second; return clock, true }
	defer func() { processTime = func() (time.Duration, bool) { return osProcessTime() } }()
	r := testing.Benchmark(func(b *testing.B) {
		defer PerOp(b, 1e6)()
		for b.Loop() {
		}
	})
	ns, mbs := r.Extra["cpu-ns/op"], r.Extra["cpu-MB/s"]
	if want := 2e9 / float64(r.N); ns != want {
		t.Errorf("cpu-ns/op = %v, want %v (2 s over %d ops)", ns, want, r.N)
	}
	if want := float64(r.N) / 2; mbs != want {
		t.Errorf("cpu-MB/s = %v, want %v", mbs, want)
	}
}
