// Cleaning: article text -> the segments worth coding, with a record of what was left out.
//
// The text is never rewritten: every segment and dropped line is a span into `article.text`.
// Steps, in order:
//   1. Split into trimmed non-blank lines.
//   2. Drop page furniture (ClassifyLine in boilerplate.h): "Read ..." related links, share and
//      subscribe prompts, photo credits, copyright lines, wire trailers, bylines; and lines with no
//      letters or digits.
//   3. Headlines: a line equal to the title (case, quotes, punctuation and spacing ignored), or a
//      headline-shaped line (LooksLikeHeadline: 2-25 words, no final period) repeated within the
//      first 12 lines, is kept once with is_title = true; its later copies are dropped. Without a
//      title and repeats, the first line counts as the headline only if it is headline-shaped and
//      more lines follow, the next not being a lower-case continuation of a hard-wrapped line.
//   4. Any other exact repeat (same key) of an earlier line is dropped.
//   5. Hard-wrapped lines are joined into one paragraph segment: no blank line between, the
//      earlier line >= 40 bytes and not ending in . ! ? : or a closing quote.
//   6. Near-duplicates: a body segment among the first 40 whose distinct words are >= 90%
//      contained in a later, longer segment, and >= 60% of its word pairs too (so chance overlap
//      with a long paragraph does not count), or whose key is a prefix of it (>= 5 words), is
//      dropped: a standfirst or pull quote repeating a later paragraph is coded once.
//   7. Dateline: the first body segment's wire dateline ("KABUL (AP) — ") is recorded and the
//      segment starts after it.
//
// Example: "Taliban take Kunduz\nTaliban take Kunduz\n\nKUNDUZ (Reuters) - The Taliban took the
// city.\n\nRead more: Ghani flies to Mazar" with title "Taliban take Kunduz" gives a title
// segment, the body segment "The Taliban took the city.", a dateline (place "KUNDUZ", source
// "Reuters"), and two dropped lines (title repeat, related link).
#ifndef DYAD_INGEST_CLEAN_H_
#define DYAD_INGEST_CLEAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "ingest/dateline.h"

namespace dyad {

enum class DropReason {
  kTitleRepeat,    // another copy of the headline
  kDuplicate,      // same text as an earlier line
  kNearDuplicate,  // >= 90% contained in a later, longer segment (standfirst)
  kRelatedLink,    // "Read ...", "Related: ..."
  kBoilerplate,    // share/subscribe/photo/copyright/byline lines
  kNoText,         // no letters or digits ("* * *", "—")
};
// "title-repeat", "duplicate", "near-duplicate", "related-link", "boilerplate", "no-text".
const char* DropReasonName(DropReason reason);

struct DroppedLine {
  Span span;
  DropReason reason = DropReason::kDuplicate;
  const char* rule = "";  // matching pattern for link/boilerplate drops (static storage)
  Span same_as;           // for repeats: the kept segment this one repeats, else empty
};

struct CleanResult {
  std::vector<Segment> segments;     // kept, in text order
  std::vector<DroppedLine> dropped;  // in text order
  Dateline dateline;                 // of the first body segment, when it has one
};

// Pure: depends only on article.title and article.text. Spans index article.text.
CleanResult SegmentArticle(const Article& article);

// Sets doc->segments from SegmentArticle(doc->article); copies the full result to *detail when
// non-null. InvalidArgument if the text is too long for 32-bit spans.
Status Clean(Document* doc, CleanResult* detail = nullptr);

// One line for `dyad explain`: `dropped 120-161 related-link ("read"): Read NSA, DG ISI ...`.
std::string ExplainDrop(const DroppedLine& dropped, std::string_view text);

}  // namespace dyad

#endif  // DYAD_INGEST_CLEAN_H_
