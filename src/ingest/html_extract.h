// HTML page -> article: main-text extraction and page metadata.
//
// In: the bytes of one web page (a file, or the body of a WARC response record). Out: title,
// publication date, canonical URL, publisher host and the article text, one paragraph per block
// separated by blank lines, ready for the cleaning stage (which still drops "Read ..." lines,
// bylines, repeated headlines and so on).
//
// Steps:
//   1. Bytes -> UTF-8 (ToUtf8): UTF-8 is kept; windows-1252 / ISO-8859-1 (declared, or assumed for
//      invalid UTF-8 with no other declaration) is transcoded; other encodings are an error.
//   2. PrepareHtml: comments and the contents of <script> (except JSON-LD) and <style> are
//      removed, and tags nested deeper than kMaxHtmlDepth are dropped (their text kept). gumbo's
//      tree builder slows down badly with nesting depth (20,000 nested <div>s take over a second,
//      100,000 a minute and a half), so this keeps hostile pages linear.
//   3. gumbo parses the page. Metadata: title from og:title, else the first <h1>, else <title>
//      (a trailing " | Site" or " - Site" removed); date from article:published_time, JSON-LD
//      datePublished, <meta name="date"> and its relatives, itemprop datePublished, else the
//      first <time datetime>; URL from <link rel="canonical">, else og:url, else the page URL.
//   4. Boilerplate subtrees are dropped: nav, aside, script, style, form controls, figures and
//      captions, iframes, svg; and, unless they hold most of the page's paragraph text (some
//      sites wrap the whole page in a <form> or a "has-sidebar" div), header, footer, form and
//      elements whose class, id or role names navigation, sharing, related links, "read more",
//      comments, cookie/consent notices, newsletters, ads, captions or bylines.
//   5. The article root: the <article>, <main>, itemprop=articleBody or article-body-like
//      element holding the most paragraph text; else the element whose <p> children hold the
//      most text (Readability's idea); else <body>.
//   6. Blocks (p, headings, li, blockquote, div text ...) under the root become paragraphs;
//      a block that is mostly link text (related-link lists), a "Read more"/share/boilerplate
//      line (ingest::ClassifyLine) or a cookie notice is dropped.
//
// Example: <html><head><title>Taliban take Kunduz | Daily News</title><meta
// property="article:published_time" content="2021-08-08T10:00:00Z"></head><body><nav>Home
// World</nav><article><h1>Taliban take Kunduz</h1><p>The Taliban took Kunduz on Sunday.</p>
// <p>Read more: Ghani flies to Mazar</p></article><footer>(c) Daily News</footer></body></html>
// gives title "Taliban take Kunduz", date "2021-08-08", text "Taliban take Kunduz\n\nThe Taliban
// took Kunduz on Sunday.".
//
// All functions are pure and thread-safe (gumbo keeps no global state).
#ifndef DYAD_INGEST_HTML_EXTRACT_H_
#define DYAD_INGEST_HTML_EXTRACT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dyad::ingest {

inline constexpr size_t kMaxHtmlDepth = 256;

struct HtmlPage {
  std::string title;
  std::string date;  // YYYY-MM-DD or ""
  std::string url;   // canonical URL, else `page_url`
  std::string host;  // host of `url` without "www.", e.g. "reuters.com"; "" when unknown
  std::string text;  // paragraphs separated by "\n\n"; valid UTF-8
  std::string error;  // why there is no article ("no article text", "unsupported charset ..."), else ""
};

// Main-text extraction of a whole page. `page_url` (e.g. WARC-Target-URI) is the URL fallback
// and the base for a relative canonical link; `http_charset` the charset from an HTTP
// Content-Type header, when known. Total over any bytes.
HtmlPage ExtractHtmlArticle(std::string_view html, std::string_view page_url = "",
                            std::string_view http_charset = "");

// The readable text of an HTML fragment (a feed item's description): every block kept except
// boilerplate, no root selection. Plain text without tags comes back with its paragraphs (blank
// lines) kept and entities decoded. Total over any bytes; "" when nothing readable is left.
std::string HtmlFragmentToText(std::string_view html);

// Step 2 above, exposed for tests: comments, script (not JSON-LD) and style contents removed;
// start tags deeper than `max_depth` dropped.
std::string PrepareHtml(std::string_view html, size_t max_depth = kMaxHtmlDepth);

// Step 1 above: `bytes` as UTF-8, or "" with *error set for an unsupported encoding.
// `declared` is the charset name from HTTP or <meta>, "" when unknown.
std::string ToUtf8(std::string_view bytes, std::string_view declared, std::string* error);

// "https://www.reuters.com/world/x" -> "reuters.com"; "" when `url` has no host.
std::string UrlHost(std::string_view url);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_HTML_EXTRACT_H_
