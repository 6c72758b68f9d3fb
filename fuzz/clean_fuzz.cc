// clean_fuzz: arbitrary article text through ingest's cleaning (SegmentArticle, Clean,
// ExplainDrop).
//
// Input layout: the bytes before the first NUL are the title, the rest the text; without a NUL
// there is no title and every byte is text. Checks the cleaning contract: every kept segment,
// dropped line and dateline span lies inside the text, and Clean agrees with SegmentArticle.
#include <cstdint>
#include <string>
#include <string_view>

#include "dyad/document.h"
#include "ingest/clean.h"

namespace {

void CheckSpan(const dyad::Span& s, size_t text_size) {
  if (s.begin > s.end || s.end > text_size) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dyad::Document doc;
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    doc.article.title = std::string(bytes.substr(0, nul));
    doc.article.text = std::string(bytes.substr(nul + 1));
  } else {
    doc.article.text = std::string(bytes);
  }
  const std::string& text = doc.article.text;

  dyad::CleanResult result = dyad::SegmentArticle(doc.article);
  for (const auto& seg : result.segments) CheckSpan(seg.span, text.size());
  for (const auto& drop : result.dropped) {
    CheckSpan(drop.span, text.size());
    CheckSpan(drop.same_as, text.size());
    std::string line = dyad::ExplainDrop(drop, text);
    if (dyad::DropReasonName(drop.reason) == nullptr) __builtin_trap();
  }
  for (const auto& s : {result.dateline.whole, result.dateline.place, result.dateline.date,
                        result.dateline.source}) {
    CheckSpan(s, text.size());
  }

  dyad::CleanResult detail;
  dyad::Status st = dyad::Clean(&doc, &detail);
  if (st.ok() && doc.segments.size() != result.segments.size()) __builtin_trap();  // pure
  return 0;
}
