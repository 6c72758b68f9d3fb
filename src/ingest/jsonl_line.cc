#include "ingest/jsonl_line.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "common/utf8.h"
#include "dyad/date.h"

namespace dyad::ingest {
namespace {

using nlohmann::json;

enum class Field { kAbsent, kOk, kWrongType };

InputError MakeError(const JsonlContext& c, std::string reason, int64_t offset) {
  InputError e;
  e.file = std::string(c.file);
  e.line = c.line;
  e.offset = offset;
  e.reason = std::move(reason);
  return e;
}

// Reads string field `key`: absent or null -> kAbsent (out untouched).
Field GetString(const json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return Field::kAbsent;
  if (!it->is_string()) return Field::kWrongType;
  *out = it->get<std::string>();
  return Field::kOk;
}

// The id as text; "" when absent/blank (the caller generates one). False on a wrong type.
bool GetId(const json& object, std::string* id) {
  auto it = object.find("id");
  if (it == object.end() || it->is_null()) return true;
  if (it->is_string()) {
    *id = std::string(Trim(it->get<std::string>()));
  } else if (it->is_number_integer()) {  // signed or unsigned
    *id = it->dump();
  } else if (it->is_number_float()) {
    *id = it->dump();
  } else {
    return false;
  }
  return true;
}

// Validates "text"; returns the reason it is unusable, or "" when it is fine.
std::string CheckText(const json& object, size_t max_bytes, std::string* text) {
  switch (GetString(object, "text", text)) {
    case Field::kAbsent: return "missing field 'text'";
    case Field::kWrongType: return "field 'text' must be a string";
    case Field::kOk: break;
  }
  if (Trim(*text).empty()) return "empty text";
  if (text->size() > max_bytes) {
    return "text is " + std::to_string(text->size()) + " bytes, over the limit of " +
           std::to_string(max_bytes);
  }
  return "";
}

void ReadOptional(const json& object, const char* key, std::string* out, const JsonlContext& c,
                  ReadItem* item) {
  if (GetString(object, key, out) == Field::kWrongType) {
    InputError e = MakeError(c, std::string("field '") + key + "' must be a string", c.offset);
    e.warning = true;
    item->errors.push_back(std::move(e));
  }
}

// "publisher", else "source" as a string or as {"name": "..."} (news API style).
void ReadPublisher(const json& object, Article* a, const JsonlContext& c, ReadItem* item) {
  if (object.contains("publisher")) return ReadOptional(object, "publisher", &a->publisher, c, item);
  auto it = object.find("source");
  if (it != object.end() && it->is_object()) {
    auto name = it->find("name");
    if (name != it->end() && name->is_string()) a->publisher = name->get<std::string>();
    return;
  }
  ReadOptional(object, "source", &a->publisher, c, item);
}

void ReadDate(const json& object, Article* a, const JsonlContext& c, ReadItem* item) {
  std::string raw;
  Field f = GetString(object, "date", &raw);
  if (f == Field::kAbsent || (f == Field::kOk && Trim(raw).empty())) return;
  std::optional<Date> date;
  if (f == Field::kOk) date = Date::Parse(Trim(raw));
  if (date) {
    a->date = date->ToString();
    return;
  }
  std::string shown = f == Field::kOk ? "'" + raw.substr(0, 40) + "'" : "of type " +
                                                                            std::string(object.find("date")->type_name());
  InputError e = MakeError(c, "invalid date " + shown + "; article kept without a date", c.offset);
  e.warning = true;
  item->errors.push_back(std::move(e));
}

// Fills *a from a parsed object; on a fatal problem returns false with the error in *item.
bool BuildArticle(const json& object, const JsonlContext& c, Article* a, ReadItem* item) {
  if (!GetId(object, &a->id)) {
    item->errors.push_back(MakeError(c, "field 'id' must be a string or number", c.offset));
    return false;
  }
  if (a->id.empty()) a->id = std::string(c.stem) + ":" + std::to_string(c.line);
  std::string reason = CheckText(object, c.max_text_bytes, &a->text);
  if (!reason.empty()) {
    item->errors.push_back(MakeError(c, std::move(reason), c.offset));
    item->errors.back().article_id = a->id;
    return false;
  }
  ReadDate(object, a, c, item);
  ReadOptional(object, "title", &a->title, c, item);
  ReadOptional(object, "url", &a->url, c, item);
  ReadPublisher(object, a, c, item);
  for (InputError& e : item->errors) e.article_id = a->id;
  return true;
}

}  // namespace

void ParseJsonlLine(std::string_view line, const JsonlContext& context, ReadItem* item) {
  size_t bad = utf8::FirstInvalid(line);
  if (bad != line.size()) {
    item->errors.push_back(MakeError(context, "invalid UTF-8", context.offset + static_cast<int64_t>(bad)));
    return;
  }
  json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) {
    item->errors.push_back(MakeError(context, "invalid JSON", context.offset));
    return;
  }
  if (!object.is_object()) {
    item->errors.push_back(MakeError(context, "line is not a JSON object", context.offset));
    return;
  }
  Article article;
  if (BuildArticle(object, context, &article, item)) item->article = std::move(article);
}

}  // namespace dyad::ingest
