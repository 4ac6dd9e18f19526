// Package config loads quotetone's configuration: embedded defaults, then one YAML file, then
// QUOTETONE_* environment variables. With cmd it is the only package that knows viper.
package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"
)

//go:embed default_base.yaml
var defaultBase []byte

//go:embed default_tone.yaml
var defaultTone []byte

// ErrInvalid is wrapped by every error about the content of a configuration.
var ErrInvalid = errors.New("invalid configuration")

// Default returns the documented default configuration file, as `quotetone init` writes it.
func Default() []byte {
	var b bytes.Buffer
	b.Write(defaultBase)
	if len(defaultBase) > 0 && defaultBase[len(defaultBase)-1] != '\n' {
		b.WriteByte('\n')
	}
	b.Write(defaultTone)
	return b.Bytes()
}

// Config is the whole configuration.
type Config struct {
	Input  Input  `mapstructure:"input"`
	Quotes Quotes `mapstructure:"quotes"`
	Tone   Tone   `mapstructure:"tone"`
	Report Report `mapstructure:"report"`
	Run    Run    `mapstructure:"run"`

	// File is the configuration file that was read, empty when only defaults apply.
	File string `mapstructure:"-"`
	// Dir is the folder that relative paths in the configuration are resolved against.
	Dir string `mapstructure:"-"`
	// DefaultExpectationsDropped is true when File replaces tone.dimensions without giving
	// tone.expectations: the default expectations test the default dimensions, so they are left
	// out instead of failing with "no score called ...".
	DefaultExpectationsDropped bool `mapstructure:"-"`
}

// Input configures which files are read from folders.
type Input struct {
	Extensions     []string `mapstructure:"extensions"`
	Exclude        []string `mapstructure:"exclude"`
	MaxRecordBytes int      `mapstructure:"max_record_bytes"`
}

// Report configures the report files.
type Report struct {
	Formats      []string `mapstructure:"formats"`
	BOM          bool     `mapstructure:"bom"`
	Delimiter    string   `mapstructure:"delimiter"`
	DecimalComma bool     `mapstructure:"decimal_comma"`
	Period       string   `mapstructure:"period"`
}

// Run configures how a batch runs.
type Run struct {
	Workers   int  `mapstructure:"workers"`
	MaxErrors int  `mapstructure:"max_errors"`
	Strict    bool `mapstructure:"strict"`
}

// SearchPaths lists where Load looks for a configuration file when none is named, in order.
func SearchPaths() []string {
	paths := []string{"quotetone.yaml"}
	xdg := os.Getenv("XDG_CONFIG_HOME")
	if xdg == "" {
		if home, err := os.UserHomeDir(); err == nil {
			xdg = filepath.Join(home, ".config")
		}
	}
	if xdg != "" {
		paths = append(paths, filepath.Join(xdg, "quotetone", "quotetone.yaml"))
	}
	return append(paths, "/etc/quotetone/quotetone.yaml")
}

// Load reads the configuration into v: the embedded defaults, then file (or the first file found
// on SearchPaths when file is empty), then QUOTETONE_* environment variables. It validates the
// result; errors about content wrap ErrInvalid and name the file, line and key.
func Load(v *viper.Viper, file string) (*Config, error) {
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(Default())); err != nil {
		return nil, fmt.Errorf("embedded defaults: %w", err)
	}
	if file == "" {
		for _, p := range SearchPaths() {
			if _, err := os.Stat(p); err == nil {
				file = p
				break
			}
		}
	}
	cfg := &Config{}
	var data []byte
	if file != "" {
		var err error
		data, err = os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("read config: %w", err)
		}
		if err := checkKeys(file, data); err != nil {
			return nil, err
		}
		if err := v.MergeConfig(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("%s: %w: %v", file, ErrInvalid, err)
		}
		if setsKey(data, "tone", "dimensions") && !setsKey(data, "tone", "expectations") {
			v.Set("tone.expectations", []any{})
			cfg.DefaultExpectationsDropped = true
		}
		cfg.File = file
		if abs, err := filepath.Abs(file); err == nil {
			cfg.Dir = filepath.Dir(abs)
		}
	} else if wd, err := os.Getwd(); err == nil {
		cfg.Dir = wd
	}
	if err := checkEnv(v); err != nil {
		return nil, err
	}
	v.SetEnvPrefix("QUOTETONE")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if err := v.Unmarshal(cfg); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", displayName(file), ErrInvalid, err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, locate(file, data, err)
	}
	return cfg, nil
}

// envName is the environment variable that overrides key ("run.workers" -> QUOTETONE_RUN_WORKERS).
func envName(key string) string {
	return "QUOTETONE_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// checkEnv reports the QUOTETONE_* variables whose value does not fit their key: a number or a
// true/false where the defaults hold one. Decoding would fail on them too, but without naming
// the variable. v holds the defaults and the file, not yet the environment.
func checkEnv(v *viper.Viper) error {
	var errs []error
	for _, key := range v.AllKeys() {
		name := envName(key)
		val, ok := os.LookupEnv(name)
		if !ok {
			continue
		}
		var want string
		switch v.Get(key).(type) {
		case int, float64: // a default written "1" may be a float's
			if _, err := strconv.ParseFloat(val, 64); err != nil {
				want = "a number"
			}
		case bool:
			if _, err := strconv.ParseBool(val); err != nil {
				want = "true or false"
			}
		}
		if want != "" {
			errs = append(errs, fmt.Errorf("%s=%q: %s wants %s: %w", name, val, key, want, ErrInvalid))
		}
	}
	return errors.Join(errs...)
}

// locate prefixes each of Validate's errors ("key.path: message") with the file and, when the
// file sets that key and no QUOTETONE_* variable overrides it, its line.
func locate(file string, data []byte, err error) error {
	var root *yaml.Node
	var doc yaml.Node
	if file != "" && yaml.Unmarshal(data, &doc) == nil && len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	var errs []error
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		where := displayName(file)
		if key, _, ok := strings.Cut(err.Error(), ": "); ok && root != nil {
			_, env := os.LookupEnv(envName(key))
			if line := keyLine(root, key); line > 0 && !env {
				where = fmt.Sprintf("%s:%d", file, line)
			}
		}
		errs = append(errs, fmt.Errorf("%s: %w", where, err))
	}
	walk(err)
	return errors.Join(errs...)
}

func displayName(file string) string {
	if file == "" {
		return "configuration"
	}
	return file
}

// Validate checks values that decoding cannot; its errors name the key.
func (c *Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %w", key, fmt.Sprintf(format, args...), ErrInvalid))
	}
	for i, ext := range c.Input.Extensions {
		if !strings.HasPrefix(ext, ".") {
			bad(fmt.Sprintf("input.extensions[%d]", i), "%q must start with a dot, like \".txt\"", ext)
		}
	}
	for i, pat := range c.Input.Exclude {
		if _, err := filepath.Match(pat, ""); err != nil {
			bad(fmt.Sprintf("input.exclude[%d]", i), "%q is not a valid pattern: %v", pat, err)
		}
	}
	if c.Input.MaxRecordBytes < 0 {
		bad("input.max_record_bytes", "%d is negative", c.Input.MaxRecordBytes)
	}
	for i, verb := range c.Quotes.CueVerbs {
		if strings.TrimSpace(verb) == "" {
			bad(fmt.Sprintf("quotes.cue_verbs[%d]", i), "empty cue verb")
		}
	}
	if c.Quotes.TermMaxWords < 0 {
		bad("quotes.term_max_words", "%d is negative", c.Quotes.TermMaxWords)
	}
	for i, a := range c.Quotes.Aliases {
		if strings.TrimSpace(a.Name) == "" {
			bad(fmt.Sprintf("quotes.aliases[%d].name", i), "empty name")
		}
		for j, s := range a.Aliases {
			if strings.TrimSpace(s) == "" {
				bad(fmt.Sprintf("quotes.aliases[%d].aliases[%d]", i, j), "empty alias")
			}
		}
	}
	for i, f := range c.Report.Formats {
		switch f {
		case "csv", "xlsx", "html":
		default:
			bad(fmt.Sprintf("report.formats[%d]", i), "unknown format %q (want csv, xlsx or html)", f)
		}
	}
	if d := c.Report.Delimiter; d != "," && d != ";" && d != "\t" {
		bad("report.delimiter", "%q is not one of \",\", \";\" or a tab", d)
	}
	if c.Report.DecimalComma && c.Report.Delimiter == "," {
		bad("report.decimal_comma", "decimal commas need report.delimiter \";\" or a tab")
	}
	switch c.Report.Period {
	case "", "day", "week", "month":
	default:
		bad("report.period", "%q is not one of day, week or month", c.Report.Period)
	}
	if c.Run.Workers < 0 {
		bad("run.workers", "%d is negative", c.Run.Workers)
	}
	if c.Run.MaxErrors < 0 {
		bad("run.max_errors", "%d is negative", c.Run.MaxErrors)
	}
	if err := c.Tone.Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
