// Calendar days as numbers for the in-memory snapshot (event_index.h): days since 1970-01-01
// (dyad::Date's arithmetic), so date windows and periods are integer compares.
//
//   DayOf("2021-08-15") == 18854;  DateOf(18854) == "2021-08-15";  DayOf("2021") == kNoDay
#ifndef DYAD_SERVE_DAYS_H_
#define DYAD_SERVE_DAYS_H_

#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>

#include "dyad/date.h"

namespace dyad::serve {

inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();  // no date, or not YYYY-MM-DD

// Days since 1970-01-01 of "YYYY-MM-DD", kNoDay for anything else. Days past a month's end
// count on into the next month ("2021-02-30" is March 2), as they always have here.
inline int32_t DayOf(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return kNoDay;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return kNoDay;
  return static_cast<int32_t>(Date{y, m, d}.ToDays());
}

// "YYYY-MM-DD" of day `day`.
inline std::string DateOf(int32_t day) {
  Date date = Date::FromDays(day);
  if (date.valid()) return date.ToString();
  char buf[48];  // year 0, which Date calls unset
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

}  // namespace dyad::serve

#endif  // DYAD_SERVE_DAYS_H_
