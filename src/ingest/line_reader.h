// Bounded-memory line reader for JSONL input.
//
// Reads '\n'-terminated lines from a FILE* in fixed-size chunks. A line longer than the cap is not
// buffered: its bytes are counted and skipped up to the next newline, and the line comes back with
// `truncated` set so the caller can report it. A final line without a newline still counts, and a
// trailing '\r' (CRLF input) is removed.
#ifndef DYAD_INGEST_LINE_READER_H_
#define DYAD_INGEST_LINE_READER_H_

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

  // Reads the next line into *line. Returns false at the end of the input or on a read error
  // (then failed() is true).
  bool Next(RawLine* line);
  bool failed() const { return failed_; }

 private:
  bool Fill();
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
};

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_LINE_READER_H_
