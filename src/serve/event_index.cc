#include "serve/event_index.h"

#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "serve/days.h"
#include "store/country_codes.h"

namespace dyad::serve {

using store::Database;
using store::Statement;

namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

struct EventIndex::Filter {
  bool impossible = false;  // a code or country the store has never seen
  bool actor = false;
  uint32_t actor_lo = 0, actor_hi = 0;
  uint32_t country = kNone, code = kNone, root = kNone;
  int32_t from = kNoDay, to = kNoDay;
  std::optional<BoundingBox> box;
  const TextRows* text = nullptr;
  uint32_t begin = 0, end = 0;        // the rows of the date window
  std::optional<RowRuns> candidates;  // the fewest rows in the window an index says may match

  bool OnlyDates() const {
    return !actor && country == kNone && code == kNone && root == kNone && !box && text == nullptr;
  }

  // `r` is rows_[pos].
  bool Matches(const Row& r, size_t pos) const {
    if (actor && !((r.src >= actor_lo && r.src < actor_hi) || (r.tgt >= actor_lo && r.tgt < actor_hi))) return false;
    if (country != kNone && r.src_country != country && r.tgt_country != country && r.place_country != country) {
      return false;
    }
    if (code != kNone && r.code != code) return false;
    if (root != kNone && r.root != root) return false;
    if (from != kNoDay && (r.day == kNoDay || r.day < from)) return false;
    if (to != kNoDay && (r.day == kNoDay || r.day > to)) return false;
    if (box && !(r.lat >= box->min_lat && r.lat <= box->max_lat && r.lon >= box->min_lon && r.lon <= box->max_lon)) {
      return false;  // NaN (no place) fails every comparison, as NULL does in SQL
    }
    return text == nullptr || (*text)[pos];
  }
};

std::pair<size_t, size_t> EventIndex::Window(int32_t from, int32_t to) const {
  // Rows run by day descending, dateless rows last: [first row on or before `to`, first row
  // before `from`).
  size_t begin = 0, end = rows_.size();
  if (to != kNoDay) {
    begin = std::partition_point(rows_.begin(), rows_.end(), [to](const Row& r) { return r.day > to; }) - rows_.begin();
  }
  if (from != kNoDay) {
    end = std::partition_point(rows_.begin(), rows_.end(), [from](const Row& r) { return r.day >= from; }) -
          rows_.begin();
  }
  return {begin, std::max(begin, end)};
}

uint32_t EventIndex::Intern(const std::string& s) const {
  auto it = std::lower_bound(strings_.begin(), strings_.end(), s);
  return it != strings_.end() && *it == s ? static_cast<uint32_t>(it - strings_.begin()) : kNone;
}

std::pair<uint32_t, uint32_t> EventIndex::PrefixRange(const std::string& prefix) const {
  auto lo = std::lower_bound(strings_.begin(), strings_.end(), prefix);
  // "\xff" never occurs in UTF-8, so [prefix, prefix + "\xff") holds exactly the strings starting so.
  auto hi = std::lower_bound(lo, strings_.end(), prefix + "\xff");
  return {static_cast<uint32_t>(lo - strings_.begin()), static_cast<uint32_t>(hi - strings_.begin())};
}

EventIndex::~EventIndex() {
  for (size_t i = 0; event_json_ && i < rows_.size(); ++i) delete event_json_[i].load(std::memory_order_relaxed);
}

const std::string* EventIndex::KeepEventJson(uint32_t row, std::string* json) const {
  size_t bytes = json->size() + sizeof(std::string);
  if (event_json_bytes_.fetch_add(bytes, std::memory_order_relaxed) + bytes > event_json_budget_) {
    event_json_bytes_.fetch_sub(bytes, std::memory_order_relaxed);
    return json;
  }
  auto kept = std::make_unique<const std::string>(std::move(*json));
  const std::string* expected = nullptr;
  if (event_json_[row].compare_exchange_strong(expected, kept.get(), std::memory_order_acq_rel)) return kept.release();
  event_json_bytes_.fetch_sub(bytes, std::memory_order_relaxed);
  return expected;  // another thread kept it first
}

Result<std::shared_ptr<const EventIndex>> EventIndex::Load(Database& db, size_t event_json_bytes) {
  std::shared_ptr<EventIndex> index(new EventIndex());
  index->event_json_budget_ = event_json_bytes;
  // Strings get provisional ids in order of appearance, then sorted ids (so prefixes are ranges).
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> strings;
  auto id = [&](std::string_view s) {
    auto [it, added] = ids.try_emplace(std::string(s), static_cast<uint32_t>(strings.size()));
    if (added) strings.emplace_back(s);
    return it->second;
  };
  std::unordered_map<uint32_t, std::string> place_labels;  // "Zaranj, Afghanistan", as store::Top
  Statement st(db,
               "SELECT rowid, date, source_code, target_code, source_country, target_country, place_country, "
               "code, root, place_key, quad_class, num_mentions, goldstein, lat, lon, place_name FROM events "
               "ORDER BY date DESC, rowid DESC");
  while (st.Step()) {
    Row r;
    r.rowid = st.Int(0);
    r.day = DayOf(st.Text(1));
    r.src = id(st.Text(2));
    r.tgt = id(st.Text(3));
    r.src_country = id(st.Text(4));
    r.tgt_country = id(st.Text(5));
    r.place_country = id(st.Text(6));
    r.code = id(st.Text(7));
    r.root = id(st.Text(8));
    r.place_key = id(st.Text(9));
    r.quad = st.IsNull(10) ? 0 : static_cast<int32_t>(st.Int(10));
    r.mentions = st.Int(11);
    r.goldstein = st.IsNull(12) ? kNaN : st.Double(12);
    r.lat = st.IsNull(13) ? kNaN : st.Double(13);
    r.lon = st.IsNull(14) ? kNaN : st.Double(14);
    if (place_labels.count(r.place_key) == 0) {
      std::string_view country = store::CountryName(st.Text(6));
      place_labels[r.place_key] = std::string(st.Text(15)) + ", " + std::string(country.empty() ? st.Text(6) : country);
    }
    if (r.day != kNoDay) {
      ++index->dated_;
      if (index->last_date_.empty()) index->last_date_ = std::string(st.Text(1));
      index->first_date_ = std::string(st.Text(1));
    }
    index->rows_.push_back(r);
  }
  if (!st.status().ok()) return st.status();

  std::vector<uint32_t> order(strings.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return strings[a] < strings[b]; });
  std::vector<uint32_t> sorted_id(strings.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    sorted_id[order[i]] = i;
    index->strings_.push_back(strings[order[i]]);
  }
  index->place_labels_.resize(strings.size());
  for (auto& [key, label] : place_labels) index->place_labels_[sorted_id[key]] = std::move(label);
  for (Row& r : index->rows_) {
    for (uint32_t* f : {&r.src, &r.tgt, &r.src_country, &r.tgt_country, &r.place_country, &r.code, &r.root,
                        &r.place_key}) {
      *f = sorted_id[*f];
    }
  }
  index->code_names_.resize(index->strings_.size());
  Statement cameo(db, "SELECT code, name FROM cameo");
  while (cameo.Step()) {
    uint32_t c = index->Intern(std::string(cameo.Text(0)));
    if (c != kNone) index->code_names_[c] = std::string(cameo.Text(1));
  }
  if (!cameo.status().ok()) return cameo.status();
  Statement articles(db, "SELECT count(*) FROM articles");
  if (!articles.Step()) return articles.status();
  index->articles_ = articles.Int(0);
  DYAD_RETURN_IF_ERROR(index->LoadActorLabels(db));
  index->BuildOrders();
  return std::shared_ptr<const EventIndex>(std::move(index));
}

Status EventIndex::LoadActorLabels(Database& db) {
  std::vector<bool> actor(strings_.size());
  for (const Row& r : rows_) actor[r.src] = actor[r.tgt] = true;
  actor_labels_.resize(strings_.size());
  Statement st(db, store::kActorLabelSql);  // labels as store::Top gives them
  Status error;
  for (uint32_t id = 0; id < strings_.size() && error.ok(); ++id) {
    if (actor[id]) actor_labels_[id] = store::ActorCodeLabel(st, strings_[id], &error);
  }
  return error;
}

void EventIndex::BuildOrders() {
  auto postings = [this](uint32_t Row::*column) {
    return Postings::Build(strings_.size(), rows_.size(), [this, column](uint32_t pos) { return rows_[pos].*column; });
  };
  by_src_ = postings(&Row::src);
  by_tgt_ = postings(&Row::tgt);
  by_src_country_ = postings(&Row::src_country);
  by_tgt_country_ = postings(&Row::tgt_country);
  by_place_country_ = postings(&Row::place_country);
  by_root_ = postings(&Row::root);
  by_code_ = postings(&Row::code);
  by_lat_ = ValueOrder::Build(rows_.size(), [this](uint32_t pos) { return rows_[pos].lat; });
  by_lon_ = ValueOrder::Build(rows_.size(), [this](uint32_t pos) { return rows_[pos].lon; });
  // Dyads: every (source, target) pair, ids in the order of their keys "SRC>TGT".
  for (const Row& r : rows_) dyads_.emplace_back(r.src, r.tgt);
  std::sort(dyads_.begin(), dyads_.end());
  dyads_.erase(std::unique(dyads_.begin(), dyads_.end()), dyads_.end());
  // Each key built once (not at every comparison); a row finds its dyad by binary search over
  // the pairs in id order.
  std::vector<std::pair<uint32_t, uint32_t>> by_ids = dyads_;
  std::vector<std::pair<std::string, uint32_t>> keyed(by_ids.size());
  for (uint32_t i = 0; i < by_ids.size(); ++i)
    keyed[i] = {strings_[by_ids[i].first] + ">" + strings_[by_ids[i].second], i};
  std::sort(keyed.begin(), keyed.end());
  std::vector<uint32_t> rank(by_ids.size());
  for (uint32_t k = 0; k < keyed.size(); ++k) {
    dyads_[k] = by_ids[keyed[k].second];
    rank[keyed[k].second] = k;
  }
  dyad_of_.resize(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    auto it =
        std::lower_bound(by_ids.begin(), by_ids.end(), std::make_pair(rows_[i].src, rows_[i].tgt));
    dyad_of_[i] = rank[it - by_ids.begin()];
  }
  by_rowid_.resize(rows_.size());
  for (uint32_t i = 0; i < by_rowid_.size(); ++i) by_rowid_[i] = i;
  std::sort(by_rowid_.begin(), by_rowid_.end(), [this](uint32_t a, uint32_t b) { return rows_[a].rowid < rows_[b].rowid; });
  for (auto r = rows_.rbegin(); r != rows_.rend(); ++r) {  // oldest first
    if (r->day == kNoDay) continue;
    if (days_.empty() || days_.back().day != r->day) days_.push_back({r->day, 0, {0, 0, 0, 0}});
    ++days_.back().events;
    if (r->quad >= 1 && r->quad <= 4) ++days_.back().quad[r->quad - 1];
  }
  // Value-initialised: every slot starts null (C++20 atomics).
  event_json_ = std::make_unique<std::atomic<const std::string*>[]>(rows_.size());
}

std::span<const EventIndex::DayTotal> EventIndex::DaysIn(int32_t from, int32_t to) const {
  auto first = days_.begin(), last = days_.end();
  if (from != kNoDay)
    first = std::partition_point(days_.begin(), days_.end(),
                                 [&](const DayTotal& d) { return d.day < from; });
  if (to != kNoDay)
    last = std::partition_point(first, days_.end(), [&](const DayTotal& d) { return d.day <= to; });
  return {first, last};
}

EventIndex::Filter EventIndex::Compile(const EventsQuery& q, const TextRows* text) const {
  Filter f;
  auto exact = [&](const std::string& s, uint32_t* out) {
    if (s.empty()) return;
    *out = Intern(s);
    if (*out == kNone) f.impossible = true;
  };
  if (!q.actor.empty()) {
    f.actor = true;
    std::tie(f.actor_lo, f.actor_hi) = PrefixRange(q.actor);
  }
  exact(q.country, &f.country);
  exact(q.code, &f.code);
  exact(q.root, &f.root);
  if (!q.from.empty()) f.from = DayOf(q.from);
  if (!q.to.empty()) f.to = DayOf(q.to);
  f.box = q.box;
  if (!q.text.empty()) f.text = text;
  if (f.impossible) return f;
  auto [begin, end] = Window(f.from, f.to);
  f.begin = static_cast<uint32_t>(begin);
  f.end = static_cast<uint32_t>(end);
  // Candidates from each indexed filter; the smallest set wins. (Runs of a value order are not
  // restricted to the window: ForEachInUnion skips what lies outside.)
  auto consider = [&](RowRuns runs) {
    if (!f.candidates || runs.size < f.candidates->size) f.candidates = std::move(runs);
  };
  auto postings = [&](std::initializer_list<const Postings*> columns, uint32_t lo, uint32_t hi) {
    RowRuns runs;
    for (const Postings* p : columns) p->Collect(lo, hi, f.begin, f.end, &runs);
    consider(std::move(runs));
  };
  if (f.actor) postings({&by_src_, &by_tgt_}, f.actor_lo, f.actor_hi);
  if (f.country != kNone) postings({&by_src_country_, &by_tgt_country_, &by_place_country_}, f.country, f.country + 1);
  if (f.root != kNone) postings({&by_root_}, f.root, f.root + 1);
  if (f.code != kNone) postings({&by_code_}, f.code, f.code + 1);
  if (f.box) {
    RowRuns lat, lon;
    by_lat_.Collect(f.box->min_lat, f.box->max_lat, &lat);
    by_lon_.Collect(f.box->min_lon, f.box->max_lon, &lon);
    consider(std::move(lat));
    consider(std::move(lon));
  }
  return f;
}

template <typename Visit>
void EventIndex::ForEachMatch(const Filter& f, size_t needed, Visit visit) const {
  size_t window = f.end - f.begin;
  if (f.candidates) {
    // A scan stops after `needed` matches: about needed * window / candidates rows, or fewer.
    size_t size = f.candidates->size;
    size_t scanned = window;
    if (size > 0 && needed < window) scanned = std::min<size_t>(window, needed * (window / size + 1));
    if (size <= scanned) {
      ForEachInUnion(*f.candidates, f.begin, f.end,
                     [&](uint32_t pos) { return !f.Matches(rows_[pos], pos) || visit(pos); });
      return;
    }
  }
  for (uint32_t i = f.begin; i < f.end; ++i) {
    if (f.Matches(rows_[i], i) && !visit(i)) return;
  }
}

PageResult EventIndex::Page(const EventsQuery& q, const TextRows* text) const {
  PageResult out;
  Filter f = Compile(q, text);
  if (f.impossible) return out;
  int64_t skip = q.offset;
  ForEachMatch(f, static_cast<size_t>(q.offset + q.limit + 1), [&](uint32_t pos) {
    if (skip > 0) {
      --skip;
      return true;
    }
    if (static_cast<int>(out.rows.size()) == q.limit) {
      out.more = true;
      return false;
    }
    out.rows.push_back(pos);
    return true;
  });
  return out;
}

std::vector<DayCount> EventIndex::Timeline(const EventsQuery& q, const TextRows* text) const {
  std::vector<DayCount> days;
  Filter f = Compile(q, text);
  if (f.impossible) return days;
  if (f.OnlyDates()) {  // the day totals say it all
    for (const DayTotal& d : DaysIn(f.from, f.to)) {
      days.push_back(
          DayCount{DateOf(d.day), d.events, {d.quad[0], d.quad[1], d.quad[2], d.quad[3]}});
    }
    return days;
  }
  // Rows run newest first: build newest first, then reverse.
  int32_t current = kNoDay;
  ForEachMatch(f, std::numeric_limits<size_t>::max(), [&](uint32_t pos) {
    const Row& r = rows_[pos];
    if (r.day == kNoDay) return true;
    if (days.empty() || r.day != current) {
      current = r.day;
      days.push_back(DayCount{DateOf(r.day)});
    }
    DayCount& d = days.back();
    ++d.events;
    if (r.quad >= 1 && r.quad <= 4) ++d.quad[r.quad - 1];
    return true;
  });
  std::reverse(days.begin(), days.end());
  return days;
}

Result<std::shared_ptr<const TextRows>> EventIndex::MatchText(Database& db, const std::string& text) const {
  {
    std::lock_guard<std::mutex> lock(text_mu_);
    auto it = text_memo_.find(text);
    if (it != text_memo_.end()) return it->second;
  }
  Statement st(db,
               "SELECT e.rowid FROM articles_fts f JOIN mentions t ON t.article_rid = f.rowid "
               "JOIN events e ON e.event_key = t.event_key WHERE articles_fts MATCH ?1");
  st.Bind(1, PlainTerms(text));
  auto rows = std::make_shared<TextRows>(rows_.size());
  auto by_rowid = [this](uint32_t pos, int64_t rowid) { return rows_[pos].rowid < rowid; };
  while (st.Step()) {
    int64_t rowid = st.Int(0);
    auto it = std::lower_bound(by_rowid_.begin(), by_rowid_.end(), rowid, by_rowid);
    // Events added since the snapshot are not in it.
    if (it != by_rowid_.end() && rows_[*it].rowid == rowid) (*rows)[*it] = true;
  }
  if (!st.status().ok()) return st.status();
  std::lock_guard<std::mutex> lock(text_mu_);
  if (text_memo_.size() >= kTextMemo) text_memo_.clear();
  text_memo_[text] = rows;
  return std::shared_ptr<const TextRows>(rows);
}

}  // namespace dyad::serve
