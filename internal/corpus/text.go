package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// errBinary marks content that is not text: its Reason is built by binaryReason.
var errBinary = errors.New("binary content")

// binarySample is how many leading bytes decide whether content is binary (as git does).
const binarySample = 8192

// decodeText turns the raw bytes of a whole-file document into the text that quote offsets refer
// to, with a note for each repair:
//   - a UTF-8 byte order mark is removed; a UTF-16 one makes the file decode as UTF-16;
//   - content whose first 8 KB hold NUL bytes and more than 10% control or invalid bytes is
//     binary: errBinary, nothing is read;
//   - otherwise NUL bytes are removed;
//   - each byte that is not valid UTF-8 is decoded as Windows-1252 (a superset of Latin-1, the usual
//     cause: "£" as 0xA3, curly quotes as 0x93 and 0x94);
//   - CRLF and lone CR line endings become LF.
func decodeText(b []byte) (string, []string, error) {
	var notes []string
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		notes = append(notes, "UTF-8 byte order mark removed")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		var note string
		b, note = decodeUTF16(b)
		notes = append(notes, note)
	}
	if ratio, ok := binaryRatio(b); ok {
		return "", nil, fmt.Errorf("%w: %.0f%% of the first bytes are NUL, control or invalid UTF-8", errBinary, ratio*100)
	}
	if n := bytes.Count(b, []byte{0}); n > 0 {
		b = bytes.ReplaceAll(b, []byte{0}, nil)
		notes = append(notes, fmt.Sprintf("%d NUL bytes removed", n))
	}
	s, note := repairUTF8(b)
	if note != "" {
		notes = append(notes, note)
	}
	s, note = normalizeNewlines(s)
	if note != "" {
		notes = append(notes, note)
	}
	return s, notes, nil
}

// binaryRatio reports the share of NUL, control and invalid UTF-8 bytes in the first 8 KB of b,
// and whether that makes b binary: it must hold a NUL byte and more than 10% such bytes.
func binaryRatio(b []byte) (float64, bool) {
	sample := b
	if len(sample) > binarySample {
		sample = sample[:binarySample]
	}
	if bytes.IndexByte(sample, 0) < 0 {
		return 0, false
	}
	bad := 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			if isControl(c) {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 && len(sample)-i >= utf8.UTFMax {
			bad++ // a rune cut by the end of the sample is not counted
		}
		i += size
	}
	ratio := float64(bad) / float64(len(sample))
	return ratio, ratio > 0.10
}

// isControl reports ASCII control bytes that do not occur in text (tab, newlines, form feed and
// escape do).
func isControl(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', 0x1B:
		return false
	}
	return c < 0x20 || c == 0x7F
}

// decodeUTF16 decodes b, which starts with a UTF-16 byte order mark, into UTF-8.
func decodeUTF16(b []byte) ([]byte, string) {
	little := b[0] == 0xFF
	b = b[2:]
	name := "UTF-16BE"
	if little {
		name = "UTF-16LE"
	}
	note := "decoded from " + name
	if len(b)%2 == 1 {
		b = b[:len(b)-1]
		note += " (odd trailing byte dropped)"
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if little {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	return []byte(string(utf16.Decode(units))), note
}

// cp1252 maps the bytes 0x80 to 0x9F of Windows-1252; the five undefined ones map to U+FFFD.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

// repairUTF8 returns b as a string, decoding each byte that is not part of valid UTF-8 as
// Windows-1252, with a note saying how many bytes were repaired ("" when b was valid).
func repairUTF8(b []byte) (string, string) {
	if utf8.Valid(b) {
		return string(b), ""
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			c := b[i]
			if c >= 0x80 && c < 0xA0 {
				r = cp1252[c-0x80]
			} else {
				r = rune(c) // Latin-1
			}
			n++
		}
		sb.WriteRune(r)
		i += size
	}
	return sb.String(), fmt.Sprintf("invalid UTF-8 repaired: %d bytes read as Windows-1252", n)
}

// repairUTF8String is repairUTF8 for a string.
func repairUTF8String(s string) (string, string) {
	if utf8.ValidString(s) {
		return s, ""
	}
	return repairUTF8([]byte(s))
}

// normalizeNewlines turns CRLF and lone CR into LF, with a note when it changed anything.
func normalizeNewlines(s string) (string, string) {
	if strings.IndexByte(s, '\r') < 0 {
		return s, ""
	}
	crlf := strings.Count(s, "\r\n")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	cr := strings.Count(s, "\r")
	s = strings.ReplaceAll(s, "\r", "\n")
	switch {
	case crlf > 0 && cr > 0:
		return s, "CRLF and CR line endings converted to LF"
	case crlf > 0:
		return s, "CRLF line endings converted to LF"
	default:
		return s, "CR line endings converted to LF"
	}
}
