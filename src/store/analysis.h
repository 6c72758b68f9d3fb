// Questions an analyst asks of the store, answered with one SQL query each (bound parameters only).
//
// Relations: how has the A–B relationship moved? Per period (day, ISO week starting Monday, or
// month), the events between actors whose codes start with A and B ("USA" covers USAGOV and
// USAMIL), counted by QuadClass, with the Goldstein sum and mean, and each count's share of all
// stored events in that period (news volume changes; the share corrects for it). Every period in
// which the store has any event appears, with zeros when A and B did nothing.
//
//   Relations(db, {.a = "USA", .b = "PAK", .by = Period::kMonth})
//   -> {period "2021-08", total 812, events 14, quad {6, 2, 4, 2}, goldstein_sum 3.1, ...}
//
// Top: the most frequent dyads, actors, places or CAMEO codes. Search: FTS5 over article titles
// and texts, each hit with its events.
#ifndef DYAD_STORE_ANALYSIS_H_
#define DYAD_STORE_ANALYSIS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "store/sqlite_db.h"

namespace dyad::store {

enum class Period { kDay, kWeek, kMonth };
std::optional<Period> ParsePeriod(std::string_view name);  // "day", "week", "month"

struct RelationsQuery {
  std::string a, b;         // actor code prefixes
  Period by = Period::kMonth;
  std::string from, to;     // inclusive YYYY-MM-DD bounds, "" = open
  bool directed = false;    // only A as source and B as target; else either direction
};

struct RelationsRow {
  std::string period;        // "2021-08-11", "2021-08-09" (the week's Monday) or "2021-08"
  int64_t total = 0;         // all stored events in the period
  int64_t events = 0;        // A–B events
  std::array<int64_t, 4> quad{};  // A–B events by QuadClass 1..4
  double goldstein_sum = 0;
  std::optional<double> goldstein_mean;  // none when events == 0
  double share = 0;                      // events / total
  std::array<double, 4> quad_share{};    // quad[i] / total
};

Result<std::vector<RelationsRow>> Relations(Database& db, const RelationsQuery& q);

enum class TopBy { kDyad, kActor, kPlace, kCode };
std::optional<TopBy> ParseTopBy(std::string_view name);  // "dyad", "actor", "place", "code"

struct TopRow {
  std::string key;    // "USAGOV>PAKMIL", "USAGOV", the place key, "041"
  std::string label;  // names: "Lloyd Austin > Qamar Javed Bajwa", "Zaranj, AFG", "Discuss by telephone"
  int64_t events = 0;
  int64_t mentions = 0;
};

// The label of an actor code: "Pakistan Military" for PAKMIL; the actor's name when the code has
// no country ("African Union" for IGOAFU, as first seen); the code when the actors table lacks
// it. `st` is a statement prepared from kActorLabelSql; it is reset for the next code. A failed
// lookup gives the code, and its status goes to `error` when one is given.
inline constexpr char kActorLabelSql[] = "SELECT country, sector, name FROM actors WHERE code = ?1";
std::string ActorCodeLabel(Statement& st, const std::string& code, Status* error = nullptr);

Result<std::vector<TopRow>> Top(Database& db, TopBy by, int limit, const std::string& from,
                                const std::string& to);

struct SearchEvent {
  std::string event_key, code, source_code, target_code, date, place;
  int64_t sentence_index = 0;
};

struct SearchHit {
  std::string article_id, date, title, publisher, url;
  std::string snippet;  // matching words in [brackets]
  double score = 0;     // bm25, lower is better
  std::vector<SearchEvent> events;
};

// `text` is an FTS5 query; when it is not valid FTS5 syntax, its words are searched as plain terms.
Result<std::vector<SearchHit>> Search(Database& db, std::string_view text, int limit);

// A query as quoted plain terms, safe for FTS5 MATCH whatever its punctuation: each run of
// letters and digits becomes a quoted term ("U.S. talks" -> "U" "S" "talks").
std::string PlainTerms(std::string_view text);

}  // namespace dyad::store

#endif  // DYAD_STORE_ANALYSIS_H_
