#include "pipeline/actor_eval.h"

#include <cstdio>
#include <fstream>
#include <map>

namespace dyad::pipeline {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = line.find('\t', b);
    out.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  if (!out.empty() && !out.back().empty() && out.back().back() == '\r') out.back().pop_back();
  return out;
}

bool IsInternationalCode(std::string_view code) {
  return code.size() >= 3 && (code.substr(0, 3) == "IGO" || code.substr(0, 3) == "NGO" ||
                              code.substr(0, 3) == "IMG");
}

// Gold country against dyad's mention: "" wants no country, "IGO" any intergovernmental code,
// anything else the same country key (ISO3, or UNO/EUR/... for international codes).
bool CountryMatches(const std::string& gold, const std::optional<ActorMention>& m) {
  std::string key = m ? CountryKey(*m) : "";
  if (gold == "IGO") return m && m->code.rfind("IGO", 0) == 0;
  return gold == key;
}

}  // namespace

bool IsCameoSector(std::string_view s) {
  static const char* const kSectors[] = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY",
                                         "REB", "INS", "SEP", "SPY", "IGO", "NGO", "IMG",
                                         "BUS", "MED", "EDU", "CVL", "REF", "LAB", "AGR",
                                         "HLH", "ELI", "CRM", "UAF"};
  for (const char* k : kSectors) {
    if (s == k) return true;
  }
  return false;
}

std::string CountryKey(const ActorMention& m) {
  if (!m.country.empty()) return m.country;
  if (IsInternationalCode(m.code) && m.code.size() >= 6) return m.code.substr(3, 3);
  return "";
}

std::optional<ActorMention> ResolveActorString(const Coder& coder, std::string_view text,
                                               std::string_view date) {
  Document doc;
  doc.article.id = "actor";
  doc.article.date = std::string(date);
  doc.article.text = std::string(text);
  if (!coder.Code(&doc).ok()) return std::nullopt;
  const ActorMention* best = nullptr;
  auto informative = [](const ActorMention& m) {
    return (m.country.empty() ? 0 : 1) + (m.sector.empty() ? 0 : 1);
  };
  for (const ActorMention& m : doc.actors) {
    if (m.code.empty() && m.sector.empty()) continue;
    if (best == nullptr) { best = &m; continue; }
    uint32_t len = m.span.end - m.span.begin, best_len = best->span.end - best->span.begin;
    if (len > best_len || (len == best_len && informative(m) > informative(*best))) best = &m;
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

Result<ActorScores> EvaluateActors(const Coder& coder, const std::string& path,
                                   const std::string& date) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read " + path);
  std::string line;
  if (!std::getline(in, line)) return Status::ParseError(path + ": empty file");
  std::map<std::string, size_t> col;
  std::vector<std::string> header = SplitTabs(line);
  for (size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  for (const char* need : {"text", "country", "sector"}) {
    if (!col.count(need)) return Status::ParseError(path + ": header has no '" + need + "' column");
  }
  auto field = [&](const std::vector<std::string>& f, const char* name) {
    auto it = col.find(name);
    return it == col.end() || it->second >= f.size() ? std::string() : f[it->second];
  };
  ActorScores s;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f = SplitTabs(line);
    std::string text = field(f, "text"), country = field(f, "country"), sector = field(f, "sector");
    if (text.empty()) { ++s.bad_lines; continue; }
    std::string row_date = field(f, "date").empty() ? date : field(f, "date");
    std::optional<ActorMention> m = ResolveActorString(coder, text, row_date);
    ++s.rows;
    if (!m) ++s.unresolved;
    bool country_ok = CountryMatches(country, m);
    s.country_correct += country_ok;
    if (!country.empty()) {
      ++s.country_rows_nonempty;
      s.country_correct_nonempty += country_ok;
    }
    std::string sector_verdict = "-";
    if (IsCameoSector(sector)) {
      ++s.sector_rows;
      bool ok = m && m->sector == sector;
      s.sector_correct += ok;
      sector_verdict = ok ? "ok" : "MISS";
    } else if (sector.empty()) {
      ++s.empty_sector_rows;
    } else {
      ++s.other_label_rows;
    }
    s.details.push_back(std::string(country_ok ? "ok" : "MISS") + "\t" + sector_verdict + "\t" +
                        country + "/" + sector + "\t" +
                        (m ? CountryKey(*m) + "/" + m->sector + "\t" + m->code + "\t" + m->rule
                           : std::string("-\t-\t-")) +
                        "\t" + text);
  }
  return s;
}

std::string ActorScores::Format() const {
  char buf[600];
  std::snprintf(buf, sizeof buf,
                "rows %d (no actor found: %d)\n"
                "country accuracy %.1f%% (%d/%d); over rows with a gold country %.1f%% (%d/%d)\n"
                "sector accuracy %.1f%% (%d/%d rows with a CAMEO sector label)\n"
                "other sector labels: %d rows; empty sector: %d rows\n",
                rows, unresolved, CountryAccuracy(), country_correct, rows,
                country_rows_nonempty ? 100.0 * country_correct_nonempty / country_rows_nonempty : 0.0,
                country_correct_nonempty, country_rows_nonempty, SectorAccuracy(), sector_correct,
                sector_rows, other_label_rows, empty_sector_rows);
  std::string out = buf;
  if (bad_lines > 0) out += "unreadable lines: " + std::to_string(bad_lines) + "\n";
  return out;
}

int RunEvalActors(const Coder& coder, const std::string& path, bool details) {
  auto scores = EvaluateActors(coder, path);
  if (!scores.ok()) {
    std::fprintf(stderr, "dyad: %s\n", scores.status().ToString().c_str());
    return 1;
  }
  if (details) {
    std::printf("country\tsector\tgold\tdyad\tcode\trule\ttext\n");
    for (const std::string& d : scores->details) std::printf("%s\n", d.c_str());
  }
  std::fputs(scores->Format().c_str(), stdout);
  return 0;
}

}  // namespace dyad::pipeline
