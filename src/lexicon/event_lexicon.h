// The compiled event dictionary (docs/LEXICON.md, *.events files): CAMEO code + pattern.
// Indexed by trigger lemma; immutable after Load, shared by threads.
#ifndef DYAD_LEXICON_EVENT_LEXICON_H_
#define DYAD_LEXICON_EVENT_LEXICON_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/hash.h"
#include "dyad/status.h"
#include "lexicon/lexicon_file.h"

namespace dyad::lexicon {

// One element after the trigger: a literal (any of `words`) or the target slot.
// One bit of a 64-bit word filter: two words with different bits are different words.
inline uint64_t WordBit(std::string_view w) {
  return uint64_t{1} << (std::hash<std::string_view>{}(w)&63);
}

struct PatternElement {
  std::vector<std::string> words;  // lower-case alternatives; empty for the target slot
  uint64_t mask = 0;               // WordBit of every word: a quick "cannot match" test
  bool is_target = false;
};

struct EventEntry {
  std::string code;                   // CAMEO code, "041"
  bool noun = false;                  // trigger is a noun (N:)
  std::vector<std::string> triggers;  // lemma alternatives of the trigger
  std::vector<PatternElement> rest;   // elements after the trigger, in order
  bool target_none = false;           // target=none
  bool object_place = false;          // obj=place
  bool object_none = false;           // obj=none: only a verb without a direct object
  bool passive_ok = true;             // passive=no clears it
  bool appeal = false;                // modal=appeal
  std::string pattern;                // as written, for explain
  std::string file;
  int line = 0;

  bool has_target_slot() const {
    for (const auto& e : rest) if (e.is_target) return true;
    return false;
  }
  // "file:line code pattern", the rule name shown in output and `dyad explain`.
  std::string RuleName() const;
};

class EventLexicon {
 public:
  static Result<std::shared_ptr<const EventLexicon>> Load(const std::vector<std::string>& paths,
                                                          std::vector<Diagnostic>* diagnostics);
  static std::shared_ptr<const EventLexicon> FromText(std::string_view text,
                                                      std::vector<Diagnostic>* diagnostics);

  // Entries whose trigger is `lemma` (nullptr when none). Longest patterns first.
  const std::vector<const EventEntry*>* ByTrigger(std::string_view lemma) const;
  const std::vector<EventEntry>& entries() const { return entries_; }
  const std::string& version() const { return version_; }

 private:
  std::string AddLine(const LexiconLine& line);
  void Finish();

  std::vector<EventEntry> entries_;
  std::unordered_map<std::string, std::vector<const EventEntry*>> by_trigger_;
  WordFilter triggers_;  // by_trigger_'s keys: most tokens trigger nothing
  std::string version_;
};

// Parses a pattern string into `entry` (trigger, noun flag, rest). Returns "" or a reason.
std::string ParsePattern(std::string_view pattern, EventEntry* entry);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_EVENT_LEXICON_H_
