// Stable 64-bit hashing (FNV-1a) for deterministic ids. Not cryptographic.
#ifndef DYAD_COMMON_HASH_H_
#define DYAD_COMMON_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

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

}  // namespace dyad

#endif  // DYAD_COMMON_HASH_H_
