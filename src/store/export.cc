#include "store/export.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "common/json_writer.h"
#include "common/strings.h"
#include "dyad/date.h"
#include "store/country_codes.h"

namespace dyad::store {
namespace {

// Byte spans into articles.text: substr over the BLOB counts bytes, not characters.
constexpr const char kSpanText[] =
    "CAST(substr(CAST(a.text AS BLOB), %s_begin + 1, %s_end - %s_begin) AS TEXT)";

std::string SpanSql(const char* field) {
  char buf[160];
  std::snprintf(buf, sizeof buf, kSpanText, field, field, field);
  return buf;
}

std::string EventsSql() {
  return "SELECT e.event_key, e.code, e.root, e.plover, coalesce(c.name, ''), coalesce(c.plover_mode, ''), "
         "coalesce(c.plover_context, ''), e.quad_class, e.goldstein, "
         "e.date, e.date_to, e.source_code, e.source_country, e.source_sector, e.source_name, "
         "e.target_code, e.target_country, e.target_sector, e.target_name, e.place_key, e.place_name, "
         "e.place_country, e.place_admin1, e.place_admin1_code, e.place_precision, e.lat, e.lon, "
         "e.geonames_id, e.is_root, e.num_mentions, e.num_articles, e.num_sources, e.added_at, "
         "a.id, a.publisher, a.url, a.title, m.trigger, m.rule, m.sentence_index, m.sentence_begin, "
         "m.sentence_end, " + SpanSql("m.sentence") + ", " + SpanSql("m.source") + ", " +
         SpanSql("m.target") + ", " + SpanSql("m.place") +
         " FROM events e JOIN mentions m ON m.rid = e.first_mention "
         "JOIN articles a ON a.rid = m.article_rid LEFT JOIN cameo c ON c.code = e.code "
         "ORDER BY e.date, e.first_mention";
}

std::string Str(const Statement& st, int col) { return std::string(st.Text(col)); }

// Tabs and line breaks inside a field would break the row.
std::string Clean(std::string_view s) {
  std::string o(s);
  for (char& c : o) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return o;
}

std::string Fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Year-relative fraction as GDELT writes it: YYYY.FFFF (day of year / 365).
std::string FractionDate(const Date& d) {
  int64_t doy = d.ToDays() - Date{d.year, 1, 1}.ToDays() + 1;
  return Fixed(d.year + static_cast<double>(doy) / 365.0, 4);
}

// GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state; 0 none.
int GeoType(const StoredEvent& e) {
  if (e.place_key.empty()) return 0;
  bool us = e.place_country == "USA";
  if (e.place_precision == "country") return 1;
  if (e.place_precision == "admin1") return us ? 2 : 5;
  return us ? 3 : 4;
}

std::string GeoFullName(const StoredEvent& e) {
  std::string country(CountryName(e.place_country));
  if (country.empty()) country = e.place_country;
  if (e.place_precision == "country") return country;
  std::string name = e.place_name;
  if (e.place_precision != "admin1" && !e.place_admin1.empty() && e.place_admin1 != e.place_name) {
    name += ", " + e.place_admin1;
  }
  return country.empty() ? name : name + ", " + country;
}

void Join(const std::vector<std::string>& cols, char sep, std::string* out) {
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i) out->push_back(sep);
    out->append(cols[i]);
  }
  out->push_back('\n');
}

std::string OptInt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }
std::string OptFixed(const std::optional<double>& v, int d) { return v ? Fixed(*v, d) : ""; }

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + '"';
}

void WriteEntity(JsonWriter& w, std::string_view code, std::string_view country, std::string_view sector,
                 std::string_view name, std::string_view text) {
  w.BeginArray().BeginObject();
  // PLOVER's entity code is the 3-character top-level code (the country); dyad's full CAMEO actor
  // code goes in cameo_code.
  w.Field("code", country.empty() ? code.substr(0, 3) : country);
  if (!sector.empty()) w.Field("sector", sector);
  w.Field("entity_text", text);
  if (!name.empty()) w.Field("identifier_text", name);
  w.Field("cameo_code", code);
  w.EndObject().EndArray();
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "gdelt") return ExportFormat::kGdelt;
  if (name == "icews") return ExportFormat::kIcews;
  if (name == "plover") return ExportFormat::kPlover;
  if (name == "csv") return ExportFormat::kCsv;
  return std::nullopt;
}

int64_t GlobalEventId(std::string_view event_key) {
  uint64_t v = std::strtoull(std::string(event_key).c_str(), nullptr, 16);
  return static_cast<int64_t>(v & 0x7fffffffffffffffULL);
}

Status ForEachEvent(Database& db, const std::function<void(const StoredEvent&)>& fn) {
  Statement st(db, EventsSql());
  StoredEvent e;
  while (st.Step()) {
    int c = 0;
    e.event_key = Str(st, c++); e.code = Str(st, c++); e.root = Str(st, c++);
    e.plover = Str(st, c++); e.code_name = Str(st, c++);
    e.plover_mode = Str(st, c++); e.plover_context = Str(st, c++);
    e.quad_class = st.IsNull(c) ? std::nullopt : std::optional<int64_t>(st.Int(c)); ++c;
    e.goldstein = st.IsNull(c) ? std::nullopt : std::optional<double>(st.Double(c)); ++c;
    e.date = Str(st, c++); e.date_to = Str(st, c++);
    e.source_code = Str(st, c++); e.source_country = Str(st, c++);
    e.source_sector = Str(st, c++); e.source_name = Str(st, c++);
    e.target_code = Str(st, c++); e.target_country = Str(st, c++);
    e.target_sector = Str(st, c++); e.target_name = Str(st, c++);
    e.place_key = Str(st, c++); e.place_name = Str(st, c++); e.place_country = Str(st, c++);
    e.place_admin1 = Str(st, c++); e.place_admin1_code = Str(st, c++); e.place_precision = Str(st, c++);
    e.lat = st.IsNull(c) ? std::nullopt : std::optional<double>(st.Double(c)); ++c;
    e.lon = st.IsNull(c) ? std::nullopt : std::optional<double>(st.Double(c)); ++c;
    e.geonames_id = st.IsNull(c) ? std::nullopt : std::optional<int64_t>(st.Int(c)); ++c;
    e.is_root = st.Int(c++) != 0;
    e.num_mentions = st.Int(c++); e.num_articles = st.Int(c++); e.num_sources = st.Int(c++);
    e.added_at = Str(st, c++);
    e.article_id = Str(st, c++); e.publisher = Str(st, c++); e.url = Str(st, c++); e.title = Str(st, c++);
    e.trigger = Str(st, c++); e.rule = Str(st, c++);
    e.sentence_index = st.Int(c++); e.sentence_begin = st.Int(c++); e.sentence_end = st.Int(c++);
    e.sentence = Str(st, c++); e.source_text = Str(st, c++); e.target_text = Str(st, c++);
    e.place_text = Str(st, c++);
    fn(e);
  }
  return st.status();
}

void AppendGdeltRow(const StoredEvent& e, std::string* out) {
  std::vector<std::string> col(61);
  col[0] = std::to_string(GlobalEventId(e.event_key));
  if (auto d = Date::Parse(e.date)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, d->month, d->day);
    col[1] = buf;
    col[2] = col[1].substr(0, 6);
    col[3] = col[1].substr(0, 4);
    col[4] = FractionDate(*d);
  }
  // Actor1 columns 5..14, Actor2 15..24: Code, Name, CountryCode, KnownGroup, Ethnic, Religion1,
  // Religion2, Type1, Type2, Type3.
  auto actor = [&](int base, const std::string& code, const std::string& name, const std::string& country,
                   const std::string& sector) {
    col[base] = code;
    col[base + 1] = Clean(name);
    col[base + 2] = country;
    col[base + 7] = sector;
  };
  actor(5, e.source_code, e.source_name, e.source_country, e.source_sector);
  actor(15, e.target_code, e.target_name, e.target_country, e.target_sector);
  col[25] = e.is_root ? "1" : "0";
  col[26] = e.code;
  col[27] = e.code.substr(0, 3);
  col[28] = e.root;
  col[29] = OptInt(e.quad_class);
  col[30] = OptFixed(e.goldstein, 1);
  col[31] = std::to_string(e.num_mentions);
  col[32] = std::to_string(e.num_sources);
  col[33] = std::to_string(e.num_articles);
  // 34 AvgTone; 35..42 Actor1Geo_*, 43..50 Actor2Geo_*: empty. ActionGeo_* at 51..58.
  int type = GeoType(e);
  col[51] = std::to_string(type);
  if (type != 0) {
    std::string fips(FipsCountry(e.place_country));
    col[52] = Clean(GeoFullName(e));
    col[53] = fips;
    col[54] = type == 1 || e.place_admin1_code.empty() || fips.empty() ? fips : fips + e.place_admin1_code;
    col[56] = OptFixed(e.lat, 4);
    col[57] = OptFixed(e.lon, 4);
    // GDELT's FeatureID: the place id for cities, the ADM1 code for provinces, FIPS for countries.
    col[58] = type == 1 ? fips : (type == 2 || type == 5) ? col[54] : OptInt(e.geonames_id);
  }
  col[59] = e.added_at;
  col[60] = Clean(e.url.empty() ? e.article_id : e.url);
  Join(col, '\t', out);
}

std::string IcewsHeader() {
  return "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
         "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
         "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";
}

void AppendIcewsRow(const StoredEvent& e, std::string* out) {
  auto name = [](const std::string& n, const std::string& country, const std::string& sector) {
    return Clean(n.empty() ? ActorLabel(country, sector) : n);
  };
  auto sectors = [](const std::string& s) { return s.empty() ? std::string() : std::string(SectorName(s)); };
  bool city = !e.place_key.empty() && e.place_precision != "country" && e.place_precision != "admin1";
  std::string province = e.place_precision == "admin1" ? e.place_name : e.place_admin1;
  Join({std::to_string(GlobalEventId(e.event_key)), e.date,
        name(e.source_name, e.source_country, e.source_sector), sectors(e.source_sector),
        std::string(CountryName(e.source_country)), Clean(e.code_name), e.code, OptFixed(e.goldstein, 1),
        e.target_code.empty() ? "" : name(e.target_name, e.target_country, e.target_sector),
        sectors(e.target_sector), std::string(CountryName(e.target_country)), Clean(e.article_id),
        std::to_string(e.sentence_index + 1), Clean(e.publisher), city ? Clean(e.place_name) : "", "",
        Clean(province), std::string(CountryName(e.place_country)), OptFixed(e.lat, 4), OptFixed(e.lon, 4)},
       '\t', out);
}

bool AppendPloverJson(const StoredEvent& e, const std::string& coder, std::string* out) {
  if (e.plover.empty()) return false;
  JsonWriter w(out);
  w.BeginObject();
  w.Field("id", e.event_key).Field("date", e.date);
  if (!e.date_to.empty() && e.date_to != e.date) w.Field("enddate", e.date_to);
  w.Key("actor");
  WriteEntity(w, e.source_code, e.source_country, e.source_sector, e.source_name, e.source_text);
  w.Key("recipient");
  if (e.target_code.empty()) {
    w.BeginArray().EndArray();
  } else {
    WriteEntity(w, e.target_code, e.target_country, e.target_sector, e.target_name, e.target_text);
  }
  w.Key("event").BeginArray().String(e.plover).EndArray();
  // Mode and context of the CAMEO code as the CAMEO -> PLOVER table gives them, as lists (the
  // manual allows several values; the table separates them with ';'); null where it gives none.
  for (auto [key, value] : {std::pair<const char*, const std::string*>{"mode", &e.plover_mode},
                            {"context", &e.plover_context}}) {
    w.Key(key);
    if (value->empty()) { w.Null(); continue; }
    w.BeginArray();
    for (std::string_view part : Split(*value, ';')) {
      if (!Trim(part).empty()) w.String(Trim(part));
    }
    w.EndArray();
  }
  w.Key("event_loc");
  if (e.place_key.empty()) {
    w.Null();
  } else {
    w.BeginObject().Field("extracted_place", e.place_text).Field("resolved_place", e.place_name);
    w.Key("geonameid");
    if (e.geonames_id) w.Int(*e.geonames_id); else w.Null();
    if (e.lat) w.Key("lat").Double(*e.lat, 5);
    if (e.lon) w.Key("lon").Double(*e.lon, 5);
    bool is_city = e.place_precision != "country" && e.place_precision != "admin1";
    if (is_city) w.Field("city", e.place_name);
    w.Field("province", e.place_precision == "admin1" ? e.place_name : e.place_admin1);
    w.Field("country", CountryName(e.place_country)).Field("country_code", e.place_country);
    w.Field("resolution", static_cast<int64_t>(e.place_precision == "country" ? 1
                                                : e.place_precision == "admin1" ? 2 : 4));
    w.EndObject();
  }
  w.Key("event_text").BeginArray().String(e.trigger).EndArray();
  if (e.quad_class) w.Key("quad_code").Int(*e.quad_class);
  if (e.goldstein) w.Key("event_scale").Double(*e.goldstein, 1);
  w.Field("cameo_code", e.code);
  w.Field("text", e.sentence);
  w.Key("text_info").BeginObject().Field("sequence", e.sentence_index).Field("start", e.sentence_begin)
      .Field("end", e.sentence_end).EndObject();
  w.Key("cite_info").BeginObject().Field("citation", e.article_id).Field("url", e.url)
      .Field("title", e.title).Field("language", "en").Field("publication", e.publisher)
      .Field("coder", coder).Field("codebook", "CAMEO 1.1b3; PLOVER categories from CAMEO2PLOVER-2021")
      .EndObject();
  w.Field("coder", coder);
  if (e.added_at.size() >= 14) {
    const std::string& t = e.added_at;
    w.Field("coded_date", t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2));
    w.Field("coded_time", t.substr(8, 2) + ":" + t.substr(10, 2) + ":" + t.substr(12, 2) + "Z");
  }
  w.Key("num_mentions").Int(e.num_mentions).Key("num_articles").Int(e.num_articles)
      .Key("num_sources").Int(e.num_sources);
  w.EndObject();
  out->push_back('\n');
  return true;
}

std::string CsvHeader() {
  return "event_key,global_event_id,date,date_to,code,root,code_name,quad_class,goldstein,plover,"
         "source_code,source_country,source_sector,source_name,target_code,target_country,"
         "target_sector,target_name,place_name,place_country,place_admin1,place_precision,lat,lon,"
         "geonames_id,is_root,num_mentions,num_articles,num_sources,article_id,publisher,url,"
         "sentence_index,trigger,rule,added_at\n";
}

void AppendCsvRow(const StoredEvent& e, std::string* out) {
  std::vector<std::string> c = {
      e.event_key, std::to_string(GlobalEventId(e.event_key)), e.date, e.date_to, e.code, e.root,
      e.code_name, OptInt(e.quad_class), OptFixed(e.goldstein, 1), e.plover, e.source_code,
      e.source_country, e.source_sector, e.source_name, e.target_code, e.target_country,
      e.target_sector, e.target_name, e.place_name, e.place_country, e.place_admin1, e.place_precision,
      OptFixed(e.lat, 5), OptFixed(e.lon, 5), OptInt(e.geonames_id), e.is_root ? "1" : "0",
      std::to_string(e.num_mentions), std::to_string(e.num_articles), std::to_string(e.num_sources),
      e.article_id, e.publisher, e.url, std::to_string(e.sentence_index), e.trigger, e.rule, e.added_at};
  for (std::string& f : c) f = CsvField(f);
  Join(c, ',', out);
}

Status Export(Database& db, ExportFormat format, const std::function<void(std::string_view)>& write,
              ExportStats* stats) {
  ExportStats local;
  if (!stats) stats = &local;
  std::string buf;
  if (format == ExportFormat::kIcews) buf = IcewsHeader();
  if (format == ExportFormat::kCsv) buf = CsvHeader();
  std::string coder = "dyad";
  {
    Statement v(db, "SELECT value FROM meta WHERE key = 'dyad_version'");
    if (v.Step()) coder += " " + std::string(v.Text(0));
  }
  Status st = ForEachEvent(db, [&](const StoredEvent& e) {
    switch (format) {
      case ExportFormat::kGdelt: AppendGdeltRow(e, &buf); break;
      case ExportFormat::kIcews: AppendIcewsRow(e, &buf); break;
      case ExportFormat::kCsv: AppendCsvRow(e, &buf); break;
      case ExportFormat::kPlover:
        if (!AppendPloverJson(e, coder, &buf)) {
          ++stats->skipped;
          return;
        }
        break;
    }
    ++stats->written;
    if (buf.size() >= (1 << 16)) {
      write(buf);
      buf.clear();
    }
  });
  if (!buf.empty()) write(buf);
  return st;
}

}  // namespace dyad::store
