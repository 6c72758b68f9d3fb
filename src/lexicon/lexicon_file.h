// Shared reader for dyad's line-based dictionary files (docs/LEXICON.md): TAB-separated fields,
// '#' comments, '@version' directives, key=value attributes. Malformed lines become diagnostics
// with file and line; loading goes on.
#ifndef DYAD_LEXICON_LEXICON_FILE_H_
#define DYAD_LEXICON_LEXICON_FILE_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::lexicon {

struct LexiconLine {
  std::string file;
  int line = 0;
  std::vector<std::string_view> fields;          // the TAB-separated fields before attributes
  std::map<std::string, std::string> attributes;  // key=value pairs from the remaining fields
  std::string_view raw;
};

struct Diagnostic {
  std::string file;
  int line = 0;
  std::string reason;
  std::string ToString() const { return file + ":" + std::to_string(line) + ": " + reason; }
};

// Reads `path`; calls `on_line` for every entry line with the first `positional` fields split off.
// The callback returns "" to accept or a reason to report. Sets *version from '@version'.
Status ReadLexiconFile(const std::string& path, size_t positional,
                       const std::function<std::string(const LexiconLine&)>& on_line,
                       std::string* version, std::vector<Diagnostic>* diagnostics);

// Same, over text already in memory (for tests and embedded data).
void ParseLexiconText(std::string_view text, const std::string& name, size_t positional,
                      const std::function<std::string(const LexiconLine&)>& on_line,
                      std::string* version, std::vector<Diagnostic>* diagnostics);

// Splits "a|b|c" into trimmed non-empty parts.
std::vector<std::string> SplitAlternatives(std::string_view s);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_LEXICON_FILE_H_
