#include "ingest/line_reader.h"

#include <cassert>
#include <cstring>

namespace dyad::ingest {

LineReader::LineReader(std::FILE* file, size_t max_line_bytes, size_t chunk_bytes)
    : file_(file), max_line_bytes_(max_line_bytes), buffer_(chunk_bytes > 0 ? chunk_bytes : 1) {
  assert(max_line_bytes_ >= 1);
}

bool LineReader::Fill() {
  pos_ = 0;
  end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  if (end_ == 0 && std::ferror(file_)) failed_ = true;
  return end_ > 0;
}

// Appends while the line fits the cap; past it, only counts bytes (memory stays bounded).
void LineReader::Append(const char* data, size_t n, RawLine* line) const {
  line->length += static_cast<int64_t>(n);
  if (line->truncated) return;
  if (line->text.size() + n > max_line_bytes_ + 1) {  // +1: room for the '\r' of a CRLF line
    line->truncated = true;
    line->text.clear();
    line->text.shrink_to_fit();
    return;
  }
  line->text.append(data, n);
}

void LineReader::Finish(RawLine* line) {
  if (!line->text.empty() && line->text.back() == '\r') {
    line->text.pop_back();
    --line->length;
  }
}

bool LineReader::Next(RawLine* line) {
  line->text.clear();
  line->truncated = false;
  line->length = 0;
  line->offset = offset_;
  bool consumed_any = false;
  while (pos_ < end_ || Fill()) {
    consumed_any = true;
    const char* start = buffer_.data() + pos_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    size_t n = newline ? static_cast<size_t>(newline - start) : end_ - pos_;
    Append(start, n, line);
    pos_ += n;
    offset_ += static_cast<int64_t>(n);
    if (newline) {
      ++pos_;
      ++offset_;
      break;
    }
  }
  if (!consumed_any) return false;
  line->number = ++number_;
  Finish(line);
  if (!line->truncated && line->text.size() > max_line_bytes_) line->truncated = true;
  if (line->truncated) line->text.clear();
  return true;
}

}  // namespace dyad::ingest
