// An in-memory, read-only copy of the store's `events` columns that the API filters and counts
// on (about 80 bytes per event), so that paging, timelines, relations and top lists cost no SQL:
// rows sorted newest first (a date window is a slice), actor and other codes as ids of sorted
// strings (a prefix is an id range), and per id the positions of its rows (row_sets.h), so that
// a query reads the rows of its most selective filter instead of scanning the window. Over
// 135,000 events a page takes about 10 us to find and a relations series about 0.2 ms, against
// ~60 ms in SQLite. Full event rows are read from SQLite by rowid once per snapshot and kept as
// JSON (EventJson), so a page of events is a concatenation.
//
//   auto index = EventIndex::Load(db);            // one snapshot of the store
//   auto page = (*index)->Page(query, nullptr);   // positions of the newest matching events
//   auto rows = (*index)->Relations({.a = "USA", .b = "PAK", .by = store::Period::kMonth});
//
// Answers equal the store's SQL answers (store::Relations, store::Top, and api.h's SQL for events
// and timelines); tests/serve_index_test.cc checks this on random queries. Immutable after Load
// but for two memos (text filters, event JSON), each thread-safe: share one snapshot across
// threads. The server reloads it when the store changes.
#ifndef DYAD_SERVE_EVENT_INDEX_H_
#define DYAD_SERVE_EVENT_INDEX_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dyad/status.h"
#include "serve/query.h"
#include "serve/row_sets.h"
#include "store/analysis.h"
#include "store/sqlite_db.h"

namespace dyad::serve {

struct DayCount {
  std::string date;
  int64_t events = 0;
  int64_t quad[4] = {0, 0, 0, 0};
};

struct PageResult {
  std::vector<uint32_t> rows;  // positions in the snapshot (EventIndex::rowid), newest first
  bool more = false;
};

// Which rows (by position in a snapshot) an article matching a text filter reports.
using TextRows = std::vector<bool>;

class EventIndex {
 public:
  // `event_json_bytes`: the memo's budget (see EventJson).
  static Result<std::shared_ptr<const EventIndex>> Load(store::Database& db, size_t event_json_bytes = kEventJsonBytes);
  ~EventIndex();
  EventIndex(const EventIndex&) = delete;
  EventIndex& operator=(const EventIndex&) = delete;

  // `text`: when the query has a text filter, the rows its articles report (see MatchText);
  // else null.
  PageResult Page(const EventsQuery& q, const TextRows* text) const;
  std::vector<DayCount> Timeline(const EventsQuery& q, const TextRows* text) const;
  std::vector<store::RelationsRow> Relations(const store::RelationsQuery& q) const;
  // Actor labels as store::Top makes them from the actors table, read at Load.
  std::vector<store::TopRow> Top(store::TopBy by, int limit, const std::string& from, const std::string& to) const;

  // Rows of events mentioned in an article matching `text` (as plain FTS5 terms), memoized for
  // this snapshot (up to kTextMemo texts; thread-safe).
  Result<std::shared_ptr<const TextRows>> MatchText(store::Database& db, const std::string& text) const;
  static constexpr size_t kTextMemo = 256;

  // The JSON object of the event at `row` (a position, as in PageResult), as the caller rendered
  // it from SQL; null until kept. Kept once per snapshot (about 700 bytes per event shown), up to
  // kEventJsonBytes in all. Thread-safe: when two threads keep the same row, the first value stays
  // and both get it.
  const std::string* EventJson(uint32_t row) const { return event_json_[row].load(std::memory_order_acquire); }
  // Moves `*json` into the memo and returns the kept value; returns `json` itself (left with the
  // caller) when the memo is full. The default budget:
  const std::string* KeepEventJson(uint32_t row, std::string* json) const;
  static constexpr size_t kEventJsonBytes = size_t{256} << 20;

  size_t size() const { return rows_.size(); }
  int64_t rowid(uint32_t row) const { return rows_[row].rowid; }
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
  Status LoadActorLabels(store::Database& db);
  void BuildOrders();  // postings, by_rowid_, dyads_, days_, event_json_ from rows_
  Filter Compile(const EventsQuery& q, const TextRows* text) const;
  uint32_t Intern(const std::string& s) const;  // id of `s`, or kNone when absent
  std::pair<uint32_t, uint32_t> PrefixRange(const std::string& prefix) const;  // ids of strings starting so
  // The rows dated in [from, to] (days; kNoDay = open) lie in rows_[first, second).
  std::pair<size_t, size_t> Window(int32_t from, int32_t to) const;
  // Ids of sources and targets: a row "fits" a slice when both are in range.
  struct PairSlice {
    uint32_t src_lo, src_hi, tgt_lo, tgt_hi;
    bool Fits(const Row& r) const { return r.src >= src_lo && r.src < src_hi && r.tgt >= tgt_lo && r.tgt < tgt_hi; }
  };
  // Appends the positions of the rows dated within [from, to] that fit `want` and do not fit
  // `except` (when given).
  void AppendPairRows(const PairSlice& want, const PairSlice* except, int32_t from, int32_t to,
                      std::vector<uint32_t>* out) const;

  // Calls visit(pos) for the positions of the rows matching `f`, in order, until it returns false;
  // reads the rows of f's smallest candidate set rather than the whole window when that is fewer
  // than a scan would read to find `needed` matches.
  template <typename Visit>
  void ForEachMatch(const Filter& f, size_t needed, Visit visit) const;

  std::vector<Row> rows_;             // date descending, then rowid descending (the API's order)
  // The rows of each source, target, country (of the source, target and place), root and code.
  Postings by_src_, by_tgt_, by_src_country_, by_tgt_country_, by_place_country_, by_root_, by_code_;
  ValueOrder by_lat_, by_lon_;  // rows with a place
  std::vector<uint32_t> by_rowid_;    // positions sorted by rowid
  std::vector<std::pair<uint32_t, uint32_t>> dyads_;  // (source, target) ids, in the order of "SRC>TGT"
  std::vector<uint32_t> dyad_of_;     // by position: the row's index in dyads_
  struct DayTotal {
    int32_t day;
    int64_t events;
    int64_t quad[4];
  };
  std::vector<DayTotal> days_;        // every day with events, ascending
  // The day totals of [from, to] (days; kNoDay = open).
  std::span<const DayTotal> DaysIn(int32_t from, int32_t to) const;
  std::vector<std::string> strings_;  // every code, country and place key; sorted, so a prefix is an id range
  std::vector<std::string> place_labels_;  // by place key id
  std::vector<std::string> code_names_;    // CAMEO names by code id
  std::vector<std::string> actor_labels_;  // by actor code id (sources and targets)
  int64_t dated_ = 0;
  int64_t articles_ = 0;
  std::string first_date_, last_date_;
  mutable std::mutex text_mu_;
  mutable std::map<std::string, std::shared_ptr<const TextRows>> text_memo_;  // by text_mu_
  std::unique_ptr<std::atomic<const std::string*>[]> event_json_;  // by position; owned
  size_t event_json_budget_ = kEventJsonBytes;
  mutable std::atomic<size_t> event_json_bytes_{0};  // reserved for the kept values
};

}  // namespace dyad::serve

#endif  // DYAD_SERVE_EVENT_INDEX_H_
