// Command compare times quotetone against github.com/jonreiter/govader on the same inputs,
// alternating the two programs (A B A B ...) so that background load hits both alike, and
// prints median wall times, ratios, CPU times and peak resident memory.
//
//	cd bench && go run ./cmd/compare [-quotetone /tmp/qt] [-rounds 5]
//
// It prepares, in a temporary folder:
//   - sentences.tsv: the four sentiment/*-dev.tsv files concatenated and repeated -repeat
//     times (16: about 22 MB) under an id, rating, text header; quotetone score reads it, and
//     govader-score scores the same text column of the same records;
//   - corpus4x/: corpus/bbc copied -copies times (4: about 20 MB); quotetone run processes
//     it, and govader-score -dir scores every non-empty line of every article;
//   - corpus1x/: one copy, to check that quotetone run's time grows linearly.
//
// Without -quotetone or -govader it builds the programs first (quotetone from the module that
// holds this one, govader-score from ./cmd/govader-score).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	var c config
	flag.StringVar(&c.quotetone, "quotetone", "", "quotetone binary (default: build it from the parent module)")
	flag.StringVar(&c.govader, "govader", "", "govader-score binary (default: build ./cmd/govader-score)")
	flag.StringVar(&c.data, "data", "", "evaluation data folder (default $QUOTETONE_DATA, or ../../shared/data)")
	flag.StringVar(&c.work, "work", "", "folder for inputs and outputs (default a new temporary folder, removed at the end)")
	flag.IntVar(&c.rounds, "rounds", 3, "timed rounds per comparison (A B per round)")
	flag.IntVar(&c.repeat, "repeat", 16, "times the sentiment dev sets are repeated")
	flag.IntVar(&c.copies, "copies", 4, "copies of the BBC corpus")
	flag.StringVar(&c.only, "only", "", "run only one part: score, run or scaling")
	flag.Parse()
	if err := c.main(); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

type config struct {
	quotetone, govader, data, work, only string
	rounds, repeat, copies               int
}

// A sample is one timed run of one program.
type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

// A series is the samples of one program on one input.
type series struct {
	name    string
	bytes   int64
	samples []sample
}

func (s *series) median(f func(sample) time.Duration) time.Duration {
	v := make([]time.Duration, len(s.samples))
	for i, x := range s.samples {
		v[i] = f(x)
	}
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

func (s *series) wall() time.Duration {
	return s.median(func(x sample) time.Duration { return x.wall })
}

// best is the shortest wall time: on a shared machine, the round least disturbed by others.
func (s *series) best() time.Duration {
	m := s.samples[0].wall
	for _, x := range s.samples {
		m = min(m, x.wall)
	}
	return m
}
func (s *series) cpu() time.Duration { return s.median(func(x sample) time.Duration { return x.cpu }) }

func (s *series) peakRSS() int64 {
	var m int64
	for _, x := range s.samples {
		m = max(m, x.rssKB)
	}
	return m
}

func (s *series) walls() string {
	var parts []string
	for _, x := range s.samples {
		parts = append(parts, fmt.Sprintf("%.2f", x.wall.Seconds()))
	}
	return strings.Join(parts, " ")
}

func (c *config) main() error {
	if c.rounds < 1 || c.repeat < 1 || c.copies < 1 {
		return errors.New("-rounds, -repeat and -copies must be at least 1")
	}
	if c.data == "" {
		c.data = os.Getenv("QUOTETONE_DATA")
	}
	if c.data == "" {
		c.data = "../../shared/data"
	}
	if _, err := os.Stat(filepath.Join(c.data, "sentiment")); err != nil {
		return fmt.Errorf("evaluation data not found (set -data or QUOTETONE_DATA): %w", err)
	}
	if c.work == "" {
		dir, err := os.MkdirTemp("", "quotetone-compare-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		c.work = dir
	} else if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	if err := c.build(); err != nil {
		return err
	}

	fmt.Printf("load average before: %s", loadavg())
	fmt.Printf("quotetone: %s\ngovader:   %s\nwork:      %s\n\n", c.quotetone, c.govader, c.work)

	var results [][2]*series
	if c.only == "" || c.only == "score" {
		pair, err := c.compareScore()
		if err != nil {
			return err
		}
		results = append(results, pair)
	}
	if c.only == "" || c.only == "run" {
		pair, err := c.compareRun()
		if err != nil {
			return err
		}
		results = append(results, pair)
	}
	var scaling [2]*series
	if c.only == "" || c.only == "scaling" {
		var err error
		if scaling, err = c.scaling(); err != nil {
			return err
		}
	}
	fmt.Printf("\nload average after: %s\n", loadavg())

	fmt.Printf("%-34s %4s %9s %9s %8s %9s  %s\n", "program and input", "runs", "wall med", "cpu med", "MB/s", "peak RSS", "walls (s)")
	row := func(s *series) {
		fmt.Printf("%-34s %4d %8.2fs %8.2fs %8.2f %6.0f MB  %s\n", s.name, len(s.samples), s.wall().Seconds(), s.cpu().Seconds(),
			float64(s.bytes)/1e6/s.wall().Seconds(), float64(s.peakRSS())/1024, s.walls())
	}
	for _, p := range results {
		row(p[0])
		row(p[1])
		r := p[0].wall().Seconds() / p[1].wall().Seconds()
		fmt.Printf("  ratio %s / %s: %.3f (target <= 0.33: %s); cpu ratio %.3f; best-round ratio %.3f\n", p[0].name, p[1].name, r, verdict(r <= 0.33),
			p[0].cpu().Seconds()/p[1].cpu().Seconds(), p[0].best().Seconds()/p[1].best().Seconds())
	}
	if scaling[0] != nil {
		row(scaling[0])
		row(scaling[1])
		t1, t4 := scaling[0].wall().Seconds(), scaling[1].wall().Seconds()
		k := float64(scaling[1].bytes) / float64(scaling[0].bytes)
		c1, c4 := scaling[0].cpu().Seconds(), scaling[1].cpu().Seconds()
		mb := float64(scaling[1].bytes-scaling[0].bytes) / 1e6
		// With t = fixed + size/rate through both points: the start-up and the marginal rate.
		fmt.Printf("  scaling: %.2fx the input took %.2fx the wall time and %.2fx the cpu time\n", k, t4/t1, c4/c1)
		fmt.Printf("  as fixed + per-MB: wall %.2fs + %.3fs/MB, cpu %.2fs + %.3fs/MB\n",
			(k*t1-t4)/(k-1), (t4-t1)/mb, (k*c1-c4)/(k-1), (c4-c1)/mb)
	}
	var peak int64
	for _, p := range results {
		peak = max(peak, p[0].peakRSS())
	}
	if scaling[0] != nil {
		peak = max(peak, scaling[1].peakRSS())
	}
	fmt.Printf("quotetone peak RSS: %.0f MB (target <= 250 MB: %s)\n", float64(peak)/1024, verdict(peak <= 250*1024))
	return nil
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown\n"
	}
	return string(b)
}

// build builds whichever of the two programs was not given.
func (c *config) build() error {
	if c.quotetone == "" {
		root, err := mainModule()
		if err != nil {
			return err
		}
		c.quotetone = filepath.Join(c.work, "quotetone")
		if err := goBuild(root, c.quotetone, "./cmd/quotetone"); err != nil {
			return err
		}
	}
	if c.govader == "" {
		c.govader = filepath.Join(c.work, "govader-score")
		if err := goBuild(".", c.govader, "./cmd/govader-score"); err != nil {
			return err
		}
	}
	var err error
	if c.quotetone, err = filepath.Abs(c.quotetone); err != nil {
		return err
	}
	c.govader, err = filepath.Abs(c.govader)
	return err
}

func goBuild(dir, out, pkg string) error {
	fmt.Fprintf(os.Stderr, "building %s\n", pkg)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w", pkg, err)
	}
	return nil
}

// mainModule finds the quotetone module: the nearest parent folder whose go.mod declares it.
func mainModule() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		dir = filepath.Dir(dir)
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(b, []byte("module github.com/quotetone/quotetone\n")) {
			return dir, nil
		}
		if dir == filepath.Dir(dir) {
			return "", errors.New("quotetone module not found above the current folder: pass -quotetone")
		}
	}
}

// run runs one program, discarding standard output unless out is set, and measures it.
func run(out string, okCodes []int, name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return sample{}, err
		}
		defer f.Close()
		cmd.Stdout = f
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		return sample{}, fmt.Errorf("%s: %w", name, err)
	}
	if code := cmd.ProcessState.ExitCode(); !slices.Contains(okCodes, code) {
		return sample{}, fmt.Errorf("%s %s: exit %d: %s", filepath.Base(name), strings.Join(args, " "), code, lastLines(stderr.String(), 5))
	}
	s := sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rssKB = ru.Maxrss // kilobytes on Linux
	}
	return s, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// alternate runs a and b in turn, rounds times, after one untimed warm-up run of each.
func (c *config) alternate(a, b *series, runA, runB func() (sample, error)) error {
	fmt.Fprintf(os.Stderr, "%s vs %s: warm-up", a.name, b.name)
	if _, err := runA(); err != nil {
		return err
	}
	if _, err := runB(); err != nil {
		return err
	}
	for r := range c.rounds {
		fmt.Fprintf(os.Stderr, ", round %d", r+1)
		for _, x := range []struct {
			s   *series
			run func() (sample, error)
		}{{a, runA}, {b, runB}} {
			smp, err := x.run()
			if err != nil {
				return err
			}
			x.s.samples = append(x.s.samples, smp)
		}
	}
	fmt.Fprintln(os.Stderr)
	return nil
}

func (c *config) compareScore() ([2]*series, error) {
	in := filepath.Join(c.work, "sentences.tsv")
	size, records, err := c.prepareSentences(in)
	if err != nil {
		return [2]*series{}, err
	}
	fmt.Printf("sentences: %d records, %.1f MB (%d x the four dev sets)\n", records, float64(size)/1e6, c.repeat)
	qt := &series{name: "quotetone score (sentences)", bytes: size}
	gv := &series{name: "govader (sentences)", bytes: size}
	qtOut, gvOut := filepath.Join(c.work, "score-quotetone.csv"), filepath.Join(c.work, "score-govader.csv")
	err = c.alternate(qt, gv,
		func() (sample, error) { return run(qtOut, []int{0}, c.quotetone, "score", "-i", in) },
		func() (sample, error) { return run("", []int{0}, c.govader, "-i", in, "-o", gvOut) })
	if err != nil {
		return [2]*series{}, err
	}
	nq, err1 := countLines(qtOut)
	ng, err2 := countLines(gvOut)
	if err := errors.Join(err1, err2); err != nil {
		return [2]*series{}, err
	}
	fmt.Printf("rows scored: quotetone %d, govader %d\n", nq-1, ng-1)
	if nq != ng {
		return [2]*series{}, fmt.Errorf("quotetone scored %d rows, govader %d: the inputs were read differently", nq-1, ng-1)
	}
	return [2]*series{qt, gv}, nil
}

func (c *config) compareRun() ([2]*series, error) {
	dir := filepath.Join(c.work, fmt.Sprintf("corpus%dx", c.copies))
	size, files, err := c.prepareCorpus(dir, c.copies)
	if err != nil {
		return [2]*series{}, err
	}
	fmt.Printf("articles: %d files, %.1f MB (%d copies of corpus/bbc)\n", files, float64(size)/1e6, c.copies)
	qt := &series{name: fmt.Sprintf("quotetone run (bbc %dx)", c.copies), bytes: size}
	gv := &series{name: fmt.Sprintf("govader every line (bbc %dx)", c.copies), bytes: size}
	out := filepath.Join(c.work, "out")
	gvOut := filepath.Join(c.work, "lines-govader.csv")
	err = c.alternate(qt, gv,
		func() (sample, error) {
			return run("", []int{0, 3}, c.quotetone, "run", "--progress", "none", "-o", out, dir)
		},
		func() (sample, error) { return run("", []int{0}, c.govader, "-dir", dir, "-o", gvOut) })
	if err != nil {
		return [2]*series{}, err
	}
	if man, err := readManifest(filepath.Join(out, "manifest.json")); err == nil {
		fmt.Printf("quotetone run: %s\n", man)
	}
	if n, err := countLines(gvOut); err == nil {
		fmt.Printf("govader scored %d lines\n", n-1)
	}
	return [2]*series{qt, gv}, nil
}

// scaling runs quotetone run on one copy and on -copies copies of the corpus, alternating.
func (c *config) scaling() ([2]*series, error) {
	one := filepath.Join(c.work, "corpus1x")
	many := filepath.Join(c.work, fmt.Sprintf("corpus%dx", c.copies))
	size1, _, err := c.prepareCorpus(one, 1)
	if err != nil {
		return [2]*series{}, err
	}
	sizeN, _, err := c.prepareCorpus(many, c.copies)
	if err != nil {
		return [2]*series{}, err
	}
	a := &series{name: "quotetone run (bbc 1x)", bytes: size1}
	b := &series{name: fmt.Sprintf("quotetone run (bbc %dx)", c.copies), bytes: sizeN}
	out1, outN := filepath.Join(c.work, "out1"), filepath.Join(c.work, "outN")
	err = c.alternate(a, b,
		func() (sample, error) {
			return run("", []int{0, 3}, c.quotetone, "run", "--progress", "none", "-o", out1, one)
		},
		func() (sample, error) {
			return run("", []int{0, 3}, c.quotetone, "run", "--progress", "none", "-o", outN, many)
		})
	return [2]*series{a, b}, err
}

// prepareSentences writes the dev sets, repeated, as one TSV with an id, rating, text header.
// Ids get a round prefix so that they stay unique.
func (c *config) prepareSentences(path string) (size int64, records int, err error) {
	files, err := filepath.Glob(filepath.Join(c.data, "sentiment", "*-dev.tsv"))
	if err != nil || len(files) == 0 {
		return 0, 0, fmt.Errorf("no sentiment/*-dev.tsv under %s", c.data)
	}
	slices.Sort(files)
	var all [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return 0, 0, err
		}
		all = append(all, b)
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("id\trating\ttext\n")
	for r := 1; r <= c.repeat; r++ {
		for _, b := range all {
			for line := range bytes.Lines(b) {
				if len(bytes.TrimSpace(line)) == 0 {
					continue
				}
				fmt.Fprintf(w, "r%d-", r)
				w.Write(line)
				if !bytes.HasSuffix(line, []byte("\n")) {
					w.WriteByte('\n')
				}
				records++
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, 0, err
	}
	if err := f.Close(); err != nil {
		return 0, 0, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0, 0, err
	}
	return fi.Size(), records, nil
}

// prepareCorpus copies the BBC articles (the .txt files) n times into dir/copyK/, once.
func (c *config) prepareCorpus(dir string, n int) (size int64, files int, err error) {
	src := filepath.Join(c.data, "corpus", "bbc")
	fresh := false
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		fresh = true
	}
	for k := 1; k <= n; k++ {
		err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return err
			}
			rel, err := filepath.Rel(src, path)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, fmt.Sprintf("copy%d", k), rel)
			if fresh {
				if err := copyFile(path, dst); err != nil {
					return err
				}
			}
			fi, err := os.Stat(dst)
			if err != nil {
				return err
			}
			size += fi.Size()
			files++
			return nil
		})
		if err != nil {
			return 0, 0, err
		}
	}
	return size, files, nil
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func countLines(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return bytes.Count(b, []byte("\n")), nil
}

func readManifest(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var m struct {
		Counts map[string]any `json:"counts"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return "", err
	}
	var parts []string
	for _, k := range []string{"documents", "quotes", "failed"} {
		if v, ok := m.Counts[k]; ok {
			parts = append(parts, fmt.Sprintf("%s %v", k, v))
		}
	}
	return strings.Join(parts, ", "), nil
}
