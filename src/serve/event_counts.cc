// EventIndex's aggregates over the snapshot: relations series (counts per period for a pair of
// actor prefixes) and top lists. The same answers as store::Relations and store::Top, which
// tests/serve_index_test.cc checks on random queries.
#include "serve/event_index.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "serve/days.h"

namespace dyad::serve {

namespace {

// The key of the period holding `day`: the day, its week's Monday, or year * 12 + month - 1.
int64_t PeriodKey(int32_t day, store::Period by) {
  switch (by) {
    case store::Period::kDay:
      return day;
    case store::Period::kWeek:
      return day - (((day + 3) % 7) + 7) % 7;  // 1970-01-01 was a Thursday
    case store::Period::kMonth:
      break;
  }
  Date date = Date::FromDays(day);
  return int64_t{date.year} * 12 + (date.month - 1);
}

std::string PeriodName(int64_t key, store::Period by) {
  if (by != store::Period::kMonth) return DateOf(static_cast<int32_t>(key));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(key / 12), static_cast<int>(key % 12) + 1);
  return buf;
}

}  // namespace

void EventIndex::AppendPairRows(const PairSlice& want, const PairSlice* except, int32_t from, int32_t to,
                                std::vector<uint32_t>* out) const {
  auto [begin, end] = Window(from, to);
  RowRuns by_src, by_tgt;
  by_src_.Collect(want.src_lo, want.src_hi, static_cast<uint32_t>(begin), static_cast<uint32_t>(end), &by_src);
  by_tgt_.Collect(want.tgt_lo, want.tgt_hi, static_cast<uint32_t>(begin), static_cast<uint32_t>(end), &by_tgt);
  for (std::span<const uint32_t> run : (by_src.size <= by_tgt.size ? by_src : by_tgt).runs) {
    for (uint32_t pos : run) {
      const Row& r = rows_[pos];
      if (r.day == kNoDay || (from != kNoDay && r.day < from) || (to != kNoDay && r.day > to)) continue;
      if (want.Fits(r) && !(except && except->Fits(r))) out->push_back(pos);
    }
  }
}

std::vector<store::RelationsRow> EventIndex::Relations(const store::RelationsQuery& q) const {
  int32_t from = q.from.empty() ? kNoDay : DayOf(q.from);
  int32_t to = q.to.empty() ? kNoDay : DayOf(q.to);
  struct Acc {
    int64_t key;
    store::RelationsRow row;
    int64_t goldstein_n = 0;
  };
  // Every period with events in the window, with its total, from the day totals.
  std::vector<Acc> periods;
  for (const DayTotal& d : DaysIn(from, to)) {
    int64_t key = PeriodKey(d.day, q.by);
    if (periods.empty() || periods.back().key != key) periods.push_back(Acc{key, {}, 0});
    periods.back().row.total += d.events;
  }
  // The A-B events: sources in A and targets in B, and (undirected) sources in B and targets in
  // A, each row once. Added in the API's row order, so sums add up as they always have.
  auto [a_lo, a_hi] = PrefixRange(q.a);
  auto [b_lo, b_hi] = PrefixRange(q.b);
  PairSlice ab{a_lo, a_hi, b_lo, b_hi}, ba{b_lo, b_hi, a_lo, a_hi};
  std::vector<uint32_t> pair;
  AppendPairRows(ab, nullptr, from, to, &pair);
  if (!q.directed) AppendPairRows(ba, &ab, from, to, &pair);
  std::sort(pair.begin(), pair.end());
  for (uint32_t pos : pair) {
    const Row& r = rows_[pos];
    int64_t key = PeriodKey(r.day, q.by);
    auto it = std::partition_point(periods.begin(), periods.end(), [key](const Acc& a) { return a.key < key; });
    assert(it != periods.end() && it->key == key);
    Acc& acc = *it;
    ++acc.row.events;
    if (r.quad >= 1 && r.quad <= 4) ++acc.row.quad[r.quad - 1];
    if (!std::isnan(r.goldstein)) {
      acc.row.goldstein_sum += r.goldstein;
      ++acc.goldstein_n;
    }
  }
  std::vector<store::RelationsRow> rows;
  rows.reserve(periods.size());
  for (Acc& acc : periods) {
    store::RelationsRow& r = acc.row;
    r.period = PeriodName(acc.key, q.by);
    if (acc.goldstein_n > 0) r.goldstein_mean = r.goldstein_sum / acc.goldstein_n;
    if (r.total > 0) {
      r.share = static_cast<double>(r.events) / r.total;
      for (int i = 0; i < 4; ++i) r.quad_share[i] = static_cast<double>(r.quad[i]) / r.total;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<store::TopRow> EventIndex::Top(store::TopBy by, int limit, const std::string& from,
                                           const std::string& to) const {
  int32_t from_day = from.empty() ? kNoDay : DayOf(from);
  int32_t to_day = to.empty() ? kNoDay : DayOf(to);
  uint32_t empty = Intern("");
  struct Count {
    int64_t events = 0, mentions = 0;
  };
  // Counts by id: ids of strings (and of dyads) are ranks of their keys, so ties between counts
  // are broken by id as store::Top breaks them by key.
  std::vector<Count> counts(by == store::TopBy::kDyad ? dyads_.size() : strings_.size());
  auto [begin, end] = Window(from_day, to_day);
  for (size_t i = begin; i < end; ++i) {
    const Row& r = rows_[i];
    if (r.day == kNoDay || (from_day != kNoDay && r.day < from_day) || (to_day != kNoDay && r.day > to_day)) continue;
    auto add = [&](uint32_t id) {
      ++counts[id].events;
      counts[id].mentions += r.mentions;
    };
    switch (by) {
      case store::TopBy::kDyad:
        if (r.tgt != empty) add(dyad_of_[i]);
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
  std::vector<uint32_t> ranked;
  for (uint32_t id = 0; id < counts.size(); ++id) {
    if (counts[id].events > 0) ranked.push_back(id);
  }
  auto before = [&](uint32_t x, uint32_t y) {
    if (counts[x].events != counts[y].events) return counts[x].events > counts[y].events;
    if (counts[x].mentions != counts[y].mentions) return counts[x].mentions > counts[y].mentions;
    return x < y;
  };
  size_t n = std::min(ranked.size(), static_cast<size_t>(std::max(limit, 0)));
  std::partial_sort(ranked.begin(), ranked.begin() + n, ranked.end(), before);
  std::vector<store::TopRow> rows;
  for (size_t i = 0; i < n; ++i) {
    uint32_t id = ranked[i];
    store::TopRow row;
    row.events = counts[id].events;
    row.mentions = counts[id].mentions;
    switch (by) {
      case store::TopBy::kDyad: {
        auto [src, tgt] = dyads_[id];
        row.key = strings_[src] + ">" + strings_[tgt];
        row.label = actor_labels_[src] + " > " + actor_labels_[tgt];
        break;
      }
      case store::TopBy::kActor:
        row.key = strings_[id];
        row.label = actor_labels_[id];
        break;
      case store::TopBy::kPlace:
        row.key = strings_[id];
        row.label = place_labels_[id];
        break;
      case store::TopBy::kCode:
        row.key = strings_[id];
        row.label = code_names_[id];
        break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace dyad::serve
