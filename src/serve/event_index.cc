#include "serve/event_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "store/country_codes.h"

namespace dyad::serve {

using store::Database;
using store::Statement;

namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Days since 1970-01-01 of "YYYY-MM-DD" (H. Hinnant's days_from_civil), kNoDay for anything else.
int32_t DayOf(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return kNoDay;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return kNoDay;
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilOf(int32_t z, int* y, int* m, int* d) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

std::string DateOf(int32_t day) {
  int y, m, d;
  CivilOf(day, &y, &m, &d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// "Pakistan Military" for PAKMIL; the actor's name when the code has no country (as store::Top).
std::string ActorCodeLabel(Database& db, const std::string& code) {
  Statement st(db, "SELECT country, sector, name FROM actors WHERE code = ?1");
  st.Bind(1, code);
  if (!st.Step()) return code;
  if (store::CountryName(st.Text(0)).empty()) return std::string(st.Text(2).empty() ? code : st.Text(2));
  return store::ActorLabel(st.Text(0), st.Text(1));
}

}  // namespace


struct EventIndex::Filter {
  bool impossible = false;  // a code or country the store has never seen
  bool actor = false;
  uint32_t actor_lo = 0, actor_hi = 0;
  uint32_t country = kNone, code = kNone, root = kNone;
  int32_t from = kNoDay, to = kNoDay;
  std::optional<BoundingBox> box;
  const std::unordered_set<int64_t>* text = nullptr;

  bool Matches(const Row& r) const {
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
    return text == nullptr || text->count(r.rowid) != 0;
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

Result<std::shared_ptr<const EventIndex>> EventIndex::Load(Database& db) {
  std::shared_ptr<EventIndex> index(new EventIndex());
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
  return std::shared_ptr<const EventIndex>(std::move(index));
}

EventIndex::Filter EventIndex::Compile(const EventsQuery& q, const std::unordered_set<int64_t>* text_rowids) const {
  Filter f;
  auto exact = [&](const std::string& s, uint32_t* out) {
    if (s.empty()) return;
    *out = Intern(s);
    if (*out == kNone) f.impossible = true;
  };
  if (!q.actor.empty()) {
    f.actor = true;
    f.actor_lo = static_cast<uint32_t>(std::lower_bound(strings_.begin(), strings_.end(), q.actor) - strings_.begin());
    f.actor_hi = static_cast<uint32_t>(std::lower_bound(strings_.begin(), strings_.end(), q.actor + "\xff") -
                                       strings_.begin());
  }
  exact(q.country, &f.country);
  exact(q.code, &f.code);
  exact(q.root, &f.root);
  if (!q.from.empty()) f.from = DayOf(q.from);
  if (!q.to.empty()) f.to = DayOf(q.to);
  f.box = q.box;
  if (!q.text.empty()) f.text = text_rowids;
  return f;
}

PageResult EventIndex::Page(const EventsQuery& q, const std::unordered_set<int64_t>* text_rowids) const {
  PageResult out;
  Filter f = Compile(q, text_rowids);
  if (f.impossible) return out;
  int64_t skip = q.offset;
  auto [begin, end] = Window(f.from, f.to);
  for (size_t i = begin; i < end; ++i) {
    const Row& r = rows_[i];
    if (!f.Matches(r)) continue;
    if (skip > 0) {
      --skip;
      continue;
    }
    if (static_cast<int>(out.rowids.size()) == q.limit) {
      out.more = true;
      break;
    }
    out.rowids.push_back(r.rowid);
  }
  return out;
}

std::vector<DayCount> EventIndex::Timeline(const EventsQuery& q, const std::unordered_set<int64_t>* text_rowids) const {
  std::vector<DayCount> days;
  Filter f = Compile(q, text_rowids);
  if (f.impossible) return days;
  int32_t current = kNoDay;
  // Rows run newest first: build newest first, then reverse.
  auto [begin, end] = Window(f.from, f.to);
  for (size_t i = begin; i < end; ++i) {
    const Row& r = rows_[i];
    if (r.day == kNoDay || !f.Matches(r)) continue;
    if (days.empty() || r.day != current) {
      current = r.day;
      days.push_back(DayCount{DateOf(r.day)});
    }
    DayCount& d = days.back();
    ++d.events;
    if (r.quad >= 1 && r.quad <= 4) ++d.quad[r.quad - 1];
  }
  std::reverse(days.begin(), days.end());
  return days;
}

std::vector<store::RelationsRow> EventIndex::Relations(const store::RelationsQuery& q) const {
  auto range = [&](const std::string& prefix) {
    uint32_t lo = static_cast<uint32_t>(std::lower_bound(strings_.begin(), strings_.end(), prefix) - strings_.begin());
    uint32_t hi = static_cast<uint32_t>(std::lower_bound(strings_.begin(), strings_.end(), prefix + "\xff") -
                                        strings_.begin());
    return std::pair(lo, hi);
  };
  auto [a_lo, a_hi] = range(q.a);
  auto [b_lo, b_hi] = range(q.b);
  int32_t from = q.from.empty() ? kNoDay : DayOf(q.from);
  int32_t to = q.to.empty() ? kNoDay : DayOf(q.to);
  struct Acc {
    store::RelationsRow row;
    int64_t goldstein_n = 0;
  };
  std::map<int64_t, Acc> periods;  // by period start (day, Monday) or year * 12 + month
  auto it = periods.end();
  int64_t last_key = std::numeric_limits<int64_t>::min();
  auto [begin, end] = Window(from, to);
  for (size_t i = begin; i < end; ++i) {
    const Row& r = rows_[i];
    if (r.day == kNoDay || (from != kNoDay && r.day < from) || (to != kNoDay && r.day > to)) continue;
    int64_t key = r.day;
    if (q.by == store::Period::kWeek) key = r.day - (((r.day + 3) % 7) + 7) % 7;  // 1970-01-01 was a Thursday
    if (q.by == store::Period::kMonth) {
      int y, m, d;
      CivilOf(r.day, &y, &m, &d);
      key = int64_t{y} * 12 + (m - 1);
    }
    if (key != last_key) {
      it = periods.try_emplace(key).first;
      last_key = key;
    }
    Acc& acc = it->second;
    ++acc.row.total;
    bool ab = r.src >= a_lo && r.src < a_hi && r.tgt >= b_lo && r.tgt < b_hi;
    bool ba = !q.directed && r.src >= b_lo && r.src < b_hi && r.tgt >= a_lo && r.tgt < a_hi;
    if (!ab && !ba) continue;
    ++acc.row.events;
    if (r.quad >= 1 && r.quad <= 4) ++acc.row.quad[r.quad - 1];
    if (!std::isnan(r.goldstein)) {
      acc.row.goldstein_sum += r.goldstein;
      ++acc.goldstein_n;
    }
  }
  std::vector<store::RelationsRow> rows;
  for (auto& [key, acc] : periods) {
    store::RelationsRow r = acc.row;
    if (q.by == store::Period::kMonth) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(key / 12), static_cast<int>(key % 12) + 1);
      r.period = buf;
    } else {
      r.period = DateOf(static_cast<int32_t>(key));
    }
    if (acc.goldstein_n > 0) r.goldstein_mean = r.goldstein_sum / acc.goldstein_n;
    if (r.total > 0) {
      r.share = static_cast<double>(r.events) / r.total;
      for (int i = 0; i < 4; ++i) r.quad_share[i] = static_cast<double>(r.quad[i]) / r.total;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

Result<std::vector<store::TopRow>> EventIndex::Top(Database& db, store::TopBy by, int limit, const std::string& from,
                                                   const std::string& to) const {
  int32_t from_day = from.empty() ? kNoDay : DayOf(from);
  int32_t to_day = to.empty() ? kNoDay : DayOf(to);
  uint32_t empty = Intern("");
  struct Count {
    int64_t events = 0, mentions = 0;
  };
  std::unordered_map<uint64_t, Count> counts;
  auto [begin, end] = Window(from_day, to_day);
  for (size_t i = begin; i < end; ++i) {
    const Row& r = rows_[i];
    if (r.day == kNoDay || (from_day != kNoDay && r.day < from_day) || (to_day != kNoDay && r.day > to_day)) continue;
    auto add = [&](uint64_t key) {
      Count& c = counts[key];
      ++c.events;
      c.mentions += r.mentions;
    };
    switch (by) {
      case store::TopBy::kDyad:
        if (r.tgt != empty) add(uint64_t{r.src} << 32 | r.tgt);
        break;
      case store::TopBy::kActor:
        add(r.src);
        if (r.tgt != empty) add(r.tgt);
        break;
      case store::TopBy::kPlace:
        if (r.place_key != empty) add(r.place_key);
        break;
      case store::TopBy::kCode:
        add(r.code);
        break;
    }
  }
  auto key_of = [&](uint64_t k) {
    if (by == store::TopBy::kDyad) return strings_[k >> 32] + ">" + strings_[k & 0xffffffffu];
    return strings_[k];
  };
  std::vector<std::pair<std::string, uint64_t>> keyed;
  keyed.reserve(counts.size());
  for (const auto& [k, c] : counts) keyed.emplace_back(key_of(k), k);
  auto before = [&](const std::pair<std::string, uint64_t>& x, const std::pair<std::string, uint64_t>& y) {
    const Count& a = counts[x.second];
    const Count& b = counts[y.second];
    if (a.events != b.events) return a.events > b.events;
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return x.first < y.first;
  };
  size_t n = std::min(keyed.size(), static_cast<size_t>(std::max(limit, 0)));
  std::partial_sort(keyed.begin(), keyed.begin() + n, keyed.end(), before);
  std::vector<store::TopRow> rows;
  for (size_t i = 0; i < n; ++i) {
    const auto& [key, k] = keyed[i];
    store::TopRow row;
    row.key = key;
    row.events = counts[k].events;
    row.mentions = counts[k].mentions;
    switch (by) {
      case store::TopBy::kDyad:
        row.label = ActorCodeLabel(db, strings_[k >> 32]) + " > " + ActorCodeLabel(db, strings_[k & 0xffffffffu]);
        break;
      case store::TopBy::kActor:
        row.label = ActorCodeLabel(db, key);
        break;
      case store::TopBy::kPlace:
        row.label = place_labels_[k];
        break;
      case store::TopBy::kCode:
        row.label = code_names_[k];
        break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::shared_ptr<const std::unordered_set<int64_t>>> EventIndex::TextRowids(Database& db,
                                                                                   const std::string& text) const {
  {
    std::lock_guard<std::mutex> lock(text_mu_);
    auto it = text_memo_.find(text);
    if (it != text_memo_.end()) return it->second;
  }
  Statement st(db,
               "SELECT e.rowid FROM articles_fts f JOIN mentions t ON t.article_rid = f.rowid "
               "JOIN events e ON e.event_key = t.event_key WHERE articles_fts MATCH ?1");
  st.Bind(1, PlainTerms(text));
  auto rowids = std::make_shared<std::unordered_set<int64_t>>();
  while (st.Step()) rowids->insert(st.Int(0));
  if (!st.status().ok()) return st.status();
  std::lock_guard<std::mutex> lock(text_mu_);
  if (text_memo_.size() >= kTextMemo) text_memo_.clear();
  text_memo_[text] = rowids;
  return std::shared_ptr<const std::unordered_set<int64_t>>(rowids);
}

}  // namespace dyad::serve
