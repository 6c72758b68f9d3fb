// Calendar patterns: full dates, month-day, day-month, month-year, month alone, year alone.
#include <array>
#include <string_view>

#include "time/date_patterns.h"

namespace dyad::time {
namespace {

// Words before a bare month ("in March") or year ("since 2019") that make it a date.
constexpr std::array<std::string_view, 15> kPeriodPrepositions = {
    "in",    "since",   "until",      "till",  "by",   "during", "from", "before",
    "after", "through", "throughout", "early", "late", "mid",    "of"};

bool IsPeriodPreposition(const SentenceView& view, int64_t i) {
  std::string_view w = view.Lower(i);
  if (w == "-" && view.Lower(i - 1) == "mid") return true;  // "mid-March"
  if (w == "of") {  // "the end of March", not "the capital of 2019"
    std::string_view p = view.Lower(i - 1);
    return p == "end" || p == "beginning" || p == "start" || p == "middle";
  }
  for (std::string_view p : kPeriodPrepositions) {
    if (p == w) return true;
  }
  return false;
}

std::optional<Match> DayMatch(uint32_t b, uint32_t e, int y, int m, int d, const char* rule) {
  if (y == 0 || !Date::IsValidDay(y, m, d)) return std::nullopt;
  Match out;
  out.begin = b;
  out.end = e;
  out.range = DayRange(Date{y, m, d});
  out.rule = rule;
  return out;
}

// Month and day known; the year follows (", 2021" or " 2021") or is inferred from the reference.
std::optional<Match> WithYear(const SentenceView& view, uint32_t b, uint32_t after, int m, int d,
                              const Anchors& anchors) {
  uint32_t y_at = view.Lower(after) == "," ? after + 1 : after;
  if (int y = YearNumber(view.Lower(y_at)); y != 0) {
    return DayMatch(b, y_at + 1, y, m, d, "full-date");
  }
  if (!anchors.reference.valid()) return std::nullopt;
  auto out = DayMatch(b, after, InferYear(m, d, anchors.reference), m, d, "month-day");
  if (out) out->anchor = AnchorUse::kReference;  // the year came from the reference
  return out;
}

// "2021-08-10" (tokens glued together).
std::optional<Match> IsoDate(const SentenceView& view, uint32_t i) {
  int y = YearNumber(view.Lower(i));
  if (y == 0 || view.Lower(i + 1) != "-" || view.Lower(i + 3) != "-") return std::nullopt;
  for (uint32_t k = i + 1; k <= i + 4; ++k) {
    if (!view.Glued(k)) return std::nullopt;
  }
  int m = ParseDigits(view.Lower(i + 2), 2, 2);
  int d = ParseDigits(view.Lower(i + 4), 2, 2);
  if (m < 1 || d < 1) return std::nullopt;
  return DayMatch(i, i + 5, y, m, d, "full-date");
}

// "2021/08/10", "25/08/2021", "08/25/2021"; "10/08/2021" (day and month both <= 12) is ambiguous.
std::optional<Match> SlashDate(const SentenceView& view, uint32_t i) {
  if (view.Lower(i + 1) != "/" || view.Lower(i + 3) != "/") return std::nullopt;
  for (uint32_t k = i + 1; k <= i + 4; ++k) {
    if (!view.Glued(k)) return std::nullopt;
  }
  int a = ParseDigits(view.Lower(i), 1, 4), b = ParseDigits(view.Lower(i + 2), 1, 2);
  int c = ParseDigits(view.Lower(i + 4), 1, 4);
  if (a < 1 || b < 1 || c < 1) return std::nullopt;
  if (YearNumber(view.Lower(i)) != 0) return DayMatch(i, i + 5, a, b, c, "full-date");
  int y = YearNumber(view.Lower(i + 4));
  if (y == 0) return std::nullopt;
  if (a > 12 && b <= 12) return DayMatch(i, i + 5, y, b, a, "full-date");
  if (b > 12 && a <= 12) return DayMatch(i, i + 5, y, a, b, "full-date");
  if (a == b) return DayMatch(i, i + 5, y, a, a, "full-date");
  return std::nullopt;
}

std::optional<Match> MonthMatch(uint32_t b, uint32_t e, int y, int m) {
  if (y == 0) return std::nullopt;
  Match out;
  out.begin = b;
  out.end = e;
  out.range = MonthRange(y, m);
  out.rule = "month";
  return out;
}

// "Aug 1", "August 1, 2021", "March 2020", "in March". Month names must be capitalised, so the
// modal "may" and the verb "march" never match; a bare month needs a preposition before it.
std::optional<Match> MonthFirst(const SentenceView& view, uint32_t i, const Anchors& anchors) {
  int m = MonthNumber(view.Lower(i));
  if (m == 0 || !view.Capitalized(i)) return std::nullopt;
  if (int d = DayOfMonth(view.Lower(i + 1)); d != 0) {
    return WithYear(view, i, i + 2, m, d, anchors);
  }
  if (int y = YearNumber(view.Lower(i + 1)); y != 0) return MonthMatch(i, i + 2, y, m);
  if (!IsPeriodPreposition(view, static_cast<int64_t>(i) - 1) || !anchors.reference.valid()) {
    return std::nullopt;
  }
  auto out = MonthMatch(i, i + 1, InferYear(m, 1, anchors.reference), m);
  if (out) out->anchor = AnchorUse::kReference;
  return out;
}

// "1 August", "1st August 2021", "the 5th of May".
std::optional<Match> DayFirst(const SentenceView& view, uint32_t i, const Anchors& anchors) {
  uint32_t day_at = view.Lower(i) == "the" ? i + 1 : i;
  int d = DayOfMonth(view.Lower(day_at));
  if (d == 0) return std::nullopt;
  uint32_t month_at = day_at + 1;
  if (view.Lower(month_at) == "of")
    ++month_at;
  else if (day_at != i)
    return std::nullopt;  // "the 5 May" is not a form we read
  int m = MonthNumber(view.Lower(month_at));
  if (m == 0 || !view.Capitalized(month_at)) return std::nullopt;
  return WithYear(view, i, month_at + 1, m, d, anchors);
}

// "in 2019", "since 2019", "mid-2019".
std::optional<Match> YearAlone(const SentenceView& view, uint32_t i) {
  int y = YearNumber(view.Lower(i));
  if (y == 0 || !IsPeriodPreposition(view, static_cast<int64_t>(i) - 1)) return std::nullopt;
  Match out;
  out.begin = i;
  out.end = i + 1;
  out.range = YearRange(y);
  out.rule = "year";
  return out;
}

// "Friday, April 12" and "Friday 12 April": the explicit date wins over the weekday name.
std::optional<Match> WeekdayThenDate(const SentenceView& view, uint32_t i, const Anchors& anchors) {
  if (WeekdayNumber(view.Lower(i)) < 0 || !view.Capitalized(i)) return std::nullopt;
  uint32_t at = view.Lower(i + 1) == "," ? i + 2 : i + 1;
  std::optional<Match> m = MonthFirst(view, at, anchors);
  if (!m) m = DayFirst(view, at, anchors);
  if (!m || m->range.precision != DatePrecision::kDay) return std::nullopt;
  m->begin = i;
  return m;
}

}  // namespace

int InferYear(int month, int day, Date ref) {
  int64_t limit = ref.ToDays() + kMaxForwardDays;
  for (int y = ref.year + 1; y >= ref.year - 1; --y) {
    if (Date::IsValidDay(y, month, day) && Date{y, month, day}.ToDays() <= limit) return y;
  }
  return 0;
}

std::optional<Match> MatchCalendar(const SentenceView& view, uint32_t i, const Anchors& anchors) {
  if (auto m = WeekdayThenDate(view, i, anchors)) return m;
  if (auto m = IsoDate(view, i)) return m;
  if (auto m = SlashDate(view, i)) return m;
  if (auto m = MonthFirst(view, i, anchors)) return m;
  if (auto m = DayFirst(view, i, anchors)) return m;
  return YearAlone(view, i);
}

}  // namespace dyad::time
