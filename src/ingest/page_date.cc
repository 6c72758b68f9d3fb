#include "ingest/page_date.h"

#include <cctype>
#include <optional>
#include <vector>

#include "common/strings.h"
#include "dyad/date.h"

namespace dyad::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// 1-12 for an English month name or its 3+ letter prefix ("aug", "August", "Sept"), else 0.
int MonthNumber(std::string_view word) {
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  std::string lower = AsciiLower(word);
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonths[m];
    if (lower.size() <= full.size() && full.substr(0, lower.size()) == lower) return m + 1;
  }
  return 0;
}

std::string Format(int y, int m, int d) {
  if (y < 100) y += y < 70 ? 2000 : 1900;  // RFC 822 two-digit years
  if (y < 1800 || y > 2200 || !Date::IsValidDay(y, m, d)) return "";
  return Date{y, m, d}.ToString();
}

// "YYYY-MM-DD..." (also "YYYY/MM/DD").
std::string FromIso(std::string_view s) {
  if (s.size() < 10 || !(s[4] == '-' || s[4] == '/') || s[7] != s[4]) return "";
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return "";
  }
  if (s.size() > 10 && IsDigit(s[10])) return "";
  auto num = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  return Format(num(0, 4), num(5, 2), num(8, 2));
}

// Words and numbers in order, punctuation dropped: "Tue, 10 Aug 2021" -> Tue 10 Aug 2021.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size() && out.size() < 8;) {
    size_t j = i;
    if (IsDigit(s[i])) {
      while (j < s.size() && IsDigit(s[j])) ++j;
    } else if (IsAlpha(s[i])) {
      while (j < s.size() && IsAlpha(s[j])) ++j;
    } else {
      ++i;
      continue;
    }
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::optional<int> Number(std::string_view w, size_t max_digits) {
  if (w.empty() || w.size() > max_digits || !IsDigit(w[0])) return std::nullopt;
  int v = 0;
  for (char c : w) v = v * 10 + (c - '0');
  return v;
}

// "[Day,] 10 Aug 2021 ..." or "[Day,] Aug 10[,] 2021 ...".
std::string FromWords(std::string_view s) {
  std::vector<std::string_view> w = Words(s);
  size_t i = 0;
  if (i < w.size() && IsAlpha(w[i][0]) && MonthNumber(w[i]) == 0) ++i;  // weekday
  if (i + 3 > w.size()) return "";
  if (auto day = Number(w[i], 2)) {  // 10 Aug 2021
    int month = MonthNumber(w[i + 1]);
    auto year = Number(w[i + 2], 4);
    if (month && year && (w[i + 2].size() == 2 || w[i + 2].size() == 4)) return Format(*year, month, *day);
    return "";
  }
  int month = MonthNumber(w[i]);  // Aug 10, 2021
  auto day = Number(w[i + 1], 2);
  auto year = Number(w[i + 2], 4);
  if (month && day && year && w[i + 2].size() == 4) return Format(*year, month, *day);
  return "";
}

}  // namespace

std::string NormalizePageDate(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.size() > 200) s = s.substr(0, 200);
  if (s.size() >= 10 && IsDigit(s[0])) {
    std::string iso = FromIso(s);
    if (!iso.empty()) return iso;
  }
  if (s.size() == 8 && FromIso(s).empty()) {  // 20210810
    bool digits = true;
    for (char c : s) digits = digits && IsDigit(c);
    if (digits) return Format(std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(4, 2))),
                              std::stoi(std::string(s.substr(6, 2))));
  }
  return FromWords(s);
}

}  // namespace dyad::ingest
