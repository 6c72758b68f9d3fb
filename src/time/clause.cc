#include "time/clause.h"

#include <array>
#include <string_view>

namespace dyad::time {
namespace {

constexpr std::array<std::string_view, 14> kSubordinators = {
    "that", "which", "who",      "whom",   "because", "after",   "before",
    "when", "while", "although", "though", "but",     "whereas", "where"};

constexpr std::array<std::string_view, 9> kSpeechVerbs = {
    "said", "says", "told", "added", "announced", "stated", "claimed", "warned", "reported"};

bool InList(std::string_view w, const auto& list) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

bool IsClauseBoundary(const SentenceView& view, int64_t i) {
  return view.IsBreak(i) || InList(view.Lower(i), kSubordinators);
}

// A speech verb used as the main (simple past) verb ends the reporting clause after it.
bool IsReportingVerb(const SentenceView& view, int64_t i) {
  if (!InList(view.Lower(i), kSpeechVerbs)) return false;
  std::string_view prev = view.Lower(i - 1);
  return prev != "had" && prev != "'d" && prev != "has" && prev != "have";
}

// True when the only tokens between the clause start and `b` are prepositions.
bool OpensClause(const SentenceView& view, uint32_t clause_begin, uint32_t b) {
  for (uint32_t i = clause_begin; i < b; ++i) {
    std::string_view w = view.Lower(i);
    if (w != "on" && w != "in" && w != "and" && w != "but" && w != "then" && w != "\"")
      return false;
  }
  return true;
}

// Future marker starting at token i (looking at i+1 for two-word markers).
bool IsFutureMarker(const SentenceView& view, int64_t i) {
  std::string_view w = view.Lower(i);
  if (w == "will" || w == "'ll" || w == "shall" || w == "would" || w == "upcoming") return true;
  if (w == "scheduled" || w == "slated" || w == "due") return true;
  if (view.Lower(i + 1) != "to") return false;
  return w == "is" || w == "are" || w == "plans" || w == "plan" || w == "planned" ||
         w == "expected" || w == "set" || w == "going" || w == "intends";
}

bool IsPastPerfectAt(const SentenceView& view, int64_t i) {
  std::string_view w = view.Lower(i);
  if (w != "had" && w != "'d") return false;
  int64_t j = i + 1;
  while (view.Lower(j) == "already" || view.Lower(j) == "also" || view.Lower(j) == "earlier" ||
         view.Lower(j) == "previously" || view.Lower(j) == "not" || view.Lower(j) == "n't") {
    ++j;
  }
  return view.Has(j) && IsPastParticiple(view.doc().tokens[j]);
}

}  // namespace

TokenRange ClauseAround(const SentenceView& view, uint32_t b, uint32_t e) {
  uint32_t begin = b;
  while (begin > view.begin() && !IsClauseBoundary(view, begin - 1)) --begin;
  uint32_t end = e;
  if (view.Lower(end) == "," && OpensClause(view, begin, b)) ++end;
  while (view.Has(end) && !IsClauseBoundary(view, end)) {
    if (IsReportingVerb(view, end)) return TokenRange{begin, end + 1};
    ++end;
  }
  return TokenRange{begin, end};
}

bool IsFutureContext(const SentenceView& view, uint32_t b, uint32_t e) {
  for (int64_t i = static_cast<int64_t>(b) - 1; i >= view.begin() && i + 8 >= b; --i) {
    if (IsClauseBoundary(view, i) || IsReportingVerb(view, i)) break;
    if (IsFutureMarker(view, i)) return true;
  }
  TokenRange clause = ClauseAround(view, b, e);
  if (!OpensClause(view, clause.begin, b)) return false;
  for (uint32_t i = e; i < clause.end && i < e + 8; ++i) {
    if (IsFutureMarker(view, i)) return true;
  }
  return false;
}

bool IsPastPerfectClause(const SentenceView& view, uint32_t b, uint32_t e) {
  TokenRange clause = ClauseAround(view, b, e);
  for (uint32_t i = clause.begin; i < clause.end; ++i) {
    if (IsPastPerfectAt(view, i)) return true;
  }
  return false;
}

bool IsQuoted(const SentenceView& view, uint32_t b, uint32_t e) {
  for (uint32_t i = b; i < e; ++i) {
    if (view.Is(i, kTokInQuote)) return true;
  }
  return false;
}

}  // namespace dyad::time
