#include "syntax/tag_features.h"

#include <algorithm>

#include "syntax/perceptron.h"

namespace dyad::syntax {
namespace {

enum : uint64_t {
  kBias = 1, kLower, kPre1, kPre2, kPre3, kSuf1, kSuf2, kSuf3, kSuf4, kShape, kFlags, kPrev1Word,
  kPrev2Word, kNext1Word, kNext2Word, kPrev1Suf3, kNext1Suf3, kPrev1Shape, kNext1Shape, kTag1,
  kTag2, kTag12, kTag1Word, kPrevWordWord, kWordNextWord, kTag1Next1, kShapeFlagsNext, kSuf2Tag1,
  kNext2Suf3, kWordFlags,
};

// The start of the UTF-8 character before byte `end` (for suffixes on whole characters).
size_t PrevChar(std::string_view s, size_t end) {
  size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) --i;
  return i;
}

size_t NextChar(std::string_view s, size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) ++i;
  return i;
}

uint64_t Shape(std::string_view form) {
  char buf[24];
  size_t n = 0;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < form.size() && n < sizeof buf; i = NextChar(form, i)) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    char k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80 ? 'u' : static_cast<char>(c);
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) buf[n++] = k;
  }
  return HashBytes(std::string_view(buf, n));
}

uint64_t Flags(std::string_view form, bool first) {
  bool cap = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  bool upper = true, digit = false, hyphen = false, letter = false, period = false;
  for (char c : form) {
    if (c >= 'a' && c <= 'z') { upper = false; letter = true; }
    if (c >= 'A' && c <= 'Z') letter = true;
    if (c >= '0' && c <= '9') digit = true;
    if (c == '-') hyphen = true;
    if (c == '.') period = true;
  }
  return (cap ? 1 : 0) | (upper && letter ? 2 : 0) | (digit ? 4 : 0) | (hyphen ? 8 : 0) |
         (first ? 16 : 0) | (period ? 32 : 0);
}

}  // namespace

void TagFeatures::Prepare(const std::vector<WordInput>& words) {
  words_.assign(words.size() + 4, Word{});
  for (int pad : {0, 1}) {
    words_[pad].lower = words_[pad].shape = HashBytes(pad ? "<s1>" : "<s2>");
    words_[words.size() + 2 + pad].lower = words_[words.size() + 2 + pad].shape = HashBytes(pad ? "</s2>" : "</s1>");
  }
  for (size_t i = 0; i < words.size(); ++i) {
    Word& w = words_[i + 2];
    std::string_view l = words[i].lower;
    w.lower = HashBytes(l);
    w.shape = Shape(words[i].form);
    w.flags = Flags(words[i].form, i == 0);
    size_t p = 0;
    for (int k = 0; k < 3; ++k) {
      p = p < l.size() ? NextChar(l, p) : p;
      w.prefix[k] = HashBytes(l.substr(0, p));
    }
    size_t s = l.size();
    for (int k = 0; k < 4; ++k) {
      s = s > 0 ? PrevChar(l, s) : 0;
      w.suffix[k] = HashBytes(l.substr(s));
    }
  }
}

int TagFeatures::Extract(int i, int prev1, int prev2, uint64_t* out) const {
  const Word& w = At(i);
  const Word& p1 = At(i - 1);
  const Word& p2 = At(i - 2);
  const Word& n1 = At(i + 1);
  const Word& n2 = At(i + 2);
  uint64_t t1 = static_cast<uint64_t>(prev1 + 2), t2 = static_cast<uint64_t>(prev2 + 2);
  int n = 0;
  out[n++] = Feat(kBias, 0);
  out[n++] = Feat(kLower, w.lower);
  out[n++] = Feat(kPre1, w.prefix[0]);
  out[n++] = Feat(kPre2, w.prefix[1]);
  out[n++] = Feat(kPre3, w.prefix[2]);
  out[n++] = Feat(kSuf1, w.suffix[0]);
  out[n++] = Feat(kSuf2, w.suffix[1]);
  out[n++] = Feat(kSuf3, w.suffix[2]);
  out[n++] = Feat(kSuf4, w.suffix[3]);
  out[n++] = Feat(kShape, w.shape);
  out[n++] = Feat(kFlags, w.flags);
  out[n++] = Feat(kWordFlags, w.lower, w.flags);
  out[n++] = Feat(kPrev1Word, p1.lower);
  out[n++] = Feat(kPrev2Word, p2.lower);
  out[n++] = Feat(kNext1Word, n1.lower);
  out[n++] = Feat(kNext2Word, n2.lower);
  out[n++] = Feat(kPrev1Suf3, p1.suffix[2]);
  out[n++] = Feat(kNext1Suf3, n1.suffix[2]);
  out[n++] = Feat(kNext2Suf3, n2.suffix[2]);
  out[n++] = Feat(kPrev1Shape, p1.shape);
  out[n++] = Feat(kNext1Shape, n1.shape);
  out[n++] = Feat(kTag1, t1);
  out[n++] = Feat(kTag2, t2);
  out[n++] = Feat(kTag12, t1, t2);
  out[n++] = Feat(kTag1Word, t1, w.lower);
  out[n++] = Feat(kPrevWordWord, p1.lower, w.lower);
  out[n++] = Feat(kWordNextWord, w.lower, n1.lower);
  out[n++] = Feat(kTag1Next1, t1, n1.lower);
  out[n++] = Feat(kShapeFlagsNext, w.shape, w.flags, n1.shape);
  out[n++] = Feat(kSuf2Tag1, w.suffix[1], t1);
  return n;
}

}  // namespace dyad::syntax
