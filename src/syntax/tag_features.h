// Features of the part-of-speech tagger (an averaged perceptron, left to right, greedy).
//
// Per word: the lower-cased form, prefixes 1-3 and suffixes 1-4, the shape ("Kunduz" -> "Xxx",
// "2021" -> "dd", "US-led" -> "XX-xx"), flags (capitalised, all caps, digit, hyphen, first word),
// the two words either side, and the two tags already chosen. Everything is a 64-bit hash: no
// string is built per token.
#ifndef DYAD_SYNTAX_TAG_FEATURES_H_
#define DYAD_SYNTAX_TAG_FEATURES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad::syntax {

// One token as the tagger and parser see it. `lower` is utf8::NormalizeLower(form).
struct WordInput {
  std::string_view form;
  std::string_view lower;
  // A capitalised word of a name the lexicon knows ("Beijing", "Hamas"): a proper noun whatever
  // the tagger's features say (sentence-initial "Beijing" otherwise looks like a gerund).
  bool known_name = false;
};

class TagFeatures {
 public:
  static constexpr int kMaxFeatures = 40;
  // Computes the word-level hashes of a sentence; call once per sentence.
  void Prepare(const std::vector<WordInput>& words);
  // Features of word i given the tags of words i-1 and i-2 (-1 = none). Returns the count.
  int Extract(int i, int prev1, int prev2, uint64_t* out) const;
  // The lower-case hash of word i (-2..n+1 allowed), shared with the parser.
  uint64_t lower(int i) const { return At(i).lower; }

 private:
  struct Word {
    uint64_t lower = 0, shape = 0, flags = 0;
    uint64_t prefix[3] = {0, 0, 0};
    uint64_t suffix[4] = {0, 0, 0, 0};
  };
  const Word& At(int i) const { return words_[static_cast<size_t>(i + 2)]; }
  std::vector<Word> words_;  // padded: two boundary words each side
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TAG_FEATURES_H_
