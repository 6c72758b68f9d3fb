#include "geo/latin.h"

#include "common/utf8.h"

namespace dyad::geo {
namespace {

// Base letters, one per code point. '*' marks a letter that folds to two ASCII letters (handled in
// Ligature) and '.' a code point left alone.
// U+00C0..U+00FF (Latin-1 supplement letters; U+00D7 and U+00F7 are signs).
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiii"   // C0..CF  (C6 = AE)
    "dnooooo.ouuuuy**"   // D0..DF  (DE = TH, DF = ss)
    "aaaaaa*ceeeeiiii"   // E0..EF
    "dnooooo.ouuuuy*y";  // F0..FF  (FE = th)

// U+0100..U+017F (Latin Extended-A).
constexpr std::string_view kExtA =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "**" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "**" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy"
    "zzzzzz" "s";

// U+1E00..U+1EFF (Latin Extended Additional: Vietnamese and transliteration letters).
constexpr std::string_view kExtAdditional =
    "aa" "bbbbbb" "cc" "dddddddddd" "eeeeeeeeee" "ff" "gg" "hhhhhhhhhh" "iiii" "kkkkkk" "llllllll"
    "mmmmmm" "nnnnnnnn" "oooooooo" "pppp" "rrrrrrrr" "ssssssssss" "tttttttt" "uuuuuuuuuu" "vvvv"
    "wwwwwwwwww" "xxxx" "yy" "zzzzzz"               // 1E00..1E95
    "htwyasss*d"                                    // 1E96..1E9F (1E9E = SS)
    "aaaaaaaaaaaaaaaaaaaaaaaa" "eeeeeeeeeeeeeeee"  // 1EA0..1EC7
    "iiii" "oooooooooooooooooooooooo" "uuuuuuuuuuuuuu" "yyyyyyyy" "llvvyy";  // 1EC8..1EFF

static_assert(kLatin1.size() == 64);
static_assert(kExtA.size() == 128);
static_assert(kExtAdditional.size() == 256);

const char* Ligature(char32_t cp) {
  switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: case 0x1E9E: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    default: return nullptr;
  }
}

// A few Latin Extended-B and IPA letters that occur in transliterated place names.
char ExtBBase(char32_t cp) {
  if (cp >= 0x1CD && cp <= 0x1DC) return "aaiioouuuuuuuuuu"[cp - 0x1CD];
  if (cp >= 0x218 && cp <= 0x21B) return "sstt"[cp - 0x218];
  switch (cp) {
    case 0x180: return 'b';
    case 0x18F: case 0x259: case 0x1DD: return 'e';  // schwa
    case 0x1A0: case 0x1A1: return 'o';
    case 0x1AF: case 0x1B0: return 'u';
    case 0x1E6: case 0x1E7: return 'g';
    case 0x1F8: case 0x1F9: return 'n';
    case 0x197: case 0x268: return 'i';
    default: return 0;
  }
}

char TableBase(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return kExtA[cp - 0x100];
  if (cp >= 0x1E00 && cp <= 0x1EFF) return kExtAdditional[cp - 0x1E00];
  return ExtBBase(cp);
}

bool IsLatinLetter(char32_t cp) {
  return cp < 0x250 || (cp >= 0x250 && cp <= 0x2AF) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

}  // namespace

bool AppendLatinFolded(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    if (!utf8::IsLetter(cp)) return false;
    out->push_back(static_cast<char>(cp | 0x20));
    return true;
  }
  char base = TableBase(cp);
  if (base == 0 || base == '.') return false;
  if (base == '*') {
    out->append(Ligature(cp));
    return true;
  }
  out->push_back(base);
  return true;
}

bool IsLatinScript(std::string_view name) {
  bool any_letter = false;
  size_t i = 0;
  while (i < name.size()) {
    size_t len;
    char32_t cp = utf8::Decode(name, i, &len);
    i += len;
    if (IsCombiningMark(cp) || !utf8::IsLetter(cp)) continue;
    if (!IsLatinLetter(cp)) return false;
    any_letter = true;
  }
  return any_letter;
}

}  // namespace dyad::geo
