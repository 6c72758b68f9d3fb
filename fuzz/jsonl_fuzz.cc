// jsonl_fuzz: arbitrary bytes as a JSON Lines input file.
//
// Three passes over the same bytes:
//   1. ingest::ParseJsonlLine on the whole input as one line (the field rules, UTF-8 checks).
//   2. ingest::LineReader with a tiny chunk and line cap, so lines straddle chunk boundaries and
//      overlong lines take the skip-without-buffering path.
//   3. ArticleReader over an in-memory file (memfd), in jsonl and in txt format, with small text
//      and line limits, formatting every error record as the CLI does.
// Nothing here may crash: every bad line must come back as an InputError.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "ingest/jsonl_line.h"
#include "ingest/line_reader.h"
#include "ingest/reader.h"

namespace {

void Consume(const dyad::ReadItem& item) {
  for (const auto& e : item.errors) {
    std::string line = dyad::FormatInputError(e);
    if (line.empty()) __builtin_trap();  // an error record is never empty
  }
}

void ParseWhole(std::string_view bytes) {
  dyad::ingest::JsonlContext context{"fuzz.jsonl", "fuzz", 1, 0, 256};
  dyad::ReadItem item;
  dyad::ingest::ParseJsonlLine(bytes, context, &item);
  Consume(item);
}

void ReadLines(const uint8_t* data, size_t size) {
  if (size == 0) return;  // fmemopen rejects a zero-size buffer
  std::FILE* f = fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (f == nullptr) return;
  dyad::ingest::LineReader reader(f, /*max_line_bytes=*/48, /*chunk_bytes=*/7);
  dyad::ingest::RawLine line;
  int64_t last = 0;
  while (reader.Next(&line)) {
    if (line.number != last + 1) __builtin_trap();  // line numbers are consecutive
    last = line.number;
    if (!line.truncated && static_cast<int64_t>(line.text.size()) > 48) __builtin_trap();
  }
  std::fclose(f);
}

void ReadFile(const uint8_t* data, size_t size, dyad::InputFormat format) {
  int fd = memfd_create("jsonl_fuzz", 0);
  if (fd < 0) return;
  for (size_t done = 0; done < size;) {
    ssize_t n = write(fd, data + done, size - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  dyad::ReaderOptions options;
  options.format = format;
  options.max_text_bytes = 128;
  options.max_line_bytes = 512;
  options.date = "2021-08-11";
  auto reader = dyad::ArticleReader::Open("/proc/self/fd/" + std::to_string(fd), options);
  close(fd);  // the reader has its own descriptor
  if (!reader.ok()) return;
  dyad::ReadItem item;
  for (int i = 0; i < 10000 && (*reader)->Next(&item); ++i) Consume(item);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ParseWhole(bytes);
  ReadLines(data, size);
  ReadFile(data, size, dyad::InputFormat::kJsonl);
  ReadFile(data, size, dyad::InputFormat::kTxt);
  return 0;
}
