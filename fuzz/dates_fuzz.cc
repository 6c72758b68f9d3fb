// dates_fuzz: time::DateResolver on arbitrary text, tokenized and tagged as the pipeline does,
// against a fixed publication date (2021-08-11, a Wednesday) and, when the first byte is odd, a
// dateline date (2021-08-10) too. Resolve and Explain both run; every explanation is formatted.
//
// Checks: doc->dates spans lie inside the text and their token ranges inside doc->tokens; every
// resolved range is a real calendar range (from <= to); the timeline has one reference per
// sentence.
#include <cstdint>
#include <string>
#include <string_view>

#include "dyad/date.h"
#include "dyad/document.h"
#include "syntax/tagger.h"
#include "text/tokenizer.h"
#include "time/dates.h"

namespace {

void CheckRange(const dyad::DateRange& r) {
  if (!r.valid()) return;
  if (!dyad::Date::IsValidDay(r.from.year, r.from.month, r.from.day)) __builtin_trap();
  if (r.to.valid() && !dyad::Date::IsValidDay(r.to.year, r.to.month, r.to.day)) __builtin_trap();
  if (r.to.valid() && r.to < r.from) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool with_dateline = (data[0] & 1) != 0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  dyad::Document doc = dyad::text::MakeDocument(text, "2021-08-11");
  dyad::syntax::TagAndLemmatize(&doc);
  dyad::time::DateContext ctx;
  ctx.publication = dyad::Date{2021, 8, 11};
  if (with_dateline) ctx.dateline = dyad::Date{2021, 8, 10};

  static const dyad::time::DateResolver resolver;
  dyad::time::DateTimeline timeline = resolver.Resolve(ctx, &doc);
  if (timeline.sentence_reference.size() != doc.sentences.size()) __builtin_trap();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    dyad::DateRange r = timeline.RangeFor(s);
    CheckRange(r);
  }
  for (const auto& d : doc.dates) {
    if (d.span.begin > d.span.end || d.span.end > doc.article.text.size()) __builtin_trap();
    if (d.token_begin > d.token_end || d.token_end > doc.tokens.size()) __builtin_trap();
    CheckRange(d.range);
  }

  std::vector<dyad::time::DateExplanation> explained = resolver.Explain(ctx, &doc);
  for (const auto& e : explained) {
    std::string line = dyad::time::FormatExplanation(e);
    if (e.mention >= doc.dates.size()) __builtin_trap();
  }
  return 0;
}
