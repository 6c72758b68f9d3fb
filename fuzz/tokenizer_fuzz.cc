// tokenizer_fuzz: arbitrary text through text::MakeDocument (one segment per non-blank line) and
// text::Tokenize with a small sentence cap, plus TokenizeWords (the lexicon's name splitter).
//
// The first byte picks max_sentence_tokens (1..16), so the sentence-cutting path runs often; the
// rest is the text. Checks the tokenizer's contract: token spans lie inside the text, in order and
// not overlapping; sentences cover token ranges in order, none longer than the cap, and each
// sentence's span lies inside the text.
#include <cstdint>
#include <string>
#include <string_view>

#include "dyad/document.h"
#include "text/tokenizer.h"

namespace {

void Check(const dyad::Document& doc, uint32_t max_tokens) {
  const size_t n = doc.article.text.size();
  uint32_t last_end = 0;
  for (const auto& t : doc.tokens) {
    if (t.span.begin >= t.span.end || t.span.end > n) __builtin_trap();  // non-empty, in the text
    if (t.span.begin < last_end) __builtin_trap();                         // in order
    last_end = t.span.end;
  }
  uint32_t next = 0;
  for (const auto& s : doc.sentences) {
    if (s.token_begin < next || s.token_begin >= s.token_end) __builtin_trap();
    if (s.token_end > doc.tokens.size()) __builtin_trap();
    if (s.token_end - s.token_begin > max_tokens) __builtin_trap();
    if (s.span.begin > s.span.end || s.span.end > n) __builtin_trap();
    if (s.segment >= doc.segments.size()) __builtin_trap();
    next = s.token_end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint32_t max_tokens = 1 + data[0] % 16;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  dyad::Document doc = dyad::text::MakeDocument(text, "2021-08-11");
  dyad::text::TokenizerOptions options;
  options.max_sentence_tokens = max_tokens;
  dyad::text::Tokenize(&doc, options);
  Check(doc, max_tokens);
  dyad::text::Tokenize(&doc, options);  // "replaces any tokens and sentences already present"
  Check(doc, max_tokens);

  std::vector<std::string> words = dyad::text::TokenizeWords(text);
  for (const auto& w : words) {
    if (w.empty()) __builtin_trap();
  }
  return 0;
}
