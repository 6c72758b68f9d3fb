#include "ingest/xml_scan.h"

#include "common/utf8.h"

namespace dyad::ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsNameChar(char c) { return !IsSpace(c) && c != '/' && c != '>' && c != '<' && c != '=' && c != '"' && c != '\''; }

// Decodes one "&...;" at s[i] into *out; returns the bytes consumed, 0 when it is not one we decode.
size_t DecodeEntity(std::string_view s, size_t i, std::string* out) {
  size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view name = s.substr(i + 1, semi - i - 1);
  static const std::pair<std::string_view, char> kNamed[] = {
      {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& [n, c] : kNamed) {
    if (name == n) {
      out->push_back(c);
      return semi - i + 1;
    }
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  bool hex = name[1] == 'x' || name[1] == 'X';
  std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  char32_t cp = 0;
  for (char c : digits) {
    int v = c >= '0' && c <= '9' ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
    if (v < 0) return 0;
    cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  utf8::Append(cp, out);
  return semi - i + 1;
}

class Scanner {
 public:
  Scanner(std::string_view xml, size_t max_depth) : s_(xml), max_depth_(max_depth) {}

  XmlDocument Run() {
    while (pos_ < s_.size()) {
      size_t lt = s_.find('<', pos_);
      if (lt == std::string_view::npos) lt = s_.size();
      if (lt > pos_) Text(s_.substr(pos_, lt - pos_));
      pos_ = lt;
      if (pos_ < s_.size()) Markup();
    }
    while (!stack_.empty()) Close(s_.size());
    return std::move(doc_);
  }

 private:
  void Text(std::string_view t) {
    if (!stack_.empty()) AppendXmlDecoded(t, &doc_.elements[stack_.back()].text);
  }

  // Skips to just past `end` (or to the end of the input).
  void SkipPast(std::string_view end) {
    size_t e = s_.find(end, pos_);
    if (e == std::string_view::npos) ++doc_.malformed;  // unterminated: it swallows the rest
    pos_ = e == std::string_view::npos ? s_.size() : e + end.size();
  }

  void Markup() {
    std::string_view rest = s_.substr(pos_);
    if (rest.starts_with("<!--")) return SkipPast("-->");
    if (rest.starts_with("<![CDATA[")) {
      size_t begin = pos_ + 9;
      size_t e = s_.find("]]>", begin);
      size_t end = e == std::string_view::npos ? s_.size() : e;
      if (e == std::string_view::npos) ++doc_.malformed;
      if (!stack_.empty()) doc_.elements[stack_.back()].text.append(s_.substr(begin, end - begin));
      pos_ = e == std::string_view::npos ? s_.size() : e + 3;
      return;
    }
    if (rest.starts_with("<?")) return SkipPast("?>");
    if (rest.starts_with("<!")) return SkipDeclaration();
    if (rest.starts_with("</")) return EndTag();
    StartTag();
  }

  // <!DOCTYPE ...> with an optional [internal subset].
  void SkipDeclaration() {
    int brackets = 0;
    for (++pos_; pos_ < s_.size(); ++pos_) {
      char c = s_[pos_];
      if (c == '[') ++brackets;
      if (c == ']' && brackets > 0) --brackets;
      if (c == '>' && brackets == 0) break;
    }
    if (pos_ >= s_.size()) ++doc_.malformed;
    pos_ = pos_ < s_.size() ? pos_ + 1 : s_.size();
  }

  std::string_view Name(size_t* i) {
    size_t b = *i;
    while (*i < s_.size() && IsNameChar(s_[*i])) ++*i;
    return s_.substr(b, *i - b);
  }

  void EndTag() {
    size_t lt = pos_;
    size_t i = pos_ + 2;
    std::string_view name = Name(&i);
    size_t gt = s_.find('>', i);
    pos_ = gt == std::string_view::npos ? s_.size() : gt + 1;
    for (size_t k = stack_.size(); k-- > 0;) {
      if (doc_.elements[stack_[k]].name == name) {
        while (stack_.size() > k) Close(lt);
        return;
      }
    }
    ++doc_.malformed;
  }

  void Close(size_t at) {
    doc_.elements[stack_.back()].inner_end = at;
    stack_.pop_back();
  }

  void StartTag() {
    size_t lt = pos_;
    size_t i = pos_ + 1;
    std::string_view name = Name(&i);
    if (name.empty()) {  // a bare '<' in text
      Text("<");
      ++doc_.malformed;
      pos_ = lt + 1;
      return;
    }
    XmlElement e;
    e.name = std::string(name);
    e.offset = lt;
    bool self_closing = Attributes(&i, &e);
    pos_ = i;
    if (stack_.size() >= max_depth_) {
      ++doc_.malformed;
      return;
    }
    e.inner_begin = e.inner_end = pos_;
    e.parent = stack_.empty() ? -1 : stack_.back();
    int index = static_cast<int>(doc_.elements.size());
    if (e.parent >= 0) doc_.elements[e.parent].children.push_back(index);
    doc_.elements.push_back(std::move(e));
    if (!self_closing) stack_.push_back(index);
  }

  // Reads attributes up to and past '>'; returns true for "/>".
  bool Attributes(size_t* i, XmlElement* e) {
    while (*i < s_.size()) {
      char c = s_[*i];
      if (IsSpace(c)) {
        ++*i;
      } else if (c == '>') {
        ++*i;
        return false;
      } else if (c == '/' && *i + 1 < s_.size() && s_[*i + 1] == '>') {
        *i += 2;
        return true;
      } else if (c == '<') {  // unterminated tag: let the next tag start here
        ++doc_.malformed;
        return false;
      } else if (!IsNameChar(c)) {
        ++*i;
      } else {
        std::string_view key = Name(i);
        std::string value;
        while (*i < s_.size() && IsSpace(s_[*i])) ++*i;
        if (*i < s_.size() && s_[*i] == '=') {
          ++*i;
          while (*i < s_.size() && IsSpace(s_[*i])) ++*i;
          value = Value(i);
        }
        e->attributes.emplace_back(std::string(key), std::move(value));
      }
    }
    return false;
  }

  std::string Value(size_t* i) {
    std::string out;
    if (*i >= s_.size()) return out;
    char q = s_[*i];
    size_t b = *i, e;
    if (q == '"' || q == '\'') {
      e = s_.find(q, b + 1);
      if (e == std::string_view::npos) {
        // Never closed: end the value at the tag's '>' rather than swallow the rest of the feed
        // (the items after it would be lost without a word).
        ++doc_.malformed;
        e = s_.find('>', b + 1);
        if (e == std::string_view::npos) e = s_.size();
        AppendXmlDecoded(s_.substr(b + 1, e - b - 1), &out);
        *i = e;
        return out;
      }
      AppendXmlDecoded(s_.substr(b + 1, e - b - 1), &out);
      *i = e < s_.size() ? e + 1 : e;
      return out;
    }
    e = b;
    while (e < s_.size() && !IsSpace(s_[e]) && s_[e] != '>') ++e;
    AppendXmlDecoded(s_.substr(b, e - b), &out);
    *i = e;
    return out;
  }

  std::string_view s_;
  size_t max_depth_;
  size_t pos_ = 0;
  std::vector<int> stack_;
  XmlDocument doc_;
};

}  // namespace

std::string_view XmlElement::LocalName() const {
  std::string_view n = name;
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string_view XmlElement::Attr(std::string_view key) const {
  for (const auto& [k, v] : attributes) {
    if (k == key) return v;
  }
  return "";
}

void AppendXmlDecoded(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) amp = s.size();
    out->append(s.substr(i, amp - i));
    if (amp == s.size()) break;
    size_t used = DecodeEntity(s, amp, out);
    if (used == 0) {
      out->push_back('&');
      used = 1;
    }
    i = amp + used;
  }
}

XmlDocument ScanXml(std::string_view xml, size_t max_depth) { return Scanner(xml, max_depth).Run(); }

}  // namespace dyad::ingest
