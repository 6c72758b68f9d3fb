// Standard exports of the stored events, one row (or JSON line) per event_key, oldest first:
//
//   gdelt   GDELT 2.0 event table rows: 61 tab-separated columns in GDELT's order, no header.
//           Filled: GLOBALEVENTID (the event key as a 63-bit integer), SQLDATE, MonthYear, Year,
//           FractionDate, Actor1/2 Code, Name, CountryCode, Type1Code (sector), IsRootEvent,
//           EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, NumMentions,
//           NumSources, NumArticles, ActionGeo_* (Type, FullName, FIPS 10-4 CountryCode and
//           ADM1Code, Lat, Long, FeatureID), DATEADDED, SOURCEURL. Everything else is empty.
//   icews   ICEWS event file layout: a header row, then tab-separated rows; countries as full names.
//   plover  PLOVER JSON Lines with the PLOVER manual's field names (id, date, actor, recipient,
//           event, mode, context, event_loc, event_text, quad_code, event_scale, text, text_info,
//           cite_info, coder, coded_date). Events whose CAMEO code has no PLOVER category are
//           left out (counted in ExportStats::skipped).
//   csv     every stored event field, RFC 4180 quoting, header row.
#ifndef DYAD_STORE_EXPORT_H_
#define DYAD_STORE_EXPORT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "dyad/status.h"
#include "store/sqlite_db.h"

namespace dyad::store {

enum class ExportFormat { kGdelt, kIcews, kPlover, kCsv };
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// One stored event with its first mention and that mention's article.
struct StoredEvent {
  std::string event_key, code, root, plover, code_name, plover_mode, plover_context;
  std::optional<int64_t> quad_class;
  std::optional<double> goldstein;
  std::string date, date_to;
  std::string source_code, source_country, source_sector, source_name, source_text;
  std::string target_code, target_country, target_sector, target_name, target_text;
  std::string place_key, place_name, place_country, place_admin1, place_admin1_code, place_precision,
      place_text;
  std::optional<double> lat, lon;
  std::optional<int64_t> geonames_id;
  bool is_root = false;
  int64_t num_mentions = 0, num_articles = 0, num_sources = 0;
  std::string added_at;  // YYYYMMDDHHMMSS, UTC
  // First mention:
  std::string article_id, publisher, url, title, trigger, sentence, rule;
  int64_t sentence_index = 0, sentence_begin = 0, sentence_end = 0;
};

// Calls `fn` for every stored event, ordered by date then first mention.
Status ForEachEvent(Database& db, const std::function<void(const StoredEvent&)>& fn);

// The GDELT GLOBALEVENTID of an event key (16 hex digits): its low 63 bits.
int64_t GlobalEventId(std::string_view event_key);

// Each appends one line ending in '\n'.
void AppendGdeltRow(const StoredEvent& e, std::string* out);
std::string IcewsHeader();
void AppendIcewsRow(const StoredEvent& e, std::string* out);
// False (nothing appended) when the event has no PLOVER category.
bool AppendPloverJson(const StoredEvent& e, const std::string& coder, std::string* out);
std::string CsvHeader();
void AppendCsvRow(const StoredEvent& e, std::string* out);

struct ExportStats {
  int64_t written = 0, skipped = 0;
};

// Streams the whole export through `write` (called with chunks of output).
Status Export(Database& db, ExportFormat format, const std::function<void(std::string_view)>& write,
              ExportStats* stats);

}  // namespace dyad::store

#endif  // DYAD_STORE_EXPORT_H_
