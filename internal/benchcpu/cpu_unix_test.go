//go:build unix

package benchcpu

import (
	"testing"
	"time"
)

func TestProcessTimeAdvances(t *testing.T) {
	before, ok := processTime()
	if !ok {
		t.Fatal("processTime reports no CPU time on a unix system")
	}
	x := 0
	for deadline := time.Now().Add(20 * time.Millisecond); time.Now().Before(deadline); {
		x++ // spin: CPU time must advance
	}
	after, _ := processTime()
	if after <= before {
		t.Errorf("CPU time went from %v to %v after 20 ms of spinning (x=%d)", before, after, x)
	}
}
