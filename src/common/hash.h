// Stable 64-bit hashing (FNV-1a) for deterministic ids, and a word filter. Not cryptographic.
#ifndef DYAD_COMMON_HASH_H_
#define DYAD_COMMON_HASH_H_

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

class Hasher {
 public:
  Hasher& Add(std::string_view s) {
    for (unsigned char c : s) { h_ ^= c; h_ *= 0x100000001b3ULL; }
    h_ ^= 0xff;  // field separator, so ("ab","c") != ("a","bc")
    h_ *= 0x100000001b3ULL;
    return *this;
  }
  Hasher& Add(uint64_t v) {
    for (int i = 0; i < 8; ++i) { h_ ^= (v >> (8 * i)) & 0xff; h_ *= 0x100000001b3ULL; }
    return *this;
  }
  uint64_t value() const { return h_; }
  // 16 lower-case hex digits.
  std::string Hex() const {
    static const char kHex[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 0; i < 16; ++i) s[15 - i] = kHex[(h_ >> (4 * i)) & 15];
    return s;
  }

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

// A set of words that answers "certainly not a member" fast: FNV-1a hashes in an open-addressing
// table (no string compares, no division). "Maybe" answers need the caller's real lookup.
// Immutable after Build; shared by threads.
class WordFilter {
 public:
  template <typename Range>
  void Build(const Range& words) {
    size_t size = 16;
    while (size < 4 * std::size(words)) size *= 2;
    slots_.assign(size, 0);
    for (const auto& w : words) Insert(Hash(KeyOf(w)));
  }
  // Before Build, everything may be a member.
  bool MayContain(std::string_view w) const {
    if (slots_.empty()) return true;
    uint64_t h = Hash(w);
    size_t mask = slots_.size() - 1;
    for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot] == h) return true;
      if (slots_[slot] == 0) return false;
    }
  }
  void Clear() { slots_.clear(); }

 private:
  static std::string_view KeyOf(std::string_view w) { return w; }
  template <typename K, typename V>
  static std::string_view KeyOf(const std::pair<K, V>& kv) {
    return kv.first;
  }
  static uint64_t Hash(std::string_view w) { return Hasher().Add(w).value() | 1; }  // 0: empty slot
  void Insert(uint64_t h) {
    size_t mask = slots_.size() - 1;
    size_t slot = h & mask;
    while (slots_[slot] != 0 && slots_[slot] != h) slot = (slot + 1) & mask;
    slots_[slot] = h;
  }
  std::vector<uint64_t> slots_;
};

}  // namespace dyad

#endif  // DYAD_COMMON_HASH_H_
