package main

import (
	"github.com/quotetone/quotetone/internal/pipeline"
)

// reportWriters returns the writers for the extra report formats; CSV is always written.
func reportWriters(formats []string) ([]pipeline.ReportWriter, error) {
	var ws []pipeline.ReportWriter
	for _, f := range formats {
		switch f {
		case "csv":
		case "xlsx", "html":
			// written by internal/report/xlsx and internal/report/html (issue 7)
		default:
			return nil, usageErrorf("unknown report format %q: want csv, xlsx or html", f)
		}
	}
	return ws, nil
}
