#include "ingest/dateline.h"

#include <string>

#include "common/strings.h"
#include "common/utf8.h"

namespace dyad {
namespace {

constexpr size_t kNone = std::string_view::npos;
constexpr size_t kMaxSourceBytes = 40;

enum class WordCase { kUpper, kTitle, kOther };

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "Aug", "Aug.", "August", "SEPT" ...
bool IsMonth(std::string_view word) {
  static constexpr std::string_view kMonths[] = {
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
      "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
      "november", "dec", "december"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  std::string lower = AsciiLower(word);
  for (std::string_view m : kMonths) {
    if (lower == m) return true;
  }
  return false;
}

// End of the word starting at `i`: the next space, comma, parenthesis, colon or the end.
size_t WordEnd(std::string_view s, size_t i) {
  while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '(' && s[i] != ':') ++i;
  return i;
}

// Upper ("KABUL", "ST. PETERSBURG"), title ("Peshawar") or other; counts letters into *letters.
WordCase CaseOf(std::string_view w, int* letters) {
  bool first_upper = false, has_lower = false;
  int n = 0;
  for (size_t i = 0, len = 0; i < w.size(); i += len) {
    char32_t cp = utf8::Decode(w, i, &len);
    if (utf8::IsLetter(cp)) {
      bool upper = utf8::IsUpper(cp);
      if (n++ == 0) first_upper = upper;
      if (!upper) has_lower = true;
    } else if (cp != '.' && cp != '-' && cp != '\'' && cp != 0x2019) {
      return WordCase::kOther;
    }
  }
  *letters += n;
  if (n == 0 || !first_upper) return WordCase::kOther;
  return has_lower ? WordCase::kTitle : WordCase::kUpper;
}

// Upper-case labels that open paragraphs like a dateline but are not places ("FILE - In this
// photo ...", "EDITOR'S NOTE: ...").
bool IsLabel(std::string_view word) {
  static constexpr std::string_view kLabels[] = {
      "FILE", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENT",
      "EDITORIAL", "NOTE", "SUMMARY", "CORRECTION", "PHOTO", "PHOTOS", "VIDEO", "WATCH", "LIVE",
      "RESTRICTION", "RESTRICTIONS", "ADVISORY", "EMBARGOED", "EDITOR'S", "EDITORS", "READ", "ALERT"};
  for (std::string_view label : kLabels) {
    if (word == label) return true;
  }
  return false;
}

// Up to `max_words` words of case `want` separated by single spaces, from `i`; returns the end
// of the last one, or kNone.
size_t ParsePlace(std::string_view s, size_t i, WordCase want, int max_words, int* letters) {
  size_t end = kNone;
  for (int n = 0; n < max_words && i < s.size(); ++n) {
    size_t e = WordEnd(s, i);
    int word_letters = 0;
    std::string_view w = s.substr(i, e - i);
    if (IsLabel(w)) return kNone;
    if (w.empty() || IsMonth(w) || CaseOf(w, &word_letters) != want) break;
    *letters += word_letters;
    end = e;
    if (e >= s.size() || s[e] != ' ') break;
    i = e + 1;
  }
  return end;
}

// 1-2 digits not followed by another digit; returns the end or kNone.
size_t ParseDay(std::string_view s, size_t i) {
  size_t e = i;
  while (e < s.size() && e - i < 3 && IsDigit(s[e])) ++e;
  return (e == i || e - i > 2) ? kNone : e;
}

// Optional ", YYYY" or " YYYY" after a day-month date.
size_t SkipYear(std::string_view s, size_t i) {
  size_t j = i < s.size() && s[i] == ',' ? i + 1 : i;
  if (j >= s.size() || s[j] != ' ') return i;
  ++j;
  size_t e = j;
  while (e < s.size() && IsDigit(s[e])) ++e;
  return e - j == 4 ? e : i;
}

// "Aug 10", "Aug. 10, 2021", "10 August", "10 Aug 2021"; returns the end or kNone.
size_t ParseDate(std::string_view s, size_t i) {
  size_t e = WordEnd(s, i);
  if (IsMonth(s.substr(i, e - i))) {
    if (e >= s.size() || s[e] != ' ') return kNone;
    size_t d = ParseDay(s, e + 1);
    return d == kNone ? kNone : SkipYear(s, d);
  }
  size_t d = ParseDay(s, i);
  if (d == kNone || d >= s.size() || s[d] != ' ') return kNone;
  size_t m = WordEnd(s, d + 1);
  if (!IsMonth(s.substr(d + 1, m - d - 1))) return kNone;
  return SkipYear(s, m);
}

// "(Reuters)" at `i`: returns the end after ')', or kNone.
size_t ParseSource(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || s[i] != '(' || s[i + 1] < 'A' || s[i + 1] > 'Z') return kNone;
  size_t close = s.find(')', i);
  return close == kNone || close - i > kMaxSourceBytes ? kNone : close + 1;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// Separator and the spaces after it; returns where the body text starts, or kNone.
size_t ParseSeparator(std::string_view s, size_t i) {
  i = SkipSpaces(s, i);
  std::string_view rest = s.substr(i);
  size_t len = 0;
  for (std::string_view sep : {"\xe2\x80\x94", "\xe2\x80\x93", "--", "-", ":"}) {
    if (rest.starts_with(sep)) {
      len = sep.size();
      break;
    }
  }
  if (len == 0 || i + len >= s.size() || s[i + len] != ' ') return kNone;
  return SkipSpaces(s, i + len);
}

// After the place: [date] [source] separator. Fills the relative spans of *d.
bool ParseTail(std::string_view s, size_t i, bool upper_place, Dateline* d) {
  size_t p = i;
  size_t q = (p < s.size() && s[p] == ',') ? p + 1 : p;
  if (q < s.size() && s[q] == ' ') ++q;
  if (size_t e = ParseDate(s, q); e != kNone) {
    d->date = {static_cast<uint32_t>(q), static_cast<uint32_t>(e)};
    p = e;
  }
  q = SkipSpaces(s, p);
  if (size_t e = ParseSource(s, q); e != kNone) {
    d->source = {static_cast<uint32_t>(q + 1), static_cast<uint32_t>(e - 1)};
    p = e;
  }
  size_t body = ParseSeparator(s, p);
  if (body == kNone || body >= s.size()) return false;
  if (!upper_place && d->date.empty() && d->source.empty()) return false;
  d->whole = {0, static_cast<uint32_t>(body)};
  return true;
}

// Tries PLACE ", " REGION first, then PLACE alone.
bool ParseDateline(std::string_view s, WordCase want, Dateline* d) {
  int letters = 0;
  bool upper = want == WordCase::kUpper;
  size_t place_end = ParsePlace(s, 0, want, upper ? 5 : 3, &letters);
  if (place_end == kNone || (upper && letters < 3)) return false;
  if (s.substr(place_end, 2) == ", ") {
    int unused = 0;
    size_t region = ParsePlace(s, place_end + 2, WordCase::kTitle, 3, &unused);
    if (region == kNone) region = ParsePlace(s, place_end + 2, WordCase::kUpper, 3, &unused);
    *d = Dateline();
    if (region != kNone && ParseTail(s, region, upper, d)) {
      d->place = {0, static_cast<uint32_t>(region)};
      return true;
    }
  }
  *d = Dateline();
  if (!ParseTail(s, place_end, upper, d)) return false;
  d->place = {0, static_cast<uint32_t>(place_end)};
  return true;
}

Span Shift(Span s, uint32_t by) { return s.empty() ? Span() : Span{s.begin + by, s.end + by}; }

}  // namespace

Dateline FindDateline(std::string_view text, Span segment) {
  std::string_view s = text.substr(segment.begin, segment.size());
  Dateline d;
  if (!ParseDateline(s, WordCase::kUpper, &d) && !ParseDateline(s, WordCase::kTitle, &d)) {
    return Dateline();
  }
  return {Shift(d.whole, segment.begin), Shift(d.place, segment.begin), Shift(d.date, segment.begin),
          Shift(d.source, segment.begin)};
}

}  // namespace dyad
