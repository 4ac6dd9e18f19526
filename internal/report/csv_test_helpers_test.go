package report

import (
	"encoding/csv"
	"io"
)

func readAllCSV(r io.Reader, sep rune) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.Comma = sep
	return cr.ReadAll()
}
