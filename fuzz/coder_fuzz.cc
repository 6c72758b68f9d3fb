// coder_fuzz: the whole pipeline (dyad::Coder::Code) on arbitrary article text, then both output
// formats.
//
// One Coder is created on first use, as the CLI does, from dyad's data directory and gazetteer,
// found like the pipeline finds them (src/common/paths.h: $DYAD_DATA / $DYAD_GAZETTEER, next to
// the binary, the source tree); without a gazetteer places are simply not resolved. The sentence
// cap is small (24 tokens) so long-sentence cutting runs often, and the article cap is 64 KiB.
//
// Input layout: the bytes before the first NUL are the title, the rest the text; without a NUL
// every byte is text. Publication date 2021-08-11. An error Status (empty text, invalid UTF-8, ...)
// is a correct outcome; a crash or sanitizer report is not.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "dyad/coder.h"
#include "dyad/document.h"

namespace {

const dyad::Coder& SharedCoder() {
  static const std::unique_ptr<dyad::Coder> coder = [] {
    dyad::CoderConfig config;
    config.max_article_bytes = 64 << 10;
    config.max_sentence_tokens = 24;
    auto c = dyad::Coder::Create(config);
    if (!c.ok()) {
      std::fprintf(stderr, "coder_fuzz: cannot create the Coder: %s\n", c.status().ToString().c_str());
      std::abort();
    }
    const auto& warnings = (*c)->warnings();
    for (size_t i = 0; i < warnings.size() && i < 3; ++i) {
      std::fprintf(stderr, "coder_fuzz: %s\n", warnings[i].c_str());
    }
    return std::move(*c);
  }();
  return *coder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const dyad::Coder& coder = SharedCoder();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dyad::Document doc;
  doc.article.id = "fuzz";
  doc.article.date = "2021-08-11";
  doc.article.publisher = "fuzz";
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    doc.article.title = std::string(bytes.substr(0, nul));
    doc.article.text = std::string(bytes.substr(nul + 1));
  } else {
    doc.article.text = std::string(bytes);
  }
  dyad::Status st = coder.Code(&doc);
  if (!st.ok()) return 0;
  std::string out;
  coder.AppendJsonl(doc, &out);
  coder.AppendTsv(doc, &out);
  return 0;
}
