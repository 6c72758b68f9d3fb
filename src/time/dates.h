// The time stage: date expressions and the narrative reference time ("when").
//
// In:  a tokenized Document (text stage; syntax tags are used when present) and a DateContext.
// Out: doc->dates, one DateMention per date expression in text order, and a DateTimeline giving
//      each sentence the narrative reference date that an event without its own date takes.
//
// Worked example, publication 2021-08-11 (a Wednesday):
//   "X and Y on Tuesday discussed the war."   "on Tuesday" -> 2021-08-10 (weekday); the reference
//                                              for the following sentences becomes 2021-08-10
//   "On Aug 1, Z said they must cooperate."    "On Aug 1" -> 2021-08-01 (month-day); a flashback
//                                              (> 7 days before 2021-08-10): the reference stays
//   "A day earlier, rebels took a town."       "A day earlier" -> 2021-08-09 (relative-day)
//   "They took three towns over the weekend."  "over the weekend" -> 2021-08-07..08 (weekend)
//   "They warned the US on Sunday."            "on Sunday" -> 2021-08-08 (weekday)
//
// The narrative reference starts at the dateline date, else the publication date. A day-precision
// date in the main narrative becomes the reference for the sentences after its own, unless it is
// inside a quotation, in a past-perfect clause ("had said"), after the publication date, or more
// than kFlashbackDays before the reference in force (a flashback). Anaphoric expressions (weekdays,
// weekends, "a day earlier") resolve against the reference in force at their sentence; deictic ones
// ("yesterday", "last week", "this month", "two days ago") against the dateline/publication date.
// A day offset after a day date of the same sentence follows that date ("took the town on Monday
// and two days later the airport"). A weekday with an explicit date ("Friday, Aug. 6") takes the
// date.
// Past-tense weekdays never land after the publication date; a future-tense cue ("will", "is due
// to", "next") selects the next such day on or after the dateline/publication date instead.
#ifndef DYAD_TIME_DATES_H_
#define DYAD_TIME_DATES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/date.h"
#include "dyad/document.h"

namespace dyad::time {

// A date more than this many days before the reference in force does not move it.
inline constexpr int kFlashbackDays = 7;

struct DateContext {
  Date publication;  // unset: only expressions with an explicit year are resolved
  Date dateline;     // unset when the article has no dated dateline
};

// Where a sentence's reference date came from.
enum class DateBasis { kPublication, kDateline, kNarrative };
// "publication", "dateline" or "narrative" (a date expression in an earlier sentence).
const char* DateBasisName(DateBasis basis);

struct SentenceReference {
  Date date;  // unset when the context had no date and no explicit date preceded
  DateBasis basis = DateBasis::kPublication;
  int32_t mention = -1;  // index into doc->dates of the expression that set it, or -1
};

// The narrative reference of each sentence, as returned by DateResolver::Resolve.
struct DateTimeline {
  SentenceReference start;  // the dateline/publication reference before the first sentence
  std::vector<SentenceReference> sentence_reference;  // parallel to doc->sentences

  // The reference in force at the start of `sentence`; `start` when out of range.
  const SentenceReference& ReferenceFor(uint32_t sentence) const;
  // The same as a day-precision range (invalid when the date is unset), for Event::date.
  DateRange RangeFor(uint32_t sentence) const;
};

// One resolved expression with its reasoning, for `dyad dates`.
struct DateExplanation {
  uint32_t mention = 0;   // index into doc->dates
  uint32_t sentence = 0;  // index into doc->sentences
  std::string text;       // the expression as written
  DateRange range;
  std::string rule;
  Date anchor;             // the date it was resolved against; unset for explicit dates
  std::string anchor_why;  // e.g. "publication date", "narrative reference set by \"on Tuesday\""
  bool moved_reference = false;
  std::string effect;  // why it did or did not become the reference
};

// One line, e.g. `"on Tuesday" -> 2021-08-10 [weekday, day] against 2021-08-11 (publication
// date); became the reference for the following sentences`.
std::string FormatExplanation(const DateExplanation& e);

// Finds and resolves date expressions. Stateless: one instance may serve all threads.
class DateResolver {
 public:
  // Replaces doc->dates with the expressions found in doc->sentences and returns each sentence's
  // narrative reference. `doc` must be tokenized; an untokenized doc gets no dates.
  DateTimeline Resolve(const DateContext& ctx, Document* doc) const;

  // As Resolve, and explains every expression (in the order of doc->dates).
  std::vector<DateExplanation> Explain(const DateContext& ctx, Document* doc) const;

 private:
  DateTimeline Run(const DateContext& ctx, Document* doc,
                   std::vector<DateExplanation>* explain) const;
};

}  // namespace dyad::time

#endif  // DYAD_TIME_DATES_H_
