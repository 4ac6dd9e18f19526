package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/viper"
)

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "quotetone.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadDefaults(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	cfg, err := Load(viper.New(), "")
	if err != nil {
		t.Fatalf("Load with no file: %v", err)
	}
	if cfg.File != "" || cfg.Report.Delimiter != "," || !cfg.Report.BOM || cfg.Quotes.TermMaxWords != 4 {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestLoadFileAndEnv(t *testing.T) {
	p := writeFile(t, "run:\n  workers: 3\nreport:\n  delimiter: \";\"\n  decimal_comma: true\nquotes:\n  aliases:\n    - name: Jane Q. Example\n      aliases: [J. Example, \"U.S. Jane\"]\n")
	t.Setenv("QUOTETONE_RUN_MAX_ERRORS", "7")
	cfg, err := Load(viper.New(), p)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Run.Workers != 3 || cfg.Run.MaxErrors != 7 || cfg.Report.Delimiter != ";" || !cfg.Report.DecimalComma {
		t.Errorf("Load = %+v", cfg)
	}
	if got := cfg.Quotes.Options().Aliases; len(got) != 1 || got[0].Aliases[1] != "U.S. Jane" {
		t.Errorf("aliases = %+v, want the spelling kept", got)
	}
	if cfg.File != p {
		t.Errorf("File = %q, want %q", cfg.File, p)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // substrings of the error
	}{
		{"unknown top key", "reprot:\n  bom: false\n", []string{":1: unknown key reprot"}},
		{"unknown nested key", "run:\n  workers: 2\n  wrokers: 3\n", []string{":3: unknown key run.wrokers"}},
		{"unknown key in list item", "quotes:\n  aliases:\n    - name: A\n      alias: [B]\n", []string{":4: unknown key quotes.aliases[0].alias"}},
		{"list wanted", "input:\n  extensions: .txt\n", []string{"input.extensions: want a list"}},
		{"bad delimiter", "report:\n  delimiter: \"|\"\n", []string{"report.delimiter"}},
		{"bad format", "report:\n  formats: [csv, pdf]\n", []string{"report.formats[1]", "pdf"}},
		{"bad period", "report:\n  period: year\n", []string{"report.period"}},
		{"negative workers", "run:\n  workers: -1\n", []string{"run.workers"}},
		{"empty alias", "quotes:\n  aliases:\n    - name: A\n      aliases: [\"\"]\n", []string{"quotes.aliases[0].aliases[0]"}},
		{"bad yaml", "run: [\n", []string{"invalid configuration"}},
		{"wrong type", "run:\n  workers: many\n", []string{":2: run.workers: \"many\" is not a whole number"}},
		{"fraction for a count", "run:\n  strict: true\n  workers: 2.5\n", []string{":3: run.workers: \"2.5\" is not a whole number"}},
		{"not a bool", "report:\n  bom: maybe\n", []string{":2: report.bom: \"maybe\" is not true or false"}},
		{"not a number", "tone:\n  saturation: high\n", []string{":2: tone.saturation: \"high\" is not a number"}},
		{"bad value has its line", "run:\n  workers: 2\nreport:\n  delimiter: \"|\"\n", []string{":4: report.delimiter: \"|\""}},
		{"two bad values", "report:\n  period: year\nrun:\n  workers: -1\n", []string{":2: report.period", ":4: run.workers: -1 is negative"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(viper.New(), writeFile(t, tt.body))
			if err == nil {
				t.Fatalf("Load(%q) succeeded, want an error", tt.body)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Load(%q) error %v does not wrap ErrInvalid", tt.body, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Load(%q) error = %q, want it to contain %q", tt.body, err, w)
				}
			}
		})
	}
}

func TestDefaultIsValidYAMLWithEveryKey(t *testing.T) {
	if err := checkKeys("default", Default()); err != nil {
		t.Errorf("the default file has keys Config does not know: %v", err)
	}
}

func TestLoadScalarsThatDecode(t *testing.T) {
	p := writeFile(t, "run:\n  workers: 2.0\n  max_errors: \"5\"\n  strict: 1\nreport:\n  bom: \"false\"\ntone:\n  saturation: 2\n")
	cfg, err := Load(viper.New(), p)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Run.Workers != 2 || cfg.Run.MaxErrors != 5 || !cfg.Run.Strict || cfg.Report.BOM || cfg.Tone.Saturation != 2 {
		t.Errorf("Load = %+v", cfg)
	}
}

func TestLoadEnvErrorHasNoFileLine(t *testing.T) {
	p := writeFile(t, "run:\n  workers: 2\n")
	t.Setenv("QUOTETONE_RUN_WORKERS", "-3")
	_, err := Load(viper.New(), p)
	if err == nil || !strings.Contains(err.Error(), p+": run.workers: -3 is negative") {
		t.Errorf("Load error = %v, want it to blame run.workers without the file's line", err)
	}
}

// TestLoadEnvTypeErrors checks that a QUOTETONE_* variable that does not fit its key is named,
// with its value, and that values that fit still load.
func TestLoadEnvTypeErrors(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"QUOTETONE_RUN_WORKERS", "many", `QUOTETONE_RUN_WORKERS="many": run.workers wants a number`},
		{"QUOTETONE_REPORT_BOM", "maybe", `QUOTETONE_REPORT_BOM="maybe": report.bom wants true or false`},
		{"QUOTETONE_RUN_WORKERS", "3", ""},
		{"QUOTETONE_REPORT_BOM", "false", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			t.Setenv(tt.name, tt.value)
			_, err := Load(viper.New(), writeFile(t, "run:\n  workers: 2\n"))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Load with %s=%q: %v, want no error", tt.name, tt.value, err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrInvalid)):
				t.Errorf("Load with %s=%q: error %v, want one containing %q", tt.name, tt.value, err, tt.want)
			}
		})
	}
}
