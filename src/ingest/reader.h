// Streaming article reader: a file (or stdin) in, one Article or error record at a time out.
//
// Formats:
//   jsonl  one JSON object per line: {"id", "date", "title", "text", "publisher"|"source", "url"};
//          gzip-compressed (.jsonl.gz, or any JSONL stream starting with the gzip magic bytes) is
//          inflated as it is read; corrupt or truncated compressed data ends the file with an error
//          record carrying the compressed byte offset, after every line read before it.
//   txt    the whole file is one article (byte spans index the file); id = file name without
//          extension; title = the first non-blank line when it is headline-shaped (2-25 words, no
//          final period), else none; date = ReaderOptions::date.
//   dir    a directory: each of its *.txt files (not recursive, in name order) read as txt; a file
//          that cannot be read is an error record, and the next file is read.
//   html   one web page -> one article by main-text extraction (html_extract.h); the page's date,
//          else ReaderOptions::date.
//   rss    an RSS 2.0, RSS 1.0 or Atom feed -> one article per item/entry (page_reader.h).
//   warc   a WARC or WARC.gz file (gzip detected by magic bytes) -> one article per HTML
//          response record (warc.h); errors carry the byte offset of the damaged record.
// Memory is bounded: JSONL is read line by line and a line over `max_line_bytes` is skipped
// without being buffered. Bad input is data, not a failure: each bad line becomes an InputError
// and reading goes on. Only an input that cannot be opened or read is a Status error.
//
// Example: a file `news.jsonl` holding
//   {"id": 7, "date": "2021-08-10T09:30:00Z", "text": "KABUL (AP) — ..."}
//   {"text": 3}
// yields Article{id "7", date "2021-08-10", ...}, then an InputError
// {"error":"field 'text' must be a string","file":"news.jsonl","line":2,"offset":72,"id":"news:2"}
// (the missing id is generated as "<file stem>:<line>").
#ifndef DYAD_INGEST_READER_H_
#define DYAD_INGEST_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "ingest/line_reader.h"

namespace dyad {

namespace ingest {
class WarcReader;
}  // namespace ingest

enum class InputFormat { kAuto, kJsonl, kTxt, kTxtDir, kHtml, kRss, kWarc };

// "auto", "jsonl" (also "json", "ndjson"), "txt", "dir", "html" (also "htm"), "rss" (also "atom",
// "feed") or "warc"; nullopt for anything else (e.g. a bad --format).
std::optional<InputFormat> ParseInputFormat(std::string_view name);

// The format to read `path` with: a directory is always kTxtDir; else `requested` unless kAuto;
// else by extension (.jsonl/.json/.ndjson, also with .gz -> jsonl, .txt -> txt, .html/.htm/.xhtml
// -> html, .rss/.atom/.xml -> rss, .warc/.warc.gz -> warc, "-" -> jsonl). InvalidArgument for an
// unknown extension.
Result<InputFormat> ResolveInputFormat(std::string_view path, InputFormat requested);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  size_t max_text_bytes = 1 << 20;  // longer article text -> error record
  size_t max_line_bytes = 8 << 20;  // longer JSONL line -> error record, never buffered whole
  std::string date;                 // txt, and pages/feeds without a date: the CLI's --date, or ""
  size_t max_page_bytes = 16 << 20;  // an HTML or feed file, or a WARC record: larger -> error record
};

// One bad input record. `warning` marks a problem that did not stop the article being read
// (e.g. an invalid date: the article is coded without a date).
struct InputError {
  std::string file;
  int64_t line = 0;     // 1-based; 0 when not applicable (txt)
  int64_t offset = -1;  // byte offset in the file, when known
  std::string reason;
  std::string article_id;  // when known
  bool warning = false;
};

// One JSON object, no trailing newline:
// {"error":reason,"file":...,"line":N[,"offset":N][,"id":...][,"warning":true]}.
std::string FormatInputError(const InputError& error);

// What one Next() call produced: an article, error records, or an article with warnings.
struct ReadItem {
  std::optional<Article> article;
  std::vector<InputError> errors;
};

class ArticleReader {
 public:
  // Opens `path` ("-" = stdin). NotFound/IoError when it cannot be opened, InvalidArgument for an
  // unknown format or an invalid `options.date`.
  static Result<std::unique_ptr<ArticleReader>> Open(std::string path, ReaderOptions options);
  ~ArticleReader();
  ArticleReader(const ArticleReader&) = delete;
  ArticleReader& operator=(const ArticleReader&) = delete;

  // Reads the next item into *item (cleared first). Returns false at the end of the input.
  // Blank JSONL lines are skipped silently.
  bool Next(ReadItem* item);
  // Ok, or IoError if reading stopped early on a read failure.
  const Status& status() const { return status_; }
  InputFormat format() const { return format_; }
  // The file name used in error records ("<stdin>" for "-").
  const std::string& display_name() const { return display_name_; }
  // Bytes of the input read so far (for progress), or -1 when the stream cannot tell (a pipe).
  int64_t position() const { return file_ == nullptr ? -1 : static_cast<int64_t>(std::ftell(file_)); }

 private:
  ArticleReader(std::string path, std::FILE* file, InputFormat format, ReaderOptions options);
  bool NextJsonl(ReadItem* item);
  bool NextTxt(ReadItem* item);
  bool NextDir(ReadItem* item);
  bool NextPage(ReadItem* item);  // html and rss: the whole file at once
  bool NextWarc(ReadItem* item);
  // Reads `file` as one txt article named `display_name` with id `stem` into *item.
  bool ReadTxtFile(std::FILE* file, const std::string& display_name, const std::string& stem, ReadItem* item);
  InputError ErrorAt(int64_t line, int64_t offset, std::string reason) const;

  std::string display_name_;
  std::string stem_;  // basename without extension: txt ids and generated JSONL ids
  std::FILE* file_;
  bool owns_file_;
  InputFormat format_;
  ReaderOptions options_;
  ingest::LineReader lines_;
  bool txt_done_ = false;  // txt, html, rss: the file has been read
  bool corrupt_reported_ = false;  // jsonl: the error record for corrupt gzip input was returned
  std::vector<std::string> dir_files_;  // dir: the *.txt paths, sorted
  size_t dir_next_ = 0;
  std::vector<ReadItem> pending_;  // rss: items parsed and not yet returned
  size_t pending_next_ = 0;
  std::unique_ptr<ingest::WarcReader> warc_;
  Status status_;
};

}  // namespace dyad

#endif  // DYAD_INGEST_READER_H_
