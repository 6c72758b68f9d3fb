#include "common/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "common/utf8.h"

namespace dyad {
namespace {

// Printable ASCII other than the quote and the backslash.
bool NeedsNoEscape(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

}  // namespace

void JsonWriter::Comma() {
  if (need_comma_) out_->push_back(',');
  need_comma_ = true;
}

JsonWriter& JsonWriter::BeginObject() { Comma(); out_->push_back('{'); need_comma_ = false; return *this; }
JsonWriter& JsonWriter::EndObject() { out_->push_back('}'); need_comma_ = true; return *this; }
JsonWriter& JsonWriter::BeginArray() { Comma(); out_->push_back('['); need_comma_ = false; return *this; }
JsonWriter& JsonWriter::EndArray() { out_->push_back(']'); need_comma_ = true; return *this; }

JsonWriter& JsonWriter::Key(std::string_view k) {
  Comma();
  AppendEscaped(k, out_);
  out_->push_back(':');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view v) { Comma(); AppendEscaped(v, out_); return *this; }

JsonWriter& JsonWriter::Int(int64_t v) {
  Comma();
  char buf[24];
  out_->append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  return *this;
}

JsonWriter& JsonWriter::Double(double v, int decimals) {
  Comma();
  if (!std::isfinite(v)) {
    out_->append("null");
    return *this;
  }
  // Whole numbers (counts, most Goldstein scores, zero shares) print as integers: what printf
  // and trimming below would give, without formatting digits.
  char buf[352];
  if (v == std::trunc(v) && std::fabs(v) < 1e15) {
    // -0.0 becomes 0, as "-0" does below.
    out_->append(buf, std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(v)).ptr);
    return *this;
  }
  // Fixed notation as printf("%.*f") gives it (to_chars is specified to match, and is faster),
  // then trailing zeros trimmed for compactness ("30.960000" -> "30.96"). 320 digits hold any
  // double at up to 17 decimals.
  char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals).ptr;
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
  }
  std::string_view s(buf, end - buf);
  out_->append(s == "-0" ? "0" : s);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool v) { Comma(); out_->append(v ? "true" : "false"); return *this; }
JsonWriter& JsonWriter::Null() { Comma(); out_->append("null"); return *this; }
JsonWriter& JsonWriter::Raw(std::string_view json) { Comma(); out_->append(json); return *this; }

void JsonWriter::AppendEscaped(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // Copy the run of bytes that need no escaping in one append.
    size_t run = i;
    while (run < s.size() && NeedsNoEscape(static_cast<unsigned char>(s[run]))) ++run;
    if (run > i) {
      out->append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len;
      char32_t cp = utf8::Decode(s, i, &len);
      if (cp == 0xFFFD && len == 1) out->append("\xEF\xBF\xBD");
      else out->append(s.substr(i, len));
      i += len;
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

}  // namespace dyad
