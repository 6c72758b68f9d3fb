// feed_fuzz: arbitrary bytes as an RSS 2.0 / RSS 1.0 / Atom feed.
//
// Calls ingest::ScanXml (default depth, and a depth of 3 so flattening is reached),
// ingest::AppendXmlDecoded on the whole input, and ingest::ReadFeed with a 512-byte text limit,
// formatting every error record.
// Checks besides "no crash": the element tree is consistent (parents before children, every
// child's parent is the element listing it, children in document order, offsets and inner ranges
// inside the input); ReadFeed returns at least one item unless the input is a well-formed feed
// with no items (ScanXml counts nothing malformed), each item an article or error records; every
// article has non-empty valid UTF-8 text within the limit and a date that is "" or YYYY-MM-DD.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "ingest/html_extract.h"
#include "ingest/page_reader.h"
#include "ingest/xml_scan.h"

#include "fuzz_checks.h"

namespace {

void CheckTree(const dyad::ingest::XmlDocument& doc, size_t size) {
  const auto& els = doc.elements;
  for (size_t i = 0; i < els.size(); ++i) {
    const auto& e = els[i];
    if (e.parent >= static_cast<int>(i)) __builtin_trap();
    if (e.offset >= size || e.inner_begin > e.inner_end || e.inner_end > size) __builtin_trap();
    if (e.inner_begin <= e.offset && e.inner_end > 0) __builtin_trap();
    int prev = static_cast<int>(i);
    for (int c : e.children) {
      if (c <= prev || c >= static_cast<int>(els.size())) __builtin_trap();
      if (els[c].parent != static_cast<int>(i)) __builtin_trap();
      prev = c;
    }
    (void)e.LocalName();
    (void)e.Attr("href");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  namespace in = dyad::ingest;
  CheckTree(in::ScanXml(xml), size);
  CheckTree(in::ScanXml(xml, 3), size);
  std::string decoded;
  in::AppendXmlDecoded(xml, &decoded);

  in::SourceContext context{"fuzz.rss", "fuzz", 512, "2021-08-11"};
  std::vector<dyad::ReadItem> items = in::ReadFeed(xml, context);
  if (items.empty()) {
    // Only a well-formed feed with no items may give nothing (ReadFeed scans the UTF-8 text).
    std::string error;
    std::string utf8 = in::ToUtf8(xml, "", &error);
    if (!error.empty() || in::ScanXml(utf8).malformed > 0) __builtin_trap();
  }
  for (const auto& item : items) {
    if (!item.article.has_value() && item.errors.empty()) __builtin_trap();
    if (item.article.has_value()) {
      const auto& a = *item.article;
      if (a.text.empty() || a.text.size() > 512 || !dyad::utf8::IsValid(a.text)) __builtin_trap();
      if (!a.date.empty() && !dyad::fuzz::IsIsoDay(a.date)) __builtin_trap();
    }
    for (const auto& e : item.errors) {
      if (dyad::FormatInputError(e).empty()) __builtin_trap();
    }
  }
  return 0;
}
