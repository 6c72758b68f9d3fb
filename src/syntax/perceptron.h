// Averaged perceptron weights over hashed sparse features, for the tagger and the parser.
//
// A feature is a 64-bit hash of (template id, values); each feature has a short list of
// (class, weight) pairs, since a perceptron only ever updates the gold and the predicted class.
// Training uses PerceptronTrainer (float weights with lazy averaging, Collins 2002); Freeze()
// turns the averages into FrozenWeights: an open-addressing table of 32-bit key fingerprints
// pointing into one contiguous array of int16 weights. FrozenWeights is immutable, so one model
// is shared by all threads; it loads with two freads.
#ifndef DYAD_SYNTAX_PERCEPTRON_H_
#define DYAD_SYNTAX_PERCEPTRON_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::syntax {

// Stable 64-bit mixing (splitmix64 finaliser): the same features on every platform, so a
// model trained anywhere scores the same everywhere.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
inline uint64_t Feat(uint64_t tmpl, uint64_t a) { return Mix64(tmpl * 0x9e3779b97f4a7c15ULL + a); }
inline uint64_t Feat(uint64_t tmpl, uint64_t a, uint64_t b) { return Mix64(Feat(tmpl, a) ^ (b * 0xc2b2ae3d27d4eb4fULL)); }
inline uint64_t Feat(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return Mix64(Feat(tmpl, a, b) ^ (c * 0x165667b19e3779f9ULL));
}
// FNV-1a over bytes, finalised: the id of a word string.
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) { h ^= c; h *= 0x100000001b3ULL; }
  return Mix64(h);
}

// Allocates large arrays on 2 MiB boundaries and asks the kernel for transparent huge pages:
// the weight tables are read at random, and with 4 KiB pages most lookups would also miss the
// TLB. Small arrays use the ordinary heap.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocator conversion
  T* allocate(size_t n);
  void deallocate(T* p, size_t) { std::free(p); }
  bool operator==(const HugePageAllocator&) const { return true; }
};
template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

class FrozenWeights {
 public:
  // Adds the weights of every feature in [feats, feats + n) to scores[0 .. score_size());
  // n <= kMaxBatch. The table is larger than the CPU caches, so lookups run in three passes
  // (prefetch the slots; find them and prefetch their weights; add) to overlap the misses.
  // Features with weights for many classes (tag-only templates) keep a dense int16 row.
  static constexpr size_t kMaxBatch = 128;
  static constexpr uint32_t kDense = 0xff;  // count value of a slot whose row is dense
  void Score(const uint64_t* feats, size_t n, int32_t* scores) const;
  // Length of the score array Score() writes: the class count rounded up to 8.
  size_t score_size() const { return stride_; }
  size_t num_features() const { return num_features_; }
  // True when every class id is below `n` (checked once at load).
  bool ClassesBelow(size_t n) const {
    for (uint32_t e : entries_) {
      if ((e >> 16) >= n) return false;
    }
    return stride_ >= n && stride_ <= n + 8;
  }
  size_t num_entries() const { return entries_.size(); }
  size_t bytes() const { return slots_.size() * 8 + entries_.size() * 4 + dense_.size() * 2; }

  void Write(std::string* out) const;
  // Reads what Write wrote from [*p, end); advances *p.
  Status Read(const char** p, const char* end);

 private:
  friend class PerceptronTrainer;
  // Slot of a hash: its low 32 bits scaled to the table size (any size, not only powers of 2).
  uint64_t Home(uint64_t h) const { return ((h & 0xffffffffULL) * slots_.size()) >> 32; }
  uint64_t Next(uint64_t s) const { return s + 1 == slots_.size() ? 0 : s + 1; }
  HugeVector<uint64_t> slots_{0};  // key32 << 32 | begin24 << 8 | count8 (kDense: begin = row)
  HugeVector<uint32_t> entries_;   // class << 16 | uint16(weight)
  HugeVector<int16_t> dense_;      // rows of stride_ weights
  size_t stride_ = 8;
  size_t num_features_ = 0;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

  // Current (not averaged) scores, for decisions during training.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // Adds `delta` to class `cls` of every feature; call Tick() once per training decision.
  void Update(const uint64_t* feats, size_t n, int cls, float delta);
  void Tick() { ++clock_; }

  // Averaged weights, quantised to int16; entries whose quantised weight is 0 are dropped. When
  // the table would exceed `max_bytes`, the features with the smallest largest-|weight| go
  // first (magnitude pruning), until it fits.
  FrozenWeights Freeze(size_t max_bytes = SIZE_MAX) const;
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return keys_.size(); }

 private:
  struct Entry {
    int cls;
    float w;
    double total;
    int64_t stamp;
  };
  int64_t Find(uint64_t key) const;
  size_t Insert(uint64_t key);
  void Grow();

  int num_classes_;
  int64_t clock_ = 1;
  std::vector<uint64_t> table_keys_ = std::vector<uint64_t>(1 << 16, 0);
  std::vector<uint32_t> table_idx_ = std::vector<uint32_t>(1 << 16, 0);
  std::vector<uint64_t> keys_;
  std::vector<std::vector<Entry>> entries_;
};

void* AllocateHugePages(size_t bytes);  // in perceptron.cc

template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  void* p = AllocateHugePages(n * sizeof(T));
  if (!p) throw std::bad_alloc();
  return static_cast<T*>(p);
}

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_PERCEPTRON_H_
