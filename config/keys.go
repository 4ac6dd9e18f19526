package config

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// checkKeys reports the first keys in a YAML file that Config does not know, with file:line and
// the key path, so that a typo stops the run instead of silently falling back to a default.
func checkKeys(file string, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %w: %v", file, ErrInvalid, err)
	}
	if len(doc.Content) == 0 {
		return nil // an empty file keeps every default
	}
	var problems []string
	walkKeys(doc.Content[0], reflect.TypeOf(Config{}), "", func(line int, msg string) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s", file, line, msg))
	})
	if len(problems) > 0 {
		return fmt.Errorf("%s: %w", strings.Join(problems, "\n"), ErrInvalid)
	}
	return nil
}

func walkKeys(n *yaml.Node, t reflect.Type, path string, report func(line int, msg string)) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return
			}
			report(n.Line, fmt.Sprintf("%s: want a mapping of keys, found %s", nonEmpty(path), kindName(n)))
			return
		}
		fields := structFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Value == "<<" { // YAML merge key
				walkKeys(val, t, path, report)
				continue
			}
			ft, ok := fields[k.Value]
			key := join(path, k.Value)
			if !ok {
				report(k.Line, fmt.Sprintf("unknown key %s (known here: %s)", key, known(fields)))
				continue
			}
			walkKeys(val, ft, key, report)
		}
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return
			}
			report(n.Line, fmt.Sprintf("%s: want a list, found %s", nonEmpty(path), kindName(n)))
			return
		}
		for i, item := range n.Content {
			walkKeys(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i), report)
		}
	case reflect.Map, reflect.Interface:
		// free-form: any keys
	default:
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			report(n.Line, fmt.Sprintf("%s: want a single value, found %s", nonEmpty(path), kindName(n)))
			return
		}
		if n.Kind == yaml.ScalarNode && !scalarFits(n, t.Kind()) {
			report(n.Line, fmt.Sprintf("%s: %q is not %s", nonEmpty(path), n.Value, kindWant[t.Kind()]))
		}
	}
}

var kindWant = map[reflect.Kind]string{reflect.Int: "a whole number", reflect.Float64: "a number", reflect.Bool: "true or false"}

// scalarFits reports whether a scalar decodes into a field of kind k as written: decoding fails
// on "many" without saying where, and silently truncates 2.5 to 2 and reads true as 1.
func scalarFits(n *yaml.Node, k reflect.Kind) bool {
	var v any
	if n.Tag == "!!null" || n.Decode(&v) != nil {
		return true // leave it to decoding
	}
	str, isStr := v.(string)
	if isStr && str == "" {
		return true // decodes as the zero value
	}
	var err error
	switch k {
	case reflect.Int:
		switch v := v.(type) {
		case float64:
			return v == math.Trunc(v)
		case bool:
			return false
		case string:
			_, err = strconv.ParseInt(v, 0, 64)
		}
	case reflect.Float64:
		if isStr {
			_, err = strconv.ParseFloat(str, 64)
		}
	case reflect.Bool:
		if isStr {
			_, err = strconv.ParseBool(str)
		}
	}
	return err == nil
}

// structFields maps mapstructure key names to field types, including squashed embedded structs.
func structFields(t reflect.Type) map[string]reflect.Type {
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("mapstructure")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if strings.Contains(opts, "squash") {
			for k, v := range structFields(f.Type) {
				fields[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
	}
	return fields
}

func known(fields map[string]reflect.Type) string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func nonEmpty(path string) string {
	if path == "" {
		return "(top level)"
	}
	return path
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	default:
		return fmt.Sprintf("%q", n.Value)
	}
}

// setsKey reports whether the YAML document data gives a value to the key path, such as
// "tone", "dimensions". Load calls it after checkKeys, so data parses.
func setsKey(data []byte, path ...string) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return false
	}
	n := doc.Content[0]
	for _, key := range path {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if n = mapValue(n, key); n == nil {
			return false
		}
	}
	return !(n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// mapValue returns the value of key in the mapping n (the last, if the key repeats), or nil,
// also when n is not a mapping.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	var v *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			v = n.Content[i+1]
		}
	}
	return v
}
