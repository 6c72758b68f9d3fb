// page_date_fuzz: arbitrary bytes as a web/feed/WARC date string (ingest::NormalizePageDate).
//
// Check besides "no crash": the result is "" or a real calendar day written YYYY-MM-DD (month
// 1..12, day within the month, leap years included), and normalizing it again gives itself.
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/page_date.h"

namespace {

bool IsCalendarDay(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
  int m = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  if (m < 1 || m > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return day <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string day = dyad::ingest::NormalizePageDate(text);
  if (day.empty()) return 0;
  if (!IsCalendarDay(day)) __builtin_trap();
  if (dyad::ingest::NormalizePageDate(day) != day) __builtin_trap();
  return 0;
}
