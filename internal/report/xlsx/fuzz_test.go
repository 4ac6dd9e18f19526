package xlsx

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quotetone/quotetone/internal/report"
)

// xmlSafe is what a text cell reads back as: characters XML 1.0 cannot carry (controls,
// U+FFFE, U+FFFF, invalid UTF-8) become U+FFFD, and line ends become \n.
func xmlSafe(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case r == utf8.RuneError && n == 1, r < 0x20 && r != '\t' && r != '\n', r == 0xfffe, r == 0xffff:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkText writes a workbook whose quote, speaker and title are s and reads them back.
func checkText(t *testing.T, s string) {
	t.Helper()
	q := report.QuoteRow{DocID: "d", Speaker: s, Kind: "speech", Quote: s, Title: s, Dims: []report.Fixed{0, 0}}
	run := writeFixture(t, []report.QuoteRow{q}, report.DefaultFormat, "")
	if err := (Writer{}).WriteReport(run); err != nil {
		t.Fatalf("WriteReport(%q): %v", s, err)
	}
	f := open(t, run)
	rows, err := f.GetRows(QuotesSheet)
	if err != nil {
		t.Fatalf("GetRows: %v", err)
	}
	if len(rows) != 2 {
		t.Fatalf("text %q: Quotes has %d rows, want 2", s, len(rows))
	}
	want := xmlSafe(s)
	if utf8.RuneCountInString(want) > 30000 { // Excel's cell limit cuts it
		return
	}
	for _, col := range []int{3, 7, 12} {
		got := ""
		if col < len(rows[1]) {
			got = rows[1][col]
		}
		if s != "" && got != want {
			t.Errorf("text %q: column %d reads back %q, want %q", s, col, got, want)
		}
	}
}

func TestText(t *testing.T) {
	for _, s := range []string{"_x0041_ stays", "ctl\x01\x02\x1f end", "bad utf8 \xff\xfe here", "bom \ufeff and \ufffe",
		"  lead and trail  ", "tab\tinside", "cr\r\nlf", "emoji 😀 and 𝔘", "]]> <![CDATA[ & <x>", "=1+1", "@SUM(A1)", "-3"} {
		checkText(t, s)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "=cmd|' /C calc'!A0", "“curly” ‘single’ «guillemets»", "\x00", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(checkText)
}
