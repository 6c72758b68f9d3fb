// Word-level helpers for the time stage: month, weekday and number words, and a bounds-safe view
// of one sentence's tokens. Everything here is pure and thread-safe.
#ifndef DYAD_TIME_DATE_WORDS_H_
#define DYAD_TIME_DATE_WORDS_H_

#include <cstdint>
#include <string_view>

#include "dyad/date.h"
#include "dyad/document.h"

namespace dyad::time {

// 1..12 for a month name or abbreviation in lower case ("august", "aug", "aug.", "sept."), else 0.
int MonthNumber(std::string_view lower);
// 0 = Monday .. 6 = Sunday for a full weekday name in lower case, else -1.
int WeekdayNumber(std::string_view lower);
// A small count: "a"/"an"/"one" = 1 .. "ten" = 10, or digits 1..99; -1 otherwise.
int SmallNumber(std::string_view lower);
// A day of the month: "5", "05", "5th", "1st", "22nd" -> 1..31; 0 otherwise.
int DayOfMonth(std::string_view lower);
// A four-digit year 1900..2100, else 0.
int YearNumber(std::string_view lower);
// The value of `s` when it is all ASCII digits with min_len <= size <= max_len, else -1.
int ParseDigits(std::string_view s, size_t min_len, size_t max_len);
// True for a past participle: tag "VBN" when the syntax stage ran, else a spelling heuristic
// ("-ed", "-en", and common irregular forms such as "said", "met", "taken").
bool IsPastParticiple(const Token& t);

// Day-range builders. `d` must be valid.
inline DateRange DayRange(Date d) { return DateRange{d, d, DatePrecision::kDay}; }
DateRange MonthRange(int year, int month);
DateRange YearRange(int year);
// The Monday of the week containing `d`.
inline Date WeekStart(Date d) { return d.AddDays(-d.Weekday()); }

// The tokens [begin, end) of one sentence. Indices are document token indices; any index outside
// the sentence reads as an empty token, so pattern code can look ahead and behind without checks.
class SentenceView {
 public:
  SentenceView(const Document& doc, uint32_t begin, uint32_t end)
      : doc_(doc), begin_(begin), end_(end) {}

  const Document& doc() const { return doc_; }
  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  bool Has(int64_t i) const { return i >= begin_ && i < end_; }
  std::string_view Lower(int64_t i) const {
    return Has(i) ? std::string_view(doc_.tokens[i].lower) : std::string_view();
  }
  bool Is(int64_t i, TokenFlag f) const { return Has(i) && doc_.tokens[i].Is(f); }
  bool Capitalized(int64_t i) const { return Is(i, kTokCapitalized); }
  // True when token i directly follows token i-1 with no space between ("2021-08-10").
  bool Glued(int64_t i) const {
    return Has(i) && Has(i - 1) && doc_.tokens[i - 1].span.end == doc_.tokens[i].span.begin;
  }
  // End of sentence, or a punctuation token other than a hyphen or apostrophe.
  bool IsBreak(int64_t i) const;

 private:
  const Document& doc_;
  uint32_t begin_, end_;
};

}  // namespace dyad::time

#endif  // DYAD_TIME_DATE_WORDS_H_
