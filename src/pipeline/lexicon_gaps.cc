#include "pipeline/lexicon_gaps.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include "common/utf8.h"
#include "ingest/reader.h"

namespace dyad::pipeline {
namespace {

bool IsOneOf(std::string_view w, std::initializer_list<const char*> list) {
  for (const char* k : list) {
    if (w == k) return true;
  }
  return false;
}

bool IsSpeechVerb(std::string_view w) {
  return IsOneOf(w, {"said", "says", "told", "added", "stated", "warned", "announced", "insisted",
                     "explained", "noted", "wrote", "tweeted", "claimed", "argued", "urged",
                     "declared", "stressed", "confirmed", "denied", "acknowledged"});
}

bool IsOrgWord(std::string_view w) {
  return IsOneOf(w, {"party", "front", "movement", "army", "council", "union", "brigade",
                     "brigades", "forces", "organization", "organisation", "group", "alliance",
                     "league", "association", "committee", "commission", "ministry", "agency",
                     "authority", "coalition", "federation", "court", "assembly", "parliament",
                     "corporation", "company", "bank", "institute", "university", "foundation",
                     "network", "guard", "militia", "battalion", "congress", "tribunal", "police",
                     "service", "bureau", "directorate", "command"});
}

bool IsNameParticle(std::string_view w) {
  return IsOneOf(w, {"al", "el", "bin", "ibn", "de", "da", "van", "von", "ul", "abu", "of"});
}

// Tags that cannot start a name ("The", "But", "He" at the start of a sentence).
bool IsFunctionTag(const std::string& t) {
  return t == "DT" || t == "PRP" || t == "PRP$" || t == "IN" || t == "CC" || t == "WDT" ||
         t == "WP" || t == "WRB" || t == "RB" || t == "MD" || t == "EX" || t == "CD" ||
         t == "TO" || t == "UH" || t.rfind("VB", 0) == 0;
}

bool HasSector(const ActorMention& m) { return !m.sector.empty(); }

// A role mention without a name ("the army spokesman", "Sudanese police"): the kind of mention a
// name stands in apposition with or after.
bool IsRole(const ActorMention& m) {
  return HasSector(m) && m.rule.find("agent") != std::string::npos;
}

// Apposition also accepts an organisation's role ("Ali Musa, the Sudanese army spokesman,").
bool IsRoleOrOrg(const ActorMention& m) {
  return IsRole(m) || (HasSector(m) && m.rule.rfind("lexicon:org", 0) == 0);
}

bool IsCalendarWord(std::string_view w) {
  return IsOneOf(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                     "january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"});
}

std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  if (out.size() > 300) out = out.substr(0, 297) + "...";
  return out;
}

template <typename Map>
std::string Best(const Map& m) {
  std::string best;
  int n = 0;
  for (const auto& [k, v] : m) {
    if (v > n) { best = k; n = v; }
  }
  return best;
}

// Per-document view: which tokens are covered by what.
class DocScan {
 public:
  explicit DocScan(const Document& doc) : doc_(doc), actor_(doc.tokens.size(), -1),
                                          other_(doc.tokens.size(), false) {
    for (size_t a = 0; a < doc.actors.size(); ++a) {
      for (uint32_t t = doc.actors[a].token_begin; t < doc.actors[a].token_end; ++t) {
        actor_[t] = static_cast<int32_t>(a);
      }
    }
    for (const PlaceMention& p : doc.places) Mark(p.token_begin, p.token_end);
    for (const DateMention& d : doc.dates) Mark(d.token_begin, d.token_end);
  }

  // The actor mention ending right before token i, or nullptr.
  const ActorMention* EndingBefore(uint32_t i) const {
    if (i == 0 || actor_[i - 1] < 0) return nullptr;
    const ActorMention& m = doc_.actors[actor_[i - 1]];
    return m.token_end == i ? &m : nullptr;
  }
  const ActorMention* StartingWithin(uint32_t i, uint32_t end, uint32_t max_skip) const {
    for (uint32_t k = i; k < end && k <= i + max_skip; ++k) {
      if (actor_[k] >= 0) {
        const ActorMention& m = doc_.actors[actor_[k]];
        return m.token_begin == k ? &m : nullptr;
      }
      const std::string& w = doc_.tokens[k].lower;
      if (!IsOneOf(w, {"the", "a", "an", "its", "his", "her", "their", "former", "then"})) return nullptr;
    }
    return nullptr;
  }
  // The nearest actor mention in [b, e) (token distance to the name [nb, ne)) satisfying `want`.
  template <typename Pred>
  const ActorMention* Nearest(uint32_t b, uint32_t e, uint32_t nb, uint32_t ne, Pred want) const {
    const ActorMention* best = nullptr;
    uint32_t dist = 6;
    for (const ActorMention& m : doc_.actors) {
      if (m.token_begin < b || m.token_end > e || !want(m)) continue;
      uint32_t d = m.token_end <= nb ? nb - m.token_end : m.token_begin >= ne ? m.token_begin - ne : 0;
      if (d < dist) { dist = d; best = &m; }
    }
    return best;
  }
  bool Free(uint32_t i) const { return actor_[i] < 0 && !other_[i]; }

 private:
  void Mark(uint32_t b, uint32_t e) {
    for (uint32_t t = b; t < e && t < other_.size(); ++t) other_[t] = true;
  }
  const Document& doc_;
  std::vector<int32_t> actor_;
  std::vector<bool> other_;
};

}  // namespace

std::string GapRow::BestSector() const { return Best(sectors); }
std::string GapRow::BestCountry() const { return Best(countries); }

void GapCollector::Add(const Document& doc) {
  ++articles_;
  DocScan scan(doc);
  std::map<std::string, std::string> surname_of;  // "musa" -> "Ali Musa" within this article
  std::set<std::string> seen_here;
  auto record = [&](const std::string& raw_name, const std::string& kind, const ActorMention* cue_m,
                    const std::vector<std::string>& cues, const Sentence& s, uint32_t nb, uint32_t ne) {
    std::string name = raw_name;
    if (kind == "person") {
      auto it = surname_of.find(doc.tokens[ne - 1].lower);
      if (ne - nb == 1 && it != surname_of.end()) name = it->second;
      else if (ne - nb >= 2) surname_of[doc.tokens[ne - 1].lower] = name;
    }
    GapRow& r = rows_[name];
    r.name = name;
    r.kind = kind;
    ++r.count;
    if (seen_here.insert(name).second) ++r.articles;
    for (const std::string& c : cues) ++r.cues[c];
    const ActorMention* sec = cue_m && HasSector(*cue_m) ? cue_m
                              : scan.Nearest(s.token_begin, s.token_end, nb, ne, [](const ActorMention& m) {
                                  return HasSector(m) && m.rule.find("agent") != std::string::npos;
                                });
    const ActorMention* cty = cue_m && !cue_m->country.empty() ? cue_m
                              : scan.Nearest(s.token_begin, s.token_end, nb, ne, [](const ActorMention& m) {
                                  return !m.country.empty() && m.rule != "pronoun";
                                });
    if (sec) ++r.sectors[sec->sector];
    if (cty) ++r.countries[cty->country];
    if (r.examples.size() < 2) r.examples.push_back(OneLine(doc.Text(s.span)));
  };

  for (const Token& t : doc.tokens) {
    if (t.Is(kTokPunct) || t.Is(kTokSentStart) || t.Is(kTokAllCaps)) continue;
    if (t.Is(kTokCapitalized)) {
      ++word_case_[t.lower].first;
    } else if (!t.lower.empty() && t.lower[0] >= 'a' && t.lower[0] <= 'z') {
      ++word_case_[t.lower].second;
    }
  }
  for (const Sentence& s : doc.sentences) {
    if (doc.segments.size() > s.segment && doc.segments[s.segment].is_title) continue;
    // Persons dyad named from a title but could give no country ("the minister Ali Musa").
    for (const ActorMention& m : doc.actors) {
      if (m.token_begin < s.token_begin || m.token_end > s.token_end) continue;
      if (m.rule == "title+name" && m.country.empty()) {
        record(m.name, "person", &m, {"title-no-country"}, s, m.token_begin, m.token_end);
      }
    }
    for (uint32_t i = s.token_begin; i < s.token_end;) {
      const Token& t = doc.tokens[i];
      if (!t.Is(kTokCapitalized) || t.Is(kTokPunct) || !scan.Free(i) || IsFunctionTag(t.tag) ||
          IsCalendarWord(t.lower)) {
        ++i;
        continue;
      }
      uint32_t e = i + 1;
      while (e < s.token_end && e - i < 6) {
        const Token& u = doc.tokens[e];
        bool next_cap = e + 1 < s.token_end && doc.tokens[e + 1].Is(kTokCapitalized) && scan.Free(e + 1);
        if (u.Is(kTokCapitalized) && !u.Is(kTokPunct) && scan.Free(e) && !IsCalendarWord(u.lower)) { ++e; continue; }
        if ((IsNameParticle(u.lower) || u.lower == "-") && next_cap) { ++e; continue; }
        // "Ban Ki-moon": a hyphenated lower-case part written without spaces.
        if (u.lower == "-" && e + 1 < s.token_end && doc.tokens[e - 1].span.end == u.span.begin &&
            doc.tokens[e + 1].span.begin == u.span.end && !doc.tokens[e + 1].Is(kTokPunct) &&
            scan.Free(e + 1)) {
          e += 2;
          continue;
        }
        break;
      }
      uint32_t b = i;
      i = e;
      std::string name(doc.Text(Span{doc.tokens[b].span.begin, doc.tokens[e - 1].span.end}));
      bool org = IsOrgWord(doc.tokens[e - 1].lower) || (e - b == 1 && doc.tokens[b].Is(kTokAllCaps));
      std::vector<std::string> cues;
      const ActorMention* cue_m = nullptr;
      // A single capitalised word opening a sentence ("However", "Instead") is no name.
      if (e - b == 1 && doc.tokens[b].Is(kTokSentStart) && surname_of.count(doc.tokens[b].lower) == 0) continue;
      if (const ActorMention* before = scan.EndingBefore(b); before && IsRole(*before)) {
        cues.push_back("title");
        cue_m = before;
      }
      if (e + 1 < s.token_end && (doc.tokens[e].lower == "," || doc.tokens[e].lower == "(")) {
        if (const ActorMention* after = scan.StartingWithin(e + 1, s.token_end, 3); after && IsRoleOrOrg(*after)) {
          cues.push_back("appos");
          if (!cue_m) cue_m = after;
        }
      }
      if (b >= 2 && doc.tokens[b - 1].lower == ",") {
        if (const ActorMention* before = scan.EndingBefore(b - 1); before && IsRoleOrOrg(*before)) {
          cues.push_back("appos");
          if (!cue_m) cue_m = before;
        }
      }
      if (e < s.token_end && IsSpeechVerb(doc.tokens[e].lower)) cues.push_back("said");
      if (org && IsOrgWord(doc.tokens[e - 1].lower)) cues.push_back("org-word");
      if (cues.empty()) continue;
      record(name, org ? "org" : "person", cue_m, cues, s, b, e);
    }
  }
}

bool GapCollector::CommonWords(const std::string& name) const {
  size_t words = 0, common = 0;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    if (j == i) break;
    // "Hong Soon-jik": a hyphenated word by its first part (the lower-case part is no word).
    std::string w = utf8::NormalizeLower(name.substr(i, std::min(j, name.find('-', i)) - i));
    i = j;
    if (IsNameParticle(w)) continue;
    auto it = word_case_.find(w);
    ++words;
    if (it != word_case_.end() && it->second.second > it->second.first) ++common;
  }
  // A single word may be a surname that is also a common word ("Ban said", "Rice said").
  return words > 1 && common * 2 > words;
}

std::vector<GapRow> GapCollector::Ranked(int min_count) const {
  std::vector<GapRow> out;
  for (const auto& [name, r] : rows_) {
    if (r.count < min_count || (r.kind == "person" && CommonWords(name))) continue;
    out.push_back(r);
  }
  std::stable_sort(out.begin(), out.end(), [](const GapRow& a, const GapRow& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  return out;
}

std::string GapCollector::FormatTsv(const std::vector<GapRow>& rows) {
  std::string out = "name\tkind\tcount\tarticles\tsector\tcountry\tcues\texample\n";
  for (const GapRow& r : rows) {
    std::string cues;
    for (const auto& [c, n] : r.cues) cues += (cues.empty() ? "" : ",") + c + ":" + std::to_string(n);
    out += OneLine(r.name) + "\t" + r.kind + "\t" + std::to_string(r.count) + "\t" +
           std::to_string(r.articles) + "\t" + r.BestSector() + "\t" + r.BestCountry() + "\t" + cues +
           "\t" + (r.examples.empty() ? "" : r.examples[0]) + "\n";
  }
  return out;
}

int RunLexiconGaps(const Coder& coder, int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string out_path, date;
  int min_count = 1;
  size_t top = 0;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--min-count") min_count = std::atoi(value().c_str());
    else if (a == "--top") top = static_cast<size_t>(std::atol(value().c_str()));
    else if (a == "-o") out_path = value();
    else if (a == "--date") date = value();
    else if (a == "--data" || a == "--gazetteer" || a == "--actors") value();  // for the Coder
    else if (a.size() > 1 && a[0] == '-') continue;                            // a CLI switch
    else inputs.push_back(a);
  }
  if (inputs.empty()) {
    std::fputs(
        "usage: dyad lexicon gaps CORPUS.jsonl[.gz]|FILE.txt... [--min-count N] [--top N] [-o "
        "OUT.tsv]\n",
        stderr);
    return 2;
  }
  GapCollector gaps;
  ReaderOptions ropts;
  ropts.date = date;
  int errors = 0;
  for (const std::string& path : inputs) {
    auto reader = ArticleReader::Open(path, ropts);
    if (!reader.ok()) {
      std::fprintf(stderr, "dyad: %s\n", reader.status().ToString().c_str());
      return 1;
    }
    ReadItem item;
    while ((*reader)->Next(&item)) {
      errors += static_cast<int>(item.errors.size());
      if (!item.article) continue;
      Document doc;
      doc.article = std::move(*item.article);
      if (!coder.Code(&doc).ok()) { ++errors; continue; }
      gaps.Add(doc);
    }
  }
  std::vector<GapRow> rows = gaps.Ranked(min_count);
  if (top > 0 && rows.size() > top) rows.resize(top);
  std::string tsv = GapCollector::FormatTsv(rows);
  std::FILE* out = out_path.empty() ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!out) {
    std::fprintf(stderr, "dyad: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::fwrite(tsv.data(), 1, tsv.size(), out);
  if (out != stdout) std::fclose(out);
  std::fprintf(stderr, "dyad: %d articles, %zu unresolved names listed, %d bad records\n", gaps.articles(),
               rows.size(), errors);
  return 0;
}

}  // namespace dyad::pipeline
