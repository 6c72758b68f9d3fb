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

// FNV-1a, never 0 (0 marks an empty slot).
uint64_t WordHash(std::string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : w) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h | 1;
}

}  // namespace

void NameMatcher::Finish() {
  size_t n = nodes_[0].next.size();
  size_t size = 16;
  while (size < 4 * n) size *= 2;
  first_words_.assign(size, 0);
  for (const auto& [word, child] : nodes_[0].next) {
    uint64_t h = WordHash(word);
    size_t slot = h & (size - 1);
    while (first_words_[slot] != 0 && first_words_[slot] != h) slot = (slot + 1) & (size - 1);
    first_words_[slot] = h;
  }
}

bool NameMatcher::MayStartWith(std::string_view lower) const {
  if (first_words_.empty()) return true;  // Finish() not called: take the trie's path
  uint64_t h = WordHash(lower);
  size_t mask = first_words_.size() - 1;
  for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
    if (first_words_[slot] == h) return true;
    if (first_words_[slot] == 0) return false;
  }
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
  first_words_.clear();  // a new first word: Finish() again
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
