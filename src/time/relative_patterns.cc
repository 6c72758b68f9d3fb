// Relative patterns: weekdays, weekends, today/yesterday/tomorrow, this/last/next week, month and
// year, and day offsets ("a day earlier", "the next day", "hours later", "two days ago").
#include <string>
#include <string_view>

#include "time/clause.h"
#include "time/date_patterns.h"

namespace dyad::time {
namespace {

Match Make(uint32_t b, uint32_t e, DateRange range, std::string rule, AnchorUse anchor) {
  Match m;
  m.begin = b;
  m.end = e;
  m.range = range;
  m.rule = std::move(rule);
  m.anchor = anchor;
  return m;
}

// The most recent day with weekday `wd` on or before `d`.
Date OnOrBefore(Date d, int wd) { return d.AddDays(-((d.Weekday() - wd + 7) % 7)); }
// The first day with weekday `wd` on or after `d`.
Date OnOrAfter(Date d, int wd) { return d.AddDays((wd - d.Weekday() + 7) % 7); }

// Past-tense days never land after publication.
Date NotAfter(Date d, Date publication) {
  while (publication.valid() && d > publication) d = d.AddDays(-7);
  return d;
}

std::optional<Match> Deictic(const SentenceView& view, uint32_t i, const Anchors& a) {
  std::string_view w = view.Lower(i);
  int offset = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
  if (offset == 0 && w != "today" && w != "tonight") return std::nullopt;
  std::string rule = offset == -1 ? "yesterday" : offset == 1 ? "tomorrow" : "today";
  return Make(i, i + 1, DayRange(a.speech.AddDays(offset)), rule, AnchorUse::kSpeech);
}

// News names the days of the week of its own week: "on Wednesday" in a report published on a
// Thursday is the day before, even after a sentence about Monday. So a past weekday or weekend is
// counted back from the publication (dateline) date, unless the narrative is set more than a
// week earlier, when it is counted back from the narrative reference.
Date WeekAnchor(const Anchors& a) {
  if (!a.speech.valid() || !a.reference.valid()) return a.speech.valid() ? a.speech : a.reference;
  return a.speech.ToDays() - a.reference.ToDays() <= 7 ? a.speech : a.reference;
}

// "Tuesday", "last Tuesday", "next Tuesday", "this Tuesday", "Tuesday night".
std::optional<Match> Weekday(const SentenceView& view, uint32_t i, const Anchors& a) {
  std::string_view mod = view.Lower(i);
  bool has_mod = mod == "last" || mod == "next" || mod == "this";
  uint32_t at = has_mod ? i + 1 : i;
  int wd = WeekdayNumber(view.Lower(at));
  if (wd < 0 || !view.Capitalized(at)) return std::nullopt;
  // "Black Friday", "Super Tuesday": a capitalised word glued to the name in mid-sentence.
  if (!has_mod && view.Capitalized(static_cast<int64_t>(at) - 1) &&
      !view.Is(static_cast<int64_t>(at) - 1, kTokSentStart)) {
    return std::nullopt;
  }
  uint32_t end = at + 1;
  std::string_view part = view.Lower(end);
  if (part == "morning" || part == "afternoon" || part == "evening" || part == "night") ++end;
  bool future = mod == "next" || IsFutureContext(view, i, end);
  bool speech = future || WeekAnchor(a) == a.speech;
  Match m = Make(i, end, {}, "weekday", speech ? AnchorUse::kSpeech : AnchorUse::kReference);
  m.future = future;
  Date d;
  if (mod == "next")
    d = OnOrAfter(a.speech.AddDays(1), wd);
  else if (future)
    d = OnOrAfter(a.speech, wd);
  else if (mod == "last")
    d = NotAfter(OnOrBefore(WeekAnchor(a).AddDays(-1), wd), a.publication);
  else
    d = NotAfter(OnOrBefore(WeekAnchor(a), wd), a.publication);
  m.range = DayRange(d);
  return m;
}

// "over the weekend", "at the weekend", "this/last/next weekend", "the past weekend".
std::optional<Match> Weekend(const SentenceView& view, uint32_t i, const Anchors& a) {
  std::string_view w = view.Lower(i);
  uint32_t at = i;
  if (w == "over" || w == "at" || w == "on" || w == "during" || w == "through") {
    if (view.Lower(i + 1) != "the") return std::nullopt;
    at = view.Lower(i + 2) == "past" ? i + 3 : i + 2;
  } else if (w == "this" || w == "last" || w == "next" || w == "past") {
    at = i + 1;
  } else if (w == "the" && view.Lower(i + 1) == "past") {
    at = i + 2;
  }
  if (at == i || view.Lower(at) != "weekend") return std::nullopt;
  bool future = w == "next" || IsFutureContext(view, i, at + 1);
  Date sat;
  if (w == "next")
    sat = OnOrAfter(a.speech.AddDays(1), 5);
  else if (future)
    sat = OnOrAfter(a.speech, 5);
  else
    sat = NotAfter(OnOrBefore(WeekAnchor(a), 5), a.publication);
  if (w == "last" && WeekAnchor(a).Weekday() >= 5) sat = sat.AddDays(-7);
  Match m = Make(i, at + 1, DateRange{sat, sat.AddDays(1), DatePrecision::kRange}, "weekend",
                 future || WeekAnchor(a) == a.speech ? AnchorUse::kSpeech : AnchorUse::kReference);
  m.future = future;
  return m;
}

int ShiftFor(std::string_view which) {
  return which == "last" ? -1 : which == "next" ? 1 : which == "this" ? 0 : 99;
}

DateRange PeriodRange(std::string_view unit, int shift, Date speech) {
  if (unit == "week") {
    Date mon = WeekStart(speech).AddDays(7 * shift);
    return DateRange{mon, mon.AddDays(6), DatePrecision::kWeek};
  }
  if (unit == "month") {
    int index = speech.year * 12 + (speech.month - 1) + shift;
    return MonthRange(index / 12, index % 12 + 1);
  }
  return YearRange(speech.year + shift);
}

// "last week", "this month", "earlier this year", "later this week", "next month".
std::optional<Match> Period(const SentenceView& view, uint32_t i, const Anchors& a) {
  std::string_view lead = view.Lower(i);
  bool edge = lead == "earlier" || lead == "later" || lead == "early" || lead == "late";
  uint32_t at = edge ? i + 1 : i;
  int shift = ShiftFor(view.Lower(at));
  std::string_view unit = view.Lower(at + 1);
  bool relative_edge = lead == "earlier" || lead == "later";  // only "earlier this ..."
  if (shift == 99 || (relative_edge && shift != 0)) return std::nullopt;
  if (unit != "week" && unit != "month" && unit != "year") return std::nullopt;
  // Title case in mid-sentence is a name (the TV programme "This Week").
  if (view.Capitalized(at + 1) && !view.Is(i, kTokSentStart)) return std::nullopt;
  DateRange r = PeriodRange(unit, shift, a.speech);
  if (lead == "earlier" && a.speech.AddDays(-1) >= r.from) r.to = a.speech.AddDays(-1);
  std::string rule = std::string(edge ? lead : "") + (edge ? "-" : "") +
                     std::string(view.Lower(at)) + "-" + std::string(unit);
  return Make(i, at + 2, r, rule, AnchorUse::kSpeech);
}

// The day offset of "earlier"/"later"/"before"/"after"/"ago", or 0 with *ok false. "before" and
// "after" count only at a clause end ("the day before, ..."), not "the day before the vote".
int Direction(const SentenceView& view, uint32_t i, bool* ok) {
  std::string_view w = view.Lower(i);
  *ok = true;
  if ((w == "earlier" || w == "later") && view.Lower(i + 1) != "than") return w == "later" ? 1 : -1;
  if (w == "ago") return -1;
  if ((w == "before" || w == "after") && view.IsBreak(i + 1)) return w == "after" ? 1 : -1;
  *ok = false;
  return 0;
}

// "a day earlier", "two days later", "three days ago", "a week earlier", "hours later".
std::optional<Match> CountedOffset(const SentenceView& view, uint32_t i, const Anchors& a) {
  uint32_t at = i;
  int n = SmallNumber(view.Lower(i));
  if (n > 0) ++at;
  if (view.Lower(at) == "few") {
    n = 0;
    ++at;
  }  // "a few hours earlier"
  std::string_view unit = view.Lower(at);
  int days = unit == "day" || unit == "days" ? 1 : unit == "week" || unit == "weeks" ? 7 : -1;
  if (unit == "hours" || unit == "hour") days = 0;
  if (days < 0 || (days > 0 && n <= 0)) return std::nullopt;
  bool ok;
  int sign = Direction(view, at + 1, &ok);
  if (!ok) return std::nullopt;
  bool ago = view.Lower(at + 1) == "ago";
  Date base = ago ? a.speech : a.reference;
  return Make(i, at + 2, DayRange(base.AddDays(sign * days * n)), "relative-day",
              ago ? AnchorUse::kSpeech : AnchorUse::kReference);
}

// "the next day", "the previous day", "the following day", "the same day", "the day before,",
// "earlier in the day", "later that day".
std::optional<Match> NamedOffset(const SentenceView& view, uint32_t i, const Anchors& a) {
  std::string_view w = view.Lower(i), w1 = view.Lower(i + 1), w2 = view.Lower(i + 2);
  int offset = 99;
  uint32_t end = i + 3;
  if (w == "the" && w2 == "day") {
    if (w1 == "next" || w1 == "following") offset = 1;
    if (w1 == "previous" || w1 == "preceding") offset = -1;
    if (w1 == "same") offset = 0;
  } else if (w == "the" && w1 == "day") {
    bool ok;
    offset = Direction(view, i + 2, &ok);
    if (!ok || view.Lower(i + 2) == "ago") offset = 99;
  } else if ((w == "earlier" || w == "later") && w1 == "in" && w2 == "the" &&
             view.Lower(i + 3) == "day") {
    offset = 0;
    end = i + 4;
  } else if ((w == "earlier" || w == "later") && w1 == "that" && w2 == "day") {
    offset = 0;
  }
  if (offset == 99) return std::nullopt;
  return Make(i, end, DayRange(a.reference.AddDays(offset)), "relative-day", AnchorUse::kReference);
}

}  // namespace

std::optional<Match> MatchRelative(const SentenceView& view, uint32_t i, const Anchors& a) {
  if (!a.speech.valid() || !a.reference.valid()) return std::nullopt;
  if (auto m = Deictic(view, i, a)) return m;
  if (auto m = Weekday(view, i, a)) return m;
  if (auto m = Weekend(view, i, a)) return m;
  if (auto m = Period(view, i, a)) return m;
  if (auto m = CountedOffset(view, i, a)) return m;
  return NamedOffset(view, i, a);
}

}  // namespace dyad::time
