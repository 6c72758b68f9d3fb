#include "store/event_sink.h"

#include <cstdio>

#include "common/hash.h"
#include "common/json_writer.h"

namespace dyad::store {
namespace {

std::string PlaceKey(const Document& doc, const Event& e) {
  if (e.place < 0) return "";
  const PlaceMention& p = doc.places[e.place];
  return p.geonames_id != 0 ? std::to_string(p.geonames_id) : p.country + ":" + p.name;
}

void WriteSpan(JsonWriter& w, Span s) {
  w.Key("span").BeginArray().Int(s.begin).Int(s.end).EndArray();
}

void WriteActor(JsonWriter& w, const Document& doc, const EventActor& a) {
  w.BeginObject();
  w.Field("code", a.code).Field("country", a.country).Field("sector", a.sector).Field("name", a.name);
  w.Field("text", doc.Text(a.span));
  WriteSpan(w, a.span);
  w.EndObject();
}

void WriteLocation(JsonWriter& w, const Document& doc, const Event& e) {
  if (e.place < 0) { w.Null(); return; }
  const PlaceMention& p = doc.places[e.place];
  w.BeginObject();
  w.Field("name", p.name).Field("country", p.country).Field("admin1", p.admin1);
  w.Key("lat").Double(p.lat, 5).Key("lon").Double(p.lon, 5);
  w.Key("geonames_id");
  if (p.geonames_id != 0) w.Int(p.geonames_id); else w.Null();
  w.Field("precision", p.precision).Field("text", doc.Text(p.span));
  WriteSpan(w, p.span);
  w.EndObject();
}

std::string Goldstein(double g) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", g);
  return buf;
}

}  // namespace

std::string EventId(const Document& doc, const Event& e) {
  return Hasher().Add(doc.article.id).Add(uint64_t{e.trigger.begin}).Add(uint64_t{e.trigger.end})
      .Add(e.cameo).Add(e.source.code).Add(e.target.code).Add(PlaceKey(doc, e)).Hex();
}

std::string EventKey(const Event& e, const Document& doc) {
  return Hasher().Add(e.date.from.ToString()).Add(e.date.to.ToString()).Add(e.source.code)
      .Add(e.target.code).Add(e.cameo).Add(PlaceKey(doc, e)).Hex();
}

void AppendEventJson(const Document& doc, const Event& e, const RecordContext& ctx, std::string* out) {
  const lexicon::CameoCode* code = ctx.cameo ? ctx.cameo->Find(e.cameo) : nullptr;
  const Sentence& s = doc.sentences[e.sentence];
  JsonWriter w(out);
  w.BeginObject();
  w.Field("id", EventId(doc, e)).Field("event_key", EventKey(e, doc));
  w.Field("article_id", doc.article.id).Field("publisher", doc.article.publisher).Field("url", doc.article.url);
  w.Field("published", doc.article.date);
  if (!doc.article.duplicate_of.empty()) w.Field("duplicate_of", doc.article.duplicate_of);
  w.Field("sentence_index", static_cast<int64_t>(e.sentence));
  w.Field("date", e.date.from.ToString());
  if (e.date.valid() && e.date.to != e.date.from) {
    w.Field("date_from", e.date.from.ToString()).Field("date_to", e.date.to.ToString());
  }
  w.Field("date_basis", e.date_basis).Field("date_precision", DatePrecisionName(e.date.precision));
  w.Key("source");
  WriteActor(w, doc, e.source);
  w.Key("target");
  if (e.has_target) WriteActor(w, doc, e.target); else w.Null();
  w.Field("cameo", e.cameo).Field("cameo_root", e.cameo.substr(0, 2));
  w.Key("quad_class");
  if (code) w.Int(code->quad_class); else w.Null();
  w.Key("goldstein");
  if (code) w.Double(code->goldstein, 1); else w.Null();
  w.Key("plover");
  if (code && !code->plover.empty()) w.String(code->plover); else w.Null();
  w.Key("plover_mode");
  if (code && !code->plover_mode.empty()) w.String(code->plover_mode); else w.Null();
  w.Key("plover_context");
  if (code && !code->plover_context.empty()) w.String(code->plover_context); else w.Null();
  w.Key("location");
  WriteLocation(w, doc, e);
  w.Field("sentence", doc.Text(s.span));
  w.Key("trigger").BeginObject().Field("text", doc.Text(e.trigger));
  WriteSpan(w, e.trigger);
  w.EndObject();
  w.Field("modality", e.modality).Field("rule", e.rule);
  w.Field("dyad_version", ctx.dyad_version).Field("lexicon_version", ctx.lexicon_version);
  w.EndObject();
  out->push_back('\n');
}

Result<std::string> WithDuplicateOf(std::string_view records, std::string_view duplicate_of) {
  if (duplicate_of.empty()) return std::string(records);
  std::string field = ",";
  JsonWriter(&field).Field("duplicate_of", duplicate_of);
  // Inside a JSON string every '"' is escaped, so the first ,"published":" is the key's.
  constexpr std::string_view kPublished = ",\"published\":\"";
  std::string out;
  out.reserve(records.size() + field.size() * 4);
  size_t begin = 0;
  while (begin < records.size()) {
    size_t end = records.find('\n', begin);
    end = end == std::string_view::npos ? records.size() : end + 1;
    std::string_view line = records.substr(begin, end - begin);
    size_t at = line.find(kPublished);
    if (at == std::string_view::npos) return Status::InvalidArgument("not an event record: no published date");
    size_t i = at + kPublished.size();
    while (i < line.size() && line[i] != '"') i += line[i] == '\\' ? 2 : 1;
    if (i >= line.size()) return Status::InvalidArgument("not an event record: unterminated published date");
    out.append(line.substr(0, i + 1)).append(field).append(line.substr(i + 1));
    begin = end;
  }
  return out;
}

std::string EventTsvHeader() {
  return "article_id\tsentence_index\tdate\tdate_basis\tsource_code\tsource_name\tcameo\t"
         "quad_class\tgoldstein\ttarget_code\ttarget_name\tlocation\tlat\tlon\ttrigger\tsentence\n";
}

void AppendEventTsv(const Document& doc, const Event& e, const RecordContext& ctx, std::string* out) {
  const lexicon::CameoCode* code = ctx.cameo ? ctx.cameo->Find(e.cameo) : nullptr;
  auto clean = [](std::string_view s) {
    std::string o(s);
    for (char& c : o) if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return o;
  };
  const PlaceMention* p = e.place >= 0 ? &doc.places[e.place] : nullptr;
  char lat[32] = "", lon[32] = "";
  if (p) {
    std::snprintf(lat, sizeof lat, "%.5f", p->lat);
    std::snprintf(lon, sizeof lon, "%.5f", p->lon);
  }
  std::string row = clean(doc.article.id) + "\t" + std::to_string(e.sentence) + "\t" +
                    e.date.from.ToString() + "\t" + e.date_basis + "\t" + e.source.code + "\t" +
                    clean(e.source.name) + "\t" + e.cameo + "\t" +
                    (code ? std::to_string(code->quad_class) : "") + "\t" +
                    (code ? Goldstein(code->goldstein) : "") + "\t" + e.target.code + "\t" +
                    clean(e.target.name) + "\t" + (p ? clean(p->name) : "") + "\t" + lat + "\t" +
                    lon + "\t" + clean(doc.Text(e.trigger)) + "\t" +
                    clean(doc.Text(doc.sentences[e.sentence].span)) + "\n";
  out->append(row);
}

}  // namespace dyad::store
