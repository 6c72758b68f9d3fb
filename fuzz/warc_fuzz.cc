// warc_fuzz: arbitrary bytes as a WARC or WARC.gz file (ingest::ReadWarcBuffer), small limits.
//
// Byte 0 picks how the rest reaches the reader, so the fuzzer mutates WARC text even on the gzip
// paths (a mutated deflate stream alone rarely inflates to anything):
//   0 mod 3  the rest as is (plain WARC, or gzip bytes written by hand)
//   1 mod 3  the rest gzip-compressed by this harness as one stream
//   2 mod 3  the rest cut before every "WARC/" and each piece compressed as its own gzip member
//            (as Common Crawl writes it); when byte 0 >= 128, the last member is truncated to
//            half its length
// Options: max_record_bytes 4096, max_header_bytes 512; text limit 512 bytes.
// Checks besides "no crash": every item is an article or error records; every error record's
// offset lies inside the bytes the reader was given; every article has non-empty valid UTF-8
// text within the limit.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "ingest/warc.h"

namespace {

std::string Gzip(std::string_view in) { return dyad::ingest::GzipMember(in); }

std::string GzipMembers(std::string_view in, bool truncate_last) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  for (size_t p = in.find("WARC/", 1); p != std::string_view::npos; p = in.find("WARC/", p + 1)) {
    pieces.push_back(in.substr(start, p - start));
    start = p;
  }
  pieces.push_back(in.substr(start));
  std::string out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    std::string member = Gzip(pieces[i]);
    if (truncate_last && i + 1 == pieces.size()) member.resize(member.size() / 2);
    out += member;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes;
  switch (data[0] % 3) {
    case 0: bytes = std::string(rest); break;
    case 1: bytes = Gzip(rest); break;
    default: bytes = GzipMembers(rest, data[0] >= 128); break;
  }
  dyad::ingest::SourceContext context{"fuzz.warc", "fuzz", 512, "2021-08-11"};
  dyad::ingest::WarcOptions options;
  options.max_record_bytes = 4096;
  options.max_header_bytes = 512;
  std::vector<dyad::ReadItem> items = dyad::ingest::ReadWarcBuffer(bytes, context, options);
  for (const auto& item : items) {
    if (!item.article.has_value() && item.errors.empty()) __builtin_trap();
    if (item.article.has_value()) {
      const auto& a = *item.article;
      if (a.text.empty() || a.text.size() > 512 || !dyad::utf8::IsValid(a.text)) __builtin_trap();
    }
    for (const auto& e : item.errors) {
      if (e.offset < 0 || e.offset > static_cast<int64_t>(bytes.size())) __builtin_trap();
      if (dyad::FormatInputError(e).empty()) __builtin_trap();
    }
  }
  return 0;
}
