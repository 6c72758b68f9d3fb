#include "ingest/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "common/json_writer.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "dyad/date.h"
#include "ingest/boilerplate.h"
#include "ingest/jsonl_line.h"
#include "ingest/page_reader.h"
#include "ingest/warc.h"

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
  std::string lower = AsciiLower(base);
  for (const char* ext : {".jsonl.gz", ".json.gz", ".ndjson.gz"}) {
    if (EndsWith(lower, ext)) {
      base.remove_suffix(3);  // news.jsonl.gz -> news (other names keep theirs: crawl.warc.gz)
      break;
    }
  }
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
  if (name == "dir" || name == "txt-dir") return InputFormat::kTxtDir;
  if (name == "html" || name == "htm") return InputFormat::kHtml;
  if (name == "rss" || name == "atom" || name == "feed") return InputFormat::kRss;
  if (name == "warc" || name == "warc.gz") return InputFormat::kWarc;
  return std::nullopt;
}

Result<InputFormat> ResolveInputFormat(std::string_view path, InputFormat requested) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(std::filesystem::path(path), ec)) return InputFormat::kTxtDir;
  if (requested == InputFormat::kTxtDir) {
    return Status::InvalidArgument("'" + std::string(path) + "' is not a directory");
  }
  if (requested != InputFormat::kAuto) return requested;
  if (path == "-") return InputFormat::kJsonl;
  std::string lower = AsciiLower(Basename(path));
  for (const char* ext : {".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz"}) {
    if (EndsWith(lower, ext)) return InputFormat::kJsonl;
  }
  if (EndsWith(lower, ".txt")) return InputFormat::kTxt;
  for (const char* ext : {".html", ".htm", ".xhtml"}) {
    if (EndsWith(lower, ext)) return InputFormat::kHtml;
  }
  for (const char* ext : {".rss", ".atom", ".xml"}) {
    if (EndsWith(lower, ext)) return InputFormat::kRss;
  }
  if (EndsWith(lower, ".warc") || EndsWith(lower, ".warc.gz")) return InputFormat::kWarc;
  return Status::InvalidArgument("cannot tell the format of '" + std::string(path) +
                                 "' from its extension; use --input-format jsonl, txt, html, rss or warc");
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
  if (*format == InputFormat::kTxtDir) {
    return std::unique_ptr<ArticleReader>(new ArticleReader(std::move(path), nullptr, *format, std::move(options)));
  }
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
      owns_file_(file != nullptr && file != stdin),
      format_(format),
      options_(std::move(options)),
      lines_(file, options_.max_line_bytes) {
  if (format_ == InputFormat::kTxtDir) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      std::string name = entry.path().filename().string();
      if (EndsWith(AsciiLower(name), ".txt") && !entry.is_directory(ec)) dir_files_.push_back(entry.path().string());
    }
    std::sort(dir_files_.begin(), dir_files_.end());
  }
  if (format_ == InputFormat::kWarc) {
    ingest::SourceContext context{display_name_, stem_, options_.max_text_bytes, options_.date};
    ingest::WarcOptions warc;
    warc.max_record_bytes = options_.max_page_bytes;
    warc_ = std::make_unique<ingest::WarcReader>(std::make_unique<ingest::FileSource>(file_), std::move(context), warc);
  }
}

ArticleReader::~ArticleReader() {
  warc_.reset();  // it reads file_
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
  switch (format_) {
    case InputFormat::kTxt: return NextTxt(item);
    case InputFormat::kTxtDir: return NextDir(item);
    case InputFormat::kHtml:
    case InputFormat::kRss: return NextPage(item);
    case InputFormat::kWarc: return NextWarc(item);
    case InputFormat::kAuto:
    case InputFormat::kJsonl: break;
  }
  return NextJsonl(item);
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
  if (lines_.corrupt() &&
      !corrupt_reported_) {  // the lines before it were read; say where it broke
    corrupt_reported_ = true;
    item->errors.push_back(ErrorAt(0, lines_.compressed_offset(), lines_.corrupt_reason()));
    return true;
  }
  if (lines_.failed()) status_ = Status::IoError("read error in '" + display_name_ + "'");
  return false;
}

bool ArticleReader::NextTxt(ReadItem* item) {
  if (txt_done_) return false;
  txt_done_ = true;
  if (!ReadTxtFile(file_, display_name_, stem_, item)) {
    status_ = Status::IoError("read error in '" + display_name_ + "'");
    return false;
  }
  return true;
}

bool ArticleReader::NextDir(ReadItem* item) {
  if (dir_next_ >= dir_files_.size()) return false;
  const std::string& path = dir_files_[dir_next_++];
  std::FILE* file = std::fopen(path.c_str(), "rb");
  bool ok = file != nullptr && ReadTxtFile(file, path, Stem(path), item);
  if (file != nullptr) std::fclose(file);
  if (!ok) {
    item->article.reset();
    item->errors.clear();
    InputError e = ErrorAt(0, -1, "cannot read the file");
    e.file = path;
    item->errors.push_back(std::move(e));
  }
  return true;
}

namespace {

// Reads all of `file`, at most `limit` + 1 bytes. False on a read error.
bool Slurp(std::FILE* file, size_t limit, std::string* out) {
  char chunk[64 * 1024];
  while (out->size() <= limit) {
    size_t want = std::min(sizeof chunk, limit + 1 - out->size());
    size_t got = std::fread(chunk, 1, want, file);
    if (got == 0) break;
    out->append(chunk, got);
  }
  return !std::ferror(file);
}

}  // namespace

bool ArticleReader::NextPage(ReadItem* item) {
  if (!txt_done_) {
    txt_done_ = true;
    std::string bytes;
    if (!Slurp(file_, options_.max_page_bytes, &bytes)) {
      status_ = Status::IoError("read error in '" + display_name_ + "'");
      return false;
    }
    if (bytes.size() > options_.max_page_bytes) {
      item->errors.push_back(ErrorAt(0, -1, "file is over the limit of " + std::to_string(options_.max_page_bytes) + " bytes"));
      return true;
    }
    ingest::SourceContext context{display_name_, stem_, options_.max_text_bytes, options_.date};
    if (format_ == InputFormat::kHtml) {
      *item = ingest::ReadHtmlPage(bytes, context, stem_);
      return true;
    }
    pending_ = ingest::ReadFeed(bytes, context);
  }
  if (pending_next_ >= pending_.size()) return false;
  *item = std::move(pending_[pending_next_++]);
  return true;
}

bool ArticleReader::NextWarc(ReadItem* item) {
  if (warc_->Next(item)) return true;
  if (warc_->io_failed()) status_ = Status::IoError("read error in '" + display_name_ + "'");
  return false;
}

// Reads at most max_text_bytes + 1 bytes, so an oversized file is detected, not slurped.
bool ArticleReader::ReadTxtFile(std::FILE* file, const std::string& display_name, const std::string& stem,
                                ReadItem* item) {
  Article article;
  article.id = stem;
  article.date = options_.date;
  if (!Slurp(file, options_.max_text_bytes, &article.text)) return false;
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
    item->errors.back().file = display_name;
    item->errors.back().article_id = article.id;
    return true;
  }
  article.title = FirstLineTitle(article.text);
  item->article = std::move(article);
  return true;
}

}  // namespace dyad
