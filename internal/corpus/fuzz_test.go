package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// readRecords runs the reader for fm over b, as Walk would for a file named "f".
func readRecords(t *testing.T, b []byte, fm format) walkResult {
	t.Helper()
	var res walkResult
	w := &walker{
		ctx:  context.Background(),
		emit: func(d Document) error { res.docs = append(res.docs, d); return nil },
		fail: func(f Failure) { res.fails = append(res.fails, f) },
		max:  1 << 20,
	}
	if err := w.decode(bufio.NewReader(bytes.NewReader(b)), "f", "f", fm); err != nil {
		t.Fatalf("decode(%q) = %v, want nil", b, err)
	}
	return res
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"“Yes,” she said."}` + "\n" + `{"text":"x"}`))
	f.Add([]byte("\xEF\xBB\xBF{\"id\":1,\"text\":\"caf\xe9\",\"title\":null}\r\n\n[1]\n{\"text\":{}}\n{\"html\":\"<p>x</p>\"}"))
	f.Add([]byte(`{"id":"a","text":"broken`))
	f.Add([]byte{0, 1, 2, '\n', '{'})
	f.Fuzz(func(t *testing.T, b []byte) {
		res := readRecords(t, b, formatJSONL)
		split := bytes.Split(b, []byte("\n"))
		for _, d := range res.docs {
			// The fast path for strings without escapes must agree with encoding/json.
			var m map[string]any
			line, _ := repairUTF8(bytes.TrimPrefix(bytes.TrimRight(split[d.Line-1], "\r"), []byte{0xEF, 0xBB, 0xBF}))
			if err := json.Unmarshal([]byte(line), &m); err == nil && textKeys(m) == 1 {
				if text, ok := m["text"].(string); ok && strings.TrimSpace(text) != "" && text != d.Text {
					t.Errorf("JSONL(%q) text = %q, encoding/json says %q", line, d.Text, text)
				}
			}
		}
		lines := 0
		for _, l := range split {
			if len(bytes.TrimSpace(bytes.TrimPrefix(l, []byte{0xEF, 0xBB, 0xBF}))) > 0 {
				lines++
			}
		}
		for _, d := range res.docs {
			if d.Line < 1 || d.ID == "" || (d.Text == "" && d.HTML == "") {
				t.Errorf("JSONL(%q) emitted %+v: want a line, an id and text or html", b, d)
			}
			if !utf8.ValidString(d.Text) || !utf8.ValidString(d.ID) {
				t.Errorf("JSONL(%q) emitted invalid UTF-8 %q", b, d.Text)
			}
		}
		binary := len(res.fails) == 1 && strings.HasPrefix(res.fails[0].Reason, "binary")
		empty := lines == 0 && len(res.fails) == 1 && len(res.docs) == 0
		hopeless := len(res.docs) == 0 && len(res.fails) > maxBadLines
		if !binary && !empty && !hopeless && len(res.docs)+len(res.fails) != lines {
			t.Errorf("JSONL(%q) = %d documents + %d failures, want one per non-blank line (%d)", b, len(res.docs), len(res.fails), lines)
		}
	})
}

// textKeys counts the keys of m that encoding/json would decode into a field named text.
func textKeys(m map[string]any) int {
	n := 0
	for k := range m {
		if strings.EqualFold(k, "text") || strings.EqualFold(strings.ReplaceAll(k, "\u017f", "s"), "text") {
			n++
		}
	}
	return n
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,text\n1,\"He said \"\"yes\"\".\"\n2\n,no id\n"), false)
	f.Add([]byte("\xEF\xBB\xBFtitle\ttext\nT\tbare \"quote\n"), true)
	f.Add([]byte("text\n\"unterminated\n"), false)
	f.Add([]byte("a,b\n1,2\n"), false)
	f.Fuzz(func(t *testing.T, b []byte, tab bool) {
		fm := formatCSV
		if tab {
			fm = formatTSV
		}
		res := readRecords(t, b, fm)
		for _, d := range res.docs {
			if d.Line < 2 || d.ID == "" || (strings.TrimSpace(d.Text) == "" && d.HTML == "") {
				t.Errorf("CSV(%q) emitted %+v: want a line after the header, an id and text", b, d)
			}
			if !utf8.ValidString(d.Text) || !utf8.ValidString(d.ID) || !utf8.ValidString(d.Title) {
				t.Errorf("CSV(%q) emitted invalid UTF-8 %q", b, d.Text)
			}
		}
	})
}

// FuzzCSVRoundTrip writes a record with encoding/csv and reads it back.
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("a1", "“We will keep building,” said Mara Ellison.\nSecond paragraph, with a comma.")
	f.Add("", `He said "no" twice`)
	f.Add(" id ", "x")
	f.Fuzz(func(t *testing.T, id, text string) {
		if !utf8.ValidString(id) || !utf8.ValidString(text) || strings.TrimSpace(text) == "" ||
			strings.ContainsRune(text, '\r') || strings.ContainsRune(id, '\r') || strings.ContainsRune(id, '\n') || strings.HasPrefix(id, "\uFEFF") {
			return
		}
		var buf bytes.Buffer
		cw := csv.NewWriter(&buf)
		cw.Write([]string{"id", "text"})
		cw.Write([]string{id, text})
		cw.Flush()
		res := readRecords(t, buf.Bytes(), formatCSV)
		wantID := strings.TrimSpace(id)
		if wantID == "" {
			wantID = "f:2"
		}
		if len(res.docs) != 1 || len(res.fails) != 0 || res.docs[0].Text != text || res.docs[0].ID != wantID {
			t.Errorf("CSV round trip (%q, %q) = %+v, %v; want id %q and the same text", id, text, res.docs, res.fails, wantID)
		}
	})
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("\xEF\xBB\xBFa\r\nb\rc"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0, 'b'})
	f.Add([]byte("caf\xe9 \x93q\x94 \x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, err := decodeText(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\x00") {
			t.Errorf("decodeText(%q) = %q: want valid UTF-8 without CR or NUL", b, s)
		}
	})
}

func FuzzExtractHTML(f *testing.F) {
	f.Add(`<html><head><title>T</title></head><body><nav>Home</nav><article><p>“Yes,” she said.</p></article></body></html>`)
	f.Add(`<p>a<br>b</p><table><tr><td>x</td><td>y</td></tr></table>`)
	f.Add(`<html><body><form><p>x</p></form>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := ExtractHTML(Document{HTML: page})
		if err != nil {
			return
		}
		if strings.Contains(doc.Text, "\n\n\n") {
			t.Errorf("ExtractHTML(%q).Text = %q: want single blank lines between paragraphs", page, doc.Text)
		}
	})
}

// FuzzGzip feeds damaged gzip data to the JSONL and text readers: they must report it, not crash
// or hang, and emit only whole records.
func FuzzGzip(f *testing.F) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`{"id":"a","text":"A"}` + "\n" + `{"id":"b","text":"B"}` + "\n"))
	zw.Close()
	f.Add(buf.Bytes(), true)
	f.Add(buf.Bytes()[:buf.Len()/2], false)
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}, true)
	f.Fuzz(func(t *testing.T, b []byte, jsonl bool) {
		fm := formatText
		if jsonl {
			fm = formatJSONL
		}
		var res walkResult
		w := &walker{
			ctx:  context.Background(),
			emit: func(d Document) error { res.docs = append(res.docs, d); return nil },
			fail: func(f Failure) { res.fails = append(res.fails, f) },
			max:  1 << 20,
		}
		if err := w.read(bytes.NewReader(b), "f.gz", "f.gz", fm, true); err != nil {
			t.Fatalf("read(%q) = %v, want nil", b, err)
		}
		if len(res.docs)+len(res.fails) == 0 {
			t.Errorf("read(%q) gave no document and no failure", b)
		}
		for _, d := range res.docs {
			if !utf8.ValidString(d.Text) {
				t.Errorf("read(%q) emitted invalid UTF-8 %q", b, d.Text)
			}
		}
	})
}
