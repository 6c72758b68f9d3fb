// Latin-script helpers for gazetteer names: folding accented Latin letters to ASCII and telling
// Latin-script names from others. Pure functions, thread-safe.
#ifndef DYAD_GEO_LATIN_H_
#define DYAD_GEO_LATIN_H_

#include <string>
#include <string_view>

namespace dyad::geo {

// Appends the lower-case ASCII base of Latin letter `cp` ("Ā" -> "a", "ß" -> "ss", "Æ" -> "ae")
// and returns true; returns false (appending nothing) when `cp` is not a letter it knows.
bool AppendLatinFolded(char32_t cp, std::string* out);

// True for combining diacritical marks (U+0300..U+036F), which folding drops.
inline bool IsCombiningMark(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

// True when every letter of `name` is Latin script (ASCII, Latin-1, Latin Extended A/B, IPA,
// Latin Extended Additional) and `name` has at least one letter.
bool IsLatinScript(std::string_view name);

}  // namespace dyad::geo

#endif  // DYAD_GEO_LATIN_H_
