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

#include "common/hash.h"
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
  // Call once after the last Add: builds the first-word filter. (Without it every lookup takes
  // the trie's slower path; the results are the same.)
  void Finish();

  // Appends every name that matches at token `i` (not extending past `end`), longest first.
  void MatchesAt(const Document& doc, uint32_t i, uint32_t end, std::vector<NameMatch>* out) const;
  // False when no name starts with the lower-case token `lower` (MatchesAt would find nothing).
  bool MayStartWith(std::string_view lower) const;
  // The same over bare lower-case tokens with their capitalisation flags (for tests and tools).
  size_t size() const { return count_; }
  uint32_t max_tokens() const { return max_tokens_; }

 private:
  // A trie over lower-case tokens: one hash lookup per token of the text, however many names
  // share a first word ("president ...", "mohamed ...").
  struct Terminal {
    std::vector<CaseMode> modes;  // one per token of the name
    uint32_t payload;
  };
  struct Node {
    std::unordered_map<std::string, uint32_t> next;  // token -> node index
    std::vector<Terminal> ends;                      // names ending here, in insertion order
  };
  std::vector<Node> nodes_{1};  // nodes_[0] is the root
  // The root's words: most text tokens start no name, and this answers so without a string
  // comparison.
  WordFilter first_words_;
  size_t count_ = 0;
  uint32_t max_tokens_ = 0;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_NAME_MATCHER_H_
