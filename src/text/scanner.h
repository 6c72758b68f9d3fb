// Where tokens begin and end: the character-level half of the tokenizer (tokenizer.h adds flags
// and sentences). Internal to src/text.
//
// In:  a text and a span of it.  Out: token spans in order, covering every non-space character.
// The rules follow UD English (EWT, GUM), as scored by `dyad parse --eval-tokens`: clitics split
// (Pakistan 's, did n't, can not, gon na), hyphens split except after prefixes (US - led, but
// e-mail, co-founder), abbreviations keep their period (Gen., U.S.), and numbers (1,000 3.5 5:30
// 9/11), URLs, e-mail addresses, host and file names, emoticons and punctuation runs (... -- !!)
// stay whole.
// Example: "Gen. Bajwa can't attend -- see www.x.com :)"
//       -> [Gen.] [Bajwa] [ca] [n't] [attend] [--] [see] [www.x.com] [:)]
#ifndef DYAD_TEXT_SCANNER_H_
#define DYAD_TEXT_SCANNER_H_

#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::text {

// Appends a Token with only its span set for each token of text[span.begin, span.end).
// Thread-safe.
void ScanTokens(std::string_view text, Span span, std::vector<Token>* out);

}  // namespace dyad::text

#endif  // DYAD_TEXT_SCANNER_H_
