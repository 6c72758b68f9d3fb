// A small streaming JSON writer for output records. Appends to a caller-owned string so the hot
// loop reuses one buffer. Strings are escaped per RFC 8259; invalid UTF-8 bytes become U+FFFD so
// the output is always valid JSON.
#ifndef DYAD_COMMON_JSON_WRITER_H_
#define DYAD_COMMON_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view k);
  JsonWriter& String(std::string_view v);
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v, int decimals = 6);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // A value that is already JSON (an object rendered earlier), appended as it is.
  JsonWriter& Raw(std::string_view json);
  // Key + value shorthands.
  JsonWriter& Field(std::string_view k, std::string_view v) { return Key(k).String(v); }
  JsonWriter& Field(std::string_view k, const char* v) { return Key(k).String(v); }
  JsonWriter& Field(std::string_view k, int64_t v) { return Key(k).Int(v); }
  JsonWriter& Field(std::string_view k, int v) { return Key(k).Int(v); }

  static void AppendEscaped(std::string_view s, std::string* out);

 private:
  void Comma();
  std::string* out_;
  bool need_comma_ = false;
};

}  // namespace dyad

#endif  // DYAD_COMMON_JSON_WRITER_H_
