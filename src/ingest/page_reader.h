// Whole-buffer readers for web formats: one HTML page, one RSS/Atom feed -> ReadItems.
//
// These are pure functions over bytes (no files), so the ArticleReader, the WARC reader and the
// fuzz targets share them:
//   ReadHtmlPage  one page -> one article (ExtractHtmlArticle), or one error record;
//   ReadFeed      RSS 2.0, RSS 1.0 (RDF) or Atom -> one article per <item>/<entry>:
//                   title   <title> (markup and entities removed)
//                   date    pubDate, published, dc:date, else updated (RFC 822 or RFC 3339 ->
//                           YYYY-MM-DD, see page_date.h), else the context's date
//                   url     RSS <link> text, else Atom <link href> (rel "alternate" or none)
//                   id      <guid> / Atom <id>, else the link, else "<stem>:<n>"
//                   text    the longest of content:encoded, content, description, summary, each
//                           through HtmlFragmentToText (Atom type="xhtml" content is read as HTML)
//                   publisher  host of the link ("reuters.com"), else the channel's <title>
//                 An item without text is an error record with the item's byte offset.
// Example: <rss><channel><title>Wire</title><item><title>Talks resume</title><link>
// https://example.org/a</link><pubDate>Tue, 10 Aug 2021 09:30:00 GMT</pubDate><description>
// &lt;p&gt;Talks resumed in Doha.&lt;/p&gt;</description></item></channel></rss> gives one
// article {id "https://example.org/a", date "2021-08-10", title "Talks resume", text "Talks
// resumed in Doha.", publisher "example.org"}.
#ifndef DYAD_INGEST_PAGE_READER_H_
#define DYAD_INGEST_PAGE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.h"

namespace dyad::ingest {

struct SourceContext {
  std::string file;  // name for error records
  std::string stem;  // file basename without extension, for generated ids
  size_t max_text_bytes = 1 << 20;
  std::string date;  // fallback publication date (YYYY-MM-DD or "")
};

// Moves `article` into item->article after the checks every reader applies (non-blank text of at
// most max_text_bytes, valid UTF-8); otherwise appends an error record at `offset`.
void FinishArticle(Article article, const SourceContext& context, int64_t offset, ReadItem* item);

// One HTML page. `id` is the article id; `page_url` the URL fallback (WARC-Target-URI);
// `fallback_date` the date when the page has none (WARC-Date), else context.date is used;
// `offset` the byte offset for error records; `http_charset` from the HTTP Content-Type.
ReadItem ReadHtmlPage(std::string_view bytes, const SourceContext& context, std::string_view id,
                      std::string_view page_url = "", std::string_view fallback_date = "", int64_t offset = 0,
                      std::string_view http_charset = "");

// One RSS or Atom document. Not a feed at all (no rss/feed/RDF element and no item) -> one error;
// a feed with no item that ScanXml found malformed (an unterminated comment or CDATA section
// swallowed the items) -> one error; a well-formed feed with no item -> nothing.
std::vector<ReadItem> ReadFeed(std::string_view bytes, const SourceContext& context);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_PAGE_READER_H_
