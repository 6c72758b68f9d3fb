// Part-of-speech tags and lemmas for every token.
//
// In:  Document with tokens and sentences.  Out: Token::tag (Penn-style) and Token::lemma.
// This first tagger is rule-based: closed-class word lists, capitalisation, suffixes, the
// WordNet lemma index and the previous tag decide between noun and verb readings ("the attack"
// NN, "they attack" VBP, "attacked" VBD). It is what the event coder needs to tell a verb trigger
// from a noun trigger; the trained tagger and parser of the syntax issue replace it behind the
// same interface. Example: "The Taliban seized Kunduz" -> DT NNP VBD NNP.
#ifndef DYAD_SYNTAX_TAGGER_H_
#define DYAD_SYNTAX_TAGGER_H_

#include "dyad/document.h"

namespace dyad::syntax {

// Thread-safe; uses the shared Lemmatizer.
void TagAndLemmatize(Document* doc);

// Coarse helpers over Penn tags.
inline bool IsVerbTag(std::string_view t) { return !t.empty() && t[0] == 'V'; }
inline bool IsNounTag(std::string_view t) { return t.size() >= 2 && t[0] == 'N' && t[1] == 'N'; }

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TAGGER_H_
