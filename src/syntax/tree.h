// Small queries over the dependency parse stored in a Document (Token::head, Token::deprel),
// shared by the stages that read it (actors, events).
#ifndef DYAD_SYNTAX_TREE_H_
#define DYAD_SYNTAX_TREE_H_

#include <cstdint>
#include <string_view>

#include "dyad/document.h"

namespace dyad::syntax {

// The token of [begin, end) attached outside the span (the phrase's head), or -1 when the
// document has no parse or the span is empty.
int32_t SpanHead(const Document& doc, uint32_t begin, uint32_t end);

// SpanHead, then up through at most three "conj"/"appos" links to the first conjunct or the noun
// in apposition ("Kunduz and Lashkar Gah", "Zaranj, the capital of Nimroz"); -1 as SpanHead.
int32_t PhraseHead(const Document& doc, uint32_t begin, uint32_t end);

// The lower-case form of the nearest "case" dependent (the preposition) of `head` standing before
// `before` (at most six tokens back): "in" for "in Kabul". Empty when there is none.
std::string_view CaseOf(const Document& doc, uint32_t head, uint32_t before);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TREE_H_
