package pipeline

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// A Shard selects every Count-th document, starting at Index, of the run's input order. All
// shards read the same inputs in the same order, so their documents never overlap and merge
// can put them back in order.
type Shard struct {
	Index, Count int // Count 0 or 1: every document
}

// Has reports whether the document at seq belongs to this shard.
func (s Shard) Has(seq int) bool {
	return s.Count <= 1 || seq%s.Count == s.Index
}

func (s Shard) String() string {
	if s.Count <= 1 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// ParseShard reads "i/n" with 0 <= i < n.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	idx, err1 := strconv.Atoi(strings.TrimSpace(i))
	cnt, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || cnt < 1 || idx < 0 || idx >= cnt {
		return Shard{}, fmt.Errorf("shard %q: want i/n with 0 <= i < n, like 0/4", s)
	}
	return Shard{Index: idx, Count: cnt}, nil
}

// ShardFromEnv reads the shard from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with the
// count given as QUOTETONE_SHARDS) or a Slurm array (SLURM_ARRAY_TASK_ID and
// SLURM_ARRAY_TASK_COUNT, with SLURM_ARRAY_TASK_MIN as the first index). ok is false when
// neither is set.
func ShardFromEnv(getenv func(string) string) (s Shard, ok bool, err error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	if id := getenv("SLURM_ARRAY_TASK_ID"); id != "" {
		count := getenv("SLURM_ARRAY_TASK_COUNT")
		lo := getenv("SLURM_ARRAY_TASK_MIN")
		if lo == "" {
			lo = "0"
		}
		i, err1 := strconv.Atoi(id)
		n, err2 := strconv.Atoi(count)
		m, err3 := strconv.Atoi(lo)
		if err1 != nil || err2 != nil || err3 != nil || n < 1 || i-m < 0 || i-m >= n {
			return Shard{}, true, fmt.Errorf("slurm array: SLURM_ARRAY_TASK_ID=%q, SLURM_ARRAY_TASK_MIN=%q, SLURM_ARRAY_TASK_COUNT=%q do not make a shard", id, lo, count)
		}
		return Shard{Index: i - m, Count: n}, true, nil
	}
	if id := getenv("JOB_COMPLETION_INDEX"); id != "" {
		count := getenv("QUOTETONE_SHARDS")
		i, err1 := strconv.Atoi(id)
		n, err2 := strconv.Atoi(count)
		if err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
			return Shard{}, true, fmt.Errorf("kubernetes indexed job: JOB_COMPLETION_INDEX=%q needs QUOTETONE_SHARDS set to the job's completions (got %q)", id, count)
		}
		return Shard{Index: i, Count: n}, true, nil
	}
	return Shard{}, false, nil
}
