#include "syntax/tree.h"

namespace dyad::syntax {

int32_t SpanHead(const Document& doc, uint32_t begin, uint32_t end) {
  for (uint32_t k = begin; k < end && k < doc.tokens.size(); ++k) {
    const Token& t = doc.tokens[k];
    if (t.deprel.empty()) return -1;
    if (t.head < static_cast<int32_t>(begin) || t.head >= static_cast<int32_t>(end)) return static_cast<int32_t>(k);
  }
  return -1;
}

int32_t PhraseHead(const Document& doc, uint32_t begin, uint32_t end) {
  int32_t h = SpanHead(doc, begin, end);
  for (int hops = 0; hops < 3 && h >= 0 && doc.tokens[h].head >= 0 &&
                     (doc.tokens[h].deprel == "conj" || doc.tokens[h].deprel == "appos");
       ++hops) {
    h = doc.tokens[h].head;
  }
  return h;
}

std::string_view CaseOf(const Document& doc, uint32_t head, uint32_t before) {
  // The nearest one: "found on in Moscow" is "in".
  uint32_t stop = before > 6 ? before - 6 : 0;
  for (uint32_t k = before; k > stop && k <= doc.tokens.size(); --k) {
    const Token& t = doc.tokens[k - 1];
    if (t.head == static_cast<int32_t>(head) && t.deprel == "case") return t.lower;
  }
  return {};
}

}  // namespace dyad::syntax
