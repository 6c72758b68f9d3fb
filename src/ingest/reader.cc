#include "ingest/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "common/json_writer.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "dyad/date.h"
#include "ingest/boilerplate.h"
#include "ingest/jsonl_line.h"

namespace dyad {
namespace {

std::string_view Basename(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// "dir/2021-08-10.news.jsonl" -> "2021-08-10.news"; "-" -> "stdin".
std::string Stem(std::string_view path) {
  if (path == "-") return "stdin";
  std::string_view base = Basename(path);
  size_t dot = base.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

// First non-blank line, trimmed; "" when it is not headline-shaped (a sentence with a final
// period, or too long), so a file that starts straight with its body loses no text to the title.
std::string FirstLineTitle(std::string_view text) {
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = Trim(text.substr(start, end - start));
    if (!line.empty()) return ingest::LooksLikeHeadline(line) ? std::string(line) : std::string();
    start = end + 1;
  }
  return "";
}

}  // namespace

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "jsonl" || name == "json" || name == "ndjson") return InputFormat::kJsonl;
  if (name == "txt" || name == "text") return InputFormat::kTxt;
  return std::nullopt;
}

Result<InputFormat> ResolveInputFormat(std::string_view path, InputFormat requested) {
  if (requested != InputFormat::kAuto) return requested;
  if (path == "-") return InputFormat::kJsonl;
  std::string lower = AsciiLower(Basename(path));
  for (const char* ext : {".jsonl", ".json", ".ndjson"}) {
    if (EndsWith(lower, ext)) return InputFormat::kJsonl;
  }
  if (EndsWith(lower, ".txt")) return InputFormat::kTxt;
  return Status::InvalidArgument("cannot tell the format of '" + std::string(path) +
                                 "' from its extension; use --format jsonl or --format txt");
}

std::string FormatInputError(const InputError& error) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Field("error", error.reason).Field("file", error.file).Field("line", error.line);
  if (error.offset >= 0) w.Field("offset", error.offset);
  if (!error.article_id.empty()) w.Field("id", error.article_id);
  if (error.warning) w.Key("warning").Bool(true);
  w.EndObject();
  return out;
}

Result<std::unique_ptr<ArticleReader>> ArticleReader::Open(std::string path, ReaderOptions options) {
  Result<InputFormat> format = ResolveInputFormat(path, options.format);
  if (!format.ok()) return format.status();
  if (!options.date.empty()) {
    std::optional<Date> date = Date::Parse(options.date);
    if (!date) return Status::InvalidArgument("invalid date '" + options.date + "', want YYYY-MM-DD");
    options.date = date->ToString();
  }
  if (options.max_line_bytes == 0) options.max_line_bytes = 1;
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    int err = errno;
    std::string message = "cannot open '" + path + "': " + std::strerror(err);
    return err == ENOENT ? Status::NotFound(message) : Status::IoError(message);
  }
  return std::unique_ptr<ArticleReader>(new ArticleReader(std::move(path), file, *format, std::move(options)));
}

ArticleReader::ArticleReader(std::string path, std::FILE* file, InputFormat format, ReaderOptions options)
    : display_name_(path == "-" ? "<stdin>" : path),
      stem_(Stem(path)),
      file_(file),
      owns_file_(file != stdin),
      format_(format),
      options_(std::move(options)),
      lines_(file, options_.max_line_bytes) {}

ArticleReader::~ArticleReader() {
  if (owns_file_) std::fclose(file_);
}

InputError ArticleReader::ErrorAt(int64_t line, int64_t offset, std::string reason) const {
  InputError e;
  e.file = display_name_;
  e.line = line;
  e.offset = offset;
  e.reason = std::move(reason);
  return e;
}

bool ArticleReader::Next(ReadItem* item) {
  item->article.reset();
  item->errors.clear();
  return format_ == InputFormat::kTxt ? NextTxt(item) : NextJsonl(item);
}

bool ArticleReader::NextJsonl(ReadItem* item) {
  ingest::RawLine line;
  while (lines_.Next(&line)) {
    if (line.truncated) {
      item->errors.push_back(ErrorAt(line.number, line.offset,
                                     "line is " + std::to_string(line.length) + " bytes, over the limit of " +
                                         std::to_string(options_.max_line_bytes)));
      return true;
    }
    if (Trim(line.text).empty()) continue;
    ingest::JsonlContext context{display_name_, stem_, line.number, line.offset, options_.max_text_bytes};
    ingest::ParseJsonlLine(line.text, context, item);
    return true;
  }
  if (lines_.failed()) status_ = Status::IoError("read error in '" + display_name_ + "'");
  return false;
}

// Reads at most max_text_bytes + 1 bytes, so an oversized file is detected, not slurped.
bool ArticleReader::NextTxt(ReadItem* item) {
  if (txt_done_) return false;
  txt_done_ = true;
  Article article;
  article.id = stem_;
  article.date = options_.date;
  size_t limit = options_.max_text_bytes + 1;
  char chunk[64 * 1024];
  while (article.text.size() < limit) {
    size_t want = std::min(sizeof chunk, limit - article.text.size());
    size_t got = std::fread(chunk, 1, want, file_);
    if (got == 0) break;
    article.text.append(chunk, got);
  }
  if (std::ferror(file_)) {
    status_ = Status::IoError("read error in '" + display_name_ + "'");
    return false;
  }
  std::string reason;
  int64_t offset = -1;
  size_t bad = utf8::FirstInvalid(article.text);
  if (article.text.size() > options_.max_text_bytes) {
    reason = "text is over the limit of " + std::to_string(options_.max_text_bytes) + " bytes";
  } else if (bad != article.text.size()) {
    reason = "invalid UTF-8";
    offset = static_cast<int64_t>(bad);
  } else if (Trim(article.text).empty()) {
    reason = "empty text";
  }
  if (!reason.empty()) {
    item->errors.push_back(ErrorAt(0, offset, std::move(reason)));
    item->errors.back().article_id = article.id;
    return true;
  }
  article.title = FirstLineTitle(article.text);
  item->article = std::move(article);
  return true;
}

}  // namespace dyad
