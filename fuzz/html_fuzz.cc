// html_fuzz: arbitrary bytes as a web page, through the HTML extractor.
//
// Byte 0 picks the HTTP charset passed along (none, utf-8, windows-1252, iso-8859-1, an
// unsupported one, a nonsense one); the rest is the page. Calls:
//   ingest::ToUtf8            (declared charset as picked, and none)
//   ingest::PrepareHtml       (default depth and a depth of 4, so the depth cut is reached)
//   ingest::ExtractHtmlArticle with a page URL
//   ingest::HtmlFragmentToText (a feed item's description)
//   ingest::ReadHtmlPage      with a 256-byte text limit
//   ingest::UrlHost           on the page's URL and on the raw input
// Checks besides "no crash": ToUtf8 without an error returns valid UTF-8; an extracted page with
// no error has non-empty valid UTF-8 text and title; its date is "" or YYYY-MM-DD; its host has
// no "www." prefix; ReadHtmlPage gives an article or an error record, never neither, and an
// article's text fits the limit.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "ingest/html_extract.h"
#include "ingest/page_reader.h"

#include "fuzz_checks.h"

namespace {

constexpr std::string_view kCharsets[] = {"", "utf-8", "windows-1252", "iso-8859-1", "shift_jis", "x-\xff"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view charset = kCharsets[data[0] % (sizeof kCharsets / sizeof kCharsets[0])];
  std::string_view html(reinterpret_cast<const char*>(data) + 1, size - 1);
  namespace in = dyad::ingest;

  for (std::string_view declared : {charset, std::string_view()}) {
    std::string error;
    std::string utf8 = in::ToUtf8(html, declared, &error);
    if (error.empty() && !dyad::utf8::IsValid(utf8)) __builtin_trap();
  }
  (void)in::PrepareHtml(html);
  (void)in::PrepareHtml(html, 4);

  in::HtmlPage page = in::ExtractHtmlArticle(html, "https://www.example.org/world/a.html", charset);
  if (page.error.empty()) {
    if (!dyad::utf8::IsValid(page.text) || !dyad::utf8::IsValid(page.title)) __builtin_trap();
    if (!page.date.empty() && !dyad::fuzz::IsIsoDay(page.date)) __builtin_trap();
    if (page.host.starts_with("www.")) __builtin_trap();
  }
  (void)in::UrlHost(page.url);
  (void)in::UrlHost(html);
  (void)in::HtmlFragmentToText(html);

  in::SourceContext context{"fuzz.html", "fuzz", 256, "2021-08-11"};
  dyad::ReadItem item = in::ReadHtmlPage(html, context, "fuzz", "http://example.org/", "2021-08-10", 0, charset);
  if (!item.article.has_value() && item.errors.empty()) __builtin_trap();
  if (item.article.has_value() && item.article->text.size() > 256) __builtin_trap();
  for (const auto& e : item.errors) {
    if (dyad::FormatInputError(e).empty()) __builtin_trap();
  }
  return 0;
}
