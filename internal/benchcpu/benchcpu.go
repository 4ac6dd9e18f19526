// Package benchcpu reports a benchmark's CPU time beside its wall time. The project's machines
// are shared, and other work inflates ns/op far more than the CPU time a benchmark itself uses,
// so the benchmarks report both and comparisons use cpu-ns/op.
package benchcpu

import (
	"testing"
	"time"
)

// PerOp reports the process's user+system CPU time per op as cpu-ns/op and, when bytes (the
// input one op reads) is positive, the CPU-time throughput as cpu-MB/s. Call it right before
// the timed loop and defer the function it returns. Where the platform does not report process
// CPU time, it reports nothing.
func PerOp(b *testing.B, bytes int64) func() {
	start, ok := processTime()
	return func() {
		end, _ := processTime()
		if !ok || b.N == 0 {
			return
		}
		d := end - start
		b.ReportMetric(float64(d)/float64(b.N), "cpu-ns/op")
		if bytes > 0 && d > 0 {
			b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
		}
	}
}

// processTime returns the user+system CPU time the process has used so far.
var processTime = func() (time.Duration, bool) { return osProcessTime() }
