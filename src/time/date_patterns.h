// The date-expression patterns of the time stage. Each matcher looks at one token position of a
// sentence and, when an expression starts there, returns its token range and resolved DateRange.
//
// Calendar patterns name a date ("2021-08-10", "Aug. 1", "1 August 2021", "in March 2020",
// "in 2019"); relative patterns need an anchor ("on Tuesday", "a day earlier", "last week").
// Anaphoric expressions (weekdays, weekends, "a day earlier") resolve against the narrative
// reference; deictic ones ("today", "yesterday", "last week", "this month", "two days ago")
// resolve against the speech date (dateline, else publication). Pure functions, thread-safe.
#ifndef DYAD_TIME_DATE_PATTERNS_H_
#define DYAD_TIME_DATE_PATTERNS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "dyad/date.h"
#include "time/date_words.h"

namespace dyad::time {

// Days after the reference that a month-day without a year may lie before it is taken to be in
// the previous year ("Dec 28" in an article of 2021-01-03 is 2020-12-28).
inline constexpr int kMaxForwardDays = 61;

struct Anchors {
  Date reference;    // narrative reference in force at the sentence (may be unset)
  Date speech;       // dateline, else publication (may be unset)
  Date publication;  // past-tense weekdays never resolve after this
};

// What a match was resolved against.
enum class AnchorUse { kNone, kReference, kSpeech };

struct Match {
  uint32_t begin = 0, end = 0;  // document token range [begin, end)
  DateRange range;
  std::string rule;  // "weekday", "month-day", "last-week", ...
  AnchorUse anchor = AnchorUse::kNone;
  bool future = false;  // resolved forwards because of a future-tense cue
  // Set when a day offset ("two days later") was resolved against an earlier date of the same
  // sentence ("on Monday ... and two days later ...") instead of the narrative reference.
  Date chained_from;
};

// Calendar expressions starting at token i of `view`, or nullopt. Invalid days ("Feb 30") and
// ambiguous slash dates ("10/08/2021") give nullopt.
std::optional<Match> MatchCalendar(const SentenceView& view, uint32_t i, const Anchors& anchors);

// Relative expressions starting at token i of `view`, or nullopt (also when the needed anchor is
// unset).
std::optional<Match> MatchRelative(const SentenceView& view, uint32_t i, const Anchors& anchors);

// The year for `month`/`day` without one: the latest of ref.year+1, ref.year, ref.year-1 whose
// date is valid and at most kMaxForwardDays after `ref`; 0 when none is.
int InferYear(int month, int day, Date ref);

}  // namespace dyad::time

#endif  // DYAD_TIME_DATE_PATTERNS_H_
