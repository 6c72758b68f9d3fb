// Shared reader for dyad's line-based dictionary files (docs/LEXICON.md): TAB-separated fields,
// '#' comments, '@version' directives, key=value attributes. Malformed lines become diagnostics
// with file and line; loading goes on.
#ifndef DYAD_LEXICON_LEXICON_FILE_H_
#define DYAD_LEXICON_LEXICON_FILE_H_

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::lexicon {

// key=value attributes of one line, as views into the line (a few per line: a flat list, found by
// a linear scan, allocates nothing once the parser's reused line has grown).
class LineAttributes {
 public:
  using Pair = std::pair<std::string_view, std::string_view>;
  using const_iterator = std::vector<Pair>::const_iterator;
  const_iterator find(std::string_view key) const {
    return std::find_if(kv_.begin(), kv_.end(), [&](const Pair& p) { return p.first == key; });
  }
  const_iterator begin() const { return kv_.begin(); }
  const_iterator end() const { return kv_.end(); }
  size_t size() const { return kv_.size(); }
  // A later value for a key replaces the earlier one, as a map's would.
  void Set(std::string_view key, std::string_view value) {
    for (Pair& p : kv_) {
      if (p.first == key) {
        p.second = value;
        return;
      }
    }
    kv_.emplace_back(key, value);
  }
  void clear() { kv_.clear(); }

 private:
  std::vector<Pair> kv_;
};

// One entry line. Every view points into the text being parsed and lives as long as the call.
struct LexiconLine {
  std::string_view file;
  int line = 0;
  std::vector<std::string_view> fields;  // the TAB-separated fields before attributes
  LineAttributes attributes;             // key=value pairs from the remaining fields
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
