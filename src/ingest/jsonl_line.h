// One JSONL line -> an Article (possibly with warnings) or error records. Used by ArticleReader;
// separate so the field rules can be tested and fuzzed without files.
#ifndef DYAD_INGEST_JSONL_LINE_H_
#define DYAD_INGEST_JSONL_LINE_H_

#include <cstdint>
#include <string_view>

#include "ingest/reader.h"

namespace dyad::ingest {

struct JsonlContext {
  std::string_view file;  // name for error records
  std::string_view stem;  // file basename without extension, for generated ids
  int64_t line = 0;       // 1-based
  int64_t offset = 0;     // byte offset of the line in the file
  size_t max_text_bytes = 1 << 20;
};

// Appends the result of parsing `line` (non-blank, without its newline) to *item.
// Field rules:
//   text       required non-blank string of at most max_text_bytes, else error (no article).
//   id         string or number; a number becomes its decimal text. Missing, null or blank:
//              generated as "<stem>:<line>" (deterministic across runs). Other types: error.
//   date       "YYYY-MM-DD" or an ISO timestamp (date part kept). Invalid: warning, article kept
//              with an empty date, so it is still coded against no publication date.
//   title, url, publisher (else "source", a string or an object with a string "name"):
//              optional; null = absent; a wrong type is a warning and the field is left empty.
// Invalid UTF-8 is checked before parsing and reported with its absolute byte offset.
void ParseJsonlLine(std::string_view line, const JsonlContext& context, ReadItem* item);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_JSONL_LINE_H_
