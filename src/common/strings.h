// Small string helpers shared by the stages.
#ifndef DYAD_COMMON_STRINGS_H_
#define DYAD_COMMON_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad {

std::vector<std::string_view> Split(std::string_view s, char sep);
std::string_view Trim(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
std::string AsciiLower(std::string_view s);

}  // namespace dyad

#endif  // DYAD_COMMON_STRINGS_H_
