// An in-memory, read-only copy of the store's `events` columns that the API filters and counts
// on, so that paging, timelines, relations and top lists cost a scan of compact rows (about
// 70 bytes each) instead of SQL over wide table rows: over 135,000 events a relations series takes
// ~1 ms here and ~60 ms in SQLite. Full event rows are then read from SQLite by rowid.
//
//   auto index = EventIndex::Load(db);            // one snapshot of the store
//   auto page = (*index)->Page(query, nullptr);   // rowids of the newest matching events
//   auto rows = (*index)->Relations({.a = "USA", .b = "PAK", .by = store::Period::kMonth});
//
// Answers equal the store's SQL answers (store::Relations, store::Top, and api.h's SQL for events
// and timelines); tests/serve_index_test.cc checks this on random queries. Immutable after Load:
// share one snapshot across threads (its only mutable part, the
// memo of text filters, has its own lock). The server reloads it when the store changes.
#ifndef DYAD_SERVE_EVENT_INDEX_H_
#define DYAD_SERVE_EVENT_INDEX_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dyad/status.h"
#include "serve/query.h"
#include "store/analysis.h"
#include "store/sqlite_db.h"

namespace dyad::serve {

struct DayCount {
  std::string date;
  int64_t events = 0;
  int64_t quad[4] = {0, 0, 0, 0};
};

struct PageResult {
  std::vector<int64_t> rowids;  // events.rowid, newest first
  bool more = false;
};

class EventIndex {
 public:
  static Result<std::shared_ptr<const EventIndex>> Load(store::Database& db);

  // `text_rowids`: when the query has a text filter, the rowids of events whose articles match it
  // (see TextRowids); else null.
  PageResult Page(const EventsQuery& q, const std::unordered_set<int64_t>* text_rowids) const;
  std::vector<DayCount> Timeline(const EventsQuery& q, const std::unordered_set<int64_t>* text_rowids) const;
  std::vector<store::RelationsRow> Relations(const store::RelationsQuery& q) const;
  // Labels of actors come from `db` (the actors table), as in store::Top.
  Result<std::vector<store::TopRow>> Top(store::Database& db, store::TopBy by, int limit,
                                         const std::string& from, const std::string& to) const;

  // Rowids of events mentioned in an article matching `text` (as plain FTS5 terms), memoized
  // for this snapshot (up to kTextMemo texts; thread-safe).
  Result<std::shared_ptr<const std::unordered_set<int64_t>>> TextRowids(store::Database& db,
                                                                         const std::string& text) const;
  static constexpr size_t kTextMemo = 256;

  size_t size() const { return rows_.size(); }
  int64_t dated() const { return dated_; }
  int64_t articles() const { return articles_; }
  const std::string& first_date() const { return first_date_; }
  const std::string& last_date() const { return last_date_; }

  // One event: strings as ids into strings_.
  struct Row {
    int64_t rowid;
    int32_t day;  // days since 1970-01-01; kNoDay when the event has no date
    uint32_t src, tgt, src_country, tgt_country, place_country, code, root, place_key;
    int32_t quad;  // 0 when NULL
    int64_t mentions;
    double goldstein, lat, lon;  // NaN when NULL
  };
  struct Filter;

 private:
  EventIndex() = default;
  Filter Compile(const EventsQuery& q, const std::unordered_set<int64_t>* text_rowids) const;
  uint32_t Intern(const std::string& s) const;  // id of `s`, or kNone when absent
  // The rows dated in [from, to] (days; kNoDay = open) lie in rows_[first, second).
  std::pair<size_t, size_t> Window(int32_t from, int32_t to) const;

  std::vector<Row> rows_;             // date descending, then rowid descending (the API's order)
  std::vector<std::string> strings_;  // every code, country and place key; sorted, so a prefix is an id range
  std::vector<std::string> place_labels_;  // by place key id
  std::vector<std::string> code_names_;   // CAMEO names by code id
  int64_t dated_ = 0;
  int64_t articles_ = 0;
  mutable std::mutex text_mu_;
  mutable std::map<std::string, std::shared_ptr<const std::unordered_set<int64_t>>> text_memo_;  // by text_mu_
  std::string first_date_, last_date_;
};


}  // namespace dyad::serve

#endif  // DYAD_SERVE_EVENT_INDEX_H_
