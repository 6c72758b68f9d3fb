// Civil dates without time zones, and date ranges with a precision.
#ifndef DYAD_DATE_H_
#define DYAD_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

// A proleptic Gregorian calendar day.
struct Date {
  int year = 0, month = 0, day = 0;  // year 0 = unset
  bool valid() const { return year != 0; }
  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // 0 = Monday ... 6 = Sunday.
  int Weekday() const;
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  std::string ToString() const;  // YYYY-MM-DD, "" when unset
  // Parses YYYY-MM-DD (also accepts a longer ISO timestamp and keeps the date part).
  static std::optional<Date> Parse(std::string_view s);
  static bool IsValidDay(int y, int m, int d);
};

enum class DatePrecision { kDay, kRange, kWeek, kMonth, kYear };
const char* DatePrecisionName(DatePrecision p);

struct DateRange {
  Date from, to;  // inclusive; from == to for a single day
  DatePrecision precision = DatePrecision::kDay;
  bool valid() const { return from.valid(); }
};

}  // namespace dyad

#endif  // DYAD_DATE_H_
