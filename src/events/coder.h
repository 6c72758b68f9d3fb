// What: coded events from actors, places, dates and the event lexicon.
//
// In:  a Document with tagged tokens, actors, places and dates; a per-sentence time reference.
// Out: doc->events, one per (source, target, place) the text supports, each with the CAMEO code,
//      trigger span, date and its basis, modality and the rule that fired.
// Clause by clause: a trigger is found (the longest lexicon pattern at a verb or noun), its
// source is the subject (or the agent of a passive, or the modifier of a noun event), its target
// the pattern's $T or the object. Compound actors give one event per member, a compound subject
// of a consultation gives the reciprocal pair, capture of a list of towns gives one event per
// town. An obligation reported by a speaker ("X said A and B needed to work more closely")
// becomes X's appeal to the other party. Negated and hypothetical events are dropped unless
// `include_modal` is set.
// Example: "The Taliban captured Kunduz." -> AFGREB 192 AFG, at Kunduz (city).
#ifndef DYAD_EVENTS_CODER_H_
#define DYAD_EVENTS_CODER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "lexicon/cameo_table.h"
#include "lexicon/event_lexicon.h"
#include "time/dates.h"

namespace dyad::events {

struct CoderOptions {
  bool include_modal = false;
};

// The date an event gets when its clause has no date expression.
struct SentenceTime {
  DateRange reference;
  std::string basis;  // "narrative" or "publication"
};

// Each sentence's reference dates and their basis, from the date stage's timeline.
std::vector<SentenceTime> SentenceTimes(const time::DateTimeline& timeline, size_t sentences);

// A country-level place for an ISO3 code (from the gazetteer), or nullopt.
using CountryPlaceFn = std::function<std::optional<PlaceMention>(const std::string& iso3)>;

// Why a candidate was or wasn't coded, for `dyad explain`.
struct TraceLine {
  uint32_t sentence = 0;
  Span trigger;
  std::string rule;
  std::string outcome;  // "coded" or the reason it was dropped
};

class EventCoder {
 public:
  EventCoder(const lexicon::EventLexicon& lexicon, CoderOptions options)
      : lexicon_(lexicon), options_(options) {}
  // Thread-safe. `times` has one entry per sentence (may be empty: undated events).
  void Code(const std::vector<SentenceTime>& times, const CountryPlaceFn& country_place,
            Document* doc, std::vector<TraceLine>* trace = nullptr) const;

 private:
  const lexicon::EventLexicon& lexicon_;
  CoderOptions options_;
};

}  // namespace dyad::events

#endif  // DYAD_EVENTS_CODER_H_
