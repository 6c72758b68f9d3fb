// Sets of row positions for the in-memory snapshot (event_index.h): which rows have a given
// actor, country, root or code, or a latitude or longitude in a range, so that a query reads only
// those rows instead of scanning all.
//
//   Postings src = Postings::Build(num_ids, rows, [&](uint32_t pos) { return rows[pos].src; });
//   RowRuns runs;
//   src.Collect(lo, hi, begin, end, &runs);   // rows in [begin, end) whose source id is in [lo, hi)
//   ForEachInUnion(runs, begin, end, [&](uint32_t pos) { ...; return true; });  // ascending
//
// Immutable after Build: share across threads.
#ifndef DYAD_SERVE_ROW_SETS_H_
#define DYAD_SERVE_ROW_SETS_H_

#include <algorithm>
#include <bit>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace dyad::serve {

// A union of runs of row positions.
struct RowRuns {
  std::vector<std::span<const uint32_t>> runs;
  size_t size = 0;  // total length of the runs (positions in two runs count twice)
};

// Row positions grouped by the id of one column (compressed sparse rows): the rows whose column
// has id i are pos_[start_[i] .. start_[i + 1]), ascending. Ids of sorted strings make a prefix
// an id range, so the rows of a prefix are a few runs.
class Postings {
 public:
  template <typename IdOf>
  static Postings Build(size_t num_ids, size_t rows, IdOf id_of) {
    Postings p;
    p.start_.assign(num_ids + 1, 0);
    for (uint32_t pos = 0; pos < rows; ++pos) ++p.start_[id_of(pos) + 1];
    for (size_t i = 0; i < num_ids; ++i) p.start_[i + 1] += p.start_[i];
    std::vector<uint32_t> next(p.start_.begin(), p.start_.end() - 1);
    p.pos_.resize(rows);
    for (uint32_t pos = 0; pos < rows; ++pos) p.pos_[next[id_of(pos)]++] = pos;
    return p;
  }

  // Adds to `out` the positions in [begin, end) of the rows whose id is in [lo, hi).
  void Collect(uint32_t lo, uint32_t hi, uint32_t begin, uint32_t end, RowRuns* out) const {
    for (uint32_t id = lo; id < hi && id + 1 < start_.size(); ++id) {
      const uint32_t* first = pos_.data() + start_[id];
      const uint32_t* last = pos_.data() + start_[id + 1];
      first = std::lower_bound(first, last, begin);
      last = std::lower_bound(first, last, end);
      if (first == last) continue;
      out->runs.emplace_back(first, last);
      out->size += static_cast<size_t>(last - first);
    }
  }

 private:
  std::vector<uint32_t> start_;  // by id, and one past the last
  std::vector<uint32_t> pos_;
};

// Row positions sorted by a number column (latitude, longitude), rows without one (NaN) left
// out: the rows with a value in [lo, hi] are one run, in no particular order of position.
class ValueOrder {
 public:
  template <typename ValueOf>
  static ValueOrder Build(size_t rows, ValueOf value_of) {
    std::vector<std::pair<double, uint32_t>> sorted;
    for (uint32_t pos = 0; pos < rows; ++pos) {
      double v = value_of(pos);
      if (v == v) sorted.emplace_back(v, pos);  // not NaN
    }
    std::sort(sorted.begin(), sorted.end());
    ValueOrder o;
    for (const auto& [v, pos] : sorted) {
      o.values_.push_back(v);
      o.pos_.push_back(pos);
    }
    return o;
  }

  // Adds to `out` the positions of the rows whose value is in [lo, hi].
  void Collect(double lo, double hi, RowRuns* out) const {
    size_t first = std::lower_bound(values_.begin(), values_.end(), lo) - values_.begin();
    size_t last = std::upper_bound(values_.begin(), values_.end(), hi) - values_.begin();
    if (first >= last) return;
    out->runs.emplace_back(pos_.data() + first, last - first);
    out->size += last - first;
  }

 private:
  std::vector<double> values_;  // ascending
  std::vector<uint32_t> pos_;   // the row of each value
};

// Calls visit(pos) for every position of `runs` within [begin, end) once, in ascending order,
// until visit returns false. Costs the runs' length plus (end - begin) / 64 words.
template <typename Visit>
void ForEachInUnion(const RowRuns& runs, uint32_t begin, uint32_t end, Visit visit) {
  std::vector<uint64_t> bits((end - begin + 63) / 64);
  for (std::span<const uint32_t> run : runs.runs) {
    for (uint32_t pos : run) {
      uint32_t i = pos - begin;  // wraps for pos < begin
      if (i < end - begin) bits[i >> 6] |= uint64_t{1} << (i & 63);
    }
  }
  for (size_t w = 0; w < bits.size(); ++w) {
    for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
      if (!visit(static_cast<uint32_t>(begin + w * 64 + std::countr_zero(word)))) return;
    }
  }
}

}  // namespace dyad::serve

#endif  // DYAD_SERVE_ROW_SETS_H_
