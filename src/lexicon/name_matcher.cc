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

uint64_t NameMatcher::EdgeHash(uint32_t parent, std::string_view word) {
  return Hasher().Add(static_cast<uint64_t>(parent)).Add(word).value();
}

uint32_t NameMatcher::Find(uint32_t parent, std::string_view word) const {
  if (slots_.empty()) return kNone;
  size_t mask = slots_.size() - 1;
  for (size_t slot = EdgeHash(parent, word) & mask;; slot = (slot + 1) & mask) {
    uint32_t e = slots_[slot];
    if (e == 0) return kNone;
    const Edge& edge = edges_[e - 1];
    if (edge.parent == parent &&
        std::string_view(words_).substr(edge.word_at, edge.word_len) == word) {
      return edge.child;
    }
  }
}

void NameMatcher::AddEdge(uint32_t parent, std::string_view word, uint32_t child) {
  edges_.push_back(Edge{parent, child, static_cast<uint32_t>(words_.size()),
                        static_cast<uint32_t>(word.size())});
  words_.append(word);
  ++nodes_[parent].children;
  if (2 * edges_.size() > slots_.size()) {  // keep the table at most half full
    size_t size = 64;
    while (size < 4 * edges_.size()) size *= 2;  // a power of two: probes wrap with a mask
    slots_.assign(size, 0);
    size_t mask = slots_.size() - 1;
    for (uint32_t e = 0; e < edges_.size(); ++e) {
      const Edge& x = edges_[e];
      size_t slot =
          EdgeHash(x.parent, std::string_view(words_).substr(x.word_at, x.word_len)) & mask;
      while (slots_[slot] != 0) slot = (slot + 1) & mask;
      slots_[slot] = e + 1;
    }
    return;
  }
  size_t mask = slots_.size() - 1;
  size_t slot = EdgeHash(parent, word) & mask;
  while (slots_[slot] != 0) slot = (slot + 1) & mask;
  slots_[slot] = static_cast<uint32_t>(edges_.size());
}

void NameMatcher::Finish() {
  std::vector<std::string_view> roots;
  for (const Edge& e : edges_) {
    if (e.parent == 0) roots.push_back(std::string_view(words_).substr(e.word_at, e.word_len));
  }
  first_words_.Build(roots);
}

bool NameMatcher::MayStartWith(std::string_view lower) const {
  return first_words_.MayContain(lower);
}

bool NameMatcher::Add(std::string_view name, uint32_t payload) {
  return AddWords(text::TokenizeWords(name), payload);
}

bool NameMatcher::AddWords(const std::vector<std::string>& words, uint32_t payload) {
  if (words.empty()) return false;
  uint32_t modes_at = static_cast<uint32_t>(modes_.size());
  uint32_t node = 0;
  for (const std::string& w : words) {
    modes_.push_back(ModeOf(w));
    std::string lower = utf8::NormalizeLower(w);
    uint32_t child = Find(node, lower);
    if (child == kNone) {
      child = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      AddEdge(node, lower, child);
    }
    node = child;
  }
  nodes_[node].ends.push_back(Terminal{payload, modes_at});
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
    if (nodes_[node].children == 0) break;
    uint32_t child = Find(node, doc.tokens[i + depth].lower);
    if (child == kNone) break;
    node = child;
    path[depth++] = node;
  }
  for (uint32_t d = depth; d-- > 0;) {
    for (const Terminal& t : nodes_[path[d]].ends) {
      bool ok = true;
      for (uint32_t k = 0; k <= d && ok; ++k)
        ok = CaseFits(doc.tokens[i + k], modes_[t.modes_at + k]);
      if (ok) out->push_back(NameMatch{d + 1, t.payload});
    }
  }
}

}  // namespace dyad::lexicon
