// UTF-8 validation and decoding. No allocation; all functions are pure.
#ifndef DYAD_COMMON_UTF8_H_
#define DYAD_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::utf8 {

// Byte offset of the first invalid sequence in `s`, or s.size() when `s` is valid UTF-8
// (overlongs, surrogates and code points above U+10FFFF are invalid).
size_t FirstInvalid(std::string_view s);
inline bool IsValid(std::string_view s) { return FirstInvalid(s) == s.size(); }

// Decodes the code point starting at s[i]; sets *len to its byte length (1 for an invalid byte,
// which decodes as U+FFFD).
char32_t Decode(std::string_view s, size_t i, size_t* len);

void Append(char32_t cp, std::string* out);

// Letters and case for the scripts news text uses (Latin, Latin-1 supplement, Latin extended A,
// Greek, Cyrillic); other letters count as letters without case.
bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
char32_t ToLower(char32_t cp);
// Lower-cases `s`, maps typographic quotes and dashes to ASCII (’ -> ', – — -> -).
std::string NormalizeLower(std::string_view s);

}  // namespace dyad::utf8

#endif  // DYAD_COMMON_UTF8_H_
