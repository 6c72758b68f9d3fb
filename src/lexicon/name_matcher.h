// Compiled matcher for multi-token names over a token stream (longest match first).
// Names are tokenized with dyad's own tokenizer, so "U.S." in a dictionary and "U.S." in text split
// the same way. Case follows the name as written (docs/LEXICON.md): ALLCAPS tokens need an
// all-caps text token, Capitalised tokens a capitalised one, lower-case tokens match any case.
// Built once, then immutable: MatchesAt is const and thread-safe.
#ifndef DYAD_LEXICON_NAME_MATCHER_H_
#define DYAD_LEXICON_NAME_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/document.h"

namespace dyad::lexicon {

enum class CaseMode : uint8_t { kAny, kCapital, kExact };

struct NameMatch {
  uint32_t length = 0;   // tokens
  uint32_t payload = 0;  // caller's entry index
};

class NameMatcher {
 public:
  // Adds `name`; returns false when it has no tokens.
  bool Add(std::string_view name, uint32_t payload);
  // Sorts candidates longest first. Call once after the last Add.
  void Finish();

  // Appends every name that matches at token `i` (not extending past `end`), longest first.
  void MatchesAt(const Document& doc, uint32_t i, uint32_t end, std::vector<NameMatch>* out) const;
  // The same over bare lower-case tokens with their capitalisation flags (for tests and tools).
  size_t size() const { return count_; }
  uint32_t max_tokens() const { return max_tokens_; }

 private:
  struct Compiled {
    std::vector<std::string> lower;
    std::vector<CaseMode> modes;
    uint32_t payload;
  };
  std::unordered_map<std::string, std::vector<Compiled>> by_first_;
  size_t count_ = 0;
  uint32_t max_tokens_ = 0;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_NAME_MATCHER_H_
