// Clause-level cues for dating: future tense, past-perfect background, quotation.
//
// A "clause" here is a cheap approximation without a parser: the tokens around an expression up to
// the nearest punctuation, subordinator ("that", "which", "after", ...) or speech verb ("said").
// A sentence-initial adjunct followed by a comma ("On Aug 1, X said ...") belongs to the clause
// after the comma. All functions are pure; token ranges are document token indices.
#ifndef DYAD_TIME_CLAUSE_H_
#define DYAD_TIME_CLAUSE_H_

#include <cstdint>

#include "time/date_words.h"

namespace dyad::time {

struct TokenRange {
  uint32_t begin = 0, end = 0;  // [begin, end)
};

// The clause around the expression tokens [b, e) of `view`.
TokenRange ClauseAround(const SentenceView& view, uint32_t b, uint32_t e);

// True when the expression [b, e) sits in a future-tense context: "will", "'ll", "shall",
// "would", "is to", "is due to", "plans to", "is scheduled", "expected to", "set to", "upcoming"
// before it in its clause, or right after it when the expression opens the clause
// ("On Friday, the minister will visit ...").
bool IsFutureContext(const SentenceView& view, uint32_t b, uint32_t e);

// True when the clause around [b, e) is past-perfect background ("had said", "had already taken").
bool IsPastPerfectClause(const SentenceView& view, uint32_t b, uint32_t e);

// True when any token of [b, e) is inside a quotation.
bool IsQuoted(const SentenceView& view, uint32_t b, uint32_t e);

}  // namespace dyad::time

#endif  // DYAD_TIME_CLAUSE_H_
