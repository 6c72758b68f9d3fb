#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <sys/mman.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dyad::syntax {
namespace {

template <typename T>
void AppendPod(const T& v, std::string* out) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
bool ReadPod(const char** p, const char* end, T* v) {
  if (end - *p < static_cast<ptrdiff_t>(sizeof(T))) return false;
  std::memcpy(v, *p, sizeof(T));
  *p += sizeof(T);
  return true;
}

template <typename V>
bool ReadVector(const char** p, const char* end, uint64_t n, V* v) {
  using T = typename V::value_type;
  if (n > static_cast<uint64_t>(end - *p) / sizeof(T)) return false;
  v->resize(n);
  if (n) std::memcpy(v->data(), *p, n * sizeof(T));
  *p += n * sizeof(T);
  return true;
}

}  // namespace

void* AllocateHugePages(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  if (bytes < kHuge / 2) return std::malloc(bytes == 0 ? 1 : bytes);
  size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = std::aligned_alloc(kHuge, rounded);
#ifdef MADV_HUGEPAGE
  if (p) madvise(p, rounded, MADV_HUGEPAGE);  // a hint: without huge pages it still works
#endif
  return p;
}

void FrozenWeights::Score(const uint64_t* feats, size_t n, int32_t* scores) const {
  n = std::min(n, kMaxBatch);
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[Home(feats[i])]);
  uint32_t found[kMaxBatch];
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = feats[i];
    uint32_t key = static_cast<uint32_t>(h >> 32) | 1u;  // 0 marks an empty slot
    for (uint64_t s = Home(h);; s = Next(s)) {
      uint64_t slot = slots_[s];
      uint32_t k = static_cast<uint32_t>(slot >> 32);
      if (k == 0) break;
      if (k != key) continue;
      uint32_t v = static_cast<uint32_t>(slot);
      found[m++] = v;
      if ((v & 0xff) == kDense) __builtin_prefetch(&dense_[(v >> 8) * stride_]);
      else __builtin_prefetch(&entries_[v >> 8]);
      break;
    }
  }
  for (size_t i = 0; i < m; ++i) {
    uint32_t count = found[i] & 0xff;
    if (count == kDense) {
      const int16_t* row = &dense_[(found[i] >> 8) * stride_];
#if defined(__SSE2__)
      for (size_t c = 0; c < stride_; c += 8) {
        __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + c));
        __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16);
        __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16);
        __m128i* out = reinterpret_cast<__m128i*>(scores + c);
        _mm_storeu_si128(out, _mm_add_epi32(_mm_loadu_si128(out), lo));
        _mm_storeu_si128(out + 1, _mm_add_epi32(_mm_loadu_si128(out + 1), hi));
      }
#else
      for (size_t c = 0; c < stride_; ++c) scores[c] += row[c];
#endif
      continue;
    }
    const uint32_t* e = &entries_[found[i] >> 8];
    for (uint32_t j = 0; j < count; ++j) scores[e[j] >> 16] += static_cast<int16_t>(e[j] & 0xffff);
  }
}

void FrozenWeights::Write(std::string* out) const {
  AppendPod<uint64_t>(slots_.size(), out);
  AppendPod<uint64_t>(entries_.size(), out);
  AppendPod<uint64_t>(dense_.size(), out);
  AppendPod<uint64_t>(stride_, out);
  AppendPod<uint64_t>(num_features_, out);
  out->append(reinterpret_cast<const char*>(slots_.data()), slots_.size() * 8);
  out->append(reinterpret_cast<const char*>(entries_.data()), entries_.size() * 4);
  out->append(reinterpret_cast<const char*>(dense_.data()), dense_.size() * 2);
}

Status FrozenWeights::Read(const char** p, const char* end) {
  uint64_t nslots, nentries, ndense, stride, nfeat;
  if (!ReadPod(p, end, &nslots) || !ReadPod(p, end, &nentries) || !ReadPod(p, end, &ndense) ||
      !ReadPod(p, end, &stride) || !ReadPod(p, end, &nfeat)) {
    return Status::ParseError("truncated weight table header");
  }
  if (nslots == 0 || nslots > (uint64_t{1} << 32)) return Status::ParseError("bad weight table size");
  if (stride == 0 || stride % 8 != 0 || stride > 4096) return Status::ParseError("bad weight row size");
  if (!ReadVector(p, end, nslots, &slots_) || !ReadVector(p, end, nentries, &entries_) ||
      !ReadVector(p, end, ndense, &dense_)) {
    return Status::ParseError("truncated weight table");
  }
  stride_ = stride;
  for (uint64_t s : slots_) {
    if (s == 0) continue;
    uint64_t begin = static_cast<uint32_t>(s) >> 8, count = s & 0xff;
    bool ok = count == kDense ? (begin + 1) * stride_ <= dense_.size() : begin + count <= entries_.size();
    if (!ok) return Status::ParseError("weight table entry out of range");
  }
  size_t empty = 0;
  for (uint64_t sl : slots_) empty += sl == 0;
  if (empty == 0) return Status::ParseError("weight table has no empty slot");
  num_features_ = nfeat;
  return Status::Ok();
}

int64_t PerceptronTrainer::Find(uint64_t key) const {
  uint64_t mask = table_keys_.size() - 1;
  uint64_t k = key | 1;
  for (uint64_t s = key & mask;; s = (s + 1) & mask) {
    if (table_keys_[s] == 0) return -1;
    if (table_keys_[s] == k) return table_idx_[s];
  }
}

size_t PerceptronTrainer::Insert(uint64_t key) {
  if (int64_t i = Find(key); i >= 0) return static_cast<size_t>(i);
  if ((keys_.size() + 1) * 2 > table_keys_.size()) Grow();
  uint64_t mask = table_keys_.size() - 1;
  uint64_t s = key & mask;
  while (table_keys_[s] != 0) s = (s + 1) & mask;
  table_keys_[s] = key | 1;
  table_idx_[s] = static_cast<uint32_t>(keys_.size());
  keys_.push_back(key);
  entries_.emplace_back();
  return keys_.size() - 1;
}

void PerceptronTrainer::Grow() {
  size_t n = table_keys_.size() * 2;
  table_keys_.assign(n, 0);
  table_idx_.assign(n, 0);
  for (size_t i = 0; i < keys_.size(); ++i) {
    uint64_t s = keys_[i] & (n - 1);
    while (table_keys_[s] != 0) s = (s + 1) & (n - 1);
    table_keys_[s] = keys_[i] | 1;
    table_idx_[s] = static_cast<uint32_t>(i);
  }
}

void PerceptronTrainer::Score(const uint64_t* feats, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    int64_t f = Find(feats[i]);
    if (f < 0) continue;
    for (const Entry& e : entries_[f]) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::Update(const uint64_t* feats, size_t n, int cls, float delta) {
  for (size_t i = 0; i < n; ++i) {
    std::vector<Entry>& list = entries_[Insert(feats[i])];
    auto it = std::find_if(list.begin(), list.end(), [&](const Entry& e) { return e.cls == cls; });
    if (it == list.end()) {
      list.push_back(Entry{cls, 0, 0, clock_});
      it = list.end() - 1;
    }
    it->total += static_cast<double>(clock_ - it->stamp) * it->w;
    it->stamp = clock_;
    it->w += delta;
  }
}

FrozenWeights PerceptronTrainer::Freeze(size_t max_bytes) const {
  // Averages, then one global scale so the largest |average| maps to 32767.
  std::vector<std::vector<std::pair<int, double>>> avg(keys_.size());
  std::vector<double> biggest(keys_.size(), 0);
  double max_abs = 1e-9;
  for (size_t f = 0; f < keys_.size(); ++f) {
    for (const Entry& e : entries_[f]) {
      double a = (e.total + static_cast<double>(clock_ - e.stamp) * e.w) / static_cast<double>(clock_);
      if (a != 0) avg[f].emplace_back(e.cls, a);
      biggest[f] = std::max(biggest[f], std::fabs(a));
    }
    max_abs = std::max(max_abs, biggest[f]);
  }
  double scale = 32767.0 / max_abs;
  std::vector<std::pair<uint64_t, std::vector<uint32_t>>> kept;
  for (size_t f = 0; f < keys_.size(); ++f) {
    std::vector<uint32_t> list;
    for (auto [cls, a] : avg[f]) {
      long q = std::lround(a * scale);
      if (q == 0) continue;
      list.push_back(static_cast<uint32_t>(cls) << 16 | (static_cast<uint32_t>(static_cast<int16_t>(q)) & 0xffff));
    }
    if (list.empty()) continue;
    std::sort(list.begin(), list.end());
    kept.emplace_back(keys_[f], std::move(list));
  }
  // Largest weights first (ties by key, for determinism); cut where the budget ends.
  std::vector<double> mag(kept.size());
  {
    size_t k = 0;
    for (size_t f = 0; f < keys_.size(); ++f) {
      if (k < kept.size() && kept[k].first == keys_[f]) mag[k++] = biggest[f];
    }
  }
  std::vector<size_t> order(kept.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return mag[a] != mag[b] ? mag[a] > mag[b] : kept[a].first < kept[b].first;
  });
  auto slots_for = [](size_t n) { return n * 3 / 2 + 1; };  // load factor 2/3
  size_t stride = (static_cast<size_t>(num_classes_) + 7) / 8 * 8;
  auto dense = [&](size_t i) { return kept[i].second.size() * 4 >= static_cast<size_t>(num_classes_); };
  size_t count = 0, entries = 0, rows = 0;
  for (size_t i : order) {
    size_t e = entries + (dense(i) ? 0 : kept[i].second.size());
    size_t r = rows + (dense(i) ? 1 : 0);
    if (e >= (1u << 24) || r >= (1u << 24) || slots_for(count + 1) * 8 + e * 4 + r * stride * 2 > max_bytes) break;
    entries = e;
    rows = r;
    ++count;
  }
  std::vector<size_t> chosen(order.begin(), order.begin() + static_cast<ptrdiff_t>(count));
  std::sort(chosen.begin(), chosen.end());  // back to key-insertion order: a stable layout
  FrozenWeights fw;
  fw.stride_ = stride;
  size_t nslots = slots_for(count);
  fw.slots_.assign(nslots, 0);
  for (size_t i : chosen) {
    const auto& [key, list] = kept[i];
    uint64_t s = fw.Home(key);
    uint32_t k = static_cast<uint32_t>(key >> 32) | 1u;
    while (fw.slots_[s] != 0) s = fw.Next(s);
    if (dense(i)) {
      uint64_t row = fw.dense_.size() / stride;
      fw.dense_.resize(fw.dense_.size() + stride, 0);
      for (uint32_t e : list) fw.dense_[row * stride + (e >> 16)] = static_cast<int16_t>(e & 0xffff);
      fw.slots_[s] = static_cast<uint64_t>(k) << 32 | (row << 8) | FrozenWeights::kDense;
      continue;
    }
    uint64_t begin = fw.entries_.size();
    fw.entries_.insert(fw.entries_.end(), list.begin(), list.end());
    fw.slots_[s] = static_cast<uint64_t>(k) << 32 | (begin << 8) | list.size();
  }
  fw.num_features_ = count;
  return fw;
}

}  // namespace dyad::syntax
