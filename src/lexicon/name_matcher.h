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
  // The same for a name already split by text::TokenizeWords.
  bool AddWords(const std::vector<std::string>& words, uint32_t payload);
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
  // share a first word ("president ...", "mohamed ..."). The edges of all nodes live in one
  // open-addressing table keyed by (node, word), their words in one pool: a few large
  // allocations instead of a hash map per node, which is what loading 20,000 names cost.
  static constexpr uint32_t kNone = 0xffffffffu;
  struct Terminal {
    uint32_t payload;
    uint32_t modes_at;  // the name's case modes, one per token, at modes_[modes_at...]
  };
  struct Node {
    uint32_t children = 0;
    std::vector<Terminal> ends;  // names ending here, in insertion order
  };
  struct Edge {
    uint32_t parent, child;
    uint32_t word_at, word_len;  // in words_
  };
  uint32_t Find(uint32_t parent, std::string_view word) const;
  void AddEdge(uint32_t parent, std::string_view word, uint32_t child);
  static uint64_t EdgeHash(uint32_t parent, std::string_view word);

  std::vector<Node> nodes_{1};  // nodes_[0] is the root
  std::vector<Edge> edges_;
  std::vector<uint32_t> slots_;  // edge index + 1, 0 = empty; size a power of two
  std::string words_;
  std::vector<CaseMode> modes_;
  // The root's words: most text tokens start no name, and this answers so without a string
  // comparison.
  WordFilter first_words_;
  size_t count_ = 0;
  uint32_t max_tokens_ = 0;
};

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_NAME_MATCHER_H_
