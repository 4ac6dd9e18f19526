package lexicon

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// A Format names a lexicon file format.
type Format string

const (
	FormatNative     Format = "yaml"      // quotetone's own YAML (see WriteYAML)
	FormatQuanteda   Format = "quanteda"  // quanteda YAML: nested keys, lists of patterns
	FormatLIWC       Format = "liwc"      // LIWC .dic
	FormatLIWC22     Format = "dicx"      // LIWC-22 .dicx (CSV with one column per category)
	FormatLexicoder  Format = "lexicoder" // Lexicoder .lc3 (or a text .lcd): "+CATEGORY" then patterns
	FormatCSV        Format = "csv"       // word,value or word,sentiment (tidytext, AFINN)
	FormatWordStat   Format = "wordstat"  // WordStat .cat
	FormatYoshikoder Format = "ykd"       // Yoshikoder .ykd XML
	FormatList       Format = "lexicons"  // YAML list of dimensions with poles (see listFile)
)

// Formats lists the formats Parse understands, for help texts.
var Formats = []Format{FormatNative, FormatList, FormatQuanteda, FormatLIWC, FormatLIWC22, FormatLexicoder, FormatCSV, FormatWordStat, FormatYoshikoder}

// DetectFormat picks a format from a file name and, for YAML, its content.
func DetectFormat(name string, data []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))
	switch ext {
	case ".dic":
		return FormatLIWC, nil
	case ".dicx":
		return FormatLIWC22, nil
	case ".lc3":
		return FormatLexicoder, nil
	case ".lcd":
		// Lexicoder 2 .lcd files are Yoshikoder-style XML (quanteda reads them so); take
		// a text file holding "+CATEGORY" lines as Lexicoder 3.
		if bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), []byte("<")) {
			return FormatYoshikoder, nil
		}
		return FormatLexicoder, nil
	case ".csv", ".tsv", ".txt":
		return FormatCSV, nil
	case ".cat":
		return FormatWordStat, nil
	case ".ykd":
		return FormatYoshikoder, nil
	case ".yml", ".yaml":
		if isListYAML(data) {
			return FormatList, nil
		}
		if isNativeYAML(data) {
			return FormatNative, nil
		}
		return FormatQuanteda, nil
	}
	return "", &ParseError{File: name, Err: fmt.Errorf("%w: %q (want one of .yaml .yml .dic .dicx .lc3 .lcd .csv .tsv .txt .cat .ykd, each also gzipped as .gz)", ErrFormat, ext)}
}

// ReadFile reads and parses a lexicon file of any known format, gzipped when its name ends in .gz.
func ReadFile(path string) (*Lexicon, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, &ParseError{File: path, Err: err}
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, &ParseError{File: path, Err: err}
		}
	}
	return Parse(path, data)
}

// Parse parses data in the format its name suggests; name is used in error messages.
func Parse(name string, data []byte) (*Lexicon, error) {
	f, err := DetectFormat(name, data)
	if err != nil {
		return nil, err
	}
	return ParseFormat(f, name, data)
}

// ParseFormat parses data in format f; name is used in error messages and as Source.
func ParseFormat(f Format, name string, data []byte) (*Lexicon, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var (
		l   *Lexicon
		err error
	)
	switch f {
	case FormatNative:
		l, err = parseNative(name, data)
	case FormatQuanteda:
		l, err = parseQuanteda(name, data)
	case FormatLIWC:
		l, err = parseLIWC(name, data)
	case FormatLIWC22:
		l, err = parseDicx(name, data)
	case FormatLexicoder:
		l, err = parseLexicoder(name, data)
	case FormatCSV:
		l, err = parseCSV(name, data)
	case FormatWordStat:
		l, err = parseWordStat(name, data)
	case FormatYoshikoder:
		l, err = parseYoshikoder(name, data)
	case FormatList:
		l, err = parseList(name, data)
	default:
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: %q", ErrFormat, f)}
	}
	if err != nil {
		return nil, err
	}
	if err := checkFinite(name, l); err != nil {
		return nil, err
	}
	l.Source = name
	if l.Name == "" {
		base := filepath.Base(strings.TrimSuffix(name, ".gz"))
		l.Name = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return l, nil
}

// checkFinite refuses weights that are infinite or not a number ("inf", "NaN", YAML's .inf):
// every parser reads them as numbers, and one would turn every score it touches into NaN.
func checkFinite(name string, l *Lexicon) error {
	bad := func(line int, what string, w float64) error {
		return syntaxError(name, line, "%s weight %v is not a finite number", what, w)
	}
	for _, c := range l.Categories {
		if math.IsInf(c.Weight, 0) || math.IsNaN(c.Weight) {
			return bad(c.Line, fmt.Sprintf("category %q", c.Name), c.Weight)
		}
		for _, t := range c.Terms {
			if math.IsInf(t.Weight, 0) || math.IsNaN(t.Weight) {
				return bad(t.Line, fmt.Sprintf("term %q", t.Text), t.Weight)
			}
		}
	}
	for _, t := range l.Intensifiers {
		if math.IsInf(t.Weight, 0) || math.IsNaN(t.Weight) {
			return bad(t.Line, fmt.Sprintf("intensifier %q", t.Text), t.Weight)
		}
	}
	return nil
}

// lines splits data into lines without their line endings (\n, \r\n or \r).
func lines(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	out := strings.Split(s, "\n")
	if len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// cleanTerm trims a term and folds inner runs of whitespace to one space.
func cleanTerm(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
