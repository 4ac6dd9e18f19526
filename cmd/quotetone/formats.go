package main

import (
	"github.com/quotetone/quotetone/internal/pipeline"
	htmlreport "github.com/quotetone/quotetone/internal/report/html"
	"github.com/quotetone/quotetone/internal/report/xlsx"
)

// reportWriters returns the writers for the extra report formats; CSV is always written.
func reportWriters(formats []string) ([]pipeline.ReportWriter, error) {
	var ws []pipeline.ReportWriter
	for _, f := range formats {
		switch f {
		case "csv":
		case "xlsx":
			ws = append(ws, xlsx.Writer{})
		case "html":
			ws = append(ws, htmlreport.Writer{})
		default:
			return nil, usageErrorf("unknown report format %q: want csv, xlsx or html", f)
		}
	}
	return ws, nil
}
