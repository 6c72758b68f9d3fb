#include "time/date_words.h"

#include <array>
#include <string_view>

namespace dyad::time {
namespace {

struct NamedNumber {
  std::string_view name;
  int value;
};

constexpr std::array<NamedNumber, 35> kMonths = {{
    {"january", 1}, {"jan", 1},       {"jan.", 1},      {"february", 2}, {"feb", 2},
    {"feb.", 2},    {"march", 3},     {"mar.", 3},      {"april", 4},    {"apr", 4},
    {"apr.", 4},    {"may", 5},       {"june", 6},      {"jun", 6},      {"jun.", 6},
    {"july", 7},    {"jul", 7},       {"jul.", 7},      {"august", 8},   {"aug", 8},
    {"aug.", 8},    {"september", 9}, {"sep", 9},       {"sep.", 9},     {"sept", 9},
    {"sept.", 9},   {"october", 10},  {"oct", 10},      {"oct.", 10},    {"november", 11},
    {"nov", 11},    {"nov.", 11},     {"december", 12}, {"dec", 12},     {"dec.", 12},
}};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

constexpr std::array<NamedNumber, 12> kCounts = {{
    {"a", 1},
    {"an", 1},
    {"one", 1},
    {"two", 2},
    {"three", 3},
    {"four", 4},
    {"five", 5},
    {"six", 6},
    {"seven", 7},
    {"eight", 8},
    {"nine", 9},
    {"ten", 10},
}};

// Irregular past participles common in news; "-ed" and "-en" forms are caught by spelling.
constexpr std::array<std::string_view, 40> kIrregular = {
    "said",  "told",   "met",    "made",    "left",   "held",   "sent",    "won",
    "lost",  "built",  "fought", "brought", "bought", "caught", "thought", "kept",
    "led",   "paid",   "put",    "set",     "spent",  "struck", "stood",   "begun",
    "come",  "become", "gone",   "done",    "seen",   "known",  "shown",   "flown",
    "grown", "drawn",  "thrown", "shot",    "hit",    "fled",   "sought",  "found"};

int Lookup(std::string_view lower, const auto& table) {
  for (const auto& e : table) {
    if (e.name == lower) return e.value;
  }
  return 0;
}

}  // namespace

int MonthNumber(std::string_view lower) { return Lookup(lower, kMonths); }

int WeekdayNumber(std::string_view lower) {
  for (size_t i = 0; i < kWeekdays.size(); ++i) {
    if (kWeekdays[i] == lower) return static_cast<int>(i);
  }
  return -1;
}

int ParseDigits(std::string_view s, size_t min_len, size_t max_len) {
  if (s.size() < min_len || s.size() > max_len) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int SmallNumber(std::string_view lower) {
  int n = Lookup(lower, kCounts);
  if (n > 0) return n;
  n = ParseDigits(lower, 1, 2);
  return n > 0 ? n : -1;
}

int DayOfMonth(std::string_view lower) {
  size_t digits = 0;
  while (digits < lower.size() && lower[digits] >= '0' && lower[digits] <= '9') ++digits;
  std::string_view suffix = lower.substr(digits);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  int d = ParseDigits(lower.substr(0, digits), 1, 2);
  return d >= 1 && d <= 31 ? d : 0;
}

int YearNumber(std::string_view lower) {
  int y = ParseDigits(lower, 4, 4);
  return y >= 1900 && y <= 2100 ? y : 0;
}

bool IsPastParticiple(const Token& t) {
  if (!t.tag.empty()) return t.tag == "VBN";
  std::string_view w = t.lower;
  if (w.size() >= 4 && (w.ends_with("ed") || w.ends_with("en"))) return true;
  for (std::string_view irregular : kIrregular) {
    if (w == irregular) return true;
  }
  return false;
}

DateRange MonthRange(int year, int month) {
  Date first{year, month, 1};
  Date next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
  return DateRange{first, next.AddDays(-1), DatePrecision::kMonth};
}

DateRange YearRange(int year) {
  return DateRange{Date{year, 1, 1}, Date{year, 12, 31}, DatePrecision::kYear};
}

bool SentenceView::IsBreak(int64_t i) const {
  if (!Has(i)) return true;
  const Token& t = doc_.tokens[i];
  return t.Is(kTokPunct) && t.lower != "-" && t.lower != "'";
}

}  // namespace dyad::time
