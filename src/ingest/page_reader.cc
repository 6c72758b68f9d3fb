#include "ingest/page_reader.h"

#include <utility>

#include "common/strings.h"
#include "common/utf8.h"
#include "ingest/html_extract.h"
#include "ingest/page_date.h"
#include "ingest/xml_scan.h"

namespace dyad::ingest {
namespace {

InputError ErrorAt(const SourceContext& c, int64_t offset, std::string reason, std::string id = "") {
  InputError e;
  e.file = c.file;
  e.offset = offset;
  e.reason = std::move(reason);
  e.article_id = std::move(id);
  return e;
}

// The element's content as markup or text: children present (Atom xhtml, or unescaped HTML in a
// sloppy feed) -> the raw inner bytes; else the decoded character data.
std::string_view RawContent(const XmlElement& e, std::string_view xml) {
  if (!e.children.empty() && e.inner_end > e.inner_begin && e.inner_end <= xml.size()) {
    return xml.substr(e.inner_begin, e.inner_end - e.inner_begin);
  }
  return e.text;
}

std::string OneLine(std::string_view html) {
  std::string text = HtmlFragmentToText(html);
  std::string out;
  for (std::string_view part : Split(text, '\n')) {
    if (part.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(part);
  }
  return out;
}

bool Is(const XmlElement& e, std::string_view local) { return AsciiLower(e.LocalName()) == local; }

struct ItemFields {
  std::string title, link, id, date, updated, text, raw_date;
};

ItemFields ReadItemFields(const XmlDocument& doc, const XmlElement& item, std::string_view xml) {
  ItemFields f;
  for (int c : item.children) {
    const XmlElement& e = doc.elements[c];
    std::string local = AsciiLower(e.LocalName());
    if (local == "title" && f.title.empty()) {
      f.title = OneLine(RawContent(e, xml));
    } else if (local == "link") {
      std::string_view rel = e.Attr("rel");
      std::string href(Trim(e.Attr("href")));
      std::string text(Trim(e.text));
      if (!text.empty() && f.link.empty()) f.link = text;
      if (!href.empty() && (rel.empty() || rel == "alternate") && f.link.empty()) f.link = href;
    } else if ((local == "guid" || local == "id") && f.id.empty()) {
      f.id = std::string(Trim(e.text));
    } else if (local == "pubdate" || local == "published" || local == "date" || local == "issued" ||
               local == "created") {
      if (f.date.empty()) {
        f.raw_date = std::string(Trim(e.text));
        f.date = NormalizePageDate(e.text);
      }
    } else if (local == "updated" || local == "modified") {
      if (f.updated.empty()) f.updated = NormalizePageDate(e.text);
    } else if (local == "encoded" || local == "content" || local == "description" || local == "summary") {
      std::string text = HtmlFragmentToText(RawContent(e, xml));
      if (text.size() > f.text.size()) f.text = std::move(text);
    }
  }
  if (f.id.size() > 512) f.id.clear();
  return f;
}

}  // namespace

void FinishArticle(Article article, const SourceContext& context, int64_t offset, ReadItem* item) {
  std::string reason;
  if (Trim(article.text).empty()) {
    reason = "empty text";
  } else if (article.text.size() > context.max_text_bytes) {
    reason = "text is " + std::to_string(article.text.size()) + " bytes, over the limit of " +
             std::to_string(context.max_text_bytes);
  } else if (!utf8::IsValid(article.text) || !utf8::IsValid(article.title)) {
    reason = "invalid UTF-8";
  }
  if (!reason.empty()) {
    item->errors.push_back(ErrorAt(context, offset, std::move(reason), article.id));
    return;
  }
  item->article = std::move(article);
}

ReadItem ReadHtmlPage(std::string_view bytes, const SourceContext& context, std::string_view id,
                      std::string_view page_url, std::string_view fallback_date, int64_t offset,
                      std::string_view http_charset) {
  ReadItem item;
  HtmlPage page = ExtractHtmlArticle(bytes, page_url, http_charset);
  if (!page.error.empty()) {
    item.errors.push_back(ErrorAt(context, offset, page.error, std::string(id)));
    return item;
  }
  Article a;
  a.id = std::string(id);
  a.title = std::move(page.title);
  a.date = !page.date.empty() ? page.date : !fallback_date.empty() ? std::string(fallback_date) : context.date;
  a.url = std::move(page.url);
  a.publisher = std::move(page.host);
  a.text = std::move(page.text);
  FinishArticle(std::move(a), context, offset, &item);
  return item;
}

std::vector<ReadItem> ReadFeed(std::string_view bytes, const SourceContext& context) {
  std::vector<ReadItem> out;
  std::string error;
  std::string xml = ToUtf8(bytes, "", &error);
  if (!error.empty()) {
    out.emplace_back().errors.push_back(ErrorAt(context, 0, error));
    return out;
  }
  XmlDocument doc = ScanXml(xml);
  std::string channel_title;
  bool is_feed = false;
  for (const XmlElement& e : doc.elements) {
    std::string local = AsciiLower(e.LocalName());
    if (local == "rss" || local == "feed" || local == "rdf" || local == "channel") is_feed = true;
    if (local == "title" && channel_title.empty() && e.parent >= 0) {
      std::string parent = AsciiLower(doc.elements[e.parent].LocalName());
      if (parent == "channel" || parent == "feed") channel_title = OneLine(RawContent(e, xml));
    }
  }
  int n = 0;
  for (const XmlElement& e : doc.elements) {
    if (!Is(e, "item") && !Is(e, "entry")) continue;
    is_feed = true;
    ++n;
    ItemFields f = ReadItemFields(doc, e, xml);
    ReadItem& item = out.emplace_back();
    Article a;
    a.id = !f.id.empty() ? f.id : !f.link.empty() && f.link.size() <= 512 ? f.link : context.stem + ":" + std::to_string(n);
    a.title = std::move(f.title);
    a.url = std::move(f.link);
    a.publisher = UrlHost(a.url);
    if (a.publisher.empty()) a.publisher = channel_title;
    a.date = !f.date.empty() ? f.date : !f.updated.empty() ? f.updated : context.date;
    if (f.date.empty() && !f.raw_date.empty()) {
      InputError w = ErrorAt(context, static_cast<int64_t>(e.offset), "invalid date '" + f.raw_date.substr(0, 64) + "'", a.id);
      w.warning = true;
      if (utf8::IsValid(w.reason)) item.errors.push_back(std::move(w));
    }
    a.text = std::move(f.text);
    if (Trim(a.text).empty()) {
      item.errors.push_back(ErrorAt(context, static_cast<int64_t>(e.offset), "feed item has no text", a.id));
      continue;
    }
    FinishArticle(std::move(a), context, static_cast<int64_t>(e.offset), &item);
  }
  if (!is_feed) out.emplace_back().errors.push_back(ErrorAt(context, 0, "not an RSS or Atom feed"));
  // A damaged feed whose items could not be found (an unterminated comment or CDATA section
  // swallowed them) is reported, not read as an empty feed.
  if (is_feed && n == 0 && doc.malformed > 0) {
    out.emplace_back().errors.push_back(ErrorAt(context, 0, "malformed feed: no item or entry could be read"));
  }
  return out;
}

}  // namespace dyad::ingest
