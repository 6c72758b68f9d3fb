#include "lexicon/petrarch_verbs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "common/strings.h"
#include "lexicon/event_lexicon.h"
#include "syntax/lemmatizer.h"
#include "text/tokenizer.h"

namespace dyad::lexicon {
namespace {

const char kOutputName[] = "imported_verbs.events";

// The text before the first '#' or ';' (PETRARCH comments; ';' is TABARI's).
std::string_view StripComment(std::string_view s) {
  size_t c = s.find_first_of("#;");
  return Trim(c == std::string_view::npos ? s : s.substr(0, c));
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool IsAlpha(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
  });
}

// A PETRARCH word ("AIR_STRIKE", "SIT-IN", "U.N.") as dyad tokens, lower-cased.
std::vector<std::string> Tokens(std::string_view word) {
  std::string w(word);
  std::replace(w.begin(), w.end(), '_', ' ');
  std::vector<std::string> out;
  for (const std::string& t : text::TokenizeWords(w)) out.push_back(AsciiLower(t));
  return out;
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// "(a|b|c)", or "a" for a single alternative.
std::string Group(const std::vector<std::string>& alts) {
  return alts.size() == 1 ? alts[0] : "(" + Join(alts, "|") + ")";
}

struct Verb {
  std::string lemma;                   // "" when unusable
  std::vector<std::string> particles;  // words after the verb in a multi-word verb
  std::string code;                    // own code or the block's
  std::string name;                    // "file:line"
};

struct Pattern {
  std::string body;  // between '-' and '['
  std::string code;  // inside [...]
  std::string name;  // "file:line"
};

struct Block {
  std::string code = "---";
  std::vector<Verb> verbs;
  std::vector<Pattern> patterns;
};

struct OutLine {
  std::string code, pattern, name;
};

class Converter {
 public:
  Converter(const CameoTable* cameo, VerbImportStats* stats) : cameo_(cameo), stats_(stats) {}

  void Read(std::string_view text, std::string file) {
    std::replace(file.begin(), file.end(), ' ', '_');  // note= values hold no spaces
    int line_no = 0;
    bool in_synset = false;
    std::string synset;
    for (std::string_view raw : Split(text, '\n')) {
      ++line_no;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      std::string_view t = Trim(raw);
      if (t.empty() || t[0] == '#' || StartsWith(t, "<!")) continue;
      std::string name = file + ":" + std::to_string(line_no);
      if (in_synset && t[0] == '+') {
        AddMember(synset, StripComment(t.substr(1)));
        continue;
      }
      in_synset = false;
      if (t[0] == '&') {
        synset = SynsetKey(StripComment(t));
        synsets_[synset];
        in_synset = true;
      } else if (StartsWith(t, "---")) {
        blocks_.emplace_back();
        ++stats_->blocks;
        std::string code = BracketCode(t);
        if (!code.empty()) blocks_.back().code = code;
      } else if (t[0] == '~') {
        ++stats_->transformations;
      } else if (t[0] == '-') {
        ReadPattern(t.substr(1), name);
      } else if (!blocks_.empty()) {
        ReadVerb(t, name);
      }
    }
  }

  std::string Finish(const std::string& sources) {
    for (const Block& b : blocks_) {
      for (const Verb& v : b.verbs) EmitBareVerb(v);
      for (const Pattern& p : b.patterns) ConvertPattern(b, p);
    }
    std::string out =
        "@version petrarch-import\n"
        "# Converted by `dyad lexicon import --from petrarch` from " + sources +
        " (PETRARCH verb patterns).\n"
        "# Machine-converted: review before merging into dyad's own lexicon. Code with it on top of\n"
        "# dyad's events with `dyad code --events DIR`. note= gives the source file and line.\n";
    for (const OutLine& l : lines_) {
      if (l.code.empty()) continue;  // overridden
      out += l.code + "\t" + l.pattern + "\tsource=petrarch-import\tnote=" + l.name + "\n";
      ++stats_->lines_written;
    }
    return out;
  }

 private:
  // "&WEAPON_" -> "WEAPON" (a final '_' only turns off PETRARCH's plurals).
  static std::string SynsetKey(std::string_view label) {
    std::string k(label.substr(1));
    while (!k.empty() && k.back() == '_') k.pop_back();
    return k;
  }

  // The code inside the last [...] of `t`, or "".
  static std::string BracketCode(std::string_view t) {
    size_t b = t.rfind('[');
    size_t e = b == std::string_view::npos ? b : t.find(']', b);
    if (e == std::string_view::npos) return "";
    return std::string(Trim(t.substr(b + 1, e - b - 1)));
  }

  void AddMember(const std::string& synset, std::string_view member) {
    std::vector<std::string> tokens = Tokens(member);
    std::string head = tokens.empty() ? "" : tokens.back();
    bool usable = tokens.size() == 1 ? !head.empty() && head.find('&') == std::string::npos
                                     : IsAlpha(head) && head.size() >= 3;
    if (!usable) {
      ++stats_->synset_members_dropped;
      return;
    }
    std::vector<std::string>& alts = synsets_[synset];
    if (std::find(alts.begin(), alts.end(), head) == alts.end()) alts.push_back(head);
  }

  void ReadPattern(std::string_view t, const std::string& name) {
    ++stats_->patterns;
    if (blocks_.empty()) {
      ++stats_->skipped;
      ++stats_->skip_reasons["pattern outside a verb block"];
      return;
    }
    std::string_view body = StripComment(t);
    Pattern p;
    p.name = name;
    p.code = BracketCode(body);
    size_t b = body.rfind('[');
    p.body = std::string(Trim(b == std::string_view::npos ? body : body.substr(0, b)));
    blocks_.back().patterns.push_back(std::move(p));
  }

  // "PUT {PUTS PUTTING} [code]", "+ASK_FOR {+ASKED_FOR ...} [020]".
  void ReadVerb(std::string_view t, const std::string& name) {
    ++stats_->verbs;
    Block& block = blocks_.back();
    std::string_view body = StripComment(t);
    Verb v;
    v.name = name;
    v.code = BracketCode(body);
    if (v.code.empty()) v.code = block.code;
    size_t cut = body.find_first_of("{[");
    std::vector<std::string> words = Words(cut == std::string_view::npos ? body : body.substr(0, cut));
    if (words.empty()) return;
    std::string spec = words[0];
    std::vector<std::string> before, after;
    std::string verb;
    size_t plus = spec.find('+');
    std::vector<std::string> parts;
    for (std::string_view s : Split(plus == std::string::npos ? spec : spec.substr(plus + 1), '_')) {
      if (!s.empty()) parts.emplace_back(s);
    }
    if (plus != std::string::npos && plus > 0) {
      for (std::string_view s : Split(std::string_view(spec).substr(0, plus), '_')) {
        if (!s.empty()) before.emplace_back(s);
      }
    }
    auto unusable = [&](const char* why) {
      ++stats_->verbs_unusable;
      ++stats_->verb_skip_reasons[why];
      block.verbs.push_back(v);  // keeps the count of verbs; lemma stays ""
    };
    if (!before.empty()) return unusable("words before the verb (WIRE_+TAP)");
    if (parts.empty()) return unusable("no verb word");
    std::vector<std::string> tok = Tokens(parts[0]);
    if (tok.size() != 1 || !IsAlpha(tok[0])) return unusable("verb is not one word for dyad's tokenizer (RE-OPEN)");
    Verb usable = v;
    usable.lemma = Lemma(tok[0]);
    for (size_t i = 1; i < parts.size(); ++i) {
      for (const std::string& w : Tokens(parts[i])) usable.particles.push_back(w);
    }
    // PETRARCH files a verb under the first block that lists it; later listings are inert.
    if (!verb_heads_.insert(Head(usable)).second) return unusable("verb listed in an earlier block");
    block.verbs.push_back(std::move(usable));
  }

  // The base form as dyad's lemmatizer gives it ("angered" -> "anger"); the word itself when the
  // lemmatizer does not know it as a verb.
  static std::string Lemma(const std::string& lower) {
    const syntax::Lemmatizer& lem = syntax::Lemmatizer::Get();
    if (lem.IsVerbLemma(lower)) return lower;
    std::string v = lem.Verb(lower);
    return v.empty() ? lower : v;
  }

  // The CAMEO code of a pattern or verb ("042:043" -> "042"), or a skip reason in *why.
  std::string ActiveCode(const std::string& code, std::string* why) const {
    std::string active = code.substr(0, code.find(':'));
    if (code.empty()) *why = "no code";
    else if (active.empty()) *why = "passive-only code ([:CODE])";
    else if (active == "---") *why = "null code [---] (blocks coding)";
    else if (cameo_ != nullptr ? cameo_->Find(active) == nullptr
                               : active.size() < 2 || active.size() > 4 ||
                                     !std::all_of(active.begin(), active.end(), [](char c) {
                                       return c >= '0' && c <= '9';
                                     })) {
      *why = "code not in the CAMEO table";
    }
    return why->empty() ? active : "";
  }

  static std::string Head(const Verb& v) {
    std::string h = v.lemma;
    for (const std::string& p : v.particles) h += " " + p;
    return h;
  }

  void EmitBareVerb(const Verb& v) {
    if (v.lemma.empty()) return;
    std::string why;
    std::string code = ActiveCode(v.code, &why);
    if (code.empty()) return;  // "---": the bare verb codes nothing
    if (Emit(code, Head(v), v.name)) ++stats_->bare_verb_lines;
  }

  // The dyad elements after the verb, or "" with a reason in *why.
  std::string Rest(const std::string& body, std::string* why) const {
    size_t star = body.find('*');
    if (star == std::string::npos) { *why = "no verb position *"; return ""; }
    if (body.find('*', star + 1) != std::string::npos) { *why = "more than one *"; return ""; }
    std::vector<std::string> pre = Words(std::string_view(body).substr(0, star));
    if (!pre.empty() && !(pre.size() == 1 && pre[0] == "$")) {
      *why = std::find(pre.begin(), pre.end(), "+") != pre.end() ? "target + before the verb"
                                                                 : "words before the verb";
      return "";
    }
    std::string post(body.substr(star + 1));
    for (char& c : post) {
      if (c == '(' || c == ')' || c == '{' || c == '}') c = ' ';
    }
    std::vector<std::string> elements;
    int targets = 0;
    for (const std::string& w : Words(post)) {
      if (w == "+") {
        ++targets;
        elements.push_back("$T");
      } else if (w == "$") {
        *why = "source $ after the verb";
      } else if (w == "^") {
        *why = "^ skip marker";
      } else if (w == "%") {
        *why = "% compound marker";
      } else if (w[0] == '&') {
        auto it = synsets_.find(SynsetKey(w));
        if (it == synsets_.end()) *why = "undefined synset";
        else if (it->second.empty()) *why = "synset without usable members";
        else elements.push_back(Group(it->second));
      } else if (w.find('/') != std::string::npos) {
        std::vector<std::string> alts;
        for (std::string_view a : Split(w, '/')) {
          std::vector<std::string> t = Tokens(a);
          if (t.size() != 1) { *why = "unsupported word " + w; break; }
          alts.push_back(t[0]);
        }
        elements.push_back(Group(alts));
      } else {
        std::vector<std::string> t = Tokens(w);
        if (t.empty()) *why = "unsupported word";
        elements.insert(elements.end(), t.begin(), t.end());
      }
      if (!why->empty()) return "";
    }
    if (targets > 1) { *why = "more than one target +"; return ""; }
    return Join(elements, " ");
  }

  void ConvertPattern(const Block& b, const Pattern& p) {
    std::string why;
    std::string code = ActiveCode(p.code, &why);
    std::string rest = why.empty() ? Rest(p.body, &why) : "";
    int written = 0;
    if (why.empty()) {
      for (const Verb& v : b.verbs) {
        if (v.lemma.empty()) continue;
        std::string pattern = Head(v) + (rest.empty() ? "" : " " + rest);
        EventEntry check;
        if (std::string err = ParsePattern(pattern, &check); !err.empty()) {
          why = "does not parse as a dyad pattern";
          break;
        }
        Emit(code, pattern, p.name);
        ++written;
      }
      if (written == 0 && why.empty()) why = "block has no verb dyad can use";
    }
    if (written > 0) {
      ++stats_->converted;
    } else {
      ++stats_->skipped;
      ++stats_->skip_reasons[why];
    }
  }

  // Adds a line; a pattern seen before is merged (same code) or redefined (the last wins).
  // Returns false when merged.
  bool Emit(const std::string& code, const std::string& pattern, const std::string& name) {
    auto [it, fresh] = index_.emplace(pattern, lines_.size());
    if (!fresh) {
      OutLine& old = lines_[it->second];
      if (old.code == code) {
        ++stats_->duplicate_lines;
        return false;
      }
      ++stats_->overridden_lines;
      old.code.clear();
      it->second = lines_.size();
    }
    lines_.push_back(OutLine{code, pattern, name});
    return true;
  }

  const CameoTable* cameo_;
  VerbImportStats* stats_;
  std::unordered_map<std::string, std::vector<std::string>> synsets_;
  std::vector<Block> blocks_;
  std::vector<OutLine> lines_;
  std::unordered_map<std::string, size_t> index_;  // pattern -> its live line in lines_
  std::unordered_set<std::string> verb_heads_;     // "lemma particles" of the verbs read
};

std::string ReadAll(const std::string& path, size_t limit = std::string::npos) {
  std::ifstream in(path, std::ios::binary);
  if (limit == std::string::npos) {
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::string s(limit, '\0');
  in.read(s.data(), static_cast<std::streamsize>(limit));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

std::string Plural(int n, const char* what) { return std::to_string(n) + " " + what; }

}  // namespace

bool LooksLikePetrarchVerbs(std::string_view text) {
  for (std::string_view line : Split(text, '\n')) {
    line = Trim(line);
    if (!StartsWith(line, "---") || line.size() < 8) continue;
    std::string_view rest = Trim(line.substr(3));
    size_t b = rest.find('['), e = rest.find(']');
    if (b != std::string_view::npos && e != std::string_view::npos && b < e && EndsWith(rest, "---")) {
      return true;
    }
  }
  return false;
}

bool IsPetrarchVerbFile(const std::string& path) {
  return LooksLikePetrarchVerbs(ReadAll(path, 4 << 20));
}

std::string ConvertPetrarchVerbs(const std::vector<std::pair<std::string, std::string_view>>& inputs,
                                 const CameoTable* cameo, VerbImportStats* stats) {
  Converter conv(cameo, stats);
  std::vector<std::string> names;
  for (const auto& [name, text] : inputs) {
    conv.Read(text, name);
    names.push_back(name);
  }
  return conv.Finish(Join(names, ", "));
}

Status ImportPetrarchVerbs(const std::string& dir, const std::string& out_dir,
                           const CameoTable* cameo, VerbImportStats* stats) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + " is not a directory");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && IsPetrarchVerbFile(e.path().string())) files.push_back(e.path());
  }
  if (files.empty()) return Status::NotFound("no verb dictionaries in " + dir);
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const fs::path& p : files) {
    texts.push_back(ReadAll(p.string()));
    stats->inputs.push_back(p.string());
  }
  std::vector<std::pair<std::string, std::string_view>> inputs;
  for (size_t i = 0; i < files.size(); ++i) inputs.emplace_back(files[i].filename().string(), texts[i]);
  std::string out = ConvertPetrarchVerbs(inputs, cameo, stats);
  fs::create_directories(out_dir, ec);
  if (ec) return Status::IoError("cannot create " + out_dir + ": " + ec.message());
  stats->output = (fs::path(out_dir) / kOutputName).string();
  std::ofstream o(stats->output, std::ios::binary);
  o << out;
  if (!o) return Status::IoError("cannot write " + stats->output);
  return Status::Ok();
}

std::string VerbImportStats::Format() const {
  std::string out;
  for (const std::string& in : inputs) out += in + " -> " + output + "\n";
  out += "  verb blocks " + std::to_string(blocks) + ", verbs " + std::to_string(verbs) + " (" +
         Plural(verbs_unusable, "unusable") + ", " + Plural(bare_verb_lines, "bare-verb lines") +
         "), " + Plural(transformations, "transformations not converted") + "\n";
  out += "  verb patterns read " + std::to_string(patterns) + ", converted " +
         std::to_string(converted) + ", skipped " + std::to_string(skipped) +
         "; dyad lines written " + std::to_string(lines_written) + " (" +
         Plural(duplicate_lines, "duplicates merged") + ", " +
         Plural(overridden_lines, "redefined by a later pattern") + "), " +
         Plural(synset_members_dropped, "synset members without a one-word head dropped") + "\n";
  for (const auto& [reason, n] : verb_skip_reasons) out += "    verb unusable " + std::to_string(n) + ": " + reason + "\n";
  std::vector<std::pair<int, std::string>> sorted;
  for (const auto& [reason, n] : skip_reasons) sorted.emplace_back(-n, reason);
  std::sort(sorted.begin(), sorted.end());
  std::string reasons;
  for (const auto& [n, reason] : sorted) {
    out += "    skipped " + std::to_string(-n) + ": " + reason + "\n";
    reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(-n);
  }
  out += "verb patterns: converted " + std::to_string(converted) + ", skipped " +
         std::to_string(skipped) + " (reasons: " + (reasons.empty() ? "none" : reasons) + ")\n";
  return out;
}

}  // namespace dyad::lexicon
