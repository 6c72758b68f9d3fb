#include "lexicon/petrarch_import.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "dyad/date.h"

namespace dyad::lexicon {
namespace {

constexpr int64_t kOpenFrom = std::numeric_limits<int64_t>::min();
constexpr int64_t kOpenTo = std::numeric_limits<int64_t>::max();

const char* const kSectors[] = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS",
                                "SEP", "SPY", "IGO", "NGO", "IMG", "BUS", "MED", "EDU", "CVL",
                                "REF", "LAB", "AGR", "HLH", "ELI", "CRM", "UAF", "REL"};

bool IsSector(std::string_view s) {
  for (const char* k : kSectors) {
    if (s == k) return true;
  }
  return false;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "DZAGOVAGR" -> {"DZA", "GOV", "AGR"}; stops at the first character that is not a capital.
std::vector<std::string> Chunks(std::string_view code) {
  std::vector<std::string> out;
  size_t n = 0;
  while (n < code.size() && code[n] >= 'A' && code[n] <= 'Z') ++n;
  for (size_t i = 0; i + 3 <= n; i += 3) out.emplace_back(code.substr(i, 3));
  return out;
}

// Old CAMEO country codes with an ISO 3166-1 successor.
std::string IsoAlias(const std::string& c) {
  if (c == "KSV") return "XKX";
  if (c == "TMP") return "TLS";
  if (c == "ROM") return "ROU";
  if (c == "ZAR") return "COD";
  return c;
}

// TABARI dates: YYMMDD (years < 30 are 20YY) or YYYYMMDD.
bool ParseTabariDate(std::string_view s, Date* d) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  int y, m, day;
  if (s.size() == 6) {
    y = std::stoi(std::string(s.substr(0, 2)));
    y += y < 30 ? 2000 : 1900;
  } else if (s.size() == 8) {
    y = std::stoi(std::string(s.substr(0, 4)));
  } else {
    return false;
  }
  m = std::stoi(std::string(s.substr(s.size() - 4, 2)));
  day = std::stoi(std::string(s.substr(s.size() - 2, 2)));
  if (!Date::IsValidDay(y, m, day)) return false;
  *d = Date{y, m, day};
  return true;
}

struct Code {
  std::string code;
  int64_t from = kOpenFrom, to = kOpenTo;  // days since 1970, inclusive
  bool dated = false;
};

// "USAGOV 010120-050120", "USAELI >20050121", "IRQ <20030320", "---". False when malformed.
bool ParseCode(std::string_view inner, Code* c) {
  inner = TrimView(inner);
  size_t sp = inner.find_first_of(" \t");
  c->code = std::string(inner.substr(0, sp));
  std::string r;
  if (sp != std::string_view::npos) {
    for (char ch : inner.substr(sp)) {
      if (!std::isspace(static_cast<unsigned char>(ch))) r += ch;
    }
  }
  if (r.empty()) return true;
  c->dated = true;
  Date a, b;
  if (r[0] == '>') {
    if (!ParseTabariDate(std::string_view(r).substr(1), &a)) return false;
    c->from = a.ToDays();
  } else if (r[0] == '<') {
    if (!ParseTabariDate(std::string_view(r).substr(1), &a)) return false;
    c->to = a.ToDays() - 1;
  } else {
    size_t dash = r.find('-');
    if (dash == std::string::npos) return false;
    if (!ParseTabariDate(std::string_view(r).substr(0, dash), &a) ||
        !ParseTabariDate(std::string_view(r).substr(dash + 1), &b) || b < a) {
      return false;
    }
    c->from = a.ToDays();
    c->to = b.ToDays();
  }
  return true;
}

// Words that are common English words when lower-cased: a one-word name made of one of them
// stays in capitals so that it matches only the acronym ("US", "WHO", "IT").
bool IsCommonWord(std::string_view w) {
  static const char* const kWords[] = {"us", "it", "who", "at", "in", "on", "is", "as", "an", "or",
                                       "he", "we", "me", "am", "be", "do", "go", "no", "so", "up",
                                       "all", "can", "may", "will", "one", "man", "aim", "war", "arm",
                                       "and", "the", "for", "not", "but", "its", "was", "are", "has",
                                       "had", "new", "now", "our", "out", "say", "see", "she", "her",
                                       "his", "him", "how", "why", "get", "set", "act", "age", "art",
                                       "car", "cap", "end", "far", "fee", "gas", "hit", "ice", "job",
                                       "key", "law", "led", "mad", "oil", "pop", "run", "sun", "tax",
                                       "top", "use", "via", "win", "yes"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool IsFunctionWord(std::string_view w) {
  static const char* const kWords[] = {"of", "the", "and", "for", "in", "on", "at", "to", "de",
                                       "du", "des", "la", "le", "el", "al", "y", "da", "van", "von",
                                       "bin", "ibn", "del", "di", "e"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// A TABARI actor name (capitals, '_' between words) as dyad writes names: "AFGHAN_NATIONAL_ARMY"
// -> "Afghan National Army" (capitalised words match text that starts with a capital), function
// words in lower case, dotted abbreviations kept ("U.N."), a one-word common English word kept
// in capitals ("US"). Returns "" for nothing usable.
std::string ActorName(std::string_view raw) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : raw) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c)) || c == '|' || c == '\t') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.empty()) return "";
  if (words.size() == 1 && IsCommonWord(Lower(words[0]))) return words[0];
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    bool keep = w.find('.') != std::string::npos ||
                std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!keep) {
      std::string low = Lower(w);
      if (IsFunctionWord(low) && words.size() > 1) {
        w = low;
      } else {
        w = low;
        for (char& c : w) {
          if (std::isalpha(static_cast<unsigned char>(c))) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            break;
          }
        }
      }
    }
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Splits a name with a bracketed acronym, "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", into the name and
// the acronym, both added as names.
void AddActorNames(std::string_view raw, std::vector<std::string>* names) {
  std::string s(raw);
  size_t open = s.find('('), close = s.find(')');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    std::string acronym = s.substr(open + 1, close - open - 1);
    s = s.substr(0, open) + s.substr(close + 1);
    bool caps = !acronym.empty() && std::all_of(acronym.begin(), acronym.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || c == '-' || c == '.';
    });
    if (caps && acronym.size() >= 2) names->push_back(acronym);
  }
  std::string n = ActorName(s);
  if (!n.empty() && std::find(names->begin(), names->end(), n) == names->end()) names->push_back(n);
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += '|';
    out += n;
  }
  return out;
}

std::string Underscored(std::string s) {
  std::replace(s.begin(), s.end(), ' ', '_');
  return s;
}

// Words that name an institution, not a person: such an entry is an org even with dated codes.
bool HasInstitutionWord(const std::vector<std::string>& names) {
  static const char* const kWords[] = {
      "army", "forces", "force", "party", "ministry", "council", "court", "front", "movement",
      "police", "government", "parliament", "assembly", "commission", "committee", "agency",
      "office", "bank", "union", "association", "organization", "organisation", "group",
      "brigade", "brigades", "navy", "guard", "corps", "service", "department", "senate",
      "congress", "league", "alliance", "coalition", "federation", "institute", "university",
      "company", "corporation", "news", "radio", "television", "tribunal", "authority"};
  for (const std::string& n : names) {
    std::string low = Lower(n);
    std::istringstream ws(low);
    std::string w;
    while (ws >> w) {
      for (const char* k : kWords) {
        if (w == k) return true;
      }
    }
  }
  return false;
}

// One actor entry as read: names, codes, where it starts.
struct RawEntry {
  int line = 0;
  std::vector<std::string> names;
  std::vector<Code> codes;
  bool country_info = false;  // marked "# CountryInfo": a person from the country file's lists
  int bad_codes = 0;
};

// What a PETRARCH code means in dyad's terms.
struct Meaning {
  std::string code, country, sector;
  std::string skip;  // non-empty: why the code cannot be represented
};

Meaning Interpret(const std::string& code, const std::set<std::string>& iso3) {
  Meaning m;
  std::vector<std::string> ch = Chunks(code);
  if (ch.empty()) {
    m.skip = "malformed code";
    return m;
  }
  auto is_iso = [&](const std::string& c) { return iso3.empty() || iso3.count(c) != 0; };
  const std::string& p = ch[0];
  if (p == "IGO" || p == "NGO" || p == "IMG" || p == "MNC") {
    m.sector = p == "MNC" ? "BUS" : p;
    size_t n = 0;
    while (n < code.size() && code[n] >= 'A' && code[n] <= 'Z') ++n;
    m.code = code.substr(0, n);
    return m;
  }
  size_t first_role = 1;
  if (IsSector(p)) {  // "[ELI]": a role without a country
    m.sector = p;
    m.code = p;
    return m;
  }
  std::string c = IsoAlias(p);
  if (is_iso(c) && c.size() == 3) {
    m.country = c;
  } else if (ch.size() > 1 && !iso3.empty() && iso3.count(IsoAlias(ch[1]))) {
    m.country = IsoAlias(ch[1]);  // "USRARM": Armenia under a former federation's code
    first_role = 2;
  } else {
    m.skip = "country code " + p + " not in ISO 3166-1";
    return m;
  }
  for (size_t i = first_role; i < ch.size(); ++i) {
    if (IsSector(ch[i])) {
      m.sector = ch[i];
      break;
    }
  }
  m.code = m.country + m.sector;
  return m;
}

class ActorConverter {
 public:
  ActorConverter(const std::string& name, const std::set<std::string>& iso3, std::string* out,
                 ImportFileStats* stats)
      : name_(name), iso3_(iso3), out_(out), stats_(stats) {}

  void Line(std::string_view raw, int line_no) {
    std::string_view body = raw;
    std::string_view comment;
    if (size_t h = raw.find('#'); h != std::string_view::npos) {
      body = raw.substr(0, h);
      comment = raw.substr(h);
    }
    std::string_view t = TrimView(body);
    if (t.empty()) return;
    std::string_view head = t.substr(0, std::min(t.find('['), t.find('{')));
    head = TrimView(head);
    if (t[0] == '+') {
      if (!have_) return;  // a synonym without an entry
      for (std::string_view part : SplitPlus(head)) AddActorNames(part, &cur_.names);
    } else if (t[0] != '[') {  // a code line belongs to the entry above
      Flush();
      cur_ = RawEntry();
      cur_.line = line_no;
      have_ = true;
      cur_.country_info = comment.find("CountryInfo") != std::string_view::npos;
      AddActorNames(head, &cur_.names);
    }
    if (!have_) return;
    for (size_t b = t.find('['); b != std::string_view::npos; b = t.find('[', b + 1)) {
      size_t e = t.find(']', b);
      if (e == std::string_view::npos) break;
      Code c;
      if (ParseCode(t.substr(b + 1, e - b - 1), &c)) {
        cur_.codes.push_back(c);
      } else {
        ++cur_.bad_codes;
        ++stats_->skip_reasons["code with a malformed date restriction"];
      }
    }
  }

  void Flush() {
    if (!have_) return;
    have_ = false;
    ++stats_->entries;
    int written = Emit(cur_);
    if (written > 0) {
      ++stats_->converted;
      stats_->lines_written += written;
    } else {
      ++stats_->skipped;
      if (cur_.names.empty()) ++stats_->skip_reasons["entry: no usable name"];
      else if (cur_.codes.empty()) ++stats_->skip_reasons["entry: no code"];
      else ++stats_->skip_reasons["entry: no code dyad can represent"];
    }
  }

 private:
  static std::vector<std::string_view> SplitPlus(std::string_view s) {
    std::vector<std::string_view> out;
    size_t b = 0;
    while (b <= s.size()) {
      size_t e = s.find('+', b);
      if (e == std::string_view::npos) e = s.size();
      if (e > b) out.push_back(s.substr(b, e - b));
      b = e + 1;
    }
    return out;
  }

  // Writes the dyad lines of one entry; returns how many.
  int Emit(const RawEntry& e) {
    if (e.names.empty() || e.codes.empty()) return 0;
    // Dated codes (including "---") claim their ranges; undated codes fill the gaps between them.
    std::vector<std::pair<int64_t, int64_t>> dated;
    for (const Code& c : e.codes) {
      if (c.dated) dated.emplace_back(c.from, c.to);
    }
    std::sort(dated.begin(), dated.end());
    std::vector<std::pair<int64_t, int64_t>> gaps;
    int64_t cursor = kOpenFrom;
    bool done = false;
    for (const auto& [f, t] : dated) {
      if (f > cursor) gaps.emplace_back(cursor, f - 1);
      if (t == kOpenTo) { done = true; break; }
      cursor = std::max(cursor, t + 1);
    }
    if (!done) gaps.emplace_back(cursor, kOpenTo);
    bool person = (e.country_info || !dated.empty()) && !HasInstitutionWord(e.names);
    int written = 0;
    for (const Code& c : e.codes) {
      if (c.code == "---") continue;
      Meaning m = Interpret(c.code, iso3_);
      if (!m.skip.empty()) {
        ++stats_->skip_reasons["code: " + (m.skip.rfind("country code", 0) == 0
                                               ? std::string("country not in ISO 3166-1")
                                               : m.skip)];
        continue;
      }
      if (c.dated) {
        written += Write(e, m, person, c.from, c.to);
      } else {
        for (const auto& [f, t] : gaps) written += Write(e, m, person, f, t);
      }
    }
    if (written > 0) stats_->names += static_cast<int>(e.names.size());
    return written;
  }

  int Write(const RawEntry& e, const Meaning& m, bool person, int64_t from, int64_t to) {
    std::string& o = *out_;
    std::string source = "source=petrarch:" + name_ + ":" + std::to_string(e.line);
    std::string dates;
    if (from != kOpenFrom) dates += "\tfrom=" + Date::FromDays(from).ToString();
    if (to != kOpenTo) dates += "\tto=" + Date::FromDays(to).ToString();
    if (m.sector.empty() && !m.country.empty() && !person) {
      o += "country\t" + m.country + "\t" + JoinNames(e.names) + dates + "\t" + source + "\n";
      return 1;
    }
    o += std::string(person ? "person" : "org") + "\t" + m.code + "\t" + JoinNames(e.names) +
         "\tcountry=" + m.country + "\tsector=" + m.sector;
    if (!person) o += "\tname=" + Underscored(e.names[0]);
    o += dates + "\t" + source + "\n";
    return 1;
  }

  std::string name_;
  const std::set<std::string>& iso3_;
  std::string* out_;
  ImportFileStats* stats_;
  RawEntry cur_;
  bool have_ = false;
};

// ---- agents ----

std::string EnglishPlural(const std::string& w) {
  auto ends = [&](const char* s) {
    size_t n = std::char_traits<char>::length(s);
    return w.size() >= n && w.compare(w.size() - n, n, s) == 0;
  };
  if (ends("man")) return w.substr(0, w.size() - 3) + "men";
  if (ends("person")) return w.substr(0, w.size() - 6) + "people";
  if (w.size() > 1 && w.back() == 'y' && std::string("aeiou").find(w[w.size() - 2]) == std::string::npos) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return w + "es";
  return w + "s";
}

// "chief of staff" -> "chiefs of staff"; "tenant farmer" -> "tenant farmers".
std::string PluralPhrase(const std::string& phrase) {
  std::vector<std::string> words;
  std::istringstream ws(phrase);
  for (std::string w; ws >> w;) words.push_back(w);
  if (words.empty()) return "";
  size_t head = words.size() - 1;
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i] == "of" || words[i] == "for" || words[i] == "at" || words[i] == "to") {
      head = i - 1;
      break;
    }
  }
  words[head] = EnglishPlural(words[head]);
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool LooksPluralAgent(const std::string& n) {
  auto ends = [&](const char* s) {
    size_t k = std::char_traits<char>::length(s);
    return n.size() >= k && n.compare(n.size() - k, k, s) == 0;
  };
  return ends("men") || ends("people") || (ends("s") && !ends("ss") && !ends("us") && !ends("is"));
}

// A singular agent that can stand before a name ("minister", "general"), not an institution
// ("ministry", "army"): its last word names a person.
bool TitleLike(const std::string& n) {
  std::string last = n.substr(n.rfind(' ') == std::string::npos ? 0 : n.rfind(' ') + 1);
  static const char* const kInstitutions[] = {
      "government", "parliament", "department", "establishment", "movement", "management",
      "tribunal", "council", "court", "party", "company", "agency", "office", "ministry",
      "army", "navy", "police", "force", "corps", "regiment", "battalion", "personnel",
      "general staff", "capital", "hospital", "arsenal", "terminal", "journal", "portal"};
  for (const char* k : kInstitutions) {
    if (last == k) return false;
  }
  static const char* const kSuffixes[] = {"er", "or", "ist", "ian", "man", "woman", "person",
                                          "ent", "ant", "ary", "ief", "ive", "al", "ee", "ess",
                                          "eur", "ier", "ist", "ic", "ard", "arch", "king", "queen",
                                          "prince", "princess", "emir", "sheikh", "imam", "judge",
                                          "envoy", "mayor", "marshal", "captain", "colonel"};
  for (const char* s : kSuffixes) {
    size_t k = std::char_traits<char>::length(s);
    if (last.size() >= k && last.compare(last.size() - k, k, s) == 0) return true;
  }
  return false;
}

class AgentConverter {
 public:
  AgentConverter(const std::string& name, std::string* out, ImportFileStats* stats)
      : name_(name), out_(out), stats_(stats) {}

  void Line(std::string_view raw, int line_no) {
    std::string_view t = raw;
    if (size_t h = t.find('#'); h != std::string_view::npos) t = t.substr(0, h);
    t = TrimView(t);
    if (t.empty()) return;
    if (t[0] == '!') {  // "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON"
      size_t eq = t.find('=');
      if (eq != std::string_view::npos) {
        std::string key(TrimView(t.substr(0, eq)));
        std::vector<std::string> values;
        std::string v(t.substr(eq + 1));
        std::replace(v.begin(), v.end(), ',', ' ');
        std::istringstream ws(v);
        for (std::string w; ws >> w;) values.push_back(w);
        macros_[key] = values;
        return;
      }
    }
    ++stats_->entries;
    size_t lb = t.find('['), cb = t.find('{');
    std::string_view head = TrimView(t.substr(0, std::min(lb, cb)));
    std::string sector;
    if (lb != std::string_view::npos) {
      size_t rb = t.find(']', lb);
      std::string_view code = t.substr(lb + 1, rb == std::string_view::npos ? std::string_view::npos : rb - lb - 1);
      code = TrimView(code);
      if (!code.empty() && code[0] == '~') code.remove_prefix(1);
      for (const std::string& c : Chunks(code)) {
        if (IsSector(c)) { sector = c; break; }
      }
      if (sector.empty()) {
        std::vector<std::string> ch = Chunks(code);
        Skip("agent sector " + (ch.empty() ? std::string("?") : ch[0]) + " not in dyad's sector list");
        return;
      }
    } else {
      Skip("agent without a code");
      return;
    }
    std::vector<std::string> singular, plural;
    bool has_macro = head.find('!') != std::string_view::npos;
    for (const std::string& n : Expand(std::string(head))) {
      (LooksPluralAgent(n) && has_macro ? plural : singular).push_back(n);
    }
    if (cb != std::string_view::npos && cb < lb) {
      size_t ce = t.find('}', cb);
      std::string inner(t.substr(cb + 1, ce == std::string_view::npos ? std::string_view::npos : ce - cb - 1));
      std::replace(inner.begin(), inner.end(), ',', ' ');
      std::istringstream ws(inner);
      for (std::string w; ws >> w;) {
        for (const std::string& n : Expand(w)) plural.push_back(n);
      }
    } else if (!has_macro) {
      for (const std::string& s : singular) plural.push_back(PluralPhrase(s));
    }
    if (singular.empty() && plural.empty()) {
      Skip("agent without a usable name");
      return;
    }
    std::string source = "source=petrarch:" + name_ + ":" + std::to_string(line_no);
    int written = 0;
    if (!singular.empty()) {
      bool title = TitleLike(singular[0]);
      *out_ += "agent\t" + sector + "\t" + JoinNames(singular) + (title ? "\ttitle=1" : "") + "\t" + source + "\n";
      ++written;
    }
    if (!plural.empty()) {
      *out_ += "agent\t" + sector + "\t" + JoinNames(plural) + "\tplural=1\t" + source + "\n";
      ++written;
    }
    ++stats_->converted;
    stats_->lines_written += written;
    stats_->names += static_cast<int>(singular.size() + plural.size());
  }

 private:
  void Skip(const std::string& reason) {
    ++stats_->skipped;
    ++stats_->skip_reasons[reason];
  }

  // Lower-cased names with macros expanded: "CATTLE!PERSON!" -> cattleman, cattlemen, ...
  std::vector<std::string> Expand(const std::string& raw) {
    size_t a = raw.find('!');
    size_t b = a == std::string::npos ? std::string::npos : raw.find('!', a + 1);
    if (b == std::string::npos) {
      std::string n = raw;
      std::replace(n.begin(), n.end(), '_', ' ');
      n = Lower(TrimView(n));
      std::string collapsed;
      std::istringstream ws(n);
      for (std::string w; ws >> w;) collapsed += (collapsed.empty() ? "" : " ") + w;
      if (collapsed.empty() || collapsed.find('|') != std::string::npos) return {};
      return {collapsed};
    }
    auto it = macros_.find(raw.substr(a, b - a + 1));
    std::vector<std::string> out;
    if (it == macros_.end()) return Expand(raw.substr(0, a) + raw.substr(b + 1));
    for (const std::string& v : it->second) {
      for (const std::string& n : Expand(raw.substr(0, a) + v + raw.substr(b + 1))) out.push_back(n);
    }
    return out;
  }

  std::string name_;
  std::string* out_;
  ImportFileStats* stats_;
  std::map<std::string, std::vector<std::string>> macros_;
};

template <typename Converter>
void ForEachLine(std::string_view text, Converter* conv) {
  int line_no = 0;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    conv->Line(line, ++line_no);
    b = e + 1;
  }
}

std::string Header(const std::string& name, bool agents) {
  return "@version petrarch-import\n# Converted by `dyad lexicon import --from petrarch` from " + name +
         " (TABARI " + (agents ? "agent" : "actor") +
         " format). Machine-converted: review before merging into dyad's own lexicon.\n";
}

}  // namespace

void ConvertPetrarchActors(std::string_view text, const std::string& name,
                           const std::set<std::string>& iso3, std::string* out,
                           ImportFileStats* stats) {
  *out += Header(name, false);
  ActorConverter conv(name, iso3, out, stats);
  ForEachLine(text, &conv);
  conv.Flush();
}

void ConvertPetrarchAgents(std::string_view text, const std::string& name, std::string* out,
                           ImportFileStats* stats) {
  *out += Header(name, true);
  stats->agents = true;
  AgentConverter conv(name, out, stats);
  ForEachLine(text, &conv);
}

std::set<std::string> LoadIso3(const std::string& path) {
  std::ifstream in(path);
  std::set<std::string> out;
  if (!in) return out;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  const std::string key = "\"alpha_3\"";
  for (size_t p = s.find(key); p != std::string::npos; p = s.find(key, p + 1)) {
    size_t q = s.find('"', p + key.size());
    if (q != std::string::npos && q + 4 < s.size() && s[q + 4] == '"') out.insert(s.substr(q + 1, 3));
  }
  if (!out.empty()) out.insert("XKX");
  return out;
}

int ImportStats::Converted() const {
  int n = 0;
  for (const auto& f : files) n += f.converted;
  return n;
}

int ImportStats::Skipped() const {
  int n = 0;
  for (const auto& f : files) n += f.skipped;
  return n;
}

std::string ImportStats::Format() const {
  std::string out;
  for (const ImportFileStats& f : files) {
    out += f.input + " -> " + f.output + "\n";
    out += "  " + std::string(f.agents ? "agents" : "actor entries") + " read " +
           std::to_string(f.entries) + ", converted " + std::to_string(f.converted) + ", skipped " +
           std::to_string(f.skipped) + "; dyad lines written " + std::to_string(f.lines_written) +
           ", names " + std::to_string(f.names) + "\n";
    for (const auto& [reason, n] : f.skip_reasons) out += "    skipped " + std::to_string(n) + ": " + reason + "\n";
  }
  for (const std::string& f : ignored_files) out += "not a dictionary of actors, agents or verbs, ignored: " + f + "\n";
  if (!files.empty()) {
    out += "total: converted " + std::to_string(Converted()) + ", skipped " + std::to_string(Skipped()) + "\n";
  }
  if (!verbs.inputs.empty()) out += verbs.Format();
  return out;
}

Status ImportPetrarchActors(const std::string& dir, const std::string& out_dir, ImportStats* stats) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + " is not a directory");
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  fs::create_directories(out_dir, ec);
  if (ec) return Status::IoError("cannot create " + out_dir + ": " + ec.message());
  std::set<std::string> iso3 = LoadIso3();
  int dictionaries = 0;
  for (const fs::path& p : inputs) {
    std::string file = p.filename().string();
    std::string low = Lower(file);
    bool actors = low.find(".actors") != std::string::npos;
    bool agents = !actors && low.find("agents") != std::string::npos;
    if (!actors && !agents) {
      if (!IsPetrarchVerbFile(p.string())) stats->ignored_files.push_back(file);
      continue;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IoError("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string stem = file;
    if (Lower(stem).size() > 4 && Lower(stem).compare(stem.size() - 4, 4, ".txt") == 0) stem.resize(stem.size() - 4);
    if (stem.size() < 7 || stem.compare(stem.size() - 7, 7, ".actors") != 0) stem += ".actors";
    ImportFileStats fs_stats;
    fs_stats.input = p.string();
    fs_stats.output = (fs::path(out_dir) / stem).string();
    std::string out;
    if (actors) ConvertPetrarchActors(ss.str(), file, iso3, &out, &fs_stats);
    else ConvertPetrarchAgents(ss.str(), file, &out, &fs_stats);
    std::ofstream o(fs_stats.output, std::ios::binary);
    o << out;
    if (!o) return Status::IoError("cannot write " + fs_stats.output);
    stats->files.push_back(std::move(fs_stats));
    ++dictionaries;
  }
  if (dictionaries == 0) return Status::NotFound("no actor or agent dictionaries in " + dir);
  return Status::Ok();
}

}  // namespace dyad::lexicon
