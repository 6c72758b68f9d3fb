#include "ingest/html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "common/utf8.h"
#include "ingest/boilerplate.h"
#include "ingest/page_date.h"

namespace dyad::ingest {
namespace {

// ---------------------------------------------------------------------------------------------
// Bytes and charsets.

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Case-insensitive find of lower-case `needle` in `hay` from `from`.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && Lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// The charset a page or feed declares in its first bytes (<meta charset>, http-equiv, or an XML
// declaration's encoding), lower-cased; "" when none.
std::string SniffCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  for (std::string_view key : {"charset=", "encoding="}) {
    size_t at = FindNoCase(head, key);
    if (at == std::string_view::npos) continue;
    size_t b = at + key.size();
    while (b < head.size() && (head[b] == '"' || head[b] == '\'' || head[b] == ' ')) ++b;
    size_t e = b;
    while (e < head.size() && e - b < 40 && (std::isalnum(static_cast<unsigned char>(head[e])) ||
                                             head[e] == '-' || head[e] == '_' || head[e] == ':')) {
      ++e;
    }
    if (e > b) return AsciiLower(head.substr(b, e - b));
  }
  return "";
}

bool IsLatinCharset(std::string_view cs) {
  for (std::string_view name : {"windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1",
                                "iso-8859-15", "us-ascii", "ascii", "x-user-defined"}) {
    if (cs == name) return true;
  }
  return false;
}

bool IsUtf8Charset(std::string_view cs) { return cs == "utf-8" || cs == "utf8" || cs == "unicode-1-1-utf-8"; }

void AppendWindows1252(std::string_view bytes, std::string* out) {
  // 0x80-0x9F in windows-1252; 0 marks the five unassigned bytes (mapped to U+FFFD).
  static const char16_t kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  out->reserve(out->size() + bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      utf8::Append(kHigh[c - 0x80] ? kHigh[c - 0x80] : 0xFFFD, out);
    } else {
      utf8::Append(c, out);
    }
  }
}

// Valid UTF-8 with each invalid byte replaced by U+FFFD.
std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    size_t bad = utf8::FirstInvalid(bytes.substr(i));
    out.append(bytes.substr(i, bad));
    i += bad;
    if (i < bytes.size()) {
      utf8::Append(0xFFFD, &out);
      ++i;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PrepareHtml: a light tag scanner (not a parser) that tracks an approximate open-element stack.

bool IsVoidOrOptionalEnd(std::string_view name) {
  static const char* kNames[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                 "param", "source", "track", "wbr", "keygen", "p", "li", "dt", "dd",
                                 "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb",
                                 "rt", "rp", "rtc", "colgroup", "html", "head", "body", "image", "frame"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

// The HTML5 "formatting elements" that the adoption agency algorithm handles.
bool IsFormatting(std::string_view name) {
  for (const char* n : {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}) {
    if (name == n) return true;
  }
  return false;
}

bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes" || name == "plaintext";
}

bool IsTagStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class HtmlPreparer {
 public:
  HtmlPreparer(std::string_view html, size_t max_depth) : s_(html), max_depth_(max_depth) {}

  std::string Run() {
    out_.reserve(s_.size());
    size_t pos = 0;
    while (pos < s_.size()) {
      size_t lt = s_.find('<', pos);
      if (lt == std::string_view::npos) lt = s_.size();
      out_.append(s_.substr(pos, lt - pos));
      if (lt == s_.size()) break;
      pos = Markup(lt);
    }
    return std::move(out_);
  }

 private:
  // Handles the markup at s_[lt] == '<'; returns the position after it.
  size_t Markup(size_t lt) {
    std::string_view rest = s_.substr(lt);
    if (rest.starts_with("<!--")) {
      size_t e = s_.find("-->", lt + 4);
      return e == std::string_view::npos ? s_.size() : e + 3;
    }
    bool end_tag = rest.size() > 1 && rest[1] == '/';
    size_t name_begin = lt + (end_tag ? 2 : 1);
    if (name_begin >= s_.size() || !IsTagStart(s_[name_begin])) {
      if (rest.starts_with("<!") || rest.starts_with("<?")) {  // doctype, bogus comment
        size_t e = s_.find('>', lt);
        size_t after = e == std::string_view::npos ? s_.size() : e + 1;
        out_.append(s_.substr(lt, after - lt));
        return after;
      }
      out_.push_back('<');
      return lt + 1;
    }
    size_t i = name_begin;
    while (i < s_.size() && !IsAsciiSpace(s_[i]) && s_[i] != '/' && s_[i] != '>') ++i;
    std::string name = AsciiLower(s_.substr(name_begin, std::min<size_t>(i - name_begin, 32)));
    size_t attrs_begin = i;
    bool self_closing = false;
    size_t gt = TagEnd(i, &self_closing);
    std::string_view tag = s_.substr(lt, gt - lt);
    if (end_tag) {
      EndTag(name, tag);
      return gt;
    }
    if (name == "script" || name == "style") return RawElement(name, lt, gt, attrs_begin);
    if (stack_.size() >= max_depth_ && !IsVoidOrOptionalEnd(name)) return gt;  // flattened
    out_.append(tag);
    bool foreign = std::find(stack_.begin(), stack_.end(), "svg") != stack_.end() ||
                   std::find(stack_.begin(), stack_.end(), "math") != stack_.end();
    if (!IsVoidOrOptionalEnd(name) && !(self_closing && (foreign || name == "svg" || name == "math"))) {
      stack_.push_back(name);
    }
    if (IsRawText(name)) return CopyRawText(name, gt);
    return gt;
  }

  // Position just past the '>' that ends the tag whose attributes start at `i` (quotes honoured).
  size_t TagEnd(size_t i, bool* self_closing) {
    char quote = 0;
    for (; i < s_.size(); ++i) {
      char c = s_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        if (i > 0 && s_[i - 1] == '=') quote = c;  // only a quote that opens an attribute value
      } else if (c == '>') {
        *self_closing = i > 0 && s_[i - 1] == '/';
        return i + 1;
      }
    }
    return s_.size();
  }

  void EndTag(const std::string& name, std::string_view tag) {
    // A misnested formatting end tag ("<em><div></em>") runs the HTML5 adoption agency, which
    // clones elements and nests ever deeper when repeated; dropping it keeps the text and the
    // element stays open (so the depth limit sees it).
    if (IsFormatting(name) && !stack_.empty() && stack_.back() != name) return;
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k] == name) {
        stack_.resize(k);
        out_.append(tag);
        return;
      }
    }
    if (IsVoidOrOptionalEnd(name) || name == "html" || name == "body") out_.append(tag);
    // Other end tags with no open match are dropped: after flattening they would close the
    // wrong element.
  }

  // <script>/<style>: JSON-LD scripts are kept whole; other contents are removed.
  size_t RawElement(const std::string& name, size_t lt, size_t gt, size_t attrs_begin) {
    size_t close = FindNoCase(s_, "</" + name, gt);
    size_t content_end = close == std::string_view::npos ? s_.size() : close;
    size_t after = close == std::string_view::npos ? s_.size() : s_.find('>', close);
    after = after == std::string_view::npos ? s_.size() : after + 1;
    std::string_view attrs = s_.substr(attrs_begin, gt - attrs_begin);
    if (name == "script" && FindNoCase(attrs, "ld+json") != std::string_view::npos) {
      out_.append(s_.substr(lt, gt - lt));
      out_.append(s_.substr(gt, content_end - gt));
      out_.append("</script>");
    }
    return after;
  }

  // <title>, <textarea> ...: their text is not markup; copy it through to the end tag.
  size_t CopyRawText(const std::string& name, size_t gt) {
    size_t close = FindNoCase(s_, "</" + name, gt);
    if (close == std::string_view::npos) close = s_.size();
    out_.append(s_.substr(gt, close - gt));
    return close;
  }

  std::string_view s_;
  size_t max_depth_;
  std::vector<std::string> stack_;
  std::string out_;
};

// ---------------------------------------------------------------------------------------------
// The gumbo tree, flattened into a pre-order element list with per-subtree text sizes.

struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

GumboPtr Parse(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 16;  // the error list is not used; keep it from growing on junk
  return GumboPtr(gumbo_parse_with_options(&options, html.data(), html.size()));
}

std::string_view Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return "";
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

GumboTag Tag(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_LAST; }

bool IsTextNode(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

struct Elem {
  const GumboNode* node = nullptr;
  int parent = -1;
  bool hard = false;      // always dropped
  bool soft = false;      // dropped unless it holds most of the page's text
  bool dropped = false;   // final decision (for this node alone; ancestors checked separately)
  size_t text = 0;        // text bytes in the subtree, dropped parts excluded
  size_t ptext = 0;       // text bytes inside <p> elements in the subtree
  size_t pscore = 0;      // Readability-style: long <p> children's text + half the grandchildren's
};

bool HardDropTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_MAP: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MENU:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool SoftDropTag(GumboTag t) { return t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_FORM; }

// Words in class/id values that mark page furniture. Matched against the parts of each class or
// id token split at '-' and '_' ("social-share-bar" -> social, share, bar), plus whole tokens.
bool IsFurnitureWord(std::string_view w) {
  static const char* kWords[] = {
      "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
      "sharebar", "related", "recommended", "recommendations", "readmore", "more", "trending", "popular",
      "comments", "comment", "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe",
      "subscription", "signup", "promo", "advert", "advertisement", "ad", "ads", "adslot", "sponsored",
      "sponsor", "outbrain", "taboola", "sidebar", "widget", "caption", "credit", "credits", "byline",
      "author", "tags", "footer", "header", "masthead", "banner", "popup", "modal", "paywall", "toolbar",
      "print", "disclaimer", "copyright", "pagination", "pager", "skip", "hidden", "teaser", "teasers",
      "newsletters", "follow", "donate", "rss", "login", "overlay"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool LooksLikeFurniture(std::string_view attr) {
  std::string lower = AsciiLower(attr.substr(0, 512));
  for (std::string_view token : Split(lower, ' ')) {
    if (token.empty() || token.starts_with("has-") || token.starts_with("with-") || token.starts_with("no-") ||
        token.starts_with("is-") || token.starts_with("page-") || token.starts_with("layout")) {
      continue;
    }
    if (token.starts_with("article-") || token.starts_with("story-") || token.starts_with("post-") ||
        token.starts_with("entry-")) {
      // "article-body", "story-content": content; "article-share", "story-related": furniture.
      size_t dash = token.find('-');
      token = token.substr(dash + 1);
    }
    size_t b = 0;
    while (b <= token.size()) {
      size_t e = token.find_first_of("-_", b);
      if (e == std::string_view::npos) e = token.size();
      if (IsFurnitureWord(token.substr(b, e - b))) return true;
      b = e + 1;
    }
  }
  return false;
}

bool SoftDropAttrs(const GumboNode* n) {
  std::string_view role = Attr(n, "role");
  if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
      role == "search" || role == "dialog" || role == "alert" || role == "menu" || role == "toolbar") {
    return true;
  }
  if (Attr(n, "aria-hidden") == "true" || gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr) {
    return true;
  }
  std::string_view style = Attr(n, "style");
  if (FindNoCase(style, "display:none") != std::string_view::npos ||
      FindNoCase(style, "display: none") != std::string_view::npos) {
    return true;
  }
  return LooksLikeFurniture(Attr(n, "class")) || LooksLikeFurniture(Attr(n, "id"));
}

bool IsContentContainer(const GumboNode* n) {
  GumboTag t = Tag(n);
  if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || Attr(n, "role") == "main" ||
      Attr(n, "itemprop") == "articleBody") {
    return true;
  }
  std::string cls = AsciiLower(std::string(Attr(n, "class")) + " " + std::string(Attr(n, "id")));
  for (const char* k : {"article-body", "articlebody", "article__body", "article-content", "story-body",
                        "storybody", "story-content", "entry-content", "post-content", "post-body",
                        "article-text", "body-text", "content-body", "articletext", "story-text"}) {
    if (cls.find(k) != std::string::npos) return true;
  }
  return false;
}

class Tree {
 public:
  explicit Tree(const GumboOutput* out) {
    Flatten(out->root);
    for (Elem& e : elems_) {
      GumboTag t = Tag(e.node);
      e.hard = HardDropTag(t);
      bool keep_tag = t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE;
      e.soft = !keep_tag && (SoftDropTag(t) || SoftDropAttrs(e.node)) && !IsContentContainer(e.node);
      e.dropped = e.hard;
    }
    Measure();
    size_t total = Weight(elems_.empty() ? Elem() : elems_[0]);
    for (Elem& e : elems_) {
      if (e.soft && Weight(e) * 2 < total + 1) e.dropped = true;
    }
    Measure();
  }

  const std::vector<Elem>& elems() const { return elems_; }
  const std::vector<const GumboNode*>& text_nodes() const { return text_nodes_; }

  // True when `i` or an ancestor is dropped.
  bool Dropped(int i) const {
    for (; i >= 0; i = elems_[i].parent) {
      if (elems_[i].dropped) return true;
    }
    return false;
  }

  // True when `i` or an ancestor is always dropped (nav, aside, script ...).
  bool HardDropped(int i) const {
    for (; i >= 0; i = elems_[i].parent) {
      if (elems_[i].hard) return true;
    }
    return false;
  }

  int IndexOf(const GumboNode* n) const {
    auto it = std::lower_bound(order_.begin(), order_.end(), std::make_pair(n, -1));
    return it != order_.end() && it->first == n ? it->second : -1;
  }

 private:
  size_t Weight(const Elem& e) const { return total_ptext_ >= 200 ? e.ptext : e.text; }

  void Flatten(const GumboNode* root) {
    std::vector<std::pair<const GumboNode*, int>> stack = {{root, -1}};
    while (!stack.empty()) {
      auto [n, parent] = stack.back();
      stack.pop_back();
      if (IsTextNode(n)) {
        text_nodes_.push_back(n);
        text_parent_.push_back(parent);
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
      int index = static_cast<int>(elems_.size());
      elems_.push_back(Elem{n, parent});
      order_.emplace_back(n, index);
      const GumboVector& kids = n->v.element.children;
      for (unsigned k = kids.length; k-- > 0;) stack.emplace_back(static_cast<const GumboNode*>(kids.data[k]), index);
    }
    std::sort(order_.begin(), order_.end());
  }

  // Text sizes per subtree, skipping dropped subtrees; children follow parents in elems_.
  void Measure() {
    for (Elem& e : elems_) e.text = e.ptext = e.pscore = 0;
    for (size_t k = 0; k < text_nodes_.size(); ++k) {
      if (text_parent_[k] >= 0) elems_[text_parent_[k]].text += Trim(text_nodes_[k]->v.text.text).size();
    }
    for (size_t i = elems_.size(); i-- > 0;) {
      Elem& e = elems_[i];
      if (e.dropped) e.text = e.ptext = 0;
      if (Tag(e.node) == GUMBO_TAG_P) e.ptext = e.text;
      if (e.parent < 0) continue;
      Elem& p = elems_[e.parent];
      p.text += e.text;
      p.ptext += e.ptext;
      if (Tag(e.node) == GUMBO_TAG_P && e.text >= 25) {
        p.pscore += e.text;
        if (p.parent >= 0) elems_[p.parent].pscore += e.text / 2;
      }
    }
    total_ptext_ = elems_.empty() ? 0 : elems_[0].ptext;
  }

  std::vector<Elem> elems_;
  std::vector<std::pair<const GumboNode*, int>> order_;  // sorted by node, for IndexOf
  std::vector<const GumboNode*> text_nodes_;
  std::vector<int> text_parent_;
  size_t total_ptext_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Text.

// Appends `s` with runs of white space (and no-break spaces) collapsed to one space.
void AppendCollapsed(std::string_view s, std::string* out, bool* pending_space) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool space = IsAsciiSpace(c) || c == '\v';
    if (!space && static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      *pending_space = true;
      continue;
    }
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    out->push_back(c == '\0' ? ' ' : c);
  }
}

// All text under `n`, white space collapsed.
std::string NodeText(const GumboNode* n) {
  std::string out;
  bool pending = false;
  std::vector<const GumboNode*> stack = {n};
  while (!stack.empty() && out.size() < 4096) {
    const GumboNode* cur = stack.back();
    stack.pop_back();
    if (IsTextNode(cur)) {
      AppendCollapsed(cur->v.text.text, &out, &pending);
    } else if (cur->type == GUMBO_NODE_ELEMENT || cur->type == GUMBO_NODE_TEMPLATE) {
      const GumboVector& kids = cur->v.element.children;
      for (unsigned k = kids.length; k-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[k]));
    }
  }
  return out;
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BR: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_HGROUP: case GUMBO_TAG_BODY: case GUMBO_TAG_FORM:
      return true;
    default:
      return false;
  }
}

bool IsCookieNotice(std::string_view text) {
  if (text.size() > 600) return false;
  std::string lower = AsciiLower(text);
  bool cookie = lower.find("cookie") != std::string::npos;
  return (cookie && (lower.find("use") != std::string::npos || lower.find("accept") != std::string::npos ||
                     lower.find("consent") != std::string::npos)) ||
         lower.find("enable javascript") != std::string::npos ||
         lower.find("javascript is disabled") != std::string::npos;
}

// Collects paragraphs from subtrees, dropping furniture blocks.
class BlockWriter {
 public:
  explicit BlockWriter(const Tree& tree) : tree_(tree) {}

  void Write(int root) {
    struct Step {
      const GumboNode* node;
      bool exit;
    };
    std::vector<Step> stack = {{tree_.elems()[root].node, false}};
    while (!stack.empty()) {
      Step step = stack.back();
      stack.pop_back();
      const GumboNode* n = step.node;
      if (IsTextNode(n)) {
        size_t before = block_.size();
        AppendCollapsed(n->v.text.text, &block_, &pending_space_);
        if (link_depth_ > 0) link_bytes_ += block_.size() - before;
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
      GumboTag t = Tag(n);
      if (step.exit) {
        if (t == GUMBO_TAG_A) --link_depth_;
        if (IsBlockTag(t)) Flush();
        continue;
      }
      int i = tree_.IndexOf(n);
      if (i < 0 || tree_.elems()[i].dropped) continue;
      if (IsBlockTag(t)) Flush();
      if (t == GUMBO_TAG_A) ++link_depth_;
      if (t == GUMBO_TAG_IMG || t == GUMBO_TAG_BR) pending_space_ = true;
      stack.push_back({n, true});
      const GumboVector& kids = n->v.element.children;
      for (unsigned k = kids.length; k-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[k]), false});
    }
    Flush();
  }

  std::string Take() { return std::move(out_); }

 private:
  void Flush() {
    std::string_view text = Trim(block_);
    bool keep = !text.empty() && link_bytes_ * 2 <= text.size() && !IsCookieNotice(text) &&
                ClassifyLine(text).kind == LineKind::kContent;
    if (keep) {
      if (!out_.empty()) out_.append("\n\n");
      out_.append(text);
    }
    block_.clear();
    link_bytes_ = 0;
    pending_space_ = false;
  }

  const Tree& tree_;
  std::string block_;
  std::string out_;
  size_t link_bytes_ = 0;
  int link_depth_ = 0;
  bool pending_space_ = false;
};

// ---------------------------------------------------------------------------------------------
// Metadata.

struct Meta {
  std::string og_title, title_tag, h1, ld_headline;
  std::string published, ld_date, meta_date, itemprop_date, time_date;
  std::string canonical, og_url, site_name;
};

void FindJsonLd(const nlohmann::json& j, int depth, Meta* m) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& v : j) FindJsonLd(v, depth + 1, m);
    return;
  }
  if (!j.is_object()) return;
  auto date = j.find("datePublished");
  if (m->ld_date.empty() && date != j.end() && date->is_string()) m->ld_date = date->get<std::string>();
  auto headline = j.find("headline");
  if (m->ld_headline.empty() && headline != j.end() && headline->is_string()) {
    m->ld_headline = headline->get<std::string>();
  }
  for (const auto& [key, value] : j.items()) {
    if (value.is_structured()) FindJsonLd(value, depth + 1, m);
  }
}

void ReadMetaTag(const GumboNode* n, Meta* m) {
  std::string key = AsciiLower(!Attr(n, "property").empty() ? Attr(n, "property")
                               : !Attr(n, "name").empty()   ? Attr(n, "name")
                                                            : Attr(n, "itemprop"));
  std::string content(Trim(Attr(n, "content")));
  if (content.empty()) return;
  auto set = [&](std::string* field) {
    if (field->empty()) *field = content;
  };
  if (key == "og:title") set(&m->og_title);
  if (key == "og:url") set(&m->og_url);
  if (key == "og:site_name") set(&m->site_name);
  if (key == "article:published_time" || key == "og:article:published_time" ||
      key == "article.published" || key == "og:published_time") {
    set(&m->published);
  }
  if (key == "datepublished") set(&m->itemprop_date);
  for (const char* k : {"date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date",
                        "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date",
                        "parsely-pub-date", "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime"}) {
    if (key == k) set(&m->meta_date);
  }
}

Meta ReadMeta(const Tree& tree) {
  Meta m;
  for (size_t i = 0; i < tree.elems().size(); ++i) {
    const GumboNode* n = tree.elems()[i].node;
    switch (Tag(n)) {
      case GUMBO_TAG_TITLE:
        if (m.title_tag.empty()) m.title_tag = NodeText(n);
        break;
      case GUMBO_TAG_META:
        ReadMetaTag(n, &m);
        break;
      case GUMBO_TAG_LINK:
        if (m.canonical.empty() && AsciiLower(Attr(n, "rel")) == "canonical") m.canonical = Trim(Attr(n, "href"));
        break;
      case GUMBO_TAG_SCRIPT:
        if (FindNoCase(Attr(n, "type"), "ld+json") != std::string_view::npos && n->v.element.children.length > 0) {
          const auto* text = static_cast<const GumboNode*>(n->v.element.children.data[0]);
          if (IsTextNode(text)) {
            nlohmann::json j = nlohmann::json::parse(text->v.text.text, nullptr, /*allow_exceptions=*/false);
            if (!j.is_discarded()) FindJsonLd(j, 0, &m);
          }
        }
        break;
      case GUMBO_TAG_H1:
        if (m.h1.empty() && !tree.HardDropped(static_cast<int>(i))) m.h1 = NodeText(n);
        break;
      case GUMBO_TAG_TIME:
        if (m.time_date.empty() && !Attr(n, "datetime").empty()) m.time_date = Attr(n, "datetime");
        if (m.itemprop_date.empty() && Attr(n, "itemprop") == "datePublished") m.itemprop_date = Attr(n, "datetime");
        break;
      default:
        break;
    }
  }
  return m;
}

// "Taliban take Kunduz | Daily News" -> "Taliban take Kunduz": a last part of at most 4 words
// after " | ", " - ", " – " or " — " goes when at least 3 words remain.
std::string StripSiteSuffix(std::string_view title) {
  title = Trim(title);
  size_t best = std::string_view::npos, sep_len = 0;
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
    size_t at = title.rfind(sep);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
      best = at;
      sep_len = sep.size();
    }
  }
  if (best == std::string_view::npos) return std::string(title);
  std::string_view head = Trim(title.substr(0, best)), tail = title.substr(best + sep_len);
  if (CountWords(tail) <= 4 && CountWords(head) >= 3) return std::string(head);
  return std::string(title);
}

std::string ResolveUrl(std::string_view href, std::string_view base) {
  if (href.starts_with("http://") || href.starts_with("https://")) return std::string(href);
  size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return "";
  if (href.starts_with("//")) return std::string(base.substr(0, scheme + 1)) + std::string(href);
  if (!href.starts_with("/")) return "";
  size_t path = base.find('/', scheme + 3);
  return std::string(base.substr(0, path)) + std::string(href);
}

std::string FirstDate(std::initializer_list<const std::string*> candidates) {
  for (const std::string* c : candidates) {
    std::string d = NormalizePageDate(*c);
    if (!d.empty()) return d;
  }
  return "";
}

// The subtrees holding the article: see step 5 in the header.
std::vector<int> ChooseRoots(const Tree& tree) {
  const std::vector<Elem>& elems = tree.elems();
  int body = 0, best_container = -1, best_scored = -1;
  for (size_t i = 0; i < elems.size(); ++i) {
    const Elem& e = elems[i];
    if (Tag(e.node) == GUMBO_TAG_BODY) body = static_cast<int>(i);
    if (e.ptext == 0 || tree.Dropped(static_cast<int>(i))) continue;
    if (IsContentContainer(e.node) && (best_container < 0 || e.ptext > elems[best_container].ptext)) {
      best_container = static_cast<int>(i);
    }
    if (e.pscore > 0 && (best_scored < 0 || e.pscore > elems[best_scored].pscore)) best_scored = static_cast<int>(i);
  }
  size_t total = elems.empty() ? 0 : elems[0].ptext;
  if (best_container >= 0 && elems[best_container].ptext * 4 >= total) {
    // Sibling containers of the same kind (a body split around an ad) come along.
    std::vector<int> roots;
    const GumboNode* chosen = elems[best_container].node;
    for (size_t i = 0; i < elems.size(); ++i) {
      const Elem& e = elems[i];
      if (static_cast<int>(i) == best_container ||
          (e.parent == elems[best_container].parent && e.ptext > 0 && Tag(e.node) == Tag(chosen) &&
           Attr(e.node, "class") == Attr(chosen, "class") && !tree.Dropped(static_cast<int>(i)))) {
        roots.push_back(static_cast<int>(i));
      }
    }
    return roots;
  }
  if (best_scored >= 0) {
    std::vector<int> roots;
    const Elem& chosen = elems[best_scored];
    for (size_t i = 0; i < elems.size(); ++i) {
      const Elem& e = elems[i];
      if (static_cast<int>(i) == best_scored ||
          (chosen.parent >= 0 && e.parent == chosen.parent && !tree.Dropped(static_cast<int>(i)) &&
           e.pscore * 5 >= chosen.pscore)) {
        roots.push_back(static_cast<int>(i));
      }
    }
    return roots;
  }
  return {body};
}

// NUL bytes, or more than 10% control bytes, in the first 4 KiB: an image, a PDF, junk.
bool LooksBinary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return control * 10 > head.size();
}

std::string PlainTextParagraphs(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t blank = text.find("\n\n", start);
    size_t crlf = text.find("\r\n\r\n", start);
    size_t end = std::min(blank, crlf);
    if (end == std::string_view::npos) end = text.size();
    std::string para;
    bool pending = false;
    AppendCollapsed(text.substr(start, end - start), &para, &pending);
    std::string_view kept = Trim(para);
    if (!kept.empty()) {
      if (!out.empty()) out.append("\n\n");
      out.append(kept);
    }
    start = end + (end == crlf ? 4 : 2);
  }
  return out;
}

}  // namespace

std::string UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos || scheme > 10) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host = AsciiLower(rest);
  if (host.starts_with("www.")) host = host.substr(4);
  return host;
}

std::string ToUtf8(std::string_view bytes, std::string_view declared, std::string* error) {
  error->clear();
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (utf8::IsValid(bytes)) return std::string(bytes);
  std::string cs = declared.empty() ? SniffCharset(bytes) : AsciiLower(declared);
  if (cs.empty() || IsLatinCharset(cs)) {
    std::string out;
    AppendWindows1252(bytes, &out);
    return out;
  }
  if (IsUtf8Charset(cs)) return RepairUtf8(bytes);
  *error = "unsupported charset '" + cs + "'";
  return "";
}

std::string PrepareHtml(std::string_view html, size_t max_depth) { return HtmlPreparer(html, max_depth).Run(); }

HtmlPage ExtractHtmlArticle(std::string_view html, std::string_view page_url, std::string_view http_charset) {
  HtmlPage page;
  if (LooksBinary(html)) {
    page.error = "binary data, not an HTML page";
    return page;
  }
  std::string decoded = ToUtf8(html, http_charset, &page.error);
  if (!page.error.empty()) return page;
  std::string prepared = PrepareHtml(decoded);
  GumboPtr out = Parse(prepared);
  if (!out) {
    page.error = "HTML could not be parsed";
    return page;
  }
  Tree tree(out.get());
  Meta meta = ReadMeta(tree);
  std::vector<int> roots = ChooseRoots(tree);
  BlockWriter writer(tree);
  for (int root : roots) writer.Write(root);
  page.text = writer.Take();
  std::string title = !meta.og_title.empty() ? StripSiteSuffix(meta.og_title)
                      : !meta.h1.empty()     ? meta.h1
                      : !meta.ld_headline.empty() ? std::string(Trim(meta.ld_headline))
                                                  : StripSiteSuffix(meta.title_tag);
  page.title = std::string(Trim(title));
  page.date = FirstDate({&meta.published, &meta.ld_date, &meta.meta_date, &meta.itemprop_date, &meta.time_date});
  page.url = ResolveUrl(meta.canonical, page_url);
  if (page.url.empty()) page.url = ResolveUrl(meta.og_url, page_url);
  if (page.url.empty()) page.url = std::string(page_url);
  page.host = UrlHost(page.url);
  if (!utf8::IsValid(page.title)) page.title = RepairUtf8(page.title);
  if (!utf8::IsValid(page.text)) page.text = RepairUtf8(page.text);
  if (Trim(page.text).empty()) page.error = "no article text in the HTML page";
  return page;
}

std::string HtmlFragmentToText(std::string_view html) {
  std::string error;
  std::string decoded = ToUtf8(html, "utf-8", &error);
  if (decoded.find('<') == std::string::npos && decoded.find('&') == std::string::npos) {
    return PlainTextParagraphs(decoded);
  }
  std::string prepared;
  if (decoded.find('<') == std::string::npos) {  // entities but no tags: keep the paragraphs
    std::string paragraphs = PlainTextParagraphs(decoded);
    for (std::string_view para : Split(paragraphs, '\n')) {
      if (!para.empty()) prepared.append("<p>").append(para).append("</p>");
    }
  } else {
    prepared = PrepareHtml(decoded);
  }
  GumboPtr out = Parse(prepared);
  if (!out) return "";
  Tree tree(out.get());
  int body = 0;
  for (size_t i = 0; i < tree.elems().size(); ++i) {
    if (Tag(tree.elems()[i].node) == GUMBO_TAG_BODY) body = static_cast<int>(i);
  }
  BlockWriter writer(tree);
  writer.Write(body);
  std::string text = writer.Take();
  return utf8::IsValid(text) ? text : RepairUtf8(text);
}

}  // namespace dyad::ingest
