#include "lexicon/lexicon_file.h"

#include <fstream>
#include <sstream>

#include "common/strings.h"
#include "common/utf8.h"

namespace dyad::lexicon {

std::vector<std::string> SplitAlternatives(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view p : Split(s, '|')) {
    p = Trim(p);
    if (!p.empty()) out.emplace_back(p);
  }
  return out;
}

void ParseLexiconText(std::string_view text, const std::string& name, size_t positional,
                      const std::function<std::string(const LexiconLine&)>& on_line,
                      std::string* version, std::vector<Diagnostic>* diagnostics) {
  int line_no = 0;
  LexiconLine line;  // reused: its vectors keep their capacity from line to line
  std::vector<std::string_view> fields;
  for (std::string_view raw : Split(text, '\n')) {
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view t = Trim(raw);
    if (t.empty() || t[0] == '#') continue;
    if (!utf8::IsValid(raw)) {
      diagnostics->push_back({name, line_no, "invalid UTF-8"});
      continue;
    }
    if (StartsWith(t, "@version")) {
      *version = std::string(Trim(t.substr(8)));
      continue;
    }
    line.file = name;
    line.line = line_no;
    line.raw = raw;
    line.fields.clear();
    line.attributes.clear();
    fields = Split(raw, '\t');
    if (fields.size() < positional) {
      diagnostics->push_back({name, line_no, "expected at least " + std::to_string(positional) +
                                                 " TAB-separated fields"});
      continue;
    }
    for (size_t i = 0; i < positional; ++i) line.fields.push_back(Trim(fields[i]));
    std::string bad;
    for (size_t i = positional; i < fields.size(); ++i) {
      for (std::string_view kv : Split(fields[i], ' ')) {
        kv = Trim(kv);
        if (kv.empty()) continue;
        size_t eq = kv.find('=');
        if (eq == std::string_view::npos || eq == 0) {
          bad = "attribute without '=': " + std::string(kv);
          break;
        }
        line.attributes.Set(kv.substr(0, eq), kv.substr(eq + 1));
      }
    }
    if (bad.empty()) bad = on_line(line);
    if (!bad.empty()) diagnostics->push_back({name, line_no, bad});
  }
}

Status ReadLexiconFile(const std::string& path, size_t positional,
                       const std::function<std::string(const LexiconLine&)>& on_line,
                       std::string* version, std::vector<Diagnostic>* diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read lexicon file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  ParseLexiconText(text, path, positional, on_line, version, diagnostics);
  return Status::Ok();
}

}  // namespace dyad::lexicon
