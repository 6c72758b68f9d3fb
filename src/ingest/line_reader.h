// Bounded-memory line reader for JSONL input.
//
// Reads '\n'-terminated lines from a FILE* in fixed-size chunks. A stream that starts with the
// gzip magic bytes is inflated on the fly (several concatenated gzip members too, as `cat a.gz
// b.gz` makes): line offsets then count bytes of the decompressed text, and corrupt or truncated
// compressed data ends the stream with corrupt() set and a reason. A line longer than the cap is
// not buffered: its bytes are counted and skipped up to the next newline, and the line comes back
// with `truncated` set so the caller can report it. A final line without a newline still counts,
// and a trailing '\r' (CRLF input) is removed.
#ifndef DYAD_INGEST_LINE_READER_H_
#define DYAD_INGEST_LINE_READER_H_

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace dyad::ingest {

struct RawLine {
  std::string text;        // the line without "\n" / "\r\n"; empty when `truncated`
  int64_t number = 0;      // 1-based line number
  int64_t offset = 0;      // byte offset of the line's first byte in the stream
  int64_t length = 0;      // full length in bytes, without the terminator (counted even if truncated)
  bool truncated = false;  // longer than the cap; `text` was dropped
};

class LineReader {
 public:
  // Does not take ownership of `file`, which must outlive the reader. `max_line_bytes` >= 1.
  LineReader(std::FILE* file, size_t max_line_bytes, size_t chunk_bytes = 64 * 1024);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line into *line. Returns false at the end of the input or on a read error
  // (then failed() is true).
  bool Next(RawLine* line);
  bool failed() const { return failed_; }
  // Compressed input that could not be inflated: why, and the compressed byte offset reached.
  bool corrupt() const { return !corrupt_.empty(); }
  const std::string& corrupt_reason() const { return corrupt_; }
  int64_t compressed_offset() const { return compressed_offset_; }

 private:
  bool Fill();
  bool FillGzip();
  void Append(const char* data, size_t n, RawLine* line) const;
  static void Finish(RawLine* line);

  std::FILE* file_;
  size_t max_line_bytes_;
  std::vector<char> buffer_;
  size_t pos_ = 0;  // next unread byte in buffer_
  size_t end_ = 0;  // bytes valid in buffer_
  int64_t offset_ = 0;
  int64_t number_ = 0;
  bool failed_ = false;
  // gzip input
  bool sniffed_ = false;
  bool gzip_ = false;
  bool member_open_ = false;  // inside a gzip member (its end not yet seen)
  z_stream zs_{};
  std::vector<unsigned char> in_;
  std::string corrupt_;
  int64_t compressed_offset_ = 0;
};

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_LINE_READER_H_
