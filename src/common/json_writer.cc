#include "common/json_writer.h"

#include <cmath>
#include <cstdio>

#include "common/utf8.h"

namespace dyad {

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

JsonWriter& JsonWriter::Int(int64_t v) { Comma(); out_->append(std::to_string(v)); return *this; }

JsonWriter& JsonWriter::Double(double v, int decimals) {
  Comma();
  if (!std::isfinite(v)) { out_->append("null"); return *this; }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  // Trim trailing zeros for compactness ("30.960000" -> "30.96").
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  out_->append(s);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool v) { Comma(); out_->append(v ? "true" : "false"); return *this; }
JsonWriter& JsonWriter::Null() { Comma(); out_->append("null"); return *this; }

void JsonWriter::AppendEscaped(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
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
