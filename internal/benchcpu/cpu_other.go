//go:build !unix

package benchcpu

import "time"

func osProcessTime() (time.Duration, bool) { return 0, false }
