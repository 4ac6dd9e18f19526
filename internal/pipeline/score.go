package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/quotetone/quotetone/internal/report"
	"github.com/quotetone/quotetone/tone"
)

// An Item is one text to score.
type Item struct {
	ID   string
	Text string
}

// ScoreOptions configure Score.
type ScoreOptions struct {
	Name    string // input name: its ending picks the format (.jsonl .ndjson .csv .tsv, optionally .gz); "" or "-" sniffs
	Workers int
	Format  report.Format
}

// Score reads items from r (JSONL {"id","text"}, CSV or TSV with id and text columns, or plain
// lines numbered from 1) and writes id, valence, nb_positive and one column per dimension as CSV
// to w, in input order, scoring on all cores.
func Score(ctx context.Context, r io.Reader, w io.Writer, sc Scorer, opts ScoreOptions) error {
	name := opts.Name
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		r = zr
		name = strings.TrimSuffix(name, ".gz")
	}
	br := bufio.NewReaderSize(r, 1<<20)
	next, err := itemReader(br, name)
	if err != nil {
		return err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	dims := sc.Dimensions()
	cw := report.NewWriter(w, opts.Format)
	header := append([]string{"id", "valence", "nb_positive"}, dims...)
	if err := cw.Write(header); err != nil {
		return err
	}

	type batch struct {
		items  []Item
		scores []tone.Score
		done   chan struct{}
	}
	const batchSize = 512
	batches := make(chan *batch, workers*2)
	ordered := make(chan *batch, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				b.scores = make([]tone.Score, len(b.items))
				for i, it := range b.items {
					b.scores[i] = sc.Score(it.Text)
				}
				close(b.done)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(ordered)
		defer close(batches)
		for {
			b := &batch{done: make(chan struct{})}
			for len(b.items) < batchSize {
				it, err := next()
				if err == io.EOF {
					break
				}
				if err != nil {
					readErr = err
					break
				}
				b.items = append(b.items, it)
			}
			if len(b.items) == 0 {
				return
			}
			select {
			case ordered <- b:
			case <-ctx.Done():
				return
			}
			batches <- b
			if readErr != nil || len(b.items) < batchSize {
				return
			}
		}
	}()
	var writeErr error
	for b := range ordered {
		<-b.done
		if writeErr != nil {
			continue
		}
		for i, it := range b.items {
			s := b.scores[i]
			cw.Text(it.ID)
			cw.Fixed(report.ToFixed(s.Valence))
			cw.Fixed(report.ToFixed(s.NBPositive))
			for _, d := range s.Dims {
				cw.Fixed(report.ToFixed(d.Score))
			}
			if err := cw.EndRecord(); err != nil {
				writeErr = err
				break
			}
		}
	}
	wg.Wait()
	cw.Flush()
	if writeErr != nil {
		return writeErr
	}
	if readErr != nil {
		return readErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return cw.Error()
}

// itemReader picks the input format from the name's ending, or sniffs the first line.
func itemReader(br *bufio.Reader, name string) (func() (Item, error), error) {
	format := ""
	switch {
	case strings.HasSuffix(name, ".jsonl"), strings.HasSuffix(name, ".ndjson"):
		format = "jsonl"
	case strings.HasSuffix(name, ".csv"):
		format = "csv"
	case strings.HasSuffix(name, ".tsv"):
		format = "tsv"
	default:
		peek, _ := br.Peek(64 << 10)
		peek = bytes.TrimPrefix(peek, []byte("\ufeff"))
		// Blank lines before the first record are skipped by every reader, so the first line
		// that says something decides (a JSONL file starting with an empty line is JSONL).
		peek = bytes.TrimLeft(peek, " \t\r\n")
		first, _, _ := bytes.Cut(peek, []byte("\n"))
		first = bytes.TrimSpace(first)
		switch {
		case bytes.HasPrefix(first, []byte("{")):
			format = "jsonl"
		case hasColumn(string(first), '\t', "text"):
			format = "tsv"
		case hasColumn(string(first), ',', "text"):
			format = "csv"
		default:
			format = "lines"
		}
	}
	switch format {
	case "jsonl":
		return jsonlItems(br), nil
	case "csv":
		return tableItems(br, ',')
	case "tsv":
		return tableItems(br, '\t')
	}
	return lineItems(br), nil
}

func hasColumn(line string, sep rune, col string) bool {
	for _, f := range strings.Split(line, string(sep)) {
		if strings.EqualFold(strings.Trim(strings.TrimSpace(f), `"`), col) {
			return true
		}
	}
	return false
}

func readLine(br *bufio.Reader) (string, error) {
	line, err := br.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	if err != nil {
		return "", err
	}
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

func lineItems(br *bufio.Reader) func() (Item, error) {
	n := 0
	return func() (Item, error) {
		line, err := readLine(br)
		if err != nil {
			return Item{}, err
		}
		n++
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		return Item{ID: strconv.Itoa(n), Text: line}, nil
	}
}

func jsonlItems(br *bufio.Reader) func() (Item, error) {
	n := 0
	return func() (Item, error) {
		for {
			line, err := readLine(br)
			if err != nil {
				return Item{}, err
			}
			n++
			line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
			if line == "" {
				continue
			}
			var rec struct {
				ID   json.RawMessage `json:"id"`
				Text string          `json:"text"`
			}
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				return Item{}, fmt.Errorf("line %d: not a JSON object with \"id\" and \"text\": %v", n, err)
			}
			// A string id is decoded ("caf\u00e9" is café); a number is kept as written.
			id := string(rec.ID)
			switch {
			case id == "null":
				id = ""
			case strings.HasPrefix(id, `"`):
				id = ""
				json.Unmarshal(rec.ID, &id) // valid: the record decoded
			}
			if id == "" {
				id = strconv.Itoa(n)
			}
			return Item{ID: id, Text: rec.Text}, nil
		}
	}
}

func tableItems(br *bufio.Reader, sep rune) (func() (Item, error), error) {
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	var cr interface{ Read() ([]string, error) }
	if sep == '\t' {
		// TSV as IANA defines it: one record a line, fields split at tabs, no quoting, so a
		// text that starts with " is read as it stands and never swallows the lines after it.
		cr = &tsvReader{br: br}
	} else {
		c := csv.NewReader(br)
		c.FieldsPerRecord = -1
		c.ReuseRecord = true
		cr = c
	}
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
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
		first := []rune(strings.Join(head, string(sep)))
		if len(first) > 60 {
			first = append(first[:60], '…')
		}
		example := "id" + string(sep) + "text"
		if sep == '\t' {
			example = "id<TAB>text"
		}
		return nil, fmt.Errorf("the first line must name the columns, one of them \"text\", but it is %q: add a header line such as %s, or give plain texts one a line", string(first), example)
	}
	n := 0
	return func() (Item, error) {
		rec, err := cr.Read()
		if err != nil {
			return Item{}, err
		}
		n++
		it := Item{ID: strconv.Itoa(n)}
		if idCol >= 0 && idCol < len(rec) && rec[idCol] != "" {
			it.ID = rec[idCol]
		}
		if textCol < len(rec) {
			it.Text = rec[textCol]
		}
		return it, nil
	}, nil
}

// tsvReader reads tab-separated lines, skipping empty ones.
type tsvReader struct {
	br  *bufio.Reader
	rec []string
}

func (t *tsvReader) Read() ([]string, error) {
	for {
		line, err := readLine(t.br)
		if err != nil {
			return nil, err
		}
		if line == "" {
			continue
		}
		t.rec = append(t.rec[:0], strings.Split(line, "\t")...)
		return t.rec, nil
	}
}
