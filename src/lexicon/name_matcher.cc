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

bool TokenMatches(const Token& t, const std::string& lower, CaseMode mode) {
  if (t.lower != lower) return false;
  switch (mode) {
    case CaseMode::kAny: return true;
    case CaseMode::kCapital: return t.Is(kTokCapitalized) || t.Is(kTokAllCaps);
    case CaseMode::kExact: return t.Is(kTokAllCaps);
  }
  return false;
}

}  // namespace

bool NameMatcher::Add(std::string_view name, uint32_t payload) {
  std::vector<std::string> words = text::TokenizeWords(name);
  if (words.empty()) return false;
  Compiled c;
  c.payload = payload;
  for (const std::string& w : words) {
    c.lower.push_back(utf8::NormalizeLower(w));
    c.modes.push_back(ModeOf(w));
  }
  max_tokens_ = std::max<uint32_t>(max_tokens_, static_cast<uint32_t>(words.size()));
  by_first_[c.lower[0]].push_back(std::move(c));
  ++count_;
  return true;
}

void NameMatcher::Finish() {
  for (auto& [key, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [](const Compiled& a, const Compiled& b) {
      return a.lower.size() > b.lower.size();
    });
  }
}

void NameMatcher::MatchesAt(const Document& doc, uint32_t i, uint32_t end,
                            std::vector<NameMatch>* out) const {
  auto it = by_first_.find(doc.tokens[i].lower);
  if (it == by_first_.end()) return;
  for (const Compiled& c : it->second) {
    uint32_t n = static_cast<uint32_t>(c.lower.size());
    if (i + n > end) continue;
    bool ok = true;
    for (uint32_t k = 0; k < n && ok; ++k) ok = TokenMatches(doc.tokens[i + k], c.lower[k], c.modes[k]);
    if (ok) out->push_back(NameMatch{n, c.payload});
  }
}

}  // namespace dyad::lexicon
