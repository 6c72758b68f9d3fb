#include "ingest/boilerplate.h"

#include "common/utf8.h"

namespace dyad::ingest {
namespace {

enum class Match { kPrefix, kContains, kExact };

struct Pattern {
  const char* text;  // lower case; prefix/contains match the lower-cased line, exact its key
  Match match;
  LineKind kind;
  int max_words;     // only lines with at most this many words are tested
};

constexpr LineKind kLink = LineKind::kRelatedLink;
constexpr LineKind kBoiler = LineKind::kBoilerplate;
constexpr int kAnyLength = 1 << 30;  // captions and galleries can be long, but are never body text

// General page furniture. Ordered: the first match names the rule.
constexpr Pattern kPatterns[] = {
    {"read more", Match::kPrefix, kLink, 30},     {"read also", Match::kPrefix, kLink, 30},
    {"also read", Match::kPrefix, kLink, 30},     {"read", Match::kPrefix, kLink, 30},
    {"related:", Match::kPrefix, kLink, 30},      {"related stories", Match::kPrefix, kLink, 30},
    {"related articles", Match::kPrefix, kLink, 30}, {"related news", Match::kPrefix, kLink, 30},
    {"related coverage", Match::kPrefix, kLink, 30}, {"related content", Match::kPrefix, kLink, 30},
    {"related", Match::kExact, kLink, 1},         {"see also", Match::kPrefix, kLink, 30},
    {"also see", Match::kPrefix, kLink, 30},      {"more on this", Match::kPrefix, kLink, 30},
    {"recommended", Match::kPrefix, kLink, 30},   {"you may also like", Match::kPrefix, kLink, 30},
    {"you might also like", Match::kPrefix, kLink, 30}, {"watch:", Match::kPrefix, kLink, 30},
    {"follow us", Match::kPrefix, kBoiler, 30},   {"follow @", Match::kPrefix, kBoiler, 30},
    {"click here", Match::kPrefix, kBoiler, 30},  {"subscribe", Match::kPrefix, kBoiler, 30},
    {"sign up", Match::kPrefix, kBoiler, 30},     {"photo:", Match::kPrefix, kBoiler, kAnyLength},
    {"photo credit", Match::kPrefix, kBoiler, 30}, {"photo courtesy", Match::kPrefix, kBoiler, 30},
    {"photos:", Match::kPrefix, kBoiler, kAnyLength}, {"(photo", Match::kPrefix, kBoiler, 30},
    {"[photo", Match::kPrefix, kBoiler, 30},      {"file photo", Match::kPrefix, kBoiler, 30},
    {"image:", Match::kPrefix, kBoiler, kAnyLength}, {"image credit", Match::kPrefix, kBoiler, 30},
    {"image copyright", Match::kPrefix, kBoiler, 30}, {"image caption", Match::kPrefix, kBoiler, kAnyLength},
    {"photo caption", Match::kPrefix, kBoiler, kAnyLength},
    {"(image", Match::kPrefix, kBoiler, 30},      {"caption:", Match::kPrefix, kBoiler, 30},
    {"advertisement", Match::kPrefix, kBoiler, 30}, {"sponsored", Match::kPrefix, kBoiler, 30},
    {"share this", Match::kPrefix, kBoiler, 30},  {"share on", Match::kPrefix, kBoiler, 30},
    {"share:", Match::kPrefix, kBoiler, 30},      {"copyright", Match::kPrefix, kBoiler, 30},
    {"\xc2\xa9", Match::kPrefix, kBoiler, 30},    {"(c) ", Match::kPrefix, kBoiler, 30},
    {"download our", Match::kPrefix, kBoiler, 30}, {"download the", Match::kPrefix, kBoiler, 30},
    {"like us on", Match::kPrefix, kBoiler, 30},  {"join our", Match::kPrefix, kBoiler, 30},
    {"reporting by", Match::kPrefix, kBoiler, 40}, {"writing by", Match::kPrefix, kBoiler, 40},
    {"editing by", Match::kPrefix, kBoiler, 40},  {"additional reporting", Match::kPrefix, kBoiler, 40},
    {"compiled by", Match::kPrefix, kBoiler, 30}, {"story continues", Match::kPrefix, kBoiler, 30},
    {"continue reading", Match::kPrefix, kBoiler, 30}, {"published in", Match::kPrefix, kBoiler, 12},
    {"published:", Match::kPrefix, kBoiler, 12},  {"published on", Match::kPrefix, kBoiler, 12},
    {"updated:", Match::kPrefix, kBoiler, 12},    {"updated on", Match::kPrefix, kBoiler, 12},
    {"last updated", Match::kPrefix, kBoiler, 12}, {"first published", Match::kPrefix, kBoiler, 12},
    {"this story has not been edited", Match::kPrefix, kBoiler, 40},
    {"tags:", Match::kPrefix, kBoiler, 40},       {"filed under", Match::kPrefix, kBoiler, 40},
    {"all rights reserved", Match::kContains, kBoiler, 25},
    {"click here", Match::kContains, kBoiler, 25}, {"subscribe to our", Match::kContains, kBoiler, 25},
    {"follow us on", Match::kContains, kBoiler, 25}, {"our newsletter", Match::kContains, kBoiler, 25},
    {"share", Match::kExact, kBoiler, 1},         {"tweet", Match::kExact, kBoiler, 1},
    {"email", Match::kExact, kBoiler, 1},         {"print", Match::kExact, kBoiler, 1},
    {"ad", Match::kExact, kBoiler, 1},            {"comments", Match::kExact, kBoiler, 1},
    {"loading", Match::kExact, kBoiler, 1},       {"skip to content", Match::kExact, kBoiler, 3},
    {"back to top", Match::kExact, kBoiler, 3},
};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// `prefix` starts `lower` and, when it ends in a letter, is not followed by one ("read" != "ready").
bool HasWordPrefix(std::string_view lower, std::string_view prefix) {
  if (lower.substr(0, prefix.size()) != prefix) return false;
  if (!IsAsciiAlnum(prefix.back()) || lower.size() == prefix.size()) return true;
  return !IsAsciiAlnum(lower[prefix.size()]);
}

bool Matches(const Pattern& p, std::string_view lower, std::string_view key) {
  switch (p.match) {
    case Match::kPrefix: return HasWordPrefix(lower, p.text);
    case Match::kContains: return lower.find(p.text) != std::string_view::npos;
    case Match::kExact: return key == p.text;
  }
  return false;
}

// "By Jane Doe", "By Staff Reporter": short, capitalised name after "by", no final period.
bool IsByline(std::string_view line, int words) {
  if (words < 2 || words > 7 || line.back() == '.') return false;
  if (!((line[0] == 'B' || line[0] == 'b') && line.substr(1, 2) == "y ")) return false;
  return line.size() > 3 && line[3] >= 'A' && line[3] <= 'Z';
}

// Last byte that is not a closing quote or bracket (ASCII or typographic ’ ”), or 0.
char LastMeaningfulByte(std::string_view line) {
  while (!line.empty()) {
    if (line.ends_with("\xe2\x80\x99") || line.ends_with("\xe2\x80\x9d")) {
      line.remove_suffix(3);
    } else if (line.back() == '"' || line.back() == '\'' || line.back() == ')' || line.back() == ']') {
      line.remove_suffix(1);
    } else {
      return line.back();
    }
  }
  return 0;
}

}  // namespace

std::string NormalizeKey(std::string_view line) {
  std::string lower = utf8::NormalizeLower(line);
  std::string key;
  key.reserve(lower.size());
  size_t i = 0;
  while (i < lower.size()) {
    size_t len;
    char32_t cp = utf8::Decode(lower, i, &len);
    bool word = cp < 0x80 ? IsAsciiAlnum(static_cast<char>(cp)) : utf8::IsLetter(cp);
    if (word) {
      key.append(lower, i, len);
    } else if (!key.empty() && key.back() != ' ') {
      key.push_back(' ');
    }
    i += len;
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

int CountWords(std::string_view line) {
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

LineClass ClassifyLine(std::string_view line) {
  if (line.empty()) return {};
  int words = CountWords(line);
  if (IsByline(line, words)) return {LineKind::kBoilerplate, "by <name>"};
  // Long lines are only tested against prefixes; exact patterns have at most 3 words.
  std::string lower = utf8::NormalizeLower(words > 25 ? line.substr(0, 64) : line);
  std::string key = words <= 3 ? NormalizeKey(line) : std::string();
  for (const Pattern& p : kPatterns) {
    if (words <= p.max_words && Matches(p, lower, key)) return {p.kind, p.text};
  }
  return {};
}

bool LooksLikeHeadline(std::string_view line) {
  int words = CountWords(line);
  if (words < 2 || words > 25 || line.size() > 250) return false;
  char last = LastMeaningfulByte(line);
  return last != 0 && last != '.' && last != ',' && last != ';' && last != ':';
}

}  // namespace dyad::ingest
