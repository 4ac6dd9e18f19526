// Command govader-score scores texts with github.com/jonreiter/govader, single-threaded, the
// way a Go user who picked govader would. It is the baseline that the compare harness times
// quotetone against.
//
//	govader-score [-i FILE] [-o FILE]   score each record of FILE (or stdin)
//	govader-score -dir DIR [-o FILE]    score every line of every file under DIR
//
// Records are read like quotetone score reads them: a CSV or TSV whose header has a "text"
// column (and optionally "id"), JSONL {"id","text"}, or plain lines numbered from 1. The
// output is CSV: id,compound (or path:line,compound with -dir).
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jonreiter/govader"
)

func main() {
	in := flag.String("i", "", "input file (default standard input)")
	dir := flag.String("dir", "", "score every line of every file under this folder instead")
	out := flag.String("o", "", "output file (default standard output)")
	flag.Parse()
	if err := run(*in, *dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "govader-score:", err)
		os.Exit(1)
	}
}

func run(in, dir, out string) error {
	w := os.Stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	s := &scorer{a: govader.NewSentimentIntensityAnalyzer(), w: bw}
	bw.WriteString("id,compound\n")
	var err error
	if dir != "" {
		err = s.dir(dir)
	} else {
		r := io.Reader(os.Stdin)
		if in != "" && in != "-" {
			f, ferr := os.Open(in)
			if ferr != nil {
				return ferr
			}
			defer f.Close()
			r = f
		}
		err = s.records(bufio.NewReaderSize(r, 1<<20), in)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

type scorer struct {
	a   *govader.SentimentIntensityAnalyzer
	w   *bufio.Writer
	buf []byte
}

func (s *scorer) score(id, text string) {
	c := s.a.PolarityScores(text).Compound
	s.buf = s.buf[:0]
	s.buf = append(s.buf, id...)
	s.buf = append(s.buf, ',')
	s.buf = strconv.AppendFloat(s.buf, c, 'f', 4, 64)
	s.buf = append(s.buf, '\n')
	s.w.Write(s.buf)
}

// dir scores every non-empty line of every regular file under root, in walk order.
func (s *scorer) dir(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			s.score(path+":"+strconv.Itoa(n+1), line)
		}
		return nil
	})
}

// records scores each record of br, sniffing the format from the name or the first line the
// same way quotetone score does.
func (s *scorer) records(br *bufio.Reader, name string) error {
	peek, _ := br.Peek(64 << 10)
	first, _, _ := bytes.Cut(bytes.TrimPrefix(peek, []byte("\ufeff")), []byte("\n"))
	first = bytes.TrimSpace(first)
	switch {
	case strings.HasSuffix(name, ".jsonl"), strings.HasSuffix(name, ".ndjson"), bytes.HasPrefix(first, []byte("{")):
		return s.jsonl(br)
	case strings.HasSuffix(name, ".tsv"), hasColumn(string(first), "\t"):
		return s.table(br, '\t')
	case strings.HasSuffix(name, ".csv"), hasColumn(string(first), ","):
		return s.table(br, ',')
	}
	n := 0
	for {
		line, err := br.ReadString('\n')
		if line == "" && err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		n++
		s.score(strconv.Itoa(n), strings.TrimRight(line, "\r\n"))
	}
}

func hasColumn(line, sep string) bool {
	for _, f := range strings.Split(line, sep) {
		if strings.EqualFold(strings.Trim(strings.TrimSpace(f), `"`), "text") {
			return true
		}
	}
	return false
}

func (s *scorer) table(br *bufio.Reader, sep rune) error {
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	// TSV is read as quotetone score reads it: one record a line, split at tabs, no quoting.
	var cr interface{ Read() ([]string, error) }
	if sep == '\t' {
		cr = &tsvReader{br: br}
	} else {
		c := csv.NewReader(br)
		c.Comma = sep
		c.FieldsPerRecord = -1
		c.ReuseRecord = true
		cr = c
	}
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("read header: %w", err)
	}
	idCol, textCol := -1, -1
	for i, h := range head {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "id":
			idCol = i
		case "text":
			textCol = i
		}
	}
	if textCol < 0 {
		return errors.New("the header has no \"text\" column")
	}
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		id := strconv.Itoa(n)
		if idCol >= 0 && idCol < len(rec) && rec[idCol] != "" {
			id = rec[idCol]
		}
		text := ""
		if textCol < len(rec) {
			text = rec[textCol]
		}
		s.score(id, text)
	}
}

func (s *scorer) jsonl(br *bufio.Reader) error {
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var rec struct {
				ID   json.RawMessage `json:"id"`
				Text string          `json:"text"`
			}
			if jerr := json.Unmarshal(line, &rec); jerr != nil {
				return fmt.Errorf("line %d: %v", n, jerr)
			}
			id := strings.Trim(string(rec.ID), `"`)
			if id == "" || id == "null" {
				id = strconv.Itoa(n)
			}
			s.score(id, rec.Text)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// tsvReader reads tab-separated lines, skipping empty ones.
type tsvReader struct {
	br *bufio.Reader
}

func (t *tsvReader) Read() ([]string, error) {
	for {
		line, err := t.br.ReadString('\n')
		if err == io.EOF && line != "" {
			err = nil
		}
		if err != nil {
			return nil, err
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if line == "" {
			continue
		}
		return strings.Split(line, "\t"), nil
	}
}
