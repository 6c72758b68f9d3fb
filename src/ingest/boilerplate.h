// Line-level text rules for cleaning: comparison keys, related-link and boilerplate patterns,
// headline shape. Pure functions over one trimmed line; no state.
#ifndef DYAD_INGEST_BOILERPLATE_H_
#define DYAD_INGEST_BOILERPLATE_H_

#include <string>
#include <string_view>

namespace dyad::ingest {

// Lower-cased letters and digits, every other run of characters a single space, no edge spaces:
// "‘Improve’ Pak-US ties!" -> "improve pak us ties". Lines with equal keys count as the same line.
std::string NormalizeKey(std::string_view line);

// Whitespace-separated words in `line`.
int CountWords(std::string_view line);

enum class LineKind { kContent, kRelatedLink, kBoilerplate };

struct LineClass {
  LineKind kind = LineKind::kContent;
  const char* rule = "";  // the pattern that matched, for explanations (static storage)
};

// Classifies one trimmed line. Patterns are general shapes, mostly tried only on short lines (a
// long paragraph that happens to start with "Read" or mention "subscribe" stays content; photo
// and image captions are dropped at any length):
//   related link: "Read ...", "Read more: ...", "Also read: ...", "Related: ...", "See also ..."
//   boilerplate:  social/subscribe prompts, photo credits, "Advertisement", share bars, copyright,
//                 wire trailers ("Reporting by ..."), bylines ("By Jane Doe"), "Published in ...".
LineClass ClassifyLine(std::string_view line);

// A headline: 2-25 words, at most 250 bytes, not ending in '.', ',', ';' or ':' (closing quotes
// and brackets ignored). Used only when the article has no title.
bool LooksLikeHeadline(std::string_view line);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_BOILERPLATE_H_
