// Scores dyad's tokenizer and sentence splitter against the gold tokens of a UD treebank.
//
// In:  CoNLL-U sentences (their "# text = " raw text and their word lines).
// Out: precision, recall and F1 of our tokens against UD's syntactic words, and of our sentence
//      boundaries against UD's, by character-span alignment as in the CoNLL 2018 shared task: a
//      token is correct when its span in the raw text equals a gold span exactly.
// Multiword tokens ("1-2 don't" with words "do" "n't") are scored as their syntactic words, each
// given the slice of the surface token its form covers, because dyad's tokens are what the tagger
// and parser read and they were trained on UD's words. (The parts of every English multiword token
// in UD spell out the surface form; when they do not, the surface token counts as one word.)
// Example: text "I don't know." gold words I|do|n't|know|. ; ours I|do|n't|know|. -> F1 100.
#ifndef DYAD_SYNTAX_TOKEN_EVAL_H_
#define DYAD_SYNTAX_TOKEN_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "syntax/conllu.h"

namespace dyad::syntax {

struct SpanCounts {
  size_t gold = 0, system = 0, correct = 0;
  double Precision() const { return system == 0 ? 0.0 : 100.0 * correct / system; }
  double Recall() const { return gold == 0 ? 0.0 : 100.0 * correct / gold; }
  double F1() const { return gold + system == 0 ? 0.0 : 200.0 * correct / (gold + system); }
  void Add(const SpanCounts& o) { gold += o.gold, system += o.system, correct += o.correct; }
  std::string ToString() const;  // "gold 10 ours 11 correct 9  P 81.82 R 90.00 F1 85.71"
};

// Spans present in both lists. Both must be sorted by begin and free of overlaps.
SpanCounts CountMatchingSpans(const std::vector<Span>& gold, const std::vector<Span>& system);

// Where gold and system disagree: each maximal stretch of overlapping spans that are not matched
// one to one, written "gold [a] [b] | ours [a b]" with the words of `text`. Same contract as above.
std::vector<std::string> Disagreements(std::string_view text, const std::vector<Span>& gold,
                                       const std::vector<Span>& system);

// The gold words of `s` as byte spans into `s.text`, found by reading the surface tokens' forms
// in order through the text (whitespace between and inside forms is skipped, as in CoNLL 2018).
// An error when a form does not match the text.
Result<std::vector<Span>> GoldWordSpans(const ConlluSentence& s);

struct TokenEvalResult {
  size_t sentences = 0;
  std::vector<std::string> skipped;  // "sent_id: reason" for sentences whose forms miss the text
  SpanCounts words_by_sentence;      // each sentence's text tokenized alone
  SpanCounts words_in_documents;     // the whole text, paragraphs on their own lines
  SpanCounts sentence_spans;         // our sentence splitter on the whole text
  // Most frequent disagreements of the by-sentence run, with counts, most frequent first.
  std::vector<std::pair<std::string, size_t>> top_disagreements;
  std::string ToString() const;  // the figures, one per line
};

// Runs the tokenizer on each sentence's text, and on the file's text rebuilt as documents
// (sentences joined by a space, "# newpar" and "# newdoc" starting a new line, which our
// splitter never crosses). Keeps the `top_errors` most frequent disagreements.
TokenEvalResult EvaluateTokenizer(const std::vector<ConlluSentence>& gold, size_t top_errors = 0);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TOKEN_EVAL_H_
