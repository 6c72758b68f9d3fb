// CoNLL-U reading and writing (Universal Dependencies treebanks).
//
// In:  the text of a .conllu file.  Out: one ConlluSentence per sentence, with its syntactic words
// (integer IDs) and the raw lines, so a writer can reproduce comments, multiword-token ranges
// ("1-2  don't") and empty nodes untouched while filling LEMMA, UPOS, XPOS, HEAD and DEPREL.
// Example: "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_" -> Word{form "The", upos "DET", head 1, ...}
// (heads are 0-based word indices here, -1 = root).
#ifndef DYAD_SYNTAX_CONLLU_H_
#define DYAD_SYNTAX_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::syntax {

struct ConlluWord {
  std::string form, lemma, upos, xpos, deprel;
  int head = -1;  // 0-based index of the head word in the sentence, -1 = root
};

struct ConlluSentence {
  std::vector<std::string> lines;  // every line of the sentence block, as read
  std::vector<int> word_line;      // line index of each word
  std::vector<ConlluWord> words;
  std::string text;                // the "# text = " comment, or ""
};

// Parses a whole file's contents. A malformed word line is an error naming its line number.
Result<std::vector<ConlluSentence>> ParseConllu(std::string_view data);
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// Appends the sentence in CoNLL-U, with the word lines rebuilt from `words` (ID and MISC kept
// from the input, FEATS and DEPS emptied) and all other lines as read.
void AppendConllu(const ConlluSentence& s, std::string* out);

// UD's deprel without a subtype ("nsubj:pass" -> "nsubj").
std::string_view BaseRelation(std::string_view deprel);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_CONLLU_H_
