// WARC and WARC.gz (ISO 28500, as Common Crawl's CC-NEWS publishes it) -> articles.
//
// In: a WARC file, plain or gzip-compressed (detected by its magic bytes, not its name; one gzip
// member per record as Common Crawl writes it, or one stream for the whole file). Out: one
// article per HTML "response" record (HTTP status 200, an HTML or unknown Content-Type; also
// "resource" records holding text/html), through ReadHtmlPage:
//   id    the WARC-Record-ID's UUID ("<urn:uuid:X>" -> "X"), else "<stem>@<offset>"
//   url   the page's canonical link, else WARC-Target-URI
//   date  the page's own date (meta, JSON-LD, <time>), else the crawl date (WARC-Date)
// Other records (warcinfo, request, metadata, redirects, images, PDFs) are skipped silently.
//
// Damage is data, not failure. Each of these becomes an error record with the file and the byte
// offset of the record (for .gz: of the gzip member holding it, the offset Common Crawl's index
// gives), and reading goes on at the next record that can be found:
//   - a Content-Length that does not end at the record's trailing CRLF CRLF (too short or too
//     long): reported, then the next "WARC/" header line after the record's start is searched;
//   - a truncated record or header at the end of the input;
//   - bytes that are not a WARC header (garbage between records);
//   - a corrupt or truncated gzip member: the partial record is dropped and decompression
//     restarts at the next gzip member header (the compressed bytes of the current member are
//     kept so the search can start right after its first byte);
//   - a record over max_record_bytes: skipped without being buffered.
// Memory is bounded by the largest record (max_record_bytes) plus its gzip member.
#ifndef DYAD_INGEST_WARC_H_
#define DYAD_INGEST_WARC_H_

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/page_reader.h"
#include "ingest/reader.h"

namespace dyad::ingest {

// A pull source of raw bytes.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; 0 at the end of the input or on a read error.
  virtual size_t Read(char* buf, size_t n) = 0;
  virtual bool failed() const { return false; }
};

// Does not own `file`.
class FileSource : public ByteSource {
 public:
  explicit FileSource(std::FILE* file) : file_(file) {}
  size_t Read(char* buf, size_t n) override;
  bool failed() const override;

 private:
  std::FILE* file_;
};

// `bytes` must outlive the source.
class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buf, size_t n) override;

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

struct WarcOptions {
  size_t max_record_bytes = 32 << 20;  // a longer record is skipped with an error record
  size_t max_header_bytes = 64 << 10;  // WARC and HTTP header blocks
};

class GzipOrPlainDecoder;

class WarcReader {
 public:
  WarcReader(std::unique_ptr<ByteSource> source, SourceContext context, WarcOptions options = {});
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next article and/or error records; false at the end of the input.
  bool Next(ReadItem* item);
  // True when the underlying source reported a read error.
  bool io_failed() const;

 private:
  void Parse(bool at_end);
  bool ParseOne(bool at_end);
  void HandleRecord(std::string_view header, std::string_view content, int64_t offset);
  void Error(int64_t decompressed_offset, std::string reason);
  void Resync(size_t from);
  int64_t ReportedOffset(int64_t decompressed_offset) const;
  void Compact();

  std::unique_ptr<GzipOrPlainDecoder> decoder_;
  SourceContext context_;
  WarcOptions options_;
  std::string buf_;        // decompressed bytes not yet consumed
  int64_t buf_base_ = 0;   // decompressed offset of buf_[0]
  size_t pos_ = 0;         // parse position in buf_
  uint64_t skip_ = 0;      // bytes of an oversized record still to discard
  bool in_garbage_ = false;  // an error for the current run of non-WARC bytes was reported
  bool done_ = false;
  std::deque<ReadItem> ready_;
};

// The whole of `bytes` as a WARC or WARC.gz file; for tests and fuzzing.
std::vector<ReadItem> ReadWarcBuffer(std::string_view bytes, const SourceContext& context,
                                     WarcOptions options = {});

// `data` compressed as one gzip member, as a .warc.gz file holds each record; for writing test
// and fuzz inputs.
std::string GzipMember(std::string_view data);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_WARC_H_
