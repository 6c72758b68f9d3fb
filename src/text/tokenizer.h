// Tokens and sentences with byte offsets into the original article text.
//
// In:  Document with article.text and segments (from ingest's cleaning).
// Out: doc->tokens and doc->sentences. Every token's span points into article.text; nothing is
//      rewritten. Tokens follow UD English conventions (scanner.h has the rules): clitics split
//      ("Pakistan's" -> Pakistan 's, "didn't" -> did n't), hyphenated words split (US-led -> US - led)
//      except after a prefix (e-mail), abbreviations keep their period ("Dr.", "Gen.", "U.S.",
//      "Aug."), numbers keep , and . inside.
// Example: "Gen. Bajwa met U.S. officials." -> [Gen.] [Bajwa] [met] [U.S.] [officials] [.]
#ifndef DYAD_TEXT_TOKENIZER_H_
#define DYAD_TEXT_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::text {

struct TokenizerOptions {
  // Sentences longer than this are cut into pieces of at most this many tokens.
  uint32_t max_sentence_tokens = 200;
};

// Appends the tokens of `span` (a range of doc->article.text) to doc->tokens. Does not split
// sentences. Thread-safe.
void TokenizeSpan(Document* doc, Span span);

// Tokenizes every segment and splits sentences. Title segments are skipped. Replaces any tokens
// and sentences already present.
void Tokenize(Document* doc, const TokenizerOptions& options = {});

// Splits `text` into a word list using the same rules (for compiling lexicon names).
std::vector<std::string> TokenizeWords(std::string_view text);

// Convenience for tests and tools: a Document whose text is `text`, with one segment per non-blank
// line, tokenized and split.
Document MakeDocument(std::string_view text, std::string_view date = "");

}  // namespace dyad::text

#endif  // DYAD_TEXT_TOKENIZER_H_
