#include "ingest/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "common/strings.h"
#include "ingest/page_date.h"

namespace dyad::ingest {

size_t FileSource::Read(char* buf, size_t n) { return std::fread(buf, 1, n, file_); }
bool FileSource::failed() const { return std::ferror(file_) != 0; }

size_t MemorySource::Read(char* buf, size_t n) {
  n = std::min(n, bytes_.size() - pos_);
  std::memcpy(buf, bytes_.data() + pos_, n);
  pos_ += n;
  return n;
}

// Turns the raw source into decompressed bytes, member by member for gzip input, and tells the
// WARC parser where damage broke the stream.
class GzipOrPlainDecoder {
 public:
  enum class Event { kData, kBreak, kEnd };

  explicit GzipOrPlainDecoder(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {
    std::memset(&z_, 0, sizeof z_);
  }
  ~GzipOrPlainDecoder() {
    if (z_ready_) inflateEnd(&z_);
  }

  // Appends decompressed bytes to *out (at most about 64 KiB per call). kBreak: the bytes of the
  // current gzip member were damaged; *error and *error_offset (compressed) say why and where.
  Event Pull(std::string* out, int64_t* error_offset, std::string* error) {
    if (mode_ == Mode::kUnknown) Detect();
    if (mode_ == Mode::kPlain) return PullPlain(out);
    return PullGzip(out, error_offset, error);
  }

  // The offset to report for decompressed offset `d`: the same for plain input; for gzip, the
  // compressed offset of the member that produced it.
  int64_t SourceOffset(int64_t d) const {
    if (mode_ != Mode::kGzip) return d;
    auto it = std::upper_bound(members_.begin(), members_.end(), std::make_pair(d, INT64_MAX));
    return it == members_.begin() ? 0 : std::prev(it)->second;
  }

  // Offsets below `d` will not be asked for again.
  void Forget(int64_t d) {
    while (members_.size() > 1 && members_[1].first <= d) members_.pop_front();
  }

  bool failed() const { return source_->failed(); }

 private:
  enum class Mode { kUnknown, kPlain, kGzip };
  enum class State { kBetween, kInMember, kResync };
  static constexpr size_t kChunk = 64 * 1024;
  static constexpr size_t kMaxRetained = 64 << 20;  // compressed bytes kept for a resync

  bool Refill() {
    if (eof_) return false;
    size_t keep_from = cin_pos_;
    if (state_ == State::kInMember && member_idx_ != std::string::npos) keep_from = std::min(keep_from, member_idx_);
    if (keep_from > 0) {
      cin_.erase(0, keep_from);
      cin_base_ += static_cast<int64_t>(keep_from);
      cin_pos_ -= keep_from;
      if (member_idx_ != std::string::npos) member_idx_ = member_idx_ >= keep_from ? member_idx_ - keep_from : std::string::npos;
    }
    if (member_idx_ != std::string::npos && cin_pos_ - member_idx_ > kMaxRetained) member_idx_ = std::string::npos;
    size_t old = cin_.size();
    cin_.resize(old + kChunk);
    size_t got = source_->Read(cin_.data() + old, kChunk);
    cin_.resize(old + got);
    if (got == 0) eof_ = true;
    return got > 0;
  }

  void Detect() {
    while (cin_.size() < 2 && Refill()) {
    }
    mode_ = cin_.size() >= 2 && static_cast<unsigned char>(cin_[0]) == 0x1f && static_cast<unsigned char>(cin_[1]) == 0x8b
                ? Mode::kGzip
                : Mode::kPlain;
  }

  Event PullPlain(std::string* out) {
    if (cin_pos_ >= cin_.size() && !Refill()) return Event::kEnd;
    out->append(cin_, cin_pos_, std::string::npos);
    cin_pos_ = cin_.size();
    return Event::kData;
  }

  bool AtMagic(size_t i) const {
    return i + 3 <= cin_.size() && static_cast<unsigned char>(cin_[i]) == 0x1f &&
           static_cast<unsigned char>(cin_[i + 1]) == 0x8b && cin_[i + 2] == 8;
  }

  Event Break(int64_t* error_offset, std::string* error, int64_t offset, std::string reason, size_t resync_from) {
    *error_offset = offset;
    *error = std::move(reason);
    cin_pos_ = std::min(resync_from, cin_.size());
    member_idx_ = std::string::npos;
    state_ = State::kResync;
    return Event::kBreak;
  }

  Event PullGzip(std::string* out, int64_t* error_offset, std::string* error) {
    while (true) {
      if (state_ == State::kResync) {
        size_t i = cin_pos_;
        while (i < cin_.size() && !AtMagic(i)) ++i;
        if (i < cin_.size() && i + 3 <= cin_.size()) {
          cin_pos_ = i;
          state_ = State::kBetween;
          continue;
        }
        cin_pos_ = cin_.size() >= 2 ? std::max(cin_pos_, cin_.size() - 2) : cin_pos_;
        if (!Refill()) return Event::kEnd;
        continue;
      }
      if (state_ == State::kBetween) {
        while (cin_pos_ < cin_.size() && cin_[cin_pos_] == '\0') ++cin_pos_;  // padding
        if (cin_.size() - cin_pos_ < 3) {
          if (Refill()) continue;
          if (cin_pos_ >= cin_.size()) return Event::kEnd;
        }
        if (!AtMagic(cin_pos_)) {
          return Break(error_offset, error, cin_base_ + static_cast<int64_t>(cin_pos_), "not a gzip member",
                       cin_pos_ + 1);
        }
        if (!StartMember()) {
          return Break(error_offset, error, cin_base_ + static_cast<int64_t>(cin_pos_), "zlib cannot start", cin_.size());
        }
        continue;
      }
      // In a member.
      if (cin_pos_ >= cin_.size() && !Refill()) {
        return Break(error_offset, error, member_offset_, "truncated gzip member", ResyncPoint());
      }
      char out_buf[kChunk];
      z_.next_in = reinterpret_cast<Bytef*>(cin_.data() + cin_pos_);
      z_.avail_in = static_cast<uInt>(std::min<size_t>(cin_.size() - cin_pos_, 1u << 30));
      z_.next_out = reinterpret_cast<Bytef*>(out_buf);
      z_.avail_out = kChunk;
      int ret = inflate(&z_, Z_NO_FLUSH);
      size_t consumed = (cin_.size() - cin_pos_) - z_.avail_in;
      size_t produced = kChunk - z_.avail_out;
      cin_pos_ += consumed;
      out->append(out_buf, produced);
      if (ret == Z_STREAM_END) {
        state_ = State::kBetween;
        member_idx_ = std::string::npos;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        std::string reason = std::string("corrupt gzip data") + (z_.msg ? std::string(" (") + z_.msg + ")" : "");
        return Break(error_offset, error, member_offset_, std::move(reason), ResyncPoint());
      }
      dec_total_ += static_cast<int64_t>(produced);
      if (produced > 0) return Event::kData;
    }
  }

  size_t ResyncPoint() const { return member_idx_ != std::string::npos ? member_idx_ + 1 : cin_pos_; }

  bool StartMember() {
    int ret = z_ready_ ? inflateReset2(&z_, 16 + MAX_WBITS) : inflateInit2(&z_, 16 + MAX_WBITS);
    if (ret != Z_OK) return false;
    z_ready_ = true;
    member_idx_ = cin_pos_;
    member_offset_ = cin_base_ + static_cast<int64_t>(cin_pos_);
    members_.emplace_back(dec_total_, member_offset_);
    state_ = State::kInMember;
    return true;
  }

  std::unique_ptr<ByteSource> source_;
  Mode mode_ = Mode::kUnknown;
  State state_ = State::kBetween;
  std::string cin_;          // raw bytes read and not yet discarded
  int64_t cin_base_ = 0;     // source offset of cin_[0]
  size_t cin_pos_ = 0;       // next raw byte to use
  size_t member_idx_ = std::string::npos;  // current member's first byte in cin_, if retained
  int64_t member_offset_ = 0;
  int64_t dec_total_ = 0;
  std::deque<std::pair<int64_t, int64_t>> members_;  // (decompressed, compressed) member starts
  bool eof_ = false;
  z_stream z_;
  bool z_ready_ = false;
};

namespace {

bool IsNewline(char c) { return c == '\r' || c == '\n'; }

// Header block "Name: value" lines -> the value of `name` (case-insensitive), trimmed; "" if absent.
std::string_view HeaderValue(std::string_view block, std::string_view name) {
  for (size_t b = 0; b < block.size();) {
    size_t e = block.find('\n', b);
    if (e == std::string_view::npos) e = block.size();
    std::string_view line = block.substr(b, e - b);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos && AsciiLower(Trim(line.substr(0, colon))) == AsciiLower(name)) {
      return Trim(line.substr(colon + 1));
    }
    b = e + 1;
  }
  return "";
}

// End of a header block starting at `from`: the index after its blank line and that index's
// start, or npos.
size_t HeaderEnd(std::string_view s, size_t from, size_t limit, size_t* block_end) {
  std::string_view window = s.substr(from, limit);
  size_t crlf = window.find("\r\n\r\n");
  size_t lf = window.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf <= lf)) {
    *block_end = from + crlf;
    return from + crlf + 4;
  }
  *block_end = from + lf;
  return from + lf + 2;
}

bool ParseLength(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 15) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

std::string Charset(std::string_view content_type) {
  std::string lower = AsciiLower(content_type);
  size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string_view v = std::string_view(lower).substr(at + 8);
  if (!v.empty() && (v[0] == '"' || v[0] == '\'')) v.remove_prefix(1);
  return std::string(v.substr(0, v.find_first_of("\"'; ,")));
}

// HTTP/1.1 chunked body -> payload; false when it is not well-formed chunked data.
bool Dechunk(std::string_view body, std::string* out) {
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view line = Trim(body.substr(pos, eol - pos));
    line = line.substr(0, line.find(';'));
    if (line.empty() || line.size() > 12) return false;
    uint64_t size = 0;
    for (char c : line) {
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) return false;
      size = size * 16 + static_cast<uint64_t>(v);
    }
    pos = eol + 1;
    if (size == 0) return true;
    if (size > body.size() - pos) return false;
    out->append(body.substr(pos, size));
    pos += size;
    while (pos < body.size() && IsNewline(body[pos])) ++pos;
  }
  return true;
}

// A gzip-encoded HTTP body -> payload, at most `limit` bytes; false on damage.
bool Gunzip(std::string_view in, size_t limit, std::string* out) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 1u << 30));
  char buf[64 * 1024];
  int ret = Z_OK;
  while (ret == Z_OK && out->size() <= limit) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    ret = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof buf - z.avail_out);
    if (ret == Z_BUF_ERROR) break;
  }
  inflateEnd(&z);
  return ret == Z_STREAM_END && out->size() <= limit;
}

std::string RecordId(std::string_view record_id) {
  std::string_view id = Trim(record_id);
  if (id.starts_with("<") && id.ends_with(">")) id = id.substr(1, id.size() - 2);
  if (id.starts_with("urn:uuid:")) id.remove_prefix(9);
  return id.size() <= 200 ? std::string(id) : "";
}

}  // namespace

WarcReader::WarcReader(std::unique_ptr<ByteSource> source, SourceContext context, WarcOptions options)
    : decoder_(std::make_unique<GzipOrPlainDecoder>(std::move(source))),
      context_(std::move(context)),
      options_(options) {}

WarcReader::~WarcReader() = default;

bool WarcReader::io_failed() const { return decoder_->failed(); }

bool WarcReader::Next(ReadItem* item) {
  item->article.reset();
  item->errors.clear();
  while (ready_.empty() && !done_) {
    int64_t error_offset = 0;
    std::string error;
    switch (decoder_->Pull(&buf_, &error_offset, &error)) {
      case GzipOrPlainDecoder::Event::kData:
        Parse(false);
        break;
      case GzipOrPlainDecoder::Event::kBreak: {
        Parse(false);  // complete records before the damage still count; the partial one goes
        InputError e;
        e.file = context_.file;
        e.offset = error_offset;
        e.reason = std::move(error);
        ready_.emplace_back().errors.push_back(std::move(e));
        buf_base_ += static_cast<int64_t>(buf_.size());  // the damaged member's partial record goes
        buf_.clear();
        pos_ = 0;
        skip_ = 0;
        in_garbage_ = false;
        decoder_->Forget(buf_base_);
        break;
      }
      case GzipOrPlainDecoder::Event::kEnd:
        Parse(true);
        if (pos_ < buf_.size() && !in_garbage_ && !Trim(std::string_view(buf_).substr(pos_)).empty()) {
          Error(buf_base_ + static_cast<int64_t>(pos_), "truncated data at the end of the WARC file");
        }
        done_ = true;
        break;
    }
  }
  if (ready_.empty()) return false;
  *item = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

int64_t WarcReader::ReportedOffset(int64_t decompressed_offset) const {
  return decoder_->SourceOffset(decompressed_offset);
}

void WarcReader::Error(int64_t decompressed_offset, std::string reason) {
  InputError e;
  e.file = context_.file;
  e.offset = ReportedOffset(decompressed_offset);
  e.reason = std::move(reason);
  ready_.emplace_back().errors.push_back(std::move(e));
}

// Continue at the next "WARC/" that starts a line at or after `from`.
void WarcReader::Resync(size_t from) {
  in_garbage_ = true;
  size_t at = buf_.find("\nWARC/", from > 0 ? from - 1 : 0);
  if (at != std::string::npos && at + 1 >= from) {
    pos_ = at + 1;
    return;
  }
  pos_ = std::max(from, buf_.size() >= 6 ? buf_.size() - 6 : size_t{0});
  pos_ = std::min(pos_, buf_.size());
}

void WarcReader::Compact() {
  if (pos_ < (1 << 20) && pos_ * 2 < buf_.size()) return;
  buf_.erase(0, pos_);
  buf_base_ += static_cast<int64_t>(pos_);
  pos_ = 0;
  decoder_->Forget(buf_base_);
}

void WarcReader::Parse(bool at_end) {
  while (ParseOne(at_end)) {
  }
  Compact();
}

// Parses one record (or one step of recovery) at pos_; false when more input is needed.
bool WarcReader::ParseOne(bool at_end) {
  if (skip_ > 0) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(skip_, buf_.size() - pos_));
    pos_ += n;
    skip_ -= n;
    if (skip_ > 0) return false;
  }
  while (pos_ < buf_.size() && (IsNewline(buf_[pos_]) || buf_[pos_] == ' ' || buf_[pos_] == '\t')) ++pos_;
  std::string_view rest = std::string_view(buf_).substr(pos_);
  if (rest.size() < 5) return false;
  if (!rest.starts_with("WARC/")) {
    if (!in_garbage_) Error(buf_base_ + static_cast<int64_t>(pos_), "not a WARC record header");
    Resync(pos_ + 1);
    return pos_ + 5 <= buf_.size() && std::string_view(buf_).substr(pos_).starts_with("WARC/");
  }
  size_t start = pos_;
  int64_t offset = buf_base_ + static_cast<int64_t>(start);
  size_t block_end = 0;
  size_t content_begin = HeaderEnd(buf_, start, options_.max_header_bytes, &block_end);
  if (content_begin == std::string::npos) {
    if (rest.size() > options_.max_header_bytes) {
      Error(offset, "WARC header over " + std::to_string(options_.max_header_bytes) + " bytes");
      Resync(start + 1);
      return true;
    }
    if (at_end) {
      Error(offset, "truncated WARC header");
      pos_ = buf_.size();
    }
    return false;
  }
  std::string_view header = std::string_view(buf_).substr(start, block_end - start);
  uint64_t length = 0;
  if (!ParseLength(HeaderValue(header, "Content-Length"), &length)) {
    Error(offset, "WARC record without a valid Content-Length");
    Resync(start + 1);
    return true;
  }
  in_garbage_ = false;
  if (length > options_.max_record_bytes) {
    Error(offset, "WARC record of " + std::to_string(length) + " bytes, over the limit of " +
                      std::to_string(options_.max_record_bytes));
    pos_ = content_begin;
    skip_ = length;
    return true;
  }
  size_t content_end = content_begin + static_cast<size_t>(length);
  if (buf_.size() < content_end) {
    if (!at_end) return false;
    Error(offset, "truncated WARC record: Content-Length " + std::to_string(length) + ", " +
                      std::to_string(buf_.size() - content_begin) + " bytes left");
    Resync(start + 1);
    return true;
  }
  // The record must end with CRLF CRLF; else, after line breaks, the next record or the end.
  std::string_view after = std::string_view(buf_).substr(content_end);
  bool boundary = after.starts_with("\r\n\r\n");
  if (!boundary) {
    size_t k = 0;
    while (k < after.size() && k < 8 && IsNewline(after[k])) ++k;
    std::string_view next = after.substr(k);
    if (next.size() < 5 && !at_end && after.size() < 13) return false;  // need more to decide
    boundary = (k > 0 || content_end == buf_.size()) && (next.starts_with("WARC/") || (at_end && Trim(next).empty()));
  }
  if (!boundary) {
    Error(offset, "WARC Content-Length " + std::to_string(length) + " does not end at the record boundary");
    Resync(start + 1);
    return true;
  }
  HandleRecord(header, std::string_view(buf_).substr(content_begin, length), offset);
  pos_ = content_end;
  return true;
}

void WarcReader::HandleRecord(std::string_view header, std::string_view content, int64_t offset) {
  std::string type = AsciiLower(HeaderValue(header, "WARC-Type"));
  std::string content_type = AsciiLower(HeaderValue(header, "Content-Type"));
  std::string_view body;
  std::string charset, decoded;
  if (type == "response" && (content_type.find("application/http") != std::string::npos ||
                             (content_type.empty() && content.starts_with("HTTP/")))) {
    if (!content.starts_with("HTTP/")) return;
    size_t space = content.find(' ');
    if (space == std::string_view::npos || content.substr(space + 1, 3) != "200") return;  // redirects etc.
    size_t http_end = 0;
    size_t body_begin = HeaderEnd(content, 0, options_.max_header_bytes, &http_end);
    if (body_begin == std::string_view::npos) {
      Error(offset, "HTTP response without the end of its headers");
      return;
    }
    std::string_view http = content.substr(0, http_end);
    std::string http_type = AsciiLower(HeaderValue(http, "Content-Type"));
    if (!http_type.empty() && http_type.find("html") == std::string::npos) return;  // images, PDFs, ...
    charset = Charset(http_type);
    body = content.substr(body_begin);
    if (AsciiLower(HeaderValue(http, "Transfer-Encoding")).find("chunked") != std::string::npos &&
        Dechunk(body, &decoded)) {
      body = decoded;
    }
    if (body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f && static_cast<unsigned char>(body[1]) == 0x8b) {
      std::string unzipped;
      if (!Gunzip(body, options_.max_record_bytes, &unzipped)) {
        Error(offset, "HTTP body with damaged gzip encoding");
        return;
      }
      decoded = std::move(unzipped);
      body = decoded;
    }
  } else if (type == "resource" && content_type.find("html") != std::string::npos) {
    body = content;
    charset = Charset(content_type);
  } else {
    return;
  }
  std::string id = RecordId(HeaderValue(header, "WARC-Record-ID"));
  if (id.empty()) id = context_.stem + "@" + std::to_string(ReportedOffset(offset));
  std::string_view uri = HeaderValue(header, "WARC-Target-URI");
  if (uri.starts_with("<") && uri.ends_with(">")) uri = uri.substr(1, uri.size() - 2);
  std::string crawl_date = NormalizePageDate(HeaderValue(header, "WARC-Date"));
  ReadItem item = ReadHtmlPage(body, context_, id, uri, crawl_date, ReportedOffset(offset), charset);
  if (item.article || !item.errors.empty()) ready_.push_back(std::move(item));
}

std::vector<ReadItem> ReadWarcBuffer(std::string_view bytes, const SourceContext& context, WarcOptions options) {
  WarcReader reader(std::make_unique<MemorySource>(bytes), context, options);
  std::vector<ReadItem> out;
  ReadItem item;
  while (reader.Next(&item)) out.push_back(std::move(item));
  return out;
}

std::string GzipMember(std::string_view data) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace dyad::ingest
