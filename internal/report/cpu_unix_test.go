//go:build unix

package report

import (
	"syscall"
	"testing"
	"time"
)

// cpuPerOp reports the process's user+system CPU time per op as cpu-ns/op, which a loaded,
// shared machine inflates far less than wall time. Call it right before the timed loop and
// defer the function it returns.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
