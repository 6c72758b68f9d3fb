#include "ingest/line_reader.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace dyad::ingest {

LineReader::LineReader(std::FILE* file, size_t max_line_bytes, size_t chunk_bytes)
    : file_(file), max_line_bytes_(max_line_bytes), buffer_(chunk_bytes > 0 ? chunk_bytes : 1) {
  assert(max_line_bytes_ >= 1);
}

LineReader::~LineReader() {
  if (gzip_) inflateEnd(&zs_);
}

bool LineReader::Fill() {
  pos_ = 0;
  end_ = 0;
  if (!sniffed_) {
    // The first bytes say whether the stream is gzip: read them into the compressed buffer.
    sniffed_ = true;
    in_.resize(buffer_.size());
    size_t n = std::fread(in_.data(), 1, in_.size(), file_);
    if (n == 0 && std::ferror(file_)) failed_ = true;
    if (n >= 2 && in_[0] == 0x1f && in_[1] == 0x8b) {
      gzip_ = true;
      if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
        corrupt_ = "cannot start gzip decompression";
        return false;
      }
      member_open_ = true;
      zs_.next_in = in_.data();
      zs_.avail_in = static_cast<uInt>(n);
      if (FillGzip() || corrupt_.empty() || zs_.total_out != 0) return end_ > 0;
      // Not gzip after all (a text that starts with those two bytes): read it as it is.
      inflateEnd(&zs_);
      gzip_ = false;
      corrupt_.clear();
      compressed_offset_ = 0;
    }
    std::copy(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(n), buffer_.begin());
    in_.clear();
    in_.shrink_to_fit();
    end_ = n;
    return end_ > 0;
  }
  if (gzip_) return FillGzip();
  end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  if (end_ == 0 && std::ferror(file_)) failed_ = true;
  return end_ > 0;
}

// Inflates into buffer_ until some text comes out, the input ends, or the data is corrupt.
bool LineReader::FillGzip() {
  if (!corrupt_.empty() || failed_) return false;
  while (end_ == 0) {
    if (zs_.avail_in == 0) {
      size_t n = std::fread(in_.data(), 1, in_.size(), file_);
      if (n == 0) {
        if (std::ferror(file_))
          failed_ = true;
        else if (member_open_)
          corrupt_ = "gzip data ends in the middle of a member (truncated file)";
        return false;
      }
      zs_.next_in = in_.data();
      zs_.avail_in = static_cast<uInt>(n);
    }
    if (!member_open_) {  // another member follows the last one, or zero padding (gzip(1) allows
                          // it)
      while (zs_.avail_in > 0 && *zs_.next_in == 0) {
        ++zs_.next_in;
        --zs_.avail_in;
        ++compressed_offset_;
      }
      if (zs_.avail_in == 0) continue;
      inflateReset(&zs_);
      member_open_ = true;
    }
    zs_.next_out = reinterpret_cast<Bytef*>(buffer_.data());
    zs_.avail_out = static_cast<uInt>(buffer_.size());
    uInt before = zs_.avail_in;
    int rc = inflate(&zs_, Z_NO_FLUSH);
    compressed_offset_ += static_cast<int64_t>(before - zs_.avail_in);
    end_ = buffer_.size() - zs_.avail_out;
    if (rc == Z_STREAM_END) {
      member_open_ = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      corrupt_ = std::string("corrupt gzip data (") +
                 (zs_.msg != nullptr ? zs_.msg : "inflate error") + ")";
      return end_ > 0;
    }
  }
  return true;
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
