// Package corpus reads news articles from files, folders, globs and stdin into Documents, and
// turns HTML pages into their main text.
//
// Walk streams the inputs in a deterministic order and never stops on bad input: each problem is a
// Failure whose Reason says what to fix, and every good document is still emitted.
//
// Formats, chosen by extension in any case, each optionally gzipped (".gz", or gzip magic bytes):
//
//	.txt .md        the whole file is one document
//	.html .htm      the whole file is one document, kept raw in Document.HTML for ExtractHTML
//	.jsonl .ndjson  one JSON object a line: {"id","text","title"?,"date"?,"source"?,"url"?,"html"?};
//	                other fields are ignored; "html" is used only when "text" is empty
//	.csv            RFC 4180, a header naming at least text (and id,title,date,source,url,html)
//	.tsv            tab-separated, one record a line, no quoting; the same header
//
// Bad input, and what happens to it:
//
//	invalid UTF-8              repaired (each bad byte read as Windows-1252), Document note
//	UTF-8 BOM, CRLF, lone CR   removed / turned into LF, Document note; offsets refer to the result
//	UTF-16 with a BOM          decoded (record files too, as they stream), Document note
//	sparse NUL bytes           removed, Document note
//	HTML page saved as .txt    read as HTML (it starts with <!DOCTYPE html or <html), Document note
//	binary file                Failure (NUL bytes and >10% control or invalid bytes in the first 8 KB)
//	empty or blank file        Failure
//	10 MB JSONL line           read (up to Options.MaxRecordBytes, 64 MiB by default; longer: Failure)
//	malformed JSONL line       Failure at file:line; the next lines are read
//	record without text        Failure at file:line
//	CSV row missing fields     Failure at file:line (so are quoting errors and rows with empty text)
//	CSV without a text column  Failure at file:1
//	truncated .gz              records before the cut are emitted; the cut is a Failure
//	symlink loop               Failure naming the link (a broken link too)
//	unreadable file or folder  Failure "permission denied"
//	missing input, empty glob  Failure
//	unknown extension          skipped inside folders (Options.Skipped hears of it); read as text
//	                           when named explicitly
package corpus
