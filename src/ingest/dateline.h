// Wire-style datelines at the start of a paragraph:
//   "ISLAMABAD, Aug 10 (Reuters) - ..."   place "ISLAMABAD", date "Aug 10", source "Reuters"
//   "KABUL, Afghanistan (AP) — ..."       place "KABUL, Afghanistan", source "AP"
//   "WASHINGTON, Aug. 10 — ..."           place "WASHINGTON", date "Aug. 10"
//   "NEW DELHI: ..."                      place "NEW DELHI"
//   "Peshawar, 10 August (APP) - ..."     a title-case place needs a date or a source
// Grammar: PLACE [", " REGION] [[","] " " DATE] [" (" SOURCE ")"] SEP " ", where PLACE is 1-5
// upper-case words with >= 3 letters (or 1-3 title-case words), DATE is "Mon[.] D[, YYYY]" or
// "D Mon [YYYY]", and SEP is one of - -- – — :.
#ifndef DYAD_INGEST_DATELINE_H_
#define DYAD_INGEST_DATELINE_H_

#include <string_view>

#include "dyad/document.h"

namespace dyad {

// Spans are byte ranges into the article text; an absent part has an empty span.
struct Dateline {
  Span whole;   // from the place through the separator and the spaces after it
  Span place;   // "KABUL, Afghanistan"
  Span date;    // "Aug 10"
  Span source;  // agency inside the parentheses: "Reuters"
  bool found() const { return !whole.empty(); }
};

// The dateline at the start of `segment` (a span of `text`), or an empty Dateline. Text must
// remain after the dateline for it to count.
Dateline FindDateline(std::string_view text, Span segment);

}  // namespace dyad

#endif  // DYAD_INGEST_DATELINE_H_
