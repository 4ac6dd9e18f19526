package corpus

import "strconv"

// A Document is one article as read, before quotes are extracted.
type Document struct {
	ID     string // stable: the record's id, or derived from the file path (and line)
	Title  string
	Date   string // as given (ISO 8601 preferred); may be empty
	Source string // outlet or origin; may be empty
	URL    string
	Path   string // the file it came from ("-" for stdin)
	Line   int    // 1-based record line for JSONL/CSV, 0 for whole files
	Text   string // the text that quote offsets refer to
	// HTML holds raw markup still to be converted to Text (JSONL "html" field or an .html file);
	// the pipeline calls ExtractHTML in a worker so that costly extraction runs in parallel.
	HTML string
	// Notes are non-fatal repairs made while reading (for example "invalid UTF-8 repaired").
	Notes []string
}

// A Failure is a document, or part of an input, that could not be read.
type Failure struct {
	Path   string // file path
	Line   int    // 1-based line for record formats, 0 otherwise
	DocID  string // id when known
	Reason string // lower-case, says what to fix
}

// Position returns where the failure is, as "path:line", or "path" when Line is 0.
func (f Failure) Position() string {
	if f.Line > 0 {
		return f.Path + ":" + strconv.Itoa(f.Line)
	}
	return f.Path
}

// String returns "path:line: reason" (or "path: reason").
func (f Failure) String() string {
	return f.Position() + ": " + f.Reason
}
