#include "lexicon/name_matcher.h"

#include <algorithm>

#include "common/utf8.h"
#include "text/tokenizer.h"

namespace dyad::lexicon {
namespace {

CaseMode ModeOf(std::string_view word) {
  int letters = 0, upper = 0;
  bool first_upper = false;
  size_t i = 0;
  while (i < word.size()) {
    size_t len;
    char32_t c = utf8::Decode(word, i, &len);
    i += len;
    if (!utf8::IsLetter(c)) continue;
    if (utf8::IsUpper(c)) {
      ++upper;
      if (letters == 0) first_upper = true;
    }
    ++letters;
  }
  if (letters >= 2 && upper == letters) return CaseMode::kExact;
  if (first_upper) return CaseMode::kCapital;
  return CaseMode::kAny;
}

bool CaseFits(const Token& t, CaseMode mode) {
  switch (mode) {
    case CaseMode::kAny: return true;
    case CaseMode::kCapital: return t.Is(kTokCapitalized) || t.Is(kTokAllCaps);
    case CaseMode::kExact: return t.Is(kTokAllCaps);
  }
  return false;
}

}  // namespace

void NameMatcher::Finish() { first_words_.Build(nodes_[0].next); }

bool NameMatcher::MayStartWith(std::string_view lower) const {
  return first_words_.MayContain(lower);
}

bool NameMatcher::Add(std::string_view name, uint32_t payload) {
  std::vector<std::string> words = text::TokenizeWords(name);
  if (words.empty()) return false;
  Terminal term;
  term.payload = payload;
  uint32_t node = 0;
  for (const std::string& w : words) {
    term.modes.push_back(ModeOf(w));
    auto [it, inserted] = nodes_[node].next.try_emplace(utf8::NormalizeLower(w), static_cast<uint32_t>(nodes_.size()));
    uint32_t child = it->second;
    if (inserted) nodes_.emplace_back();
    node = child;
  }
  nodes_[node].ends.push_back(std::move(term));
  first_words_.Clear();  // a new first word: Finish() again
  max_tokens_ = std::max<uint32_t>(max_tokens_, static_cast<uint32_t>(words.size()));
  ++count_;
  return true;
}

void NameMatcher::MatchesAt(const Document& doc, uint32_t i, uint32_t end,
                            std::vector<NameMatch>* out) const {
  // Walk the trie as far as the text allows, remembering the nodes passed; then report the names
  // ending there, deepest (longest) first.
  if (i < end && !MayStartWith(doc.tokens[i].lower)) return;
  uint32_t path[64];
  uint32_t depth = 0, node = 0;
  while (i + depth < end && depth < 64) {
    const auto& next = nodes_[node].next;
    if (next.empty()) break;
    auto it = next.find(doc.tokens[i + depth].lower);
    if (it == next.end()) break;
    node = it->second;
    path[depth++] = node;
  }
  for (uint32_t d = depth; d-- > 0;) {
    for (const Terminal& t : nodes_[path[d]].ends) {
      bool ok = true;
      for (uint32_t k = 0; k <= d && ok; ++k) ok = CaseFits(doc.tokens[i + k], t.modes[k]);
      if (ok) out->push_back(NameMatch{d + 1, t.payload});
    }
  }
}

}  // namespace dyad::lexicon
