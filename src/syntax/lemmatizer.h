// Lemmas for verbs and nouns: WordNet's exception lists (took -> take, mice -> mouse) plus suffix
// rules checked against WordNet's lemma index (seized -> seize, not "seiz"; airstrikes -> airstrike).
// The tables are compiled into the binary at build time from Debian's wordnet-base.
// Immutable after construction; one shared instance (Lemmatizer::Get()) serves all threads.
#ifndef DYAD_SYNTAX_LEMMATIZER_H_
#define DYAD_SYNTAX_LEMMATIZER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dyad::syntax {

class Lemmatizer {
 public:
  static const Lemmatizer& Get();

  // Lemma of a lower-case word read as a verb, or "" when it cannot be a verb form.
  std::string Verb(std::string_view lower) const;
  // Lemma of a lower-case word read as a noun ("" when not a known noun form).
  std::string Noun(std::string_view lower) const;
  // Noun(lower) when it differs from `lower` ("airstrikes" -> "airstrike", "men" -> "man"), else
  // "": only a word in -s or -men, or an irregular plural, has one. Cheaper than Noun for the
  // many words that have none (the event coder asks for every verb-tagged token).
  std::string OtherNoun(std::string_view lower) const;
  bool IsVerbLemma(std::string_view w) const { return verbs_.count(std::string(w)) != 0; }
  bool IsNounLemma(std::string_view w) const { return nouns_.count(std::string(w)) != 0; }
  // True when `lower` is an irregular past form (took, went, was).
  bool IsIrregularPast(std::string_view lower) const;

 private:
  Lemmatizer();
  std::unordered_map<std::string, std::string> verb_exc_, noun_exc_;
  std::unordered_set<std::string> verbs_, nouns_;
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_LEMMATIZER_H_
