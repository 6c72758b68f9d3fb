#include "syntax/conllu.h"

#include <fstream>
#include <sstream>

#include "common/strings.h"

namespace dyad::syntax {
namespace {

bool IsWordId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Status ParseWordLine(std::string_view line, size_t line_no, ConlluWord* w) {
  std::vector<std::string_view> f = Split(line, '\t');
  if (f.size() != 10) {
    return Status::ParseError("line " + std::to_string(line_no) + ": expected 10 columns, got " +
                              std::to_string(f.size()));
  }
  w->form = std::string(f[1]);
  w->lemma = std::string(f[2]);
  w->upos = std::string(f[3]);
  w->xpos = std::string(f[4]);
  w->deprel = std::string(f[7]);
  if (f[6] == "_") {
    w->head = -1;
  } else if (IsWordId(f[6])) {
    w->head = std::stoi(std::string(f[6])) - 1;
  } else {
    return Status::ParseError("line " + std::to_string(line_no) + ": bad HEAD '" + std::string(f[6]) + "'");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<ConlluSentence>> ParseConllu(std::string_view data) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  size_t line_no = 0;
  auto flush = [&] {
    if (!cur.lines.empty()) out.push_back(std::move(cur));
    cur = ConlluSentence{};
  };
  for (std::string_view line : Split(data, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    cur.lines.emplace_back(line);
    if (line[0] == '#') {
      if (StartsWith(line, "# text = ")) cur.text = std::string(line.substr(9));
      continue;
    }
    std::string_view id = line.substr(0, line.find('\t'));
    if (!IsWordId(id)) continue;  // multiword range or empty node: kept as a raw line
    ConlluWord w;
    DYAD_RETURN_IF_ERROR(ParseWordLine(line, line_no, &w));
    if (std::stoi(std::string(id)) != static_cast<int>(cur.words.size()) + 1) {
      return Status::ParseError("line " + std::to_string(line_no) + ": word ID out of sequence");
    }
    cur.word_line.push_back(static_cast<int>(cur.lines.size()) - 1);
    cur.words.push_back(std::move(w));
  }
  flush();
  for (const ConlluSentence& s : out) {
    for (const ConlluWord& w : s.words) {
      if (w.head >= static_cast<int>(s.words.size())) return Status::ParseError("HEAD beyond the sentence");
    }
  }
  return out;
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto r = ParseConllu(ss.str());
  if (!r.ok()) return Status::ParseError(path + ": " + r.status().message());
  return r;
}

void AppendConllu(const ConlluSentence& s, std::string* out) {
  size_t next_word = 0;
  for (size_t i = 0; i < s.lines.size(); ++i) {
    if (next_word < s.word_line.size() && s.word_line[next_word] == static_cast<int>(i)) {
      const ConlluWord& w = s.words[next_word];
      std::vector<std::string_view> f = Split(s.lines[i], '\t');
      auto col = [](const std::string& v) -> std::string_view {
        return v.empty() ? std::string_view("_") : std::string_view(v);  // no temporary string
      };
      out->append(f[0]).append("\t").append(w.form).append("\t");
      out->append(col(w.lemma)).append("\t").append(col(w.upos)).append("\t");
      out->append(col(w.xpos)).append("\t_\t");  // FEATS and DEPS: we predict neither
      out->append(std::to_string(w.head + 1)).append("\t").append(col(w.deprel)).append("\t");
      out->append("_\t").append(f.size() > 9 ? f[9] : "_");
      out->push_back('\n');
      ++next_word;
    } else {
      out->append(s.lines[i]).push_back('\n');
    }
  }
  out->push_back('\n');
}

std::string_view BaseRelation(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

}  // namespace dyad::syntax
