package main

import (
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/quotetone/quotetone/internal/pipeline"
)

// progress installs a progress display on opts and returns a function that ends it: a bar when
// stderr is a terminal, a log line every 10 seconds otherwise (cron, systemd, Kubernetes).
func (a *app) progress(mode string, opts *pipeline.Options) (stop func()) {
	if mode == "auto" {
		mode = "log"
		if f, ok := a.stderr.(*os.File); ok && isTerminal(f) {
			mode = "bar"
		}
	}
	switch mode {
	case "bar":
		bar := progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(a.stderr),
			progressbar.OptionSetDescription("documents"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		opts.Progress = func(p pipeline.Progress) { bar.Set64(p.Documents) }
		return func() { bar.Finish() }
	case "log":
		var mu sync.Mutex
		var last pipeline.Progress
		done := make(chan struct{})
		ticker := time.NewTicker(10 * time.Second)
		opts.Progress = func(p pipeline.Progress) {
			mu.Lock()
			last = p
			mu.Unlock()
		}
		log := a.logger()
		go func() {
			for {
				select {
				case <-ticker.C:
					mu.Lock()
					p := last
					mu.Unlock()
					log.Info("progress", "documents", p.Documents, "quotes", p.Quotes, "failed", p.Failed)
				case <-done:
					return
				}
			}
		}()
		return func() { ticker.Stop(); close(done) }
	default:
		return func() {}
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
